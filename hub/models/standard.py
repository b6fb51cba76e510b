"""Standard pages: about, terms of use, privacy."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.blocks import BodyStreamBlock
from hub.caching import CachedServeMixin
from hub.models.base import HubPageMixin, TranslationFallbackMixin


class StandardPage(CachedServeMixin, TranslationFallbackMixin, HubPageMixin, Page):
    """A plain page of text: about the hub, terms, privacy."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["hub.HomePage", "hub.StandardPage"]
    search_source_type = "page"

    class Meta:
        verbose_name = _("standard page")
