"""Related work elsewhere: neighbours by meaning on content pages, of other types and from other municipalities,
only what the reader may see, in one statement."""

import re

import pytest
from django.utils.text import capfirst

from search import embeddings, registry, selectors, services
from search.registry import Visibility
from tests.projects_db import conftest as projects_fixtures
from tests.projects_db.factories import ProjectFactory
from tests.search.factories import DocumentFactory as Doc

pytestmark = pytest.mark.django_db
hebron, nablus, category = projects_fixtures.hebron, projects_fixtures.nablus, projects_fixtures.category

PAY_TITLE_AR = "الدفع الإلكتروني لفواتير المياه"
PAY_BODY_AR = "يدفع المواطنون فواتير المياه والرسوم البلدية بالبطاقة البنكية عبر موقع البلدية."


def pay(source_id, **kwargs):
    return Doc(source_id=source_id, title=PAY_TITLE_AR, body=PAY_BODY_AR, **kwargs)


def write(documents, source_type):
    services.bulk_index(source_type=source_type, documents=documents)


@pytest.fixture
def neighbourhood(db):
    """A Hebron project about e-payment and, around it, documents of every kind about the same thing."""
    write([pay("p1", municipality="hebron", municipality_name="الخليل")], "project")
    write([pay("p2", municipality="nablus", municipality_name="نابلس")], "project")  # same type
    write(
        [
            pay("s-nablus", municipality="nablus", municipality_name="نابلس"),
            pay("s-hebron", municipality="hebron", municipality_name="الخليل"),  # same municipality
            Doc(source_id="trees", title="زراعة الأشجار في الحدائق", body="حملة تشجير في حدائق المدينة."),
        ],
        "story",
    )
    write([pay("staff-note", visibility=Visibility.STAFF)], "practice")
    write([pay("post", visibility=Visibility.FORUM, forum_ids=[7])], "forum_post")
    embeddings.embed_pending()


def related(user=None, **kwargs):
    return [
        (i.source_type, i.source_id)
        for i in selectors.related_items(source_type="project", source_id="p1", user=user, **kwargs)
    ]


def test_neighbours_are_of_other_types_and_other_municipalities(neighbourhood):
    found = related()
    assert ("story", "s-nablus") in found
    assert ("project", "p2") not in found and ("story", "s-hebron") not in found and ("project", "p1") not in found
    assert ("story", "trees") not in found  # about something else: not a neighbour


def test_a_staff_only_or_forum_document_is_never_a_neighbour_for_the_public(neighbourhood, editor):
    public = related()
    assert ("practice", "staff-note") not in public and ("forum_post", "post") not in public
    assert ("practice", "staff-note") in related(editor)


def test_at_most_five_and_each_object_once(db):
    write([pay("p1", municipality="hebron")], "project")
    write([pay(f"s{i}", municipality=f"town{i}", language=lang) for i in range(8) for lang in ("ar", "en")], "story")
    embeddings.embed_pending()
    found = related(language="en")
    assert len(found) == 5 and len(set(found)) == 5


def test_nothing_when_semantic_search_is_off(neighbourhood, settings):
    settings.SEARCH_SEMANTIC = False
    assert related() == []


def test_the_project_page_shows_them_with_type_and_place_in_a_constant_number_of_queries(
    client,
    hebron,
    nablus,
    category,
    django_assert_num_queries,
):
    project = ProjectFactory(
        lead_municipality=hebron, category=category, title="Paying water bills online", summary=PAY_BODY_AR
    )
    services.index_instance(source_type="project", instance=project)
    embeddings.embed_pending()
    page = f"/en/projects/{project.slug}/"
    client.get(page)
    assert "related-elsewhere" not in client.get(page).content.decode()  # nothing close: nothing shown
    write([pay("s1", municipality="nablus", municipality_name="Nablus", url="/en/stories/s1/")], "story")
    embeddings.embed_pending()
    client.get(page)
    with django_assert_num_queries(12):  # the same as tests/projects_db/test_project_page.py pins
        body = client.get(page).content.decode()
    panel = re.search(r'<aside class="related-elsewhere".*?</aside>', body, re.S).group()
    assert "Related work elsewhere" in panel and "/en/stories/s1/" in panel and "Nablus" in panel
    assert capfirst(str(registry.get("story").label)) in panel  # the type, in the reader's language
    write([pay(f"s{i}", municipality=f"town{i}", url=f"/en/stories/s{i}/") for i in range(2, 9)], "story")
    embeddings.embed_pending()
    with django_assert_num_queries(12):
        body = client.get(page).content.decode()
    panel = re.search(r'<aside class="related-elsewhere".*?</aside>', body, re.S).group()
    assert panel.count("<li>") == 5
    arabic = client.get(f"/ar/projects/{project.slug}/").content.decode()
    assert "أعمال ذات صلة في أماكن أخرى" in arabic


def test_the_posts_of_one_topic_are_one_item(db):
    write([pay("p1", municipality="hebron")], "project")
    topic = "/{}/forum/forum/payments-3/topic/paying-online-9/?post={}#{}"
    write(
        [
            pay("101", url=topic.format("ar", 101, 101), visibility=Visibility.PUBLIC),
            pay("102", url=topic.format("ar", 102, 102), visibility=Visibility.PUBLIC),
            pay("103", url=topic.format("en", 103, 103), language="en", visibility=Visibility.PUBLIC),
        ],
        "forum_post",
    )
    embeddings.embed_pending()
    found = related()
    assert len([item for item in found if item[0] == "forum_post"]) == 1


def test_a_page_and_its_translation_are_one_item_in_the_readers_language(db):
    write([pay("p1", municipality="hebron")], "project")
    write(
        [
            pay("40", url="/ar/practices/e-payment/", municipality="nablus"),
            pay("41", url="/en/practices/e-payment/", language="en", municipality="nablus"),
        ],
        "practice",
    )
    embeddings.embed_pending()
    assert related(language="en") == [("practice", "41")]
    assert related(language="ar") == [("practice", "40")]
