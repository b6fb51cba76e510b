"""After a workflow button, the user goes back where they were, never to another site."""

from pathlib import Path

import pytest

from projects_db import services

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "hostile",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "\\\\evil.example", "javascript:alert(1)"],
)
def test_submitting_a_project_never_redirects_off_site(client, committed, staff_hebron, project_data, hostile):
    project = committed(services.project_create, user=staff_hebron, data=project_data)
    client.force_login(staff_hebron)
    response = client.post(f"/en/projects/{project.slug}/submit/", {"next": hostile})
    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()


def test_submitting_a_project_returns_to_the_page_it_came_from(client, committed, staff_hebron, project_data):
    project = committed(services.project_create, user=staff_hebron, data=project_data)
    client.force_login(staff_hebron)
    response = client.post(f"/en/projects/{project.slug}/submit/", {"next": "/en/projects/mine/?page=2"})
    assert response["Location"] == "/en/projects/mine/?page=2"


def test_the_next_check_is_written_once():
    """Every view that follows a posted `next` uses hub.redirects.safe_next; no second, weaker check appears."""
    offenders = []
    for app in ("hub", "projects_db", "forum", "search"):
        for path in (ROOT / app).rglob("*.py"):
            if path.name == "redirects.py":
                continue
            text = path.read_text()
            if "url_has_allowed_host_and_scheme" in text or 'get("next"' in text:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
