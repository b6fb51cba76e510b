"""The cooperation services an operator at the command line (user=None, the demo loader) calls: the same rules as
for editors and staff, except the permission and the nomination window; signed-in people still need their role."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from hub.cooperation import services
from hub.cooperation.models import AwardEdition, Nomination, ResponsibleBody
from projects_db.models import Project
from tests.cooperation.factories import AwardEditionFactory, BodyFactory
from tests.projects_db.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def _edition_data(year: int = 2031) -> dict:
    now = timezone.now()
    return {
        "year": year,
        "title_ar": "جائزة الاختبار",
        "title_en": "Test award",
        "call_ar": "رشّحوا خدماتكم.",
        "nominations_open": now,
        "nominations_close": now + datetime.timedelta(days=10),
        "jury_closes": now + datetime.timedelta(days=20),
        "results_date": (now + datetime.timedelta(days=30)).date(),
        "vote_opens": now,
        "vote_closes": now + datetime.timedelta(days=25),
    }


def test_an_operator_opens_an_edition_with_its_criteria_in_order_and_it_is_in_the_audit_log():
    edition = services.award_edition_create(
        user=None,
        data=_edition_data(),
        criteria=[
            {"name_ar": "الفائدة", "name_en": "Usefulness", "weight": 3},
            {"name_ar": "السهولة", "name_en": "Ease"},
        ],
    )
    assert list(edition.criteria.values_list("name_en", "weight", "sort_order")) == [
        ("Usefulness", 3, 0),
        ("Ease", 1, 1),
    ]
    assert ModelLogEntry.objects.filter(object_id=str(edition.pk), action="wagtail.create", user=None).exists()


def test_an_edition_without_criteria_or_by_a_member_is_refused_and_nothing_is_saved(member, editor):
    with pytest.raises(ValidationError):
        services.award_edition_create(user=editor, data=_edition_data(), criteria=[])
    with pytest.raises(PermissionDenied):
        services.award_edition_create(user=member, data=_edition_data(), criteria=[{"name_ar": "أ", "name_en": "A"}])
    assert not AwardEdition.objects.exists()


def test_responsible_bodies_by_an_operator_and_an_editor_but_not_by_a_member(member, editor):
    body = services.responsible_body_create(user=None, data={"slug": "molg", "name_ar": "الوزارة", "name_en": "MoLG"})
    services.responsible_body_update(user=editor, body=body, data={"name_en": "Ministry of Local Government"})
    with pytest.raises(PermissionDenied):
        services.responsible_body_update(user=member, body=body, data={"name_en": "Mine"})
    with pytest.raises(ValidationError):
        services.responsible_body_create(user=None, data={"slug": "x", "name_ar": "س", "name_en": "X", "colour": "red"})
    body.refresh_from_db()
    assert body.name_en == "Ministry of Local Government" and ResponsibleBody.objects.count() == 1
    actions = ModelLogEntry.objects.filter(object_id=str(body.pk)).order_by("pk")
    assert [(entry.action, entry.user_id) for entry in actions] == [
        ("wagtail.create", None),
        ("wagtail.edit", editor.pk),
    ]


def test_an_operator_nominates_outside_the_window_but_only_a_published_live_service_once(hebron, category):
    closed = AwardEditionFactory(
        year=2020, nominations_open=timezone.now() - datetime.timedelta(days=60), nominations_close=timezone.now()
    )
    draft = ProjectFactory(lead_municipality=hebron, category=category, state=Project.State.DRAFT, slug="draft-one")
    with pytest.raises(ValidationError):
        services.nomination_create(
            user=None, edition=closed, project=draft, what_it_does="x", users_count=1, what_changed="y"
        )
    live = ProjectFactory(lead_municipality=hebron, category=category, slug="live-one")
    nomination = services.nomination_create(
        user=None, edition=closed, project=live, what_it_does="x", users_count=1, what_changed="y"
    )
    assert (nomination.municipality_id, nomination.nominated_by_id) == (hebron.pk, None)
    with pytest.raises(ValidationError):
        services.nomination_create(
            user=None, edition=closed, project=live, what_it_does="x", users_count=1, what_changed="y"
        )
    assert Nomination.objects.count() == 1


def test_staff_still_cannot_nominate_once_the_window_has_closed(staff_hebron, hebron, category):
    closed = AwardEditionFactory(
        year=2021, nominations_open=timezone.now() - datetime.timedelta(days=60), nominations_close=timezone.now()
    )
    live = ProjectFactory(lead_municipality=hebron, category=category, slug="live-two")
    with pytest.raises(ValidationError):
        services.nomination_create(
            user=staff_hebron, edition=closed, project=live, what_it_does="x", users_count=1, what_changed="y"
        )
    assert not Nomination.objects.exists()


def test_the_demo_gives_a_renamed_body_its_name_back_once_then_writes_nothing():
    from hub.cooperation import demo

    BodyFactory(slug="molg", name_ar="قديم", name_en="Old")
    demo._recommendations()
    body = ResponsibleBody.objects.get(slug="molg")
    assert body.name_en == "Ministry of Local Government"
    assert ModelLogEntry.objects.filter(object_id=str(body.pk), action="wagtail.edit").count() == 1
    demo._recommendations()
    assert ModelLogEntry.objects.filter(object_id=str(body.pk), action="wagtail.edit").count() == 1
