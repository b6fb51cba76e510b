"""Writes of projects_db: every change of a project goes through one of these functions.

Forms, the Wagtail admin (create, copy, edit, delete, bulk delete), the import command and the demo loader call
them, so that permissions, the review workflow, the history (ProjectChange, and Wagtail's audit log for what
outlives a row), search indexing and the invalidation of cached pages happen once. The API only reads. Each
function runs in one transaction and calls `search.services.index_instance` inside it; e-mails go out through a
background task after commit. The same holds for categories and organisations (below).

`data` is a dict of field values as a form's cleaned_data gives them: model instances for foreign keys, lists of
instances for many-to-many fields, and `outcomes` as a list of {"label", "value", "unit"}.
"""

from __future__ import annotations

import copy
import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hub.accounts.roles import can_act_for_municipality, is_editor
from hub.text import clean_rich_text
from projects_db import fields
from projects_db.models import (
    Category,
    Organisation,
    Project,
    ProjectChange,
    ProjectOutcome,
    ProjectRevision,
)
from projects_db.signals import category_renamed

if TYPE_CHECKING:
    from wagtail.models import Collection  # Wagtail ships no types: Any to mypy

    from hub.accounts.models import User


# Derived from the one declaration of a project's fields (projects_db.fields).
SCALAR_FIELDS = fields.SCALAR_FIELDS
FK_FIELDS: dict[str, Any] = {name: Project._meta.get_field(name).related_model for name in fields.FOREIGN_KEYS}
M2M_FIELDS = {
    **{name: Project._meta.get_field(name).related_model for name in fields.MANY_TO_MANY},
    "documents": None,  # resolved lazily: the configured Wagtail document and image models
    "images": None,
}
DATE_FIELDS = set(fields.DATES)


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
        data["description"] = clean_rich_text(data["description"])
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


AUDIT_ACTION_PREFIX = "projects."  # Wagtail audit log actions: "projects." + ProjectChange.Action value


def _log(*, project: Project, user, action: str, diff: dict | None = None, comment: str = "") -> ProjectChange:
    """Record one step in the project's history (ProjectChange, the source the project page shows) and, from the
    same values, in Wagtail's audit log, so the admin's history and "Site history" report show it too."""
    from wagtail.log_actions import log

    actor = user if getattr(user, "is_authenticated", False) else None
    change = ProjectChange.objects.create(project=project, user=actor, action=action, diff=diff or {}, comment=comment)
    log(
        project,
        AUDIT_ACTION_PREFIX + action,
        user=actor,
        data={"change_id": change.pk, "comment": comment, "fields": sorted(change.diff)},
        content_changed=bool(change.diff),
    )
    # Signed-in readers' cached pages show drafts, proposed changes and the history: any step makes them stale.
    _invalidate_pages()
    return change


def _index(project: Project) -> None:
    from search.services import index_instance

    index_instance(source_type="project", instance=project)
    if project.is_published:
        _invalidate_pages()


def _invalidate_pages() -> None:
    """Cached pages that show projects (the directory and its facets, project and municipality pages, the
    API, the feed, the home page) go stale after commit."""
    from hub.caching import bump_on_commit

    bump_on_commit("projects")


