from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BijeenkomstenConfig(AppConfig):
    name = "bijeenkomsten"
    verbose_name = _("Bijeenkomsten")

    def ready(self) -> None:
        from bijeenkomsten.registration import register

        register()
