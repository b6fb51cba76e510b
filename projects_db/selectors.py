"""Reads of projects_db, for its views and for other apps. Each returns rows with what its page shows joined in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from hub.accounts.roles import can_act_for_municipality, is_editor, staff_municipality_id
from hub.places import selectors as places
from hub.places.models import Municipality
from projects_db.models import Category, Organisation, Project, ProjectChange, ProjectOutcome, ProjectRevision

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from wagtail.documents.models import AbstractDocument  # Wagtail ships no types: Any to mypy

    from hub.accounts.models import User


def search_labels(*, facet: str, values: set[str], language: str) -> dict[str, str]:
    """Names in `language` of the municipalities, governorates or categories with these slugs (search facets)."""
    if facet in ("municipality", "governorate"):
        return places.names_by_slug(kind=facet, slugs=values, language=language)
    field = "name_en" if language == "en" else "name_ar"
    return dict(Category.objects.filter(slug__in=values).values_list("slug", field))


def category_choices(*, language: str) -> list[tuple[str, str]]:
    """(slug, name in `language`) of every project category, in their order: projects' and stories' filters."""
    field = "name_en" if language == "en" else "name_ar"
    return list(Category.objects.order_by("sort_order", "name_en").values_list("slug", field))


def category_by_slug(*, slug: str) -> Category | None:
    return Category.objects.filter(slug=slug).first()


def categories() -> QuerySet[Category]:
    return Category.objects.all()


# ---- projects ----


def published_projects() -> QuerySet[Project]:
    """Published projects with what a list row shows (municipality, governorate, category)."""
    return (
        Project.objects.published()
        .select_related("lead_municipality__governorate", "category")
        .annotate(has_outcomes=Exists(ProjectOutcome.objects.filter(project=OuterRef("pk"))))
    )


def project_detail_queryset() -> QuerySet[Project]:
    return Project.objects.select_related(
        "lead_municipality__governorate", "category", "based_on__lead_municipality"
    ).prefetch_related(
        "partner_municipalities",
        "funders",
        "vendors",
        "outcomes",
        "documents",
        "images",
        Prefetch(
            "reused_by",
            queryset=Project.objects.published().select_related("lead_municipality"),
            to_attr="published_reuses",
        ),
    )


def project_for_viewer(*, slug: str, user: User | AnonymousUser) -> Project | None:
    """The project page: the public sees only published projects; staff of its municipality and editors see all."""
    project = project_detail_queryset().filter(slug=slug).first()
    if project is None:
        return None
    if project.is_published or can_act_for_municipality(user, project.lead_municipality_id):
        return project
    return None


def project_for_editing(*, slug: str, user: User | AnonymousUser) -> Project | None:
    """A project the user may change (its municipality's staff, or an editor); None otherwise (answer 404)."""
    project = (
        Project.objects.select_related("lead_municipality", "category", "pending_revision").filter(slug=slug).first()
    )
    if project is None or not can_act_for_municipality(user, project.lead_municipality_id):
        return None
    return project


def user_can_edit(*, user: User | AnonymousUser, project: Project) -> bool:
    return can_act_for_municipality(user, project.lead_municipality_id)


def related_projects(*, project: Project, limit: int = 4) -> list[Project]:
    return list(
        published_projects()
        .filter(category_id=project.category_id)
        .exclude(pk=project.pk)
        .order_by("-published_at")[:limit]
    )


def projects_of_user(*, user: User | AnonymousUser) -> QuerySet[Project]:
    """The "my projects" list: every record of the user's municipality (editors: every record)."""
    queryset = Project.objects.select_related("lead_municipality", "category", "pending_revision").order_by(
        "-updated_at"
    )
    if is_editor(user):
        return queryset
    municipality_id = staff_municipality_id(user)
    if municipality_id is None:
        return queryset.none()
    return queryset.filter(lead_municipality_id=municipality_id)


def review_queue() -> dict[str, QuerySet]:
    """What editors must decide on: submissions, and pending changes of published projects."""
    return {
        "submissions": Project.objects.filter(state=Project.State.SUBMITTED)
        .select_related("lead_municipality", "category", "submitted_by")
        .order_by("updated_at"),
        "changes": ProjectRevision.objects.filter(state=ProjectRevision.State.PENDING)
        .select_related("project__lead_municipality", "author")
        .order_by("updated_at"),
    }


def review_queue_for(*, user: User | AnonymousUser, limit: int = 20) -> dict[str, tuple[int, list]]:
    """The dashboard's share of the review queue: {"submissions"|"changes": (how many, the `limit` oldest)}.

    Only editors decide on projects (projects_db.services._require_editor): anyone else gets nothing.
    """
    if not is_editor(user):
        return {}
    queue = review_queue()
    return {name: (queryset.count(), list(queryset[:limit])) for name, queryset in queue.items()}


def review_queue_count(*, user: User | AnonymousUser) -> int:
    """How many project decisions wait for `user` (the admin menu's count)."""
    if not is_editor(user):
        return 0
    return (
        Project.objects.filter(state=Project.State.SUBMITTED).count()
        + ProjectRevision.objects.filter(state=ProjectRevision.State.PENDING).count()
    )


def project_history(*, project: Project) -> QuerySet[ProjectChange]:
    return project.changes.select_related("user")


def project_years() -> list[int]:
    dates = Project.objects.published().exclude(start_date=None).dates("start_date", "year", order="DESC")
    return [d.year for d in dates]


# ---- directory facets ----


def facet_counts(*, queryset: QuerySet[Project], field: str) -> dict:
    """{value: number of projects} for one facet over `queryset` (one query)."""
    rows = queryset.order_by().values(field).annotate(n=Count("pk", distinct=True))
    return {row[field]: row["n"] for row in rows if row[field] is not None}


def filter_choices() -> dict[str, list]:
    """Every value a directory filter can take (one query each)."""
    return {
        "governorate": list(places.governorates()),
        "municipality": list(
            places.municipalities().filter(Q(projects__state=Project.State.PUBLISHED)).distinct().order_by("name_en")
        ),
        "category": list(Category.objects.all()),
        "funder": list(Organisation.objects.filter(funded_projects__state=Project.State.PUBLISHED).distinct()),
    }


# ---- municipalities ----


def municipality_directory(*, governorate_slug: str | None = None) -> QuerySet[Municipality]:
    """Every municipality with its governorate and its number of published projects."""
    queryset = places.municipalities().annotate(
        published_count=Count("projects", filter=Q(projects__state=Project.State.PUBLISHED), distinct=True)
    )
    if governorate_slug:
        queryset = queryset.filter(governorate__slug=governorate_slug)
    return queryset.order_by("name_en")


def municipality_page(*, slug: str) -> Municipality | None:
    return places.municipalities().annotate(staff_count=Count("staff", distinct=True)).filter(slug=slug).first()


def municipality_projects(*, municipality: Municipality) -> QuerySet[Project]:
    """Published projects it leads or takes part in."""
    return (
        published_projects()
        .filter(Q(lead_municipality=municipality) | Q(partner_municipalities=municipality))
        .distinct()
        .order_by("-published_at")
    )


def user_sees_portal_checks(user: User | AnonymousUser) -> bool:
    return is_editor(user)


def project_card(*, project_id: int) -> dict | None:
    """A published project as a small card for other apps (the forum shows it on a linked topic and starts its
    discussion in the forum of its category), or None."""
    project = (
        Project.objects.published()
        .select_related("lead_municipality", "category")
        .filter(pk=project_id)
        .only(
            "pk",
            "slug",
            "title",
            "summary",
            "lead_municipality__name_ar",
            "lead_municipality__name_en",
            "category__slug",
        )
        .first()
    )
    if project is None:
        return None
    return {
        "id": project.pk,
        "title": project.title,
        "url": project.get_absolute_url(),
        "municipality": project.lead_municipality.name if project.lead_municipality_id else "",
        "summary": project.summary,
        "category": project.category.slug,
    }


# Wagtail collection that documents uploaded with a project go into (projects_db/services.py, migration 0003).
PROJECT_DOCUMENTS_COLLECTION = "Project documents"


def documents_visible_to(
    *, queryset: QuerySet[AbstractDocument], user: User | AnonymousUser
) -> QuerySet[AbstractDocument]:
    """The Wagtail documents of `queryset` that `user` may see (serve view, admin chooser).

    A document attached to projects is seen by everyone only once one of them is published; until then only by
    editors and staff of a lead municipality of one of them. A document in the project documents collection that is
    attached to nothing yet (uploaded with a change that waits for review) is seen by editors and by staff of its
    uploader's municipality. Any other document is left to Wagtail (its collection privacy)."""
    if is_editor(user):
        return queryset
    links = Project.documents.through.objects
    restricted = Q(pk__in=links.values("document_id")) | Q(collection__name=PROJECT_DOCUMENTS_COLLECTION)
    visible = Q(pk__in=links.filter(project__state=Project.State.PUBLISHED).values("document_id"))
    municipality_id = staff_municipality_id(user)
    if municipality_id is not None:
        visible |= Q(pk__in=links.filter(project__lead_municipality_id=municipality_id).values("document_id"))
        visible |= Q(
            collection__name=PROJECT_DOCUMENTS_COLLECTION,
            uploaded_by_user__municipality_id=municipality_id,
        ) & ~Q(pk__in=links.values("document_id"))
    return queryset.exclude(restricted & ~visible)


def document_visible_to(*, document: AbstractDocument, user: User | AnonymousUser) -> bool:

    return documents_visible_to(queryset=type(document).objects.filter(pk=document.pk), user=user).exists()
