"""axe-core in a real Chromium: no serious or critical violation on any kind of public page outside the forum, in
Arabic and English, at 1280 and 360 px, over the demo content. (The forum's pages are checked with the forum.)"""

import pytest

from tests.browser.axe import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "",
    "stories/",
    "stories/hebron-e-portal-launch/",
    "practices/",
    "practices/digital-transformation-plan/",
    "events/",
    "events/first-international-conference-e-municipalities-2012/",
    "news/",
    "news/knowledge-hub-launched/",
    "about/",
    "projects/",
    "projects/{project}/",
    "municipalities/",
    "municipalities/hebron/",
    "cooperation/award/",
    "cooperation/award/winners/",
    "cooperation/recommendations/",
    "cooperation/who-has-done-this/?q=payment",
    "cooperation/agreements/",
    "cooperation/agreements/{agreement}/",
    "cooperation/training/",
    "cooperation/training/{training}/",
    "statistics/",
    "statistics/municipalities-map/",
    "search/?q=portal",
    "accounts/login/",
    "accounts/signup/",
    "accounts/password/reset/",
    "no-such-page/",
]


@pytest.fixture
def demo_content(demo_database):
    """The whole demo (load_demo_data), a fresh copy of this worker's demo database (tests/conftest.py)."""


def test_no_public_page_has_a_serious_or_critical_axe_violation(browser, live_server, demo_content):
    from hub.cooperation.models import Agreement, TrainingProgramme
    from projects_db.selectors import published_projects

    project = published_projects().order_by("pk").first()
    agreement = Agreement.objects.order_by("pk").first()
    training = TrainingProgramme.objects.order_by("pk").first()
    found, checked, widths = [], 0, [1280, 360]
    context = browser.new_context(viewport={"width": widths[0], "height": 900})
    page = context.new_page()
    for language in ("ar", "en"):
        for path in PAGES:
            filled = path.format(project=project.slug, agreement=agreement.pk, training=training.slug)
            page.goto(f"{live_server.url}/{language}/{filled}")
            # Each page is loaded once and checked at both widths: at the width it was loaded at, then resized to
            # the other one (a phone turned, a window narrowed), which is where the next page loads. Half the pages
            # are loaded at each width.
            for width in widths:
                page.set_viewport_size({"width": width, "height": 900})
                found += [f"{width}px /{language}/{path}: {v}" for v in serious_violations(page)]
                checked += 1
            widths.reverse()
    context.close()
    print(f"axe: {checked} checks ({checked // 2} pages, each at 1280 and 360 px), {len(found)} serious or critical")
    assert found == []
