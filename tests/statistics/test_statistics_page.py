"""The statistics page: server-rendered SVG charts of the hub's own data, each with its data table, a CSV download
and a stable address, in both reading directions; its query count does not grow with the data."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import translation

from hub.cooperation.models import Nomination
from hub.statistics import selectors
from projects_db.models import Project
from tests.cooperation.factories import AwardEditionFactory
from tests.forum import factories as forum_factories
from tests.projects_db.factories import CategoryFactory, MunicipalityFactory, ProjectFactory

pytestmark = pytest.mark.django_db

CHARTS = (
    "projects-by-year",
    "projects-by-status",
    "projects-by-category",
    "adoption",
    "e-services-by-governorate",
    "award-participation",
    "forum-activity",
    "forum-solved",
    "municipalities-map",
)


def url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def e_payment(db):
    return CategoryFactory(slug="e-payment", name_en="E-payment", name_ar="الدفع الإلكتروني")


def add_projects(n: int, *, category, start_year: int = 2013) -> list[Project]:
    made = []
    for i in range(n):
        town = MunicipalityFactory(latitude="31.5", longitude=f"{35.0 + i / 10:.2f}")
        made.append(
            ProjectFactory(
                lead_municipality=town,
                category=category,
                status="live",
                start_date=datetime.date(start_year + i % 3, 1, 1),
                launch_date=datetime.date(start_year + i % 3, 6, 1),
            )
        )
    return made


@pytest.fixture
def data(e_payment):
    projects = add_projects(3, category=e_payment)
    ProjectFactory(category=e_payment, status="planned", start_date=datetime.date(2014, 1, 1))
    ProjectFactory(category=e_payment, state=Project.State.DRAFT, start_date=datetime.date(2015, 1, 1))  # not public
    edition = AwardEditionFactory(year=2026)
    Nomination.objects.create(
        edition=edition, municipality=projects[0].lead_municipality, project=projects[0], what_it_does="x",
        users_count=1, what_changed="y",
    )  # fmt: skip
    return projects


def test_the_page_draws_every_chart_with_its_table_csv_and_link_in_both_languages(client, data):
    for language in ("ar", "en"):
        response = client.get(url("statistics", language))
        assert response.status_code == 200
        page = response.content.decode()
        for slug in CHARTS:
            assert f'id="{slug}"' in page, slug
            assert url("statistics_csv", language, chart=slug) in page
            assert url("statistics_chart", language, chart=slug) in page
        assert page.count("<svg") == len(CHARTS) - 2  # the two forum charts have no data: they say so
        assert page.count("<table") == len(CHARTS)


def test_the_numbers_are_the_published_projects(client, data):
    chart = selectors.projects_by_year()
    assert [(bar.label, bar.value) for bar in chart.bars] == [("2013", 1), ("2014", 2), ("2015", 1)]  # no draft
    status = {bar.key: bar.value for bar in selectors.projects_by_status().bars}
    assert status["live"] == 3 and status["planned"] == 1
    adoption = selectors.adoption(category_slug="e-payment")
    cumulative = {bar.label: bar.value for bar in adoption.bars}
    assert cumulative["2013"] == 1 and cumulative["2015"] == 3 and cumulative[str(datetime.date.today().year)] == 3
    assert [bar.value for bar in selectors.award_participation().bars] == [1]


def test_the_csv_holds_the_table_in_the_readers_language(client, data):
    response = client.get(url("statistics_csv", "ar", chart="projects-by-year"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["السنة", "المشاريع"]
    assert rows[1:] == [["2013", "1"], ["2014", "2"], ["2015", "1"]]
    assert client.get(url("statistics_csv", "en", chart="no-such-chart")).status_code == 404


def test_a_chart_has_its_own_page_to_link_from_a_story(client, data):
    page = client.get(url("statistics_chart", "en", chart="projects-by-category")).content.decode()
    assert "Projects by category" in page and "E-payment" in page and "<svg" in page
    assert client.get(url("statistics_chart", "en", chart="no-such-chart")).status_code == 404


def test_bars_grow_away_from_the_labels_in_each_direction(client, data):
    def first_row(language):
        page = client.get(url("statistics_chart", language, chart="projects-by-year")).content.decode()
        label_x = float(re.search(r'<text x="([\d.]+)"[^>]*class="chart-label"', page).group(1))
        bar_x = float(re.search(r'<rect x="([\d.]+)"[^>]*class="chart-bar"', page).group(1))
        return label_x, bar_x

    label_x, bar_x = first_row("en")
    assert label_x < bar_x  # left to right: label, then the bar
    label_x, bar_x = first_row("ar")
    assert label_x > bar_x  # right to left: the label on the right, the bar to its left


def test_the_map_places_municipalities_by_their_coordinates_and_colours_them(client, e_payment):
    west = MunicipalityFactory(slug="west-town", latitude="31.5", longitude="35.0")
    east = MunicipalityFactory(slug="east-town", latitude="31.5", longitude="35.5")
    for _ in range(4):
        ProjectFactory(lead_municipality=east, category=e_payment, status="live")
    MunicipalityFactory(slug="nowhere")  # no coordinates: not drawn
    page = client.get(url("statistics_chart", "en", chart="municipalities-map")).content.decode()
    circles = re.findall(r'<a href="([^"]+)"[^>]*><circle cx="([\d.]+)"[^>]*class="map-point map-point--(\w+)"', page)
    by_url = {href: (float(x), level) for href, x, level in circles}
    with translation.override("en"):
        west_url, east_url = west.get_absolute_url(), east.get_absolute_url()
    assert by_url[west_url][0] < by_url[east_url][0]
    assert by_url[west_url][1] == "none" and by_url[east_url][1] == "high"
    assert len(circles) == 2


def test_forum_activity_and_solved_rate_come_from_the_public_forums(client):
    from forum import services as forum_services
    from forum.models import ForumKey

    forum_services.setup_forum()
    forum = ForumKey.objects.select_related("forum").get(key="e-payment").forum
    poster = forum_factories.make_member(username="poster")
    solved = forum_factories.make_topic(forum=forum, poster=poster, subject="Solved question")
    reply = forum_factories.make_reply(topic=solved, poster=poster)
    forum_factories.make_topic(forum=forum, poster=poster, subject="Open question")
    forum_factories.make_topic(forum=forum, poster=poster, subject="Waiting", approved=False)  # not counted
    forum_services.mark_solution(topic=solved, post=reply, user=poster)
    charts = {c.slug: c for c in selectors.forum_charts()}
    assert sum(bar.value for bar in charts["forum-activity"].bars) == 3
    assert [bar.value for bar in charts["forum-solved"].bars] == [1, 1]
    page = client.get(url("statistics_chart", "en", chart="forum-solved")).content.decode()
    assert "50% of 2 topics are solved." in page


def test_the_page_costs_the_same_queries_with_ten_times_the_data(client, e_payment, django_assert_num_queries):
    add_projects(2, category=e_payment)
    address = url("statistics", "en")
    client.get(address)
    with django_assert_num_queries(12) as first:  # 13 before the forum's readable forums cost one query less
        client.get(address)
    add_projects(20, category=e_payment, start_year=2016)
    for year in (2024, 2025):
        AwardEditionFactory(year=year)
    with django_assert_num_queries(len(first.captured_queries)):
        assert client.get(address).status_code == 200
