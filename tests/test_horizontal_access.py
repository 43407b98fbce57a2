"""Horizontal access: real ids of objects a role may not see give 403 or 404, never data.

tests/test_url_role_matrix.py walks every URL with an id that does not exist. This
module loads the demo data once and walks every URL that takes an id with the id
of a REAL object, for every role the permission map refuses and anonymously: the
answer is 403 (or 404) or a redirect to the sign-in page, the page does not show
the object, and nothing in the database changes, for GET and POST alike.

Then the object-level rules, where a role may use the area but not that object:
someone else's invitation, action, activity or signal, a meeting one is not
invited to, a verkenning not shared with you, the private coaching log, an
unpublished raadsmededeling on the public site.

New URLs are covered automatically: a URL with an id whose model cannot be
found fails `test_every_id_url_resolves_to_a_model` until it gets a `model` on its
view class or an entry in ID_MODELS below.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import get_resolver, reverse
from django.urls.converters import SlugConverter

from inclusie.constants import Role
from inclusie.ids import IdConverter
from inclusie.permissions import PERMISSION_MAP, declared_permission, is_public
from tests.db_states import row_counts
from tests.signin import sign_in
from tests.test_url_role_matrix import SKIP_NAMESPACES, walk

# Views that take an id but have no `model` on their class: the model of that id.
ID_MODELS = {
    "actie-gereed": "bijeenkomsten.Actie",
    "bijlage-download": "bijeenkomsten.Bijlage",
    "bijeenkomst-detail": "bijeenkomsten.Bijeenkomst",
    "bijeenkomst-pdf": "bijeenkomsten.Bijeenkomst",
    "bijeenkomst-ics": "bijeenkomsten.Bijeenkomst",
    "ambassadeur-detail": "ambassadeurs.Ambassadeur",
    "activiteit-delete": "ambassadeurs.Activiteit",
    "mijn-activiteit-delete": "ambassadeurs.Activiteit",
    "advies-detail": "klankbord.Advies",
    "signaal-detail": "klankbord.Signaal",
    "uren-delete": "opdracht.Urenregistratie",
    "deal:partner-detail": "deal.Partner",
    "deal:partner-document": "deal.Partner",
    "deal:toezegging-detail": "deal.Toezegging",
    "deal:voortgang-bestand": "deal.Voortgang",
    "deal:initiatief-detail": "deal.Initiatief",
    "deal:kennis-detail": "deal.KennisItem",
    "deal:kennis-bestand": "deal.KennisItem",
    "pijlers:lid-end": "pijlers.Lidmaatschap",
    "pijlers:detail": "pijlers.Pijler",
    "monitoring:raadsmededeling-update": "monitoring.Raadsmededeling",
    "monitoring:raadsmededeling-preview": "monitoring.Raadsmededeling",
    "monitoring:raadsmededeling-kern": "monitoring.Raadsmededeling",
    "monitoring:raadsmededeling-comment": "monitoring.Raadsmededeling",
    "verkenning-detail": "stappenplan.Verkenning",
    "verkenning-antwoord": "stappenplan.Verkenning",
    "verkenning-indienen": "stappenplan.Verkenning",
    "verkenning-csv": "stappenplan.Verkenning",
    "verkenning-pdf": "stappenplan.Verkenning",
    "verkenning-rapport-status": "stappenplan.VerkenningRapport",
    "verkenning-rapport-download": "stappenplan.VerkenningRapport",
    "stap-detail": "stappenplan.Stap",
    "stap-actie-afronden": "stappenplan.StapActie",
    "stap-document-download": "stappenplan.StapDocument",
    "werkgroep-detail": "stappenplan.Werkgroep",
    "monitoring:rapport-retry": "monitoring.Rapport",
    "monitoring:rapport-pdf": "monitoring.Rapport",
    "openbaar-raadsmededeling-pdf": "monitoring.Raadsmededeling",
    "privacy:verzoek-persoon": "inclusie.Persoon",
    "privacy:verzoek-gebruiker": "inclusie.User",
    "privacy:inzage-persoon": "inclusie.Persoon",
    "privacy:inzage-gebruiker": "inclusie.User",
    # The beheerder's reference lists: walked with the list of wijken (<lijst:> sample).
    "beheer-lijst": "inclusie.Wijk",
    "beheer-lijst-create": "inclusie.Wijk",
    "beheer-lijst-update": "inclusie.Wijk",
    "beheer-lijst-actief": "inclusie.Wijk",
    "vragenlijst-nieuwe-versie": "stappenplan.Vragenlijst",
    "vragenlijst-in-gebruik": "stappenplan.Vragenlijst",
    "monitoring:raadsmededeling-momentopname": "monitoring.Raadsmededeling",
}

# URLs with an id that are deliberately not part of the role walk, with the reason.
NOT_WALKED = {
    "password_reset_confirm": "Django's own token check; the id is a signed token, not an object",
    "agenda-feed": "the secret calendar token is the credential (tested in tests/meetings)",
    "kiezer-zoeken": "the token names a form field's cached choices, not an object; "
    "its permission per model is tested in tests/inclusie/test_pickers.py",
}

FAKE_ID = 987654


def id_urls() -> list[tuple[str, object]]:
    found = []
    for namespace, pattern in walk(get_resolver().url_patterns):
        converters = getattr(pattern.pattern, "converters", {})
        if converters and namespace.rstrip(":") not in SKIP_NAMESPACES:
            found.append((namespace + pattern.name, pattern))
    return found


ID_URLS = id_urls()
WALKED = [(name, p) for name, p in ID_URLS if name not in NOT_WALKED]


def model_for(name: str, pattern) -> type | None:
    if name in ID_MODELS:
        return apps.get_model(ID_MODELS[name])
    view_class = getattr(pattern.callback, "view_class", None)
    model = getattr(view_class, "model", None)
    if model is None and getattr(view_class, "queryset", None) is not None:
        model = view_class.queryset.model
    return model


def url_for(name: str, pattern, obj) -> str:
    kwargs = {}
    for key, converter in pattern.pattern.converters.items():
        if isinstance(converter, IdConverter):
            kwargs[key] = obj.pk
        elif isinstance(converter, SlugConverter) and hasattr(obj, key):
            kwargs[key] = getattr(obj, key)
        elif hasattr(converter, "sample"):  # e.g. <lijst:...>, the list the objects are in
            kwargs[key] = converter.sample
        else:
            raise AssertionError(f"{name}: no real value for <{key}>; extend url_for")
    return reverse(name, kwargs=kwargs)


def fake_url(name: str, pattern) -> str:
    kwargs = {
        key: FAKE_ID if isinstance(conv, IdConverter) else "onbekend-object"
        for key, conv in pattern.pattern.converters.items()
    }
    return reverse(name, kwargs=kwargs)


def row(obj) -> dict:
    """The stored fields of an object, read afresh from the database.

    last_login is left out: signing the test users in sets it."""
    fresh = type(obj)._default_manager.filter(pk=obj.pk).first()
    return model_to_dict(fresh, exclude=["last_login"]) if fresh is not None else {}


def user(role: str):
    from inclusie.models import User

    return User.objects.get(username=role)


CHECKS = {"n": 0, "names": 0, "names_not_checkable": 0}


def assert_no_data(response, obj, baseline: bytes, where: str) -> None:
    """The object's name is not on the page (unless a page about nothing shows it too)."""
    name = str(obj).strip()
    content = response.content.decode(errors="replace")
    if len(name) >= 3 and name not in baseline.decode(errors="replace"):
        assert name not in content, f"{where}: the page shows {name!r}"
        CHECKS["names"] += 1
    else:
        CHECKS["names_not_checkable"] += 1


