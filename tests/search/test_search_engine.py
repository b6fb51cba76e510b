"""The PostgreSQL engine on the real database: phenomena, ranking, permissions, facets, typos, pages, highlights."""

from datetime import UTC, datetime

import pytest

from search.engines.base import Audience
from search.registry import Visibility
from tests.search.factories import DocumentFactory as Doc

pytestmark = pytest.mark.django_db


def ids(results):
    return [hit.source_id for hit in results.hits]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("الدفع الالكتروني", "الدفع الإلكتروني لرسوم المياه"),  # alef without hamza
        ("البلديه", "خدمات البلدية"),  # taa marbuta as ha
        ("شكاوي المواطنين", "نظام شكاوى المواطنين"),  # alef maksura / ya
        ("الإلكترونيـة", "البوابة الالكترونية"),  # tatweel
        ("مَدْرَسَة", "مدرسة البلدية"),  # diacritics
        ("رخصة بناء", "إصدار رخص البناء"),  # singular / plural
        ("المشاريع", "مشروع الطاقة"),  # broken plural
        ("وبالخدمات", "الخدمة الإلكترونية"),  # clitics و + بال, plural
        ("solar panel", "Solar panels on schools"),  # English plural
        ("renewing certificate", "Certificate renewal"),  # English stemming
        ("نظام GIS في نابلس", "نظام معلومات جغرافية GIS لبلدية نابلس"),  # mixed scripts
        ("٢٠٢٤ موازنة", "موازنة 2024"),  # Arabic-Indic digits
    ],
)
def test_a_spelling_variant_finds_the_document(index, find, query, title):
    index([Doc(source_id="wanted", title=title), Doc(source_id="other", title="تدريب الموظفين على الحاسوب")])
    assert ids(find(query)) == ["wanted"]


def test_title_match_ranks_above_body_match(index, find):
    index(
        [
            Doc(source_id="body", title="تقرير سنوي", body="تحدث التقرير عن الموازنة المفتوحة"),
            Doc(source_id="title", title="الموازنة المفتوحة", body="نشر بيانات"),
        ]
    )
    assert ids(find("الموازنه المفتوحه")) == ["title", "body"]


def test_with_many_documents_having_every_word_the_others_are_left_out(index, find):
    index([Doc(source_id=f"both{i}", title="تطبيق الهاتف للبلدية") for i in range(10)])
    index([Doc(source_id="one", title="تطبيق الويب")])
    assert "one" not in ids(find("تطبيق الهاتف")) and find("تطبيق الهاتف").total == 10


def test_reader_language_breaks_ties_without_hiding_the_other(index, find):
    index([Doc(source_id="ar", language="ar", title="GIS"), Doc(source_id="en", language="en", title="GIS")])
    assert ids(find("gis", language="en")) == ["en", "ar"]
    assert ids(find("gis", language="ar")) == ["ar", "en"]


def test_typo_falls_back_to_the_closest_known_word_and_says_so(index, find):
    index([Doc(source_id="budget", title="الموازنة المفتوحة لبلدية بيت جالا")])
    results = find("الموازتة")
    assert ids(results) == ["budget"]
    assert results.corrected_query == "الموازنة"
    assert find("الموازنة").corrected_query is None


def test_english_typo_falls_back_too(index, find):
    index([Doc(source_id="ssl", language="en", title="Renewing TLS certificates")])
    results = find("certifcates")
    assert ids(results) == ["ssl"]
    assert results.corrected_query == "certificates"


def test_when_no_document_has_every_word_documents_with_some_are_shown(index, find):
    index([Doc(source_id="water", title="فواتير المياه"), Doc(source_id="other", title="حدائق عامة")])
    assert ids(find("فواتير الكهرباء")) == ["water"]


