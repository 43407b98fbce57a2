import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from inclusie.constants import Role
from inclusie.models import GemeenteProfiel, Notificatie, Organisatie, Persoon, User
from tests.factories import OrganisatieFactory, PersoonFactory
from tests.signin import totp_code


@pytest.mark.django_db
def test_beheerder_sets_name_code_and_terms_shown_everywhere(client_for):
    client = client_for(Role.BEHEERDER)
    response = client.post(
        reverse("gemeente-profiel"),
        {
            "naam": "Gemeente Rivierstad",
            "gemeentecode": "GM0150",
            "programmanaam": "Iedereen telt",
            "term_pijler": "speerpunt",
            "term_lidwoord": "het",
            "term_pijlers": "speerpunten",
        },
    )
    assert response.status_code == 302
    profiel = GemeenteProfiel.load()
    assert (profiel.naam, profiel.gemeentecode, profiel.term_pijlers) == (
        "Gemeente Rivierstad",
        "GM0150",
        "speerpunten",
    )
    assert "Gemeente Rivierstad" in client.get("/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["0150", "GM150", "gm0150", "GM01500", "GMabcd"])
def test_invalid_gemeentecode_gives_field_error(client_for, code):
    client = client_for(Role.BEHEERDER)
    response = client.post(
        reverse("gemeente-profiel"),
        {
            "naam": "X",
            "gemeentecode": code,
            "programmanaam": "Y",
            "term_pijler": "pijler",
            "term_lidwoord": "de",
            "term_pijlers": "pijlers",
        },
    )
    assert response.status_code == 200
    assert "GM gevolgd door vier cijfers" in response.content.decode()
    assert not GemeenteProfiel.objects.filter(gemeentecode=code).exists()


@pytest.mark.django_db
def test_invite_user_sends_a_link_to_choose_a_password(
    client_for, django_capture_on_commit_callbacks
):
    client = client_for(Role.BEHEERDER)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("gebruiker-invite"),
            {"naam": "Nina Nieuw", "email": "Nina@Voorbeeld.nl", "role": Role.WETHOUDER},
        )
    assert response.status_code == 302
    user = User.objects.get(email="nina@voorbeeld.nl")
    assert user.role == Role.WETHOUDER and not user.has_usable_password()
    assert Notificatie.objects.get(ontvanger=user).status == Notificatie.Status.VERZONDEN
    assert len(mail.outbox) == 1 and "/account/wachtwoord-kiezen/" in mail.outbox[0].body
    # Inviting the same address again is refused in Dutch.
    response = client.post(
        reverse("gebruiker-invite"),
        {"naam": "N", "email": "nina@voorbeeld.nl", "role": Role.WETHOUDER},
    )
    assert "bestaat al een account" in response.content.decode()


@pytest.mark.django_db
def test_invite_form_has_no_default_role(client_for):
    """Regression: the first role in the list was pre-selected, so a slip invited a kwartiermaker."""
    client = client_for(Role.BEHEERDER)
    page = client.get(reverse("gebruiker-invite")).content.decode()
    assert 'type="radio" name="role"' in page
    assert "checked" not in page.split('name="role"', 1)[1].split("</fieldset>")[0]
    response = client.post(
        reverse("gebruiker-invite"), {"naam": "Nina Nieuw", "email": "nina@voorbeeld.nl"}
    )
    assert response.status_code == 200
    assert "Kies de rol van de nieuwe gebruiker." in response.content.decode()
    assert not User.objects.filter(email="nina@voorbeeld.nl").exists()


@pytest.mark.django_db
def test_consent_is_dated_and_personal_data_changes_are_audited(client_for):
    client = client_for(Role.KWARTIERMAKER)
    org = OrganisatieFactory()
    response = client.post(
        reverse("persoon-create"), {"naam": "Fenna Fictief", "organisatie": org.pk}
    )
    assert response.status_code == 302
    persoon = Persoon.objects.get(naam="Fenna Fictief")
    assert persoon.toestemming_openbaar is False
    first = persoon.toestemming_openbaar_op
    client.post(
        reverse("persoon-update", args=[persoon.pk]),
        {"naam": "Fenna Fictief", "organisatie": org.pk, "toestemming_openbaar": "on"},
    )
    persoon.refresh_from_db()
    assert persoon.toestemming_openbaar is True
    assert persoon.toestemming_openbaar_op > first
    entries = LogEntry.objects.get_for_object(persoon)
    assert entries.count() == 2
    assert entries.first().actor.role == Role.KWARTIERMAKER
    assert "toestemming_openbaar" in entries.first().changes_dict


