"""The read-only public JSON API (django-ninja): published projects, municipalities, categories. /api/v1/"""

import datetime
import functools
import logging
from decimal import Decimal
from typing import Any

from django.http import Http404, QueryDict
from ninja import Field, NinjaAPI, Query, Schema
from ninja.decorators import decorate_view
from ninja.pagination import PageNumberPagination, paginate

from hub.caching import cache_public
from projects_db import selectors
from projects_db.filters import YEAR_MAX, YEAR_MIN, ProjectFilter
from projects_db.models import Category


class HubNinjaAPI(NinjaAPI):
    def create_response(self, request, *args, **kwargs):
        # LocaleMiddleware turns any 404 on a path without a language prefix into a redirect to /ar/<path>/ as
        # soon as a prefixed pattern (Wagtail's catch-all) matches it; an API 404 must stay a JSON 404. Django's
        # middleware reads request.urlconf for that decision, so answer from a urlconf without i18n patterns.
        request.urlconf = "projects_db.api_root_urls"
        return super().create_response(request, *args, **kwargs)


logger = logging.getLogger(__name__)

api = HubNinjaAPI(
    title="e-Municipality Knowledge Hub API",
    version="1",
    description="Published e-municipality projects, municipalities and their portals, and project categories.",
    urls_namespace="api",
    docs_url="/docs",
)


class ErrorOut(Schema):
    """Every error of the API: a JSON object with a readable `detail`."""

    detail: str


class ValidationErrorOut(Schema):
    """A parameter out of its range or of the wrong type (422): one entry per problem, as pydantic reports it."""

    detail: list[dict[str, Any]]


def not_found(request, *args, **kwargs):
    """Addresses under /api/v1/ that name no endpoint."""
    return api.create_response(request, {"detail": "Not Found"}, status=404)


@api.exception_handler(Exception)
def unexpected_error(request, exc):
    """An error no other handler answers is still JSON (the traceback goes to the log, not to the client)."""
    logger.exception("API error on %s", request.get_full_path(), exc_info=exc)
    return api.create_response(request, {"detail": "Internal server error"}, status=500)


# What each kind of endpoint may answer besides its 200, declared in the OpenAPI document. 400: a NUL byte in the
# address (hub.middleware); 404: no such published object; 422: a parameter out of range or of the wrong type.
LIST_ERRORS = {400: ErrorOut, 422: ValidationErrorOut}
DETAIL_ERRORS = {400: ErrorOut, 404: ErrorOut}


# The largest page asked for: beyond it the SQL offset would not fit PostgreSQL's bigint; no list is that long.
MAX_PAGE = 1_000_000


