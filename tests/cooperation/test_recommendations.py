"""The public follow-up page: progress per recommendation and overall, filters by status and body, updates."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from hub.cooperation import demo, services
from hub.cooperation.models import ProgressUpdate, Recommendation
from tests.cooperation.factories import BodyFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


def test_the_demo_holds_the_ten_recommendations_of_2012_in_both_languages():
    demo.load()
    demo.load()  # idempotent
    assert Recommendation.objects.count() == 10
    assert Recommendation.objects.filter(slug="project-database", title_en__icontains="database").exists()
    assert all(r.title_ar and r.title_en for r in Recommendation.objects.all())


def test_the_page_shows_progress_overall_and_filters_by_status_and_body(client):
    ministry = BodyFactory(slug="ministry", name_en="Ministry")
    union = BodyFactory(slug="union", name_en="Union")
    RecommendationFactory(title_en="Pass the e-signature law", body=ministry, status="done")
    RecommendationFactory(title_en="Open a forum", body=union, status="in_progress")
    with translation.override("en"):
        url = reverse("cooperation:recommendations")
    page = client.get(url).content.decode()
    assert "50% of 2 recommendations done." in page
    assert "Pass the e-signature law" in page and "Open a forum" in page
    done_only = client.get(url, {"status": "done"}).content.decode()
    assert "Pass the e-signature law" in done_only and "Open a forum" not in done_only
    union_only = client.get(url, {"body": "union"}).content.decode()
    assert "Open a forum" in union_only and "Pass the e-signature law" not in union_only
    # A status that does not exist is ignored, not an error.
    assert client.get(url, {"status": "nonsense"}).status_code == 200


def test_an_editor_adds_a_dated_update_that_moves_the_status(editor):
    recommendation = RecommendationFactory()
    services.recommendation_add_update(
        user=editor,
        recommendation=recommendation,
        date=datetime.date(2026, 5, 1),
        text_ar="بدأ العمل",
        status="in_progress",
    )
    recommendation.refresh_from_db()
    assert recommendation.status == "in_progress"
    assert recommendation.updates.get().date == datetime.date(2026, 5, 1)


def test_only_editors_add_updates(member):
    recommendation = RecommendationFactory()
    with pytest.raises(PermissionDenied):
        services.recommendation_add_update(
            user=member, recommendation=recommendation, date=datetime.date(2026, 5, 1), text_ar="x", status="done"
        )
    recommendation.refresh_from_db()
    assert recommendation.status == "not_started" and not ProgressUpdate.objects.exists()


def test_the_page_query_count_does_not_grow_with_recommendations(client, django_assert_max_num_queries):
    RecommendationFactory()
    url = reverse("cooperation:recommendations")
    client.get(url)
    with django_assert_max_num_queries(12) as first:
        client.get(url)
    for n in range(5):
        recommendation = RecommendationFactory()
        ProgressUpdate.objects.create(recommendation=recommendation, date=datetime.date(2020, 1, n + 1), text_ar="x")
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(url)
