from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpdrachtConfig(AppConfig):
    name = "opdracht"
    verbose_name = _("Opdracht kwartiermaker")

    def ready(self) -> None:
        from opdracht.registration import register

        register()
