"""Reads of places, for other apps: querysets they may filter and annotate further."""

from __future__ import annotations

from django.db.models import QuerySet

from hub.places.models import Governorate, Municipality


def municipalities() -> QuerySet[Municipality]:
    """Every municipality with its governorate joined in, in name order."""
    return Municipality.objects.select_related("governorate")


def municipality_count() -> int:
    return Municipality.objects.count()


def governorates() -> QuerySet[Governorate]:
    return Governorate.objects.all()


def municipality_by_slug(*, slug: str) -> Municipality | None:
    return municipalities().filter(slug=slug).first()


def municipality_by_id(*, municipality_id: int) -> Municipality | None:
    return municipalities().filter(pk=municipality_id).first()


def names_by_slug(*, kind: str, slugs: set[str], language: str) -> dict[str, str]:
    """Names in `language` of the municipalities or governorates (`kind`) with these slugs."""
    queryset = {"municipality": Municipality.objects, "governorate": Governorate.objects}[kind]
    field = "name_en" if language == "en" else "name_ar"
    return dict(queryset.filter(slug__in=slugs).values_list("slug", field))
