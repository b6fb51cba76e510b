"""Writes of projects_db: every change of a project goes through one of these functions.

Forms, the Wagtail admin, the import command and the API call them, so that permissions, the review workflow,
the history (ProjectChange) and search indexing happen once. Each function runs in one transaction and calls
`search.services.index_instance` inside it; e-mails go out through a background task after commit.

`data` is a dict of field values as a form's cleaned_data gives them: model instances for foreign keys, lists of
instances for many-to-many fields, and `outcomes` as a list of {"label", "value", "unit"}.
"""

from __future__ import annotations

import copy
import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import nh3
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hub.accounts.roles import can_act_for_municipality, is_editor
from projects_db.models import (
    Category,
    Municipality,
    Organisation,
    Project,
    ProjectChange,
    ProjectOutcome,
    ProjectRevision,
)

if TYPE_CHECKING:
    from wagtail.models import Collection  # Wagtail ships no types: Any to mypy

    from hub.accounts.models import User

SCALAR_FIELDS = [
    "title",
    "summary",
    "description",
    "language",
    "title_translation",
    "summary_translation",
    "status",
    "start_date",
    "launch_date",
    "end_date",
    "budget_amount",
    "budget_currency",
    "maintenance",
    "technologies",
    "licence",
    "live_url",
    "documentation_url",
    "source_url",
    "lessons_learned",
    "obstacles",
    "contact_name",
    "contact_email",
    "contact_phone",
]
FK_FIELDS: dict[str, type[Municipality | Category | Project]] = {
    "lead_municipality": Municipality,
    "category": Category,
    "based_on": Project,
}
M2M_FIELDS = {
    "partner_municipalities": Municipality,
    "funders": Organisation,
    "vendors": Organisation,
    "documents": None,  # resolved lazily: the configured Wagtail document and image models
    "images": None,
}
DATE_FIELDS = {"start_date", "launch_date", "end_date"}
RICH_TEXT_TAGS = {"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "h2", "h3", "h4", "a", "blockquote"}


# ---- serialising a project's editable values (for pending changes and history) ----


def _m2m_model(name: str):
    if name == "documents":
        from wagtail.documents import get_document_model

        return get_document_model()
    if name == "images":
        from wagtail.images import get_image_model

        return get_image_model()
    return M2M_FIELDS[name]


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 120000.00 and 120000 are the same amount
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def data_to_json(data: dict) -> dict:
    """Cleaned-data values as JSON: instances become ids, decimals and dates strings."""
    out: dict[str, Any] = {}
    for name in SCALAR_FIELDS:
        if name in data:
            value = data[name]
            if name == "budget_amount" and value is not None and value != "":
                value = Decimal(str(value))
            out[name] = _json_value(value)
    for name in FK_FIELDS:
        if name in data:
            out[name] = data[name].pk if data[name] is not None else None
    for name in M2M_FIELDS:
        if name in data:
            out[name] = sorted(obj.pk for obj in data[name])
    if "outcomes" in data:
        out["outcomes"] = [
            {"label": o["label"], "value": _json_value(Decimal(str(o["value"]))), "unit": o.get("unit", "")}
            for o in data["outcomes"]
        ]
    return out


def json_to_data(values: dict) -> dict:
    """The reverse of data_to_json: ids become instances again (a vanished id is dropped)."""
    data: dict[str, Any] = {}
    for name in SCALAR_FIELDS:
        if name in values:
            value = values[name]
            if name in DATE_FIELDS and value:
                value = datetime.date.fromisoformat(value)
            elif name == "budget_amount" and value is not None:
                value = Decimal(value)
            data[name] = value
    for name, model in FK_FIELDS.items():
        if name in values:
            data[name] = model.objects.filter(pk=values[name]).first() if values[name] else None
    for name in M2M_FIELDS:
        if name in values:
            data[name] = list(_m2m_model(name).objects.filter(pk__in=values[name]))
    if "outcomes" in values:
        data["outcomes"] = [dict(o, value=Decimal(o["value"])) for o in values["outcomes"]]
    return data


def project_current_json(project: Project) -> dict:
    """The editable values of a saved project, in the JSON shape of data_to_json."""
    out = {name: _json_value(getattr(project, name)) for name in SCALAR_FIELDS}
    for name in FK_FIELDS:
        out[name] = getattr(project, f"{name}_id")
    for name in M2M_FIELDS:
        out[name] = sorted(obj.pk for obj in getattr(project, name).all())
    out["outcomes"] = [
        {"label": o.label, "value": _json_value(o.value), "unit": o.unit} for o in project.outcomes.all()
    ]
    return out


def _diff(old: dict, new: dict) -> dict:
    return {name: [old.get(name), value] for name, value in new.items() if old.get(name) != value}


# ---- validation and saving ----


def _clean_text(data: dict) -> dict:
    """Rich text keeps a few safe tags; everything else is stored as typed and escaped when shown."""
    data = dict(data)
    if data.get("description"):
        data["description"] = nh3.clean(
            data["description"],
            tags=RICH_TEXT_TAGS,
            attributes={"a": {"href", "linktype", "id"}},
            url_schemes={"http", "https", "mailto"},
        )
    return data


def _assign(project: Project, data: dict) -> None:
    for name in SCALAR_FIELDS:
        if name in data:
            value = data[name]
            if value is None and name not in DATE_FIELDS and name != "budget_amount":
                value = ""
            setattr(project, name, value)
    for name in FK_FIELDS:
        if name in data:
            setattr(project, name, data[name])


def _validate(project: Project, data: dict) -> None:
    """full_clean the project with `data` applied (without saving) and check the outcomes."""
    candidate = copy.copy(project)
    _assign(candidate, data)
    exclude = ["slug"] if not candidate.slug else []
    candidate.full_clean(exclude=exclude, validate_unique=bool(candidate.slug))
    value_field = ProjectOutcome._meta.get_field("value")
    for outcome in data.get("outcomes", []):
        if not str(outcome.get("label", "")).strip():
            raise ValidationError({"outcomes": _("Every key figure needs a label.")})
        # Whoever calls (form, import, admin), a value the column cannot hold is an error, never a database error.
        try:
            value_field.run_validators(value_field.to_python(outcome.get("value")))
        except ValidationError as error:
            raise ValidationError({"outcomes": error.messages}) from None


def project_documents_collection() -> Collection:
    """The Wagtail collection of documents uploaded with projects (made on first use if a test flushed it)."""
    from wagtail.models import Collection

    from projects_db.selectors import PROJECT_DOCUMENTS_COLLECTION

    collection = Collection.objects.filter(name=PROJECT_DOCUMENTS_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=PROJECT_DOCUMENTS_COLLECTION)
    return collection


def _store_uploads(data: dict, user) -> dict:
    """Uploaded files (already checked by projects_db.uploads) become Wagtail documents and images."""
    data = dict(data)
    upload = data.pop("new_document", None)
    if upload:
        from wagtail.documents import get_document_model

        document = get_document_model()(
            title=upload.name[:255], file=upload, uploaded_by_user=user, collection=project_documents_collection()
        )
        document.save()
        data["documents"] = [*data.get("documents", []), document]
    upload = data.pop("new_image", None)
    if upload:
        from wagtail.images import get_image_model

        image = get_image_model()(title=upload.name[:255], file=upload, uploaded_by_user=user)
        image.save()
        data["images"] = [*data.get("images", []), image]
    return data


def _save(project: Project, data: dict) -> None:
    _assign(project, data)
    project.full_clean(exclude=["slug"] if not project.slug else None)
    project.save()
    for name in M2M_FIELDS:
        if name in data:
            getattr(project, name).set(data[name])
    if "outcomes" in data:
        project.outcomes.all().delete()
        project.outcomes.bulk_create(
            [
                project.outcomes.model(
                    project=project, label=o["label"], value=o["value"], unit=o.get("unit", "") or "", sort_order=i
                )
                for i, o in enumerate(data["outcomes"])
            ]
        )


def validate_project_data(*, data: dict) -> None:
    """Raise ValidationError if `data` would not make a valid new project (nothing is written)."""
    _validate(Project(), _clean_text(data))


def unique_project_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """A slug from the title (Arabic letters kept); a taken slug gets -2, -3, ..."""
    base = slugify(title, allow_unicode=True)[:200].strip("-") or "project"
    taken = set(Project.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True))  # type: ignore[misc]  # pk=None: no exclusion
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _require(user, project_or_municipality_id) -> None:
    municipality_id = (
        project_or_municipality_id.lead_municipality_id
        if isinstance(project_or_municipality_id, Project)
        else project_or_municipality_id
    )
    if not can_act_for_municipality(user, municipality_id):
        raise PermissionDenied(_("You may not change this municipality's projects."))


