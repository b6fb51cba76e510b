"""Reads of projects_db, for its views and for other apps."""

from __future__ import annotations

from projects_db.models import Municipality


def municipality_by_slug(*, slug: str) -> Municipality | None:
    return Municipality.objects.select_related("governorate").filter(slug=slug).first()
