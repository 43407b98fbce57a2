"""The raadsmededeling as the document a gemeente sends: prose, Dutch notation, letterhead,
signature, page numbers, an appendix without empty figures, and /Scope on table headers.

Every PDF test opens the rendered PDF and reads it back (pdftotext, pikepdf).
"""

import datetime as dt
import io
import re

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inclusie import dutch
from inclusie.markdown import clean_source, render_markdown
from inclusie.models import GemeenteProfiel
from inclusie.pdf import pdf_text, table_header_scopes
from monitoring import prose
from monitoring.constants import RapportSoort
from monitoring.models import Snapshot
from monitoring.periods import Period
from monitoring.services import raadsmededeling, reports

pytestmark = pytest.mark.django_db
H1 = Period.parse("2026-H1")


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 20), "#00466e").save(out, "PNG")
    return out.getvalue()


def fig(code, label, value, unit=""):
    return {"code": code, "group": code.split(".")[0], "label": label, "unit": unit, "value": value}


def figures(*, signed, new, ambassadeurs, budget, zeros=0):
    return [
        fig(
            "deal.partners_per_stage",
            "Organisaties per fase van de Deal",
            {"Verkend": 13, "In gesprek": 9, "Aangehaakt": 4, "Ondertekend": signed},
        ),
        fig("deal.ondertekend", "Nieuw ondertekende partners", new, "organisaties"),
        fig("ambassadeurs.actief", "Actieve ambassadeurs (einde periode)", ambassadeurs),
        fig("opdracht.budget", "Besteed budget kwartiermaker", budget, "euro"),
        fig(
            "participatie.activiteiten",
            "Participatieactiviteiten per soort",
            {"Panel": zeros, "Wijkgesprek": zeros},
        ),
        fig("deal.initiatieven", "Initiatieven in de stad zonder gegevens", zeros),
        fig(
            "bijeenkomsten.gehouden",
            "Bijeenkomsten gehouden, per soort",
            {"Ambassadeursbijeenkomst": 3, "Klankbordgroep": 1, "Stuurgroep": 0},
        ),
    ]


@pytest.fixture
def gemeente():
    profiel = GemeenteProfiel.load()
    profiel.naam = "Gemeente Deventer"
    profiel.portefeuillehouder = "Weth. De Geest"
    profiel.team = "DEV-BLD"
    profiel.burgemeester = "R.C. König"
    profiel.secretaris = "M.J. Kaal"
    profiel.save()
    return profiel


@pytest.fixture
def snapshots():
    Snapshot.objects.create(
        periode="2025-H2",
        data={
            "figures": figures(signed=5, new=1, ambassadeurs=9, budget=8000.0),
            "indicators": [{"id": 1, "waarde": 72}],
        },
    )
    return Snapshot.objects.create(
        periode="2026-H1",
        data={
            "figures": figures(signed=7, new=2, ambassadeurs=11, budget=17658.8),
            "indicators": [
                {
                    "id": 1,
                    "naam": "Inwoners die zich thuis voelen in hun wijk",
                    "eenheid": "%",
                    "richting": "Hoger is beter",
                    "waarde": 74,
                    "duiding": "Een lichte stijging; in twee wijken bleef het gelijk.",
                    "historie": [["2025-H2", 72], ["2026-H1", 74]],
                }
            ],
        },
    )