def _log(*, project: Project, user, action: str, diff: dict | None = None, comment: str = "") -> ProjectChange:
    return ProjectChange.objects.create(
        project=project,
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        diff=diff or {},
        comment=comment,
    )


def _index(project: Project) -> None:
    from search.services import index_instance

    index_instance(source_type="project", instance=project)


def _notify(change: ProjectChange) -> None:
    from projects_db.tasks import notify_review

    transaction.on_commit(lambda: notify_review.enqueue(change_id=change.pk))


# ---- the workflow ----


@transaction.atomic
def project_create(*, user: User, data: dict, action: str = ProjectChange.Action.CREATED) -> Project:
    """A new draft of the user's municipality (editors: any municipality)."""
    lead = data.get("lead_municipality")
    _require(user, lead.pk if lead else None)
    data = _clean_text(data)
    project = Project(owner=user if getattr(user, "is_authenticated", False) else None)
    _validate(project, data)
    data = _store_uploads(data, user)
    project.slug = unique_project_slug(data["title"])
    _save(project, data)
    _log(project=project, user=user, action=action, diff=_diff({}, data_to_json(data)))
    _index(project)
    return project


@transaction.atomic
def project_update(*, project: Project, user: User, data: dict) -> Project:
    """Edit a project. A published project edited by staff keeps its live values: the edit waits for an editor."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    _require(user, project)
    if "lead_municipality" in data and data["lead_municipality"] is not None:
        _require(user, data["lead_municipality"].pk)
    data = _clean_text(data)
    _validate(project, data)
    if "documents" not in data and (data.get("new_document") or data.get("new_image")):
        data["documents"] = list(project.documents.all())
        data["images"] = list(project.images.all())
    data = _store_uploads(data, user)
    old = project_current_json(project)
    new = data_to_json(data)
    if project.is_published and not is_editor(user):
        ProjectRevision.objects.update_or_create(
            project=project,
            defaults={"data": new, "state": ProjectRevision.State.PENDING, "review_comment": "", "author": user},
        )
        change = _log(project=project, user=user, action=ProjectChange.Action.CHANGE_PROPOSED, diff=_diff(old, new))
        _notify(change)
        return project
    _save(project, data)
    _log(project=project, user=user, action=ProjectChange.Action.EDITED, diff=_diff(old, new))
    _index(project)
    return project


@transaction.atomic
def project_submit(*, project: Project, user: User) -> Project:
    """Staff send a draft (or a returned record) to the editors."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    _require(user, project)
    if project.state not in (Project.State.DRAFT, Project.State.RETURNED):
        raise ValidationError(_("Only a draft or a returned project can be submitted."))
    project.state = Project.State.SUBMITTED
    project.submitted_by = user
    project.save(update_fields=["state", "submitted_by", "updated_at"])
    change = _log(project=project, user=user, action=ProjectChange.Action.SUBMITTED)
    _index(project)
    _notify(change)
    return project


