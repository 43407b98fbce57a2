"""Tagged PDF/UA-1 documents rendered with WeasyPrint from Django templates.

Every generated document (meeting minutes, verkenning report, raadsmededeling,
monitoringsrapportage) goes through :func:`render_to_pdf`, so they all carry the
language, title, structure tags and embedded fonts that PDF/UA asks for.
Templates extend ``pdf/base.html``.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


@lru_cache(maxsize=1)
def _font_config():
    """One font configuration per process (our documents use system fonts, no @font-face)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@lru_cache(maxsize=64)
def _stylesheet(css: str):
    """A document's <style> compiled once per process: most documents share their CSS."""
    from weasyprint import CSS

    return CSS(string=css, font_config=_font_config())


def _css_string(text: str) -> str:
    """Text safe inside a CSS string in a <style> element (no quotes, escapes or tags)."""
    return "".join(" " if c in "\r\n\t" else c for c in text if c not in '"\\<>')[:120]


def render_to_pdf(
    template: str, context: dict, *, title: str, lang: str = "nl", footer: str = ""
) -> bytes:
    """Render `template` to tagged PDF/UA-1 bytes. `title` becomes the document title.

    `footer` is the document name printed bottom left on every page (default: the title);
    bottom right every document says "Pagina N van M".
    """
    with translation.override(lang):
        html = render_to_string(
            template,
            {
                **context,
                "pdf_title": title,
                "pdf_lang": lang,
                "pdf_voet": _css_string(footer or title),
            },
        )
    # The <style> blocks go to WeasyPrint as compiled stylesheets (cached above), in
    # document order, which keeps the cascade as written and skips re-parsing them.
    stylesheets = [_stylesheet(css) for css in _STYLE.findall(html)]
    with _young_garbage_collected_once():
        return _write_pdf(_STYLE.sub("", html), stylesheets)


def _write_pdf(html: str, stylesheets: list) -> bytes:
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    return document.write_pdf(
        stylesheets=stylesheets,
        font_config=_font_config(),
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
        uncompressed_pdf=False,
        finisher=add_table_header_scope,
    )


@contextmanager
def _young_garbage_collected_once():
    """Collect the garbage of a rendering once, at its end, instead of all along.

    WeasyPrint makes tens of thousands of objects for a document, many of them in cycles
    that live until the end, so the collector's automatic passes walk the same boxes again
    and again (a twentieth of a report's render time). With the automatic passes held off, one pass
    over the young generation - the objects made since - frees the rendering's cycles
    before we return (the document is out of scope by then, see _write_pdf).
    Process-wide, so only the outermost rendering turns it back on.
    """
    import gc

    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)


def _object_number(reference: bytes) -> int:
    return int(reference.split(b" ", 1)[0])


def add_table_header_scope(document, pdf) -> None:
    """Give every TH in the tag tree its /Scope, which PDF/UA asks of table headers.

    WeasyPrint (66, and 70 as well) writes TH structure elements without /Scope,
    whatever the HTML's `scope` says, so screen readers cannot tell a column
    header from a row header. Rule: a TH in a header row (under THead, or in a row
    of only TH cells) heads a Column; a TH that starts a body row heads a Row.

    A WeasyPrint finisher: it edits the structure elements of the PDF that
    WeasyPrint is about to write, so the document is written once and never parsed
    again (reopening and saving it with pikepdf cost a tenth of a report's render).
    """
    import pydyf

    objects = pdf.objects  # pydyf numbers every object by its place in this list
    for row in objects:
        if not isinstance(row, dict) or row.get("S") != "/TR":
            continue
        cells = [objects[_object_number(kid)] for kid in row["K"]]
        cells = [c for c in cells if c.get("S") in ("/TH", "/TD")]
        section = objects[_object_number(row["P"])].get("S")
        header_row = section == "/THead" or all(c["S"] == "/TH" for c in cells)
        scope = "/Column" if header_row else "/Row"
        for cell in cells:
            if cell["S"] == "/TH":
                attributes = cell.get("A")
                if isinstance(attributes, dict):
                    attributes.update({"O": "/Table", "Scope": scope})
                else:
                    cell["A"] = pydyf.Dictionary({"O": "/Table", "Scope": scope})


def _kids(node) -> list:
    import pikepdf

    kids = node.get("/K")
    if isinstance(kids, pikepdf.Array):
        return [k for k in kids if isinstance(k, pikepdf.Dictionary)]
    if isinstance(kids, pikepdf.Dictionary):
        return [kids]
    return []


def table_header_scopes(data: bytes) -> list[tuple[str, str]]:
    """(scope, text-less path) of every TH in the tag tree, for tests: [("/Column", ...)]."""
    import io

    import pikepdf

    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        stack = [(root, "")] if root is not None else []
        while stack:
            node, path = stack.pop()
            kind = str(node.get("/S", ""))
            if kind == "/TH":
                attributes = node.get("/A")
                scope = (
                    attributes.get("/Scope") if isinstance(attributes, pikepdf.Dictionary) else None
                )
                found.append((str(scope) if scope is not None else "", path))
            stack.extend((kid, f"{path}{kind}") for kid in _kids(node))
    return found


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


def letterhead(gemeente) -> dict:
    """Letterhead of the gemeente profile for documents: logo as data URI, colour, name."""
    import base64
    import io

    logo_src = ""
    if gemeente is not None and gemeente.logo:
        name = gemeente.logo.name.lower()
        mime = "image/png" if name.endswith(".png") else "image/jpeg"
        try:
            with gemeente.logo.open("rb") as fh:
                data = fh.read()
            from PIL import Image

            with Image.open(io.BytesIO(data)) as image:
                image.load()
            logo_src = f"data:{mime};base64," + base64.b64encode(data).decode()
        except (OSError, ValueError):
            logo_src = ""  # a missing or broken file must not stop the document; the name stays
    return {
        "logo_src": logo_src,
        "kleur": getattr(gemeente, "huisstijlkleur", "") or "#00466e",
    }