def _audit(instance, *, user, action: str, **kwargs) -> None:
    """A line in Wagtail's audit log (the snippet's History tab, and the site history report)."""
    from wagtail.log_actions import log

    log(instance=instance, action=action, user=user if getattr(user, "is_authenticated", False) else None, **kwargs)


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
def project_submit(*, project: Project, user: User | None) -> Project:
    """Staff send a draft (or a returned record) to the editors. `user` None is an operator at the command line
    (the demo loader): no permission is checked and the step names nobody."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if user is not None:
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


@transaction.atomic
def project_delete(*, project: Project, user: User) -> None:
    """An administrator deletes a project: its search documents and cached pages go with it.

    Its history (ProjectChange rows) goes with the row, so the audit log keeps the deletion with that history.
    A project nominated for the award cannot be deleted (the nomination protects it).
    """
    if not user.has_perm("projects_db.delete_project"):
        raise PermissionDenied(_("You may not delete projects."))
    project = Project.objects.select_for_update().get(pk=project.pk)
    project_id, was_published = project.pk, project.is_published
    history = [
        [change.created_at.isoformat(), change.action, change.user.get_username() if change.user else ""]
        for change in project.changes.select_related("user").order_by("created_at", "id")
    ]
    _audit(project, user=user, action="wagtail.delete", deleted=True, data={"slug": project.slug, "history": history})
    try:
        with transaction.atomic():
            project.delete()
    except ProtectedError:
        raise ValidationError(_("This project cannot be deleted: an award nomination refers to it.")) from None
    from search.services import unindex

    unindex(source_type="project", source_id=project_id)
    if was_published:
        _invalidate_pages()


# ---- categories and organisations (lists editors manage in the Wagtail admin) ----

CATEGORY_FIELDS = ("name_ar", "name_en", "slug", "sort_order")
ORGANISATION_FIELDS = ("name_ar", "name_en", "slug", "kind", "website")


def _require_permission(user, codename: str) -> None:
    """`user` None is an operator at the command line (the demo loader); anyone else needs the model permission."""
    if user is not None and not user.has_perm(f"projects_db.{codename}"):
        raise PermissionDenied(_("You may not change this list."))


def _save_listed(instance, *, data: dict, fields: tuple[str, ...]) -> dict:
    """Apply `data`, validate, save; return the changed fields as {name: [old, new]}."""
    diff = {}
    for name in fields:
        if name in data and getattr(instance, name) != data[name]:
            diff[name] = [getattr(instance, name), data[name]]
            setattr(instance, name, data[name])
    instance.full_clean()
    instance.save()
    return diff


def _reindex_projects(queryset) -> int:
    """Rewrite the search documents of the published projects of `queryset` (they carry a name that just changed);
    return how many."""
    from search.services import index_instance

    count = 0
    for project in queryset.published().select_related("lead_municipality__governorate", "category"):
        index_instance(source_type="project", instance=project)
        count += 1
    return count


@transaction.atomic
def category_create(*, user: User | None, data: dict) -> Category:
    """A new project category."""
    _require_permission(user, "add_category")
    category = Category()
    _save_listed(category, data=data, fields=CATEGORY_FIELDS)
    _audit(category, user=user, action="wagtail.create", content_changed=True)
    _invalidate_pages()  # the directory's category facet and the API's categories list it
    return category


@transaction.atomic
def category_update(*, user: User | None, category: Category, data: dict) -> Category:
    """Rename or reorder a category; the search documents of its published projects (and, through the
    category_renamed signal, of the stories in it) show the new name."""
    _require_permission(user, "change_category")
    category = Category.objects.select_for_update().get(pk=category.pk)
    diff = _save_listed(category, data=data, fields=CATEGORY_FIELDS)
    _audit(category, user=user, action="wagtail.edit", content_changed=bool(diff), data={"changed": diff})
    if diff.keys() & {"name_ar", "name_en", "slug"}:
        _reindex_projects(Project.objects.filter(category=category))
        category_renamed.send(sender=Category, category=category)
        _invalidate_pages()
    return category


@transaction.atomic
def category_delete(*, user: User | None, category: Category) -> None:
    """Delete a category no project uses."""
    _require_permission(user, "delete_category")
    category = Category.objects.select_for_update().get(pk=category.pk)
    if Project.objects.filter(category=category).exists():
        raise ValidationError(_("This category still has projects: move them to another category first."))
    _audit(category, user=user, action="wagtail.delete", deleted=True)
    try:
        with transaction.atomic():
            category.delete()
    except ProtectedError:  # success stories use it
        raise ValidationError(_("This category is used by success stories: change their category first.")) from None
    _invalidate_pages()


@transaction.atomic
def organisation_create(*, user: User | None, data: dict) -> Organisation:
    """A new funder, partner or vendor."""
    _require_permission(user, "add_organisation")
    organisation = Organisation()
    _save_listed(organisation, data=data, fields=ORGANISATION_FIELDS)
    _audit(organisation, user=user, action="wagtail.create", content_changed=True)
    _invalidate_pages()  # the directory's funder facet lists every organisation
    return organisation


@transaction.atomic
def organisation_update(*, user: User | None, organisation: Organisation, data: dict) -> Organisation:
    """Rename an organisation: project pages read its name live; search documents do not carry it."""
    _require_permission(user, "change_organisation")
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    diff = _save_listed(organisation, data=data, fields=ORGANISATION_FIELDS)
    _audit(organisation, user=user, action="wagtail.edit", content_changed=bool(diff), data={"changed": diff})
    if diff:
        _invalidate_pages()
    return organisation


@transaction.atomic
def organisation_delete(*, user: User | None, organisation: Organisation) -> None:
    """Delete an organisation: it disappears from the funders and vendors of the projects that named it."""
    _require_permission(user, "delete_organisation")
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    _audit(organisation, user=user, action="wagtail.delete", deleted=True)
    organisation.delete()
    _invalidate_pages()


# ---- places shown on projects ----


def projects_reindex_for_place(*, municipality_id: int | None = None, governorate_id: int | None = None) -> int:
    """Rewrite the search documents of the published projects led in a renamed municipality or governorate.

    Called (through hub.places.signals) inside the transaction of the rename, so documents and names agree.
    """
    if municipality_id is not None:
        projects = Project.objects.filter(lead_municipality_id=municipality_id)
    elif governorate_id is not None:
        projects = Project.objects.filter(lead_municipality__governorate_id=governorate_id)
    else:
        return 0
    count = _reindex_projects(projects)
    if count:
        _invalidate_pages()
    return count
