"""Retention: periods per kind, a preview of the next run, and the run itself (logged)."""

from __future__ import annotations

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from ambassadeurs.models import Activiteit, Ambassadeur, CoachingNotitie
from deal.models import Contactmoment
from inclusie.constants import Role
from inclusie.models import Persoon
from monitoring.models import Snapshot
from privacy import selectors, services
from privacy.models import Bewaartermijn, RetentieRun
from privacy.tasks import apply_retention
from tests.privacy.scene import YEAR, build

pytestmark = pytest.mark.django_db


def preview_counts() -> dict[str, int]:
    return {v.termijn.kind.code: v.count for v in selectors.retentie_preview()}


def test_defaults_cover_every_kind_the_readme_names():
    kinds = {t.kind.code: t.maanden for t in selectors.termijnen()}
    assert kinds["ambassadeurs"] == 24
    assert kinds["klankbord"] == 24
    assert kinds["partnercontacten"] == 12
    assert kinds["coaching"] == 12
    assert kinds["audit"] == 60


def test_the_nightly_task_anonymises_exactly_what_the_preview_showed():
    scene = build()
    Contactmoment.objects.create(
        partner=scene.contact.partner_contacten.get(), persoon=scene.contact, notitie="Belde Carla"
    )
    old_entry = LogEntry.objects.filter(object_repr="Olga Oud").first()
    LogEntry.objects.filter(pk=old_entry.pk).update(timestamp=timezone.now() - 6 * YEAR)
    snapshot = Snapshot.objects.create(periode="2023-H1", data={"namen": ["Olga Oud"]})
    counts_before = (Ambassadeur.objects.count(), Activiteit.objects.count())

    preview = preview_counts()
    assert preview["ambassadeurs"] == 1  # Olga; Bram is still on the klankbord, Ruud is recent
    assert preview["coaching"] == 2  # Olga's and Bram's notes (one year after stopping)
    assert preview["klankbord"] == 1
    assert preview["partnercontacten"] == 1
    assert preview["audit"] >= 1

    total = apply_retention.delay().get()
    run = RetentieRun.objects.get()
    assert run.status == RetentieRun.Status.KLAAR
    assert {k: run.aantallen[k] for k in preview} == preview
    assert total == sum(preview.values())
    assert any("Olga Oud" in line for line in run.details["ambassadeurs"])

    olga = Persoon.objects.get(pk=scene.oud.persoon.pk)
    assert olga.naam.startswith("Geanonimiseerd persoon")
    assert olga.email == "" and olga.geanonimiseerd_op is not None
    assert Ambassadeur.objects.get(pk=scene.oud.pk).motivatie == ""
    assert Persoon.objects.get(pk=scene.nog_in_klankbord.persoon.pk).naam == "Bram Blijft"
    assert Persoon.objects.get(pk=scene.recent.persoon.pk).naam == "Ruud Recent"
    assert Persoon.objects.get(pk=scene.oud_lid.persoon.pk).naam.startswith("Geanonimiseerd")
    assert Persoon.objects.get(pk=scene.contact.pk).naam.startswith("Geanonimiseerd")
    assert Persoon.objects.get(pk=scene.contact_actief.pk).naam == "Anton Actief"
    assert Contactmoment.objects.get().notitie == "(gewist)"
    assert not CoachingNotitie.objects.filter(ambassadeur__in=[scene.oud, scene.nog_in_klankbord])
    assert CoachingNotitie.objects.filter(ambassadeur=scene.recent).count() == 1
    assert not LogEntry.objects.filter(pk=old_entry.pk).exists()
    # Counts kept, frozen snapshots untouched.
    assert (Ambassadeur.objects.count(), Activiteit.objects.count()) == counts_before
    snapshot.refresh_from_db()
    assert snapshot.data == {"namen": ["Olga Oud"]}
    # Nothing left: the next run changes nothing.
    assert sum(preview_counts().values()) == 0


def test_the_beheerder_sets_periods_and_the_preview_follows(client_for):
    scene = build()
    client = client_for(Role.BEHEERDER)
    page = client.get(reverse("privacy:bewaartermijnen"))
    assert page.status_code == 200
    data = {t.kind.code: t.maanden for t in selectors.termijnen()}
    data["coaching"] = 3  # Ruud stopped half a year ago: now past it
    wrong = client.post(reverse("privacy:bewaartermijnen"), {**data, "ambassadeurs": 0})
    assert "minstens 1 maand" in wrong.content.decode()
    response = client.post(reverse("privacy:bewaartermijnen"), data)
    assert response.status_code == 302
    assert Bewaartermijn.objects.get(soort="coaching").maanden == 3
    preview = client.get(reverse("privacy:voorbeeld")).content.decode()
    assert "Gesprek met Ruud Recent" in preview or "Voortgang" in preview
    assert preview_counts()["coaching"] == 3
    assert scene.recent.coachingnotities.count() == 1


def test_starting_a_run_by_hand_is_logged_with_who_and_what(
    client_for, django_capture_on_commit_callbacks
):
    build()
    client = client_for(Role.BEHEERDER)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:uitvoeren"))
    assert response.status_code == 302
    run = RetentieRun.objects.get()
    assert run.aanleiding == RetentieRun.Aanleiding.HANDMATIG
    assert run.status == RetentieRun.Status.KLAAR  # Celery is eager in unit tests
    page = client.get(reverse("privacy:runs")).content.decode()
    assert "Ambassadeurs" in page and "Olga Oud" in page


def test_a_finished_run_is_never_applied_twice(django_capture_on_commit_callbacks):
    build()
    with django_capture_on_commit_callbacks(execute=True):
        run = services.retentie_run_queue(by=None)
    run.refresh_from_db()
    first = dict(run.aantallen)
    assert run.status == RetentieRun.Status.KLAAR and first["ambassadeurs"] == 1
    again = services.retentie_run_execute(run_id=run.pk)
    assert again.aantallen == first


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.BEHEERDER])
def test_only_the_beheerder_sees_retention_pages(client_for, role):
    client = client_for(role)
    assert client.get(reverse("privacy:voorbeeld")).status_code == 403
    assert client.post(reverse("privacy:uitvoeren")).status_code == 403


def test_cutoff_is_months_before_today():
    today = datetime.date(2026, 3, 31)
    termijn = next(t for t in selectors.termijnen(today) if t.kind.code == "coaching")
    assert termijn.cutoff == datetime.date(2025, 3, 31)