def refused(status: int) -> bool:
    """403 or 404; 405 where the view does not take that method at all (a GET of a
    POST-only action): no data either way."""
    return status in (403, 404, 405)


# --- demo data, loaded once for the module ------------------------------------------------


@pytest.fixture(scope="module")
def demo(demo_module, django_db_blocker):
    """seed_demo plus the few kinds of rows the demo does not make, rolled back with the
    module's demo (`demo_module`)."""
    with django_db_blocker.unblock():
        _extra_rows()
        # Foreign keys checked once here, not again in every test's closing check.
        transaction.get_connection().check_constraints()


@pytest.fixture(scope="module")
def role_sessions(demo, django_db_blocker) -> dict[str, str]:
    """Per role the demo account's session cookie, signed in once (second factor passed
    where required) in the module's demo transaction. The walk below signs in hundreds
    of times; each test's own transaction rolls back whatever a request changes in a
    session."""
    with django_db_blocker.unblock():
        cookies = {
            role: sign_in(Client(), user(role)).cookies[settings.SESSION_COOKIE_NAME].value
            for role in Role.values
        }
        transaction.get_connection().check_constraints()
        return cookies


def _extra_rows() -> None:
    from bijeenkomsten.models import Agendapunt, Bijlage
    from monitoring.constants import RapportSoort
    from monitoring.models import Rapport
    from stappenplan.models import Stap, StapDocument, Verkenning, VerkenningRapport

    punt = Agendapunt.objects.order_by("pk").first()
    Bijlage.objects.create(agendapunt=punt, naam="Geheime begroting", bestand="bijlagen/x.pdf")
    StapDocument.objects.create(
        stap=Stap.objects.order_by("pk").first(), titel="Intern plan", bestand="stappen/x.pdf"
    )
    for verkenning in Verkenning.objects.all():
        VerkenningRapport.objects.create(verkenning=verkenning)
    Rapport.objects.create(soort=RapportSoort.MONITORING, periode="2026-H1")
    from privacy.models import PersoonsVerzoek

    PersoonsVerzoek.objects.create(soort=PersoonsVerzoek.Soort.INZAGE, persoon_ref=1)


