"""The index in the cluster: analyzers (Arabic and English normalisation happen here), mapping, bulk actions.

The index holds the raw text of each SearchDocument row. Normalisation happens inside the cluster, in the
analyzers below, so that indexed text and query text always go through the same chain; the Python normaliser
(search.arabic) serves the PostgreSQL engine. See docs/search-elasticsearch.md.
"""

from __future__ import annotations

from django.utils import timezone
from elasticsearch_dsl import (
    Date,
    DenseVector,
    Document,
    Index,
    Integer,
    Keyword,
    MetaField,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from search import arabic

# Spelling variants that must not separate two words, mapped before tokenising (offsets are kept, so highlights
# still land on the original characters). Generated from search.arabic's own tables (letter and digit folds,
# stripped marks, presentation forms), so both engines fold exactly the same characters; `arabic_normalization`
# after tokenising is kept as a safety net.
ARABIC_CHAR_MAPPINGS = [f"{char}=>{folded}" for char, folded in arabic.char_mappings().items()]

arabic_chars = char_filter("hub_arabic_chars", type="mapping", mappings=ARABIC_CHAR_MAPPINGS)
arabic_stop = token_filter("hub_arabic_stop", type="stop", stopwords="_arabic_")
arabic_stemmer = token_filter("arabic_stemmer", type="stemmer", language="arabic")  # Lucene's light stemmer
english_possessive = token_filter("hub_english_possessive", type="stemmer", language="possessive_english")
english_stop = token_filter("hub_english_stop", type="stop", stopwords="_english_")
english_stemmer = token_filter("hub_english_stemmer", type="stemmer", language="english")

hub_arabic = analyzer(
    "hub_arabic",
    tokenizer="standard",
    char_filter=[arabic_chars],
    filter=["lowercase", "decimal_digit", arabic_stop, "arabic_normalization", arabic_stemmer],
)
# English text often carries Arabic names; they get the same normalisation, without the Arabic stemmer.
hub_english = analyzer(
    "hub_english",
    tokenizer="standard",
    char_filter=[arabic_chars],
    filter=[english_possessive, "lowercase", "decimal_digit", "arabic_normalization", english_stop, english_stemmer],
)


def _text() -> Text:
    """A text field analysed for Arabic, with an `.en` sub-field analysed for English."""
    return Text(analyzer=hub_arabic, fields={"en": Text(analyzer=hub_english)})


class SearchEntry(Document):
    """One SearchDocument row as stored in the cluster (id: type:source id:language)."""

    source_type = Keyword()
    source_id = Keyword()
    language = Keyword()
    title = _text()
    body = _text()
    url = Keyword(index=False)
    municipality = Keyword()
    municipality_name = Keyword()
    governorate = Keyword()
    governorate_name = Keyword()
    category = Keyword()
    category_name = Keyword()
    status = Keyword()
    published_at = Date()
    updated_at = Date()
    year = Integer()
    visibility = Keyword()
    forum_ids = Integer()
    # The same vectors as PostgreSQL's search_embedding (search.embeddings), for kNN retrieval; absent until the
    # row has been embedded (the embedding task then queues the row for another push).
    embedding = DenseVector(dims=512, index=True, similarity="cosine")

    class Meta:
        dynamic = MetaField("strict")  # a field the code does not know is an error, not a silent new mapping
        source = MetaField(excludes=["embedding"])  # searched, never returned: 512 floats per hit would travel


def index_definition(name: str) -> Index:
    """The settings and mapping of one concrete index; `Index(name).to_dict()` is the body of its creation."""
    index = Index(name)
    # One shard is plenty for tens of thousands of documents; replicas follow the cluster size.
    index.settings(number_of_shards=1, auto_expand_replicas="0-1")
    index.document(SearchEntry)
    return index


def document_id(row) -> str:
    """Stable id of a row in the cluster, so that pushing the same row twice changes nothing."""
    return f"{row.source_type}:{row.source_id}:{row.language}"


def document_source(row) -> dict:
    """The stored fields of one SearchDocument row (raw text: the analyzers normalise it)."""
    return {
        "source_type": row.source_type,
        "source_id": row.source_id,
        "language": row.language,
        "title": row.title,
        "body": row.body,
        "url": row.url,
        "municipality": row.municipality,
        "municipality_name": row.municipality_name,
        "governorate": row.governorate,
        "governorate_name": row.governorate_name,
        "category": row.category,
        "category_name": row.category_name,
        "status": row.status,
        "published_at": row.published_at.isoformat() if row.published_at else None,
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
        "year": timezone.localtime(row.published_at).year if row.published_at else None,
        "visibility": row.visibility,
        "forum_ids": list(row.forum_ids),
        **({"embedding": row.embedding} if getattr(row, "embedding", None) is not None else {}),
    }


def bulk_action(row, *, index: str) -> dict:
    """The bulk action for one outbox row: index its document, or delete it when the row is a tombstone."""
    if row.is_deleted:
        return {"_op_type": "delete", "_index": index, "_id": document_id(row)}
    return {"_op_type": "index", "_index": index, "_id": document_id(row), "_source": document_source(row)}
