"""Klankbordgroep: seats, composition check, coverage, adviezen and responses, figures."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inclusie.constants import Role
from klankbord import selectors
from klankbord.constants import AdviesUitkomst, KlankbordRol
from klankbord.models import Advies, KlankbordLid
from tests.factories import PersoonFactory
from tests.klankbord.factories import AdviesFactory, AspectFactory, KlankbordLidFactory

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate


def volledige_groep():
    leden = [KlankbordLidFactory(rol=KlankbordRol.VOORZITTER)]
    leden += [KlankbordLidFactory() for _ in range(5)]
    leden.append(KlankbordLidFactory(rol=KlankbordRol.ADVISEUR_DI))
    leden.append(KlankbordLidFactory(rol=KlankbordRol.ADVISEUR_ONDERWERP))
    return leden


def test_composition_check_passes_for_the_seed_shape(client_for):
    volledige_groep()
    page = client_for(Role.KWARTIERMAKER).get(reverse("klankbord")).content.decode()
    assert "De samenstelling voldoet aan de afspraken." in page
    assert ">Let op<" not in page


def test_composition_check_flags_missing_voorzitter_and_members(client_for):
    KlankbordLidFactory()
    KlankbordLidFactory(tot=VANDAAG() - datetime.timedelta(days=1))  # former member
    huidige = list(selectors.leden())
    regels = {r.label: r for r in selectors.samenstelling(huidige)}
    assert not regels["Zes leden"].ok and "1 van 6" in regels["Zes leden"].uitleg
    assert not regels["Eén voorzitter, gekozen uit de leden"].ok
    page = client_for(Role.KLANKBORDLID).get(reverse("klankbord")).content.decode()
    assert "voldoet nog niet" in page and ">Let op<" in page


def test_a_second_voorzitter_and_double_seats_are_refused(client_for):
    KlankbordLidFactory(rol=KlankbordRol.VOORZITTER)
    persoon = PersoonFactory()
    KlankbordLidFactory(persoon=persoon)
    client = client_for(Role.KWARTIERMAKER)
    response = client.post(
        reverse("klankbordlid-create"),
        {"persoon": PersoonFactory().pk, "rol": "voorzitter", "van": VANDAAG().isoformat()},
    )
    assert "al een voorzitter" in response.content.decode()
    response = client.post(
        reverse("klankbordlid-create"),
        {"persoon": persoon.pk, "rol": "lid", "van": VANDAAG().isoformat()},
    )
    assert "al een plaats" in response.content.decode()
    response = client.post(
        reverse("klankbordlid-create"),
        {
            "persoon": PersoonFactory().pk,
            "rol": "lid",
            "van": VANDAAG().isoformat(),
            "tot": (VANDAAG() - datetime.timedelta(days=3)).isoformat(),
        },
    )
    assert "einddatum ligt voor de begindatum" in response.content.decode()
    assert KlankbordLid.objects.count() == 2


def test_coverage_view_shows_who_is_missing(client_for):
    leeftijd, taal, beperking = (
        AspectFactory(naam=n) for n in ("Leeftijd", "Taal en geletterdheid", "Beperking")
    )
    lid = KlankbordLidFactory(persoon=PersoonFactory(naam="Lid Een"))
    lid.kennis.set([leeftijd])
    lid.bereik.set([beperking])
    adviseur = KlankbordLidFactory(rol=KlankbordRol.ADVISEUR_DI)
    adviseur.kennis.set([taal])  # advisers do not count for the group's coverage
    rijen = {r.aspect.naam: r for r in selectors.dekking(list(selectors.leden()))}
    assert rijen["Leeftijd"].kennis == ["Lid Een"] and rijen["Beperking"].bereik == ["Lid Een"]
    assert not rijen["Taal en geletterdheid"].gedekt
    page = client_for(Role.WETHOUDER).get(reverse("klankbord-dekking")).content.decode()
    assert "1 aspect wordt door niemand in de groep gedekt" in page
    assert "Nee, niemand" in page


def test_coverage_query_count_is_fixed(client_for):
    client = client_for(Role.KWARTIERMAKER)
    aspecten = [AspectFactory() for _ in range(4)]
    client.get(reverse("klankbord"))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("klankbord-dekking"))
            client.get(reverse("klankbord"))
            client.get(reverse("advies-list"))
        return len(ctx.captured_queries)

    KlankbordLidFactory().kennis.set(aspecten[:2])
    AdviesFactory()
    small = count()
    for i in range(10):
        KlankbordLidFactory().kennis.set(aspecten[i % 4 :])
        AdviesFactory()
    assert count() == small


def test_advies_with_response_and_motivation_rules(client_for):
    client = client_for(Role.KWARTIERMAKER)
    datum = VANDAAG() - datetime.timedelta(days=10)
    response = client.post(
        reverse("advies-create"),
        {
            "onderwerp": "Toegankelijk stadhuis",
            "soort": "gevraagd",
            "datum": datum.isoformat(),
            "tekst": "Maak de ingang drempelvrij.",
            "reactie_uiterlijk": (datum - datetime.timedelta(days=1)).isoformat(),
        },
    )
    assert "kan niet voor de datum van het advies liggen" in response.content.decode()
    assert not Advies.objects.exists()
    client.post(
        reverse("advies-create"),
        {
            "onderwerp": "Toegankelijk stadhuis",
            "soort": "gevraagd",
            "datum": datum.isoformat(),
            "tekst": "Maak de ingang drempelvrij.",
            "reactie_uiterlijk": (datum + datetime.timedelta(days=42)).isoformat(),
        },
    )
    advies = Advies.objects.get()
    # The beleidsadviseur drafts the response; "niet overgenomen" needs a motivation.
    client = client_for(Role.BELEIDSADVISEUR)
    url = reverse("advies-reactie", args=[advies.pk])
    response = client.post(
        url, {"reactie_datum": VANDAAG().isoformat(), "reactie": "Nee", "uitkomst": "niet"}
    )
    assert "Leg uit waarom" in response.content.decode()
    advies.refresh_from_db()
    assert advies.uitkomst == AdviesUitkomst.OPEN and advies.reactie_datum is None
    response = client.post(
        url,
        {
            "reactie_datum": VANDAAG().isoformat(),
            "reactie": "Nee",
            "uitkomst": "niet",
            "motivatie": "Geen budget dit jaar.",
        },
    )
    assert response.status_code == 302
    advies.refresh_from_db()
    assert advies.uitkomst == AdviesUitkomst.NIET and not advies.reactie_te_laat


def test_overdue_responses_are_flagged_with_text(client_for):
    AdviesFactory(
        onderwerp="Te laat advies", reactie_uiterlijk=VANDAAG() - datetime.timedelta(days=1)
    )
    AdviesFactory(
        onderwerp="Op tijd advies", reactie_uiterlijk=VANDAAG() + datetime.timedelta(days=5)
    )
    client = client_for(Role.KWARTIERMAKER)
    page = client.get(reverse("advies-list") + "?reactie=te_laat").content.decode()
    assert "Te laat advies" in page and "Op tijd advies" not in page
    assert "te laat" in page
    home = client.get(reverse("home")).content.decode()
    assert "Op 1 advies is de reactie van de gemeente te laat." in home


def test_klankbordlid_sees_open_adviezen_but_cannot_change(client_for):
    advies = AdviesFactory(onderwerp="Open advies voor lid")
    client = client_for(Role.KLANKBORDLID)
    assert "Open advies voor lid" in client.get(reverse("home")).content.decode()
    assert client.get(advies.get_absolute_url()).status_code == 200
    assert client.post(reverse("advies-create"), {"onderwerp": "x"}).status_code == 403
    assert client.post(reverse("advies-reactie", args=[advies.pk]), {}).status_code == 403


def test_wethouder_reads_but_cannot_change(client_for):
    advies = AdviesFactory()
    lid = KlankbordLidFactory()
    client = client_for(Role.WETHOUDER)
    assert client.get(reverse("klankbord-wethouder")).status_code == 200
    for url in (
        reverse("advies-update", args=[advies.pk]),
        reverse("advies-reactie", args=[advies.pk]),
        reverse("klankbordlid-update", args=[lid.pk]),
        reverse("klankbordlid-create"),
    ):
        assert client.post(url, {"onderwerp": "gewijzigd"}).status_code == 403, url
    advies.refresh_from_db()
    assert advies.onderwerp != "gewijzigd"


def test_wethouder_talk_lists_open_adviezen_and_signal_themes(client_for):
    from tests.klankbord.factories import SignaalFactory

    AdviesFactory(onderwerp="Nog open onderwerp")
    SignaalFactory(thema="discriminatie")
    page = client_for(Role.KWARTIERMAKER).get(reverse("klankbord-wethouder")).content.decode()
    assert "Nog open onderwerp" in page and "Discriminatie en uitsluiting" in page


def test_figures(django_assert_num_queries):
    vandaag = VANDAAG()
    start, end = vandaag - datetime.timedelta(days=60), vandaag + datetime.timedelta(days=1)
    d = vandaag - datetime.timedelta(days=50)
    # due in period, answered on time
    AdviesFactory(
        datum=d,
        reactie_uiterlijk=d + datetime.timedelta(days=10),
        reactie_datum=d + datetime.timedelta(days=5),
        uitkomst="overgenomen",
        reactie="ja",
    )
    # due in period, answered late
    AdviesFactory(
        datum=d,
        reactie_uiterlijk=d + datetime.timedelta(days=10),
        reactie_datum=d + datetime.timedelta(days=20),
        uitkomst="deels",
        reactie="deels",
        motivatie="m",
    )
    # due in period, not answered: overdue at end
    AdviesFactory(datum=d, reactie_uiterlijk=d + datetime.timedelta(days=10))
    # due after the period
    AdviesFactory(datum=vandaag, reactie_uiterlijk=vandaag + datetime.timedelta(days=40))
    with django_assert_num_queries(1):
        adviezen = selectors.figuur_adviezen(start, end)
    assert adviezen == {
        "Nog geen reactie": 2,
        "Overgenomen": 1,
        "Deels overgenomen": 1,
        "Niet overgenomen": 0,
    }
    with django_assert_num_queries(1):
        assert selectors.figuur_reacties_op_tijd(start, end) == pytest.approx(33.3)
    with django_assert_num_queries(1):
        assert selectors.figuur_reacties_te_laat(start, end) == 1
    # At an earlier end date the late answer was still overdue too.
    assert selectors.figuur_reacties_te_laat(start, d + datetime.timedelta(days=15)) == 2
    assert (
        selectors.figuur_reacties_op_tijd(
            vandaag + datetime.timedelta(days=400), vandaag + datetime.timedelta(days=500)
        )
        is None  # nothing was due: no percentage rather than a false "0 % on time"
    )


def test_figures_are_registered():
    from inclusie.registry import figure

    for code in (
        "ambassadeurs.actief",
        "ambassadeurs.activiteiten",
        "klankbord.adviezen",
        "klankbord.reacties_op_tijd",
        "klankbord.reacties_te_laat",
        "signalen.per_thema",
        "opdracht.budget",
    ):
        assert figure(code) is not None, code


def test_regression_kwartiermaker_home_query_count_with_many_overdue_adviezen(client_for):
    """The overdue panel did one extra count query once more than five were overdue."""
    client = client_for(Role.KWARTIERMAKER)
    client.get(reverse("home"))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("home"))
        return len(ctx.captured_queries)

    AdviesFactory(reactie_uiterlijk=VANDAAG() - datetime.timedelta(days=1))
    small = count()
    for _ in range(8):
        AdviesFactory(reactie_uiterlijk=VANDAAG() - datetime.timedelta(days=1))
    assert count() == small


def test_reminder_mail_once_per_advies_due_soon(
    user_for_role, mailoutbox, django_capture_on_commit_callbacks
):
    from inclusie.models import Notificatie
    from klankbord.tasks import herinner_reacties

    kwartiermaker = user_for_role(Role.KWARTIERMAKER)
    user_for_role(Role.BELEIDSADVISEUR)
    user_for_role(Role.AMBASSADEUR)
    bijna = AdviesFactory(
        onderwerp="Bijna termijn", reactie_uiterlijk=VANDAAG() + datetime.timedelta(days=3)
    )
    AdviesFactory(
        onderwerp="Nog ver weg", reactie_uiterlijk=VANDAAG() + datetime.timedelta(days=30)
    )
    AdviesFactory(
        onderwerp="Al beantwoord",
        reactie_uiterlijk=VANDAAG(),
        reactie_datum=VANDAAG() - datetime.timedelta(days=1),
        reactie="ja",
        uitkomst="overgenomen",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert herinner_reacties.delay().get() == 1
    assert Notificatie.objects.count() == 2  # kwartiermaker and beleidsadviseur, not the ambassador
    assert {m.to[0] for m in mailoutbox} == {
        kwartiermaker.email,
        user_for_role(Role.BELEIDSADVISEUR).email,
    }
    assert "Bijna termijn" in mailoutbox[0].subject
    bijna.refresh_from_db()
    assert bijna.herinnering_op == VANDAAG()
    # Idempotent: a second run sends nothing.
    assert herinner_reacties.delay().get() == 0
    assert Notificatie.objects.count() == 2


def test_reminder_task_is_scheduled():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["klankbord-reactie-herinneringen"]
    assert entry["task"] == "klankbord.tasks.herinner_reacties"


def test_adviezen_export_neutralises_formulas(client_for):
    AdviesFactory(onderwerp='=HYPERLINK("http://evil.example")', beleid="@SUM(1+1)")
    csv = client_for(Role.WETHOUDER).get(reverse("advies-export")).content.decode()
    assert "'=HYPERLINK" in csv and "'@SUM" in csv


def test_draft_response_shows_its_text_to_those_who_record_responses(client_for):
    """Issue 14: the page said "Er is een concept-reactie." without showing it."""
    advies = AdviesFactory(reactie="We nemen dit mee in de nota.", motivatie="Budget volgt.")
    url = reverse("advies-detail", args=[advies.pk])
    page = client_for(Role.KWARTIERMAKER).get(url).content.decode()
    assert "Concept-reactie" in page
    assert "We nemen dit mee in de nota." in page and "Budget volgt." in page
    # The group and the wethouder see no draft of the gemeente's response.
    for role in (Role.KLANKBORDLID, Role.WETHOUDER):
        page = client_for(role).get(url).content.decode()
        assert "We nemen dit mee" not in page and "Concept-reactie" not in page
        assert "De gemeente heeft nog niet gereageerd." in page


def test_detail_and_form_pages_show_their_breadcrumb_trail(client_for):
    from tests.klankbord.factories import SignaalFactory

    advies = AdviesFactory(onderwerp="Toegankelijke stembureaus")
    signaal = SignaalFactory(titel="Drempel bij het buurthuis")
    client = client_for(Role.KWARTIERMAKER)
    trails = {
        reverse("advies-detail", args=[advies.pk]): ["Klankbordgroep", "Adviezen"],
        reverse("advies-update", args=[advies.pk]): ["Adviezen", "Toegankelijke stembureaus"],
        reverse("advies-reactie", args=[advies.pk]): ["Adviezen", "Toegankelijke stembureaus"],
        reverse("advies-create"): ["Klankbordgroep", "Adviezen"],
        reverse("klankbordlid-create"): ["Klankbordgroep"],
        reverse("signaal-detail", args=[signaal.pk]): ["Signalen uit de stad"],
        reverse("signaal-update", args=[signaal.pk]): ["Drempel bij het buurthuis"],
        reverse("signaal-opvolging", args=[signaal.pk]): ["Drempel bij het buurthuis"],
    }
    for url, crumbs in trails.items():
        page = client.get(url).content.decode()
        trail = page.split('aria-label="Kruimelpad"', 1)[1].split("</nav>", 1)[0]
        for crumb in crumbs:
            assert f">{crumb}</a>" in trail, (url, crumb)
