"""Read queries for the verkenning and the stappenplan, with the object-level rules.

A beleidsadviseur sees the verkenningen they made or that were shared with
them; the kwartiermaker and the beheerder see all of them, read-only. Others'
verkenningen give 404; a verkenning one may see but not edit gives 403.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.constants import Levensdomein, Role
from inclusie.filtering import PortalFilterSet
from inclusie.models import DiversiteitsAspect, Wijk
from inclusie.permissions import CHANGE, allowed
from stappenplan.models import (
    Antwoord,
    ParticipatieActiviteit,
    Stap,
    StapGebeurtenis,
    Verkenning,
    VerkenningRapport,
    Vraag,
    Werkgroep,
    WerkgroepLid,
)

ALL_SEEING = (Role.KWARTIERMAKER, Role.BEHEERDER)


def verkenningen_visible(*, user):
    qs = Verkenning.objects.select_related("vragenlijst", "eigenaar", "wijk")
    if getattr(user, "role", None) in ALL_SEEING:
        return qs
    if getattr(user, "role", None) == Role.BELEIDSADVISEUR:
        return qs.filter(Q(eigenaar=user) | Q(gedeeld_met=user)).distinct()
    return qs.none()


def verkenningen_gedeeld_met(*, user, limit: int = 5) -> list[Verkenning]:
    """Concept verkenningen shared with `user` by their owner, newest first."""
    return list(
        Verkenning.objects.filter(gedeeld_met=user, status=Verkenning.Status.CONCEPT)
        .exclude(eigenaar=user)
        .select_related("eigenaar")
        .order_by("-updated_at")[:limit]
    )


def can_edit(*, user, verkenning: Verkenning) -> bool:
    if not allowed(user, "verkenning", CHANGE) or user.role != Role.BELEIDSADVISEUR:
        return False
    if verkenning.eigenaar_id == user.pk:
        return True
    return verkenning.gedeeld_met.filter(pk=user.pk).exists()


def verkenning_for_view(*, user, pk: int) -> Verkenning:
    verkenning = verkenningen_visible(user=user).filter(pk=pk).first()
    if verkenning is None:
        raise Http404
    return verkenning


def verkenning_for_edit(*, user, pk: int) -> Verkenning:
    verkenning = verkenning_for_view(user=user, pk=pk)
    if not can_edit(user=user, verkenning=verkenning):
        raise PermissionDenied
    return verkenning


def verkenning_with_related(*, pk: int) -> Verkenning:
    return (
        Verkenning.objects.select_related("vragenlijst", "eigenaar", "wijk")
        .prefetch_related("gedeeld_met")
        .get(pk=pk)
    )


class VerkenningFilter(PortalFilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), field_name="titel", lookup_expr="icontains")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Verkenning.Status.choices, empty_label=_("Alle statussen")
    )
    levensdomein = django_filters.ChoiceFilter(
        label=_("Levensdomein"), choices=Levensdomein.choices, empty_label=_("Alle levensdomeinen")
    )
    jaar = django_filters.NumberFilter(label=_("Jaar"))

    class Meta:
        model = Verkenning
        fields = ["q", "status", "levensdomein", "jaar"]


class ParticipatieFilter(PortalFilterSet):
    soort = django_filters.ChoiceFilter(
        label=_("Soort"),
        choices=ParticipatieActiviteit.Soort.choices,
        empty_label=_("Alle soorten"),
    )
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"), queryset=Wijk.objects.all(), empty_label=_("Alle wijken")
    )

    class Meta:
        model = ParticipatieActiviteit
        fields = ["soort", "wijk"]


def verkenning_list(*, user, params=None) -> VerkenningFilter:
    qs = verkenningen_visible(user=user).order_by("-updated_at", "-pk")
    return VerkenningFilter(params or None, queryset=qs)


@dataclass
class Item:
    """One question with its answer, for the form, the PDF, the CSV and the comparison."""

    vraag: Vraag
    antwoord: Antwoord | None
    deelvragen: list[Item] = field(default_factory=list)
    weergave: str = ""

    @property
    def staat(self) -> str:
        return self.antwoord.staat if self.antwoord else Antwoord.Staat.OPEN

    @property
    def versie(self) -> int:
        return self.antwoord.versie if self.antwoord else 0


@dataclass
class DeelView:
    deel: object
    items: list[Item]
    beantwoord: int = 0
    overgeslagen: int = 0
    open: int = 0

    @property
    def totaal(self) -> int:
        return self.beantwoord + self.overgeslagen + self.open

    @property
    def klaar(self) -> int:
        return self.beantwoord + self.overgeslagen


def _weergave(vraag: Vraag, antwoord: Antwoord | None, wijken: dict[str, str]) -> str:
    if antwoord is None:
        return ""
    if vraag.soort == Vraag.Soort.LEVENSDOMEIN and antwoord.tekst in Levensdomein.values:
        return str(Levensdomein(antwoord.tekst).label)
    if vraag.soort == Vraag.Soort.WIJK:
        return wijken.get(antwoord.tekst, "")
    if vraag.soort == Vraag.Soort.MEERKEUZE:
        return ", ".join(antwoord.keuzes)
    return antwoord.tekst


def verkenning_structuur(*, verkenning: Verkenning) -> list[DeelView]:
    """Parts -> questions -> sub-questions with answers, in a fixed number of queries (3)."""
    vragen = list(
        Vraag.objects.filter(deel__vragenlijst_id=verkenning.vragenlijst_id)
        .select_related("deel")
        .order_by("deel__nummer", "volgorde")
    )
    antwoorden = {a.vraag_id: a for a in Antwoord.objects.filter(verkenning=verkenning)}
    wijken = (
        {str(pk): naam for pk, naam in Wijk.objects.values_list("pk", "naam")}
        if any(v.soort == Vraag.Soort.WIJK for v in vragen)
        else {}
    )
    delen: dict[int, DeelView] = {}
    items: dict[int, Item] = {}
    for vraag in vragen:
        antwoord = antwoorden.get(vraag.pk)
        item = Item(vraag=vraag, antwoord=antwoord, weergave=_weergave(vraag, antwoord, wijken))
        items[vraag.pk] = item
        view = delen.setdefault(vraag.deel_id, DeelView(deel=vraag.deel, items=[]))
        if vraag.hoofdvraag_id and vraag.hoofdvraag_id in items:
            items[vraag.hoofdvraag_id].deelvragen.append(item)
        else:
            view.items.append(item)
        staat = item.staat
        if staat == Antwoord.Staat.BEANTWOORD:
            view.beantwoord += 1
        elif staat == Antwoord.Staat.OVERGESLAGEN:
            view.overgeslagen += 1
        else:
            view.open += 1
    return list(delen.values())


def open_vragen(*, verkenning: Verkenning) -> list[tuple[object, list[Item]]]:
    """Per part, the questions (and sub-questions) neither answered nor skipped."""
    result = []
    for view in verkenning_structuur(verkenning=verkenning):
        items = []
        for item in view.items:
            if item.staat == Antwoord.Staat.OPEN:
                items.append(item)
            items.extend(d for d in item.deelvragen if d.staat == Antwoord.Staat.OPEN)
        if items:
            result.append((view.deel, items))
    return result


def deel_voortgang(*, verkenning: Verkenning, deel_id: int) -> dict[str, int]:
    """Answered / skipped / open for one part (after an autosave), two queries."""
    totaal = Vraag.objects.filter(deel_id=deel_id).count()
    staten = [
        a.staat
        for a in Antwoord.objects.filter(verkenning=verkenning, vraag__deel_id=deel_id).only(
            "tekst", "keuzes", "overgeslagen"
        )
    ]
    beantwoord = staten.count(Antwoord.Staat.BEANTWOORD)
    overgeslagen = staten.count(Antwoord.Staat.OVERGESLAGEN)
    return {
        "beantwoord": beantwoord,
        "overgeslagen": overgeslagen,
        "open": totaal - beantwoord - overgeslagen,
        "totaal": totaal,
    }


def rapport_for_user(*, user, pk: int) -> VerkenningRapport:
    rapport = VerkenningRapport.objects.select_related("verkenning").filter(pk=pk).first()
    if (
        rapport is None
        or not verkenningen_visible(user=user).filter(pk=rapport.verkenning_id).exists()
    ):
        raise Http404
    return rapport


def vergelijking(*, a: Verkenning, b: Verkenning) -> list[dict]:
    """Rows for a side-by-side comparison, matched on part and question number."""
    links = verkenning_structuur(verkenning=a)
    rechts = verkenning_structuur(verkenning=b)

    def flat(delen):
        out = {}
        for d in delen:
            for item in d.items:
                out[(d.deel.nummer, item.vraag.nummer)] = (d.deel, item)
                for sub in item.deelvragen:
                    out[(d.deel.nummer, sub.vraag.nummer)] = (d.deel, sub)
        return out

    fa, fb = flat(links), flat(rechts)
    keys = list(fa) + [k for k in fb if k not in fa]
    rows = []
    for key in keys:
        deel, item_a = fa.get(key, (None, None))
        deel_b, item_b = fb.get(key, (None, None))
        vraag = (item_a or item_b).vraag
        rows.append(
            {
                "deel": deel or deel_b,
                "nummer": key[1],
                "vraag": vraag,
                "a": item_a,
                "b": item_b,
                "verschilt": (item_a.weergave if item_a else "", item_a.staat if item_a else "")
                != (item_b.weergave if item_b else "", item_b.staat if item_b else ""),
            }
        )
    return rows


# --- stappenplan ------------------------------------------------------------------


def stappen():
    return Stap.objects.select_related("verkenning").order_by("soort", "nummer")


def stap_detail(*, pk: int) -> Stap:
    stap = Stap.objects.select_related("verkenning").filter(pk=pk).first()
    if stap is None:
        raise Http404
    return stap


def werkgroepen():
    return Werkgroep.objects.annotate(aantal=Count("leden")).order_by("naam")


def werkgroep_detail(*, pk: int) -> Werkgroep:
    werkgroep = Werkgroep.objects.filter(pk=pk).first()
    if werkgroep is None:
        raise Http404
    return werkgroep


def werkgroep_leden(*, werkgroep: Werkgroep):
    return (
        WerkgroepLid.objects.filter(werkgroep=werkgroep)
        .select_related("persoon")
        .prefetch_related("kennis")
        .order_by("persoon__naam")
    )


def werkgroep_dekking(*, werkgroep: Werkgroep) -> list[dict]:
    """Per diversity aspect: how many members bring knowledge of it ("who is missing?")."""
    aspecten = DiversiteitsAspect.objects.annotate(
        n=Count("werkgroep_leden", filter=Q(werkgroep_leden__werkgroep=werkgroep))
    ).order_by("volgorde", "naam")
    return [{"aspect": a, "aantal": a.n} for a in aspecten]


def participatie_list(*, params=None) -> ParticipatieFilter:
    qs = (
        ParticipatieActiviteit.objects.select_related("wijk", "stap")
        .prefetch_related("bereikt")
        .order_by("-datum", "-pk")
    )
    return ParticipatieFilter(params or None, queryset=qs)


def niet_bereikt():
    """Diversity aspects no participation activity has reached yet."""
    return DiversiteitsAspect.objects.filter(participatie_activiteiten__isnull=True).order_by(
        "volgorde", "naam"
    )


# --- figures (fixed query counts) ---------------------------------------------


def figure_stappenplan_status(start, end) -> dict:
    """Steps per status at `end`: each step's last recorded status change before `end`.

    A step with no recorded change before `end` had not started yet.
    """
    end_dt = timezone.make_aware(datetime.datetime.combine(end, datetime.time.min))
    laatste = (
        StapGebeurtenis.objects.filter(stap=OuterRef("pk"), op__lt=end_dt)
        .exclude(status="")
        .order_by("-op", "-pk")
        .values("status")[:1]
    )
    statussen = (
        Stap.objects.filter(soort=Stap.Soort.STAP)
        .annotate(status_op=Subquery(laatste))
        .values_list("status_op", flat=True)
    )
    counts = Counter(s or Stap.Status.NIET_GESTART for s in statussen)
    return {str(label): counts.get(value, 0) for value, label in Stap.Status.choices}


def figure_verkenning_ingediend(start, end) -> int:
    return Verkenning.objects.filter(
        ingediend_op__date__gte=start, ingediend_op__date__lt=end
    ).count()


def figure_participatie_bereik(start, end) -> int:
    return (
        ParticipatieActiviteit.objects.filter(datum__gte=start, datum__lt=end).aggregate(
            n=Sum("deelnemers")
        )["n"]
        or 0
    )


def figure_participatie_activiteiten(start, end) -> dict:
    counts = dict(
        ParticipatieActiviteit.objects.filter(datum__gte=start, datum__lt=end)
        .values_list("soort")
        .annotate(n=Count("pk"))
        .values_list("soort", "n")
    )
    return {
        str(label): counts.get(value, 0) for value, label in ParticipatieActiviteit.Soort.choices
    }


def vragenlijst_versies(*, params=None):
    """Every version of every questionnaire, for the beheerder, with its number of uses."""
    from django.db.models import Count

    from stappenplan.models import Vragenlijst

    return Vragenlijst.objects.annotate(aantal_verkenningen=Count("verkenningen")).order_by(
        "volgorde", "code", "-versie"
    )


def vragenlijst_beheer(*, pk: int):
    """One version with its parts and questions (two queries), for the beheer page."""
    from django.db.models import Prefetch
    from django.shortcuts import get_object_or_404

    from stappenplan.models import Deel, Vraag, Vragenlijst

    vragen = Vraag.objects.order_by("volgorde")
    delen = Deel.objects.order_by("nummer").prefetch_related(Prefetch("vragen", queryset=vragen))
    return get_object_or_404(
        Vragenlijst.objects.prefetch_related(Prefetch("delen", queryset=delen)), pk=pk
    )
