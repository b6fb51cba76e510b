"""Best practices: guides and checklists the ministry writes for municipalities."""

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

from hub.blocks import BodyStreamBlock, MaterialsStreamBlock
from hub.caching import CachedServeMixin
from hub.models.base import HubPageMixin, check_lead_image_alt, lead_image_fields, lead_image_panel
from hub.models.section_index import SectionIndexPage


class Audience(models.TextChoices):
    """Who a practice is written for."""

    LEADERSHIP = "leadership", _("Mayors and council members")
    IT_STAFF = "it-staff", _("IT staff")
    ALL_STAFF = "all-staff", _("All municipal staff")
    PROCUREMENT = "procurement", _("Procurement and finance")


class PracticeIndexPage(SectionIndexPage):
    """The list of best practices, newest revision first; with RSS and Atom feeds."""

    subpage_types = ["hub.PracticePage"]
    cache_query_params = ("audience", "page")  # hub.caching: the filter and the page

    class Meta:
        verbose_name = _("best practices index")

    @path("")
    def index_view(self, request):
        from hub import selectors

        audience = request.GET.get("audience", "")
        if audience not in Audience.values:
            audience = ""
        practices = selectors.practice_list(locale=self.locale, audience=audience)
        page_obj = Paginator(practices, 12).get_page(request.GET.get("page"))
        return self.render(
            request, context_overrides={"practices": page_obj, "audience": audience, "audiences": Audience.choices}
        )

    def feed_items(self):
        from hub import selectors

        return selectors.practice_list(locale=self.locale)[:20]


class PracticePage(CachedServeMixin, HubPageMixin, Page):
    """A guide or checklist: summary, audience, body, attachments and the date it was last revised."""

    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("Two or three sentences for lists and search.")
    )
    lead_image, lead_image_alt = lead_image_fields(required=False)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, default=Audience.ALL_STAFF)
    revised = models.DateField(_("revision date"), default=timezone.localdate)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    attachments = StreamField(MaterialsStreamBlock(), verbose_name=_("attachments"), blank=True)
    related_project_slugs = models.CharField(
        _("related projects"),
        max_length=500,
        blank=True,
        help_text=_("Addresses (slugs) of projects that illustrate this practice, separated by commas."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        lead_image_panel(),
        MultiFieldPanel([FieldPanel("audience"), FieldPanel("revised")], heading=_("About the practice")),
        FieldPanel("body"),
        FieldPanel("attachments"),
        FieldPanel("related_project_slugs"),
    ]

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["hub.PracticeIndexPage"]
    subpage_types: list[str] = []
    search_source_type = "practice"
    search_source_label = _("Best practice")

    class Meta:
        verbose_name = _("best practice")
        verbose_name_plural = _("best practices")

    def clean(self):
        super().clean()
        check_lead_image_alt(self)

    def search_date(self):
        return self.revised

    def get_context(self, request, *args, **kwargs):
        from hub import selectors

        context = super().get_context(request, *args, **kwargs)
        slugs = [s.strip() for s in self.related_project_slugs.split(",") if s.strip()]
        context["related_projects"] = selectors.projects_by_slugs(slugs=slugs)
        return context
