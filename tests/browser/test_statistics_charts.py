"""In a real Chromium with JavaScript off: the statistics charts are drawn, Arabic labels sit on the reading side of
their bars (never over them), and a 360 px phone does not scroll sideways, in both languages."""

import datetime

import pytest

from tests.projects_db.factories import CategoryFactory, MunicipalityFactory, ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def projects(db):
    category = CategoryFactory(slug="e-payment", name_en="E-payment", name_ar="الدفع الإلكتروني")
    for i in range(3):
        town = MunicipalityFactory(latitude="31.5", longitude=f"35.{i}")
        ProjectFactory(lead_municipality=town, category=category, start_date=datetime.date(2013 + i, 1, 1))


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_phone_reader_sees_the_charts_without_javascript(browser, live_server, home_pages, projects, language):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/statistics/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    chart = page.locator("#projects-by-year svg")
    assert chart.is_visible() and chart.bounding_box()["width"] > 250
    label = page.locator("#projects-by-year .chart-label").first.bounding_box()
    bar = page.locator("#projects-by-year .chart-bar").first.bounding_box()
    if language == "ar":
        assert label["x"] >= bar["x"] + bar["width"]  # the label on the right of its bar, not over it
    else:
        assert label["x"] + label["width"] <= bar["x"]
    assert page.locator("#municipalities-map circle").count() == 3
    context.close()
