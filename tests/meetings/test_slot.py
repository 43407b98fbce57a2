"""The meetings slot shown on the ambassador and klankbord pages."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from inclusie.constants import Role
from inclusie.models.meetings import Soort
from inclusie.permissions import TemplatePermissions
from tests.factories import PersoonFactory, UserFactory
from tests.meetings.factories import BijeenkomstFactory, UitnodigingFactory

pytestmark = pytest.mark.django_db


def render(user, **ctx):
    request = RequestFactory().get("/")
    request.user = user
    context = {"user": user, "can": TemplatePermissions(user), "titel": "", **ctx}
    return render_to_string("bijeenkomsten/slot.html", context, request=request)


def test_body_slot_lists_only_meetings_the_viewer_may_see(user_for_role):
    klankbordlid = user_for_role(Role.KLANKBORDLID)
    eigen = UitnodigingFactory(
        user=klankbordlid, bijeenkomst=BijeenkomstFactory(soort=Soort.KLANKBORD, titel="KB eigen")
    ).bijeenkomst
    BijeenkomstFactory(soort=Soort.KLANKBORD, titel="KB niet uitgenodigd")
    BijeenkomstFactory(soort=Soort.KLANKBORD_WETHOUDER, titel="KB wethouder")
    html = render(klankbordlid, orgaan="klankbord")
    assert eigen.titel in html and "KB niet uitgenodigd" not in html
    html = render(user_for_role(Role.KWARTIERMAKER), orgaan="klankbord")
    assert "KB niet uitgenodigd" in html and "KB wethouder" in html and "?soort=klankbord" in html
    html = render(user_for_role(Role.KWARTIERMAKER), orgaan="klankbord_wethouder")
    assert "KB wethouder" in html and "KB eigen" not in html


def test_person_slot_shows_own_invitations_with_rsvp_link(user_for_role):
    ambassadeur = user_for_role(Role.AMBASSADEUR)
    persoon = PersoonFactory(user=ambassadeur)
    u = UitnodigingFactory(user=ambassadeur)
    BijeenkomstFactory(titel="Niet van mij")
    html = render(ambassadeur, orgaan="ambassadeurs", persoon=persoon)
    assert u.bijeenkomst.titel in html and "Niet van mij" not in html
    assert f"/agenda/uitnodigingen/{u.pk}/" in html


def test_person_slot_hides_klankbord_member_without_consent_from_others(user_for_role):
    lid = UserFactory(role=Role.KLANKBORDLID)
    persoon = PersoonFactory(user=lid)
    b = BijeenkomstFactory(soort=Soort.KLANKBORD, titel="Gedeelde bijeenkomst")
    UitnodigingFactory(user=lid, bijeenkomst=b)
    viewer = user_for_role(Role.BELEIDSADVISEUR)
    UitnodigingFactory(user=viewer, bijeenkomst=b)
    assert "Gedeelde bijeenkomst" not in render(viewer, orgaan="persoon", persoon=persoon)
    kwartiermaker = user_for_role(Role.KWARTIERMAKER)
    assert "Gedeelde bijeenkomst" in render(kwartiermaker, orgaan="persoon", persoon=persoon)


def test_create_form_takes_the_body_from_the_link(client_for):
    response = client_for(Role.KWARTIERMAKER).get("/bijeenkomsten/nieuw/?soort=klankbord")
    assert response.context["form"].initial["soort"] == "klankbord"
