from django.apps import AppConfig


class KlankbordConfig(AppConfig):
    name = "klankbord"
