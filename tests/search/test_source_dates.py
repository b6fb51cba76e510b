"""Each result carries its source's own date (a story's date, an event's start, a project's launch), not the
moment it was indexed, and the year facet lists those years."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from search import selectors, services
from tests.hub.factories import make_event, make_news, make_practice, make_story
from tests.projects_db.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def local_year(value) -> int:
    return timezone.localtime(value).year


def test_pages_are_dated_by_their_own_date(sections):
    make_story(sections["stories"]["ar"], title="قصة الجباية", date=datetime.date(2019, 3, 4))
    make_news(sections["news"]["ar"], title="خبر الجباية", date=datetime.date(2021, 1, 1))
    make_practice(sections["practices"]["ar"], title="دليل الجباية", revised=datetime.date(2020, 12, 31))
    start = timezone.make_aware(datetime.datetime(2018, 6, 10, 9, 30))
    make_event(sections["events"]["ar"], title="ندوة الجباية", start=start, end=start + datetime.timedelta(hours=2))

    results = selectors.search(text="الجباية", user=AnonymousUser())
    dates = {hit.source_type: timezone.localtime(hit.published_at) for hit in results.hits}
    assert dates["story"].date() == datetime.date(2019, 3, 4)
    assert dates["news"].date() == datetime.date(2021, 1, 1)  # midnight in the site's time zone: still 2021
    assert dates["practice"].date() == datetime.date(2020, 12, 31)
    assert dates["event"] == timezone.localtime(start)
    years = {value.value: value.count for value in results.facets["year"]}
    assert years == {"2021": 1, "2020": 1, "2019": 1, "2018": 1}


def project(**fields):
    instance = ProjectFactory(**fields)
    services.index_instance(source_type="project", instance=instance)
    return instance


def test_a_project_is_dated_by_its_launch_else_its_start():
    project(title="Online billing", start_date=datetime.date(2016, 2, 1), launch_date=datetime.date(2017, 9, 1))
    project(title="Billing archive", start_date=datetime.date(2015, 5, 5), launch_date=None)

    results = selectors.search(text="billing", user=AnonymousUser())
    dates = {hit.title: timezone.localtime(hit.published_at).date() for hit in results.hits}
    assert dates == {"Online billing": datetime.date(2017, 9, 1), "Billing archive": datetime.date(2015, 5, 5)}
    assert [value.value for value in results.facets["year"]] == ["2017", "2015"]


def test_a_project_without_dates_keeps_its_publication_date():
    published = timezone.make_aware(datetime.datetime(2023, 4, 2, 12, 0))
    project(title="Billing kiosk", start_date=None, launch_date=None, published_at=published)
    (hit,) = selectors.search(text="kiosk", user=AnonymousUser()).hits
    assert hit.published_at == published
