"""Checked uploads: the extension, the declared type and the file's own bytes must agree.

A renamed executable ("rapport.pdf") or an oversized file is refused with a
clear Dutch message before anything is stored.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# kind -> (extensions, magic-byte check)
_ZIP = b"PK\x03\x04"
KINDS: dict[str, tuple[tuple[str, ...], tuple[bytes, ...]]] = {
    "pdf": ((".pdf",), (b"%PDF-",)),
    "docx": ((".docx",), (_ZIP,)),
    "xlsx": ((".xlsx",), (_ZIP,)),
    "odt": ((".odt",), (_ZIP,)),
    "png": ((".png",), (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ((".jpg", ".jpeg"), (b"\xff\xd8\xff",)),
    "csv": ((".csv",), ()),  # text: checked for decodability instead
}
DOCUMENT_KINDS = ("pdf", "docx", "xlsx", "odt", "png", "jpg")
KIND_LABEL = {
    "pdf": "PDF",
    "docx": "Word",
    "xlsx": "Excel",
    "odt": "OpenDocument",
    "png": "PNG",
    "jpg": "JPEG",
    "csv": "CSV",
}


@deconstructible
class UploadValidator:
    """Validator for FileFields: `UploadValidator(kinds=("pdf",), max_mb=10)`."""

    def __init__(self, kinds: tuple[str, ...] = DOCUMENT_KINDS, max_mb: int = 10) -> None:
        self.kinds = tuple(kinds)
        self.max_mb = max_mb

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, UploadValidator)
            and self.kinds == other.kinds
            and self.max_mb == other.max_mb
        )

    def __call__(self, upload) -> None:
        validate_upload(upload, kinds=self.kinds, max_mb=self.max_mb)


def validate_upload(upload, *, kinds: tuple[str, ...] = DOCUMENT_KINDS, max_mb: int = 10) -> None:
    allowed = ", ".join(KIND_LABEL[k] for k in kinds)
    size = getattr(upload, "size", 0) or 0
    if size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("Het bestand is %(size)s; het maximum is %(max)s MB.")
            % {"size": filesizeformat(size), "max": max_mb},
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="empty")
    name = (getattr(upload, "name", "") or "").lower()
    kind = next((k for k in kinds if name.endswith(KINDS[k][0])), None)
    if kind is None:
        raise ValidationError(
            _("Dit bestandstype is niet toegestaan. Toegestaan: %(allowed)s.")
            % {"allowed": allowed},
            code="bad_extension",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(position)
    magics = KINDS[kind][1]
    if magics and not any(head.startswith(m) for m in magics):
        raise ValidationError(
            _(
                "De inhoud van het bestand past niet bij de extensie %(ext)s. "
                "Sla het opnieuw op als %(label)s en probeer het nog eens."
            )
            % {"ext": name.rsplit(".", 1)[-1], "label": KIND_LABEL[kind]},
            code="disguised",
        )
    if kind in ("png", "jpg") and not _is_image(upload):
        raise ValidationError(
            _("Het bestand is geen geldige afbeelding. Sla het opnieuw op als %(label)s.")
            % {"label": KIND_LABEL[kind]},
            code="broken_image",
        )
    if kind == "csv":
        try:
            head.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # not just a multibyte char cut at 2048
                raise ValidationError(
                    _("Het CSV-bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8'."),
                    code="encoding",
                ) from exc


def _is_image(upload) -> bool:
    """A PNG or JPEG that decodes completely (a truncated file would break a PDF later)."""
    from PIL import Image, UnidentifiedImageError

    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
        return True
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return False
    finally:
        upload.seek(position)
