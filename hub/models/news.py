"""News articles from the ministry."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.blocks import BodyStreamBlock
from hub.caching import CachedServeMixin
from hub.models.base import HubPageMixin
from hub.models.section_index import SectionIndexPage


class NewsIndexPage(SectionIndexPage):
    """The list of news articles, newest first; with RSS and Atom feeds."""

    subpage_types = ["hub.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    @path("")
    def index_view(self, request):
        from hub import selectors

        page_obj = Paginator(selectors.news_list(locale=self.locale), 12).get_page(request.GET.get("page"))
        return self.render(request, context_overrides={"articles": page_obj})

    def feed_items(self):
        from hub import selectors

        return selectors.news_list(locale=self.locale)[:20]


class NewsPage(CachedServeMixin, HubPageMixin, Page):
    """A news article: date, summary, an optional lead image and the body."""

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("Two or three sentences for lists and search.")
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    lead_image_alt = models.CharField(_("lead image alternative text"), max_length=250, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Lead image")),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["hub.NewsIndexPage"]
    subpage_types: list[str] = []
    search_source_type = "news"
    search_source_label = _("News")

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def search_date(self):
        return self.date

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.lead_image_id and not (self.lead_image_alt or "").strip():
            raise ValidationError({"lead_image_alt": _("Describe the lead image for readers who cannot see it.")})
