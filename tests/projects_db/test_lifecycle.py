"""A project's life: draft, submitted, returned with a comment, resubmitted, published; changes wait for approval."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from projects_db import services
from projects_db.models import Project, ProjectChange
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_staff_create_submit_editor_return_resubmit_publish(committed, staff_hebron, editor, project_data):
    project = committed(services.project_create, user=staff_hebron, data=project_data)
    assert project.state == Project.State.DRAFT
    assert project.slug == "بوابة-الخليل-الإلكترونية"
    assert [o.value for o in project.outcomes.all()] == [34]

    committed(services.project_submit, project=project, user=staff_hebron)
    assert [m.to for m in mail.outbox] == [[editor.email]]

    committed(services.project_return, project=project, user=editor, comment="أضف الميزانية بالتفصيل")
    project.refresh_from_db()
    assert project.state == Project.State.RETURNED
    assert project.review_comment == "أضف الميزانية بالتفصيل"
    assert mail.outbox[-1].to == [staff_hebron.email]
    assert "أضف الميزانية بالتفصيل" in mail.outbox[-1].body

    committed(
        services.project_update, project=project, user=staff_hebron, data={**project_data, "summary": "ملخص مصحح"}
    )
    committed(services.project_submit, project=project, user=staff_hebron)
    committed(services.project_publish, project=project, user=editor)
    project.refresh_from_db()
    assert project.state == Project.State.PUBLISHED and project.published_at is not None
    actions = list(project.changes.order_by("id").values_list("action", flat=True))
    assert actions == ["created", "submitted", "returned", "edited", "submitted", "published"]


def test_returning_needs_a_comment(committed, staff_hebron, editor, project_data):
    project = committed(services.project_create, user=staff_hebron, data=project_data)
    committed(services.project_submit, project=project, user=staff_hebron)
    with pytest.raises(ValidationError):
        committed(services.project_return, project=project, user=editor, comment="   ")
    project.refresh_from_db()
    assert project.state == Project.State.SUBMITTED


def test_staff_cannot_publish_their_own_project(committed, staff_hebron, project_data):
    project = committed(services.project_create, user=staff_hebron, data=project_data)
    committed(services.project_submit, project=project, user=staff_hebron)
    with pytest.raises(PermissionDenied):
        committed(services.project_publish, project=project, user=staff_hebron)


def test_editing_a_published_project_waits_for_approval_and_the_public_keeps_the_old_version(
    committed, staff_hebron, editor, project_data
):
    project = committed(services.project_create, user=staff_hebron, data=project_data)
    committed(services.project_submit, project=project, user=staff_hebron)
    committed(services.project_publish, project=project, user=editor)

    committed(services.project_update, project=project, user=staff_hebron, data={**project_data, "title": "عنوان جديد"})
    project.refresh_from_db()
    assert project.title == "بوابة الخليل الإلكترونية"
    assert project.pending_revision.data["title"] == "عنوان جديد"
    assert SearchDocument.objects.get(source_id=str(project.pk), language="ar").title == "بوابة الخليل الإلكترونية"

    committed(services.project_approve_change, project=project, user=editor)
    project.refresh_from_db()
    assert project.title == "عنوان جديد"
    assert not hasattr(project, "pending_revision") or project.pending_revision is None
    assert SearchDocument.objects.get(source_id=str(project.pk), language="ar").title == "عنوان جديد"
    approved = project.changes.get(action=ProjectChange.Action.CHANGE_APPROVED)
    assert approved.diff["title"] == ["بوابة الخليل الإلكترونية", "عنوان جديد"]
    assert approved.user == editor


def test_editor_can_return_a_pending_change(committed, staff_hebron, editor, project_data):
    project = committed(services.project_create, user=staff_hebron, data=project_data)
    committed(services.project_submit, project=project, user=staff_hebron)
    committed(services.project_publish, project=project, user=editor)
    committed(services.project_update, project=project, user=staff_hebron, data={**project_data, "title": "عنوان آخر"})
    committed(services.project_return, project=project, user=editor, comment="لا")
    project.refresh_from_db()
    assert project.is_published and project.title == "بوابة الخليل الإلكترونية"
    assert project.pending_revision.state == "returned"


def test_only_published_projects_are_indexed_in_both_languages(committed, staff_hebron, editor, project_data):
    project = committed(services.project_create, user=staff_hebron, data=project_data)
    committed(services.project_submit, project=project, user=staff_hebron)
    assert not SearchDocument.objects.filter(source_type="project").exists()
    committed(services.project_publish, project=project, user=editor)
    docs = {d.language: d for d in SearchDocument.objects.filter(source_type="project", source_id=str(project.pk))}
    assert set(docs) == {"ar", "en"}
    assert docs["en"].title == "Hebron e-portal"
    assert docs["en"].url.startswith("/en/projects/")
    assert docs["ar"].municipality == "hebron" and docs["ar"].category == "e-payment"


def test_every_step_is_in_the_history_with_who_and_what(committed, staff_hebron, editor, project_data):
    project = committed(services.project_create, user=staff_hebron, data=project_data)
    committed(services.project_update, project=project, user=staff_hebron, data={**project_data, "budget_amount": 5})
    edited = project.changes.get(action="edited")
    assert edited.user == staff_hebron
    assert edited.diff == {"budget_amount": ["120000", "5"]}


def test_notification_task_sends_each_email_once(committed, staff_hebron, editor, project_data):
    from projects_db.tasks import notify_review

    project = committed(services.project_create, user=staff_hebron, data=project_data)
    committed(services.project_submit, project=project, user=staff_hebron)
    change = project.changes.get(action="submitted")
    assert len(mail.outbox) == 1
    notify_review.call(change_id=change.pk)
    assert len(mail.outbox) == 1
