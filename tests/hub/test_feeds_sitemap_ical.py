"""RSS and Atom feeds, the bilingual sitemap with hreflang, and iCalendar files: fetched and parsed back."""

import datetime
import xml.etree.ElementTree as ET  # noqa: S405  (we parse our own responses)

import pytest

from hub import ical
from tests.hub.factories import make_event, make_news, make_practice, make_story, translate

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("section", ["stories", "practices", "events", "news"])
def test_rss_and_atom_feeds_parse_and_list_the_sections_pages(client, sections, section):
    index = sections[section]["ar"]
    builder = {"stories": make_story, "practices": make_practice, "events": make_event, "news": make_news}[section]
    page = builder(index, title="عنوان & <تجربة>")
    rss = client.get(f"/ar/{section}/feed/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")  # noqa: S314
    assert channel.findtext("language") == "ar"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["عنوان & <تجربة>"]
    assert items[0].findtext("link").endswith(page.url_path.split("/", 2)[2])
    atom = client.get(f"/ar/{section}/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(atom.content).findall(f"{ATOM}entry")  # noqa: S314
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["عنوان & <تجربة>"]


def test_feeds_leave_out_drafts(client, sections):
    story = make_story(sections["stories"]["ar"], title="منشورة")
    draft = make_story(sections["stories"]["ar"], title="مسودة")
    draft.unpublish()
    feed = ET.fromstring(client.get("/ar/stories/feed/rss/").content)  # noqa: S314
    titles = [i.findtext("title") for i in feed.iter("item")]
    assert titles == [story.title]


def test_sitemap_lists_both_languages_with_hreflang_alternates(client, sections):
    story = make_story(sections["stories"]["ar"], slug="translated")
    translate(story, title="Translated")
    make_story(sections["stories"]["ar"], slug="arabic-only")
    draft = make_story(sections["stories"]["ar"], slug="draft")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {u.findtext("s:loc", namespaces=ns): u for u in root.findall("s:url", ns)}
    assert "http://testserver/ar/stories/translated/" in urls
    assert "http://testserver/en/stories/translated/" in urls
    assert "http://testserver/en/stories/" in urls and "http://testserver/en/" in urls
    assert "http://testserver/ar/stories/arabic-only/" in urls
    assert not any("draft" in loc for loc in urls)
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls["http://testserver/en/stories/translated/"].findall("x:link", ns)
    }
    assert alternates == {
        "ar": "http://testserver/ar/stories/translated/",
        "en": "http://testserver/en/stories/translated/",
        "x-default": "http://testserver/ar/stories/translated/",
    }
    assert urls["http://testserver/ar/stories/arabic-only/"].findall("x:link", ns) == []


def parse_ics(text: str) -> list[dict]:
    """A strict little RFC 5545 reader: CRLF only, unfold, BEGIN/END balanced, unescape TEXT."""
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    lines = text.replace("\r\n ", "").split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    events, current = [], None
    for line in lines[1:-2]:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
    assert current is None
    return events


def test_an_event_ics_file_parses_with_utc_times_and_escaped_text(client, sections):
    start = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    long_title = "مؤتمر البلديات الإلكترونية، الدورة الثانية; " * 4
    make_event(
        sections["events"]["ar"],
        slug="second-conference",
        title=long_title,
        summary="سطر أول\nسطر ثانٍ",
        start=start,
        end=start + datetime.timedelta(hours=8),
        venue="الخليل, فلسطين",
    )
    response = client.get("/ar/events/second-conference/ics/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="second-conference.ics"' in response["Content-Disposition"]
    (event,) = parse_ics(response.content.decode())
    assert event["DTSTART"] == "20270301T070000Z" and event["DTEND"] == "20270301T150000Z"
    assert event["SUMMARY"] == long_title
    assert event["DESCRIPTION"] == "سطر أول\nسطر ثانٍ"
    assert event["LOCATION"] == "الخليل, فلسطين"
    assert event["URL"] == "http://testserver/ar/events/second-conference/"


def test_the_calendar_feed_has_every_live_event_once(client, sections):
    make_event(sections["events"]["ar"], days=10)
    make_event(sections["events"]["ar"], days=-100)
    make_event(sections["events"]["ar"], days=20).unpublish()
    events = parse_ics(client.get("/ar/events/ical/").content.decode())
    assert len(events) == 2 and len({e["UID"] for e in events}) == 2


def test_fold_never_splits_a_character():
    line = "SUMMARY:" + "بلدية" * 40
    folded = ical.fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
