"""The one check of uploaded files, shared by project uploads (projects_db) and forum attachments (forum): the type
is allowed, the size and the pixels are within limits, and the content is what the name says. It imports no app of
the project, so any app may use it."""

from __future__ import annotations

import codecs
import warnings
from collections.abc import Iterable
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
TEXT_TYPES = {"txt", "csv"}
IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}


def extension_of(upload) -> str:
    return Path(upload.name or "").suffix.lower().lstrip(".")


def validate_upload(upload, *, extensions: Iterable[str], max_size: int) -> None:
    """Raise ValidationError, with a message for the uploader, unless `upload` is one of `extensions`, at most
    `max_size` bytes, and its content matches its extension (images: also at most WAGTAILIMAGES_MAX_IMAGE_PIXELS)."""
    allowed = [e.lower() for e in extensions]
    extension = extension_of(upload)
    if extension not in allowed:
        raise ValidationError(
            _("This type of file is not accepted. Accepted types: %(types)s.") % {"types": ", ".join(allowed)},
            code="file_type",
        )
    if upload.size > max_size:
        raise ValidationError(
            _("The file is too large (at most %(size)s).") % {"size": filesizeformat(max_size)}, code="file_size"
        )
    if extension in IMAGE_FORMATS:
        _check_image(upload, IMAGE_FORMATS[extension])
    elif not _content_matches(upload, extension):
        raise ValidationError(_("The content of the file does not match its type."), code="file_content")


def _content_matches(upload, extension: str) -> bool:
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if extension in SIGNATURES:
        return any(head.startswith(signature) for signature in SIGNATURES[extension])
    if extension in TEXT_TYPES:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # a cut character is fine
        except UnicodeDecodeError:
            return False
        return b"\x00" not in head
    return False  # a type allowed by settings but unknown here cannot be checked, so it is not accepted


def _check_image(upload, expected_format: str) -> None:
    from PIL import Image, UnidentifiedImageError

    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    too_many = ValidationError(
        _("The image has too many pixels (at most %(megapixels)s megapixels).")
        % {"megapixels": f"{max_pixels / 1_000_000:g}"},
        code="image_pixels",
    )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns, then refuses, far above our limit; the header's size is checked here instead.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                if width * height > max_pixels:
                    raise too_many
                image.verify()
    except Image.DecompressionBombError:
        raise too_many from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        image_format = None
    finally:
        upload.seek(0)
    if image_format != expected_format:
        raise ValidationError(_("The content of the file does not match its type."), code="file_content")