def test_no_match_is_an_empty_result(index, find):
    index([Doc(title="فواتير المياه")])
    results = find("zzzzqqq")
    assert results.total == 0 and results.hits == [] and results.corrected_query is None


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        (Audience(frozenset({Visibility.PUBLIC})), ["public"]),
        (Audience(frozenset({Visibility.PUBLIC, Visibility.MEMBERS})), ["members", "public"]),
        (
            Audience(frozenset({Visibility.PUBLIC, Visibility.MEMBERS, Visibility.STAFF})),
            ["members", "public", "staff"],
        ),
        (Audience(frozenset({Visibility.PUBLIC}), forum_ids=frozenset({7})), ["forum7", "public"]),
    ],
)
def test_results_counts_and_facets_hold_only_what_the_reader_may_see(index, find, audience, expected):
    docs = [
        Doc(source_id="public", title="سياسة الخصوصية", municipality="nablus", municipality_name="نابلس"),
        Doc(source_id="members", title="سياسة الخصوصية", visibility=Visibility.MEMBERS, municipality="jenin"),
        Doc(source_id="staff", title="سياسة الخصوصية", visibility=Visibility.STAFF, municipality="hebron"),
        Doc(source_id="forum7", title="سياسة الخصوصية", visibility=Visibility.FORUM, forum_ids=[7]),
        Doc(source_id="forum9", title="سياسة الخصوصية", visibility=Visibility.FORUM, forum_ids=[9], category="secret"),
    ]
    index(docs[:4])
    index(docs[4:], source_type="forum")
    results = find("الخصوصية", audience=audience)
    assert sorted(ids(results)) == expected
    assert results.total == len(expected)
    assert sum(v.count for v in results.facets["type"]) == len(expected)
    visible_places = {d.municipality for d in docs if d.source_id in expected and d.municipality}
    assert {v.value for v in results.facets["municipality"]} == visible_places
    assert results.facets["category"] == []


def test_removed_rows_waiting_for_elasticsearch_are_never_found(index, find):
    from search.models import SearchDocument

    index([Doc(source_id="gone", title="مشروع محذوف")])
    SearchDocument.objects.filter(source_id="gone").update(is_deleted=True)
    assert find("مشروع").total == 0


def test_facets_count_and_filters_combine(index, find):
    index(
        [
            Doc(
                source_id="s1",
                title="الطاقة الشمسية",
                governorate="nablus",
                governorate_name="نابلس",
                published_at=datetime(2023, 5, 1, tzinfo=UTC),
            ),
            Doc(
                source_id="s2",
                title="الطاقة الشمسية",
                governorate="hebron",
                governorate_name="الخليل",
                published_at=datetime(2024, 5, 1, tzinfo=UTC),
            ),
        ]
    )
    index([Doc(source_id="p1", title="الطاقة المتجددة", governorate="nablus", governorate_name="نابلس")], "project")
    results = find("الطاقة")
    assert {(v.value, v.count) for v in results.facets["type"]} == {("story", 2), ("project", 1)}
    assert {(v.value, v.label, v.count) for v in results.facets["governorate"]} == {
        ("nablus", "نابلس", 2),
        ("hebron", "الخليل", 1),
    }
    assert [(v.value, v.count) for v in results.facets["year"]] == [("2024", 1), ("2023", 1)]

    filtered = find("الطاقة", filters={"governorate": ["nablus"], "type": ["story"]})
    assert ids(filtered) == ["s1"] and filtered.total == 1
    # A facet's own values still count as if it were not selected, so a second value can be added.
    assert {(v.value, v.count, v.selected) for v in filtered.facets["governorate"]} == {
        ("nablus", 1, True),
        ("hebron", 1, False),
    }
    assert ids(find("الطاقة", filters={"year": ["2024"]})) == ["s2"]
    assert ids(find("الطاقة", filters={"year": ["not-a-year"], "colour": ["red"]})) != []


def test_pages_split_the_results_without_overlap(index, find):
    index([Doc(source_id=f"d{i:02}", title=f"تقرير رقم {i}") for i in range(25)])
    first, second = find("تقرير", per_page=10), find("تقرير", per_page=10, page=3)
    assert first.total == 25 and len(first.hits) == 10 and len(second.hits) == 5
    everything = {h for p in (1, 2, 3) for h in ids(find("تقرير", per_page=10, page=p))}
    assert len(everything) == 25
    assert find("تقرير", per_page=10, page=99).hits == []


