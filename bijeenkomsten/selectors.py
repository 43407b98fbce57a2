"""Read queries for meetings, shared by views, the PDF, the feed, panels and figures.

Visibility (decided here, enforced by 404): people who may change meetings
(kwartiermaker, beheerder) see every meeting; everyone else sees only the
meetings they are invited to or organise. So an ambassador never sees a
stuurgroep meeting they are not invited to, and nobody sees another person's
RSVP except through a meeting they may see.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import django_filters
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.models import (
    Actie,
    ActieStatusWijziging,
    Agendapunt,
    Bijeenkomst,
    Bijlage,
    Soort,
    Uitnodiging,
    orgaan_soorten,
)
from inclusie.constants import Role
from inclusie.filtering import PortalFilterSet
from inclusie.models import User
from inclusie.permissions import CHANGE, allowed
from inclusie.pickers import Kiezer


def beheert_bijeenkomsten(user) -> bool:
    return allowed(user, "bijeenkomsten", CHANGE)


def bijeenkomsten_zichtbaar(user):
    qs = Bijeenkomst.objects.all()
    if beheert_bijeenkomsten(user):
        return qs
    invited = Uitnodiging.objects.filter(bijeenkomst=OuterRef("pk"), user=user)
    return qs.filter(Q(Exists(invited)) | Q(organisator=user))


class BijeenkomstFilter(PortalFilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    soort = django_filters.ChoiceFilter(
        label=_("Soort"), choices=Soort.choices, empty_label=_("Alle soorten")
    )
    wanneer = django_filters.ChoiceFilter(
        label=_("Wanneer"),
        choices=(("komend", _("Komend")), ("voorbij", _("Voorbij"))),
        empty_label=_("Alle"),
        method="filter_wanneer",
    )

    class Meta:
        model = Bijeenkomst
        fields = ["q", "soort", "wanneer"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(titel__icontains=value) | Q(locatie__icontains=value))

    def filter_wanneer(self, queryset, name, value):
        now = timezone.now()
        if value == "komend":
            return queryset.filter(eind__gte=now).order_by("start")
        return queryset.filter(eind__lt=now).order_by("-start")


def _count(qs):
    from django.db.models import IntegerField, Subquery
    from django.db.models.functions import Coalesce

    counted = qs.order_by().values("bijeenkomst").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def bijeenkomst_list(*, user, params=None):
    qs = (
        bijeenkomsten_zichtbaar(user)
        .select_related("pijler")
        .annotate(
            n_genodigden=Count("uitnodigingen", distinct=True),
            n_open_acties=Count(
                "acties", filter=Q(acties__status=Actie.Status.OPEN), distinct=True
            ),
        )
        .order_by("-start")
    )
    return BijeenkomstFilter(params, queryset=qs)


def bijeenkomst_get(*, user, pk) -> Bijeenkomst:
    """A meeting the user may see, without related rows (for forms and actions)."""
    obj = bijeenkomsten_zichtbaar(user).filter(pk=pk).select_related("pijler").first()
    if obj is None:
        raise Http404
    return obj


def bijeenkomst_kop(*, user, pk) -> Bijeenkomst:
    """The meeting alone (title, dates, status), if `user` may see it: one query."""
    obj = bijeenkomsten_zichtbaar(user).filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


def bijeenkomst_detail(*, user, pk) -> Bijeenkomst:
    """A meeting with agenda, attachments, invitees, decisions and actions, in fixed queries."""
    obj = (
        bijeenkomsten_zichtbaar(user)
        .filter(pk=pk)
        .select_related("pijler", "organisator", "reeks")
        .prefetch_related(
            Prefetch(
                "agendapunten",
                queryset=Agendapunt.objects.prefetch_related(
                    Prefetch("bijlagen", queryset=Bijlage.objects.order_by("naam"))
                ),
            ),
            Prefetch(
                "uitnodigingen",
                queryset=Uitnodiging.objects.select_related(
                    "user", "user__aanwezigheid_toestemming", "persoon"
                ).order_by("user__naam", "persoon__naam", "pk"),
            ),
            "besluiten",
            Prefetch(
                "acties",
                queryset=Actie.objects.select_related(
                    "eigenaar",
                    "eigenaar__aanwezigheid_toestemming",
                    "eigenaar_persoon",
                    "agendapunt",
                    "bijeenkomst",
                ),
            ),
        )
        .first()
    )
    if obj is None:
        raise Http404
    return obj


def open_acties_eerder(bijeenkomst: Bijeenkomst, viewer=None) -> list[Actie]:
    """Open actions of earlier meetings of the same body that `viewer` may see.

    They go on this agenda. Actions of a meeting the viewer may not open (a klankbord
    meeting without the wethouder, say) are left out, and owners' names follow the
    consent rule (:func:`met_eigenaar_namen`). Without a viewer (the organiser's
    redaction of the public minutes) all of them.
    """
    qs = (
        Actie.objects.filter(
            status=Actie.Status.OPEN,
            bijeenkomst__soort__in=orgaan_soorten(bijeenkomst.soort),
            bijeenkomst__pijler_id=bijeenkomst.pijler_id,  # type: ignore[misc]  # None: IS NULL
            bijeenkomst__start__lt=bijeenkomst.start,
        )
        .exclude(bijeenkomst_id=bijeenkomst.pk)
        .select_related(
            "eigenaar", "eigenaar__aanwezigheid_toestemming", "eigenaar_persoon", "bijeenkomst"
        )
        .order_by("deadline", "pk")
    )
    if viewer is None:
        return list(qs)
    if not beheert_bijeenkomsten(viewer):
        qs = qs.filter(bijeenkomst__in=bijeenkomsten_zichtbaar(viewer).values("pk"))
    return met_eigenaar_namen(list(qs), viewer)


def vorige_bijeenkomst(bijeenkomst: Bijeenkomst, viewer) -> Bijeenkomst | None:
    """The previous held meeting of the same body (its minutes are approved at this one).

    None when `viewer` may not open it: a link that leads to a 404 helps nobody, and
    its title is not theirs to read.
    """
    vorige = (
        Bijeenkomst.objects.filter(
            soort__in=orgaan_soorten(bijeenkomst.soort),
            pijler_id=bijeenkomst.pijler_id,  # type: ignore[misc]  # None: IS NULL
            start__lt=bijeenkomst.start,
            status=Bijeenkomst.Status.GEPLAND,
        )
        .order_by("-start")
        .first()
    )
    if vorige is None or not bijeenkomsten_zichtbaar(viewer).filter(pk=vorige.pk).exists():
        return None
    return vorige


def _is_klankbord(soort: str) -> bool:
    return soort in orgaan_soorten(Soort.KLANKBORD)


def aanwezigheid_tonen(uitnodiging: Uitnodiging, viewer, *, soort: str | None = None) -> bool:
    """May `viewer` see this invitee's name with RSVP and attendance?

    Klankbord members are chosen for lived experience; their presence is shown to other
    participants only with their own consent. Organisers (who may change meetings) and
    the person themselves always see it. An invitee without an account cannot give that
    consent in the portal, so at a klankbord meeting they are never shown to others.
    `soort` is the meeting's (saves a query when the caller knows it).
    """
    if beheert_bijeenkomsten(viewer):
        return True
    if uitnodiging.user_id is None:
        return not _is_klankbord(soort or uitnodiging.bijeenkomst.soort)
    if getattr(uitnodiging.user, "role", None) != Role.KLANKBORDLID or (
        uitnodiging.user_id == viewer.pk
    ):
        return True
    toestemming = getattr(uitnodiging.user, "aanwezigheid_toestemming", None)
    return bool(toestemming and toestemming.zichtbaar)


def deelnemers_voor(bijeenkomst: Bijeenkomst, viewer) -> tuple[list[Uitnodiging], int]:
    """Invitees the viewer may see, and how many are hidden for lack of consent."""
    shown, hidden = [], 0
    for u in bijeenkomst.uitnodigingen.all():
        if aanwezigheid_tonen(u, viewer, soort=bijeenkomst.soort):
            shown.append(u)
        else:
            hidden += 1
    return shown, hidden


def eigenaar_naam(actie: Actie, viewer) -> str:
    """The owner's name as `viewer` may read it.

    Owning an action of a klankbord meeting shows that one was there: a klankbord member
    who did not consent to showing their attendance is named to organisers and to
    themselves only; others read "een lid van de klankbordgroep".
    """
    if beheert_bijeenkomsten(viewer) or (actie.eigenaar_id and actie.eigenaar_id == viewer.pk):
        return actie.uitvoerder
    if actie.eigenaar_id is None:
        # A person without an account cannot give consent in the portal (as for attendance).
        if _is_klankbord(actie.bijeenkomst.soort):
            return str(_("een lid van de klankbordgroep"))
        return actie.uitvoerder
    eigenaar = actie.eigenaar
    if getattr(eigenaar, "role", None) == Role.KLANKBORDLID:
        toestemming = getattr(eigenaar, "aanwezigheid_toestemming", None)
        if not (toestemming and toestemming.zichtbaar):
            return str(_("een lid van de klankbordgroep"))
    return str(eigenaar)


def met_eigenaar_namen(acties, viewer) -> list[Actie]:
    """The actions, each with `eigenaar_naam` set for `viewer` (see :func:`eigenaar_naam`)."""
    acties = list(acties)
    for actie in acties:
        actie.eigenaar_naam = eigenaar_naam(actie, viewer)
    return acties


def mijn_uitnodigingen(*, user, voorbij: bool = False):
    now = timezone.now()
    qs = Uitnodiging.objects.filter(user=user).select_related("bijeenkomst", "bijeenkomst__pijler")
    if voorbij:
        return qs.filter(bijeenkomst__eind__lt=now).order_by("-bijeenkomst__start")
    return qs.filter(bijeenkomst__eind__gte=now).order_by("bijeenkomst__start")


def uitnodiging_van(*, user, pk) -> Uitnodiging:
    """The user's own invitation, else 404 (nobody answers for someone else)."""
    obj = (
        Uitnodiging.objects.filter(pk=pk, user=user)
        .select_related("bijeenkomst", "bijeenkomst__pijler")
        .first()
    )
    if obj is None:
        raise Http404
    return obj


