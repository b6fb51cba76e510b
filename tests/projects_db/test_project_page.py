"""The project page: everything a peer needs, contact for signed-in users, reuse on both sides, steady queries."""

import pytest

from projects_db.models import Project
from tests.projects_db.factories import MunicipalityFactory, OrganisationFactory, OutcomeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_visitor_reads_the_project_with_its_municipalities_outcomes_and_funders(client, hebron, nablus, funder):
    project = ProjectFactory(
        title="Hebron e-portal",
        lead_municipality=hebron,
        lessons_learned="Start with one service.",
        budget_amount=1000,
        budget_currency="USD",
        technologies="Django, PostGIS",
    )
    project.partner_municipalities.add(nablus)
    project.funders.add(funder)
    OutcomeFactory(project=project)
    body = client.get(f"/en/projects/{project.slug}/").content.decode()
    for text in (
        "Hebron e-portal",
        "/en/municipalities/hebron/",
        "/en/municipalities/nablus/",
        "GIZ",
        "share of bills paid online",
        "34 %",
        "Start with one service.",
        "PostGIS",
        "1,000 USD",
    ):
        assert text in body, text


def test_contact_person_is_shown_to_signed_in_users_only(client, member, hebron):
    project = ProjectFactory(lead_municipality=hebron, contact_email="it@hebron.example.ps")
    assert "it@hebron.example.ps" not in client.get(f"/en/projects/{project.slug}/").content.decode()
    client.force_login(member)
    assert "it@hebron.example.ps" in client.get(f"/en/projects/{project.slug}/").content.decode()


def test_replication_is_visible_from_both_projects(client, hebron):
    karak = MunicipalityFactory(slug="karak", name_en="Karak")
    original = ProjectFactory(title="Hebron e-portal", lead_municipality=hebron)
    copy = ProjectFactory(title="Karak e-portal", lead_municipality=karak, based_on=original)
    ProjectFactory(title="Hidden draft copy", based_on=original, state=Project.State.DRAFT)
    assert "Hebron e-portal" in client.get(f"/en/projects/{copy.slug}/").content.decode()
    body = client.get(f"/en/projects/{original.slug}/").content.decode()
    assert "Karak e-portal" in body and "Hidden draft copy" not in body


def test_html_in_text_fields_is_shown_escaped(client, hebron):
    project = ProjectFactory(lead_municipality=hebron, title="<script>alert(1)</script>", lessons_learned="<b>x</b>")
    body = client.get(f"/en/projects/{project.slug}/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;b&gt;x&lt;/b&gt;" in body


def test_arabic_slug_works_in_the_address(client, hebron):
    project = ProjectFactory(lead_municipality=hebron, slug="بوابة-الخليل", title="بوابة الخليل")
    response = client.get("/ar/projects/بوابة-الخليل/")
    assert response.status_code == 200 and "بوابة الخليل" in response.content.decode()
    assert (
        project.get_absolute_url()
        == "/ar/projects/%D8%A8%D9%88%D8%A7%D8%A8%D8%A9-%D8%A7%D9%84%D8%AE%D9%84%D9%8A%D9%84/"
    )


def _rich(n, hebron, category):
    for _ in range(n):
        project = ProjectFactory(lead_municipality=hebron, category=category)
        project.funders.add(OrganisationFactory())
        project.partner_municipalities.add(MunicipalityFactory())
        OutcomeFactory(project=project)
        ProjectFactory(based_on=project, category=category)


# project, 8 prefetches (partners, funders, vendors, outcomes, documents, images, reuses), related
# 9 for the project itself, 3 for the forum panel (the forums the reader may read, then their topics),
# 1 for "related work elsewhere" (search.selectors.related_items: one statement); 12 since the forums the reader may
# read cost one query less (forum/handler.py reads them from the forum list it holds)
PROJECT_PAGE_QUERIES = 12


def test_project_page_query_count_does_not_grow(client, django_assert_num_queries, hebron, category):
    _rich(1, hebron, category)
    project = Project.objects.filter(based_on=None).first()
    client.get("/en/projects/")
    with django_assert_num_queries(PROJECT_PAGE_QUERIES):
        client.get(f"/en/projects/{project.slug}/")
    _rich(10, hebron, category)
    project.funders.add(*[OrganisationFactory() for _ in range(5)])
    project.partner_municipalities.add(*[MunicipalityFactory() for _ in range(5)])
    OutcomeFactory.create_batch(5, project=project)
    ProjectFactory.create_batch(5, based_on=project)
    with django_assert_num_queries(PROJECT_PAGE_QUERIES):
        client.get(f"/en/projects/{project.slug}/")


def test_only_editors_see_the_history_of_a_project(client, editor, member, hebron):
    project = ProjectFactory(lead_municipality=hebron)
    project.changes.create(action="published", user=editor)
    client.force_login(member)
    assert "<h2>History</h2>" not in client.get(f"/en/projects/{project.slug}/").content.decode()
    client.force_login(editor)
    body = client.get(f"/en/projects/{project.slug}/").content.decode()
    assert "<h2>History</h2>" in body and "editor" in body


@pytest.mark.parametrize(
    ("language", "labels"),
    [("en", ["launch date", "contact e-mail", "key figures"]), ("ar", ["تاريخ الإطلاق", "البريد الإلكتروني للتواصل"])],
)
def test_the_history_names_changed_fields_by_their_labels_in_the_readers_language(
    client, editor, hebron, language, labels
):
    project = ProjectFactory(lead_municipality=hebron)
    diff = {"launch_date": [None, "2024-05-01"], "contact_email": ["", "it@hebron.example.ps"], "outcomes": [[], []]}
    project.changes.create(action="edited", user=editor, diff=diff)
    client.force_login(editor)
    history = client.get(f"/{language}/projects/{project.slug}/").content.decode().split('class="project__history"')[1]
    for label in labels:
        assert label in history
    assert "launch_date" not in history and "contact_email" not in history
