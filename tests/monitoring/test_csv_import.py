"""CSV import of measurements: all or nothing, each bad row named, never a 500."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitoring.models import Meting
from monitoring.services import imports
from tests.monitoring.factories import IndicatorFactory, MetingFactory

pytestmark = pytest.mark.django_db


def upload(text: str, name: str = "metingen.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_good_file_is_imported(client_for):
    IndicatorFactory(naam="Thuis in de wijk")
    IndicatorFactory(naam="Meldingen")
    text = (
        "indicator;periode;waarde;duiding\n"
        "Thuis in de wijk;2026-H1;74,5;Lichte stijging\n"
        "meldingen;2026-H1;36;Iets meer meldingen\n"
    )
    response = client_for("beleidsadviseur").post(
        reverse("monitoring:meting-import"), {"bestand": upload(text)}
    )
    assert response.status_code == 302
    assert Meting.objects.count() == 2
    assert str(Meting.objects.get(indicator__naam="Thuis in de wijk").waarde) == "74.50"


def test_a_bad_row_imports_nothing_and_names_the_row(client_for):
    IndicatorFactory(naam="Thuis in de wijk")
    MetingFactory(indicator__naam="Al gemeten", periode="2026-H1")
    text = (
        "indicator;periode;waarde;duiding\n"
        "Thuis in de wijk;2026-H1;74;Goed\n"
        "Thuis in de wijk;2026-H3;74;Goed\n"
        "Onbekend;2026-H1;veel;\n"
        "Al gemeten;2026-H1;1;dubbel\n"
    )
    response = client_for("beleidsadviseur").post(
        reverse("monitoring:meting-import"), {"bestand": upload(text)}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Er is niets ingelezen" in body
    assert "Regel 3" in body and "2026-H3" in body
    assert "Regel 4" in body and "Onbekend" in body and "duiding ontbreekt" in body
    assert "Regel 5" in body and "al gemeten" in body
    assert "Regel 2" not in body
    assert Meting.objects.count() == 1  # only the one that was there


def test_duplicate_rows_within_the_file_are_refused():
    IndicatorFactory(naam="A")
    with pytest.raises(ValidationError) as refused:
        imports.metingen_import_csv(
            data=b"indicator;periode;waarde;duiding\nA;2026-H1;1;x\nA;2026-H1;2;y\n"
        )
    assert "Regel 3" in refused.value.messages[0]
    assert Meting.objects.count() == 0


def test_disguised_or_wrong_files_are_refused(client_for):
    client = client_for("beleidsadviseur")
    response = client.post(
        reverse("monitoring:meting-import"),
        {"bestand": SimpleUploadedFile("x.csv", b"\xff\xfe\x00\x00binary\x00" * 50)},
    )
    assert response.status_code == 200 and Meting.objects.count() == 0
    response = client.post(
        reverse("monitoring:meting-import"), {"bestand": upload("a;b\n", name="x.exe")}
    )
    assert "niet toegestaan" in response.content.decode()


def test_script_in_csv_is_inert(client_for):
    IndicatorFactory(naam="A")
    text = "indicator;periode;waarde;duiding\n<script>alert(1)</script>;2026-H1;1;x\n"
    body = (
        client_for("beleidsadviseur")
        .post(reverse("monitoring:meting-import"), {"bestand": upload(text)})
        .content.decode()
    )
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


CELL = st.one_of(
    st.sampled_from(
        ["A", "2026-H1", "2026-H3", "1,5", "=1+1", "<script>x</script>", "", "1e999", "NaN"]
    ),
    st.text(max_size=30),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(CELL, min_size=0, max_size=6), max_size=6), header=st.booleans())
def test_hypothesis_import_never_breaks_or_half_saves(client_for, rows, header):
    IndicatorFactory._meta.model.objects.get_or_create(
        naam="A", defaults={"soort": "output", "bron": "intern"}
    )
    before = Meting.objects.count()
    lines = (["indicator;periode;waarde;duiding"] if header else []) + [";".join(r) for r in rows]
    data = "\n".join(lines).encode("utf-8", errors="replace")
    try:
        result = imports.metingen_import_csv(data=data)
    except ValidationError:
        assert Meting.objects.count() == before
    else:
        assert Meting.objects.count() == before + result.created
    response = client_for("beleidsadviseur").post(
        reverse("monitoring:meting-import"),
        {"bestand": SimpleUploadedFile("m.csv", data or b" ", content_type="text/csv")},
    )
    assert response.status_code < 500
    Meting.objects.all().delete()


def test_export_neutralises_formulas_and_scripts(client_for):
    MetingFactory(indicator__naam='=HYPERLINK("http://evil.example")', duiding="<script>x</script>")
    MetingFactory(indicator__naam="Gewoon", duiding="@SUM(1+1)", periode="2025-H2")
    response = client_for("wethouder").get(reverse("monitoring:meting-export"))
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body and "'@SUM(1+1)" in body
    assert "\n=" not in body and ";=" not in body and ";@" not in body
