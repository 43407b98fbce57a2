from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StappenplanConfig(AppConfig):
    name = "stappenplan"
    verbose_name = _("Stappenplan Inclusief Beleid")

    def ready(self) -> None:
        from stappenplan.registration import register

        register()
