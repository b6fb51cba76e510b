"""iCalendar (RFC 5545) for events, written by hand: CRLF line ends, escaped text, lines folded at 75 octets."""

from __future__ import annotations

import datetime

from django.utils import timezone

PRODID = "-//e-Municipality Knowledge Hub//Events//AR-EN"


def escape(text: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11)."""
    return (
        (text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets, never splitting a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with a space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event, *, request=None) -> list[str]:
    url = event.get_full_url(request)
    location = ", ".join(p for p in (event.venue, event.online_url) if p)
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.translation_key}-{event.locale.language_code}@emunicipality-hub",
        f"DTSTAMP:{_utc(event.last_published_at or timezone.now())}",
        f"DTSTART:{_utc(event.start)}",
        f"DTEND:{_utc(event.end)}",
        f"SUMMARY:{escape(event.title)}",
        f"DESCRIPTION:{escape(event.summary)}",
    ]
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    if url:
        lines.append(f"URL:{url}")
    if event.organisers:
        lines.append(f"X-ORGANISERS:{escape(event.organisers)}")
    lines.append("END:VEVENT")
    return lines


def calendar(events, *, request=None) -> str:
    """A VCALENDAR with one VEVENT per event (times in UTC, so no VTIMEZONE is needed)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for event in events:
        lines.extend(event_lines(event, request=request))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
