"""Pickers that scale: people and organisations are chosen with a searchable combobox.

The widget is a native select (works without JavaScript) that static/js/kiezer.js turns
into a combobox; its searches go to one JSON endpoint that searches in the database, at
most 20 at a time, only among what the form offers and what the user may see.
"""

from __future__ import annotations

import re

import pytest
from django import forms
from django.urls import reverse

from ambassadeurs.forms import AmbassadeurForm, CoachingNotitieForm, KwartiermakerActiviteitForm
from bijeenkomsten.forms import ActieForm, ActieWijzigenForm, UitnodigenForm
from deal.forms import ContactmomentForm, InitiatiefForm, PartnerCreateForm, PartnerForm
from inclusie.constants import Role
from inclusie.forms import PersoonForm
from inclusie.models import Organisatie, Persoon, User
from inclusie.pickers import LIMIT, KiezerMixin, kiezer_token
from klankbord.forms import KlankbordLidForm
from opdracht.forms import OpdrachtForm
from pijlers.forms import LidmaatschapForm
from stappenplan.forms import DelenForm, StapActieForm, VerkenningStartForm, WerkgroepLidForm
from tests.bijeenkomsten.factories import BijeenkomstFactory
from tests.factories import OrganisatieFactory, PersoonFactory, UserFactory

PICKED = ("persoon", "organisatie", "user", "ambassadeur", "initiatief")
# Small sets bounded by design stay a group of checkboxes: a partner's own contact
# persons, and the fellow policy advisers a verkenning is shared with.
CHECKBOXES_ON_PURPOSE = {
    ("PartnerForm", "contactpersonen"),
    ("DelenForm", "gedeeld_met"),
    ("VerkenningStartForm", "gedeeld_met"),
}


def forms_with_pickers():
    bijeenkomst = BijeenkomstFactory()
    return [
        PersoonForm(),
        ContactmomentForm(),
        InitiatiefForm(),
        PartnerCreateForm(),
        PartnerForm(),
        LidmaatschapForm(),
        AmbassadeurForm(),
        CoachingNotitieForm(),
        KwartiermakerActiviteitForm(),
        KlankbordLidForm(),
        ActieForm(bijeenkomst=bijeenkomst),
        ActieWijzigenForm(bijeenkomst=bijeenkomst),
        UitnodigenForm(),
        StapActieForm(),
        WerkgroepLidForm(),
        OpdrachtForm(),
        DelenForm(),
        VerkenningStartForm(),
    ]


@pytest.mark.django_db
def test_every_picker_of_people_and_organisations_is_a_combobox():
    checked = 0
    for form in forms_with_pickers():
        if form is None:
            continue
        for name, field in form.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            if field.queryset.model._meta.model_name not in PICKED:
                continue
            checked += 1
            where = (type(form).__name__, name)
            if where in CHECKBOXES_ON_PURPOSE:
                assert isinstance(field.widget, forms.CheckboxSelectMultiple), where
                continue
            assert isinstance(field.widget, KiezerMixin), where
            html = str(form[name])
            # The native select stays (no JavaScript: it still works) ...
            assert re.search(r"<select[^>]*data-kiezer=", html), where
            if isinstance(field, forms.ModelMultipleChoiceField):
                assert "multiple" in html and 'data-kiezer="meer"' in html, where
            # ... and never a Ctrl-click list without the combobox over it.
    assert checked >= 20


def _url(queryset) -> str:
    return reverse("kiezer-zoeken", args=[kiezer_token(queryset)])


@pytest.mark.django_db
def test_search_finds_in_the_database_at_most_twenty(client_for, django_assert_max_num_queries):
    PersoonFactory.create_batch(25, naam="Jansen")
    PersoonFactory(naam="Ans de Vries")
    client = client_for(Role.KWARTIERMAKER)
    url = _url(Persoon.objects.order_by("naam"))
    with django_assert_max_num_queries(8):  # session, user, otp ... and exactly one search
        response = client.get(url, {"q": "jans"})
    data = response.json()
    assert response.status_code == 200
    assert len(data["resultaten"]) == LIMIT and data["meer"] is True
    assert response["Cache-Control"] == "private, no-store"
    data = client.get(url, {"q": "ans VRIES"}).json()
    assert [r["tekst"] for r in data["resultaten"]] == ["Ans de Vries"]
    assert data["meer"] is False


@pytest.mark.django_db
def test_one_query_for_the_search_itself(client_for, django_assert_num_queries):
    PersoonFactory.create_batch(30)
    client = client_for(Role.KWARTIERMAKER)
    url = _url(Persoon.objects.order_by("naam"))
    client.get(url, {"q": "a"})  # warm the session and the user lookups
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(url, {"q": "a"})
    searches = [q["sql"] for q in ctx.captured_queries if "inclusie_persoon" in q["sql"]]
    assert len(searches) == 1, searches
    assert "LIMIT 21" in searches[0]


