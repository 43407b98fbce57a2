"""Horizontal access over every workbench URL: real ids of other people's data give 403/404.

Walks the URL patterns of ambassadeurs, klankbord/signalen and the assignment, so
new pages are covered without editing this test.
"""

from __future__ import annotations

import pytest
from django.urls import get_resolver, reverse

from inclusie.constants import Role
from inclusie.permissions import CHANGE, declared_permission
from pijlers.models import Lidmaatschap, Pijler
from tests.ambassadeurs.factories import ActiviteitFactory, CoachingNotitieFactory
from tests.factories import UserFactory
from tests.klankbord.factories import AdviesFactory, KlankbordLidFactory, SignaalFactory
from tests.opdracht.factories import OpdrachtFactory
from tests.signin import sign_in
from tests.test_url_role_matrix import walk

pytestmark = pytest.mark.django_db

MODULES = ("ambassadeurs.", "klankbord.", "opdracht.")


def workbench_patterns():
    found = []
    for namespace, pattern in walk(get_resolver().url_patterns):
        callback = pattern.callback
        module = (
            getattr(getattr(callback, "view_class", None), "__module__", None)
            or callback.__module__
        )
        if module.startswith(MODULES):
            found.append((namespace + pattern.name, pattern, declared_permission(callback)))
    return found


PATTERNS = workbench_patterns()


@pytest.fixture
def objects():
    """One object of every kind, all belonging to somebody else."""
    from opdracht.models import Uitgave, Urenregistratie

    ander = UserFactory(role=Role.AMBASSADEUR)
    activiteit = ActiviteitFactory()
    CoachingNotitieFactory(ambassadeur=activiteit.ambassadeur, notitie="GEHEIM-COACHING")
    opdracht = OpdrachtFactory()
    lid = Lidmaatschap.objects.create(
        pijler=Pijler.objects.create(naam="Werk", slug="werk"),
        persoon=activiteit.ambassadeur.persoon,
        rol="ambassadeur",
    )
    return {
        "Ambassadeur": activiteit.ambassadeur.pk,
        "Activiteit": activiteit.pk,
        "Lidmaatschap": lid.pk,
        "KlankbordLid": KlankbordLidFactory().pk,
        "Advies": AdviesFactory().pk,
        "Signaal": SignaalFactory(gemeld_door=ander, titel="GEHEIM-SIGNAAL").pk,
        "Opdracht": opdracht.pk,
        "Urenregistratie": Urenregistratie.objects.create(
            opdracht=opdracht, week=opdracht.start, activiteit="stad", uren=2
        ).pk,
        "Uitgave": Uitgave.objects.create(
            opdracht=opdracht, datum=opdracht.start, omschrijving="x", bedrag=1
        ).pk,
    }


def url_with_real_id(name, pattern, objects) -> str | None:
    if "pk" not in getattr(pattern.pattern, "converters", {}):
        return None
    view_class = getattr(pattern.callback, "view_class", None)
    model = getattr(view_class, "model", None)
    if model is None:
        # Detail and delete views fetch through selectors; infer the model from the name.
        kind = {
            "ambassadeur-detail": "Ambassadeur",
            "advies-detail": "Advies",
            "signaal-detail": "Signaal",
            "activiteit-delete": "Activiteit",
            "mijn-activiteit-delete": "Activiteit",
            "uren-delete": "Urenregistratie",
        }.get(name)
    else:
        kind = model.__name__
    assert kind in objects, f"{name}: no sample object for this URL; add it to the fixture"
    return reverse(name, kwargs={"pk": objects[kind]})


# What these roles may legitimately open with someone else's id (not horizontal access).
ALLOWED = {
    Role.AMBASSADEUR: set(),
    Role.KLANKBORDLID: {"advies-detail"},
}


@pytest.mark.parametrize("role", [Role.AMBASSADEUR, Role.KLANKBORDLID])
def test_other_peoples_ids_give_403_or_404(client, objects, role):
    UserFactory(role=Role.AMBASSADEUR)
    user = UserFactory(role=role)
    if role == Role.AMBASSADEUR:
        from tests.ambassadeurs.factories import AmbassadeurFactory
        from tests.factories import PersoonFactory

        AmbassadeurFactory(persoon=PersoonFactory(user=user), actief=True)
    sign_in(client, user)
    checked = 0
    for name, pattern, _declared in PATTERNS:
        url = url_with_real_id(name, pattern, objects)
        if url is None:
            continue
        response = client.get(url)
        body = response.content.decode()
        if name in ALLOWED[role]:
            assert response.status_code == 200, name
            continue
        assert response.status_code in (403, 404), f"{role} {name}: {response.status_code}"
        assert "GEHEIM" not in body, name
        checked += 1
    assert checked >= 15


def test_wethouder_cannot_change_anything(client, objects):
    sign_in(client, UserFactory(role=Role.WETHOUDER))
    checked = 0
    for name, pattern, declared in PATTERNS:
        if declared is None or declared[1] != CHANGE:
            continue
        url = url_with_real_id(name, pattern, objects) or reverse(name)
        assert (
            client.post(url, {"titel": "gewijzigd", "onderwerp": "gewijzigd"}).status_code == 403
        ), name
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize("role", [Role.WETHOUDER, Role.KLANKBORDLID])
def test_a_klankbord_member_without_an_account_is_not_shown_present(client, role):
    """Issue 11: the attendance-consent rule holds for members without an account too
    (today invited persons without a user showed as present to the wethouder)."""
    from bijeenkomsten.models import Soort, Uitnodiging
    from tests.bijeenkomsten.factories import BijeenkomstFactory

    lid = KlankbordLidFactory(persoon__naam="Noor Zonder-Account")
    meeting = BijeenkomstFactory(soort=Soort.KLANKBORD_WETHOUDER, voorbij=True)
    viewer = UserFactory(role=role)
    Uitnodiging.objects.create(bijeenkomst=meeting, user=viewer)
    Uitnodiging.objects.create(
        bijeenkomst=meeting, persoon=lid.persoon, aanwezigheid=Uitnodiging.Aanwezigheid.AANWEZIG
    )
    sign_in(client, viewer)
    for url in (
        reverse("bijeenkomst-detail", args=[meeting.pk]),
        reverse("bijeenkomst-pdf", args=[meeting.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        if url.endswith(".pdf"):
            from inclusie.pdf import pdf_text

            text = pdf_text(response.content)
        else:
            text = response.content.decode()
        assert "Noor Zonder-Account" not in text, url
    sign_in(client, UserFactory(role=Role.KWARTIERMAKER))
    page = client.get(reverse("bijeenkomst-detail", args=[meeting.pk])).content.decode()
    assert "Noor Zonder-Account" in page
