"""Named places and people for projects_db tests: Hebron and Nablus, their staff, an editor, a visitor."""

import pytest

from tests.projects_db.factories import (
    CategoryFactory,
    GovernorateFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
)


@pytest.fixture
def hebron(db):
    return MunicipalityFactory(
        slug="hebron",
        name_en="Hebron",
        name_ar="الخليل",
        governorate=GovernorateFactory(slug="hebron-gov", name_en="Hebron", name_ar="الخليل"),
    )


@pytest.fixture
def nablus(db):
    return MunicipalityFactory(
        slug="nablus",
        name_en="Nablus",
        name_ar="نابلس",
        governorate=GovernorateFactory(slug="nablus-gov", name_en="Nablus", name_ar="نابلس"),
    )


@pytest.fixture
def category(db):
    return CategoryFactory(slug="e-payment", name_en="E-payment", name_ar="الدفع الإلكتروني")


@pytest.fixture
def funder(db):
    return OrganisationFactory(slug="giz", name_en="GIZ", name_ar="الوكالة الألمانية للتعاون الدولي")


@pytest.fixture
def staff_hebron(hebron):
    return UserFactory(username="staff-hebron", municipality=hebron)


@pytest.fixture
def staff_nablus(nablus):
    return UserFactory(username="staff-nablus", municipality=nablus)


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", editor=True)


@pytest.fixture
def member(db):
    """Signed in, but staff of no municipality."""
    return UserFactory(username="member")


@pytest.fixture
def project_data(hebron, category, funder):
    """What the staff form of Hebron sends for a new project, as service data."""
    import datetime
    from decimal import Decimal

    return {
        "title": "بوابة الخليل الإلكترونية",
        "summary": "دفع الفواتير وطلب الخدمات عبر الإنترنت.",
        "description": "<p>بوابة موحدة</p>",
        "language": "ar",
        "title_translation": "Hebron e-portal",
        "summary_translation": "Pay bills and request services online.",
        "lead_municipality": hebron,
        "partner_municipalities": [],
        "category": category,
        "status": "live",
        "start_date": datetime.date(2021, 1, 1),
        "launch_date": datetime.date(2022, 6, 1),
        "end_date": None,
        "budget_amount": Decimal("120000"),
        "budget_currency": "USD",
        "funders": [funder],
        "vendors": [],
        "maintenance": "in_house",
        "technologies": "Django, PostgreSQL",
        "licence": "",
        "live_url": "https://hebron.example.ps/",
        "documentation_url": "",
        "source_url": "",
        "lessons_learned": "ابدأ بخدمة واحدة.",
        "obstacles": "",
        "contact_name": "Contact",
        "contact_email": "it@hebron.example.ps",
        "contact_phone": "",
        "based_on": None,
        "outcomes": [{"label": "share of bills paid online", "value": Decimal("34"), "unit": "%"}],
    }


@pytest.fixture
def page_cache(settings):
    """The page cache on (the test settings turn it off), starting empty."""
    from django.core.cache import cache

    settings.HUB_PAGE_CACHE_SECONDS = 300
    cache.clear()


@pytest.fixture
def published(project_data, committed):
    """Hebron's e-portal, published through the import service with what it schedules after commit done."""
    from projects_db import services
    from projects_db.models import Project

    return committed(services.project_import, data=project_data, state=Project.State.PUBLISHED)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Call a service and run what it scheduled for after commit (e-mails), as a real commit would."""

    def call(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return call


@pytest.fixture
def form_data(hebron, category):
    """The fields the staff project form requires, valid, for Hebron's staff."""
    return {
        "title": "Hebron e-payment",
        "summary": "Pay bills online.",
        "language": "en",
        "lead_municipality": hebron.pk,
        "category": category.pk,
        "status": "live",
        "maintenance": "in_house",
    }
