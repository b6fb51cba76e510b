"""The Elasticsearch engine (used when ELASTICSEARCH_URL is set): see docs/search-elasticsearch.md.

`client` connects and says when the cluster is unavailable, `index` defines the analyzers, mapping and bulk
actions, `engine` builds the queries and reads the answers.
"""

from search.engines.elasticsearch.client import (
    BULK_TIMEOUT,
    DEFAULT_ALIAS,
    EngineUnavailable,
    configured_alias,
    is_unavailability,
    unavailable,
)
from search.engines.elasticsearch.engine import ElasticsearchEngine, audience_filter, corrected_text, selected_filters
from search.engines.elasticsearch.index import (
    ARABIC_CHAR_MAPPINGS,
    SearchEntry,
    bulk_action,
    document_id,
    document_source,
    index_definition,
)

__all__ = [
    "ARABIC_CHAR_MAPPINGS",
    "BULK_TIMEOUT",
    "DEFAULT_ALIAS",
    "ElasticsearchEngine",
    "EngineUnavailable",
    "SearchEntry",
    "audience_filter",
    "bulk_action",
    "configured_alias",
    "corrected_text",
    "document_id",
    "document_source",
    "index_definition",
    "is_unavailability",
    "selected_filters",
    "unavailable",
]
