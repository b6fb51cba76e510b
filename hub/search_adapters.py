"""Wagtail pages in the site search: one search document per live, unrestricted page (each translation is a
page of its own, so it gives the document in its language).

A page model can say more about itself with optional methods:
- `search_source_type` (class attribute, e.g. "story"; default "page") and `search_source_label`;
- `search_text()` -> the body to index (default: search description and the page's text fields);
- `search_date()` -> the page's own date (date or datetime; None: first publication), shown and faceted by year;
- `search_facets()` -> dict with any of municipality, municipality_name, governorate, governorate_name,
  category, category_name.
Indexing happens in the signal receivers below, inside the transaction of the publish/unpublish/move/delete.
"""

from __future__ import annotations

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search import index as wagtail_index
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import registry, services

DEFAULT_TYPE = "page"
FACET_KEYS = ("municipality", "municipality_name", "governorate", "governorate_name", "category", "category_name")


def source_type_of(page_or_class) -> str:
    return getattr(page_or_class, "search_source_type", "") or DEFAULT_TYPE


def page_text(page) -> str:
    """The page's own text: search description, Wagtail search fields, rich text, streams and text fields."""
    parts = [page.search_description or ""]
    seen = {"title", "search_description", "seo_title", "slug", "url_path", "draft_title"}
    for field in getattr(page, "search_fields", []):
        if isinstance(field, wagtail_index.SearchField) and field.field_name not in seen:
            seen.add(field.field_name)
            value = getattr(page, field.field_name, "")
            parts.append(_field_text(page, field.field_name, value))
    page_fields = {f.name for f in Page._meta.get_fields()}
    for field in type(page)._meta.get_fields():
        if field.name in seen or field.name in page_fields or not getattr(field, "concrete", False):
            continue
        if isinstance(field, RichTextField | StreamField) or (
            isinstance(field, models.CharField | models.TextField) and not field.choices
        ):
            seen.add(field.name)
            parts.append(_field_text(page, field.name, getattr(page, field.name, "")))
    return "\n".join(p for p in parts if p)


def _field_text(page, name: str, value) -> str:
    try:
        field = type(page)._meta.get_field(name)
    except Exception:  # a search field may be a method or property
        value = value() if callable(value) else value
        return strip_tags(str(value or ""))
    if isinstance(field, RichTextField | StreamField):
        return " ".join(strip_tags(str(t)) for t in field.get_searchable_content(value))
    return strip_tags(str(value or ""))


class PageAdapter(registry.Adapter):
    """Pages of one search source type (several page models may share one)."""

    def __init__(self, source_type: str = DEFAULT_TYPE, label=None):
        self.source_type = source_type
        self.label = label or _("Page")

    def documents(self, instance) -> list[registry.Document]:
        page = instance.specific
        if source_type_of(page) != self.source_type or not page.live or page.depth <= 1:
            return []
        if page.get_view_restrictions().exists():
            return []
        url = page.get_url()
        if not url:
            return []
        body = page.search_text() if hasattr(page, "search_text") else page_text(page)
        facets = page.search_facets() if hasattr(page, "search_facets") else {}
        return [
            registry.Document(
                source_id=str(page.pk),
                language=page.locale.language_code,
                title=page.title,
                body=body or "",
                url=url,
                # the page's own date (a story's, an event's start), not when it went online
                published_at=(page.search_date() if hasattr(page, "search_date") else None) or page.first_published_at,
                updated_at=page.last_published_at,
                **{key: str(facets[key] or "") for key in FACET_KEYS if key in (facets or {})},
            )
        ]

    def queryset(self):
        models_here = [m for m in get_page_models() if source_type_of(m) == self.source_type]
        return Page.objects.live().public().filter(depth__gt=1).type(*models_here).specific().select_related("locale")


def register_page_adapters() -> None:
    """One adapter per source type used by a page model (always "page")."""
    labels: dict[str, object] = {DEFAULT_TYPE: _("Page")}
    for model in get_page_models():
        source_type = source_type_of(model)
        if source_type != DEFAULT_TYPE:
            labels.setdefault(source_type, getattr(model, "search_source_label", model._meta.verbose_name))
    for source_type, label in labels.items():
        registry.register(PageAdapter(source_type, label))


def index_page(page) -> None:
    """(Re)index one page: found if live and public, gone otherwise."""
    page = page.specific if isinstance(page, Page) else page
    source_type = source_type_of(page)
    try:
        registry.get(source_type)
    except KeyError:
        registry.register(PageAdapter(source_type, getattr(page, "search_source_label", None)))
    services.index_instance(source_type=source_type, instance=page)


def index_page_and_descendants(page) -> None:
    index_page(page)
    for descendant in page.get_descendants().specific().select_related("locale"):
        index_page(descendant)


def _on_published(sender, instance, **kwargs):
    index_page(instance)


def _on_unpublished(sender, instance, **kwargs):
    index_page(instance)


def _on_moved(sender, instance, **kwargs):
    index_page_and_descendants(Page.objects.get(pk=instance.pk))


def _on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        services.unindex(source_type=source_type_of(instance), source_id=instance.pk)


def _on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        index_page_and_descendants(page)


def _on_category_renamed(sender, category, **kwargs):
    """Stories carry their category's name in their search documents."""
    from hub.models import StoryPage

    for story in StoryPage.objects.live().filter(category=category).select_related("locale"):
        index_page(story)


def connect() -> None:
    from projects_db.signals import category_renamed

    category_renamed.connect(_on_category_renamed, dispatch_uid="hub_search_category_renamed")
    page_published.connect(_on_published, dispatch_uid="hub_search_page_published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="hub_search_page_unpublished")
    post_page_move.connect(_on_moved, dispatch_uid="hub_search_page_moved")
    post_delete.connect(_on_deleted, dispatch_uid="hub_search_page_deleted")
    post_save.connect(_on_restriction_changed, sender=PageViewRestriction, dispatch_uid="hub_search_restriction_saved")
    post_delete.connect(
        _on_restriction_changed, sender=PageViewRestriction, dispatch_uid="hub_search_restriction_deleted"
    )
