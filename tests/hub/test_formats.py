"""Dates, times, numbers and money read as each language writes them: Arabic dates in Arabic order (not "ديسمبر 1,
2026, 11:32 م"), and amounts grouped by thousands ("25,000 USD") in both languages."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from hub.templatetags.hub_tags import money, number
from tests.hub.factories import make_event
from tests.projects_db.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "budget", "start"),
    [("en", "25,000 USD", "1 March 2022"), ("ar", "25,000 USD", "1 مارس 2022")],
)
def test_a_project_shows_its_budget_grouped_and_its_dates_in_the_readers_order(client, language, budget, start):
    project = ProjectFactory(
        budget_amount=Decimal("25000"), budget_currency="USD", start_date=datetime.date(2022, 3, 1)
    )
    html = client.get(f"/{language}/projects/{project.slug}/").content.decode()
    assert f"<bdi>{budget}</bdi>" in html
    assert start in html
    assert "25000" not in html and "25.000" not in html


@pytest.mark.parametrize(("language", "expected"), [("en", "1 December 2026, 11:32"), ("ar", "1 ديسمبر 2026، 11:32")])
def test_an_events_date_and_time_read_in_the_language_of_the_page(client, sections, language, expected):
    start = datetime.datetime(2026, 12, 1, 11, 32, tzinfo=ZoneInfo("Asia/Hebron"))
    make_event(sections["events"]["ar"], slug="workshop", start=start, end=start + datetime.timedelta(hours=2))
    html = client.get(f"/{language}/events/workshop/").content.decode()
    assert expected in html
    assert "ديسمبر 1," not in html


def test_numbers_and_money_are_grouped_in_both_languages():
    for language in ("ar", "en"):
        with translation.override(language):
            assert money(Decimal("1250000"), "JOD") == "1,250,000 JOD"
            assert number(Decimal("1234.5")) == "1,234.50"
            assert number(61) == "61"
            assert money(None, "USD") == ""
