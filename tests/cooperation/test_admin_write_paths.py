"""Agreements and recommendations written in the Wagtail admin go through hub.cooperation.services: the rules are
checked there, each progress update is signed by the editor who wrote it, and the audit log and the public pages
agree with what the editor did. (Neither is a search source: their pages are the only place readers see them.)"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from hub.accounts.roles import MINISTRY_EDITORS
from hub.cooperation import services
from hub.cooperation.models import Agreement, Follow, ProgressUpdate, Recommendation
from tests.cooperation.factories import BodyFactory, RecommendationFactory
from tests.projects_db.factories import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ministry_editor(db):
    user = UserFactory(username="ministry-editor")
    user.groups.add(Group.objects.get(name=MINISTRY_EDITORS))  # rights from the migrations, as in production
    return user


@pytest.fixture
def editor_client(client, ministry_editor):
    client.force_login(ministry_editor)
    return client


@pytest.fixture
def karak(db):
    return MunicipalityFactory(slug="karak", name_en="Karak", name_ar="الكرك", is_partner=True)


def page_of(municipality) -> str:
    with translation.override("en"):
        return municipality.get_absolute_url()


def recommendations_page(client) -> str:
    with translation.override("en"):
        return client.get(reverse("cooperation:recommendations")).content.decode()


def agreement_form(*parties, title_en="Hebron–Karak twinning") -> dict:
    return {
        "kind": "twinning",
        "title_ar": "توأمة الخليل والكرك",
        "title_en": title_en,
        "signed_on": "2013-04-20",
        "parties": [party.pk for party in parties],
        "aims_ar": "",
        "aims_en": "Exchange experience",
    }


def test_an_agreement_with_one_party_is_refused_in_the_admin_in_the_editors_language(editor_client, hebron):
    response = editor_client.post("/admin/snippets/cooperation/agreement/add/", agreement_form(hebron))
    assert response.status_code == 200
    assert "تحتاج الاتفاقية إلى طرفين على الأقل." in response.content.decode()  # the admin speaks Arabic first
    assert not Agreement.objects.exists()


def test_an_agreement_added_in_the_admin_shows_on_both_pages_and_in_the_log(
    client, editor_client, ministry_editor, hebron, karak
):
    response = editor_client.post("/admin/snippets/cooperation/agreement/add/", agreement_form(hebron, karak))
    assert response.status_code == 302, response.content.decode()[:2000]
    agreement = Agreement.objects.get()
    assert ModelLogEntry.objects.for_instance(agreement).get(action="wagtail.create").user == ministry_editor
    for municipality in (hebron, karak):
        assert "Hebron–Karak twinning" in client.get(page_of(municipality)).content.decode()


def test_editing_an_agreement_in_the_admin_keeps_two_parties_and_updates_the_pages(
    client, editor_client, ministry_editor, hebron, karak
):
    agreement = services.agreement_create(
        user=ministry_editor, **agreement_form(hebron, karak) | {"parties": [hebron, karak]}
    )
    url = f"/admin/snippets/cooperation/agreement/edit/{agreement.pk}/"
    response = editor_client.post(url, agreement_form(karak, title_en="Karak alone"))
    assert response.status_code == 200
    agreement.refresh_from_db()
    assert agreement.title_en == "Hebron–Karak twinning" and agreement.parties.count() == 2
    response = editor_client.post(url, agreement_form(hebron, karak, title_en="Hebron–Karak partnership"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Hebron–Karak partnership" in client.get(page_of(hebron)).content.decode()
    assert ModelLogEntry.objects.for_instance(agreement).filter(action="wagtail.edit").count() == 1


def test_deleting_an_agreement_in_the_admin_removes_it_from_the_pages(
    client, editor_client, ministry_editor, hebron, karak
):
    agreement = services.agreement_create(
        user=ministry_editor, **agreement_form(hebron, karak) | {"parties": [hebron, karak]}
    )
    response = editor_client.post(f"/admin/snippets/cooperation/agreement/delete/{agreement.pk}/")
    assert response.status_code == 302
    assert not Agreement.objects.exists()
    assert "Hebron–Karak twinning" not in client.get(page_of(karak)).content.decode()
    assert ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(agreement.pk)).exists()


def recommendation_form(recommendation, *, updates: list[dict], initial: int = 0, **changes) -> dict:
    data = {
        "event": "",
        "number": recommendation.number,
        "slug": recommendation.slug,
        "title_ar": recommendation.title_ar,
        "title_en": recommendation.title_en,
        "text_ar": recommendation.text_ar,
        "text_en": recommendation.text_en,
        "body": recommendation.body_id,
        "status": recommendation.status,
        "updates-TOTAL_FORMS": len(updates),
        "updates-INITIAL_FORMS": initial,
        "updates-MIN_NUM_FORMS": 0,
        "updates-MAX_NUM_FORMS": 1000,
        **changes,
    }
    for i, update in enumerate(updates):
        for name, value in update.items():
            data[f"updates-{i}-{name}"] = value
    return data


def test_a_progress_update_added_in_the_admin_is_signed_by_the_editor_and_shown(client, editor_client, ministry_editor):
    recommendation = RecommendationFactory(title_en="Publish municipal budgets online")
    url = f"/admin/snippets/cooperation/recommendation/edit/{recommendation.pk}/"
    update = {"id": "", "date": "2026-05-01", "text_ar": "بدأ العمل", "text_en": "Work has started"}
    response = editor_client.post(url, recommendation_form(recommendation, updates=[update], status="in_progress"))
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = ProgressUpdate.objects.get()
    assert saved.author == ministry_editor and saved.recommendation == recommendation
    recommendation.refresh_from_db()
    assert recommendation.status == "in_progress"
    page = recommendations_page(client)
    assert "Work has started" in page and "In progress" in page
    entry = ModelLogEntry.objects.for_instance(recommendation).get(action="wagtail.edit")
    assert entry.user == ministry_editor and entry.data["updates_added"] == 1


def test_correcting_and_removing_progress_updates_in_the_admin(client, editor_client, ministry_editor):
    recommendation = RecommendationFactory()
    first = services.recommendation_add_update(
        user=ministry_editor, recommendation=recommendation, date="2026-01-01", text_ar="أولى", text_en="First note"
    )
    second = services.recommendation_add_update(
        user=ministry_editor, recommendation=recommendation, date="2026-02-01", text_ar="ثانية", text_en="Second note"
    )
    other_editor = UserFactory(username="other-editor", editor=True)
    client.force_login(other_editor)
    updates = [  # the inline panel lists the newest first
        {"id": second.pk, "date": "2026-02-01", "text_ar": "ثانية", "text_en": "Second note", "DELETE": "on"},
        {"id": first.pk, "date": "2026-01-01", "text_ar": "أولى", "text_en": "First note, corrected"},
    ]
    url = f"/admin/snippets/cooperation/recommendation/edit/{recommendation.pk}/"
    response = client.post(url, recommendation_form(recommendation, updates=updates, initial=2))
    assert response.status_code == 302, response.content.decode()[:3000]
    [kept] = ProgressUpdate.objects.all()
    assert kept.pk == first.pk and kept.text_en == "First note, corrected"
    assert kept.author == ministry_editor  # a correction keeps who wrote it
    page = recommendations_page(client)
    assert "First note, corrected" in page and "Second note" not in page


def test_a_recommendation_added_in_the_admin_signs_its_first_updates(editor_client, ministry_editor):
    body = BodyFactory()
    draft = Recommendation(number=7, slug="open-data", title_ar="بيانات مفتوحة", title_en="Open data", body=body)
    update = {"id": "", "date": "2026-03-01", "text_ar": "بدأ", "text_en": "Started"}
    response = editor_client.post(
        "/admin/snippets/cooperation/recommendation/add/", recommendation_form(draft, updates=[update], body=body.pk)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    recommendation = Recommendation.objects.get(slug="open-data")
    assert recommendation.updates.get().author == ministry_editor
    assert ModelLogEntry.objects.for_instance(recommendation).get(action="wagtail.create").user == ministry_editor


def test_deleting_a_recommendation_in_the_admin_removes_it_its_updates_and_its_follows(
    client, editor_client, ministry_editor, member
):
    recommendation = RecommendationFactory(title_en="Train municipal IT staff")
    services.recommendation_add_update(
        user=ministry_editor, recommendation=recommendation, date="2026-01-01", text_ar="x"
    )
    services.follow_toggle(user=member, kind="recommendation", target_id=recommendation.pk)
    response = editor_client.post(f"/admin/snippets/cooperation/recommendation/delete/{recommendation.pk}/")
    assert response.status_code == 302
    assert not Recommendation.objects.exists() and not ProgressUpdate.objects.exists()
    assert not Follow.objects.filter(kind="recommendation").exists()
    assert "Train municipal IT staff" not in recommendations_page(client)
    assert ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(recommendation.pk)).exists()