@pytest.mark.django_db
def test_search_stays_within_what_the_form_offers(client_for):
    partner_org = OrganisatieFactory(naam="Buurthuis Noord")
    OrganisatieFactory(naam="Buurthuis Zuid")
    PersoonFactory(naam="Piet Noord", organisatie=partner_org)
    PersoonFactory(naam="Piet Zuid")
    client = client_for(Role.KWARTIERMAKER)
    url = _url(Persoon.objects.filter(organisatie=partner_org))
    data = client.get(url, {"q": "piet"}).json()
    assert [r["tekst"] for r in data["resultaten"]] == ["Piet Noord"]


@pytest.mark.django_db
def test_search_respects_what_the_user_may_see(client_for):
    PersoonFactory(naam="Geheime Gerda")
    url = _url(Persoon.objects.all())
    # An ambassador or klankbordlid does not see the contacts: even with a token, nothing.
    for role in (Role.AMBASSADEUR, Role.KLANKBORDLID, Role.WETHOUDER):
        response = client_for(role).get(url, {"q": "gerda"})
        assert response.status_code == 403, role
        assert response.json()["resultaten"] == []
    assert client_for(Role.BELEIDSADVISEUR).get(url, {"q": "gerda"}).json()["resultaten"]


@pytest.mark.django_db
def test_search_needs_a_known_token_and_a_signed_in_user(client, client_for):
    url = _url(User.objects.all())
    anonymous = client.get(url, {"q": "a"})
    assert anonymous.status_code == 302
    kwartiermaker = client_for(Role.KWARTIERMAKER)
    assert kwartiermaker.get(reverse("kiezer-zoeken", args=["0" * 32])).status_code == 404
    assert kwartiermaker.get(reverse("kiezer-zoeken", args=["onbekend"])).status_code == 404


@pytest.mark.django_db
def test_an_empty_queryset_has_no_token_and_no_url():
    assert kiezer_token(Organisatie.objects.none()) is None
    form = PartnerCreateForm()
    html = str(form["bestaande_organisatie"])
    assert "data-kiezer-url" in html
    assert 'data-tekst-een="{n} resultaat"' in html and 'data-tekst-meer="{n} resultaten"' in html


@pytest.mark.django_db
def test_the_chosen_values_survive_a_failed_submit(client_for):
    """Without JavaScript the select posts its values; an invalid form shows them again."""
    users = UserFactory.create_batch(2)
    form = UitnodigenForm(data={"users": [u.pk for u in users], "personen": ["999999"]})
    assert not form.is_valid()
    html = str(form["users"])
    for user in users:
        assert re.search(rf'<option value="{user.pk}" selected>', html)


@pytest.mark.django_db
def test_the_actions_filter_chooses_its_person_with_the_combobox(client_for):
    html = client_for(Role.KWARTIERMAKER).get(reverse("actie-list")).content.decode()
    assert re.search(r'<select[^>]*name="eigenaar"[^>]*data-kiezer="een"', html)
    assert "data-kiezer-url" in html


def test_without_javascript_a_multiple_picker_says_how_to_choose_several():
    from inclusie.pickers import KiezerMeer

    html = KiezerMeer(choices=[(1, "Ans")]).render("mensen", None, {"id": "id_mensen"})
    assert re.search(r"<select[^>]*multiple", html)
    assert "<noscript>" in html and "Ctrl" in html


@pytest.mark.django_db
def test_the_select_is_built_without_one_template_per_option(monkeypatch):
    """5,000 people took 2.4 s through Django's option templates; the picker builds them itself."""
    from inclusie.pickers import Kiezer, KiezerMeer

    def no_templates(*args, **kwargs):
        raise AssertionError("the picker rendered through Django's widget templates")

    monkeypatch.setattr(forms.Widget, "_render", no_templates)
    chosen = PersoonFactory(naam="Ans <Admin>")
    other = PersoonFactory(naam="Bo & Co")
    field = forms.ModelMultipleChoiceField(Persoon.objects.order_by("naam"), widget=KiezerMeer)
    html = field.widget.render("personen", [chosen.pk], {"id": "id_personen"})
    assert f'<option value="{chosen.pk}" selected>Ans &lt;Admin&gt;</option>' in html
    assert f'<option value="{other.pk}">Bo &amp; Co</option>' in html
    assert re.search(r'<select name="personen"[^>]* multiple[^>]*data-kiezer="meer"', html) or (
        "multiple" in html.split(">")[0] and 'data-kiezer="meer"' in html.split(">")[0]
    )
    single = forms.ModelChoiceField(Persoon.objects.order_by("naam"), widget=Kiezer, required=False)
    html = single.widget.render("persoon", None, {"id": "id_persoon"})
    assert '<option value="" selected>---------</option>' in html
    assert "multiple" not in html.split(">")[0]