# --- the walk ------------------------------------------------------------------------------


def test_every_id_url_resolves_to_a_model():
    """A new URL with an id must say which model the id is of, or it is not walked."""
    unresolved = [name for name, pattern in WALKED if model_for(name, pattern) is None]
    assert not unresolved, (
        f"URLs with an id but no model: {unresolved}. Give the view class a `model` or "
        "add the URL to ID_MODELS in tests/test_horizontal_access.py"
    )
    stale = set(ID_MODELS) - {name for name, _p in ID_URLS}
    assert not stale, f"ID_MODELS names URLs that no longer exist: {stale}"


@pytest.mark.parametrize(("name", "pattern"), WALKED, ids=[n for n, _p in WALKED])
def test_real_ids_give_refused_roles_and_anonymous_no_data(
    demo, role_sessions, db, client, name, pattern
):
    model = model_for(name, pattern)
    assert model is not None, f"{name}: no model (see test_every_id_url_resolves_to_a_model)"
    objects = list(model._default_manager.order_by("pk")[:2])
    assert objects, f"{name}: the demo data has no {model._meta.label}; add one in _extra_rows"
    callback = pattern.callback
    declared = declared_permission(callback)
    login_url = reverse(settings.LOGIN_URL)
    before = row_counts()
    checks = 0

    for obj in objects:
        url = url_for(name, pattern, obj)
        stored = row(obj)
        if is_public(callback):
            continue  # public views: their object rules are tested below
        client.cookies.pop(settings.SESSION_COOKIE_NAME, None)  # anonymous
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, f"{url} anonymous: {response.status_code}"
            assert response["Location"].startswith(login_url), url
            assert_no_data(response, obj, b"", f"{url} anonymous")
            checks += 1
        assert declared is not None, f"{name} declares no permission area"
        area, action = declared
        for role in Role.values:
            if action in PERMISSION_MAP[area].get(role, frozenset()):
                continue
            client.cookies[settings.SESSION_COOKIE_NAME] = role_sessions[role]
            baseline = client.get(fake_url(name, pattern)).content
            for method in (client.get, client.post):
                response = method(url)
                assert response.status_code in (403, 404), (
                    f"{method.__name__.upper()} {url} as {role}: {response.status_code}, "
                    f"but {role} may not {action} {area}"
                )
                assert_no_data(response, obj, baseline, f"{url} as {role}")
                checks += 1
        assert row(obj) == stored, f"{url}: the object changed"
    assert row_counts() == before, f"{name}: rows were added or removed"
    _count_checks(checks)


