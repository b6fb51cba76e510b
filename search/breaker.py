"""A circuit breaker in front of Elasticsearch: after a few failures in a row, searches stop asking the cluster
for a while and PostgreSQL answers at once; then one search tries the cluster again (half-open).

The state lives in the default cache, so with Redis (production) every worker process shares it: one process
that finds the cluster hanging spares all the others the timeout. With the local-memory cache each process
keeps its own. Times are wall-clock seconds (shared by processes).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("search.selectors")

FAILURES_KEY = "hub_search:es_breaker:failures"  # failures in a row (a success resets it)
OPEN_KEY = "hub_search:es_breaker:open_until"  # set while open: the time after which one search may try again
PROBE_KEY = "hub_search:es_breaker:probe"  # held by the one search that tries the cluster when half-open
DEFAULT_FAILURES = 3
DEFAULT_COOLDOWN = 30.0
FAILURE_WINDOW = 300  # failures further apart than this do not add up


class CircuitBreaker:
    """closed (ask the cluster) -> open after `failures` failures in a row (do not ask for `cooldown` seconds) ->
    half-open (one search asks; success closes, failure opens again for another `cooldown`)."""

    def __init__(
        self,
        *,
        failures: int | None = None,
        cooldown: float | None = None,
        clock: Callable[[], float] = time.time,
    ):
        self.failures = int(failures or getattr(settings, "ELASTICSEARCH_BREAKER_FAILURES", DEFAULT_FAILURES))  # type: ignore[arg-type]  # never None
        self.cooldown = float(cooldown or getattr(settings, "ELASTICSEARCH_BREAKER_COOLDOWN", DEFAULT_COOLDOWN))  # type: ignore[arg-type]  # never None
        self.clock = clock

    def allow(self) -> bool:
        """May this search ask the cluster? False while open; True for one search at a time once it may retry."""
        open_until = cache.get(OPEN_KEY)
        if open_until is None:
            return True
        if self.clock() < open_until:
            return False
        probe_timeout = int(float(getattr(settings, "ELASTICSEARCH_TIMEOUT", 3)) * 2) + 1
        return cache.add(PROBE_KEY, True, timeout=probe_timeout)  # half-open: the others keep using PostgreSQL

    def is_open(self) -> bool:
        open_until = cache.get(OPEN_KEY)
        return open_until is not None and self.clock() < open_until

    def record_success(self) -> None:
        state = cache.get_many([FAILURES_KEY, OPEN_KEY])
        if not state:  # the usual case: closed, nothing to reset (one cache read per search)
            return
        if OPEN_KEY in state:
            logger.warning("Elasticsearch answers again; searches use it again")
        cache.delete_many([FAILURES_KEY, OPEN_KEY, PROBE_KEY])

    def record_failure(self, error: Exception) -> None:
        keep = max(int(self.cooldown) * 20, 3600)  # the open state outlives the cool-down; the time decides
        if cache.get(OPEN_KEY) is not None:  # the half-open try failed: stay open for another cool-down
            cache.set(OPEN_KEY, self.clock() + self.cooldown, timeout=keep)
            cache.delete(PROBE_KEY)
            logger.info("Elasticsearch still unavailable (%s); next try in %.0f s", error, self.cooldown)
            return
        if cache.add(FAILURES_KEY, 1, timeout=FAILURE_WINDOW):
            count = 1
        else:
            try:
                count = cache.incr(FAILURES_KEY)
            except ValueError:  # expired between add and incr
                cache.add(FAILURES_KEY, 1, timeout=FAILURE_WINDOW)
                count = 1
        if count >= self.failures and cache.add(OPEN_KEY, self.clock() + self.cooldown, timeout=keep):
            # cache.add: only the process that opens the breaker says so, once
            logger.warning(
                "Elasticsearch failed %d times in a row (last: %s); searches are answered from PostgreSQL "
                "without asking it for %.0f s, then one search tries again",
                count,
                error,
                self.cooldown,
            )