def _require_editor(user) -> None:
    if not is_editor(user):
        raise PermissionDenied(_("Only editors review projects."))


@transaction.atomic
def project_publish(*, project: Project, user: User) -> Project:
    """An editor publishes a project (normally a submitted one)."""
    _require_editor(user)
    project = Project.objects.select_for_update().get(pk=project.pk)
    if project.is_published:
        raise ValidationError(_("This project is already published."))
    project.state = Project.State.PUBLISHED
    project.review_comment = ""
    project.published_at = project.published_at or timezone.now()
    project.save(update_fields=["state", "review_comment", "published_at", "updated_at"])
    change = _log(project=project, user=user, action=ProjectChange.Action.PUBLISHED)
    _index(project)
    _notify(change)
    return project


@transaction.atomic
def project_return(*, project: Project, user: User, comment: str) -> Project:
    """An editor sends a submission (or a pending change) back to its municipality, saying why."""
    _require_editor(user)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Say what needs to change.")})
    project = Project.objects.select_for_update().get(pk=project.pk)
    revision = ProjectRevision.objects.filter(project=project, state=ProjectRevision.State.PENDING).first()
    if project.state == Project.State.SUBMITTED:
        project.state = Project.State.RETURNED
        project.review_comment = comment
        project.save(update_fields=["state", "review_comment", "updated_at"])
        action = ProjectChange.Action.RETURNED
    elif revision is not None:
        revision.state = ProjectRevision.State.RETURNED
        revision.review_comment = comment
        revision.save(update_fields=["state", "review_comment", "updated_at"])
        action = ProjectChange.Action.CHANGE_RETURNED
    else:
        raise ValidationError(_("There is nothing waiting for review on this project."))
    change = _log(project=project, user=user, action=action, comment=comment)
    _index(project)
    _notify(change)
    return project