# --- object-level rules: the area is open to the role, this object is not ----------------


def walk_objects(client, who, objects: dict, only: set[str] | None = None) -> int:
    """Every walked URL on one of `objects`' models that `who`'s role may use: refused.

    `objects` maps a model to an object `who` may not see. GET and POST must give
    403 or 404, the page must not show the object, and nothing may change."""
    checks = 0
    sign_in(client, who)
    for name, pattern in WALKED:
        model = model_for(name, pattern)
        if model not in objects or is_public(pattern.callback):
            continue
        if only is not None and name not in only:
            continue
        area, action = declared_permission(pattern.callback)
        if action not in PERMISSION_MAP[area].get(who.role, frozenset()):
            continue  # refused by the permission map: the walk above covers it
        obj = objects[model]
        url = url_for(name, pattern, obj)
        baseline = client.get(fake_url(name, pattern)).content
        stored, before = row(obj), row_counts()
        for method in (client.get, client.post):
            response = method(url)
            assert refused(response.status_code), (
                f"{method.__name__.upper()} {url} as {who.username}: {response.status_code}"
            )
            assert_no_data(response, obj, baseline, f"{url} as {who.username}")
            checks += 1
        assert row(obj) == stored, f"{url} as {who.username}: the object changed"
        assert row_counts() == before, f"{url} as {who.username}: rows were added or removed"
    _count_checks(checks)
    return checks


def not_invited(who):
    from bijeenkomsten.models import Bijeenkomst

    return (
        Bijeenkomst.objects.exclude(uitnodigingen__user=who)
        .exclude(organisator=who)
        .order_by("pk")
        .first()
    )


@pytest.mark.parametrize(
    "role", [Role.BELEIDSADVISEUR, Role.WETHOUDER, Role.KLANKBORDLID, Role.AMBASSADEUR]
)
def test_a_meeting_one_is_not_invited_to_is_not_shown(demo, db, client, role):
    from bijeenkomsten.models import Bijeenkomst, Bijlage

    who = user(role)
    meeting = not_invited(who)
    assert meeting is not None
    punt = meeting.agendapunten.order_by("pk").first()
    if punt is None:
        punt = meeting.agendapunten.create(titel="Vertrouwelijk punt")
    bijlage = Bijlage.objects.create(agendapunt=punt, naam="Notulen intern", bestand="b/n.pdf")
    assert walk_objects(client, who, {Bijeenkomst: meeting, Bijlage: bijlage}) >= 6


@pytest.mark.parametrize("role", Role.values)
def test_nobody_answers_or_sees_someone_elses_invitation(demo, db, client, role):
    from bijeenkomsten.models import Uitnodiging

    who = user(role)
    other = Uitnodiging.objects.exclude(user=who).exclude(user=None).order_by("pk").first()
    assert other is not None
    sign_in(client, who)
    url = reverse("uitnodiging-rsvp", args=[other.pk])
    stored = row(other)
    assert client.get(url).status_code == 404
    assert client.post(url, {"antwoord": Uitnodiging.Antwoord.KOMT_NIET}).status_code == 404
    assert row(other) == stored
    n = walk_objects(client, who, {Uitnodiging: other}, only={"uitnodiging-rsvp"})
    assert n == 2


@pytest.mark.parametrize(
    "role", [Role.BELEIDSADVISEUR, Role.WETHOUDER, Role.KLANKBORDLID, Role.AMBASSADEUR]
)
def test_only_the_owner_marks_an_action_done(demo, db, client, role):
    from bijeenkomsten.models import Actie

    who = user(role)
    actie = Actie.objects.exclude(eigenaar=who).filter(status=Actie.Status.OPEN).first()
    assert actie is not None
    assert walk_objects(client, who, {Actie: actie}) >= 2
    assert Actie.objects.get(pk=actie.pk).status == Actie.Status.OPEN


