"""Choices of the app, shared by models, forms, filters and services."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    AMBASSADEURS = "ambassadeurs", _("Ambassadeursbijeenkomst")
    KLANKBORD = "klankbord", _("Klankbordgroep")
    KLANKBORD_WETHOUDER = "klankbord_wethouder", _("Klankbordgroep met wethouder")
    PIJLERTAFEL = "pijlertafel", _("Pijlertafel")
    STUURGROEP = "stuurgroep", _("Stuurgroep")
    WERKGROEP = "werkgroep", _("Werkgroep")
    STADSGESPREK = "stadsgesprek", _("Startbijeenkomst of stadsgesprek")


class ReeksPatroon(models.TextChoices):
    MAANDELIJKS = "maandelijks", _("Elke maand op een vaste weekdag (bijv. eerste dinsdag)")
    WEKELIJKS = "wekelijks", _("Elke zoveel weken")


class Weekdag(models.IntegerChoices):
    MAANDAG = 0, _("maandag")
    DINSDAG = 1, _("dinsdag")
    WOENSDAG = 2, _("woensdag")
    DONDERDAG = 3, _("donderdag")
    VRIJDAG = 4, _("vrijdag")
    ZATERDAG = 5, _("zaterdag")
    ZONDAG = 6, _("zondag")


class WeekVanMaand(models.IntegerChoices):
    EERSTE = 1, _("eerste")
    TWEEDE = 2, _("tweede")
    DERDE = 3, _("derde")
    VIERDE = 4, _("vierde")
    LAATSTE = -1, _("laatste")


class BijeenkomstStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


class VerslagStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")


class RsvpAntwoord(models.TextChoices):
    GEEN = "geen", _("Nog geen antwoord")
    KOMT = "komt", _("Komt")
    KOMT_NIET = "komt_niet", _("Komt niet")
    MISSCHIEN = "misschien", _("Misschien")


class Aanwezigheid(models.TextChoices):
    ONBEKEND = "onbekend", _("Nog niet ingevuld")
    AANWEZIG = "aanwezig", _("Aanwezig")
    AFWEZIG_MET_BERICHT = "afwezig_bericht", _("Afwezig met bericht")
    AFWEZIG = "afwezig", _("Afwezig")


class ActieStatus(models.TextChoices):
    OPEN = "open", _("Open")
    GEREED = "gereed", _("Gereed")


class Fase(models.TextChoices):
    """Where a meeting is in its life; decides what an organiser can do (bijeenkomsten.fasen)."""

    VOOR = "voor", _("Gepland")
    TIJDENS = "tijdens", _("Nu bezig")
    NA = "na", _("Verslag in concept")
    VASTGESTELD = "vastgesteld", _("Verslag vastgesteld")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


class Handeling(models.TextChoices):
    """What an organiser does to a meeting; each fits some phases only."""

    AGENDA = "agenda", _("Agendapunt toevoegen")
    UITNODIGEN = "uitnodigen", _("Genodigden en uitnodiging")
    WIJZIGEN = "wijzigen", _("Wijzigen of verplaatsen")
    ANNULEREN = "annuleren", _("Annuleren")
    AANWEZIGHEID = "aanwezigheid", _("Aanwezigheid invullen")
    VERSLAG = "verslag", _("Verslag schrijven")
    BESLUIT = "besluit", _("Besluit vastleggen")
    ACTIE = "actie", _("Actiepunt toevoegen")
    VASTSTELLEN = "vaststellen", _("Verslag vaststellen")
    OPENBAAR = "openbaar", _("Openbare versie voorbereiden")


# Status badge tones ({% status_badge label tone %}, docs/interface.md): colour with the text.
FASE_TOON = {
    Fase.VOOR: "neutral",
    Fase.TIJDENS: "active",
    Fase.NA: "warning",
    Fase.VASTGESTELD: "success",
    Fase.GEANNULEERD: "inactive",
}
ANTWOORD_TOON = {
    RsvpAntwoord.GEEN: "neutral",
    RsvpAntwoord.KOMT: "success",
    RsvpAntwoord.MISSCHIEN: "warning",
    RsvpAntwoord.KOMT_NIET: "inactive",
}
AANWEZIGHEID_TOON = {
    Aanwezigheid.ONBEKEND: "neutral",
    Aanwezigheid.AANWEZIG: "success",
    Aanwezigheid.AFWEZIG_MET_BERICHT: "inactive",
    Aanwezigheid.AFWEZIG: "warning",
}
VERSLAG_TOON = {VerslagStatus.CONCEPT: "warning", VerslagStatus.VASTGESTELD: "success"}
ACTIE_TOON = {ActieStatus.OPEN: "active", ActieStatus.GEREED: "success"}
