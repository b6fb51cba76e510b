"""Fixtures for accounts tests. Rate-limit counters live in the cache, so each test starts with an empty one."""

import pytest
from django.core.cache import cache

from tests.accounts.factories import EditorFactory, MunicipalityFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hebron(db):
    return MunicipalityFactory(slug="hebron", name_ar="بلدية الخليل", name_en="Hebron Municipality")


@pytest.fixture
def nablus(db):
    return MunicipalityFactory(slug="nablus", name_ar="بلدية نابلس", name_en="Nablus Municipality")


@pytest.fixture
def member(db):
    return UserFactory(username="samir", display_name="Samir Odeh", email="samir@example.org")


@pytest.fixture
def editor(db):
    return EditorFactory(username="reem", display_name="Reem Khatib")