def feed_user(token: str) -> User:
    user = User.objects.filter(calendar_token=token, is_active=True).first() if token else None
    if user is None:
        raise Http404
    return user


def feed_bijeenkomsten(user: User):
    """Meetings for the personal feed: invited or organising, from 90 days back."""
    since = timezone.now() - timedelta(days=90)
    invited = Uitnodiging.objects.filter(bijeenkomst=OuterRef("pk"), user=user).exclude(
        antwoord=Uitnodiging.Antwoord.KOMT_NIET
    )
    return (
        Bijeenkomst.objects.filter(Q(Exists(invited)) | Q(organisator=user), eind__gte=since)
        .select_related("organisator")
        .order_by("start")[:500]
    )


class ActieFilter(PortalFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Actie.Status.choices, empty_label=_("Alle")
    )
    eigenaar = django_filters.ModelChoiceFilter(
        label=_("Wie"),
        queryset=User.objects.filter(is_active=True).order_by("naam"),
        empty_label=_("Iedereen"),
        widget=Kiezer,
    )

    class Meta:
        model = Actie
        fields = ["status", "eigenaar"]


def actie_list(*, user, params=None):
    qs = Actie.objects.select_related("eigenaar", "eigenaar_persoon", "bijeenkomst").order_by(
        "status", "deadline"
    )
    if params is None:
        params = {"status": Actie.Status.OPEN}
    if beheert_bijeenkomsten(user):
        return ActieFilter(params, queryset=qs)
    # Everyone else sees their own actions only, so the "Wie" filter offers only them:
    # it must not list every account holder's name.
    filterset = ActieFilter(params, queryset=qs.filter(eigenaar=user))
    filterset.filters["eigenaar"].queryset = User.objects.filter(pk=user.pk)
    return filterset


