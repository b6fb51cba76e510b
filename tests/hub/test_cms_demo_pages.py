"""The hub's demo pages (load_demo_data's hub step): the 2012 conference and Hebron's portal story are among them,
every section has its pages in Arabic (and some in English), and loading them twice changes nothing. In a module of
their own: its module-scoped demo must not lie under the other CMS tests."""

import pytest

from hub.models import EventPage, NewsPage, PracticePage, StandardPage, StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def hub_demo(module_transaction, django_db_blocker):
    """The hub's demo pages (`hub.demo.load`, load_demo_data's hub step), loaded once for the module inside its
    transaction (tests/conftest.py, `module_transaction`)."""
    from django.conf import settings
    from django.utils import translation

    from hub import demo

    assert module_transaction, "this module has no transactional test"
    with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE):
        demo.load()


def test_the_2012_conference_and_hebron_portal_story_are_demo_content(hub_demo, client, db):
    html = client.get("/ar/events/first-international-conference-e-municipalities-2012/").content.decode()
    assert "المؤتمر الدولي الأول للبلديات الإلكترونية" in html
    assert "التوصيات" in html or "Recommendations" in html
    html = client.get("/en/stories/hebron-e-portal-launch/").content.decode()
    assert "Hebron launches its e-portal" in html


def test_demo_content_is_complete_and_loading_twice_changes_nothing(hub_demo, db):
    from hub import demo

    counts = {model: model.objects.count() for model in (StoryPage, PracticePage, EventPage, NewsPage, StandardPage)}
    demo.load()
    assert counts == {model: model.objects.count() for model in counts}
    ar = {model: model.objects.filter(locale__language_code="ar").count() for model in counts}
    assert ar[StoryPage] >= 8 and ar[PracticePage] >= 5 and ar[EventPage] >= 4 and ar[NewsPage] >= 1
    assert StoryPage.objects.filter(locale__language_code="en").exists()
