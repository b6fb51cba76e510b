"""Which engine answers: PostgreSQL by default; Elasticsearch when configured, PostgreSQL again when it is down."""

import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from elastic_transport import ConnectionError as TransportConnectionError

from search import selectors
from search.engines.base import Engine
from search.engines.postgres import PostgresEngine
from tests.search.factories import DocumentFactory as Doc

pytestmark = pytest.mark.django_db


def test_postgres_answers_when_elasticsearch_is_not_configured(settings):
    settings.ELASTICSEARCH_URL = ""
    assert isinstance(selectors.get_engine(), PostgresEngine)


class DownElasticsearch(Engine):
    name = "elasticsearch"

    def search(self, query):
        raise TransportConnectionError("connection refused")


def test_postgres_answers_and_the_log_says_so_when_elasticsearch_is_down(index, caplog):
    index([Doc(source_id="budget", title="الموازنة المفتوحة")])
    engine = selectors.FallbackEngine(DownElasticsearch(), PostgresEngine())
    with caplog.at_level(logging.WARNING, logger="search.selectors"):
        results = selectors.search(text="الموازنه", user=AnonymousUser(), engine=engine)
    assert [hit.source_id for hit in results.hits] == ["budget"]
    assert results.engine == "postgres"
    assert "answered from PostgreSQL" in caplog.text


def test_audiences_follow_the_roles(member, editor):
    assert selectors.audience_for(AnonymousUser()).visibilities == {"public"}
    assert selectors.audience_for(member).visibilities == {"public", "members"}
    assert selectors.audience_for(editor).visibilities == {"public", "members", "staff"}


def test_forum_ids_come_from_registered_providers(member, monkeypatch):
    from search import registry

    monkeypatch.setattr(registry, "_audience_providers", [])
    registry.register_audience_provider(lambda user: {3, 5} if user.is_authenticated else set())
    assert selectors.audience_for(member).forum_ids == {3, 5}
    assert selectors.audience_for(AnonymousUser()).forum_ids == frozenset()
