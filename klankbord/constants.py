"""Choices and rules of the klankbordgroep and the signals from the city."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class KlankbordRol(models.TextChoices):
    VOORZITTER = "voorzitter", _("Voorzitter")
    LID = "lid", _("Lid")
    ADVISEUR_DI = "adviseur_di", _("Beleidsadviseur diversiteit en inclusie")
    ADVISEUR_ONDERWERP = "adviseur_onderwerp", _("Beleidsadviseur op onderwerp")


# Composition in the Deventer nota: six members, one of whom the group chooses as voorzitter,
# plus the beleidsadviseur D&I and a beleidsadviseur who joins per topic.
LEDEN_DOEL = 6
VOORZITTERS_DOEL = 1
ADVISEURS_DI_DOEL = 1
ADVISEURS_ONDERWERP_DOEL = 1
LEDEN_ROLLEN = (KlankbordRol.VOORZITTER, KlankbordRol.LID)


class AdviesSoort(models.TextChoices):
    GEVRAAGD = "gevraagd", _("Gevraagd advies")
    ONGEVRAAGD = "ongevraagd", _("Ongevraagd advies")


class AdviesUitkomst(models.TextChoices):
    OPEN = "open", _("Nog geen reactie")
    OVERGENOMEN = "overgenomen", _("Overgenomen")
    DEELS = "deels", _("Deels overgenomen")
    NIET = "niet", _("Niet overgenomen")


# An outcome other than "overgenomen" needs a motivation from the gemeente.
UITKOMST_MET_MOTIVATIE = (AdviesUitkomst.DEELS, AdviesUitkomst.NIET)


class SignaalThema(models.TextChoices):
    WERK_INKOMEN = "werk_inkomen", _("Werk en inkomen")
    ONDERWIJS = "onderwijs", _("Onderwijs en ontwikkeling")
    WONEN = "wonen", _("Wonen en buurt")
    ZORG_WELZIJN = "zorg_welzijn", _("Welzijn, zorg en ondersteuning")
    VRIJE_TIJD = "vrije_tijd", _("Vrije tijd, sport en cultuur")
    TOEGANKELIJKHEID = "toegankelijkheid", _("Toegankelijkheid en vervoer")
    DISCRIMINATIE = "discriminatie", _("Discriminatie en uitsluiting")
    VEILIGHEID = "veiligheid", _("Veiligheid")
    COMMUNICATIE = "communicatie", _("Taal en communicatie van de gemeente")
    OVERIG = "overig", _("Overig")


class SignaalBron(models.TextChoices):
    KWARTIERMAKER = "kwartiermaker", _("Kwartiermaker")
    KLANKBORD = "klankbord", _("Klankbordgroep")
    AMBASSADEUR = "ambassadeur", _("Ambassadeur")
    INWONER = "inwoner", _("Inwoner")
    ORGANISATIE = "organisatie", _("Organisatie of partner")
    WIJKTEAM = "wijkteam", _("Wijkteam of sociaal werk")
    MEDIA = "media", _("Media of sociale media")
    OVERIG = "overig", _("Overig")


class SignaalStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    OPGEVOLGD = "opgevolgd", _("Opgevolgd")
    GESLOTEN = "gesloten", _("Gesloten zonder vervolg")


SIGNAAL_OPEN = (SignaalStatus.NIEUW, SignaalStatus.IN_BEHANDELING)


# Status badge tones ({% status_badge label tone %}, docs/interface.md): colour with the text.
UITKOMST_TOON = {
    AdviesUitkomst.OPEN: "neutral",
    AdviesUitkomst.OVERGENOMEN: "success",
    AdviesUitkomst.DEELS: "warning",
    AdviesUitkomst.NIET: "inactive",
}
SIGNAAL_TOON = {
    SignaalStatus.NIEUW: "active",
    SignaalStatus.IN_BEHANDELING: "warning",
    SignaalStatus.OPGEVOLGD: "success",
    SignaalStatus.GESLOTEN: "inactive",
}