def test_an_ambassador_cannot_reach_another_ambassadors_profile_or_activities(demo, db, client):
    from ambassadeurs.models import Activiteit, Ambassadeur

    who = user(Role.AMBASSADEUR)
    other = Ambassadeur.objects.exclude(persoon__user=who).order_by("pk").first()
    activiteit = Activiteit.objects.filter(ambassadeur=other).order_by("pk").first()
    assert other is not None and activiteit is not None
    sign_in(client, who)
    for url in (
        reverse("mijn-activiteit-update", args=[activiteit.pk]),
        reverse("mijn-activiteit-delete", args=[activiteit.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"omschrijving": "overgenomen"}).status_code == 404
    assert Activiteit.objects.filter(pk=activiteit.pk).exists()
    # Their profile page and the kwartiermaker's activity pages are closed too.
    assert walk_objects(client, who, {Ambassadeur: other, Activiteit: activiteit}) >= 4
    for url in (
        reverse("ambassadeur-detail", args=[other.pk]),
        reverse("activiteit-update", args=[activiteit.pk]),
    ):
        assert client.get(url).status_code == 403


@pytest.mark.parametrize("role", [Role.BELEIDSADVISEUR, Role.KLANKBORDLID, Role.AMBASSADEUR])
def test_the_coaching_log_stays_with_the_kwartiermaker(demo, db, client, role):
    from ambassadeurs.models import CoachingNotitie

    notitie = CoachingNotitie.objects.select_related("ambassadeur").order_by("pk").first()
    assert notitie is not None, "the demo data has coaching notes"
    sign_in(client, user(role))
    response = client.get(reverse("ambassadeur-detail", args=[notitie.ambassadeur_id]))
    if role == Role.BELEIDSADVISEUR:  # may read profiles, not the coaching log
        assert response.status_code == 200
    else:
        assert refused(response.status_code)
    content = response.content.decode()
    assert notitie.notitie not in content
    assert notitie.onderwerp not in content
    # The kwartiermaker does see it: the check above would notice a leak.
    sign_in(client, user(Role.KWARTIERMAKER))
    response = client.get(reverse("ambassadeur-detail", args=[notitie.ambassadeur_id]))
    assert notitie.onderwerp in response.content.decode()


def test_a_beleidsadviseur_cannot_open_a_verkenning_not_shared_with_them(demo, db, client):
    from stappenplan.models import Verkenning, VerkenningRapport

    who = user("beleidsadviseur2")
    assert who.role == Role.BELEIDSADVISEUR
    verkenning = (
        Verkenning.objects.exclude(eigenaar=who).exclude(gedeeld_met=who).order_by("pk").first()
    )
    assert verkenning is not None
    rapport = VerkenningRapport.objects.filter(verkenning=verkenning).first()
    n = walk_objects(client, who, {Verkenning: verkenning, VerkenningRapport: rapport})
    assert n >= 16
    # The answer endpoint with a real question stores nothing either.
    vraag = verkenning.vragenlijst.delen.first().vragen.first()
    before = verkenning.antwoorden.count()
    response = client.post(
        reverse("verkenning-antwoord", args=[verkenning.pk]),
        {"vraag": vraag.pk, "versie": 0, "tekst": "overschreven"},
        HTTP_ACCEPT="application/json",
    )
    assert refused(response.status_code)
    assert verkenning.antwoorden.count() == before
    assert not verkenning.antwoorden.filter(tekst="overschreven").exists()


@pytest.mark.parametrize("role", [Role.KLANKBORDLID, Role.AMBASSADEUR])
def test_a_reporter_sees_only_their_own_signals(demo, db, client, role):
    from klankbord.models import Signaal

    who = user(role)
    signaal = Signaal.objects.exclude(gemeld_door=who).order_by("pk").first()
    assert signaal is not None
    assert walk_objects(client, who, {Signaal: signaal}) >= 2


def test_an_unpublished_raadsmededeling_is_not_on_the_public_site(demo, db, client):
    from monitoring.constants import MededelingStatus
    from monitoring.models import Raadsmededeling

    concept = Raadsmededeling.objects.exclude(status=MededelingStatus.GEPUBLICEERD).first()
    assert concept is not None
    url = reverse("openbaar-raadsmededeling-pdf", args=[concept.pk])
    assert client.get(url).status_code == 404
    for role in Role.values:
        sign_in(client, user(role))
        assert client.get(url).status_code == 404, role
    _count_checks(1 + len(Role.values))


def test_a_klankbordlid_without_consent_is_not_shown_to_fellow_invitees(demo, db, client):
    """Being seen at a klankbord meeting can reveal lived experience: consent first."""
    from bijeenkomsten.models import AanwezigheidToestemming, Uitnodiging
    from tests.bijeenkomsten.factories import BijeenkomstFactory

    ambassadeur, lid = user(Role.AMBASSADEUR), user(Role.KLANKBORDLID)
    AanwezigheidToestemming.objects.filter(user=lid).delete()
    meeting = BijeenkomstFactory(organisator=user(Role.KWARTIERMAKER), titel="Gesprek samen")
    for invitee in (ambassadeur, lid):
        Uitnodiging.objects.create(
            bijeenkomst=meeting, user=invitee, aanwezigheid=Uitnodiging.Aanwezigheid.AANWEZIG
        )
    url = reverse("bijeenkomst-detail", args=[meeting.pk])
    sign_in(client, ambassadeur)
    page = client.get(url).content.decode()
    assert ambassadeur.naam in page  # the list of invitees is there ...
    assert lid.naam not in page  # ... without the klankbordlid
    _count_checks(1)
    # The organiser does see them.
    sign_in(client, user(Role.KWARTIERMAKER))
    assert lid.naam in client.get(url).content.decode()


def _count_checks(n: int) -> None:
    CHECKS["n"] += n


def test_the_walk_covers_every_refused_url_role_pair():
    """The walk above is not vacuous: every id URL that needs sign-in is walked, and the
    URL x role pairs it must refuse (anonymous plus every role the map refuses) number
    at least as many as when this floor was set (97 URLs, 400 pairs on 30 November
    2026). A URL or role that drops out of the walk without a decision fails here.

    The counts of requests actually refused are printed in the terminal summary
    (tests/conftest.py, pytest_terminal_summary)."""
    walked = [(n, p) for n, p in WALKED if not is_public(p.callback)]
    pairs = 0
    for name, pattern in walked:
        declared = declared_permission(pattern.callback)
        assert declared is not None, f"{name} declares no permission area"
        area, action = declared
        refusing = [r for r in Role.values if action not in PERMISSION_MAP[area].get(r, ())]
        pairs += 1 + len(refusing)  # anonymous + every refused role
    assert len(walked) >= 97
    assert pairs >= 400


# --- what a page shows of meetings one may not open (issue 11) ----------------------------


def _klankbord_history():
    """A klankbord meeting the wethouder may not open, between two with the wethouder.

    The earlier one with the wethouder has an action owned by a klankbord member who did
    not consent to showing their attendance; the later one also invites a klankbord member
    without an account, marked present."""
    import datetime as dt

    from django.utils import timezone

    from bijeenkomsten.models import (
        AanwezigheidToestemming,
        Actie,
        Bijeenkomst,
        Soort,
        Uitnodiging,
    )
    from inclusie.models import Persoon

    wethouder, lid = user(Role.WETHOUDER), user(Role.KLANKBORDLID)
    AanwezigheidToestemming.objects.update_or_create(user=lid, defaults={"zichtbaar": False})
    now = timezone.now().replace(microsecond=0) + dt.timedelta(days=400)

    def meeting(soort, days, titel):
        start = now + dt.timedelta(days=days)
        return Bijeenkomst.objects.create(
            titel=titel, soort=soort, start=start, eind=start + dt.timedelta(hours=2)
        )

    eerder = meeting(Soort.KLANKBORD_WETHOUDER, -60, "Gesprek met de wethouder (voorjaar)")
    Uitnodiging.objects.create(bijeenkomst=eerder, user=wethouder)
    Actie.objects.create(
        bijeenkomst=eerder,
        omschrijving="Voorbeelden uit de wijk verzamelen",
        eigenaar=lid,
        deadline=now.date(),
    )
    besloten = meeting(Soort.KLANKBORD, -7, "Besloten klankbordoverleg")
    Actie.objects.create(
        bijeenkomst=besloten,
        omschrijving="VERTROUWELIJK: ervaringen met de balie bespreken",
        eigenaar=user(Role.KWARTIERMAKER),
        deadline=now.date(),
    )
    nu = meeting(Soort.KLANKBORD_WETHOUDER, 0, "Gesprek met de wethouder (najaar)")
    Uitnodiging.objects.create(bijeenkomst=nu, user=wethouder)
    zonder_account = Persoon.objects.create(naam="Yara Zonder-Account", email="yara@example.org")
    Uitnodiging.objects.create(
        bijeenkomst=nu, persoon=zonder_account, aanwezigheid=Uitnodiging.Aanwezigheid.AANWEZIG
    )
    return nu, besloten, lid, zonder_account


def test_a_meeting_page_and_pdf_show_only_what_the_viewer_may_see(demo, db, client):
    """Issue 11: the wethouder saw a confidential action from a klankbord meeting they
    cannot open, the name of a member who did not consent, a present klankbord member
    without an account, and a "previous meeting" link that led to a 404."""
    from inclusie.pdf import pdf_text

    nu, besloten, lid, zonder_account = _klankbord_history()
    sign_in(client, user(Role.WETHOUDER))
    page = client.get(reverse("bijeenkomst-detail", args=[nu.pk])).content.decode()
    pdf = pdf_text(client.get(reverse("bijeenkomst-pdf", args=[nu.pk])).content)
    for shown in (page, pdf):
        assert "VERTROUWELIJK" not in shown
        assert "Voorbeelden uit de wijk verzamelen" in shown  # their own body's action
        assert lid.naam not in shown
        assert "een lid van de klankbordgroep" in shown
        assert zonder_account.naam not in shown
    assert reverse("bijeenkomst-detail", args=[besloten.pk]) not in page
    assert besloten.titel not in page
    for href in {m for m in __import__("re").findall(r'href="(/bijeenkomsten/\d+/)"', page)}:
        assert client.get(href).status_code == 200, f"{href} is a dead link for the wethouder"
    # The organiser sees everything: the checks above would notice a leak.
    sign_in(client, user(Role.KWARTIERMAKER))
    page = client.get(reverse("bijeenkomst-detail", args=[nu.pk])).content.decode()
    assert "VERTROUWELIJK" in page and lid.naam in page and zonder_account.naam in page
    assert reverse("bijeenkomst-detail", args=[besloten.pk]) in page


def test_the_stappenplan_does_not_name_a_verkenning_the_viewer_may_not_open(demo, db, client):
    from stappenplan.models import Stap, Verkenning

    verkenning = Verkenning.objects.order_by("pk").first()
    verkenning.titel = "Verkenning met een eigen titel 7311"
    verkenning.save(update_fields=["titel"])
    stap = Stap.objects.order_by("pk").first()
    stap.verkenning = verkenning
    stap.save(update_fields=["verkenning"])
    sign_in(client, user(Role.WETHOUDER))  # may read the stappenplan, not verkenningen
    page = client.get(reverse("stap-detail", args=[stap.pk])).content.decode()
    assert verkenning.titel not in page
    assert "een verkenning die u niet kunt openen" in page
    sign_in(client, verkenning.eigenaar)
    assert verkenning.titel in client.get(reverse("stap-detail", args=[stap.pk])).content.decode()


@pytest.mark.parametrize(
    "role", [Role.BELEIDSADVISEUR, Role.WETHOUDER, Role.KLANKBORDLID, Role.AMBASSADEUR]
)
def test_the_action_filter_does_not_list_every_account_holder(demo, db, client, role):
    from inclusie.models import User

    who = user(role)
    sign_in(client, who)
    page = client.get(reverse("actie-list")).content.decode()
    others = User.objects.exclude(pk=who.pk).filter(is_active=True).exclude(naam="")
    leaked = [u.naam for u in others if f">{u.naam}</option>" in page]
    assert leaked == []
    sign_in(client, user(Role.KWARTIERMAKER))
    page = client.get(reverse("actie-list")).content.decode()
    assert f">{who.naam}</option>" in page  # organisers do get the full filter
