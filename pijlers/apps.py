from django.apps import AppConfig


class PijlersConfig(AppConfig):
    name = "pijlers"
