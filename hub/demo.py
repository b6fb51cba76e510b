"""Demo content of the site itself: home pages, section indexes, stories, practices, events, news, standard pages.

Idempotent: every page is looked up by slug under its index before it is created.
"""

from __future__ import annotations

import datetime
import io
import json

from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale

from hub import demo_content as content
from hub import services

HOME_AR = {
    "title": "مركز معرفة البلديات الإلكترونية",
    "intro": "منصة تتبادل فيها البلديات ما تعلمته في بناء الخدمات الإلكترونية: قصص نجاح، ممارسات فضلى، "
    "قاعدة بيانات للمشاريع، روابط بوابات البلديات، ومنتدى للعاملين في تقنية المعلومات.",
}
HOME_EN = {
    "title": "e-Municipality Knowledge Hub",
    "intro": "Where municipalities share what they learned building e-services: success stories, best practices, "
    "a database of projects, links to every municipal portal, and a forum for the people who run them.",
}


def load_home() -> None:
    """Only the two home pages (Arabic site root, English translation)."""
    services.site_ensure_home(
        title_ar=HOME_AR["title"], intro_ar=HOME_AR["intro"], title_en=HOME_EN["title"], intro_en=HOME_EN["intro"]
    )


def load(*, stdout=None) -> None:
    """Home pages, section indexes, the story workflow and every demo page (load_demo_data's hub step)."""
    load_home()
    from hub.models import HomePage

    home = HomePage.objects.get(locale__language_code="ar")
    if home.live_revision is None:  # published like every demo page: a revision, its history, its search document
        home.save_revision().publish()
    sections = services.cms_ensure_sections(home=home)
    services.cms_ensure_workflow()
    counts = {
        "stories": _load_stories(sections["stories"]),
        "practices": _load_practices(sections["practices"]),
        "events": _load_events(sections["events"]),
        "news": _load_news(sections["news"]),
        "standard pages": _load_standard(home),
    }
    if stdout:
        stdout.write("pages: " + ", ".join(f"{count} {name}" for name, count in counts.items()))


def _stream(*blocks) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks if value])


def _figures(pairs) -> list[dict]:
    return [{"value": value, "label": label} for value, label in pairs]


# What each demo page's illustration shows (hub/illustrations.py): stories by their project category, practices
# and events by their subject. Every page gets its own picture.
STORY_MOTIFS = {
    "portal-services": "portal",
    "e-payment": "payment",
    "e-permits": "permit",
    "gis-planning": "map",
    "complaints": "complaint",
    "documents-archiving": "archive",
    "finance-erp": "finance",
    "open-data": "open-data",
}
PAGE_MOTIFS = {
    "digital-transformation-plan": "plan",
    "procuring-software-without-lock-in": "contract",
    "information-security-basics": "security",
    "accessible-bilingual-websites": "bilingual",
    "training-staff-with-universities": "training",
    "first-international-conference-e-municipalities-2012": "conference",
    "gis-seminar-2025": "seminar",
    "e-payment-workshop": "workshop",
    "digital-skills-training-week": "calendar",
}


def _image(slug: str, motif: str):
    """The illustration of the page `slug`, drawn by hub.illustrations (no binary file in the repository) and
    found again by its title."""
    from hub import illustrations

    Image = get_image_model()
    title = f"Illustration: {slug}"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = illustrations.draw(motif=motif, seed=slug)
    return Image.objects.create(title=title, file=ImageFile(io.BytesIO(picture), name=f"{slug[:60]}.png"))


def _add(index, model, slug: str, fields: dict):
    """The page `slug` under `index`, created and published when missing."""
    page = model.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, locale=index.locale, **fields)
        index.add_child(instance=page)
        page.save_revision().publish()
    return page


def _translate(page, fields: dict):
    """The English translation of `page`, with `fields`, created and published when missing."""
    en = Locale.objects.get(language_code="en")
    translation = page.get_translation_or_none(en)
    if translation is None:
        translation = page.copy_for_translation(en, copy_parents=False, alias=False)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
    return translation


def _category(slug: str):
    """A project category (stories use the projects' list); created by projects_db's demo if not there yet."""
    from projects_db import demo as projects_demo
    from projects_db import selectors

    found = selectors.category_by_slug(slug=slug)
    if found is None:
        projects_demo.load_categories()
        found = selectors.category_by_slug(slug=slug)
    return found


def _municipality(slug: str):
    """A demo municipality; the places come from projects_db's one demo list, loaded here if not there yet."""
    from hub.places import selectors
    from projects_db import demo as projects_demo

    found = selectors.municipality_by_slug(slug=slug)
    if found is None:
        projects_demo.load_places()
        found = selectors.municipality_by_slug(slug=slug)
    return found


