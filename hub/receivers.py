"""The CMS listens to places: a renamed municipality or governorate is renamed on its stories' search documents, and
any written place makes the cached pages that show places stale."""

from __future__ import annotations

from hub import services
from hub.caching import bump_on_commit
from hub.places.signals import governorate_changed, municipality_changed, place_written


def _on_municipality_changed(sender, municipality, **kwargs) -> None:
    services.stories_reindex_for_place(municipality_id=municipality.pk)


def _on_governorate_changed(sender, governorate, **kwargs) -> None:
    services.stories_reindex_for_place(governorate_id=governorate.pk)


def _on_place_written(sender, instance, **kwargs) -> None:
    bump_on_commit("places")


def sync_site_address(sender, using="default", **kwargs) -> None:
    """After migrate: the Wagtail site record follows SITE_URL (host name and port)."""
    from django.db import connections

    if "wagtailcore_site" in connections[using].introspection.table_names():
        services.site_sync_public_address()


def connect() -> None:
    municipality_changed.connect(_on_municipality_changed, dispatch_uid="hub_municipality_changed")
    governorate_changed.connect(_on_governorate_changed, dispatch_uid="hub_governorate_changed")
    place_written.connect(_on_place_written, dispatch_uid="hub_place_written_cache")
