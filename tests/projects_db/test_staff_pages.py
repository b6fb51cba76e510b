"""Staff and editor pages: my projects, the form, the review queue; their queries do not grow with the data."""

import pytest

from projects_db.models import Project, ProjectRevision
from tests.projects_db.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def _records(n, municipality):
    for _ in range(n):
        ProjectFactory(lead_municipality=municipality, state=Project.State.SUBMITTED, published_at=None)
        published = ProjectFactory(lead_municipality=municipality)
        ProjectRevision.objects.create(project=published, data={"title": "x"})


# user, groups (is_editor), count, page (the session comes from the cache)
MY_PROJECTS_QUERIES = 4
# user, groups, submissions, pending changes
REVIEW_QUEUE_QUERIES = 4


def test_my_projects_and_review_queue_query_counts_do_not_grow(
    client, django_assert_num_queries, staff_hebron, editor, hebron
):
    _records(1, hebron)
    client.force_login(staff_hebron)
    client.get("/en/projects/mine/")
    with django_assert_num_queries(MY_PROJECTS_QUERIES):
        client.get("/en/projects/mine/")
    client.force_login(editor)
    with django_assert_num_queries(REVIEW_QUEUE_QUERIES):
        response = client.get("/en/projects/review/")
    assert len(response.context["submissions"]) == 1 and len(response.context["changes"]) == 1
    _records(10, hebron)
    client.force_login(staff_hebron)
    with django_assert_num_queries(MY_PROJECTS_QUERIES):
        client.get("/en/projects/mine/")
    client.force_login(editor)
    with django_assert_num_queries(REVIEW_QUEUE_QUERIES):
        client.get("/en/projects/review/")


def test_staff_edit_form_shows_the_pending_change_not_the_live_values(client, staff_hebron, hebron):
    project = ProjectFactory(lead_municipality=hebron, title="Live title")
    ProjectRevision.objects.create(project=project, data={"title": "Proposed title"})
    client.force_login(staff_hebron)
    body = client.get(f"/en/projects/{project.slug}/edit/").content.decode()
    assert 'value="Proposed title"' in body
    assert "your changes will wait for an editor" in body
    assert "Live title" in client.get(f"/en/projects/{project.slug}/").content.decode()


PROJECT_FORM_QUERIES = 18  # user, groups, project, pending change, outcomes, m2m values, one per select


def test_project_form_query_count_does_not_grow(client, django_assert_num_queries, staff_hebron, hebron):
    from tests.projects_db.factories import MunicipalityFactory, OrganisationFactory

    project = ProjectFactory(lead_municipality=hebron, state=Project.State.DRAFT, published_at=None)
    client.force_login(staff_hebron)
    client.get("/en/projects/new/")
    for _ in range(2):
        with django_assert_num_queries(PROJECT_FORM_QUERIES):
            client.get(f"/en/projects/{project.slug}/edit/")
        ProjectFactory.create_batch(5, lead_municipality=hebron)
        MunicipalityFactory.create_batch(5)
        OrganisationFactory.create_batch(5)
