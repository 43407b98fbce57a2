"""The one way to hand out a stored file (signed Deal, attachment, report PDF).

Views check who may see the object (the permission map for the area, a selector
for the object) and then return :func:`private_file_response`. A file that is
missing - never uploaded, or gone from storage since - is a 404, never a 500.
"""

from __future__ import annotations

import mimetypes
import posixpath

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404


def private_file_response(
    field_file: FieldFile | None,
    *,
    filename: str = "",
    content_type: str = "",
    inline: bool = False,
) -> FileResponse:
    """Stream `field_file` with a Content-Disposition naming `filename`.

    `inline` shows the file in the browser (PDFs); by default it is downloaded.
    The type is guessed from the name unless given; browsers may not sniff it.
    """
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise Http404 from exc
    name = filename or posixpath.basename(field_file.name or "") or "bestand"
    content_type = (
        content_type
        or mimetypes.guess_type(name)[0]
        or mimetypes.guess_type(field_file.name or "")[0]
        or "application/octet-stream"
    )
    response = FileResponse(
        handle, as_attachment=not inline, filename=name, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
