from django.apps import AppConfig


class AmbassadeursConfig(AppConfig):
    name = "ambassadeurs"
