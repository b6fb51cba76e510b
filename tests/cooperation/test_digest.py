"""The weekly digest: one mail grouped by what a user follows, newest first; nothing when nothing is new."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from hub.cooperation import services
from hub.cooperation.models import DigestState, Follow
from hub.cooperation.selectors import digest_unsubscribe_token
from hub.cooperation.tasks import send_weekly_digest
from tests.cooperation.factories import RecommendationFactory
from tests.projects_db.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_one_mail_grouped_by_what_is_followed_then_nothing_when_nothing_is_new(
    client, member, hebron, nablus, category
):
    recommendation = RecommendationFactory(title_en="Project database")
    services.follow_toggle(user=member, kind="municipality", target_id=hebron.pk)
    services.follow_toggle(user=member, kind="recommendation", target_id=recommendation.pk)
    ProjectFactory(
        title="Hebron older service",
        lead_municipality=hebron,
        category=category,
        published_at=timezone.now() - datetime.timedelta(days=2),
    )
    ProjectFactory(title="Hebron new service", lead_municipality=hebron, category=category)
    ProjectFactory(title="Nablus service", lead_municipality=nablus, category=category)  # not followed
    ProjectFactory(
        title="Too old",
        lead_municipality=hebron,
        category=category,
        published_at=timezone.now() - datetime.timedelta(days=30),
    )
    RecommendationFactory().updates.create(date=datetime.date(2026, 1, 1), text_ar="not followed", text_en="x")
    recommendation.updates.create(date=datetime.date(2026, 1, 2), text_ar="تقدّم", text_en="Progress made")

    assert send_weekly_digest.call() == 1
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert body.index("Hebron new service") < body.index("Hebron older service")  # newest first
    assert "Nablus service" not in body and "Too old" not in body and "not followed" not in body
    assert "/cooperation/unsubscribe/" in body

    assert send_weekly_digest.call() == 0  # nothing new: nothing sent
    assert len(mail.outbox) == 1


def test_nobody_following_anything_gets_no_mail(member, hebron, category):
    ProjectFactory(lead_municipality=hebron, category=category)
    assert send_weekly_digest.call() == 0
    assert mail.outbox == []


def test_unsubscribe_in_one_click_stops_the_digest(client, member, hebron, category):
    services.follow_toggle(user=member, kind="municipality", target_id=hebron.pk)
    ProjectFactory(lead_municipality=hebron, category=category)
    response = client.get(f"/en/cooperation/unsubscribe/{digest_unsubscribe_token(user=member)}/")
    assert response.status_code == 200
    assert DigestState.objects.get(user=member).unsubscribed
    assert send_weekly_digest.call() == 0
    assert client.get("/en/cooperation/unsubscribe/forged-token/").status_code == 404


def test_following_twice_unfollows_and_unknown_targets_are_refused(member, hebron):
    assert services.follow_toggle(user=member, kind="municipality", target_id=hebron.pk) is True
    assert services.follow_toggle(user=member, kind="municipality", target_id=hebron.pk) is False
    with pytest.raises(ValidationError):
        services.follow_toggle(user=member, kind="municipality", target_id=999999)
    with pytest.raises(ValidationError):
        services.follow_toggle(user=member, kind="planet", target_id=hebron.pk)
    assert not Follow.objects.exists()


def test_anonymous_follow_is_sent_to_sign_in(client, hebron):
    response = client.post("/en/cooperation/follow/", {"kind": "municipality", "target": hebron.pk})
    assert response.status_code == 302 and not Follow.objects.exists()
