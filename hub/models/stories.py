"""Success stories: what a municipality did, what came of it, told by the municipality or the ministry."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.blocks import BodyStreamBlock, KeyFiguresBlock
from hub.caching import CachedServeMixin
from hub.models.base import HubPageMixin, check_lead_image_alt, lead_image_fields, lead_image_panel
from hub.models.section_index import SectionIndexPage


class StoryPageForm(WagtailAdminPageForm):
    """Municipal staff may only tell their own municipality's stories: the choice is narrowed and re-checked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from hub.accounts import roles

        user = getattr(self, "for_user", None)
        field = self.fields.get("municipality")
        if user is not None and field is not None and not roles.is_editor(user):
            field.queryset = field.queryset.filter(pk=roles.staff_municipality_id(user) or 0)

    def clean(self):
        cleaned = super().clean()
        from hub.accounts import roles

        user = getattr(self, "for_user", None)
        municipality = cleaned.get("municipality")
        if (
            user is not None
            and not roles.is_editor(user)
            and (municipality is None or not roles.can_act_for_municipality(user, municipality.pk))
        ):
            self.add_error("municipality", _("You may only write stories about your own municipality."))
        return cleaned


class StoryIndexPage(SectionIndexPage):
    """The list of success stories, filtered by category, municipality and year; with RSS and Atom feeds."""

    subpage_types = ["hub.StoryPage"]
    cache_query_params = ("category", "municipality", "year", "page")  # hub.caching: the filters and the page

    class Meta:
        verbose_name = _("success stories index")

    @path("")
    def index_view(self, request):
        from hub import selectors

        filters = selectors.StoryFilters.from_query(request.GET)
        stories = selectors.story_list(locale=self.locale, filters=filters)
        page_obj = Paginator(stories, 12).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "stories": page_obj,
                "filters": filters,
                "filter_options": selectors.story_filter_options(locale=self.locale),
            },
        )

    def feed_items(self):
        from hub import selectors

        return selectors.story_list(locale=self.locale, filters=selectors.StoryFilters())[:20]


class StoryPage(CachedServeMixin, HubPageMixin, Page):
    """One success story: a municipality, what it built, and what came of it (key figures)."""

    municipality = models.ForeignKey(
        "places.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        related_name="stories",
        help_text=_("Whose story this is. Municipal staff can only choose their own municipality."),
    )
    category = models.ForeignKey(
        "projects_db.Category",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        null=True,
        related_name="stories",
        help_text=_("The same categories as the projects database, so that search and filters line up."),
    )
    date = models.DateField(_("date"), default=timezone.localdate, help_text=_("When the story happened."))
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("Two or three sentences for lists and search.")
    )
    lead_image, lead_image_alt = lead_image_fields(required=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    outcomes = StreamField(
        [("figures", KeyFiguresBlock())],
        verbose_name=_("outcomes"),
        blank=True,
        max_num=1,
        help_text=_("The results in figures: time saved, requests online, revenue collected."),
    )
    contact_email = models.EmailField(
        _("team contact e-mail"), blank=True, help_text=_("Shown to signed-in members who want to contact the team.")
    )
    featured = models.BooleanField(_("featured on the home page"), default=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldPanel("category", widget=forms.Select),  # a short list: a menu, not a chooser
                FieldPanel("date"),
                FieldPanel("featured"),
            ],
            heading=_("About the story"),
        ),
        FieldPanel("summary"),
        lead_image_panel(),
        FieldPanel("body"),
        FieldPanel("outcomes"),
        FieldPanel("contact_email"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("category"),
        index.FilterField("municipality"),
    ]

    parent_page_types = ["hub.StoryIndexPage"]
    subpage_types: list[str] = []
    base_form_class = StoryPageForm
    search_source_type = "story"
    search_source_label = _("Success story")

    class Meta:
        verbose_name = _("success story")
        verbose_name_plural = _("success stories")

    def clean(self):
        super().clean()
        check_lead_image_alt(self)

    def search_date(self):
        return self.date

    def search_facets(self) -> dict:
        category, english = self.category, self.locale.language_code == "en"
        facets = {}
        if category is not None:  # named in the page's language (the search shows the reader's anyway)
            facets.update(category=category.slug, category_name=category.name_en if english else category.name_ar)
        municipality = self.municipality
        if municipality is not None:
            governorate = municipality.governorate
            facets.update(  # in the page's language too, whoever reindexes it (a rename in the admin, say)
                municipality=municipality.slug,
                municipality_name=municipality.name_en if english else municipality.name_ar,
                governorate=governorate.slug,
                governorate_name=governorate.name_en if english else governorate.name_ar,
            )
        return facets

    def get_context(self, request, *args, **kwargs):
        from hub import selectors

        context = super().get_context(request, *args, **kwargs)
        context["related_projects"] = selectors.projects_for_municipality(municipality_id=self.municipality_id)
        context["show_contact"] = bool(self.contact_email) and request.user.is_authenticated
        return context