@pytest.mark.django_db
def test_duplicate_organisation_name_and_kvk_is_refused(client_for):
    OrganisatieFactory(naam="Bakkerij De Korf", kvk_nummer="12345678")
    client = client_for(Role.KWARTIERMAKER)
    response = client.post(
        reverse("organisatie-create"),
        {"naam": "bakkerij de korf", "kvk_nummer": "12345678", "sector": "bedrijf"},
    )
    assert response.status_code == 200
    assert "bestaat al een organisatie" in response.content.decode()
    response = client.post(
        reverse("organisatie-create"), {"naam": "Nieuw", "kvk_nummer": "1234", "sector": "bedrijf"}
    )
    assert "acht cijfers" in response.content.decode()
    assert Organisatie.objects.count() == 1


@pytest.mark.django_db
def test_lists_filter_and_paginate_in_the_database(client_for, django_assert_max_num_queries):
    client = client_for(Role.KWARTIERMAKER)
    PersoonFactory.create_batch(5)
    client.get(reverse("persoon-list"))
    from inclusie import fragments

    fragments.bump()  # count the list's own queries, not its cached fragment
    with django_assert_max_num_queries(10) as small:
        client.get(reverse("persoon-list"))
    PersoonFactory.create_batch(60)
    with django_assert_max_num_queries(10) as large:
        response = client.get(reverse("persoon-list"), {"q": "Persoon"})
    assert len(small.captured_queries) == len(large.captured_queries)
    assert response.context["page_obj"].paginator.count == 65
    assert len(response.context["object_list"]) == 25


def _project_row_counts() -> dict[str, int]:
    from django.apps import apps

    local = {"inclusie", "pijlers", "deal", "ambassadeurs", "klankbord", "monitoring"}
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in local
    }


@pytest.mark.slow
@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_scales():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (User.objects.count(), Organisatie.objects.count(), Persoon.objects.count())
    rows = _project_row_counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (User.objects.count(), Organisatie.objects.count(), Persoon.objects.count()) == counts
    # `make run` seeds on every start: a second run must not change anything.
    again = _project_row_counts()
    grown = {label: (rows[label], n) for label, n in again.items() if n != rows[label]}
    assert grown == {}, grown
    assert set(User.objects.values_list("username", flat=True)) >= {
        "kwartiermaker",
        "beleidsadviseur",
        "wethouder",
        "klankbordlid",
        "ambassadeur",
        "beheerder",
    }
    assert User.objects.get(username="wethouder").email == "wethouder@demo.inclusie.nl"
    call_command(
        "seed_demo",
        "--reset",
        "--scale",
        "2",  # any factor but 1 shows the scaling; 3 took twice as long
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    assert Organisatie.objects.count() == 2 * counts[1]


@pytest.mark.django_db
def test_demo_users_sign_in_with_the_demo_password(demo_data, client, settings):
    response = client.post(
        reverse("login"), {"username": "beheerder", "password": settings.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    # The beheerder passes the second factor with the demo secret before any page opens.
    assert client.get("/").url.startswith(reverse("twofactor-verify"))
    client.post(reverse("twofactor-verify"), {"code": totp_code()})
    assert client.get("/").context["user"].username == "beheerder"


@pytest.mark.django_db
def test_person_list_filters_by_organisation_name_without_listing_every_organisation(
    client_for,
):
    from tests.factories import OrganisatieFactory

    PersoonFactory(naam="Sanne Smit", organisatie=OrganisatieFactory(naam="Bibliotheek Oost"))
    PersoonFactory(naam="Tom Tol", organisatie=OrganisatieFactory(naam="Sportclub West"))
    OrganisatieFactory.create_batch(30)
    client = client_for("kwartiermaker")
    html = client.get(reverse("persoon-list"), {"organisatie": "biblio"}).content.decode()
    assert "Sanne Smit" in html and "Tom Tol" not in html
    # The page size does not depend on how many organisations exist.
    assert html.count("<option") < 10
