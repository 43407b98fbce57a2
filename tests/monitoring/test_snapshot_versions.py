"""A snapshot once made is frozen; a new version is explicit and logged; the old stays readable.

Also: the English dashboard shows English figure labels, and the wethouder's home
starts with what waits for the wethouder's decision.
"""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from deal.constants import ToezeggingStatus
from deal.models import ToezeggingStatusWijziging
from monitoring.models import Snapshot
from monitoring.periods import Period
from monitoring.services import snapshots
from tests.deal.factories import ToezeggingFactory
from tests.klankbord.factories import AdviesFactory
from tests.monitoring.factories import RaadsmededelingFactory

pytestmark = pytest.mark.django_db
H1 = Period.parse("2026-H1")


def _toezeggingen(snapshot) -> dict:
    return next(f for f in snapshot.data["figures"] if f["code"] == "deal.toezeggingen")["value"]


def test_new_version_is_an_explicit_logged_act_and_the_old_version_stays(client_for):
    t = ToezeggingFactory(status=ToezeggingStatus.LOPEND, historie=dt.date(2026, 2, 1))
    first = snapshots.snapshot_ensure(period=H1)
    assert _toezeggingen(first)["Loopt"] == 1
    # A correction of the history afterwards: it was realised before the half year ended.
    ToezeggingStatusWijziging.objects.create(
        toezegging=t, van="lopend", naar=ToezeggingStatus.GEREALISEERD, datum=dt.date(2026, 6, 1)
    )
    client = client_for("beleidsadviseur")
    url = reverse("monitoring:snapshots")
    # Without a reason nothing is made, and the form says why.
    page = client.post(url, {"periode": "2026-H1", "reden": ""}).content.decode()
    assert "waarom de cijfers" in page.lower()
    assert Snapshot.objects.filter(periode="2026-H1").count() == 1
    response = client.post(url, {"periode": "2026-H1", "reden": "Toezegging achteraf afgerond"})
    assert response.status_code == 302
    second = Snapshot.objects.get(periode="2026-H1", versie=2)
    assert _toezeggingen(second)["Gerealiseerd"] == 1
    first.refresh_from_db()
    assert _toezeggingen(first)["Loopt"] == 1  # version 1 is untouched
    entry = LogEntry.objects.get_for_object(second).get()
    assert entry.actor.role == "beleidsadviseur"
    assert "Toezegging achteraf afgerond" in str(entry.changes)
    # The snapshot page lists every version with its reason.
    listing = client.get(url).content.decode()
    assert "Toezegging achteraf afgerond" in listing and "versie=1" in listing
    # The dashboard shows the newest version and lists both; version 1 stays readable.
    wethouder = client_for("wethouder")
    page = wethouder.get(reverse("dashboard") + "?periode=2026-H1").content.decode()
    assert "Versies van deze momentopname" in page and "Toezegging achteraf afgerond" in page
    old = wethouder.get(reverse("dashboard") + "?periode=2026-H1&versie=1").content.decode()
    assert "U bekijkt versie 1" in old


def test_the_wethouder_cannot_make_a_new_version(client_for):
    snapshots.snapshot_ensure(period=H1)
    response = client_for("wethouder").post(
        reverse("monitoring:snapshots"), {"periode": "2026-H1", "reden": "Nog eens"}
    )
    assert response.status_code == 403
    assert Snapshot.objects.filter(periode="2026-H1").count() == 1


def test_making_a_snapshot_twice_is_refused_not_overwritten():
    from django.core.exceptions import ValidationError

    first = snapshots.snapshot_make(period=H1)
    with pytest.raises(ValidationError):
        snapshots.snapshot_make(period=H1)
    assert snapshots.snapshot_ensure(period=H1).pk == first.pk
    assert Snapshot.objects.filter(periode="2026-H1").count() == 1


def test_english_dashboard_shows_english_figure_labels(client_for):
    from tests.deal.factories import PijlerFactory

    ToezeggingFactory(status=ToezeggingStatus.LOPEND, historie=dt.date(2026, 2, 1))
    # A pijler named like a translatable word: its name is data and stays as written.
    pijler = PijlerFactory(naam="Zorg en welzijn", slug="zorg-en-welzijn")
    # It existed in the half year (the figure counts the pijlers of then).
    type(pijler).objects.filter(pk=pijler.pk).update(
        created_at=timezone.make_aware(dt.datetime(2025, 12, 1))
    )
    snapshots.snapshot_ensure(period=H1)  # frozen while Dutch is active
    client = client_for("wethouder")
    url = reverse("dashboard") + "?periode=2026-H1"
    dutch = client.get(url).content.decode()
    assert "Toezeggingen per status" in dutch and "Groei van de Inclusie Deal" in dutch
    client.cookies["django_language"] = "en"
    english = client.get(url).content.decode()
    assert "Commitments per status" in english
    assert "Toezeggingen per status" not in english
    assert "In progress" in english  # a breakdown label, frozen as its Dutch source text
    assert "Growth of the Inclusion Deal" in english
    assert "Pillars without an ambassador" in english and "Zorg en welzijn" in english


