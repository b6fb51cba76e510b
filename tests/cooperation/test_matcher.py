""" "Who has done this?": municipalities with live or completed projects matching a need, through the search engine.

The matcher asks the search engine (search.engines.base interface). Most tests give it a small engine over the same
SearchDocument rows, so they say what the matcher does with hits; the tests on demo data use the real engine.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from hub.cooperation import selectors
from search import services as search_services
from search.engines.base import Engine, Hit, SearchResults
from search.models import SearchDocument
from tests.projects_db.factories import MunicipalityFactory, OutcomeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


class WordEngine(Engine):
    """Scores a document by how many words of the query it contains (enough to test what the matcher does)."""

    name = "words"

    def search(self, query):
        words = [w for w in query.text.split() if len(w) > 2]
        types = query.filters.get("type", [])
        hits = []
        for doc in SearchDocument.objects.filter(source_type__in=types) if types else SearchDocument.objects.all():
            text = f"{doc.title} {doc.body}"
            score = sum(1 for w in words if w in text)
            if score:
                hits.append(
                    Hit(
                        source_type=doc.source_type,
                        source_id=doc.source_id,
                        language=doc.language,
                        title=doc.title,
                        url=doc.url,
                        snippet="",
                        title_highlighted="",
                        score=float(score),
                    )
                )
        hits.sort(key=lambda h: -h.score)
        return SearchResults(hits=hits, total=len(hits), facets={}, engine=self.name)


def _indexed(**kwargs):
    project = ProjectFactory(**kwargs)
    search_services.index_instance(source_type="project", instance=project)
    return project


@pytest.fixture
def water_projects(hebron, nablus, category):
    jenin = MunicipalityFactory(slug="jenin", name_en="Jenin", name_ar="جنين")
    best = _indexed(
        title="نظام دفع إلكتروني لفواتير المياه",
        language="ar",
        summary="دفع فواتير المياه عبر الإنترنت",
        lead_municipality=hebron,
        category=category,
        status="live",
    )
    OutcomeFactory(project=best, label="bills paid online", value=40, unit="%")
    _indexed(
        title="دفع فواتير الكهرباء",
        language="ar",
        summary="دفع إلكتروني",
        lead_municipality=nablus,
        category=category,
        status="completed",
    )
    _indexed(
        title="نظام دفع فواتير المياه",
        language="ar",
        summary="فكرة",
        lead_municipality=jenin,
        category=category,
        status="planned",
    )  # not live: never listed
    return best


def test_a_free_text_need_lists_municipalities_by_relevance_with_outcomes(water_projects, member):
    matches = selectors.who_has_done_this(user=member, text="نظام دفع إلكتروني لفواتير المياه", engine=WordEngine())
    assert [m.municipality.slug for m in matches] == ["hebron", "nablus"]
    assert matches[0].projects[0].outcomes.all()[0].label == "bills paid online"
    assert matches[0].contact_email == "contact@example.ps"


def test_on_a_project_its_own_municipality_is_left_out(water_projects, member):
    matches = selectors.who_has_done_this(user=member, project=water_projects, engine=WordEngine())
    assert "hebron" not in [m.municipality.slug for m in matches]


def test_on_a_category_only_that_category_is_listed(water_projects, member, category):
    other = ProjectFactory(title="E-payment of rates", lead_municipality=MunicipalityFactory(), status="live")
    search_services.index_instance(source_type="project", instance=other)
    matches = selectors.who_has_done_this(user=member, category=category, engine=WordEngine())
    assert all(p.category_id == category.pk for m in matches for p in m.projects)


def test_the_page_shows_contacts_only_to_signed_in_staff(client, water_projects, staff_nablus, monkeypatch):
    monkeypatch.setattr(selectors, "_engine_search", lambda **kw: WordEngine().search(_query(kw)))
    with translation.override("en"):
        url = reverse("cooperation:who_has_done_this")
    anonymous = client.get(url, {"q": "فواتير المياه"}).content.decode()
    assert "Hebron" in anonymous and "contact@example.ps" not in anonymous
    client.force_login(staff_nablus)
    staff = client.get(url, {"q": "فواتير المياه"}).content.decode()
    assert "contact@example.ps" in staff


def _query(kwargs):
    from search.engines.base import Audience, SearchQuery

    return SearchQuery(text=kwargs["text"], audience=Audience(frozenset({"public"})), filters={"type": ["project"]})


def test_an_unknown_project_or_category_is_404(client):
    url = reverse("cooperation:who_has_done_this")
    assert client.get(url, {"project": "nope"}).status_code == 404
    assert client.get(url, {"category": "nope"}).status_code == 404


def test_the_real_search_engine_finds_the_demo_need(water_projects, member):
    matches = selectors.who_has_done_this(user=member, text="نظام دفع إلكتروني لفواتير المياه")
    assert matches and matches[0].municipality.slug == "hebron"


def test_a_project_page_links_to_who_has_done_this(client, water_projects):
    with translation.override("en"):
        page = client.get(water_projects.get_absolute_url()).content.decode()
    assert "/cooperation/who-has-done-this/?project=" in page
    assert f"?category={water_projects.category.slug}" in page


def test_the_page_query_count_does_not_grow_with_matches(
    client, water_projects, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(selectors, "_engine_search", lambda **kw: WordEngine().search(_query(kw)))
    url = reverse("cooperation:who_has_done_this")
    client.get(url, {"q": "فواتير"})
    with django_assert_max_num_queries(8) as first:
        client.get(url, {"q": "فواتير"})
    for n in range(4):
        extra = _indexed(title=f"فواتير المياه {n}", language="ar", summary="دفع", status="live")
        OutcomeFactory(project=extra)
    monkeypatch.setattr(selectors, "_engine_search", lambda **kw: WordEngine().search(_query(kw)))
    with django_assert_max_num_queries(len(first.captured_queries)):
        body = client.get(url, {"q": "فواتير"}).content.decode()
    assert body.count('class="match"') == 6


def test_the_matcher_on_demo_data_finds_the_water_bill_payers(member):
    """On the demo data, the need from the issue finds the municipalities that pay water bills online."""
    from projects_db import demo as projects_demo
    from projects_db import selectors as project_selectors

    projects_demo.load_places()
    projects_demo.load_projects()
    demo_projects = list(project_selectors.published_projects())
    assert demo_projects
    for project in demo_projects:
        search_services.index_instance(source_type="project", instance=project)
    from search.engines.postgres import PostgresEngine

    matches = selectors.who_has_done_this(user=member, text="نظام دفع إلكتروني لفواتير المياه", engine=PostgresEngine())
    water = [m for m in matches if any("المياه" in p.title for p in m.projects)]
    assert water, [m.municipality.slug for m in matches]
    assert all(p.status in ("live", "completed") for m in matches for p in m.projects)


def test_the_same_need_in_english_or_arabic_finds_the_same_municipalities(hebron, nablus, category, member):
    from search import embeddings

    _indexed(
        title="الدفع الإلكتروني لفواتير المياه والرسوم",
        language="ar",
        summary="يدفع المواطنون فواتير المياه والرسوم البلدية بالبطاقة البنكية عبر موقع البلدية.",
        lead_municipality=hebron,
        category=category,
        status="live",
    )
    _indexed(
        title="E-payment of municipal fees and water bills",
        language="en",
        summary="Residents pay their water bills and municipal fees online by bank card.",
        lead_municipality=nablus,
        category=category,
        status="completed",
    )
    _indexed(
        title="Planting trees in public parks",
        language="en",
        summary="Volunteers planted a thousand trees in the city's gardens with school pupils.",
        lead_municipality=MunicipalityFactory(slug="jericho", name_en="Jericho", name_ar="أريحا"),
        category=category,
        status="live",
    )
    embeddings.embed_pending()  # what the task does after the projects' transaction commits
    english = selectors.who_has_done_this(user=member, text="e-payment")
    arabic = selectors.who_has_done_this(user=member, text="الدفع الإلكتروني")
    assert {m.municipality.slug for m in english} == {m.municipality.slug for m in arabic} == {"hebron", "nablus"}
