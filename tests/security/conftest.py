"""The demo site, a fresh copy of the worker's demo database for each module, and a signed-in test client for each
role of the matrix."""

import pytest

ROLES = ["anonymous", "member", "hebron", "nablus", "editor", "moderator", "admin"]


@pytest.fixture(scope="module")
def demo_site(demo_module):
    """The whole demo (load_demo_data), a fresh copy for the module (tests/conftest.py `demo_module`); every test's
    own transaction is rolled back inside it."""


@pytest.fixture
def clients(demo_site, db, django_user_model):
    """A test client per role, signed in as the demo account of that role (none for anonymous)."""
    from django.test import Client

    result = {}
    for role in ROLES:
        client = Client(raise_request_exception=False)
        if role != "anonymous":
            client.force_login(django_user_model.objects.get(username=role))
        result[role] = client
    return result
