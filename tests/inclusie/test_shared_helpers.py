"""The shared helpers every app uses: tagged PDFs, checked uploads, safe exports."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from inclusie.exports import csv_response, neutralise, xlsx_response
from inclusie.pdf import pdf_metadata, pdf_text, render_to_pdf
from inclusie.uploads import validate_upload

PDF_BYTES = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def test_render_to_pdf_is_tagged_pdf_ua_with_lang_and_title(tmp_path):
    from django.template import engines

    (tmp_path / "doc.html").write_text(
        '{% extends "pdf/base.html" %}{% block content %}<h1>Verslag</h1>'
        "<p>Ambassadeurs &amp; partners</p>{% endblock %}"
    )
    engine = engines["django"].engine
    engine.dirs.append(str(tmp_path))
    try:
        data = render_to_pdf("doc.html", {}, title="Verslag bijeenkomst")
    finally:
        engine.dirs.remove(str(tmp_path))
    meta = pdf_metadata(data)
    assert meta["lang"] == "nl"
    assert meta["title"] == "Verslag bijeenkomst"
    assert meta["tagged"] and meta["struct_tree"]
    assert "Ambassadeurs & partners" in pdf_text(data)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("rapport.pdf", b"MZ\x90\x00 this is an executable", "disguised"),
        ("rapport.exe", PDF_BYTES, "bad_extension"),
        ("leeg.pdf", b"", "empty"),
        ("foto.png", PDF_BYTES, "disguised"),
    ],
)
def test_upload_refuses_wrong_or_disguised_type(name, content, code):
    with pytest.raises(ValidationError) as info:
        validate_upload(SimpleUploadedFile(name, content), kinds=("pdf", "png"))
    assert info.value.code == code
    assert str(info.value.messages[0])  # a Dutch message the form shows


def test_upload_refuses_too_large_and_accepts_real_pdf():
    big = SimpleUploadedFile("groot.pdf", PDF_BYTES + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError) as info:
        validate_upload(big, kinds=("pdf",), max_mb=1)
    assert "maximum is 1 MB" in info.value.messages[0]
    validate_upload(SimpleUploadedFile("getekend.PDF", PDF_BYTES), kinds=("pdf",))


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\tx"])
def test_formula_cells_are_neutralised(value):
    from decimal import Decimal

    assert neutralise(value) == "'" + value
    assert neutralise("Gewoon tekst") == "Gewoon tekst"
    assert neutralise(-3) == -3  # real numbers stay numbers
    assert neutralise(Decimal("-2.50")) == Decimal("-2.50")


def test_csv_and_xlsx_exports_neutralise_formulas():
    rows = [["=cmd|' /C calc'!A0", "Organisatie"]]
    response = csv_response("Partners", ["Naam", "Type"], rows)
    text = response.content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text), delimiter=";"))[1][0].startswith("'=")
    assert 'filename="partners.csv"' in response["Content-Disposition"]

    from openpyxl import load_workbook

    response = xlsx_response("Partners", ["Naam", "Type"], rows)
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "=cmd|' /C calc'!A0" and sheet["A2"].data_type == "s"


def test_exports_keep_numbers_numbers_and_text_text():
    """Regression: a negative Decimal was exported as "'-2.50" (text with an apostrophe)."""
    import datetime
    from decimal import Decimal

    from openpyxl import load_workbook

    header = ["Tekst", "Getal", "Decimaal", "Negatief", "Datum", "Formule", "Min-tekst", "@"]
    rows = [
        [
            "Gewoon",
            42,
            Decimal("1234.5"),
            Decimal("-2.50"),
            datetime.date(2026, 3, 31),
            "=1+1",
            "-geen getal",
            "@SUM(A1)",
        ]
    ]
    text = csv_response("x", header, rows).content.decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(text), delimiter=";"))[1]
    assert row[:5] == ["Gewoon", "42", "1234,5", "-2,50", "31-03-2026"]
    assert row[5:] == ["'=1+1", "'-geen getal", "'@SUM(A1)"]  # a CSV has no types

    sheet = load_workbook(io.BytesIO(xlsx_response("x", header, rows).content)).active
    cells = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    assert [c.value for c in cells[:4]] == ["Gewoon", 42, 1234.5, -2.5]
    assert [c.data_type for c in cells[1:4]] == ["n", "n", "n"]
    assert cells[4].is_date and cells[4].value == datetime.datetime(2026, 3, 31)
    assert [c.value for c in cells[5:]] == ["=1+1", "-geen getal", "@SUM(A1)"]
    assert [c.data_type for c in cells[5:]] == ["s", "s", "s"]  # text, not a formula
