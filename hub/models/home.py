"""The home page: what the hub is, featured stories, latest projects, topics, events and live counts."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from hub.caching import PAGE_SECTIONS, CachedServeMixin
from hub.models.base import HubPageMixin, TranslationFallbackMixin


class HomePage(CachedServeMixin, TranslationFallbackMixin, HubPageMixin, Page):
    """The front page: what the hub is for, in the reader's language, and what is new."""

    intro = models.CharField(
        _("introduction"), max_length=300, blank=True, help_text=_("One sentence under the title.")
    )
    body = RichTextField(_("body"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    cache_sections = (*PAGE_SECTIONS, "forum")  # hub.caching: it lists the latest forum topics too

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from hub import selectors

        context = super().get_context(request, *args, **kwargs)
        context["home"] = selectors.home_blocks(locale=self.locale)
        return context