class Pagination(PageNumberPagination):
    """?page=N&page_size=M (at most 100)."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1)

    def __init__(self, **kwargs):
        super().__init__(page_size=20, max_page_size=100, **kwargs)


class ProjectQuery(Schema):
    governorate: str | None = None
    municipality: str | None = None
    category: str | None = None
    status: str | None = None
    funder: str | None = None
    year: int | None = Field(None, ge=YEAR_MIN, le=YEAR_MAX)
    has_outcomes: bool | None = None
    sort: str | None = None


class OutcomeOut(Schema):
    label: str
    value: Decimal
    unit: str


class ProjectOut(Schema):
    slug: str
    title: str
    summary: str
    language: str
    municipality: str
    governorate: str
    category: str
    status: str
    start_date: datetime.date | None
    launch_date: datetime.date | None
    end_date: datetime.date | None
    budget_amount: Decimal | None
    budget_currency: str
    published_at: datetime.datetime | None
    updated_at: datetime.datetime
    url: str

    @staticmethod
    def resolve_municipality(obj) -> str:
        return obj.lead_municipality.slug

    @staticmethod
    def resolve_governorate(obj) -> str:
        return obj.lead_municipality.governorate.slug

    @staticmethod
    def resolve_category(obj) -> str:
        return obj.category.slug

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class ProjectDetailOut(ProjectOut):
    description: str
    title_translation: str
    summary_translation: str
    partner_municipalities: list[str]
    funders: list[str]
    vendors: list[str]
    maintenance: str
    technologies: list[str]
    licence: str
    live_url: str
    documentation_url: str
    source_url: str
    outcomes: list[OutcomeOut]
    lessons_learned: str
    obstacles: str
    based_on: str | None
    reused_by: list[str]

    @staticmethod
    def resolve_partner_municipalities(obj) -> list[str]:
        return [m.slug for m in obj.partner_municipalities.all()]

    @staticmethod
    def resolve_funders(obj) -> list[str]:
        return [o.slug for o in obj.funders.all()]

    @staticmethod
    def resolve_vendors(obj) -> list[str]:
        return [o.slug for o in obj.vendors.all()]

    @staticmethod
    def resolve_technologies(obj) -> list[str]:
        return obj.technology_list

    @staticmethod
    def resolve_outcomes(obj) -> list:
        return list(obj.outcomes.all())

    @staticmethod
    def resolve_based_on(obj) -> str | None:
        return obj.based_on.slug if obj.based_on and obj.based_on.is_published else None

    @staticmethod
    def resolve_reused_by(obj) -> list[str]:
        return [p.slug for p in obj.published_reuses]


class MunicipalityOut(Schema):
    slug: str
    name_ar: str
    name_en: str
    kind: str
    governorate: str
    portal_url: str
    published_projects: int
    url: str

    @staticmethod
    def resolve_governorate(obj) -> str:
        return obj.governorate.slug

    @staticmethod
    def resolve_published_projects(obj) -> int:
        return obj.published_count

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class CategoryOut(Schema):
    slug: str
    name_ar: str
    name_en: str


# Anonymous answers are cached (hub.caching), keyed on the parameters each operation reads.
PAGE_PARAMS = ("page", "page_size")
cached = functools.partial(cache_public, sections=("projects", "places"))


@api.get("/projects", response={200: list[ProjectOut], **LIST_ERRORS}, tags=["projects"])
@decorate_view(cached(params=(*ProjectQuery.model_fields, *PAGE_PARAMS)))
@paginate(Pagination)
def list_projects(request, filters: Query[ProjectQuery]):
    """Published projects, filtered like the directory (slugs for governorate, municipality, category, funder)."""
    params = QueryDict(mutable=True)
    for key, value in filters.dict(exclude_none=True).items():
        params[key] = str(value).lower() if isinstance(value, bool) else str(value)
    filterset = ProjectFilter(params, queryset=selectors.published_projects())
    return filterset.qs if filterset.is_valid() else filterset.queryset.none()


@api.get("/projects/{slug}", response={200: ProjectDetailOut, **DETAIL_ERRORS}, tags=["projects"])
@decorate_view(cached())
def get_project(request, slug: str):
    project = selectors.project_detail_queryset().published().filter(slug=slug).first()
    if project is None:
        raise Http404
    return project


@api.get("/municipalities", response={200: list[MunicipalityOut], **LIST_ERRORS}, tags=["municipalities"])
@decorate_view(cached(params=("governorate", *PAGE_PARAMS)))
@paginate(Pagination)
def list_municipalities(request, governorate: str | None = None):
    return selectors.municipality_directory(governorate_slug=governorate)


@api.get("/municipalities/{slug}", response={200: MunicipalityOut, **DETAIL_ERRORS}, tags=["municipalities"])
@decorate_view(cached())
def get_municipality(request, slug: str):
    municipality = selectors.municipality_directory().filter(slug=slug).first()
    if municipality is None:
        raise Http404
    return municipality


@api.get("/categories", response={200: list[CategoryOut], 400: ErrorOut}, tags=["categories"])
@decorate_view(cached())
def list_categories(request):
    return list(Category.objects.all())
