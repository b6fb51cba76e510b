"""Events: conferences, seminars and workshops, with agenda, registration, materials and iCalendar files."""

from __future__ import annotations

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.blocks import AgendaStreamBlock, BodyStreamBlock, MaterialsStreamBlock
from hub.caching import CachedServeMixin
from hub.models.base import HubPageMixin, check_lead_image_alt, lead_image_fields, lead_image_panel
from hub.models.section_index import SectionIndexPage

DEFAULT_TIME_ZONE = "Asia/Hebron"
TIME_ZONE_CHOICES = [(name, name) for name in ("Asia/Hebron", "Asia/Gaza", "Asia/Amman", "Europe/Brussels", "UTC")]


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    SEMINAR = "seminar", _("Seminar")
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training course")


def _ics_response(events, *, request, filename: str) -> HttpResponse:
    from hub import ical

    response = HttpResponse(ical.calendar(events, request=request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class EventIndexPage(SectionIndexPage):
    """Upcoming and past events, an iCalendar feed of all of them, and RSS/Atom feeds."""

    subpage_types = ["hub.EventPage"]

    class Meta:
        verbose_name = _("events index")

    @path("")
    def index_view(self, request):
        from hub import selectors

        return self.render(
            request,
            context_overrides={
                "upcoming": selectors.event_list(locale=self.locale, when="upcoming")[:50],
                "past": selectors.event_list(locale=self.locale, when="past")[:50],
            },
        )

    @path("ical/")
    def ical_feed(self, request):
        from hub import selectors

        return _ics_response(
            selectors.event_list(locale=self.locale, when="all"), request=request, filename="events.ics"
        )

    def feed_items(self):
        from hub import selectors

        return selectors.event_list(locale=self.locale, when="all")[:20]


class EventPage(CachedServeMixin, RoutablePageMixin, HubPageMixin, Page):
    """A conference, seminar or workshop: when, where (or online), who organises, agenda and materials."""

    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices, default=EventKind.SEMINAR)
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("Two or three sentences for lists and search.")
    )
    lead_image, lead_image_alt = lead_image_fields(required=False)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TIME_ZONE_CHOICES,
        default=DEFAULT_TIME_ZONE,
        help_text=_("Times are shown to readers in this time zone."),
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    organisers = models.CharField(_("organisers"), max_length=300, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("description"), blank=True)
    agenda = StreamField(AgendaStreamBlock(), verbose_name=_("agenda"), blank=True)
    recommendations = StreamField(
        BodyStreamBlock(),
        verbose_name=_("recommendations and outcomes"),
        blank=True,
        help_text=_("What the event concluded, published afterwards."),
    )
    materials = StreamField(
        MaterialsStreamBlock(),
        verbose_name=_("materials"),
        blank=True,
        help_text=_("Slides, papers and recordings, published afterwards."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        lead_image_panel(),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_zone")], heading=_("When")
        ),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("online_url")], heading=_("Where")),
        FieldPanel("organisers"),
        FieldPanel("registration_url"),
        FieldPanel("body"),
        FieldPanel("agenda"),
        FieldPanel("recommendations"),
        FieldPanel("materials"),
    ]

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["hub.EventIndexPage"]
    subpage_types: list[str] = []
    search_source_type = "event"
    search_source_label = _("Event")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def search_date(self):
        return self.start

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
        if not self.venue and not self.online_url:
            raise ValidationError({"venue": _("Give a venue, an online link, or both.")})
        check_lead_image_alt(self)

    @property
    def tzinfo(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone or DEFAULT_TIME_ZONE)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)

    @path("")
    def event_view(self, request):
        return self.render(request)

    @path("ics/")
    def ics_view(self, request):
        return _ics_response([self], request=request, filename=f"{self.slug}.ics")
