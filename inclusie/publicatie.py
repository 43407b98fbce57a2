"""Publishing with redaction: the preview, the adviser's decisions and the log.

Services (writes) and the one selector that computes what a publication will
show. Every kind of publication (raadsmededeling, public minutes) passes its
texts as a dict of field key -> text; keys are stable per document, so a lift
("this 'Berg' is the mountain") is tied to one occurrence in one field.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from inclusie.models import Lakbesluit, Lakregel, Lakvoorvertoning, User
from inclusie.redaction import WOO_GROND, Result, fold, portal_redactor

MIN_REDEN = 10


def _ref(document: models.Model) -> dict:
    return {
        "content_type": ContentType.objects.get_for_model(document),
        "object_id": document.pk,
    }


def lakbesluiten(document: models.Model):
    return Lakbesluit.objects.filter(**_ref(document)).select_related("door")


def redactie(document: models.Model, teksten: dict[str, str]) -> Result:
    """What the public version of `document` will show, with every decision applied."""
    return redactor_voor(document).apply(teksten)


def redactor_voor(document: models.Model):
    """The engine with this document's additions and lifts applied."""
    extra: list[str] = []
    lifted: set[str] = set()
    lifted_text: dict[str, str] = {}
    for besluit in lakbesluiten(document):
        if besluit.actie == Lakbesluit.Actie.TOEVOEGEN:
            extra.append(besluit.tekst)
            # Adding a text again undoes an earlier lift of that same text.
            folded = " ".join(fold(besluit.tekst).split())
            for key in [k for k, t in lifted_text.items() if t == folded]:
                lifted.discard(key)
                del lifted_text[key]
        else:
            lifted.add(besluit.sleutel)
            lifted_text[besluit.sleutel] = " ".join(fold(besluit.tekst).split())
    return portal_redactor(extra=extra, lifted=lifted)


@transaction.atomic
def lakking_toevoegen(
    *, document: models.Model, teksten: dict[str, str], tekst: str, reden: str = "", by: User
) -> Lakbesluit:
    """The adviser redacts a passage the engine missed (everywhere it occurs)."""
    tekst = " ".join((tekst or "").split())
    if not tekst:
        raise ValidationError({"tekst": _("Vul de tekst in die u wilt lakken.")})
    if len(tekst) > 300:
        raise ValidationError({"tekst": _("Lak een stuk van hoogstens 300 tekens tegelijk.")})
    gevonden = any(
        " ".join(fold(tekst).split()) in " ".join(fold(t or "").split()) for t in teksten.values()
    )
    if not gevonden:
        raise ValidationError(
            {"tekst": _("Deze tekst komt niet voor in het document. Controleer de spelling.")}
        )
    besluit = Lakbesluit(
        **_ref(document), actie=Lakbesluit.Actie.TOEVOEGEN, tekst=tekst, reden=reden, door=by
    )
    besluit.full_clean()
    besluit.save()
    return besluit


@transaction.atomic
def lakking_opheffen(
    *, document: models.Model, teksten: dict[str, str], sleutel: str, reden: str, by: User
) -> Lakbesluit:
    """The adviser lifts one redaction; the reason is required and logged."""
    reden = (reden or "").strip()
    if len(reden) < MIN_REDEN:
        raise ValidationError(
            {"reden": _("Schrijf in een zin waarom deze tekst niet gelakt hoeft te worden.")}
        )
    result = redactie(document, teksten)
    hit = next((h for h in result.alle_hits if h.sleutel == sleutel), None)
    if hit is None:
        raise ValidationError(
            _(
                "Deze lakking bestaat niet meer; de tekst is veranderd. Bekijk de voorvertoning opnieuw."
            )
        )
    if hit.opgeheven:
        raise ValidationError(_("Deze lakking is al opgeheven."))
    besluit = Lakbesluit(
        **_ref(document),
        actie=Lakbesluit.Actie.OPHEFFEN,
        tekst=hit.tekst[:300],
        sleutel=sleutel[:500],
        veld=hit.veld[:200],
        reden=reden,
        door=by,
    )
    besluit.full_clean()
    besluit.save()
    return besluit


def voorvertoning_vastleggen(*, document: models.Model, result: Result, by: User | None):
    """Log that `by` saw this preview (the fingerprint says exactly which one)."""
    return Lakvoorvertoning.objects.create(
        **_ref(document), sleutel=result.sleutel, aantal=result.aantal, door=by
    )


def voorvertoning_controleren(
    *, document: models.Model, result: Result, sleutel: str, by: User | None
) -> None:
    """Refuse to publish unless `by` saw exactly this preview.

    The fingerprint covers the texts, every hit and every decision: a changed
    text, a new person in the portal or a later lift all need a fresh look.
    """
    if not sleutel or sleutel != result.sleutel:
        raise ValidationError(
            _(
                "De tekst of de lakkingen zijn veranderd sinds u de voorvertoning zag. "
                "Bekijk de voorvertoning opnieuw en publiceer dan."
            )
        )
    seen = Lakvoorvertoning.objects.filter(**_ref(document), sleutel=sleutel)
    if by is not None:
        seen = seen.filter(door=by)
    if not seen.exists():
        raise ValidationError(_("Bekijk eerst de voorvertoning van de openbare versie."))


def lakregels_vastleggen(*, document: models.Model, result: Result, by: User | None) -> None:
    """On publication: log every redacted passage (kind, text, count, Woo ground)."""
    Lakregel.objects.bulk_create(
        Lakregel(
            **_ref(document), soort=soort, tekst=tekst[:300], aantal=n, grond=WOO_GROND, door=by
        )
        for (soort, tekst), n in sorted(result.tellingen().items())
    )


def lakregels(document: models.Model):
    return Lakregel.objects.filter(**_ref(document))
