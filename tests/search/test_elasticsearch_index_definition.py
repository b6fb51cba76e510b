"""What the cluster is told: the exact analyzers and mapping of a new index, and the exact bulk actions per row."""

from datetime import UTC, datetime

from search import arabic
from search.engines.elasticsearch import (
    ARABIC_CHAR_MAPPINGS,
    bulk_action,
    document_id,
    document_source,
    index_definition,
)
from search.models import SearchDocument

TEXT = {"type": "text", "analyzer": "hub_arabic", "fields": {"en": {"type": "text", "analyzer": "hub_english"}}}

EXPECTED_INDEX = {
    "settings": {
        "number_of_shards": 1,
        "auto_expand_replicas": "0-1",
        "analysis": {
            "char_filter": {
                "hub_arabic_chars": {
                    "type": "mapping",
                    "mappings": ARABIC_CHAR_MAPPINGS,
                }
            },
            "filter": {
                "hub_arabic_stop": {"type": "stop", "stopwords": "_arabic_"},
                "arabic_stemmer": {"type": "stemmer", "language": "arabic"},
                "hub_english_possessive": {"type": "stemmer", "language": "possessive_english"},
                "hub_english_stop": {"type": "stop", "stopwords": "_english_"},
                "hub_english_stemmer": {"type": "stemmer", "language": "english"},
            },
            "analyzer": {
                "hub_arabic": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["hub_arabic_chars"],
                    "filter": [
                        "lowercase",
                        "decimal_digit",
                        "hub_arabic_stop",
                        "arabic_normalization",
                        "arabic_stemmer",
                    ],
                },
                "hub_english": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["hub_arabic_chars"],
                    "filter": [
                        "hub_english_possessive",
                        "lowercase",
                        "decimal_digit",
                        "arabic_normalization",
                        "hub_english_stop",
                        "hub_english_stemmer",
                    ],
                },
            },
        },
    },
    "mappings": {
        "dynamic": "strict",
        "_source": {"excludes": ["embedding"]},  # searched by kNN, never sent back with hits
        "properties": {
            "source_type": {"type": "keyword"},
            "source_id": {"type": "keyword"},
            "language": {"type": "keyword"},
            "title": TEXT,
            "body": TEXT,
            "url": {"type": "keyword", "index": False},
            "municipality": {"type": "keyword"},
            "municipality_name": {"type": "keyword"},
            "governorate": {"type": "keyword"},
            "governorate_name": {"type": "keyword"},
            "category": {"type": "keyword"},
            "category_name": {"type": "keyword"},
            "status": {"type": "keyword"},
            "published_at": {"type": "date"},
            "updated_at": {"type": "date"},
            "year": {"type": "integer"},
            "visibility": {"type": "keyword"},
            "forum_ids": {"type": "integer"},
            "embedding": {"type": "dense_vector", "dims": 512, "index": True, "similarity": "cosine"},
        },
    },
}


def test_a_new_index_gets_the_arabic_and_english_analyzers_and_keyword_facets():
    assert index_definition("hub-search-20260101000000000000").to_dict() == EXPECTED_INDEX


def _char_filter_rules() -> dict[str, str]:
    index = index_definition("hub-search-20260101000000000000").to_dict()
    mappings = index["settings"]["analysis"]["char_filter"]["hub_arabic_chars"]["mappings"]
    return dict(rule.split("=>") for rule in mappings)


def test_the_arabic_character_map_unifies_the_spellings_the_stemmer_leaves_apart():
    rules = _char_filter_rules()
    text = "إِدارةُ المُدنِ الإلكترونيّـة ومبنى ٱلبلدية ومسؤول الهيئة ﻻ ٢٠٢٤"
    for source, target in rules.items():
        text = text.replace(source, target)
    assert text == "اداره المدن الالكترونيه ومبني البلديه ومسوول الهييه لا 2024"


def test_every_fold_of_the_python_normaliser_is_in_the_elasticsearch_character_map():
    rules = _char_filter_rules()
    expected = dict(arabic.LETTER_FOLDS) | dict(arabic.DIGIT_FOLDS)
    for start, end in arabic.STRIPPED_RANGES:
        expected.update((chr(code), "") for code in range(start, end + 1))
    missing = {char: folded for char, folded in expected.items() if rules.get(char) != folded}
    assert missing == {}
    assert rules["ؤ"] == "و" and rules["ئ"] == "ي"  # the two the hand-written map used to miss
    # and every rule does what normalize() does to that character alone
    assert {char: folded for char, folded in rules.items() if arabic.normalize(char) != folded} == {}


def _row(**values) -> SearchDocument:
    defaults = {
        "pk": 7,
        "source_type": "project",
        "source_id": "42",
        "language": "ar",
        "title": "بوابة بلدية الخليل",
        "body": "خدمات إلكترونية",
        "url": "/ar/projects/42/",
        "municipality": "hebron",
        "municipality_name": "الخليل",
        "governorate": "hebron-gov",
        "governorate_name": "محافظة الخليل",
        "category": "portals",
        "category_name": "بوابات",
        "status": "published",
        "published_at": datetime(2024, 12, 31, 23, 0, tzinfo=UTC),  # already 2025 in Hebron
        "updated_at": None,
        "visibility": "public",
        "forum_ids": [],
    }
    defaults.update(values)
    return SearchDocument(**defaults)


def test_a_row_becomes_a_document_with_its_raw_text_and_local_year():
    row = _row()
    assert document_id(row) == "project:42:ar"
    assert document_source(row) == {
        "source_type": "project",
        "source_id": "42",
        "language": "ar",
        "title": "بوابة بلدية الخليل",
        "body": "خدمات إلكترونية",
        "url": "/ar/projects/42/",
        "municipality": "hebron",
        "municipality_name": "الخليل",
        "governorate": "hebron-gov",
        "governorate_name": "محافظة الخليل",
        "category": "portals",
        "category_name": "بوابات",
        "status": "published",
        "published_at": "2024-12-31T23:00:00+00:00",
        "updated_at": None,
        "year": 2025,
        "visibility": "public",
        "forum_ids": [],
    }


def test_a_changed_row_is_indexed_and_a_tombstone_is_deleted():
    assert bulk_action(_row(), index="hub-search") == {
        "_op_type": "index",
        "_index": "hub-search",
        "_id": "project:42:ar",
        "_source": document_source(_row()),
    }
    assert bulk_action(_row(is_deleted=True, source_type="post", source_id="9", language="en"), index="x") == {
        "_op_type": "delete",
        "_index": "x",
        "_id": "post:9:en",
    }


def test_a_document_without_a_publication_date_has_no_year():
    source = document_source(_row(published_at=None))
    assert (source["published_at"], source["year"]) == (None, None)
