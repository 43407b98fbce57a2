"""Tagged PDF/UA-1 documents rendered with WeasyPrint from Django templates.

Every generated document (meeting minutes, verkenning report, raadsmededeling,
monitoringsrapportage) goes through :func:`render_to_pdf`, so they all carry the
language, title, structure tags and embedded fonts that PDF/UA asks for.
Templates extend ``pdf/base.html``.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation


def render_to_pdf(template: str, context: dict, *, title: str, lang: str = "nl") -> bytes:
    """Render `template` to tagged PDF/UA-1 bytes. `title` becomes the document title."""
    from weasyprint import HTML

    with translation.override(lang):
        html = render_to_string(template, {**context, "pdf_title": title, "pdf_lang": lang})
    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, uncompressed_pdf=False)


def pdf_text(data: bytes) -> str:
    """All text of a PDF in reading order (poppler's pdftotext; `make test` installs it)."""
    import subprocess

    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"],  # noqa: S607 - poppler from the system
        input=data,
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode()


def pdf_metadata(data: bytes) -> dict:
    """Language, title, tagged flag and page count of a PDF (for tests and checks)."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        mark = root.get("/MarkInfo")
        return {
            "lang": str(root.get("/Lang", "")),
            "title": str(pdf.docinfo.get("/Title", "")),
            "tagged": bool(mark and mark.get("/Marked")),
            "struct_tree": "/StructTreeRoot" in root,
            "pages": len(pdf.pages),
            "display_doc_title": bool(
                root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)
            ),
        }
