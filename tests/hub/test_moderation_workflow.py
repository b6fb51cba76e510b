"""Municipal staff draft stories about their own municipality; ministry editors approve and publish them."""

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from hub.accounts import roles
from hub.models import PracticePage, StoryPage
from tests.hub.factories import CategoryFactory, MunicipalityFactory, UserFactory, make_image, make_story

pytestmark = pytest.mark.django_db


def story_form(*, title, slug, municipality, image, action="action-submit"):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "municipality": municipality.pk,
            "category": CategoryFactory(slug="e-permits", name_en="E-permits", name_ar="الرخص الإلكترونية").pk,
            "date": "2024-05-01",
            "summary": "رخص البناء صارت إلكترونية",
            "lead_image": image.pk,
            "lead_image_alt": "مهندس أمام الشاشة",
            "body": streamfield([("heading", "العنوان"), ("paragraph", rich_text("<p>فقرة</p>"))]),
            "outcomes": streamfield([]),
            "contact_email": "",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


@pytest.fixture
def hebron():
    return MunicipalityFactory(slug="hebron", name_en="Hebron", name_ar="الخليل")


@pytest.fixture
def staff(workflow, hebron):
    return UserFactory(username="staffer", municipality=hebron, groups=[roles.MUNICIPAL_STAFF])


@pytest.fixture
def editor(workflow):
    return UserFactory(username="editor", groups=[roles.MINISTRY_EDITORS])


def test_staff_draft_goes_through_moderation_and_an_editor_publishes_it(client, sections, staff, editor, hebron):
    index = sections["stories"]["ar"]
    client.force_login(staff)
    add_url = reverse("wagtailadmin_pages:add", args=("hub", "storypage", index.pk))
    assert client.get(add_url).status_code == 200
    response = client.post(
        add_url,
        story_form(title="رخص البناء في الخليل", slug="hebron-permits", municipality=hebron, image=make_image()),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    story = StoryPage.objects.get(slug="hebron-permits")
    assert not story.live and story.owner == staff
    workflow_state = story.current_workflow_state
    assert workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # The public cannot see the draft, nor its preview.
    client.logout()
    assert client.get("/ar/stories/hebron-permits/").status_code == 404
    assert "رخص البناء في الخليل" not in client.get("/ar/stories/").content.decode()
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=(story.pk,)))
    assert preview.status_code == 302 and "/admin/login/" in preview["Location"]

    # The editor approves: the story goes live and readers find it on the index and the home page.
    client.force_login(editor)
    task_state = TaskState.objects.get(workflow_state=workflow_state, status=TaskState.STATUS_IN_PROGRESS)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(story.pk, "approve", task_state.pk)), {"comment": ""}
    )
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live
    client.logout()
    assert "رخص البناء في الخليل" in client.get("/ar/stories/").content.decode()
    assert "رخص البناء في الخليل" in client.get("/ar/").content.decode()


def test_staff_cannot_write_about_another_municipality(client, sections, staff):
    other = MunicipalityFactory(slug="nablus", name_en="Nablus", name_ar="نابلس")
    client.force_login(staff)
    add_url = reverse("wagtailadmin_pages:add", args=("hub", "storypage", sections["stories"]["ar"].pk))
    response = client.post(add_url, story_form(title="قصة", slug="other", municipality=other, image=make_image()))
    assert response.status_code == 200
    assert not StoryPage.objects.filter(slug="other").exists()
    assert "municipality" in response.context["form"].errors  # the choice is narrowed to their own municipality


def test_staff_cannot_open_another_municipalitys_story(client, sections, staff):
    other_story = make_story(sections["stories"]["ar"], municipality=MunicipalityFactory(slug="jenin"))
    client.force_login(staff)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(other_story.pk,)))
    assert response.status_code in (302, 403)
    assert "/edit/" not in response.get("Location", "")


def test_staff_cannot_publish_directly(client, sections, staff, hebron):
    client.force_login(staff)
    add_url = reverse("wagtailadmin_pages:add", args=("hub", "storypage", sections["stories"]["ar"].pk))
    client.post(
        add_url,
        story_form(title="نشر مباشر", slug="direct", municipality=hebron, image=make_image(), action="action-publish"),
    )
    assert not Page.objects.filter(slug="direct", live=True).exists()


def test_a_signed_in_member_without_a_municipality_cannot_start_a_story(client, sections, workflow):
    member = UserFactory(username="member", groups=[roles.MUNICIPAL_STAFF])
    client.force_login(member)
    add_url = reverse("wagtailadmin_pages:add", args=("hub", "storypage", sections["stories"]["ar"].pk))
    assert client.get(add_url).status_code in (302, 403)


def test_editors_publish_practices_directly(client, sections, editor):
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=("hub", "practicepage", sections["practices"]["ar"].pk))
    data = nested_form_data(
        {
            "title": "أمن المعلومات",
            "slug": "security",
            "summary": "قائمة تحقق",
            "audience": "it-staff",
            "revised": "2025-01-01",
            "body": streamfield([]),
            "attachments": streamfield([]),
            "related_project_slugs": "",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )
    data["action-publish"] = "1"
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PracticePage.objects.get(slug="security").live


def test_the_workflow_setup_is_idempotent(sections):
    from hub import services

    first = services.cms_ensure_workflow()
    second = services.cms_ensure_workflow()
    assert first.pk == second.pk
    assert list(first.tasks.values_list("name", flat=True)) == [services.STORY_TASK_NAME]


def test_an_editor_creates_the_english_translation_of_a_story(client, sections, editor):
    from wagtail.models import Locale

    story = make_story(sections["stories"]["ar"], slug="to-translate", title="قصة للترجمة")
    client.force_login(editor)
    en = Locale.objects.get(language_code="en")
    response = client.post(
        reverse("simple_translation:submit_page_translation", args=(story.pk,)), {"locales": [en.pk]}
    )
    assert response.status_code == 302
    translation = story.get_translation(en)
    assert translation.get_parent().pk == sections["stories"]["en"].pk
    assert not translation.live  # a draft for the editor to rewrite and publish
    # Until then, English readers get the Arabic page with the note.
    html = client.get("/en/stories/to-translate/").content.decode()
    assert "قصة للترجمة" in html and "This page has not been translated into your language yet" in html
