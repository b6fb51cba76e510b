"""Wagtail pages in the site search: published pages are found, unpublished, restricted or deleted ones are not,
and the index changes in the same transaction as the page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from search import selectors, services
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def found(text):
    return [(hit.source_type, hit.url) for hit in selectors.search(text=text, user=AnonymousUser()).hits]


@pytest.fixture
def child(home_pages):
    home = home_pages["ar"]
    page = home.add_child(instance=Page(title="دليل الخدمات الإلكترونية", slug="guide", search_description="نماذج"))
    page.save_revision().publish()
    return page


def test_published_page_is_found_in_its_language(home_pages):
    home_pages["ar"].save_revision().publish()
    assert found("منصة البلديات") == [("page", "/ar/")]
    assert found("municipalities share") == [("page", "/en/")]
    document = SearchDocument.objects.get(url="/en/")
    assert document.language == "en" and document.published_at is not None


def test_unpublished_page_disappears(child):
    assert found("دليل الخدمات") == [("page", "/ar/guide/")]
    child.unpublish()
    assert found("دليل الخدمات") == []


def test_deleted_page_disappears(child):
    child.delete()
    assert found("دليل الخدمات") == []
    assert not SearchDocument.objects.filter(source_id=str(child.pk)).exists()


def test_page_with_view_restriction_is_not_found_until_it_is_lifted(child):
    restriction = PageViewRestriction.objects.create(page=child, restriction_type=PageViewRestriction.LOGIN)
    assert found("دليل الخدمات") == []
    restriction.delete()
    assert found("دليل الخدمات") == [("page", "/ar/guide/")]


def test_moved_page_is_found_at_its_new_address(child, home_pages):
    section = home_pages["ar"].add_child(instance=Page(title="قسم", slug="section"))
    section.save_revision().publish()
    Page.objects.get(pk=child.pk).move(section, pos="last-child")
    assert found("دليل الخدمات") == [("page", "/ar/section/guide/")]


def test_index_rolls_back_with_the_publish(home_pages):
    home = home_pages["ar"]
    with pytest.raises(RuntimeError), transaction.atomic():
        page = home.add_child(instance=Page(title="صفحة ملغاة", slug="cancelled"))
        page.save_revision().publish()
        assert found("ملغاة") == [("page", "/ar/cancelled/")]
        raise RuntimeError("the editor's request failed")
    assert found("ملغاة") == []


def test_page_models_can_give_their_own_text_and_facets(home_pages, monkeypatch):
    from hub.models import HomePage

    monkeypatch.setattr(HomePage, "search_text", lambda self: "نص خاص بالبحث", raising=False)
    monkeypatch.setattr(
        HomePage, "search_facets", lambda self: {"governorate": "nablus", "governorate_name": "نابلس"}, raising=False
    )
    home_pages["ar"].save_revision().publish()
    results = selectors.search(text="نص خاص", user=AnonymousUser())
    assert [hit.url for hit in results.hits] == ["/ar/"]
    assert [(v.value, v.label) for v in results.facets["governorate"]] == [("nablus", "نابلس")]


def test_rebuild_indexes_every_live_public_page_and_drops_the_rest(child, home_pages):
    SearchDocument.objects.all().delete()
    SearchDocument.objects.create(source_type="page", source_id="999999", language="ar", title="قديم", url="/x/")
    counts = services.rebuild()
    assert counts["page"] == 3  # Arabic home, English home, the guide
    assert not SearchDocument.objects.filter(source_id="999999").exists()
    assert services.rebuild() == counts  # idempotent
    status = selectors.index_status()
    assert status["types"]["page"]["documents"] == 3 and status["documents"] == 3