@transaction.atomic
def project_approve_change(*, project: Project, user: User) -> Project:
    """An editor applies the pending change of a published project; the public sees it from now on."""
    _require_editor(user)
    project = Project.objects.select_for_update().get(pk=project.pk)
    revision = ProjectRevision.objects.filter(project=project, state=ProjectRevision.State.PENDING).first()
    if revision is None:
        raise ValidationError(_("There is no pending change to approve."))
    data = json_to_data(revision.data)
    old = project_current_json(project)
    _validate(project, data)
    _save(project, data)
    revision.delete()
    change = _log(
        project=project, user=user, action=ProjectChange.Action.CHANGE_APPROVED, diff=_diff(old, data_to_json(data))
    )
    _index(project)
    _notify(change)
    return project


def project_edit_values(project: Project) -> dict:
    """What a staff member edits: the pending change if there is one, otherwise the live values."""
    revision = getattr(project, "pending_revision", None) if project.is_published else None
    if revision is not None:
        return json_to_data(revision.data)
    return json_to_data(project_current_json(project))


@transaction.atomic
def project_import(
    *,
    data: dict,
    state: str = Project.State.PUBLISHED,
    user: User | None = None,
    published_at: datetime.datetime | None = None,
    slug: str = "",
) -> Project:
    """A project brought in by an operator (import_projects, demo data): validated like any other, then logged."""
    if user is not None:
        _require(user, data["lead_municipality"].pk)
    data = _clean_text(data)
    project = Project(owner=None, state=state)
    _validate(project, data)
    data = _store_uploads(data, user)
    project.slug = slug or unique_project_slug(data["title"])
    if state == Project.State.PUBLISHED:
        project.published_at = published_at or timezone.now()
    _save(project, data)
    _log(project=project, user=user, action=ProjectChange.Action.IMPORTED, diff=_diff({}, data_to_json(data)))
    _index(project)
    return project


# ---- municipalities ----


@transaction.atomic
def municipality_record_portal_check(*, municipality_id: int, ok: bool, status: str) -> None:
    """Store the result of one portal check (see the check_portals command)."""
    Municipality.objects.filter(pk=municipality_id).update(
        portal_ok=ok, portal_status=status[:200], portal_checked_at=timezone.now()
    )
