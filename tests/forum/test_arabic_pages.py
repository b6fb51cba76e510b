"""Every kind of forum page and form, as the public, a member, verified staff and a moderator see it on /ar/, is in
Arabic: no string of machina's (its templates, forms, messages; taken from its catalogue) is left in English. The
project's own strings are checked by `manage.py messages check` (tests/hub); machina's only show when rendered."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import machina
import polib
import pytest
from django.urls import reverse
from machina.core.db.models import get_model

from tests.forum import factories
from tests.forum.conftest import form_data
from tests.forum.pages_in_arabic import build

pytestmark = pytest.mark.django_db
TopicPollOption = get_model("forum_polls", "TopicPollOption")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\}")


def machina_phrases() -> list[tuple[str, re.Pattern]]:
    """machina's msgids (and plurals) as the text a reader sees (tags dropped, placeholders as wildcards), for those
    with an English word of three letters or more."""
    catalogue = Path(machina.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"
    phrases = []
    for entry in polib.pofile(str(catalogue)):
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", msgid)).split())
            if not re.search(r"[A-Za-z]{3}", PLACEHOLDER.sub("", text)):
                continue
            parts = [re.escape(part) for part in PLACEHOLDER.split(text)]
            pattern = r"\s*.+?\s*".join(parts).replace(r"\ ", r"\s+")
            phrases.append((msgid, re.compile(rf"(?<![A-Za-z]){pattern}(?![A-Za-z])")))
    return phrases


class _Text(HTMLParser):
    """The text a reader meets: text nodes, and the attributes read out or shown (placeholders, labels, buttons)."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        for name in ("placeholder", "title", "aria-label", "alt"):
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(" ".join(data.split()))


def english_left(page: str, phrases) -> list[str]:
    parser = _Text()
    parser.feed(page)
    text = "\n".join(parser.parts)
    return sorted({msgid for msgid, pattern in phrases if pattern.search(text)})


def test_every_forum_page_and_form_is_in_arabic(client, forums, settings):
    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0
    phrases = machina_phrases()
    users, pages, extra = build(forums)
    found = {}
    for role, name, url in pages:
        client.logout()
        if users[role]:
            client.force_login(users[role])
        response = client.get(url)
        assert response.status_code == 200, (role, name, response.status_code)
        found[f"{role}: {name}"] = english_left(response.content.decode(), phrases)
    # forms sent back with errors, a preview, and the poll's results after a vote
    topic, poll = extra["topic"], extra["poll"]
    client.force_login(users["member"])
    create = reverse(
        "forum_conversation:topic_create", kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id}
    )
    data = form_data(subject="", content="", poll_question="سؤال", poll_max_options="5")
    data.update({"poll-TOTAL_FORMS": "1", "poll-0-text": "خيار"})
    found["member: new topic with errors"] = english_left(client.post(create).content.decode(), phrases)
    found["member: poll with errors"] = english_left(client.post(create, data).content.decode(), phrases)
    preview = client.post(create, form_data(subject="عنوان", content="نص", preview="1")).content.decode()
    found["member: preview"] = english_left(preview, phrases)
    client.post(reverse("forum_conversation:topic_poll_vote", kwargs={"pk": poll.pk}),
                {"options": [TopicPollOption.objects.filter(poll=poll).first().pk]})  # fmt: skip
    topic_url = reverse("forum_conversation:topic", kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id,
                                                            "slug": topic.slug, "pk": topic.pk})  # fmt: skip
    found["member: poll results"] = english_left(client.get(topic_url).content.decode(), phrases)
    assert {page: left for page, left in found.items() if left} == {}


def test_last_post_is_spelt_right(client, forums, staff):
    factories.make_topic(forum=forums["gis"], poster=staff)
    page = client.get(reverse("forum:index")).content.decode()
    assert "آخر مشاركة" in page and "أخر منشور" not in page


def test_the_check_finds_machinas_english(client, forums):
    """The check above can fail: on /en/, machina's strings are found."""
    phrases = machina_phrases()
    build(forums)
    page = client.get("/en" + reverse("forum:index").removeprefix("/ar")).content.decode()
    assert "Last post" in english_left(page, phrases)
