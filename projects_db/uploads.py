"""Checks on files people upload to a project: the allowed types and sizes of projects, checked by the site's one
upload validator (hub.uploads), which also compares the content with the name."""

from __future__ import annotations

from django.conf import settings

from hub.uploads import IMAGE_FORMATS, validate_upload


def validate_document(upload) -> None:
    validate_upload(
        upload, extensions=settings.PROJECTS_DOCUMENT_EXTENSIONS, max_size=settings.PROJECTS_DOCUMENT_MAX_SIZE
    )


def validate_image(upload) -> None:
    validate_upload(upload, extensions=IMAGE_FORMATS, max_size=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
