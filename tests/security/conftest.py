"""The demo site, loaded once per module inside a transaction that is rolled back at the end of the module, and a
signed-in test client for each role of the matrix."""

import io
import os

import pytest
from django.db import transaction

ROLES = ["anonymous", "member", "hebron", "nablus", "editor", "moderator", "admin"]


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """load_demo_data's steps, once for the module; every test's own transaction nests inside this one."""
    from django.core.management import call_command

    previous = os.environ.get("DEMO_PASSWORD")
    os.environ["DEMO_PASSWORD"] = "security-tests-only"  # demo accounts are refused with the published default
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_data", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
    if previous is None:
        os.environ.pop("DEMO_PASSWORD", None)
    else:
        os.environ["DEMO_PASSWORD"] = previous


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
