"""A cluster that accepts connections but never answers: after a few failures the search stops asking it,
answers from PostgreSQL at once, says so once in the log, and tries the cluster again after a cool-down."""

import logging
import socket
import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache

from search import selectors
from search.breaker import CircuitBreaker
from search.engines.base import Engine, SearchResults
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.postgres import PostgresEngine
from tests.search.factories import DocumentFactory as Doc

pytestmark = pytest.mark.django_db

TIMEOUT = 0.3  # seconds the client waits for the silent cluster (bounded: the test never waits longer)


class SilentCluster:
    """Accepts every connection on 127.0.0.1 and never sends a byte; counts the connections it was given."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0), backlog=32)
        self.socket.settimeout(0.05)
        self.connections: list[socket.socket] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"

    def _accept(self):
        while not self.stopped.is_set():
            try:
                connection, _ = self.socket.accept()
            except (TimeoutError, OSError):
                continue
            self.connections.append(connection)

    def close(self):
        self.stopped.set()
        self.thread.join(timeout=2)
        for connection in self.connections:
            connection.close()
        self.socket.close()


@pytest.fixture
def silent_cluster():
    cluster = SilentCluster()
    yield cluster
    cluster.close()


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self):
        return self.now


@pytest.fixture
def budget(index, settings):
    settings.ELASTICSEARCH_TIMEOUT = TIMEOUT
    cache.clear()
    index([Doc(source_id="budget", title="الموازنة المفتوحة")])
    yield
    cache.clear()


def search(engine):
    return selectors.search(text="الموازنة", user=AnonymousUser(), engine=engine)


def hanging_engine(cluster, clock):
    breaker = CircuitBreaker(failures=2, cooldown=30, clock=clock)
    return selectors.FallbackEngine(ElasticsearchEngine(url=cluster.url, timeout=TIMEOUT), PostgresEngine(), breaker)


def test_after_two_timeouts_searches_stop_waiting_for_a_silent_cluster(budget, silent_cluster, caplog):
    clock = Clock()
    with caplog.at_level(logging.INFO, logger="search.selectors"):
        for _ in range(2):  # each of these waits for the timeout, then PostgreSQL answers
            results = search(hanging_engine(silent_cluster, clock))
            assert [hit.source_id for hit in results.hits] == ["budget"] and results.engine == "postgres"
        asked = len(silent_cluster.connections)
        assert asked == 2
        for _ in range(5):  # open: a new engine per search, as per request, and still nobody asks the cluster
            results = search(hanging_engine(silent_cluster, clock))
            assert [hit.source_id for hit in results.hits] == ["budget"] and results.engine == "postgres"
        assert len(silent_cluster.connections) == asked
    opened = [r for r in caplog.records if "without asking it" in r.getMessage()]
    assert len(opened) == 1 and opened[0].levelno == logging.WARNING


def test_after_the_cool_down_one_search_tries_again_and_a_failure_keeps_it_open(budget, silent_cluster, caplog):
    clock = Clock()
    for _ in range(2):
        search(hanging_engine(silent_cluster, clock))
    clock.now += 31  # the cool-down has passed: half-open
    search(hanging_engine(silent_cluster, clock))
    assert len(silent_cluster.connections) == 3  # one try
    search(hanging_engine(silent_cluster, clock))
    assert len(silent_cluster.connections) == 3  # it failed: open again, no new try
    clock.now += 31
    results = search(hanging_engine(silent_cluster, clock))
    assert len(silent_cluster.connections) == 4 and results.engine == "postgres"


class Recovered(Engine):
    """The cluster back on its feet: answers every search (counted)."""

    name = "elasticsearch"

    def __init__(self):
        self.asked = 0

    def search(self, query):
        self.asked += 1
        return SearchResults(hits=[], total=0, facets={}, engine=self.name)


def test_a_successful_try_closes_the_breaker_for_every_process(budget, silent_cluster, caplog):
    clock = Clock()
    for _ in range(2):
        search(hanging_engine(silent_cluster, clock))
    clock.now += 31
    recovered = Recovered()
    breaker = CircuitBreaker(failures=2, cooldown=30, clock=clock)
    with caplog.at_level(logging.WARNING, logger="search.selectors"):
        assert search(selectors.FallbackEngine(recovered, PostgresEngine(), breaker)).engine == "elasticsearch"
    assert "answers again" in caplog.text
    # the state is in the shared cache: another engine (another request, another process) asks again at once
    other = selectors.FallbackEngine(recovered, PostgresEngine(), CircuitBreaker(failures=2, cooldown=30, clock=clock))
    assert search(other).engine == "elasticsearch" and recovered.asked == 2