def actie_voor(*, user, pk) -> Actie:
    """An action the user may mark done: their own, or any for organisers."""
    qs = Actie.objects.select_related("bijeenkomst")
    if not beheert_bijeenkomsten(user):
        qs = qs.filter(eigenaar=user)
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


def bijlage_voor(*, user, pk) -> Bijlage:
    visible = bijeenkomsten_zichtbaar(user).values("pk")
    obj = (
        Bijlage.objects.filter(pk=pk, agendapunt__bijeenkomst__in=visible)
        .select_related("agendapunt")
        .first()
    )
    if obj is None:
        raise Http404
    return obj


# --- home panels --------------------------------------------------------------


def komende_bijeenkomsten(*, user, limit: int = 5):
    return list(
        bijeenkomsten_zichtbaar(user)
        .filter(eind__gte=timezone.now(), status=Bijeenkomst.Status.GEPLAND)
        .order_by("start")[:limit]
    )


def mijn_open_acties(*, user, limit: int = 5):
    return list(
        Actie.objects.filter(eigenaar=user, status=Actie.Status.OPEN)
        .select_related("bijeenkomst")
        .order_by("deadline")[:limit]
    )


# --- monitoring figures (fixed query counts) ------------------------------------


def figuur_gehouden(start: date, end: date) -> dict:
    rows = (
        Bijeenkomst.objects.filter(
            start__date__gte=start,
            start__date__lt=end,
            start__lt=timezone.now(),  # held: planned meetings still ahead do not count
            status=Bijeenkomst.Status.GEPLAND,
        )
        .values("soort")
        .annotate(n=Count("pk"))
    )
    counts = {row["soort"]: row["n"] for row in rows}
    return {str(label): counts.get(value, 0) for value, label in Soort.choices}


