"""What a kwartiermaker notices on the Deal's pages: defaults, notes, the one primary action."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from deal.constants import Fase
from deal.models import FaseWijziging
from inclusie.constants import Role
from tests.deal.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def selected_option(html: str, name: str) -> str | None:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert select, f"no select {name}"
    chosen = re.search(r'<option value="([^"]*)"[^>]*\bselected\b', select.group(0))
    return chosen.group(1) if chosen else None


def options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    return re.findall(r'<option value="([^"]*)"', select.group(0))


@pytest.mark.parametrize(
    ("fase", "expected"),
    [(Fase.VERKEND, Fase.IN_GESPREK), (Fase.IN_GESPREK, Fase.AANGEHAAKT)],
)
def test_phase_form_starts_at_the_next_phase(client_for, fase, expected):
    partner = PartnerFactory(fase=fase)
    html = (
        client_for(Role.KWARTIERMAKER)
        .get(reverse("deal:partner-fase", args=[partner.pk]))
        .content.decode()
    )
    assert selected_option(html, "naar") == expected
    assert fase not in options(html, "naar")  # the current phase is no move at all


@pytest.mark.parametrize("fase", [Fase.AANGEHAAKT, Fase.GESTOPT, Fase.ONDERTEKEND])
def test_phase_form_chooses_nothing_where_the_next_step_is_signing_or_none(client_for, fase):
    partner = PartnerFactory(fase=fase)
    html = (
        client_for(Role.KWARTIERMAKER)
        .get(reverse("deal:partner-fase", args=[partner.pk]))
        .content.decode()
    )
    assert selected_option(html, "naar") in (None, "")
    assert options(html, "naar")[0] == ""  # "Kies een fase"
    assert "ondertekend" not in options(html, "naar")


def test_a_link_may_name_the_phase(client_for):
    partner = PartnerFactory(fase=Fase.IN_GESPREK)
    html = (
        client_for(Role.KWARTIERMAKER)
        .get(reverse("deal:partner-fase", args=[partner.pk]) + "?naar=gestopt")
        .content.decode()
    )
    assert selected_option(html, "naar") == "gestopt"


def test_pipeline_move_keeps_its_note_in_the_partners_history(client_for):
    partner = PartnerFactory()
    client = client_for(Role.KWARTIERMAKER)
    pipeline = client.get(reverse("deal:pipeline")).content.decode()
    # Every card's form has the note field (without JavaScript it is typed there).
    assert f'id="reden-{partner.pk}" name="reden"' in pipeline
    assert 'id="verplaats-dialoog"' in pipeline
    response = client.post(
        reverse("deal:partner-fase", args=[partner.pk]),
        {
            "snel": "in_gesprek",
            "naar": "gestopt",  # the select's value; the card's quick button wins
            "datum": timezone.localdate().isoformat(),
            "next": "pipeline",
            "reden": "Eerste gesprek met de directeur gepland.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("deal:pipeline") + f"#partner-{partner.pk}"
    stap = FaseWijziging.objects.filter(partner=partner).first()
    assert (stap.naar, stap.reden) == (Fase.IN_GESPREK, "Eerste gesprek met de directeur gepland.")
    history = client.get(partner.get_absolute_url()).content.decode()
    assert "Eerste gesprek met de directeur gepland." in history


def test_pipeline_marks_the_moves_that_need_a_reason(client_for):
    partner = PartnerFactory(fase=Fase.VERKEND)
    html = client_for(Role.KWARTIERMAKER).get(reverse("deal:pipeline")).content.decode()
    select = re.search(rf'<select[^>]*id="naar-{partner.pk}".*?</select>', html, re.S).group(0)
    assert '<option value="in_gesprek">' in select  # one step forward: note optional
    assert '<option value="aangehaakt" data-reden-nodig>' in select
    assert '<option value="gestopt" data-reden-nodig>' in select


def primary_and_menu(html: str) -> tuple[str, list[str]]:
    block = re.search(r'class="[^"]*\bpagina-acties\b.*?</details>', html, re.S)
    assert block, "no action bar"
    primary = re.search(r"<a [^>]*data-hoofdactie>([^<]+)</a>", block.group(0))
    menu = re.findall(r"<li><a [^>]*>([^<]+)</a></li>", block.group(0))
    return primary.group(1), menu


@pytest.mark.parametrize(
    ("fase", "primary", "in_menu"),
    [
        (Fase.VERKEND, "Contactmoment vastleggen", "Fase wijzigen"),
        (Fase.IN_GESPREK, "Contactmoment vastleggen", "Ondertekening vastleggen"),
        (Fase.AANGEHAAKT, "Ondertekening vastleggen", "Contactmoment vastleggen"),
        (Fase.ONDERTEKEND, "Toezegging toevoegen", "Contactmoment vastleggen"),
        (Fase.GESTOPT, "Weer opnemen in de Deal", "Gegevens wijzigen"),
    ],
)
def test_partner_page_offers_one_primary_action_for_its_phase(client_for, fase, primary, in_menu):
    partner = PartnerFactory(fase=fase)
    html = client_for(Role.KWARTIERMAKER).get(partner.get_absolute_url()).content.decode()
    found, menu = primary_and_menu(html)
    assert found == primary
    assert in_menu in menu and primary not in menu
    assert html.count("--primary-action") == 1  # one primary button in view


def test_signed_partner_offers_no_signing(client_for):
    partner = PartnerFactory(signed=True)
    html = client_for(Role.KWARTIERMAKER).get(partner.get_absolute_url()).content.decode()
    assert "Ondertekening vastleggen" not in html


def test_read_only_roles_see_no_actions_on_a_partner(client_for):
    partner = PartnerFactory()
    html = client_for(Role.WETHOUDER).get(partner.get_absolute_url()).content.decode()
    assert "Meer acties" not in html and "Contactmoment vastleggen" not in html


def test_import_message_counts_in_good_dutch(client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import OrganisatieFactory

    OrganisatieFactory(naam="Stichting Al Bekend")
    client = client_for(Role.KWARTIERMAKER)
    data = "naam;fase\nBakkerij Eén;verkend\nStichting Al Bekend;verkend\n".encode()
    response = client.post(
        reverse("deal:partner-import"),
        {"bestand": SimpleUploadedFile("p.csv", data, content_type="text/csv")},
        follow=True,
    )
    html = response.content.decode()
    assert "2 partners toegevoegd." in html
    assert "Daarvan stond 1 organisatie al in het portaal; die is gekoppeld." in html
    data = b"naam;fase\nBakkerij Twee;verkend\n"
    response = client.post(
        reverse("deal:partner-import"),
        {"bestand": SimpleUploadedFile("p.csv", data, content_type="text/csv")},
        follow=True,
    )
    html = response.content.decode()
    assert "1 partner toegevoegd." in html and "Daarvan" not in html


def crumbs(html: str) -> list[str]:
    nav = re.search(r'<nav class="[^"]*portaal-kruimelpad.*?</nav>', html, re.S)
    assert nav, "no breadcrumbs"
    return re.findall(r'<a class="utrecht-breadcrumb-nav__link[^"]*" href="([^"]+)"', nav.group(0))


def test_detail_and_form_pages_have_breadcrumbs_to_their_parent(client_for):
    from tests.deal.factories import ToezeggingFactory

    toezegging = ToezeggingFactory()
    partner = toezegging.partner
    client = client_for(Role.KWARTIERMAKER)
    lijst, detail = reverse("deal:partner-list"), partner.get_absolute_url()
    page = client.get(detail).content.decode()
    assert crumbs(page) == [reverse("home"), lijst]
    for url in (
        reverse("deal:partner-fase", args=[partner.pk]),
        reverse("deal:partner-onderteken", args=[partner.pk]),
        reverse("deal:contactmoment-create", args=[partner.pk]),
        reverse("deal:partner-update", args=[partner.pk]),
    ):
        assert crumbs(client.get(url).content.decode()) == [reverse("home"), lijst, detail], url
    page = client.get(toezegging.get_absolute_url()).content.decode()
    assert crumbs(page) == [reverse("home"), lijst, detail]
    page = client.get(reverse("deal:voortgang-create", args=[toezegging.pk])).content.decode()
    assert crumbs(page)[-1] == toezegging.get_absolute_url()


def test_pijler_pages_have_breadcrumbs(client_for):
    from tests.deal.factories import PijlerFactory

    pijler = PijlerFactory()
    client = client_for(Role.KWARTIERMAKER)
    lijst = reverse("pijlers:list")
    assert crumbs(client.get(pijler.get_absolute_url()).content.decode()) == [
        reverse("home"),
        lijst,
    ]
    page = client.get(reverse("pijlers:lid-create", args=[pijler.pk]) + "?rol=ambassadeur")
    html = page.content.decode()
    assert crumbs(html) == [reverse("home"), lijst, pijler.get_absolute_url()]
    assert f"Ambassadeur toevoegen aan {pijler.naam}" in html


def test_next_step_reads_uiterlijk_op_and_says_when_it_is_late(client_for):
    import datetime

    today = timezone.localdate()
    late = PartnerFactory(
        volgende_actie="Terugbellen", volgende_actie_op=today - datetime.timedelta(days=3)
    )
    PartnerFactory(volgende_actie="Langsgaan", volgende_actie_op=today + datetime.timedelta(days=3))
    client = client_for(Role.KWARTIERMAKER)
    html = client.get(reverse("deal:partner-list")).content.decode()
    from inclusie.dates import datum

    assert (
        f"Uiterlijk op {datum(today - datetime.timedelta(days=3))} <strong>(te laat)</strong>"
        in html
    )
    assert f"Uiterlijk op {datum(today + datetime.timedelta(days=3))}</span>" in html
    home = client.get(reverse("home")).content.decode()
    assert "Terugbellen" in home and "(te laat)" in home and late.organisatie.naam in home


def test_partner_list_offers_adding_first_and_keeps_the_filter_in_the_downloads(client_for):
    PartnerFactory(fase=Fase.IN_GESPREK)
    client = client_for(Role.KWARTIERMAKER)
    html = client.get(reverse("deal:partner-list"), {"fase": "in_gesprek", "page": "1"}).content
    primary, menu = primary_and_menu(html.decode())
    assert primary == "Partner toevoegen"
    assert menu == ["Importeren uit CSV", "Lijst downloaden (CSV)", "Lijst downloaden (Excel)"]
    assert reverse("deal:partner-export-csv") + "?fase=in_gesprek" in html.decode()
    reader = client_for(Role.WETHOUDER).get(reverse("deal:partner-list")).content.decode()
    assert "Partner toevoegen" not in reader and "Importeren" not in reader
    assert "Lijst downloaden (Excel)" in reader


def test_signing_form_asks_a_reason_only_when_signing_skips_a_phase(client_for):
    client = client_for(Role.KWARTIERMAKER)
    aangehaakt = PartnerFactory(fase=Fase.AANGEHAAKT)
    html = client.get(reverse("deal:partner-onderteken", args=[aangehaakt.pk])).content.decode()
    assert 'name="reden"' not in html
    verkend = PartnerFactory(fase=Fase.VERKEND)
    html = client.get(reverse("deal:partner-onderteken", args=[verkend.pk])).content.decode()
    assert 'name="reden"' in html