def flat(text: str) -> str:
    """pdftotext's layout, line breaks and non-breaking spaces as single spaces."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " "))


# --- Dutch notation -------------------------------------------------------------------


def test_money_dates_counts_and_lists_are_written_the_dutch_way():
    assert dutch.euro(17658.8) == "€\xa017.658,80"
    assert dutch.euro(37000) == "€\xa037.000,00"
    assert dutch.datum(dt.date(2026, 3, 2)) == "2 maart 2026"
    assert [dutch.aantal(n) for n in (0, 1, 7, 12, 13, 1500)] == [
        "nul",
        "één",
        "zeven",
        "twaalf",
        "13",
        "1.500",
    ]
    assert dutch.getal(57.14) == "57,1"
    assert dutch.opsomming(["a", "b", "c"]) == "a, b en c"


# --- prose -------------------------------------------------------------------------


def test_prose_says_what_changed_since_the_previous_mededeling(snapshots):
    previous = Snapshot.objects.get(periode="2025-H2")
    facts = prose.facts_from_snapshots(snapshots.data, previous.data)
    by_code = {f.code: f for f in facts}
    assert prose.sentence(by_code["deal.partners_per_stage"], by_code).startswith(
        "Sinds de vorige mededeling hebben twee organisaties de Deal ondertekend; "
        "het zijn er nu zeven."
    )
    assert prose.sentence(by_code["ambassadeurs.actief"], by_code) == (
        "Aan het eind van het halfjaar waren er elf actieve ambassadeurs; "
        "een halfjaar eerder waren het er negen."
    )
    # a figure with no data in either period says nothing and cannot be chosen
    assert prose.sentence(by_code["participatie.activiteiten"], by_code) == ""
    assert "participatie.activiteiten" not in {f.code for f in prose.kern_options(facts)}


def test_prose_uses_the_singular_for_one():
    facts = {
        "deal.partners_per_stage": prose.Fact(
            "deal.partners_per_stage", "x", "", {"Ondertekend": 1}, {"Ondertekend": 0}
        ),
        "deal.ondertekend": prose.Fact("deal.ondertekend", "x", "", 1, 0),
    }
    assert prose.sentence(facts["deal.partners_per_stage"], facts) == (
        "Sinds de vorige mededeling heeft één organisatie de Deal ondertekend; het zijn er nu één."
    )


def test_draft_is_prose_with_the_kern_as_a_list_and_the_duiding(gemeente, snapshots):
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    assert "(1 januari 2026 tot en met 30 juni 2026)" in mededeling.inleiding
    assert "- Sinds de vorige mededeling hebben twee organisaties" in mededeling.kern
    assert "€\xa017.658,80" in mededeling.kern
    assert prose.KERN_MIN <= len(mededeling.kerncijfers) <= prose.KERN_MAX
    assert "De waarde ging van 72 naar 74 procent, de gewenste richting." in (
        mededeling.toelichting
    )
    assert "in twee wijken bleef het gelijk" in mededeling.toelichting
    assert "Participatieactiviteiten" not in mededeling.kern + mededeling.toelichting


def test_adviser_picks_three_to_six_figures_for_the_kern(gemeente, snapshots, user_for_role):
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    adviser = user_for_role("beleidsadviseur")
    with pytest.raises(Exception, match="drie tot zes"):
        raadsmededeling.raadsmededeling_kern_opstellen(
            mededeling=mededeling, codes=["ambassadeurs.actief"], by=adviser
        )
    chosen = ["ambassadeurs.actief", "opdracht.budget", "indicator:1"]
    mededeling = raadsmededeling.raadsmededeling_kern_opstellen(
        mededeling=mededeling, codes=chosen, by=adviser
    )
    assert mededeling.kerncijfers == chosen
    assert "elf actieve ambassadeurs" in mededeling.kern
    assert "Deal ondertekend" not in mededeling.kern
    assert "74 procent" in mededeling.kern


# --- Markdown -----------------------------------------------------------------------


def test_markdown_keeps_lists_emphasis_and_links_and_drops_everything_else():
    source = clean_source(
        "Tekst met **nadruk** en [de Deal](https://deventer.nl/deal).\n\n- een\n- twee\n\n"
        "<script>alert(1)</script><img src=x onerror=alert(1)> [kwaad](javascript:alert(1)) a & b"
    )
    assert "<script" not in source and "<img" not in source and "a & b" in source
    rendered = str(render_markdown(source))
    assert "<strong>nadruk</strong>" in rendered
    assert '<a href="https://deventer.nl/deal" rel="noopener noreferrer">de Deal</a>' in rendered
    assert "<ul>\n<li>een</li>" in rendered
    assert "javascript:" not in rendered.replace("[kwaad](javascript:alert(1))", "")
    assert '<a href="javascript' not in rendered and "onerror" not in rendered


# --- the PDF ------------------------------------------------------------------------


@pytest.fixture
def approved_pdf(gemeente, snapshots, user_for_role):
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    raadsmededeling.raadsmededeling_update(
        mededeling=mededeling,
        data={
            "vervolg": "In **januari 2027** volgt de mededeling over het tweede halfjaar:\n\n"
            "1. de cijfers\n2. de verhalen"
        },
        by=None,
    )
    mededeling = raadsmededeling.raadsmededeling_approve(
        mededeling=mededeling, bw_datum=dt.date(2026, 3, 2), by=user_for_role("wethouder")
    )
    pdf = reports.render_report_pdf(
        soort=RapportSoort.RAADSMEDEDELING, period=H1, mededeling=mededeling
    )
    return mededeling, pdf


def test_pdf_reads_as_a_raadsmededeling(approved_pdf):
    mededeling, pdf = approved_pdf
    text = flat(pdf_text(pdf))
    for expected in (
        "Gemeente Deventer",
        f"Mededelingennr {mededeling.nummer}",
        "Portefeuillehouder Weth. De Geest",
        "Team DEV-BLD",
        "BenW-besluit d.d. 2 maart 2026",
        "1. Inleiding: waarom deze mededeling",
        "2. Kader",
        "3. Kern van de boodschap",
        "4. Nadere toelichting",
        "5. Vervolg",
        "Sinds de vorige mededeling hebben twee organisaties de Deal ondertekend; "
        "het zijn er nu zeven.",
        "€ 17.658,80",
        "Het college van burgemeester en wethouders van Deventer,",
        "de secretaris,",
        "M.J. Kaal",
        "de burgemeester,",
        "R.C. König",
        "Bijlage: de cijfers",
    ):
        assert expected in text, expected
    assert "Communicatie" not in text  # an optional section left empty is left out
    assert "Concept" not in text
    pages = len(pikepdf.open(io.BytesIO(pdf)).pages)
    for n in range(1, pages + 1):
        assert f"Pagina {n} van {pages}" in text


def test_pdf_has_real_lists_from_markdown(approved_pdf):
    _mededeling, pdf = approved_pdf
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        tags = []
        stack = [doc.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            tags.append(str(node.get("/S", "")))
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                stack.extend(k for k in kids if isinstance(k, pikepdf.Dictionary))
            elif isinstance(kids, pikepdf.Dictionary):
                stack.append(kids)
    assert tags.count("/L") >= 3  # kader, kern and the numbered list in Vervolg
    assert tags.count("/LI") >= 8


def test_appendix_leaves_out_figures_without_data_and_zero_rows(approved_pdf):
    _mededeling, pdf = approved_pdf
    text = flat(pdf_text(pdf))
    appendix = text.split("Bijlage: de cijfers", 1)[1]
    assert "Participatieactiviteiten" not in appendix  # zero in both periods
    assert "Initiatieven in de stad zonder gegevens" not in appendix
    assert "Stuurgroep" not in appendix  # a zero row in a breakdown with data
    assert "Ambassadeursbijeenkomst 3 3" in appendix
    assert "€ 17.658,80 € 8.000,00" in appendix


def test_appendix_chart_labels_stand_beside_their_own_bars():
    """The labels stack in normal flow beside the drawing (pdf/_bijlage_cijfers.html): each
    slot starts where its group of bars starts and the label is centred on those bars."""
    from monitoring import charts

    labels = ["Gestopt", "Communicatie (nieuwsbrief, sociale media)", "Ondertekend"]
    for legend in (False, True):
        layout = charts.chart_layout(labels, 2, legend=legend)
        rows = layout.label_rows
        assert sum(row["height"] for row in rows) == pytest.approx(layout.height)
        start = 0.0
        for row, (top, h) in zip(rows, layout.groups, strict=True):
            label_top = start + row["pad"]
            label_h = charts.LINE_H * len(row["lines"])
            assert label_top + label_h / 2 == pytest.approx(top + h / 2)
            start += row["height"]
    assert len(rows[1]["lines"]) > 1  # a long label wraps, never cut off


def test_chart_labels_and_values_are_never_cut_off_inside_the_drawing():
    """Regression: label room was estimated at 6.6 px a character, so a label of wide letters
    started left of the drawing (text-anchor end) and lost its first letters."""
    import re

    from monitoring import charts

    labels = ["2026-H1", "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", "WERKGROEP INCLUSIEF BELEID"]
    svg = str(charts.bar_chart("Test", labels, [("Waarde", [1234567.5, 3, 0])]))
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
    for anchor_x, line in re.findall(r'<tspan x="([\d.]+)" y="[\d.]+">([^<]*)</tspan>', svg):
        assert float(anchor_x) - charts.text_width(line) >= 0, line  # starts inside
    for x, value in re.findall(r'<text x="([\d.]+)" y="[\d.]+">([^<]*)</text>', svg):
        assert float(x) + charts.text_width(value) <= width, value  # ends inside
    assert "2026-H1" in svg and "MMMMMM" in svg


def test_every_appendix_theme_with_charts_after_the_first_starts_on_a_new_page(gemeente):
    """Two small chart themes would share a page; the second starts on a new one, as every
    later theme with charts does (WeasyPrint then lays it out once, not twice)."""
    small = [
        fig("deal.partners_per_stage", "Organisaties per fase van de Deal", {"Verkend": 2}),
        fig("bijeenkomsten.gehouden", "Bijeenkomsten gehouden, per soort", {"Stuurgroep": 1}),
    ]
    Snapshot.objects.create(periode="2025-H2", data={"figures": small, "indicators": []})
    Snapshot.objects.create(periode="2026-H1", data={"figures": small, "indicators": []})
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    pdf = reports.render_report_pdf(
        soort=RapportSoort.RAADSMEDEDELING, period=H1, mededeling=mededeling
    )
    pages = pdf_text(pdf).split("\f")
    first = next(i for i, page in enumerate(pages) if "Bijlage: de cijfers" in page)
    assert pages[first].count("In de grafieken") == 1
    second = pages[first + 1]
    lines = [line.strip() for line in second.splitlines() if line.strip()]
    assert lines[1].startswith("In de grafieken"), lines[:3]  # its heading, then its legend
    assert "Bijeenkomsten gehouden" in second


def test_every_table_header_in_the_tag_tree_has_a_scope(approved_pdf):
    _mededeling, pdf = approved_pdf
    scopes = table_header_scopes(pdf)
    assert scopes, "the document has tables"
    assert all(scope in ("/Column", "/Row") for scope, _path in scopes), scopes
    column = [path for scope, path in scopes if scope == "/Column"]
    row = [path for scope, path in scopes if scope == "/Row"]
    assert column and all("/THead" in path for path in column)
    assert row and all("/TBody" in path for path in row)


def test_monitoringsrapportage_has_the_same_page_numbers_and_no_zero_tables(gemeente, snapshots):
    pdf = reports.render_report_pdf(soort=RapportSoort.MONITORING, period=H1, mededeling=None)
    text = flat(pdf_text(pdf))
    pages = len(pikepdf.open(io.BytesIO(pdf)).pages)
    assert f"Pagina {pages} van {pages}" in text
    assert "Participatieactiviteiten" not in text
    assert "Stuurgroep" not in text
    assert all(scope in ("/Column", "/Row") for scope, _p in table_header_scopes(pdf))


def test_logo_upload_is_checked_and_printed_in_the_letterhead(client_for, gemeente, snapshots):
    client = client_for("beheerder")
    data = {
        "naam": "Gemeente Deventer",
        "gemeentecode": "GM0150",
        "programmanaam": "Meedoen",
        "term_pijler": "pijler",
        "term_lidwoord": "de",
        "term_pijlers": "pijlers",
        "huisstijlkleur": "#8a1c00",
        "burgemeester": "R.C. König",
        "secretaris": "M.J. Kaal",
    }
    disguised = SimpleUploadedFile("logo.png", b"MZ\x90\x00 not an image", "image/png")
    response = client.post(reverse("gemeente-profiel"), {**data, "logo": disguised})
    assert "past niet bij de extensie" in response.content.decode()
    too_light = client.post(reverse("gemeente-profiel"), {**data, "huisstijlkleur": "#ffee00"})
    assert "te licht" in too_light.content.decode()
    truncated = SimpleUploadedFile("logo.png", png()[:40], "image/png")
    response = client.post(reverse("gemeente-profiel"), {**data, "logo": truncated})
    assert "geen geldige afbeelding" in response.content.decode()
    logo = SimpleUploadedFile("logo.png", png(), "image/png")
    response = client.post(reverse("gemeente-profiel"), {**data, "logo": logo})
    assert response.status_code == 302
    profiel = GemeenteProfiel.load()
    assert profiel.logo and profiel.huisstijlkleur == "#8a1c00"
    mededeling = raadsmededeling.raadsmededeling_draft(period=H1)
    pdf = reports.render_report_pdf(
        soort=RapportSoort.RAADSMEDEDELING, period=H1, mededeling=mededeling
    )
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        first = doc.pages[0]
        images = [
            name
            for name, obj in first.Resources.get("/XObject", {}).items()
            if obj.get("/Subtype") == "/Image"
        ]
    assert images, "the logo is on the first page"
    assert "Concept: nog niet besloten" in flat(pdf_text(pdf))
