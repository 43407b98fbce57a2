from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten.models import Soort
from inclusie.constants import Role
from inclusie.registry import figure
from tests.bijeenkomsten.factories import (
    ActieFactory,
    AgendapuntFactory,
    BijeenkomstFactory,
    UitnodigingFactory,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def make_meetings(n: int, kwartiermaker=None):
    for i in range(n):
        b = BijeenkomstFactory(
            start=timezone.now() + timedelta(days=i + 1),
            soort=[Soort.AMBASSADEURS, Soort.KLANKBORD, Soort.PIJLERTAFEL][i % 3]
            if i % 3 != 2
            else Soort.WERKGROEP,
        )
        for _ in range(3):
            UitnodigingFactory(bijeenkomst=b)
        if kwartiermaker:
            UitnodigingFactory(bijeenkomst=b, user=kwartiermaker)
        punt = AgendapuntFactory(bijeenkomst=b)
        ActieFactory(bijeenkomst=b, agendapunt=punt)


def test_figures():
    start = timezone.localdate() - timedelta(days=30)
    end = timezone.localdate()
    held = BijeenkomstFactory(soort=Soort.STUURGROEP, voorbij=True)
    BijeenkomstFactory(soort=Soort.STUURGROEP)  # still ahead: not held
    BijeenkomstFactory(soort=Soort.STUURGROEP, voorbij=True, status="geannuleerd")
    UitnodigingFactory(bijeenkomst=held, aanwezigheid="aanwezig")
    UitnodigingFactory(bijeenkomst=held, aanwezigheid="afwezig")
    UitnodigingFactory(bijeenkomst=held, aanwezigheid="afwezig_bericht")
    UitnodigingFactory(bijeenkomst=held, aanwezigheid="aanwezig")
    ActieFactory(bijeenkomst=held)
    ActieFactory(bijeenkomst=held, status="gereed", gereed_op=timezone.now() - timedelta(days=40))
    gehouden = figure("bijeenkomsten.gehouden").compute(start, end + timedelta(days=30))
    assert gehouden["Stuurgroep"] == 1 and gehouden["Klankbordgroep"] == 0
    assert figure("bijeenkomsten.opkomst").compute(start, end) == 50.0
    assert figure("bijeenkomsten.acties_open").compute(start, end + timedelta(days=1)) == 1
    # No meeting held: no turnout figure, rather than a false "0 %".
    assert figure("bijeenkomsten.opkomst").compute(date(2000, 1, 1), date(2000, 7, 1)) is None


@pytest.mark.parametrize(
    "code", ["bijeenkomsten.gehouden", "bijeenkomsten.opkomst", "bijeenkomsten.acties_open"]
)
def test_figures_use_one_query(code, django_assert_num_queries):
    make_meetings(3)
    with django_assert_num_queries(1):
        figure(code).compute(date(2020, 1, 1), date(2040, 1, 1))


def count_queries(client, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from inclusie import fragments

    fragments.bump()  # count the home panels' own queries, not their cached HTML
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    if "-vv" in __import__("sys").argv:
        print(url, *[q["sql"][:200] for q in ctx.captured_queries], sep="\n  ")
    return len(ctx.captured_queries)


@pytest.mark.parametrize("role", [Role.KWARTIERMAKER, Role.AMBASSADEUR])
def test_query_counts_do_not_grow_with_data(client, role, django_assert_max_num_queries):
    user = UserFactory(role=role)
    client.force_login(user)
    make_meetings(2, kwartiermaker=user)
    first = BijeenkomstFactory(start=timezone.now() + timedelta(hours=1))
    UitnodigingFactory(bijeenkomst=first, user=user)
    AgendapuntFactory(bijeenkomst=first)
    urls = [
        reverse("bijeenkomst-list"),
        reverse("bijeenkomst-detail", args=[first.pk]),
        reverse("actie-list"),
        reverse("mijn-agenda"),
        reverse("home"),
    ]
    for url in urls:
        client.get(url)  # warm caches (gemeente profile, session)
    small = {url: count_queries(client, url, django_assert_max_num_queries) for url in urls}
    make_meetings(12, kwartiermaker=user)
    for _ in range(8):
        UitnodigingFactory(bijeenkomst=first, user=UserFactory(role=Role.KLANKBORDLID))
        ActieFactory(bijeenkomst=first)
        AgendapuntFactory(bijeenkomst=first)
    large = {url: count_queries(client, url, django_assert_max_num_queries) for url in urls}
    assert small == large, (small, large)
    print("query counts", role, small)


def test_list_counts_invitees_and_open_actions_separately(user_for_role):
    from bijeenkomsten import selectors as sel

    b = BijeenkomstFactory()
    UitnodigingFactory.create_batch(3, bijeenkomst=b)
    ActieFactory.create_batch(2, bijeenkomst=b)
    ActieFactory(bijeenkomst=b, status="gereed")
    row = sel.bijeenkomst_list(user=user_for_role(Role.KWARTIERMAKER)).qs.get(pk=b.pk)
    assert (row.n_genodigden, row.n_open_acties) == (3, 2)