def figuur_opkomst(start: date, end: date) -> float | None:
    totals = Uitnodiging.objects.filter(
        bijeenkomst__start__date__gte=start,
        bijeenkomst__start__date__lt=end,
        bijeenkomst__status=Bijeenkomst.Status.GEPLAND,
        bijeenkomst__eind__lt=timezone.now(),
    ).aggregate(
        genodigd=Count("pk"),
        aanwezig=Count("pk", filter=Q(aanwezigheid=Uitnodiging.Aanwezigheid.AANWEZIG)),
    )
    if not totals["genodigd"]:
        return None  # no meeting held: no turnout, rather than a false "0 %"
    return round(100 * totals["aanwezig"] / totals["genodigd"], 1)


def figuur_acties_open(start: date, end: date) -> int:
    """Actions open at `end`: created before it, and open by their last status change
    before it (so an action done then and reopened later counted as done then).

    An action without recorded history (none since migration 0006) falls back to what
    the row knows: open now, or done only on or after `end`.
    """
    end_dt = timezone.make_aware(datetime.combine(end, datetime.min.time()))
    laatste = (
        ActieStatusWijziging.objects.filter(actie=OuterRef("pk"), op__lt=end_dt)
        .order_by("-op", "-pk")
        .values("status")[:1]
    )
    return (
        Actie.objects.filter(created_at__lt=end_dt)
        .annotate(status_op=Subquery(laatste))
        .filter(
            Q(status_op=Actie.Status.OPEN)
            | Q(status_op__isnull=True) & (Q(status=Actie.Status.OPEN) | Q(gereed_op__gte=end_dt))
        )
        .count()
    )


def pijler_panel(request, pijler) -> dict:
    """Upcoming meetings of a pijler that this user may see (the meetings' own rule)."""
    from inclusie.permissions import VIEW, allowed

    user = request.user
    if not allowed(user, "bijeenkomsten", VIEW):
        return {"bijeenkomsten": []}
    return {
        "bijeenkomsten": list(
            bijeenkomsten_zichtbaar(user)
            .filter(pijler=pijler, eind__gte=timezone.now(), status=Bijeenkomst.Status.GEPLAND)
            .order_by("start")[:10]
        )
    }


# --- the public version of the minutes (Woo 5.1.2e) ---------------------------------


def _key(obj, field: str) -> str:
    return f"{obj._meta.model_name}.{obj.pk}.{field}"


def openbaar_verslag_teksten(bijeenkomst: Bijeenkomst) -> tuple[dict[str, str], dict[str, str]]:
    """Every free text the public minutes show, and a readable label for each.

    All of it goes through the redaction engine: title, description, location,
    agenda items (title, notes, presenter, minutes), attachment names, general
    notes, decisions and actions (of this and earlier meetings).
    """
    b = bijeenkomst
    teksten: dict[str, str] = {}
    labels: dict[str, str] = {}

    def add(obj, field: str, label: str) -> None:
        value = getattr(obj, field) or ""
        teksten[_key(obj, field)] = value
        labels[_key(obj, field)] = label

    add(b, "titel", str(_("Titel")))
    add(b, "omschrijving", str(_("Omschrijving")))
    add(b, "locatie", str(_("Locatie")))
    add(b, "annuleringsreden", str(_("Reden van annuleren")))
    for n, punt in enumerate(b.agendapunten.all(), start=1):
        for field, label in (
            ("titel", _("onderwerp")),
            ("presentator", _("wie brengt het in")),
            ("toelichting", _("toelichting")),
            ("aantekeningen", _("verslag")),
        ):
            add(punt, field, str(_("Agendapunt %(n)s: %(wat)s") % {"n": n, "wat": label}))
        for bijlage in punt.bijlagen.all():
            add(bijlage, "naam", str(_("Agendapunt %(n)s: bijlage") % {"n": n}))
    add(b, "verslag_algemeen", str(_("Algemene aantekeningen")))
    for n, besluit in enumerate(b.besluiten.all(), start=1):
        add(besluit, "tekst", str(_("Besluit %(n)s") % {"n": n}))
    for n, actie in enumerate(b.acties.all(), start=1):
        add(actie, "omschrijving", str(_("Actiepunt %(n)s") % {"n": n}))
    for n, actie in enumerate(open_acties_eerder(b), start=1):
        add(actie, "omschrijving", str(_("Eerder actiepunt %(n)s") % {"n": n}))
    return teksten, labels


def openbare_verslagen():
    """Published public minutes, newest first (the public archive)."""
    return (
        Bijeenkomst.objects.exclude(openbaar_verslag_op=None)
        .exclude(openbaar_verslag="")
        .select_related("pijler")
        .order_by("-start", "-pk")
    )
