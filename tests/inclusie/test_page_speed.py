"""Page speed levers of issue 15: each one proved by what it saves and by what must not break.

- sessions in the shared cache when there is one (settings);
- the navigation per role built once per process (inclusie.registry.nav_for);
- home panels as per-user fragments in the shared cache, made stale by any write
  (inclusie.fragments): a change shows at once, one user's panel never reaches another.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse

from inclusie import fragments, registry
from inclusie.constants import Role
from inclusie.models import GemeenteProfiel
from tests.bijeenkomsten.factories import ActieFactory
from tests.factories import UserFactory
from tests.signin import sign_in

ROOT = Path(__file__).resolve().parents[2]


def _settings_with(env: dict) -> dict:
    code = (
        "import django,json,os;os.environ['DJANGO_SETTINGS_MODULE']='inclusie.settings';"
        "django.setup();from django.conf import settings as s;"
        "print(json.dumps({'session': s.SESSION_ENGINE,"
        " 'cache': s.CACHES['default']['BACKEND']}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "REDIS_CACHE_URL")}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_sessions_live_in_the_shared_cache_when_there_is_redis():
    with_redis = _settings_with({"REDIS_URL": "redis://127.0.0.1:6399/0"})
    assert with_redis["cache"].endswith("RedisCache")
    assert with_redis["session"] == "django.contrib.sessions.backends.cached_db"
    # Without Redis the cache is per process: one worker could keep a session another
    # worker ended, so the database alone holds sessions.
    without = _settings_with({})
    assert without["session"] == "django.contrib.sessions.backends.db"


@pytest.mark.django_db
def test_signed_in_shell_reads_session_from_cache_and_only_the_user_from_db(
    client, settings, django_assert_num_queries
):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    sign_in(client, UserFactory(role=Role.KWARTIERMAKER))
    path = reverse("toegankelijkheid")
    assert client.get(path).status_code == 200
    with django_assert_num_queries(1):  # the user; the session comes from the cache
        response = client.get(path)
    assert response.status_code == 200
    assert 'id="hoofdnavigatie"' in response.content.decode()


@pytest.mark.django_db
def test_navigation_is_built_once_per_role_and_marks_the_current_page(monkeypatch):
    built = []
    build = registry._build_nav
    monkeypatch.setattr(registry, "_nav_cache", {})
    monkeypatch.setattr(registry, "_build_nav", lambda u, g: built.append(u.role) or build(u, g))
    kwartiermaker = UserFactory(role=Role.KWARTIERMAKER)
    other = UserFactory(role=Role.KWARTIERMAKER)
    ambassadeur = UserFactory(role=Role.AMBASSADEUR)
    gemeente = GemeenteProfiel.cached()
    partners = reverse("deal:partner-list")
    on_partners = registry.nav_for(kwartiermaker, gemeente, partners)
    on_home = registry.nav_for(other, gemeente, "/")
    registry.nav_for(ambassadeur, gemeente, "/")
    assert built == [Role.KWARTIERMAKER, Role.AMBASSADEUR]

    def current(nav):
        return [(i["url"], i["current"]) for s in nav for i in s["items"] if i["current"]]

    assert current(on_partners) == [(partners, "page")]
    assert [s["code"] for s in on_partners if s["current"]] == ["deal"]
    # Marking one request's menu leaves the cached menu (and the next request's) alone.
    assert current(on_home) == [("/", "page")]
    assert not [s for s in on_home if s["current"] and s["code"] == "deal"]
    again = registry.nav_for(kwartiermaker, gemeente, partners + "1/")
    assert current(again) == [(partners, "true")]


@pytest.mark.django_db
def test_the_menu_html_is_rendered_once_per_role_and_current_item(monkeypatch):
    from django.template import loader

    renders = []
    render = loader.render_to_string
    monkeypatch.setattr(registry, "_nav_html_cache", {})
    # Takes every argument: a module first imported during this test binds the stand-in
    # (`from django.template.loader import render_to_string`) for the rest of the session.
    monkeypatch.setattr(
        loader,
        "render_to_string",
        lambda name, *args, **kwargs: renders.append(name) or render(name, *args, **kwargs),
    )
    one, two = UserFactory(role=Role.KWARTIERMAKER), UserFactory(role=Role.KWARTIERMAKER)
    gemeente = GemeenteProfiel.cached()
    partners = reverse("deal:partner-list")
    first = registry.nav_html(one, gemeente, partners)
    assert registry.nav_html(two, gemeente, partners + "1/") != first  # "true", not "page"
    assert registry.nav_html(two, gemeente, partners) == first
    assert registry.nav_html(one, gemeente, partners) == first
    assert len(renders) == 2
    assert f'href="{partners}" aria-current="page"' in first
    home = registry.nav_html(one, gemeente, "/")
    assert 'aria-current="page"' in home and f'href="{partners}" aria-current' not in home
    ambassadeur = registry.nav_html(UserFactory(role=Role.AMBASSADEUR), gemeente, "/")
    assert partners not in ambassadeur  # another role, another menu


@pytest.fixture
def kwartiermakers(db):
    return UserFactory(role=Role.KWARTIERMAKER), UserFactory(role=Role.KWARTIERMAKER)


def _home(client) -> str:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_home_panels_come_from_the_cache_on_the_second_view(
    client, kwartiermakers, django_assert_max_num_queries
):
    sign_in(client, kwartiermakers[0])
    _home(client)
    # The session (none when it is in the shared cache) and the user: no panel queries.
    with django_assert_max_num_queries(2):
        _home(client)


@pytest.mark.django_db
def test_a_change_shows_on_the_home_page_at_once(client, kwartiermakers):
    mine = kwartiermakers[0]
    sign_in(client, mine)
    assert "Nieuw actiepunt" not in _home(client)
    actie = ActieFactory(eigenaar=mine, omschrijving="Nieuw actiepunt")
    assert "Nieuw actiepunt" in _home(client)
    # queryset.update() sends no signal; the write itself makes the panel stale.
    type(actie).objects.filter(pk=actie.pk).update(omschrijving="Gewijzigd actiepunt")
    page = _home(client)
    assert "Gewijzigd actiepunt" in page and "Nieuw actiepunt" not in page
    type(actie).objects.filter(pk=actie.pk).delete()
    assert "Gewijzigd actiepunt" not in _home(client)


@pytest.mark.django_db
def test_one_users_panel_never_reaches_another_user(client, kwartiermakers):
    from django.test import Client

    mine, theirs = kwartiermakers
    ActieFactory(eigenaar=mine, omschrijving="Alleen voor de eerste")
    sign_in(client, mine)
    assert "Alleen voor de eerste" in _home(client)
    other = sign_in(Client(), theirs)
    assert "Alleen voor de eerste" not in _home(other)
    # Same user, another language: its own fragment.
    client.cookies["django_language"] = "en"
    assert 'lang="en"' in _home(client)
    client.cookies["django_language"] = "nl"
    assert "Alleen voor de eerste" in _home(client)


def test_writes_to_data_count_and_sessions_do_not():
    assert fragments.writes_data('INSERT INTO "bijeenkomsten_actie" ("x") VALUES (1)')
    assert fragments.writes_data('UPDATE "deal_partner" SET "fase" = 2')
    assert fragments.writes_data('DELETE FROM "inclusie_persoon" WHERE id = 1')
    assert fragments.writes_data('TRUNCATE "inclusie_persoon"')
    assert not fragments.writes_data('SELECT * FROM "deal_partner"')
    assert not fragments.writes_data('UPDATE "django_session" SET "session_data" = 1')
    assert not fragments.writes_data('INSERT INTO "axes_accessattempt" ("x") VALUES (1)')


@pytest.mark.django_db(transaction=True)
def test_the_version_changes_when_a_transaction_commits_not_when_it_rolls_back():
    start = fragments.version()
    assert fragments.version() == start  # reading does not change it
    with pytest.raises(RuntimeError), transaction.atomic():
        UserFactory()
        raise RuntimeError
    rolled_back = fragments.version()  # at most one spurious bump, never a stale one
    with transaction.atomic():
        UserFactory()
        assert fragments.version() != rolled_back  # this thread sees its own write
    after = fragments.version()
    assert after != rolled_back
    assert fragments.version() == after


@pytest.mark.django_db
def test_a_choice_list_is_read_once_per_request_and_a_change_shows_at_once(client, monkeypatch):
    from inclusie import keuzes
    from inclusie.models import Keuze

    reads = []
    shared = keuzes._shared_rows
    monkeypatch.setattr(keuzes, "_shared_rows", lambda lijst: reads.append(lijst) or shared(lijst))
    keuzes.clear_memo()
    first = keuzes.keuzes("sector")
    for _ in range(50):  # a list page: get_sector_display() for every row
        assert keuzes.keuzes("sector") == first
    assert reads == ["sector"]
    keuze = Keuze.objects.filter(lijst="sector").first()
    keuze.naam = "Hernoemde sector"
    keuze.save()
    keuzes.forget("sector")  # what the beheerder's service does after a change
    assert (keuze.waarde, "Hernoemde sector") in keuzes.keuzes("sector")
    client.get(reverse("health"))  # the next request reads the list afresh
    keuzes.keuzes("sector")
    assert reads == ["sector", "sector", "sector"]


def test_the_redis_cache_keeps_one_client_instead_of_one_per_call():
    from inclusie.cache import RedisCache

    cache = RedisCache("redis://127.0.0.1:6399/0", {})  # no connection is made here
    client = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is client
    assert cache._cache.get_client("c", write=True) is client  # one server: one pool


@pytest.mark.django_db
def test_filter_selects_are_built_in_python_with_the_markup_of_djangos_templates():
    import re

    from django import forms

    from deal.filters import PartnerFilter
    from inclusie.filtering import FastSelect
    from inclusie.models import Wijk

    Wijk.objects.create(naam="Binnenstad & <Oost>")
    Wijk.objects.create(naam="Kern")
    filterset = PartnerFilter({"wijk": str(Wijk.objects.get(naam="Kern").pk), "o": "-fase"})
    form = filterset.form
    selects = [f for f in form.fields.values() if isinstance(f.widget, FastSelect)]
    assert len(selects) >= 4  # fase, sector, pijler, wijk, sorting
    for name, field in form.fields.items():
        if not isinstance(field.widget, FastSelect):
            continue
        fast = str(form[name])
        field.widget.__class__ = forms.Select
        slow = str(form[name])
        field.widget.__class__ = FastSelect
        assert fast == re.sub(r">\s+<", "><", slow).strip(), name
    assert "selected>Kern</option>" in str(form["wijk"])
    assert "Binnenstad &amp; &lt;Oost&gt;" in str(form["wijk"])


def _render_fragment(source: str, request, **extra) -> str:
    from django.template import Context, Template

    return Template("{% load fragmenten %}" + source).render(
        Context({"request": request, "user": request.user, **extra})
    )


@pytest.mark.django_db
def test_a_fragment_is_per_user_per_path_and_per_language(rf):
    from django.utils import translation

    one, two = UserFactory(username="een"), UserFactory(username="twee")
    source = '{% fragment "t" %}{{ user.username }} {{ request.get_full_path }}{% endfragment %}'
    request = rf.get("/lijst/?pagina=2")
    request.user = one
    assert _render_fragment(source, request) == "een /lijst/?pagina=2"
    request.user = two
    assert _render_fragment(source, request) == "twee /lijst/?pagina=2"
    other_page = rf.get("/lijst/?pagina=3")
    other_page.user = one
    assert _render_fragment(source, other_page) == "een /lijst/?pagina=3"
    with translation.override("en"):
        assert _render_fragment('{% fragment "t" %}{{ LANGUAGE_CODE }}x{% endfragment %}', request)
    # Stored: the second render comes from the cache, not from the template.
    request.user = one
    assert _render_fragment('{% fragment "t" %}anders{% endfragment %}', request) == (
        "een /lijst/?pagina=2"
    )


@pytest.mark.django_db
def test_a_cached_form_carries_the_token_and_nonce_of_the_request_that_reads_it(rf):
    from django.middleware.csrf import get_token
    from django.utils.functional import SimpleLazyObject

    user = UserFactory()
    source = (
        '{% fragment "f" %}<form method="post">{% csrf_token %}</form>'
        '<script nonce="{{ request.csp_nonce }}"></script>{{ teller }}{% endfragment %}'
    )
    first = rf.get("/lijst/")
    first.user, first.csp_nonce = user, "eerste-nonce"
    first_token = get_token(first)
    html = _render_fragment(source, first, csrf_token=first_token, teller=1)
    assert first_token in html and 'nonce="eerste-nonce"' in html and html.endswith("1")
    second = rf.get("/lijst/")
    # django-csp makes the nonce lazily, on first use.
    second.user, second.csp_nonce = user, SimpleLazyObject(lambda: "tweede-nonce")
    second_token = get_token(second)
    html = _render_fragment(source, second, csrf_token=second_token, teller=2)
    assert html.endswith("1"), "the second read comes from the cache"
    assert f'value="{second_token}"' in html and 'nonce="tweede-nonce"' in html
    assert first_token not in html and "eerste-nonce" not in html
    # A request without a token of its own renders the part afresh.
    third = rf.get("/lijst/")
    third.user = user
    assert _render_fragment(source, third, teller=3).endswith("3")


@pytest.mark.django_db
def test_a_fragment_varies_on_the_values_it_names(rf):
    request = rf.get("/bijeenkomst/1/")
    request.user = UserFactory()
    source = '{% fragment "b" fase %}{{ fase }}{% endfragment %}'
    assert _render_fragment(source, request, fase="voor") == "voor"
    assert _render_fragment(source, request, fase="tijdens") == "tijdens"
    assert _render_fragment('{% fragment "b" fase %}x{% endfragment %}', request, fase="voor") == (
        "voor"
    )


@pytest.mark.django_db
def test_list_pages_show_a_change_at_once_and_each_role_its_own_actions(
    client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.factories import OrganisatieFactory

    sign_in(client, UserFactory(role=Role.KWARTIERMAKER))
    for name in (
        "organisatie-list",
        "persoon-list",
        "bijeenkomst-list",
        "ambassadeur-list",
        "deal:partner-list",
    ):
        client.get(reverse(name))
        # On a hit the table's rows, its page count and its filter choices are not read.
        with CaptureQueriesContext(connection) as hit:
            assert client.get(reverse(name)).status_code == 200
        tables = {q["sql"].split(" FROM ")[1].split()[0] for q in hit.captured_queries}
        assert tables <= {'"django_session"', '"inclusie_user"'}, (name, tables)
    url = reverse("organisatie-list")
    OrganisatieFactory(naam="Stichting Nieuw Hier")
    assert "Stichting Nieuw Hier" in client.get(url).content.decode()
    partners = reverse("deal:partner-list")
    assert "Partner toevoegen" in client.get(partners).content.decode()
    adviseur = sign_in(Client(), UserFactory(role=Role.BELEIDSADVISEUR))
    assert "Partner toevoegen" not in adviseur.get(partners).content.decode()


@pytest.mark.django_db
def test_a_shared_part_is_rendered_once_per_language_and_value_with_this_requests_nonce(rf):
    from django.utils import translation
    from django.utils.functional import SimpleLazyObject

    source = (
        '{% gedeeld "s" kleur %}{{ teller }} {% translate "Taal" %}'
        '<script nonce="{{ request.csp_nonce }}"></script>{% endgedeeld %}'
    )
    request = rf.get("/")
    request.user = UserFactory()
    request.csp_nonce = SimpleLazyObject(lambda: "een")
    first = _render_fragment("{% load i18n %}" + source, request, kleur="#01689b", teller=1)
    assert first.startswith("1 Taal") and 'nonce="een"' in first
    request.csp_nonce = SimpleLazyObject(lambda: "twee")
    again = _render_fragment("{% load i18n %}" + source, request, kleur="#01689b", teller=2)
    assert again.startswith("1 Taal") and 'nonce="twee"' in again and "een" not in again
    other_colour = _render_fragment("{% load i18n %}" + source, request, kleur="#000000", teller=3)
    assert other_colour.startswith("3 ")
    with translation.override("en"):
        english = _render_fragment("{% load i18n %}" + source, request, kleur="#01689b", teller=4)
    assert english.startswith("4 Language")


@pytest.mark.django_db(transaction=True)
def test_the_signed_in_person_and_device_owner_come_from_the_cache_until_anything_changes(
    client, settings, django_assert_num_queries
):
    from django.core.cache import cache
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    path = reverse("toegankelijkheid")
    kwartiermaker = UserFactory(role=Role.KWARTIERMAKER, naam="Kim Kwartier")
    sign_in(client, kwartiermaker)
    wethouder = sign_in(Client(), UserFactory(role=Role.WETHOUDER, naam="Wim Wethouder"))
    for person in (client, wethouder):
        person.get(path)
        # No user row, and for the wethouder no second-factor device row: a page needs
        # only to know that the session's device is still theirs and confirmed.
        with django_assert_num_queries(0):
            assert person.get(path).status_code == 200
    # Another person's cached row never answers for this one.
    assert "Kim Kwartier" in client.get(path).content.decode()
    assert "Wim Wethouder" in wethouder.get(path).content.decode()
    # A change counts at the next request: a new name, then a deactivated account.
    type(kwartiermaker).objects.filter(pk=kwartiermaker.pk).update(naam="Kim de Kwartier")
    assert "Kim de Kwartier" in client.get(path).content.decode()
    type(kwartiermaker).objects.filter(pk=kwartiermaker.pk).update(is_active=False)
    response = client.get(reverse("deal:partner-list"))
    assert response.status_code == 302 and "inloggen" in response["Location"]  # signed out
    # An unconfirmed, then a removed device: the wethouder must pass the second factor again.
    device = TOTPDevice.objects.get(user__naam="Wim Wethouder")
    TOTPDevice.objects.filter(pk=device.pk).update(confirmed=False)
    response = wethouder.get(reverse("dashboard"))
    assert response.status_code == 302 and "/account/tweestaps/" in response["Location"]
    TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
    sign_in(wethouder, type(kwartiermaker).objects.get(naam="Wim Wethouder"))
    assert wethouder.get(reverse("dashboard")).status_code == 200
    TOTPDevice.objects.filter(user__naam="Wim Wethouder").delete()
    response = wethouder.get(reverse("dashboard"))
    assert response.status_code == 302 and "/account/tweestaps/" in response["Location"]
    cache.clear()


@pytest.mark.django_db
def test_a_public_page_is_kept_whole_for_visitors_with_their_own_token_and_nonce(
    settings, django_assert_max_num_queries
):
    import re

    from django.test import Client

    from tests.factories import OrganisatieFactory

    settings.ALLOWED_HOSTS = ["testserver"]
    url = reverse("openbaar")
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(url)
    with django_assert_max_num_queries(0):  # the whole page from the cache
        response = visitor.get(url)
    assert not response.templates  # nothing rendered
    html = response.content.decode()
    nonce = re.search(r'<script nonce="([^"]+)"', html).group(1)
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    # The language form on the cached page posts with the token filled in for this visitor.
    switched = visitor.post(
        reverse("set_language"), {"language": "en", "next": url, "csrfmiddlewaretoken": token}
    )
    assert switched.status_code == 302
    assert 'lang="en"' in visitor.get(url).content.decode()
    other = Client().get(url).content.decode()
    assert token not in other and nonce not in other
    # A write shows at once; a signed-in person gets the page rendered for them.
    assert not Client().get(url).templates
    OrganisatieFactory()  # any write changes the data version
    assert "openbaar/index.html" in [t.name for t in Client().get(url).templates]
    signed_in = sign_in(Client(), UserFactory(role=Role.KWARTIERMAKER))
    assert "Uitloggen" in signed_in.get(url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_request_reads_the_version_once_and_the_person_with_their_device_in_one_trip(
    client, settings, monkeypatch
):
    """The signed-in shell asks the shared cache twice: the session, then one read for the
    data version, the person and (for a wethouder) their second-factor device."""
    from django.core.cache import caches
    from django.test import Client

    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    path = reverse("toegankelijkheid")
    people = [
        sign_in(client, UserFactory(role=Role.KWARTIERMAKER)),
        sign_in(Client(), UserFactory(role=Role.WETHOUDER)),
    ]
    backend = caches["default"]
    reads: list[str] = []
    inside = []  # the local-memory cache's get_many calls get (not a round trip of its own)
    for name in ("get", "get_many"):
        original = getattr(backend, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            if not inside:
                reads.append(_name)
            inside.append(1)
            try:
                return _original(*args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(backend, name, counted)
    for person in people:
        person.get(path)
        reads.clear()
        assert person.get(path).status_code == 200
        assert reads == ["get", "get_many"], reads


@pytest.mark.django_db(transaction=True)
def test_a_fragment_kept_in_process_memory_gives_way_to_another_process_s_write(client):
    """Each process keeps fragments under their versioned key; a write made by another
    process (a new version in the shared cache) shows at the next request."""
    import uuid

    from django.core.cache import cache
    from django.db import connection

    from tests.factories import OrganisatieFactory

    organisatie = OrganisatieFactory(naam="Stichting Oud Hier")
    sign_in(client, UserFactory(role=Role.KWARTIERMAKER))
    url = reverse("organisatie-list")
    assert "Stichting Oud Hier" in client.get(url).content.decode()
    assert fragments._local, "the list's fragment is kept in this process"
    # Another process renames it: this process's write watcher sees nothing of it.
    connection.execute_wrappers.remove(fragments._bump_on_write)
    try:
        type(organisatie).objects.filter(pk=organisatie.pk).update(naam="Stichting Nieuw Hier")
    finally:
        connection.execute_wrappers.append(fragments._bump_on_write)
    assert "Stichting Oud Hier" in client.get(url).content.decode()  # nothing told us yet
    cache.set(fragments.VERSION_KEY, uuid.uuid4().hex, None)  # that process's bump
    html = client.get(url).content.decode()
    assert "Stichting Nieuw Hier" in html and "Stichting Oud Hier" not in html


@pytest.mark.django_db(transaction=True)
def test_the_gemeente_profile_is_kept_per_data_version(monkeypatch):
    fragments.version()  # no uncommitted writes of an earlier test count here
    calls = []
    original = GemeenteProfiel._from_shared_cache.__func__

    def counted(cls):
        calls.append(1)
        return original(cls)

    monkeypatch.setattr(GemeenteProfiel, "_from_shared_cache", classmethod(counted))
    first = GemeenteProfiel.cached()
    assert GemeenteProfiel.cached() is first and len(calls) == 1
    profiel = GemeenteProfiel.load()
    profiel.naam = "Gemeente Anders"
    profiel.save()
    assert GemeenteProfiel.cached().naam == "Gemeente Anders"
    assert len(calls) == 2


def test_a_long_query_string_is_hashed_in_a_key_and_each_query_keeps_its_own(rf):
    short = rf.get("/deal/pijplijn/", {"fase": "verkend"})
    assert fragments.path_key(short) == "/deal/pijplijn/?fase=verkend"
    long_a = rf.get("/deal/pijplijn/", {"q": "a" * 200})
    long_b = rf.get("/deal/pijplijn/", {"q": "b" * 200})
    assert len(fragments.path_key(long_a)) < 80
    assert fragments.path_key(long_a) != fragments.path_key(long_b)
