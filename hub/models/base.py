"""What every hub page shares: search methods for search/, reading-language fallback, metadata helpers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


def lead_image_fields(*, required: bool) -> tuple[models.ForeignKey, models.CharField]:
    """The lead image of a story, event or best practice and its alternative text: `lead_image, lead_image_alt =
    lead_image_fields(required=...)` in the page class (stories need one; events and practices may have one)."""
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        **({} if required else {"blank": True}),
    )
    alt = models.CharField(
        _("lead image alternative text"),
        max_length=250,
        help_text=_("Describe the image for readers who cannot see it."),
        **({} if required else {"blank": True}),
    )
    return image, alt


def lead_image_panel() -> MultiFieldPanel:
    return MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Lead image"))


def check_lead_image_alt(page) -> None:
    """A page's clean(): an image without a description is refused (readers of screen readers get nothing)."""
    if page.lead_image_id and not (page.lead_image_alt or "").strip():
        raise ValidationError({"lead_image_alt": _("Describe the lead image for readers who cannot see it.")})


def stream_text(stream) -> str:
    """Plain text of a StreamField value: headings, paragraphs, captions, quotes, figures, link texts."""
    parts: list[str] = []

    def walk(value):
        if value is None:
            return
        if hasattr(value, "source") and not isinstance(value, str):  # RichText
            parts.append(strip_tags(value.source))
        elif isinstance(value, str):
            parts.append(value)
        elif hasattr(value, "items") and callable(value.items):  # StructValue / dict
            for key, item in value.items():
                if key in {"image", "document", "url"}:
                    continue
                walk(item)
        elif hasattr(value, "__iter__"):
            for item in value:
                walk(getattr(item, "value", item))

    for block in stream or []:
        walk(block.value)
    return " ".join(p.strip() for p in parts if p and p.strip())


class HubPageMixin:
    """Mixed into every hub page type. `search_*` are the optional methods hub/search_adapters.py consumes."""

    search_source_type = "page"

    def search_text(self) -> str:
        """Plain text of the summary and body, for the search document."""
        parts = [getattr(self, "summary", "") or getattr(self, "intro", "") or ""]
        for name in ("body", "outcomes", "agenda", "recommendations"):
            value = getattr(self, name, None)
            if isinstance(value, str):
                parts.append(strip_tags(value))
            elif value is not None:
                parts.append(stream_text(value))
        return " ".join(p for p in parts if p)

    def search_facets(self) -> dict:
        """Municipality, governorate and category for search filters (empty for pages without them)."""
        return {}

    def search_date(self):
        """The page's own date (a story's, an event's start...) for search results and the year facet; None
        means the date it was first published."""
        return None

    def get_sitemap_urls(self, request=None):
        """Wagtail's entry plus hreflang alternates: the live translations, and x-default (the Arabic one)."""
        urls = super().get_sitemap_urls(request)
        translations = self.get_translations(inclusive=True).live().public().select_related("locale")
        alternates = [{"lang_code": t.locale.language_code, "location": t.get_full_url(request)} for t in translations]
        default = next((a for a in alternates if a["lang_code"] == "ar"), None)
        if len(alternates) > 1 and default:
            alternates.append({"lang_code": "x-default", "location": default["location"]})
        for url in urls:
            url["alternates"] = alternates if len(alternates) > 1 else []
        return urls

    def get_meta_description(self) -> str:
        return self.search_description or getattr(self, "summary", "") or getattr(self, "intro", "") or ""

    def get_og_image(self):
        return getattr(self, "lead_image", None)


class TranslationFallbackMixin:
    """A child page missing in this language is served from the other language's tree (with a note), not a 404.

    `/en/stories/<slug>/` for a story that exists only in Arabic: the English stories index has no such child,
    so the Arabic index routes it; the page renders in the English interface with its own language marked.
    """

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
            for other in self.get_translations().live().specific():
                try:
                    return Page.route(other, request, path_components)
                except Http404:
                    continue
            raise
