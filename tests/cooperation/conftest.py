"""Cooperation fixtures: an open award edition with weighted criteria, jurors, verified voters."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from hub.accounts.roles import AWARD_JURY
from tests.cooperation.factories import AwardEditionFactory, CriterionFactory
from tests.projects_db.conftest import (  # noqa: F401  (named places and people shared with projects_db)
    category,
    editor,
    funder,
    hebron,
    member,
    nablus,
    staff_hebron,
    staff_nablus,
)
from tests.projects_db.factories import ProjectFactory, UserFactory


@pytest.fixture
def edition(db):
    edition = AwardEditionFactory(year=2026)
    CriterionFactory(edition=edition, name_en="Usefulness to citizens", weight=3, sort_order=0)
    CriterionFactory(edition=edition, name_en="Ease of use", weight=1, sort_order=1)
    return edition


@pytest.fixture
def hebron_service(hebron, category):  # noqa: F811
    return ProjectFactory(
        title="Hebron e-payment", slug="hebron-e-payment", lead_municipality=hebron, category=category
    )


@pytest.fixture
def nablus_service(nablus, category):  # noqa: F811
    return ProjectFactory(
        title="Nablus e-payment", slug="nablus-e-payment", lead_municipality=nablus, category=category
    )


def make_juror(username: str):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get_or_create(name=AWARD_JURY)[0])
    return user


@pytest.fixture
def jurors(db):
    return [make_juror("juror-1"), make_juror("juror-2")]


def make_verified(username: str):
    from allauth.account.models import EmailAddress

    user = UserFactory(username=username)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def voter(db):
    return make_verified("voter")


def move_to(edition, phase: str) -> None:
    """Shift an edition's dates so that `phase` ("nominations", "jury", "closed") is now."""
    now = timezone.now()
    day = datetime.timedelta(days=1)
    if phase == "jury":
        edition.nominations_open, edition.nominations_close, edition.jury_closes = now - 20 * day, now - day, now + day
    elif phase == "closed":
        edition.nominations_open, edition.nominations_close, edition.jury_closes = (
            now - 20 * day,
            now - 10 * day,
            now - day,
        )
    edition.save()


@pytest.fixture(autouse=True)
def english_messages():
    """Service messages are checked in English, whatever language an earlier test left active."""
    from django.utils import translation

    with translation.override("en"):
        yield
