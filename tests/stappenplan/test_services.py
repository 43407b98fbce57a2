"""The answer service: optimistic locking, skip vs empty, submit and reopen, versions."""

import pytest
from django.core.exceptions import ValidationError

from inclusie.models import Wijk
from stappenplan import services
from stappenplan.models import Antwoord, Verkenning, VerkenningGebeurtenis, Vraag, Vragenlijst
from stappenplan.services import AntwoordConflict, AntwoordInvoer
from stappenplan.vragenlijsten import load_vragenlijsten
from tests.signin import sign_in
from tests.stappenplan.factories import AdviseurFactory, VerkenningFactory, bijlage1, open_vraag

pytestmark = pytest.mark.django_db


def save(verkenning, vraag, tekst="", versie=0, by=None, **kw):
    return services.antwoord_save(
        verkenning=verkenning,
        vraag=vraag,
        invoer=AntwoordInvoer(tekst=tekst, **kw),
        versie=versie,
        by=by or verkenning.eigenaar,
    )


def test_questionnaires_are_loaded_by_the_migration():
    codes = set(Vragenlijst.objects.values_list("code", flat=True))
    assert codes == {"bijlage-1", "bijlage-2", "bijlage-3", "foto-per-speerpunt"}
    b1 = bijlage1()
    assert [d.nummer for d in b1.delen.all()] == [1, 2, 3]
    assert b1.delen.get(nummer=1).vragen.count() == 5
    deel3 = b1.delen.get(nummer=3)
    assert deel3.vragen.filter(hoofdvraag__isnull=True).count() == 7
    assert deel3.vragen.get(nummer="6d").hoofdvraag.nummer == "6"
    assert b1.delen.get(nummer=2).vragen.filter(soort=Vraag.Soort.LEVENSDOMEIN).exists()


def test_first_save_then_versions_grow():
    v = VerkenningFactory()
    vraag = open_vraag(v)
    a = save(v, vraag, "eerste", 0)
    assert a.versie == 1
    a = save(v, vraag, "tweede", 1)
    assert a.versie == 2
    assert Antwoord.objects.get(pk=a.pk).tekst == "tweede"


def test_stale_version_is_a_conflict_never_an_overwrite():
    v = VerkenningFactory()
    collega = AdviseurFactory()
    v.gedeeld_met.add(collega)
    vraag = open_vraag(v)
    save(v, vraag, "basis", 0)
    save(v, vraag, "tekst van collega", 1, by=collega)
    with pytest.raises(AntwoordConflict) as exc:
        save(v, vraag, "mijn tekst", 1)
    assert exc.value.current.tekst == "tekst van collega"
    assert exc.value.current.versie == 2
    assert Antwoord.objects.get(verkenning=v, vraag=vraag).tekst == "tekst van collega"
    # Choosing "keep mine" resends with the version the conflict reported.
    assert save(v, vraag, "mijn tekst", 2).versie == 3


def test_a_retry_of_a_save_that_landed_is_not_a_conflict():
    v = VerkenningFactory()
    vraag = open_vraag(v)
    save(v, vraag, "hallo", 0)
    again = save(v, vraag, "hallo", 0)  # the response was lost; the page retries
    assert again.versie == 1


def test_skipped_is_different_from_empty():
    v = VerkenningFactory()
    q1, q2 = open_vraag(v, "1"), open_vraag(v, "2")
    save(v, q1, "", 0, overgeslagen=True, tip="Navragen bij het wijkteam")
    save(v, q2, "", 0)
    a1 = Antwoord.objects.get(verkenning=v, vraag=q1)
    a2 = Antwoord.objects.get(verkenning=v, vraag=q2)
    assert a1.staat == Antwoord.Staat.OVERGESLAGEN
    assert a1.tip == "Navragen bij het wijkteam"
    assert a2.staat == Antwoord.Staat.OPEN


