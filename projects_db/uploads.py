"""Checks on files people upload to a project: allowed types, size limits, and content that matches its name."""

from __future__ import annotations

import codecs
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# The first bytes each document type must start with; a renamed executable does not pass.
SIGNATURES = {
    "pdf": [b"%PDF-"],
    "docx": [b"PK\x03\x04"],
    "xlsx": [b"PK\x03\x04"],
    "pptx": [b"PK\x03\x04"],
    "odt": [b"PK\x03\x04"],
    "ods": [b"PK\x03\x04"],
}
IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}


def _extension(upload) -> str:
    return Path(upload.name or "").suffix.lower().lstrip(".")


def validate_document(upload) -> None:
    extension = _extension(upload)
    allowed = settings.PROJECTS_DOCUMENT_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(
            _("This type of file is not accepted. Accepted types: %(types)s.") % {"types": ", ".join(allowed)}
        )
    if upload.size > settings.PROJECTS_DOCUMENT_MAX_SIZE:
        raise ValidationError(
            _("The file is too large (at most %(size)s).")
            % {"size": filesizeformat(settings.PROJECTS_DOCUMENT_MAX_SIZE)}
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signatures = SIGNATURES.get(extension)
    if signatures is not None:
        ok = any(head.startswith(sig) for sig in signatures)
    else:  # plain text types
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # a cut character is fine
            ok = b"\x00" not in head
        except UnicodeDecodeError:
            ok = False
    if not ok:
        raise ValidationError(_("The content of the file does not match its type."))


def validate_image(upload) -> None:
    from PIL import Image, UnidentifiedImageError

    extension = _extension(upload)
    if extension not in IMAGE_FORMATS:
        raise ValidationError(
            _("This type of file is not accepted. Accepted types: %(types)s.") % {"types": ", ".join(IMAGE_FORMATS)}
        )
    if upload.size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
        raise ValidationError(
            _("The file is too large (at most %(size)s).")
            % {"size": filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)}
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        image_format = None
    upload.seek(0)
    if image_format != IMAGE_FORMATS[extension]:
        raise ValidationError(_("The content of the file does not match its type."))
