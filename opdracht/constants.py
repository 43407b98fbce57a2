"""Choices of the app, shared by models, forms, filters and services."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UrenActiviteit(models.TextChoices):
    """The three functions of the kwartiermaker (the Deventer nota) plus the rest."""

    STAD = "stad", _("In de stad: ophalen, verbinden, signalen")
    AMBASSADEURS = "ambassadeurs", _("Coördinatie en coaching ambassadeurs")
    DEAL = "deal", _("Vormgeven Inclusie Deal en pijlers")
    KLANKBORD = "klankbord", _("Klankbordgroep")
    OVERLEG = "overleg", _("Overleg gemeente en verslaglegging")
    OVERIG = "overig", _("Overig")
