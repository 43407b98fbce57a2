import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from deal.constants import Fase
from deal.models import Partner, Toezegging
from deal.services import public_cache_clear
from inclusie.constants import Role
from inclusie.models import User
from tests.deal.factories import PartnerFactory, ToezeggingFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_kwartiermaker_takes_a_partner_from_first_contact_to_signed(client_for):
    client = client_for(Role.KWARTIERMAKER)
    today = timezone.localdate().isoformat()
    response = client.post(
        reverse("deal:partner-create"),
        {
            "naam": "Drukkerij De Letterbak",
            "kvk_nummer": "11223344",
            "sector": "bedrijf",
            "fase": "verkend",
        },
    )
    partner = Partner.objects.get(organisatie__naam="Drukkerij De Letterbak")
    assert response.status_code == 302 and response["Location"] == partner.get_absolute_url()

    # Keyboard path of the pipeline card: a plain form post per move.
    for naar in ("in_gesprek", "aangehaakt"):
        response = client.post(
            reverse("deal:partner-fase", args=[partner.pk]),
            {"naar": naar, "datum": today, "next": "pipeline"},
        )
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("deal:pipeline"))
    response = client.post(
        reverse("deal:contactmoment-create", args=[partner.pk]),
        {"soort": "gesprek", "datum": today, "notitie": "Goed gesprek met de directeur."},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("deal:partner-onderteken", args=[partner.pk]),
        {
            "ondertekend_op": today,
            "ondertekenaar_naam": "Rina Rietveld",
            "ondertekenaar_functie": "directeur",
            "document": SimpleUploadedFile("deal.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(
        reverse("deal:toezegging-create", args=[partner.pk]),
        {
            "soort": "stad",
            "titel": "Wij bieden vijf stageplekken",
            "status": "voorgenomen",
            "openbaar": "on",
        },
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.fase == Fase.ONDERTEKEND
    detail = client.get(partner.get_absolute_url()).content.decode()
    assert "Wij bieden vijf stageplekken" in detail
    assert "Goed gesprek met de directeur." in detail
    assert detail.lower().count("vastgelegd door") >= 4  # each step dated and attributed
    document = client.get(reverse("deal:partner-document", args=[partner.pk]))
    assert document.status_code == 200 and b"".join(document.streaming_content) == PDF

    public = client.get(reverse("deal:openbaar")).content.decode()
    assert "Drukkerij De Letterbak" in public and "Wij bieden vijf stageplekken" in public
    assert "Rina Rietveld" not in public  # never a person's name


def test_skipping_a_stage_from_the_pipeline_asks_for_a_reason(client_for):
    partner = PartnerFactory()
    client = client_for(Role.KWARTIERMAKER)
    url = reverse("deal:partner-fase", args=[partner.pk])
    response = client.post(url, {"naar": "aangehaakt", "datum": timezone.localdate().isoformat()})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het formulier is nog niet goed ingevuld" in html and "Geef een reden op" in html
    partner.refresh_from_db()
    assert partner.fase == Fase.VERKEND


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("deal.pdf", b"MZ\x90\x00 not a pdf", "past niet bij de extensie"),
        ("deal.exe", PDF, "niet toegestaan"),
        ("deal.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024 + 1), "maximum is 10 MB"),
    ],
)
def test_signed_document_refuses_disguised_and_oversized_files(client_for, name, content, message):
    partner = PartnerFactory(fase=Fase.AANGEHAAKT)
    response = client_for(Role.KWARTIERMAKER).post(
        reverse("deal:partner-onderteken", args=[partner.pk]),
        {
            "ondertekend_op": timezone.localdate().isoformat(),
            "ondertekenaar_naam": "X",
            "document": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    partner.refresh_from_db()
    assert partner.fase == Fase.AANGEHAAKT


def test_signed_document_is_not_for_other_roles_or_the_public(client, client_for, tmp_path):
    partner = PartnerFactory(signed=True)
    partner.ondertekend_document.save("deal.pdf", io.BytesIO(PDF))
    url = reverse("deal:partner-document", args=[partner.pk])
    assert client.get(url).status_code == 302  # anonymous: to sign-in
    for role in (Role.AMBASSADEUR, Role.KLANKBORDLID):
        assert client_for(role).get(url).status_code == 403
    assert client_for(Role.BELEIDSADVISEUR).get(url).status_code == 200


@pytest.mark.parametrize("role", [Role.AMBASSADEUR, Role.KLANKBORDLID])
def test_roles_without_deal_access_get_403_on_existing_objects(client_for, role):
    toezegging = ToezeggingFactory()
    client = client_for(role)
    for url in (
        reverse("deal:partner-detail", args=[toezegging.partner.pk]),
        reverse("deal:toezegging-detail", args=[toezegging.pk]),
        reverse("deal:partner-export-csv"),
    ):
        assert client.get(url).status_code == 403, url


def test_read_only_roles_cannot_move_a_partner(client_for):
    partner = PartnerFactory()
    response = client_for(Role.WETHOUDER).post(
        reverse("deal:partner-fase", args=[partner.pk]), {"naar": "in_gesprek"}
    )
    assert response.status_code == 403
    partner.refresh_from_db()
    assert partner.fase == Fase.VERKEND


def test_public_page_shows_only_signed_public_organisations_and_public_commitments(client):
    signed = PartnerFactory(signed=True, organisatie__naam="Theater Lichtpunt")
    ToezeggingFactory(partner=signed, titel="Open repetities voor de wijk")
    ToezeggingFactory(partner=signed, titel="Interne werving", openbaar=False)
    PartnerFactory(fase=Fase.AANGEHAAKT, organisatie__naam="Bakkerij Nog Niet")
    PartnerFactory(signed=True, openbaar=False, organisatie__naam="Stille Partner")
    html = client.get(reverse("deal:openbaar")).content.decode()
    assert "Theater Lichtpunt" in html and "Open repetities voor de wijk" in html
    assert "Interne werving" not in html
    assert "Bakkerij Nog Niet" not in html and "Stille Partner" not in html
    feed = json.loads(client.get(reverse("deal:openbaar-json")).content)
    assert [o["naam"] for o in feed["ondertekenaars"]] == ["Theater Lichtpunt"]
    assert "Directeur Voorbeeld" not in json.dumps(feed)  # the signatory stays private


def test_script_in_names_is_inert_in_html_csv_and_xlsx(client_for):
    evil = "<script>alert(1)</script>"
    PartnerFactory(organisatie__naam=evil)
    PartnerFactory(organisatie__naam='=HYPERLINK("http://evil.example")')
    client = client_for(Role.KWARTIERMAKER)
    html = client.get(reverse("deal:partner-list")).content.decode()
    assert evil not in html and "&lt;script&gt;" in html
    body = client.get(reverse("deal:partner-export-csv")).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[0][0] == "Organisatie"
    names = {r[0] for r in rows[1:]}
    assert '\'=HYPERLINK("http://evil.example")' in names
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("deal:partner-export-xlsx")).content)
    ).active
    cells = {c.value: c for c in sheet["A"]}
    # Stored as text (a string cell), shown as typed, never run as a formula.
    assert cells['=HYPERLINK("http://evil.example")'].data_type == "s"
    assert all(c.data_type != "f" for c in sheet["A"])


def test_list_filters_by_stage_sector_and_text(client_for):
    PartnerFactory(
        fase=Fase.IN_GESPREK,
        organisatie__naam="Hogeschool Zonnewijzer",
        organisatie__sector="onderwijs",
    )
    PartnerFactory(organisatie__naam="Bouwbedrijf De Brug")
    client = client_for(Role.KWARTIERMAKER)
    html = client.get(
        reverse("deal:partner-list"), {"fase": "in_gesprek", "sector": "onderwijs", "q": "zonne"}
    ).content.decode()
    assert "Hogeschool Zonnewijzer" in html and "Bouwbedrijf De Brug" not in html


def _make_partners(n):
    from tests.deal.factories import InitiatiefFactory, KennisItemFactory, PijlerFactory

    pijler = PijlerFactory()
    for i in range(n):
        p = PartnerFactory(fase=[Fase.VERKEND, Fase.IN_GESPREK, Fase.AANGEHAAKT][i % 3])
        p.pijlers.add(pijler)
        ToezeggingFactory(partner=p, pijler=pijler)
        InitiatiefFactory(pijler=pijler if i % 2 else None)
        KennisItemFactory().pijlers.add(pijler)
    for _i in range(n // 2):
        t = ToezeggingFactory(partner=PartnerFactory(signed=True))
        ToezeggingFactory(partner=t.partner)


@pytest.mark.parametrize(
    "url_name",
    [
        "deal:partner-list",
        "deal:pipeline",
        "deal:partner-export-csv",
        "deal:partner-export-xlsx",
        "deal:openbaar",
        "deal:openbaar-json",
        "deal:doelstelling-list",
        "deal:initiatief-list",
        "deal:kennis-list",
        "pijlers:list",
    ],
)
def test_query_count_is_constant(client_for, django_assert_max_num_queries, url_name):
    from django.core.cache import cache

    client = client_for(Role.KWARTIERMAKER)
    counts = []
    for n in (3, 30):
        _make_partners(n)
        cache.clear()
        client.get(reverse(url_name))  # warm per-process caches
        public_cache_clear()  # the public page: measure the cold (uncached) render
        with django_assert_max_num_queries(15) as captured:
            assert client.get(reverse(url_name)).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts
    print(url_name, counts)


def test_partner_detail_queries_do_not_grow_with_its_history(
    client_for, django_assert_max_num_queries
):
    from deal.models import Contactmoment, FaseWijziging

    partner = PartnerFactory()
    client = client_for(Role.KWARTIERMAKER)
    counts = []
    for n in (2, 25):
        for i in range(n):
            ToezeggingFactory(partner=partner)
            FaseWijziging.objects.create(partner=partner, van="verkend", naar="in_gesprek")
            Contactmoment.objects.create(partner=partner, notitie=f"Gesprek {i}")
        client.get(partner.get_absolute_url())
        with django_assert_max_num_queries(12) as captured:
            client.get(partner.get_absolute_url())
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts
    print("deal:partner-detail", counts)


def test_demo_pages_render_for_the_kwartiermaker(demo_data, client_for):
    client = client_for(Role.KWARTIERMAKER)
    partner = Partner.objects.filter(fase=Fase.ONDERTEKEND).first()
    toezegging = Toezegging.objects.first()
    for url in (
        reverse("deal:partner-list"),
        reverse("deal:pipeline"),
        partner.get_absolute_url(),
        toezegging.get_absolute_url(),
        reverse("deal:doelstelling-list"),
        reverse("deal:initiatief-list") + "?los=true",
        reverse("deal:kennis-list"),
        reverse("deal:openbaar"),
        reverse("home"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    home = client.get(reverse("home")).content.decode()
    assert "Partners om op te volgen" in home
    assert User.objects.filter(role=Role.KWARTIERMAKER).exists()


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("partners.csv", text.encode("utf-8"), content_type="text/csv")


def test_csv_import_is_all_or_nothing_with_row_errors(client_for):
    from tests.factories import WijkFactory

    WijkFactory(naam="Binnenstad")
    existing = PartnerFactory(organisatie__naam="Al Partner", organisatie__kvk_nummer="")
    client = client_for(Role.KWARTIERMAKER)
    bad = (
        "naam;kvk_nummer;sector;wijk;fase\n"
        "Bakkerij De Korenschoof;12345678;Bedrijf;Binnenstad;verkend\n"
        ";1234;Ruimtevaart;Atlantis;ondertekend\n"
        "Al Partner;;;;\n"
    )
    response = client.post(reverse("deal:partner-import"), {"bestand": _csv(bad)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is niets opgeslagen" in html
    assert (
        "Regel 3: de naam ontbreekt; het KvK-nummer moet uit precies acht cijfers bestaan" in html
    )
    assert "onbekende wijk" in html and "onbekende sector" in html
    assert "Regel 4: deze organisatie staat al in de Deal" in html
    assert Partner.objects.count() == 1 and existing.pk
    good = (
        "naam,kvk_nummer,sector,wijk,fase\n"
        "Bakkerij De Korenschoof,12345678,Bedrijf,Binnenstad,verkend\n"
        "Stichting Buurtkracht,,Maatschappelijke organisatie,,in gesprek\n"
    )
    response = client.post(reverse("deal:partner-import"), {"bestand": _csv(good)})
    assert response.status_code == 302
    assert Partner.objects.get(organisatie__naam="Stichting Buurtkracht").fase == Fase.IN_GESPREK
    assert Partner.objects.count() == 3


def test_csv_import_refuses_a_disguised_file(client_for):
    response = client_for(Role.KWARTIERMAKER).post(
        reverse("deal:partner-import"),
        {
            "bestand": SimpleUploadedFile(
                "partners.csv", b"\xff\xfe\x00\x00" + bytes(range(128, 256)) * 20
            )
        },
    )
    assert response.status_code == 200
    assert "UTF-8" in response.content.decode()
    assert Partner.objects.count() == 0


def test_pipeline_caps_cards_per_column_in_the_database(client_for, monkeypatch):
    from deal import selectors

    monkeypatch.setattr(selectors, "PIPELINE_CARDS_PER_COLUMN", 2)
    for _i in range(4):
        PartnerFactory()
    PartnerFactory(fase=Fase.IN_GESPREK)
    _filter, columns = selectors.pipeline()
    verkend = next(c for c in columns if c["fase"] == "verkend")
    assert verkend["count"] == 4 and len(verkend["cards"]) == 2
    html = client_for(Role.KWARTIERMAKER).get(reverse("deal:pipeline")).content.decode()
    assert "Alle 4 partners in deze fase bekijken" in html


def test_deal_pages_are_translated_to_english(client_for):
    client = client_for(Role.KWARTIERMAKER)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("deal:pipeline")).content.decode()
    assert "Deal pipeline" in html and "Pijplijn van de Deal" not in html
    public = client.get(reverse("deal:openbaar")).content.decode()
    assert "How can you take part?" in public and "Hoe doet u mee?" not in public
