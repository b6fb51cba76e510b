"""Award editions written in the Wagtail admin go through hub.cooperation.services, like the demo loader's: the
criteria of the inline panel are saved by the service, a criterion the jury has scored is not removed, and the audit
log and the award page agree with what the editor did."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from hub.accounts.roles import MINISTRY_EDITORS
from hub.cooperation.models import AwardCriterion, AwardEdition, JuryScore
from tests.cooperation.factories import AwardEditionFactory, CriterionFactory, NominationFactory
from tests.projects_db.factories import UserFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/cooperation/awardedition/"


@pytest.fixture
def ministry_editor(db):
    user = UserFactory(username="ministry-editor")
    user.groups.add(Group.objects.get(name=MINISTRY_EDITORS))  # rights from the migrations, as in production
    return user


@pytest.fixture
def editor_client(client, ministry_editor):
    client.force_login(ministry_editor)
    return client


def edition_form(year=2032, criteria=(), initial=0) -> dict:
    form = {
        "year": year,
        "title_ar": f"جائزة أفضل خدمة بلدية إلكترونية {year}",
        "title_en": f"Best municipal e-service award {year}",
        "call_ar": "رشّحوا خدماتكم.",
        "call_en": "Nominate your services.",
        "nominations_open": f"{year}-01-01 00:00",
        "nominations_close": f"{year}-02-01 00:00",
        "jury_closes": f"{year}-03-01 00:00",
        "results_date": f"{year}-03-15",
        "vote_opens": f"{year}-01-15 00:00",
        "vote_closes": f"{year}-02-15 00:00",
        "score_max": 10,
        "criteria-TOTAL_FORMS": len(criteria),
        "criteria-INITIAL_FORMS": initial,
        "criteria-MIN_NUM_FORMS": 1,
        "criteria-MAX_NUM_FORMS": 1000,
    }
    for i, criterion in enumerate(criteria):
        for name, value in criterion.items():
            form[f"criteria-{i}-{name}"] = value
    return form


def criterion(name_en, weight=1, sort_order=0, pk="", delete=False) -> dict:
    row = {"id": pk, "name_ar": f"معيار {name_en}", "name_en": name_en, "weight": weight, "sort_order": sort_order}
    return row | ({"DELETE": "on"} if delete else {})


def test_an_edition_added_in_the_admin_has_its_criteria_and_is_in_the_log(client, editor_client, ministry_editor):
    form = edition_form(criteria=[criterion("Usefulness", weight=3), criterion("Ease of use", sort_order=1)])
    response = editor_client.post(f"{ADMIN}add/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    edition = AwardEdition.objects.get()
    assert list(edition.criteria.values_list("name_en", "weight")) == [("Usefulness", 3), ("Ease of use", 1)]
    assert ModelLogEntry.objects.for_instance(edition).get(action="wagtail.create").user == ministry_editor
    assert "جائزة أفضل خدمة بلدية إلكترونية 2032" in client.get(edition.get_absolute_url()).content.decode()


def test_editing_an_edition_renames_adds_and_removes_criteria_and_logs_it(editor_client, ministry_editor):
    edition = AwardEditionFactory(year=2033)
    kept = CriterionFactory(edition=edition, name_en="Usefulness", weight=3, sort_order=0)
    dropped = CriterionFactory(edition=edition, name_en="Reach", sort_order=1)
    rows = [
        criterion("Usefulness to citizens", weight=3, pk=kept.pk),
        criterion("Reach", sort_order=1, pk=dropped.pk, delete=True),
        criterion("Reusability", sort_order=2),
    ]
    response = editor_client.post(f"{ADMIN}edit/{edition.pk}/", edition_form(year=2033, criteria=rows, initial=2))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(edition.criteria.values_list("name_en", flat=True)) == ["Usefulness to citizens", "Reusability"]
    entry = ModelLogEntry.objects.for_instance(edition).get(action="wagtail.edit")
    assert entry.user == ministry_editor
    assert (entry.data["criteria_added"], entry.data["criteria_changed"], entry.data["criteria_removed"]) == (1, 1, 1)


def test_a_criterion_the_jury_has_scored_is_not_removed_and_the_editor_is_told_why(editor_client):
    edition = AwardEditionFactory(year=2034)
    first = CriterionFactory(edition=edition, name_en="Usefulness", sort_order=0)
    scored = CriterionFactory(edition=edition, name_en="Reach", sort_order=1)
    nomination = NominationFactory(edition=edition)
    JuryScore.objects.create(nomination=nomination, criterion=scored, juror=UserFactory(), value=7)
    rows = [criterion("Usefulness", pk=first.pk), criterion("Reach", sort_order=1, pk=scored.pk, delete=True)]
    response = editor_client.post(f"{ADMIN}edit/{edition.pk}/", edition_form(year=2034, criteria=rows, initial=2))
    assert response.status_code == 200
    assert "لقد قيّمت لجنة التحكيم هذا المعيار" in response.content.decode()
    assert AwardCriterion.objects.filter(pk=scored.pk).exists() and JuryScore.objects.exists()
    assert not ModelLogEntry.objects.filter(action="wagtail.edit").exists()


def test_an_edition_deleted_in_the_admin_is_in_the_log(editor_client, ministry_editor):
    edition = AwardEditionFactory(year=2035)
    CriterionFactory(edition=edition)
    response = editor_client.post(f"{ADMIN}delete/{edition.pk}/")
    assert response.status_code == 302
    assert not AwardEdition.objects.exists()
    assert ModelLogEntry.objects.get(action="wagtail.delete").user == ministry_editor
