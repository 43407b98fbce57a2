"""Every figure of a snapshot equals the independent count of the world in
test_figure_truth.py: for a past half year frozen today and for the current one.

The world and its two snapshots are made once for this module (a test per figure only
reads them); the tests that change the world are in test_figure_truth.py.
"""

from __future__ import annotations

import pytest

from inclusie import registry
from monitoring.services import snapshots
from tests.monitoring.test_figure_truth import ALL_CODES, World


@pytest.fixture(scope="module")
def snapshots_of_one_world(django_db_setup, django_db_blocker):
    """One world and its snapshots of the past and the current half year, made once for
    the tests that only read them (one per figure), in a transaction around them that
    is rolled back after the module."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            shared = World()
            made = {
                period: snapshots.snapshot_ensure(period=period)
                for period in (shared.past, shared.current)
            }
            # Foreign keys checked once here, not again in every test's closing check.
            transaction.get_connection().check_constraints()
            yield shared, made
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def shared_world(snapshots_of_one_world, db):
    return snapshots_of_one_world


@pytest.mark.parametrize("code", ALL_CODES)
def test_snapshot_of_a_past_half_year_made_today_shows_that_half_year(shared_world, code):
    world, made = shared_world
    snap = made[world.past]
    item = next(f for f in snap.data["figures"] if f["code"] == code)
    assert "error" not in item, item
    assert item["value"] == world.expected(code, world.past), code
    # The half year before it, frozen with it by the same rule.
    assert item["previous"] == world.expected(code, world.past.previous()), code
    assert item["kind"] == registry.figure(code).kind


@pytest.mark.parametrize("code", ALL_CODES)
def test_snapshot_of_the_current_half_year(shared_world, code):
    world, made = shared_world
    snap = made[world.current]
    item = next(f for f in snap.data["figures"] if f["code"] == code)
    assert item["value"] == world.expected(code, world.current), code
    assert item["previous"] == world.expected(code, world.current.previous()), code