def test_wethouder_home_starts_with_what_waits_for_a_decision(client_for):
    vandaag = timezone.localdate()
    mededeling = RaadsmededelingFactory(onderwerp="Voortgang Inclusie Deal")
    te_laat = AdviesFactory(
        onderwerp="Toegankelijk stadhuis", reactie_uiterlijk=vandaag - dt.timedelta(days=3)
    )
    AdviesFactory(onderwerp="Eenvoudige taal", reactie_uiterlijk=vandaag + dt.timedelta(days=20))
    page = client_for("wethouder").get(reverse("home")).content.decode()
    assert "Wacht op uw besluit" in page
    first_panel = page.index("<section")
    assert page.index("Wacht op uw besluit") < page.index("<section", first_panel + 1)
    assert mededeling.get_absolute_url() in page
    assert reverse("advies-detail", args=[te_laat.pk]) in page
    # Overdue first.
    assert page.index("Toegankelijk stadhuis") < page.index("Eenvoudige taal")
    assert page.index("Toegankelijk stadhuis") < page.index("Voortgang Inclusie Deal")
    assert "te laat" in page


def test_other_roles_do_not_get_the_wethouder_decisions_panel(client_for):
    RaadsmededelingFactory()
    page = client_for("kwartiermaker").get(reverse("home")).content.decode()
    assert "Wacht op uw besluit" not in page


def test_dashboard_numbers_are_written_the_dutch_way_without_float_noise():
    from django.utils import translation

    from monitoring.selectors import FigureView, number_text

    with translation.override("nl"):
        assert number_text(14331.95) == "14.331,95"
        assert number_text(266.0) == "266"
        assert number_text(None) == "-"
        view = FigureView("x.y", "Opkomst", "%", 51.7, 51.4)
        assert view.delta_text == "+0,3"  # not "+0,29999999999999716"
    with translation.override("en"):
        assert number_text(14331.95) == "14,331.95"


def test_a_snapshot_cannot_be_edited_or_deleted_in_the_admin(admin_client):
    snap = snapshots.snapshot_ensure(period=H1)
    client = admin_client  # even a superuser only reads it
    change = reverse("admin:monitoring_snapshot_change", args=[snap.pk])
    page = client.get(change)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    client.post(change, {"periode": "2030-H1", "versie": 9, "data": "{}"})
    assert (
        client.get(reverse("admin:monitoring_snapshot_delete", args=[snap.pk])).status_code == 403
    )
    snap.refresh_from_db()
    assert snap.periode == "2026-H1" and snap.versie == 1 and snap.data["figures"]


def _pdf_appendix_text(mededeling) -> str:
    import re

    from inclusie.pdf import pdf_text
    from monitoring.constants import RapportSoort
    from monitoring.services import reports

    pdf = reports.render_report_pdf(
        soort=RapportSoort.RAADSMEDEDELING, period=H1, mededeling=mededeling
    )
    text = re.sub(r"\s+", " ", pdf_text(pdf).replace("\xa0", " "))
    return text.split("Bijlage: de cijfers", 1)[1]


def test_raadsmededeling_keeps_its_snapshot_version_until_someone_moves_it(client_for):
    from monitoring.services import raadsmededeling

    t = ToezeggingFactory(status=ToezeggingStatus.LOPEND, historie=dt.date(2026, 2, 1))
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    first = Snapshot.objects.get(periode="2026-H1", versie=1)
    assert mededeling.momentopname == first
    ToezeggingStatusWijziging.objects.create(
        toezegging=t, van="lopend", naar=ToezeggingStatus.GEREALISEERD, datum=dt.date(2026, 6, 1)
    )
    second = snapshots.snapshot_new_version(period=H1, by=None, reden="Correctie")

    # The PDF still says which version it was made from, and shows that version's figures.
    appendix = _pdf_appendix_text(mededeling)
    assert "(versie 1, vastgelegd op" in appendix
    assert "Loopt 1 " in appendix and "Gerealiseerd" not in appendix
    # The page says a newer version exists and that the mededeling stays on version 1.
    client = client_for("beleidsadviseur")
    page = client.get(mededeling.get_absolute_url()).content.decode()
    assert "momentopname 2026-H1, versie 1 van" in page
    assert "nieuwere versie van de momentopname" in page and "Correctie" in page
    mededeling.refresh_from_db()
    assert mededeling.momentopname == first  # viewing or rendering never moves it

    # Moving is an explicit act (the wethouder reads, the adviser moves), logged.
    url = reverse("monitoring:raadsmededeling-momentopname", args=[mededeling.pk])
    assert client_for("wethouder").post(url).status_code == 403
    client = client_for("beleidsadviseur")
    assert client.post(url).status_code == 302
    mededeling.refresh_from_db()
    assert mededeling.momentopname == second
    assert LogEntry.objects.get_for_object(mededeling).filter(changes__icontains="momentopname")
    appendix = _pdf_appendix_text(mededeling)
    assert "(versie 2, vastgelegd op" in appendix and "Gerealiseerd 1 " in appendix
    page = client.get(mededeling.get_absolute_url()).content.decode()
    assert "nieuwere versie van de momentopname" not in page


def test_an_approved_raadsmededeling_never_moves_to_a_newer_snapshot(user_for_role):
    from django.core.exceptions import ValidationError

    from monitoring.services import raadsmededeling

    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    raadsmededeling.raadsmededeling_approve(
        mededeling=mededeling, bw_datum=dt.date(2026, 7, 7), by=user_for_role("wethouder")
    )
    snapshots.snapshot_new_version(period=H1, by=None, reden="Correctie")
    with pytest.raises(ValidationError):
        raadsmededeling.raadsmededeling_snapshot_update(mededeling=mededeling, by=None)
    mededeling.refresh_from_db()
    assert mededeling.momentopname.versie == 1
