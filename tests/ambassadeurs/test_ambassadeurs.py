"""Ambassadors: intake, status with dates, pijler seats, coaching log, activities, self-service."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ambassadeurs import selectors
from ambassadeurs.constants import AmbassadeurStatus
from ambassadeurs.models import Activiteit, Ambassadeur, StatusWijziging
from inclusie.constants import Role
from inclusie.models import Persoon
from pijlers.models import Lidmaatschap, Pijler
from tests.ambassadeurs.factories import (
    ActiviteitFactory,
    AmbassadeurFactory,
    CoachingNotitieFactory,
)
from tests.factories import OrganisatieFactory, PersoonFactory, UserFactory

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert('xss')</script>"


def ambassadeur_met_account(**kwargs):
    user = UserFactory(role=Role.AMBASSADEUR)
    return AmbassadeurFactory(persoon=PersoonFactory(user=user), actief=True, **kwargs), user


def test_kwartiermaker_registers_an_ambassador_with_intake_checklist(client_for):
    client = client_for(Role.KWARTIERMAKER)
    org = OrganisatieFactory()
    response = client.post(
        reverse("ambassadeur-create"),
        {
            "naam": "Fatima Nieuw",
            "email": "fatima@voorbeeld.nl",
            "organisatie": org.pk,
            "functie": "HR-adviseur",
            "aangemeld_op": timezone.localdate().isoformat(),
            "motivatie": "Iedereen hoort erbij",
            "crit_onderscheid": "on",
            "crit_motivatie": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    ambassadeur = Ambassadeur.objects.get(persoon__naam="Fatima Nieuw")
    assert ambassadeur.status == AmbassadeurStatus.AANGEMELD
    assert ambassadeur.persoon.organisatie == org
    assert ambassadeur.criteria_score == 2
    assert StatusWijziging.objects.filter(ambassadeur=ambassadeur).count() == 1
    page = client.get(ambassadeur.get_absolute_url()).content.decode()
    assert "2 van de 5 punten afgevinkt" in page


def test_create_without_name_shows_dutch_error_and_saves_nothing(client_for):
    client = client_for(Role.KWARTIERMAKER)
    response = client.post(
        reverse("ambassadeur-create"), {"aangemeld_op": timezone.localdate().isoformat()}
    )
    assert response.status_code == 200
    assert "Vul een naam in of kies een bestaande persoon." in response.content.decode()
    assert Ambassadeur.objects.count() == 0 and Persoon.objects.count() == 0


def test_status_flow_with_dates_and_rules(client_for):
    client = client_for(Role.KWARTIERMAKER)
    ambassadeur = AmbassadeurFactory()
    url = reverse("ambassadeur-status", args=[ambassadeur.pk])
    vandaag = timezone.localdate()
    # aangemeld -> actief is not a valid step
    response = client.post(url, {"status": "actief", "datum": vandaag.isoformat()})
    assert response.status_code == 200
    ambassadeur.refresh_from_db()
    assert ambassadeur.status == AmbassadeurStatus.AANGEMELD
    # intake
    client.post(
        url, {"status": "intake", "datum": (vandaag - datetime.timedelta(days=5)).isoformat()}
    )
    ambassadeur.refresh_from_db()
    assert ambassadeur.status == AmbassadeurStatus.INTAKE
    assert ambassadeur.intake_op == vandaag - datetime.timedelta(days=5)
    # actief needs the five criteria
    response = client.post(url, {"status": "actief", "datum": vandaag.isoformat()})
    assert "alle vijf punten" in response.content.decode()
    ambassadeur.refresh_from_db()
    assert ambassadeur.status == AmbassadeurStatus.INTAKE
    Ambassadeur.objects.filter(pk=ambassadeur.pk).update(
        crit_onderscheid=True,
        crit_motivatie=True,
        crit_noodzaak=True,
        crit_netwerk=True,
        crit_contacten=True,
    )
    # a date before the previous change is refused
    response = client.post(
        url, {"status": "actief", "datum": (vandaag - datetime.timedelta(days=30)).isoformat()}
    )
    assert "voor de vorige statuswijziging" in response.content.decode()
    response = client.post(url, {"status": "actief", "datum": vandaag.isoformat()})
    assert response.status_code == 302
    ambassadeur.refresh_from_db()
    assert ambassadeur.status == AmbassadeurStatus.ACTIEF and ambassadeur.actief_sinds == vandaag
    assert list(ambassadeur.statuswijzigingen.values_list("status", flat=True)) == [
        "actief",
        "intake",
        "aangemeld",
    ]


def test_stopping_ends_the_pijler_seats(client_for):
    client = client_for(Role.KWARTIERMAKER)
    ambassadeur = AmbassadeurFactory(actief=True)
    pijler = Pijler.objects.create(naam="Werk", slug="werk")
    response = client.post(
        reverse("ambassadeur-pijler", args=[ambassadeur.pk]),
        {"pijler": pijler.pk, "sinds": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    lid = Lidmaatschap.objects.get(persoon=ambassadeur.persoon)
    assert lid.rol == Lidmaatschap.Rol.AMBASSADEUR and lid.tot is None
    # joining twice is refused with a clear message
    response = client.post(
        reverse("ambassadeur-pijler", args=[ambassadeur.pk]),
        {"pijler": pijler.pk, "sinds": timezone.localdate().isoformat()},
    )
    assert "De ambassadeur is al lid van deze pijler." in response.content.decode()
    client.post(
        reverse("ambassadeur-status", args=[ambassadeur.pk]),
        {"status": "gestopt", "datum": timezone.localdate().isoformat()},
    )
    lid.refresh_from_db()
    assert lid.tot == timezone.localdate()


def test_coaching_log_is_private_to_kwartiermaker_and_beheerder(client_for, client):
    notitie = CoachingNotitieFactory(notitie="Vertrouwelijk: loopt vast bij directeur")
    url = reverse("ambassadeur-detail", args=[notitie.ambassadeur.pk])
    assert "Vertrouwelijk" in client_for(Role.KWARTIERMAKER).get(url).content.decode()
    assert "Vertrouwelijk" in client_for(Role.BEHEERDER).get(url).content.decode()
    # The beleidsadviseur may see ambassadors, not the coaching log.
    page = client_for(Role.BELEIDSADVISEUR).get(url)
    assert page.status_code == 200 and "Vertrouwelijk" not in page.content.decode()
    for role in (Role.KLANKBORDLID, Role.WETHOUDER, Role.AMBASSADEUR):
        assert client_for(role).get(url).status_code == 403, role
        assert client_for(role).get(reverse("coaching-create")).status_code == 403, role


def test_kwartiermaker_adds_a_coaching_note(client_for):
    ambassadeur = AmbassadeurFactory(actief=True)
    client = client_for(Role.KWARTIERMAKER)
    response = client.post(
        reverse("coaching-create"),
        {
            "ambassadeur": ambassadeur.pk,
            "datum": timezone.localdate().isoformat(),
            "onderwerp": "Voortgang",
            "notitie": "Gaat goed",
        },
    )
    assert response.status_code == 302
    assert ambassadeur.coachingnotities.get().auteur.role == Role.KWARTIERMAKER


def test_ambassador_logs_own_activity_and_sees_only_own(client):
    ambassadeur, user = ambassadeur_met_account()
    ander = ActiviteitFactory(titel="Activiteit van iemand anders")
    client.force_login(user)
    response = client.post(
        reverse("mijn-activiteit-create"),
        {
            "datum": timezone.localdate().isoformat(),
            "soort": "gesprek",
            "titel": "Gesprek met onze directeur over werving",
        },
    )
    assert response.status_code == 302
    eigen = Activiteit.objects.get(titel__startswith="Gesprek met onze")
    assert eigen.ambassadeur == ambassadeur and eigen.vastgelegd_door == user
    page = client.get(reverse("mijn-ambassadeurschap")).content.decode()
    assert "Gesprek met onze directeur" in page
    assert "Activiteit van iemand anders" not in page
    # Horizontal access: another ambassador's activity and profile are out of reach.
    assert client.get(reverse("mijn-activiteit-update", args=[ander.pk])).status_code == 404
    response = client.post(
        reverse("mijn-activiteit-update", args=[ander.pk]),
        {"datum": timezone.localdate().isoformat(), "soort": "gesprek", "titel": "overgenomen"},
    )
    assert response.status_code == 404
    ander.refresh_from_db()
    assert ander.titel == "Activiteit van iemand anders"
    assert client.get(reverse("mijn-activiteit-update", args=[eigen.pk])).status_code == 200
    assert client.get(reverse("ambassadeur-detail", args=[ander.ambassadeur.pk])).status_code == 403
    assert client.get(reverse("activiteit-list")).status_code == 403


def test_activity_in_the_future_is_refused(client):
    _ambassadeur, user = ambassadeur_met_account()
    client.force_login(user)
    response = client.post(
        reverse("mijn-activiteit-create"),
        {
            "datum": (timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
            "soort": "gesprek",
            "titel": "Nog niet gebeurd",
        },
    )
    assert response.status_code == 200
    assert "niet in de toekomst" in response.content.decode()
    assert not Activiteit.objects.exists()


def test_ambassador_without_profile_gets_explanation_not_error(client_for):
    client = client_for(Role.AMBASSADEUR)
    assert (
        "nog geen ambassadeursprofiel"
        in client.get(reverse("mijn-ambassadeurschap")).content.decode()
    )
    response = client.get(reverse("mijn-activiteit-create"))
    assert response.status_code == 302


def test_ambassador_edits_own_profile_and_consent(client):
    ambassadeur, user = ambassadeur_met_account()
    client.force_login(user)
    response = client.post(
        reverse("mijn-profiel"), {"motivatie": "Nieuwe motivatie", "toestemming_openbaar": "on"}
    )
    assert response.status_code == 302
    ambassadeur.refresh_from_db()
    assert ambassadeur.motivatie == "Nieuwe motivatie"
    assert ambassadeur.persoon.toestemming_openbaar
    assert ambassadeur.persoon.toestemming_openbaar_op is not None


def test_public_list_shows_only_active_ambassadors_with_consent(client):
    met = AmbassadeurFactory(
        actief=True, persoon=PersoonFactory(naam="Zichtbaar Persoon", toestemming_openbaar=True)
    )
    AmbassadeurFactory(actief=True, persoon=PersoonFactory(naam="Geen Toestemming"))
    AmbassadeurFactory(persoon=PersoonFactory(naam="Nog Aangemeld", toestemming_openbaar=True))
    page = client.get(reverse("openbaar-ambassadeurs")).content.decode()
    assert met.persoon.naam in page
    assert "Geen Toestemming" not in page and "Nog Aangemeld" not in page
    assert "Onze ambassadeurs" in client.get(reverse("openbaar")).content.decode()


def test_wethouder_and_beleidsadviseur_cannot_change_ambassadors(client_for):
    ambassadeur = AmbassadeurFactory()
    for role in (Role.WETHOUDER, Role.BELEIDSADVISEUR):
        client = client_for(role)
        for url in (
            reverse("ambassadeur-create"),
            reverse("ambassadeur-status", args=[ambassadeur.pk]),
            reverse("activiteit-create"),
        ):
            assert client.post(url, {"naam": "x", "status": "intake"}).status_code == 403, (
                role,
                url,
            )
    ambassadeur.refresh_from_db()
    assert ambassadeur.status == AmbassadeurStatus.AANGEMELD


def test_script_injection_is_inert_in_page_and_csv(client_for):
    ActiviteitFactory(titel=SCRIPT)
    ActiviteitFactory(titel='=HYPERLINK("http://evil.example")')
    client = client_for(Role.KWARTIERMAKER)
    page = client.get(reverse("activiteit-list")).content.decode()
    assert SCRIPT not in page and "&lt;script&gt;" in page
    csv = client.get(reverse("activiteit-export")).content.decode()
    assert "'=HYPERLINK" in csv
    assert "\n=HYPERLINK" not in csv and ";=HYPERLINK" not in csv


def test_figures_active_and_activities_per_kind(django_assert_num_queries):
    vandaag = timezone.localdate()
    a = AmbassadeurFactory(actief=True)
    gestopt = AmbassadeurFactory(actief=True)
    Ambassadeur.objects.filter(pk=gestopt.pk).update(
        status=AmbassadeurStatus.GESTOPT, gestopt_op=vandaag - datetime.timedelta(days=10)
    )
    StatusWijziging.objects.create(
        ambassadeur=gestopt,
        status=AmbassadeurStatus.GESTOPT,
        datum=vandaag - datetime.timedelta(days=10),
    )
    ActiviteitFactory(ambassadeur=a, soort="training")
    ActiviteitFactory(ambassadeur=a, soort="training")
    ActiviteitFactory(ambassadeur=a, soort="gesprek", datum=vandaag - datetime.timedelta(days=400))
    start, end = vandaag - datetime.timedelta(days=30), vandaag + datetime.timedelta(days=1)
    with django_assert_num_queries(1):
        assert selectors.figuur_actief(start, end) == 1
    # Twenty days ago both were active.
    assert selectors.figuur_actief(start, vandaag - datetime.timedelta(days=19)) == 2
    with django_assert_num_queries(1):
        per_soort = selectors.figuur_activiteiten(start, end)
    assert per_soort["Training of workshop voor collega's"] == 2
    assert sum(per_soort.values()) == 2


def _list_queries(client, url, django_assert_max_num_queries) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from inclusie import fragments

    fragments.bump()  # count the page's own queries, not its cached fragment
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_lists_and_detail_use_a_fixed_number_of_queries(client_for, django_assert_max_num_queries):
    client = client_for(Role.KWARTIERMAKER)
    pijler = Pijler.objects.create(naam="Werk", slug="werk")

    def maak(n):
        for _ in range(n):
            a = AmbassadeurFactory(actief=True)
            Lidmaatschap.objects.create(pijler=pijler, persoon=a.persoon, rol="ambassadeur")
            ActiviteitFactory(ambassadeur=a)
            CoachingNotitieFactory(ambassadeur=a)

    maak(2)
    first = AmbassadeurFactory(actief=True)
    urls = [reverse("ambassadeur-list"), reverse("activiteit-list"), first.get_absolute_url()]
    client.get(urls[0])  # warm up: session touch, gemeente profile cache
    small = [_list_queries(client, u, None) for u in urls]
    maak(12)
    for _ in range(5):
        ActiviteitFactory(ambassadeur=first)
        CoachingNotitieFactory(ambassadeur=first)
    large = [_list_queries(client, u, None) for u in urls]
    assert small == large, (small, large)


def test_ambassador_home_panel_is_fixed(client, django_assert_max_num_queries):
    ambassadeur, user = ambassadeur_met_account()
    client.force_login(user)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from inclusie import fragments

    client.get(reverse("home"))  # warm up: session touch, gemeente profile cache
    fragments.bump()  # count the panel's own queries, not its cached HTML
    with CaptureQueriesContext(connection) as small:
        page = client.get(reverse("home"))
    assert "Uw activiteiten" in page.content.decode()
    for _ in range(10):
        ActiviteitFactory(ambassadeur=ambassadeur)
    fragments.bump()
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("home"))
    assert len(small.captured_queries) == len(large.captured_queries)


def test_kwartiermaker_edits_profile_and_links_an_account(client_for):
    ambassadeur = AmbassadeurFactory(persoon=PersoonFactory(naam="Oude Naam"))
    account = UserFactory(role=Role.AMBASSADEUR)
    client = client_for(Role.KWARTIERMAKER)
    url = reverse("ambassadeur-update", args=[ambassadeur.pk])
    assert "Oude Naam" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "naam": "Nieuwe Naam",
            "functie": "Teamleider",
            "account": account.pk,
            "aangemeld_op": ambassadeur.aangemeld_op.isoformat(),
            "crit_netwerk": "on",
        },
    )
    assert response.status_code == 302
    ambassadeur.refresh_from_db()
    assert ambassadeur.persoon.naam == "Nieuwe Naam" and ambassadeur.persoon.user == account
    assert ambassadeur.crit_netwerk and ambassadeur.criteria_score == 1
    # The account can now use the self-service pages.
    client.force_login(account)
    assert "Uw profiel" in client.get(reverse("mijn-ambassadeurschap")).content.decode()
    assert client.get(reverse("mijn-activiteit-create")).status_code == 200


def test_registering_an_existing_person_keeps_their_details(client_for):
    persoon = PersoonFactory(naam="Bestaande Persoon", functie="Docent")
    client = client_for(Role.KWARTIERMAKER)
    response = client.post(
        reverse("ambassadeur-create"),
        {"bestaande_persoon": persoon.pk, "aangemeld_op": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    persoon.refresh_from_db()
    assert persoon.ambassadeurschap and persoon.functie == "Docent"
    # The same person cannot be registered twice: no longer offered in the list.
    response = client.post(
        reverse("ambassadeur-create"),
        {"bestaande_persoon": persoon.pk, "aangemeld_op": timezone.localdate().isoformat()},
    )
    assert response.status_code == 200
    assert Ambassadeur.objects.count() == 1


def test_ambassador_deletes_own_activity_only_after_confirmation(client):
    ambassadeur, user = ambassadeur_met_account()
    eigen = ActiviteitFactory(ambassadeur=ambassadeur, titel="Dubbel ingevoerd")
    ander = ActiviteitFactory()
    client.force_login(user)
    url = reverse("mijn-activiteit-delete", args=[eigen.pk])
    assert "Dubbel ingevoerd" in client.get(url).content.decode()
    assert Activiteit.objects.filter(pk=eigen.pk).exists()
    assert client.post(url).status_code == 302
    assert not Activiteit.objects.filter(pk=eigen.pk).exists()
    assert client.post(reverse("mijn-activiteit-delete", args=[ander.pk])).status_code == 404
    assert Activiteit.objects.filter(pk=ander.pk).exists()


def test_pijler_filter_uses_the_gemeente_term(client_for):
    from inclusie.models import GemeenteProfiel

    profiel = GemeenteProfiel.load()
    profiel.term_pijler, profiel.term_pijlers = "speerpunt", "speerpunten"
    profiel.save()
    page = client_for(Role.KWARTIERMAKER).get(reverse("ambassadeur-list")).content.decode()
    assert "Speerpunt" in page and "Alle speerpunten" in page


def test_kwartiermaker_home_lists_quiet_ambassadors_and_coaching_appointments(client_for):
    stil = AmbassadeurFactory(actief=True, persoon=PersoonFactory(naam="Stille Ambassadeur"))
    ActiviteitFactory(ambassadeur=stil, datum=timezone.localdate() - datetime.timedelta(days=200))
    bezig = AmbassadeurFactory(actief=True, persoon=PersoonFactory(naam="Bezige Ambassadeur"))
    ActiviteitFactory(ambassadeur=bezig)
    CoachingNotitieFactory(
        ambassadeur=bezig, vervolgafspraak=timezone.localdate() + datetime.timedelta(days=2)
    )
    page = client_for(Role.KWARTIERMAKER).get(reverse("home")).content.decode()
    assert "90 dagen geen activiteit" in page
    quiet = page.split("90 dagen geen activiteit")[1]
    assert "Stille Ambassadeur" in quiet and "Bezige Ambassadeur" not in quiet.split("</ul>")[0]
    assert "Coachingsafspraken deze week" in page


@pytest.mark.slow
def test_demo_links_the_demo_accounts_and_figures_compute():
    import datetime as dt

    from django.core.management import call_command

    from inclusie.registry import figures
    from klankbord.models import KlankbordLid

    call_command("seed_demo", "--scale", "2", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Ambassadeur.objects.get(persoon__user__username="ambassadeur").status == "actief"
    assert KlankbordLid.objects.filter(persoon__user__username="klankbordlid").exists()
    end = timezone.localdate() + dt.timedelta(days=1)
    start = end - dt.timedelta(days=365)
    for figure in figures():
        if figure.group in {"ambassadeurs", "klankbord", "signalen", "opdracht"}:
            value = figure.compute(start, end)
            assert isinstance(value, int | float | dict), figure.code
    assert Activiteit.objects.filter(datum__gte=start).exists()


def test_the_ambassadors_own_pages_speak_to_the_ambassador(client, client_for):
    """Issue 14: the profile form asked the ambassador "Waarom wil deze persoon ...?"."""
    _ambassadeur, user = ambassadeur_met_account()
    client.force_login(user)
    pages = [
        client.get(reverse(name)).content.decode()
        for name in ("mijn-ambassadeurschap", "mijn-profiel", "mijn-activiteit-create")
    ]
    text = "\n".join(pages)
    for about in ("deze persoon", "deze ambassadeur", "de ambassadeur", "Mijn profiel"):
        assert about not in text, about
    assert "Waarom wilt u ambassadeur zijn?" in pages[1]
    assert "In welke netwerken en gemeenschappen bent u actief?" in pages[1]
    assert "Uw naam en organisatie mogen op de openbare lijst" in pages[1]
    assert "Wat heeft u gedaan?" in pages[2]
    assert "Hoeveel mensen heeft u bereikt?" in pages[2]
    assert "Uw activiteiten" in pages[0] and "Uw profiel wijzigen" in pages[0]
    # The kwartiermaker's form for the same activity speaks about the ambassador.
    page = client_for(Role.KWARTIERMAKER).get(reverse("activiteit-create")).content.decode()
    assert "Wat heeft de ambassadeur gedaan?" in page and "Wat heeft u gedaan?" not in page
