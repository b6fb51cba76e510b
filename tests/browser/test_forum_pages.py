"""The forum's pages in a real Chromium, in Arabic and English, at 1280 and 360 px: no serious or critical axe
violation, nothing wider than the screen (the forum's search bar included), and the post form's tabs are tabs."""

import pytest
from django.urls import reverse
from machina.core.db.models import get_model

from tests.browser.axe import serious_violations
from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TopicPoll = get_model("forum_polls", "TopicPoll")
TopicPollOption = get_model("forum_polls", "TopicPollOption")
TopicPollVote = get_model("forum_polls", "TopicPollVote")


@pytest.fixture
def forum_site(home_pages):
    """The forum tree, a member, and a solved topic with a poll that has votes (its results show to the public)."""
    from forum import services
    from tests.forum import factories

    forums = services.setup_forum()
    staff = factories.make_staff(username="staff-hebron")
    member = factories.make_member(username="member")
    topic = factories.make_topic(forum=forums["e-payment"], poster=staff, subject="أي بوابة دفع تستخدمون؟",
                                 content="نجهز لعطاء بوابة الدفع.")  # fmt: skip
    poll = services.poll_create(topic=topic, question="ما بوابة الدفع الرئيسية؟", options=["بوابة البنك", "محفظة"])
    services.poll_vote(poll=poll, user=member, options=["محفظة"])
    reply = factories.make_reply(topic=topic, poster=member, content="نحن على بوابة البنك مباشرة.")
    services.mark_solution(topic=topic, post=reply, user=staff)
    return {"forums": forums, "topic": topic, "member": member}


def _pages(forum_site):
    topic, forum = forum_site["topic"], forum_site["topic"].forum
    in_forum = {"forum_slug": forum.slug, "forum_pk": forum.pk}
    return {
        "index": reverse("forum:index"),
        "forum": reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk}),
        "topic": reverse("forum_conversation:topic", kwargs={**in_forum, "slug": topic.slug, "pk": topic.pk}),
        "new topic": reverse("forum_conversation:topic_create", kwargs=in_forum),
    }


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_forum_pages_have_no_serious_violation_and_fit_the_screen(page, live_server, forum_site, language, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server, forum_site["member"])
    found = {}
    for name, path in _pages(forum_site).items():
        page.goto(f"{live_server.url}/{language}{path.removeprefix('/ar')}")
        found[name] = serious_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        search = page.locator(".forum-bar__search").bounding_box()
        assert search["x"] >= 0 and search["x"] + search["width"] <= width, name
    assert {name: v for name, v in found.items() if v} == {}
    assert page.failed_requests == []


def test_the_public_sees_named_poll_bars(page, live_server, forum_site):
    page.goto(f"{live_server.url}{_pages(forum_site)['topic']}")
    bars = page.get_by_role("progressbar")
    assert bars.count() == 2
    assert page.get_by_role("progressbar", name="محفظة").get_attribute("aria-valuenow") == "100"
    assert serious_violations(page) == []


def test_the_new_topic_forms_tabs_show_one_section_at_a_time(page, live_server, forum_site):
    sign_in(page, live_server, forum_site["member"])
    page.goto(f"{live_server.url}/en{_pages(forum_site)['new topic'].removeprefix('/ar')}")
    options, poll = page.get_by_role("tab", name="Options"), page.get_by_role("tab", name="Poll")
    assert options.get_attribute("aria-selected") == "true"
    assert page.get_by_label("Attach a signature").is_visible()
    assert not page.get_by_label("Poll question").is_visible()
    poll.click()
    assert poll.get_attribute("aria-selected") == "true" and page.get_by_label("Poll question").is_visible()
    assert not page.get_by_label("Attach a signature").is_visible()
    poll.press("ArrowRight")  # to the next tab: Attachments
    assert page.get_by_role("tab", name="Attachments").get_attribute("aria-selected") == "true"