@pytest.mark.parametrize(
    ("soort_nummer", "tekst", "veld"),
    [
        (("1", 1), "x" * 10001, "tekst"),
        (("1", 2), "maan", "tekst"),
        (("2", 2), "999999", "tekst"),
        (("2", 2), "9" * 30, "tekst"),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(soort_nummer, tekst, veld):
    v = VerkenningFactory()
    vraag = open_vraag(v, *soort_nummer)
    with pytest.raises(ValidationError) as exc:
        save(v, vraag, tekst, 0)
    assert veld in exc.value.message_dict
    assert not Antwoord.objects.filter(verkenning=v, vraag=vraag).exists()


def test_choice_outside_the_options_is_refused():
    foto = Vragenlijst.objects.get(code="foto-per-speerpunt")
    v = VerkenningFactory(vragenlijst=foto, levensdomein="")
    vraag = Vraag.objects.get(deel__vragenlijst=foto, soort=Vraag.Soort.MEERKEUZE)
    with pytest.raises(ValidationError):
        save(v, vraag, keuzes=("Sturen", "Heersen"))
    assert save(v, vraag, keuzes=("Stimuleren", "Sturen")).keuzes == ["Sturen", "Stimuleren"]


def test_wijk_and_levensdomein_answers_update_the_verkenning():
    v = VerkenningFactory()
    wijk = Wijk.objects.create(naam="Noordhoek")
    save(v, open_vraag(v, "2", 2), str(wijk.pk), 0)
    save(v, open_vraag(v, "1", 2), "vervoer", 0)
    v.refresh_from_db()
    assert v.wijk == wijk
    assert v.levensdomein == "vervoer"


def test_submit_makes_read_only_and_reopen_is_logged():
    v = VerkenningFactory()
    vraag = open_vraag(v)
    save(v, vraag, "klaar", 0)
    services.verkenning_submit(verkenning=v, by=v.eigenaar)
    with pytest.raises(ValidationError):
        save(v, vraag, "nog iets", 1)
    assert Antwoord.objects.get(verkenning=v, vraag=vraag).tekst == "klaar"
    with pytest.raises(ValidationError):
        services.verkenning_reopen(verkenning=v, by=v.eigenaar, reden="")
    services.verkenning_reopen(verkenning=v, by=v.eigenaar, reden="Cijfers aangevuld")
    v.refresh_from_db()
    assert v.status == Verkenning.Status.CONCEPT
    log = v.gebeurtenissen.filter(actie=VerkenningGebeurtenis.Actie.HEROPEND).get()
    assert log.toelichting == "Cijfers aangevuld" and log.door == v.eigenaar
    assert save(v, vraag, "nog iets", 1).versie == 2


def test_create_needs_a_levensdomein_for_bijlage_1_and_prefills_part_2():
    adviseur = AdviseurFactory()
    with pytest.raises(ValidationError):
        services.verkenning_create(vragenlijst=bijlage1(), titel="t", jaar=2026, eigenaar=adviseur)
    v = services.verkenning_create(
        vragenlijst=bijlage1(), titel="t", jaar=2026, eigenaar=adviseur, levensdomein="thuis"
    )
    assert Antwoord.objects.get(verkenning=v, vraag__soort="levensdomein").tekst == "thuis"


def test_a_definition_in_use_is_versioned_not_edited():
    v = VerkenningFactory()
    vraag = open_vraag(v)
    oud = vraag.tekst
    kopie = services.vraag_wijzigen(vraag=vraag, tekst="Nieuwe vraagtekst")
    vraag.refresh_from_db()
    assert vraag.tekst == oud  # the verkenning keeps its version
    assert kopie.deel.vragenlijst.versie == 2 and kopie.tekst == "Nieuwe vraagtekst"
    assert Vragenlijst.objects.get(code="bijlage-1", actief=True).versie == 2
    v.refresh_from_db()
    assert v.vragenlijst.versie == 1


def test_loader_is_idempotent():
    from django.apps import apps

    assert set(load_vragenlijsten(apps).values()) == {"ongewijzigd"}


def test_admin_shows_a_definition_in_use_read_only(client, user_for_role):
    from django.urls import reverse

    v = VerkenningFactory()
    beheerder = user_for_role("beheerder")
    beheerder.is_superuser = True  # model permissions: the admin checks them as usual
    beheerder.save()
    sign_in(client, beheerder)
    url = reverse("admin:stappenplan_vragenlijst_change", args=[v.vragenlijst_id])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="titel"' not in page.content.decode()  # read-only
    response = client.post(
        reverse("admin:stappenplan_vragenlijst_changelist"),
        {"action": "nieuwe_versie", "_selected_action": [v.vragenlijst_id]},
    )
    assert response.status_code == 302
    nieuw = Vragenlijst.objects.get(code="bijlage-1", actief=True)
    assert nieuw.versie == 2
    edit = client.get(reverse("admin:stappenplan_vragenlijst_change", args=[nieuw.pk]))
    assert 'name="titel"' in edit.content.decode()
