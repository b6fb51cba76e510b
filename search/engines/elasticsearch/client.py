"""The connection to the cluster, and what counts as the cluster being unavailable."""

from __future__ import annotations

import functools

import elastic_transport
from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, NotFoundError

DEFAULT_ALIAS = "hub-search"
DEFAULT_TIMEOUT = 3.0  # seconds for a search: past this the service answers from PostgreSQL
BULK_TIMEOUT = 30.0


class EngineUnavailable(ConnectionError):
    """The cluster cannot answer now (unreachable, timed out, failing, or no index behind the alias yet).

    A ConnectionError, so that a caller that falls back on connection errors catches it without knowing it.
    """


def configured_alias() -> str:
    return getattr(settings, "ELASTICSEARCH_INDEX", "") or DEFAULT_ALIAS


@functools.lru_cache(maxsize=8)
def _client(url: str, timeout: float) -> Elasticsearch:
    # No retries inside the client: the outbox retries later, and a search falls back to PostgreSQL at once.
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def unavailable(error: Exception, *, alias: str = "") -> EngineUnavailable:
    """Translate a client error into EngineUnavailable, with a message an operator can act on."""
    if isinstance(error, NotFoundError):
        return EngineUnavailable(
            f"Elasticsearch has no index behind '{alias}': run `python manage.py search_index rebuild` ({error})"
        )
    return EngineUnavailable(f"Elasticsearch is unavailable: {error.__class__.__name__}: {error}")


def is_unavailability(error: Exception) -> bool:
    """True for errors that say the cluster cannot work now (as opposed to a bad request from our code)."""
    if isinstance(error, elastic_transport.TransportError):  # connection refused, timeout, TLS
        return True
    return isinstance(error, ApiError) and (isinstance(error, NotFoundError) or error.status_code >= 500)
