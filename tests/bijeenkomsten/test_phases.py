"""One primary action per phase of a meeting, and views that refuse what does not fit.

Issue 14: a meeting page had 13 equal buttons; a past meeting with approved minutes still
offered "Annuleren" and "Uitnodigen".
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import fasen
from bijeenkomsten import services as svc
from bijeenkomsten.constants import Fase, Handeling
from bijeenkomsten.models import Besluit, Bijeenkomst, Uitnodiging
from inclusie.constants import Role
from tests.bijeenkomsten.factories import (
    ActieFactory,
    AgendapuntFactory,
    BijeenkomstFactory,
    UitnodigingFactory,
)

pytestmark = pytest.mark.django_db
H = Handeling


def vastgesteld(**kw) -> Bijeenkomst:
    return BijeenkomstFactory(voorbij=True, verslag_status="vastgesteld", **kw)


def page_actions(client, b) -> tuple[str | None, list[str]]:
    """The primary action's label and the secondary menu's labels, as a user sees them."""
    html = client.get(reverse("bijeenkomst-detail", args=[b.pk])).content.decode()
    nav = re.search(r'<nav aria-label="Acties voor deze bijeenkomst".*?</nav>', html, re.S)
    assert nav, "the meeting page has its actions"
    primary = re.search(
        r'class="[^"]*(?:--primary-action)[^"]*"[^>]*>([^<]+)<',
        nav.group(0),
    )
    menu = re.findall(r"<li[^>]*><a[^>]*>([^<]+)</a></li>", nav.group(0))
    return (primary.group(1).strip() if primary else None), [m.strip() for m in menu]


# --- the phase and its actions, in one place ------------------------------------------


def test_phase_follows_time_status_and_minutes():
    nu = timezone.now()
    b = BijeenkomstFactory(start=nu + timedelta(hours=2))
    assert fasen.fase(b, nu=nu) == Fase.VOOR
    # Half an hour before the start people come in: attendance can be taken.
    assert fasen.fase(b, nu=b.start - timedelta(minutes=29)) == Fase.TIJDENS
    assert fasen.fase(b, nu=b.eind - timedelta(seconds=1)) == Fase.TIJDENS
    assert fasen.fase(b, nu=b.eind) == Fase.NA
    b.verslag_status = "vastgesteld"
    assert fasen.fase(b, nu=b.eind) == Fase.VASTGESTELD
    b.status = "geannuleerd"
    assert b.fase == Fase.GEANNULEERD


def test_before_the_meeting_prepare_the_agenda_then_invite():
    b = BijeenkomstFactory()
    s = fasen.stand(b)
    assert s.fase == Fase.VOOR and s.primair == H.AGENDA
    assert set(s.handelingen) == {H.AGENDA, H.UITNODIGEN, H.WIJZIGEN, H.ANNULEREN}
    AgendapuntFactory(bijeenkomst=b)
    assert fasen.stand(b).primair == H.UITNODIGEN
    u = UitnodigingFactory(bijeenkomst=b)
    assert fasen.stand(b).primair == H.UITNODIGEN  # invited, not yet sent
    Uitnodiging.objects.filter(pk=u.pk).update(verzonden_op=timezone.now())
    assert fasen.stand(b).primair == H.AGENDA


def test_during_the_meeting_attendance_and_minutes():
    b = BijeenkomstFactory(bezig=True)
    s = fasen.stand(b)
    assert s.fase == Fase.TIJDENS and s.primair == H.AANWEZIGHEID
    assert {H.VERSLAG, H.BESLUIT, H.ACTIE} <= set(s.handelingen)
    assert H.VASTSTELLEN not in s.handelingen
    assert H.ANNULEREN not in s.handelingen  # it has begun
    # In the half hour before the start it can still be called off.
    soon = BijeenkomstFactory(start=timezone.now() + timedelta(minutes=20))
    assert fasen.stand(soon).fase == Fase.TIJDENS and fasen.stand(soon).mag(H.ANNULEREN)


def test_after_the_meeting_minutes_then_approve():
    b = BijeenkomstFactory(voorbij=True)
    s = fasen.stand(b)
    assert s.fase == Fase.NA and s.primair == H.VERSLAG
    assert not ({H.UITNODIGEN, H.WIJZIGEN} & set(s.handelingen))
    # Nothing on record yet: the organiser may still say it did not go ahead.
    assert s.mag(H.ANNULEREN)
    AgendapuntFactory(bijeenkomst=b, aantekeningen="Besproken.")
    s = fasen.stand(Bijeenkomst.objects.get(pk=b.pk))
    assert s.primair == H.VASTSTELLEN and not s.mag(H.ANNULEREN)


def test_approved_minutes_offer_only_the_public_version():
    b = vastgesteld()
    s = fasen.stand(b)
    assert s.fase == Fase.VASTGESTELD
    assert s.handelingen == (H.OPENBAAR,) and s.primair == H.OPENBAAR
    b.openbaar_verslag_op = timezone.now()
    assert fasen.stand(b).handelingen == ()


def test_a_cancelled_meeting_offers_nothing():
    b = BijeenkomstFactory(status="geannuleerd")
    assert fasen.stand(b).handelingen == ()
    assert fasen.weigering(b, H.UITNODIGEN) == "Deze bijeenkomst is geannuleerd."


# --- what the page offers -----------------------------------------------------------------


def test_meeting_page_shows_one_primary_action_per_phase(client_for):
    client = client_for(Role.KWARTIERMAKER)
    before = BijeenkomstFactory()
    AgendapuntFactory(bijeenkomst=before)
    primary, menu = page_actions(client, before)
    assert primary == "Genodigden uitnodigen"
    assert {
        "Agendapunt toevoegen",
        "Bijlage toevoegen",
        "Wijzigen of verplaatsen",
        "Annuleren",
    } <= set(menu)
    assert "Aanwezigheid invullen" not in menu and "Verslag vaststellen" not in menu

    during = BijeenkomstFactory(bezig=True)
    primary, menu = page_actions(client, during)
    assert primary == "Aanwezigheid invullen"
    assert {"Verslag schrijven", "Besluit vastleggen", "Actiepunt toevoegen"} <= set(menu)
    assert "Annuleren" not in menu

    after = BijeenkomstFactory(voorbij=True)
    AgendapuntFactory(bijeenkomst=after, aantekeningen="Besproken.")
    primary, menu = page_actions(client, after)
    assert primary == "Verslag vaststellen"
    assert "Verslag verder schrijven" in menu and "Uitnodigen" not in " ".join(menu)


def test_past_meeting_with_approved_minutes_offers_no_cancel_or_invite(client_for):
    client = client_for(Role.KWARTIERMAKER)
    b = vastgesteld()
    primary, menu = page_actions(client, b)
    assert primary == "Openbare versie voorbereiden"
    labels = " ".join([primary, *menu])
    for gone in ("Annuleren", "Genodigden", "Aanwezigheid", "Verslag schrijven", "Wijzigen"):
        assert gone not in labels
    assert "Verslag als PDF" in menu


def test_an_invitee_sees_no_organiser_actions(client_for, user_for_role):
    ambassadeur = user_for_role(Role.AMBASSADEUR)
    b = BijeenkomstFactory()
    UitnodigingFactory(bijeenkomst=b, user=ambassadeur)
    client = client_for(Role.AMBASSADEUR)
    client.force_login(ambassadeur)
    primary, menu = page_actions(client, b)
    assert primary is None
    assert menu == ["Agenda als PDF", "In mijn agenda zetten (.ics)"]


# --- the views refuse what does not fit, whatever the page showed -------------------------


URL_HANDELING = {
    "bijeenkomst-annuleren": H.ANNULEREN,
    "bijeenkomst-uitnodigen": H.UITNODIGEN,
    "bijeenkomst-verslag": H.VERSLAG,
    "bijeenkomst-aanwezigheid": H.AANWEZIGHEID,
    "agendapunt-create": H.AGENDA,
    "besluit-create": H.BESLUIT,
    "bijeenkomst-vaststellen": H.VASTSTELLEN,
    "bijeenkomst-update": H.WIJZIGEN,
}


@pytest.mark.parametrize(
    ("phase", "url_name", "data"),
    [
        ("vastgesteld", "bijeenkomst-annuleren", {"reden": "Te laat"}),
        ("vastgesteld", "bijeenkomst-uitnodigen", {"versturen": "on"}),
        (
            "vastgesteld",
            "bijeenkomst-verslag",
            {"verslag_algemeen": "Achteraf", "versie_algemeen": "0"},
        ),
        ("vastgesteld", "bijeenkomst-aanwezigheid", {}),
        ("vastgesteld", "agendapunt-create", {"titel": "Nog iets"}),
        ("voor", "bijeenkomst-aanwezigheid", {}),
        ("voor", "besluit-create", {"tekst": "Vooraf besloten"}),
        ("voor", "bijeenkomst-vaststellen", {"op": "2026-01-01"}),
        ("tijdens", "bijeenkomst-vaststellen", {"op": "2026-01-01"}),
        ("na", "bijeenkomst-uitnodigen", {}),
        ("na", "bijeenkomst-update", {}),
        ("geannuleerd", "besluit-create", {"tekst": "Toch besloten"}),
    ],
)
def test_views_refuse_actions_that_do_not_fit_the_phase(client_for, phase, url_name, data):
    client = client_for(Role.KWARTIERMAKER)
    b = {
        "voor": lambda: BijeenkomstFactory(),
        "tijdens": lambda: BijeenkomstFactory(bezig=True),
        "na": lambda: BijeenkomstFactory(voorbij=True),
        "vastgesteld": vastgesteld,
        "geannuleerd": lambda: BijeenkomstFactory(status="geannuleerd"),
    }[phase]()
    before = Bijeenkomst.objects.filter(pk=b.pk).values().get()
    url = reverse(url_name, args=[b.pk])
    for response in (client.get(url), client.post(url, data)):
        assert response.status_code == 302
        assert response["Location"] == b.get_absolute_url()
    page = client.get(b.get_absolute_url()).content.decode()
    reden = fasen.weigering(b, URL_HANDELING[url_name])
    assert reden and reden in page
    assert Bijeenkomst.objects.filter(pk=b.pk).values().get() == before
    assert not Besluit.objects.exists()


def test_refusal_says_why(client_for):
    client = client_for(Role.KWARTIERMAKER)
    b = vastgesteld()
    response = client.post(
        reverse("bijeenkomst-annuleren", args=[b.pk]), {"reden": "x"}, follow=True
    )
    assert "Het verslag is vastgesteld. Daarna verandert er niets meer aan deze bijeenkomst." in (
        response.content.decode()
    )
    assert Bijeenkomst.objects.get(pk=b.pk).status == "gepland"


def test_autosave_of_approved_minutes_is_locked(client_for):
    client = client_for(Role.KWARTIERMAKER)
    punt = AgendapuntFactory(bijeenkomst=vastgesteld())
    response = client.post(
        reverse("bijeenkomst-verslag-opslaan", args=[punt.bijeenkomst_id]),
        {"veld": str(punt.pk), "tekst": "Achteraf veranderd", "versie": 0},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 423
    assert "vastgesteld" in response.json()["melding"]
    punt.refresh_from_db()
    assert punt.aantekeningen == ""


def test_agenda_item_and_attachment_changes_refused_after_approval(client_for):
    client = client_for(Role.KWARTIERMAKER)
    punt = AgendapuntFactory(bijeenkomst=vastgesteld(), titel="Vast")
    client.post(reverse("agendapunt-update", args=[punt.pk]), {"titel": "Anders"})
    client.post(reverse("agendapunt-delete", args=[punt.pk]))
    client.post(reverse("agendapunt-verplaatsen", args=[punt.pk]), {"richting": "omhoog"})
    punt.refresh_from_db()
    assert punt.titel == "Vast"


def test_services_refuse_too():
    b = vastgesteld()
    with pytest.raises(ValidationError):
        svc.bijeenkomst_cancel(bijeenkomst=b, reden="", by=None)
    with pytest.raises(ValidationError):
        svc.uitnodigingen_send(bijeenkomst=b)
    with pytest.raises(ValidationError):
        svc.besluit_add(besluit=Besluit(bijeenkomst=b, tekst="x"))
    with pytest.raises(ValidationError, match="pas als de bijeenkomst begint"):
        svc.aanwezigheid_save(bijeenkomst=BijeenkomstFactory(), waarden={})


def test_an_existing_action_can_still_be_moved_after_approval(client_for):
    """Actions carry over from meeting to meeting: approval does not freeze them."""
    actie = ActieFactory(bijeenkomst=vastgesteld())
    actie.deadline = timezone.localdate() + timedelta(days=30)
    svc.actie_save(actie=actie)
    svc.actie_gereed(actie=actie)
    actie.refresh_from_db()
    assert actie.status == "gereed"


def test_a_past_meeting_that_did_not_take_place_can_be_cancelled(client_for):
    client = client_for(Role.KWARTIERMAKER)
    b = BijeenkomstFactory(voorbij=True)
    client.post(reverse("bijeenkomst-annuleren", args=[b.pk]), {"reden": "Zaal dicht"})
    assert Bijeenkomst.objects.get(pk=b.pk).status == "geannuleerd"


def test_meeting_pages_show_their_breadcrumb_trail(client_for):
    client = client_for(Role.KWARTIERMAKER)
    b = BijeenkomstFactory(titel="Klankbordavond")
    for url, crumbs in {
        b.get_absolute_url(): ["Bijeenkomsten"],
        reverse("agendapunt-create", args=[b.pk]): ["Bijeenkomsten", "Klankbordavond"],
        reverse("bijeenkomst-create"): ["Bijeenkomsten"],
    }.items():
        page = client.get(url).content.decode()
        trail = page.split('aria-label="Kruimelpad"', 1)[1].split("</nav>", 1)[0]
        for crumb in crumbs:
            assert f">{crumb}</a>" in trail, (url, crumb)


def test_meeting_list_shows_each_meetings_phase_as_a_badge(client_for):
    BijeenkomstFactory(titel="Straks")
    BijeenkomstFactory(titel="Afgelast", status="geannuleerd")
    vastgesteld(titel="Gehouden")
    client = client_for(Role.KWARTIERMAKER)
    page = client.get(reverse("bijeenkomst-list") + "?wanneer=").content.decode()
    for label, tone in [
        ("Gepland", "neutral"),
        ("Geannuleerd", "inactive"),
        ("Verslag vastgesteld", "success"),
    ]:
        assert f'utrecht-status-badge--{tone} portaal-badge">{label}</span>' in page