def _story_fields(text: dict, image) -> dict:
    return {
        "title": text["title"],
        "summary": text["summary"],
        "lead_image_alt": text["alt"],
        "body": _stream(
            ("heading", text["heading"]),
            ("paragraph", text["body"]),
            ("quote", {"quote": text["quote"], "attribution": text["attribution"]}),
        ),  # the key figures are the story's outcomes, shown once beside the body
        "outcomes": _stream(("figures", _figures(text["figures"]))),
    }


def _load_stories(indexes) -> int:
    from hub.models import StoryPage

    for story in content.STORIES:
        image = _image(story["slug"], STORY_MOTIFS[story["category"]])
        fields = _story_fields(story["ar"], image) | {
            "municipality": _municipality(story["municipality"]),
            "category": _category(story["category"]),
            "date": datetime.date.fromisoformat(story["date"]),
            "featured": story.get("featured", False),
            "lead_image": image,
            "contact_email": f"it@{story['municipality']}.example.ps",
        }
        page = _add(indexes["ar"], StoryPage, story["slug"], fields)
        if "en" in story:
            _translate(page, _story_fields(story["en"], image))
    return len(content.STORIES)


def _load_practices(indexes) -> int:
    from hub.models import PracticePage

    for practice in content.PRACTICES:
        base = {
            "audience": practice["audience"],
            "revised": datetime.date.fromisoformat(practice["revised"]),
            "lead_image": _image(practice["slug"], PAGE_MOTIFS[practice["slug"]]),
        }

        def fields(text):
            return {
                "title": text["title"],
                "summary": text["summary"],
                "lead_image_alt": text["alt"],
                "body": _stream(("paragraph", text["body"])),
            }

        page = _add(indexes["ar"], PracticePage, practice["slug"], fields(practice["ar"]) | base)
        if "en" in practice:
            _translate(page, fields(practice["en"]))
    return len(content.PRACTICES)


def _event_times(event) -> tuple[datetime.datetime, datetime.datetime]:
    import zoneinfo

    from hub.models.events import DEFAULT_TIME_ZONE

    tz = zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)
    if "days_from_now" in event:
        day = timezone.localdate() + datetime.timedelta(days=event["days_from_now"])
        start_hour, end_hour = event["hours"]
        return (
            datetime.datetime.combine(day, datetime.time(start_hour), tzinfo=tz),
            datetime.datetime.combine(day, datetime.time(end_hour), tzinfo=tz),
        )
    return (
        datetime.datetime.fromisoformat(event["start"]).replace(tzinfo=tz),
        datetime.datetime.fromisoformat(event["end"]).replace(tzinfo=tz),
    )


def _load_events(indexes) -> int:
    from hub.models import EventPage

    for event in content.EVENTS:
        start, end = _event_times(event)

        def fields(text, venue):
            return {
                "title": text["title"],
                "summary": text["summary"],
                "lead_image_alt": text["alt"],
                "organisers": text["organisers"],
                "venue": venue,
                "agenda": _stream(
                    *[("item", {"time": t, "title": title, "speakers": who}) for t, title, who in text["agenda"]]
                ),
                "recommendations": _stream(("paragraph", text.get("recommendations", ""))),
            }

        base = {
            "kind": event["kind"],
            "start": start,
            "end": end,
            "online_url": event.get("online_url", ""),
            "registration_url": event.get("registration_url", ""),
            "lead_image": _image(event["slug"], PAGE_MOTIFS[event["slug"]]),
        }
        page = _add(indexes["ar"], EventPage, event["slug"], fields(event["ar"], event["venue_ar"]) | base)
        if "en" in event:
            _translate(page, fields(event["en"], event["venue_en"]))
    return len(content.EVENTS)


def _load_news(indexes) -> int:
    from hub.models import NewsPage

    for article in content.NEWS:

        def fields(text):
            return {"title": text["title"], "summary": text["summary"], "body": _stream(("paragraph", text["body"]))}

        base = {"date": datetime.date.fromisoformat(article["date"])}
        page = _add(indexes["ar"], NewsPage, article["slug"], fields(article["ar"]) | base)
        if "en" in article:
            _translate(page, fields(article["en"]))
    return len(content.NEWS)


def _load_standard(home) -> int:
    from hub.models import StandardPage

    for standard in content.STANDARD:

        def fields(text):
            return {"title": text["title"], "intro": text["intro"], "body": _stream(("paragraph", text["body"]))}

        page = _add(home, StandardPage, standard["slug"], fields(standard["ar"]))
        if "en" in standard:
            _translate(page, fields(standard["en"]))
    return len(content.STANDARD)