def test_matches_are_highlighted_in_the_original_spelling_and_the_rest_is_escaped(index, find):
    index(
        [
            Doc(
                title="<script>alert(1)</script> البوابة الإلكترونيـة",
                body="نص طويل " * 60 + "ثم تأتي البوابة الإلكترونية <b>هنا</b> " + "وبعدها نص " * 60,
            )
        ]
    )
    hit = find("البوابه الالكترونيه").hits[0]
    assert hit.title_highlighted == (
        "&lt;script&gt;alert(1)&lt;/script&gt; <mark>البوابة</mark> <mark>الإلكترونيـة</mark>"
    )
    assert "<mark>البوابة</mark> <mark>الإلكترونية</mark> &lt;b&gt;هنا&lt;/b&gt;" in hit.snippet
    assert hit.snippet.startswith("… ") and hit.snippet.endswith(" …")
    assert "<script>" not in hit.snippet + hit.title_highlighted


def test_a_real_word_missing_from_the_index_is_not_corrected_into_another(index, find):
    index(
        [
            Doc(source_id="water", title="نظام فوترة المياه", body="الفاتورة على الهاتف"),
            Doc(source_id="permits", title="رخص البناء"),
        ]
    )
    results = find("فاتوره الماء")
    assert ids(results)[0] == "water" and results.corrected_query is None


def test_documents_with_every_word_come_before_those_with_some(index, find):
    index([Doc(source_id="some", title="خدمات المياه والمياه والمياه"), Doc(source_id="all", title="فواتير المياه")])
    assert ids(find("فواتير المياه")) == ["all", "some"]


def test_vocabulary_rebuild_forgets_words_of_removed_documents(index):
    from search import services
    from search.models import SearchDocument, SearchWord

    index([Doc(source_id="keep", title="الموازنة"), Doc(source_id="drop", title="الحدائق")])
    assert set(SearchWord.objects.values_list("word", flat=True)) >= {"الموازنه", "الحدايق"}
    assert SearchWord.objects.get(word="الموازنه").display == "الموازنة"
    SearchDocument.objects.filter(source_id="drop").delete()
    services.rebuild_vocabulary()
    assert set(SearchWord.objects.values_list("word", flat=True)) == {"الموازنه"}


def test_a_total_cut_at_the_counting_cap_says_so(index, find):
    index([Doc(source_id=str(n), title=f"موازنة {n}") for n in range(5)])
    from search.engines.base import SearchQuery
    from search.engines.postgres import PostgresEngine

    capped = PostgresEngine(candidates=3).search(SearchQuery(text="موازنة", audience=Audience(frozenset({"public"}))))
    assert (capped.total, capped.total_is_capped) == (3, True)
    full = find("موازنة")
    assert (full.total, full.total_is_capped) == (5, False)


def test_a_typo_is_corrected_on_its_own_even_when_the_other_words_are_found_elsewhere(index, find):
    index(
        [
            Doc(source_id="hebron", language="en", title="Hebron water billing"),
            Doc(source_id="payment", language="en", title="Online payment portal"),
        ]
    )
    results = find("hebron paymnet")  # no document has both words, and "paymnet" none at all
    assert results.corrected_query == "hebron payment"
    assert set(ids(results)) == {"hebron", "payment"}


def test_a_correction_is_a_word_documents_use_not_a_leftover_of_the_vocabulary(index, find):
    from search.models import SearchWord

    index([Doc(source_id="payment", language="en", title="Online payment portal")])
    SearchWord.objects.create(word="paymnts", display="paymnts")  # closer to the typo, but no document has it
    results = find("paymnt")
    assert results.corrected_query == "payment" and ids(results) == ["payment"]


def test_among_close_spellings_the_one_the_documents_use_wins(index, find):
    index(
        [Doc(source_id=f"centre{n}", language="en", title="Service centre opening") for n in range(4)]
        + [Doc(source_id="center", language="en", title="Call center")]
    )
    results = find("centar")  # as close to "centre" as to "center"
    assert results.corrected_query == "centre"
