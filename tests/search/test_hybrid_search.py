"""Hybrid search: vectors computed after commit and by the backfill, fused with the lexical list, under the same
permissions and filters, and a site that keeps working lexical-only without pgvector."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from search import embeddings, services
from search.engines.base import Audience
from search.engines.hybrid import SemanticHit, fuse
from search.registry import Visibility
from tests.search.factories import DocumentFactory as Doc

pytestmark = pytest.mark.django_db

PAYMENT_AR = Doc(
    source_id="hebron-pay",
    language="ar",
    title="الدفع الإلكتروني لفواتير المياه في الخليل",
    body="صار بإمكان المواطنين دفع فواتير المياه والرسوم عبر البطاقة البنكية من موقع البلدية.",
)
PAYMENT_EN = Doc(
    source_id="karak-pay",
    language="en",
    title="Paying water bills online in Karak",
    body="Residents of Karak pay their water bills and municipal fees by bank card on the website.",
)
UNRELATED = Doc(
    source_id="trees",
    language="ar",
    title="زراعة الأشجار في الحدائق العامة",
    body="حملة لزراعة ألف شجرة في حدائق المدينة بمشاركة طلاب المدارس.",
)


def ids(results):
    return [hit.source_id for hit in results.hits]


def vectors() -> int:
    return embeddings.counts()["vectors"]


@pytest.fixture
def embedded(index):
    """index_embedded(docs, source_type="story"): write documents and compute their vectors now."""

    def write(documents, source_type="story"):
        index(documents, source_type=source_type)
        embeddings.embed_pending()
        return documents

    return write


# --- fusion -------------------------------------------------------------------------------------------------


def hit(pk, language, similarity):
    return SemanticHit(id=pk, language=language, similarity=similarity, facets={})


def test_complete_lexical_match_stays_first_and_the_other_language_follows_before_partial_matches():
    order = fuse(
        lexical=[1, 2, 3],
        complete={1},
        coverage={1: 1.0, 2: 0.34, 3: 0.34},
        semantic=[hit(1, "en", 0.45), hit(9, "ar", 0.30), hit(3, "en", 0.2)],
        language="en",
    )
    assert order[:2] == [1, 9]
    assert set(order) == {1, 2, 3, 9}


def test_with_only_weak_partial_matches_the_other_language_comes_first():
    order = fuse(
        lexical=[1, 2],
        complete=set(),
        coverage={1: 0.25, 2: 0.25},
        semantic=[hit(7, "ar", 0.40), hit(1, "en", 0.15)],
        language="en",
    )
    assert order[0] == 7


def test_semantic_neighbours_never_push_a_good_lexical_match_out_of_the_top_ten():
    lexical = list(range(1, 11))
    order = fuse(
        lexical=lexical,
        complete=set(lexical),
        coverage=dict.fromkeys(lexical, 1.0),
        semantic=[hit(100 + i, "ar", 0.9) for i in range(10)],
        language="en",
    )
    assert set(order[:10]) == set(lexical)


def test_noise_from_the_semantic_side_alone_is_not_a_result():
    assert fuse(lexical=[], complete=set(), coverage={}, semantic=[hit(5, "ar", 0.12)], language="en") == []


# --- vectors: after commit, backfill ------------------------------------------------------------------------


def test_saving_does_not_embed_and_the_task_after_commit_does(django_capture_on_commit_callbacks, find, settings):
    settings.SEARCH_EMBED_AFTER_COMMIT = True  # as in production (the test settings leave it to explicit calls)
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        services.bulk_index(source_type="project", documents=[PAYMENT_AR, UNRELATED])
        assert vectors() == 0  # the saving transaction never waits on the encoder
    assert find("الدفع الالكتروني").total == 1  # lexical: at once
    runs = [callback for callback in callbacks if callback.__name__ == "_enqueue_embedding"]
    assert len(runs) == 1  # one embedding run per transaction, however many rows
    for callback in callbacks:
        callback()
    assert vectors() == 2
    assert ids(find("paying bills online"))[0] == "hebron-pay"  # semantic: after the task


def test_backfill_embeds_only_missing_or_stale_rows_and_prints_its_rate(index):
    index([PAYMENT_AR, PAYMENT_EN, UNRELATED])
    out = StringIO()
    call_command("search_index", "embed", stdout=out)
    assert "3/3" in out.getvalue() and "documents/s" in out.getvalue()
    out = StringIO()
    call_command("search_index", "embed", stdout=out)
    assert "nothing to embed" in out.getvalue()  # idempotent
    index([Doc(source_id="trees", language="ar", title="زراعة الأشجار", body="نص جديد")])
    assert embeddings.pending_count() == 1  # the changed row only
    assert embeddings.embed_pending().embedded == 1


def test_backfill_resumes_after_a_crash_without_redoing_finished_batches(index):
    index([Doc(source_id=f"d{i}", title=f"وثيقة رقم {i}", body="نص") for i in range(5)])

    def crash(done):
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        embeddings.embed_pending(batch_size=2, progress=crash)
    assert vectors() == 2  # the first batch was committed before the crash
    assert embeddings.embed_pending(batch_size=2).embedded == 3


def test_a_deleted_document_loses_its_vector(embedded):
    embedded([PAYMENT_AR, UNRELATED])
    services.unindex(source_type="story", source_id="trees")
    assert vectors() == 1


# --- search: cross-language, permissions, filters ------------------------------------------------------------


def test_an_english_query_finds_the_arabic_document_and_the_reverse(embedded, find):
    embedded([PAYMENT_AR, UNRELATED])
    embedded([PAYMENT_EN], source_type="project")
    assert "hebron-pay" in ids(find("e-payment of water bills"))[:2]
    assert "karak-pay" in ids(find("الدفع الإلكتروني"))[:2]
    assert "trees" not in ids(find("e-payment of water bills"))


def test_semantic_hits_obey_visibility_forum_audience_and_filters(embedded, find):
    staff = Doc(source_id="staff-pay", title=PAYMENT_AR.title, body=PAYMENT_AR.body, visibility=Visibility.STAFF)
    forum = Doc(
        source_id="forum-pay", title=PAYMENT_AR.title, body=PAYMENT_AR.body, visibility=Visibility.FORUM, forum_ids=[7]
    )
    embedded([staff, forum, UNRELATED])
    embedded([PAYMENT_EN], source_type="project")
    public = find("paying water bills by card")
    assert "staff-pay" not in ids(public) and "forum-pay" not in ids(public)
    assert public.total == len(public.hits)  # counts include nothing the reader may not see
    reader = Audience(visibilities=frozenset({Visibility.PUBLIC}), forum_ids=frozenset({7}))
    assert "forum-pay" in ids(find("paying water bills by card", audience=reader))
    staff_reader = Audience(visibilities=frozenset({Visibility.PUBLIC, Visibility.STAFF}))
    assert "staff-pay" in ids(find("paying water bills by card", audience=staff_reader))
    only_stories = find("paying water bills by card", audience=staff_reader, filters={"type": ["story"]})
    assert "karak-pay" not in ids(only_stories) and "staff-pay" in ids(only_stories)


def test_semantic_only_hits_are_counted_in_the_type_facet(embedded, find):
    embedded([PAYMENT_AR])
    results = find("paying water bills by card")
    assert results.total == 1
    assert {(v.value, v.count) for v in results.facets["type"]} == {("story", 1)}


# --- without pgvector ---------------------------------------------------------------------------------------


def test_switched_off_the_search_is_lexical_only_and_says_so(embedded, find, settings, client):
    embedded([PAYMENT_AR])
    settings.SEARCH_SEMANTIC = False
    assert find("paying water bills by card").total == 0
    assert find("الدفع الإلكتروني").total == 1
    assert client.get("/healthz").json()["search"]["mode"] == "lexical"
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    assert "Semantic search: off" in out.getvalue() and "lexical-only" in out.getvalue()
    with pytest.raises(Exception, match="lexical-only"):
        call_command("search_index", "embed", stdout=StringIO())


def test_without_the_extension_storage_is_skipped_and_the_migration_goes_on():
    with connection.schema_editor(atomic=False) as editor:
        assert embeddings.create_storage(editor, extension="vector_that_is_not_installed") is False
    with connection.cursor() as cursor:  # the transaction is still usable: a savepoint took the refusal
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_a_database_without_the_table_searches_lexically(index, find, monkeypatch):
    index([PAYMENT_AR])
    monkeypatch.setattr(connection, "_hub_search_embedding_table", False, raising=False)
    assert ids(find("الدفع الإلكتروني")) == ["hebron-pay"]
    assert embeddings.embed_pending().skipped
    assert embeddings.counts() == {"semantic": False, "vectors": 0, "pending": 0}


def test_health_check_reports_hybrid_search_when_vectors_are_available(client):
    assert client.get("/healthz").json()["search"]["mode"] == "hybrid"
