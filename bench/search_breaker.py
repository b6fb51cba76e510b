"""Elasticsearch that accepts connections and never answers: search latency without and with the circuit breaker.

    DJANGO_SETTINGS_MODULE=hub.settings.dev python bench/search_breaker.py [--searches 20] [--timeout 1]

Uses the development database (any content; `make run` loads the demo). The silent "cluster" is a socket on
127.0.0.1 that accepts and never replies; nothing leaves the machine. Prints p50/p95 and how many connections each
run opened to the silent socket. Timings are printed, never asserted.
"""

import argparse
import os
import socket
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.cache import cache  # noqa: E402

from search import selectors  # noqa: E402
from search.breaker import CircuitBreaker  # noqa: E402
from search.engines.elasticsearch import ElasticsearchEngine  # noqa: E402
from search.engines.postgres import PostgresEngine  # noqa: E402


def silent_cluster() -> tuple[socket.socket, list]:
    server = socket.create_server(("127.0.0.1", 0), backlog=128)
    accepted: list = []

    def accept():
        while True:
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    return server, accepted


def run(label: str, breaker, *, url: str, accepted: list, searches: int, timeout: float) -> None:
    cache.clear()
    accepted.clear()
    times = []
    for _ in range(searches):
        engine = selectors.FallbackEngine(ElasticsearchEngine(url=url, timeout=timeout), PostgresEngine(), breaker())
        start = time.perf_counter()
        selectors.search(text="الدفع الإلكتروني", user=AnonymousUser(), engine=engine)
        times.append(time.perf_counter() - start)
    times.sort()
    p50, p95 = times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.95))]
    print(
        f"{label:<34} {searches} searches: total {sum(times):6.2f} s, p50 {p50 * 1000:6.0f} ms, "
        f"p95 {p95 * 1000:6.0f} ms, connections to the silent cluster {len(accepted)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searches", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=1.0, help="ELASTICSEARCH_TIMEOUT for the run (seconds)")
    args = parser.parse_args()
    server, accepted = silent_cluster()
    url = f"http://127.0.0.1:{server.getsockname()[1]}"
    print(f"load average {os.getloadavg()[0]:.2f}; Elasticsearch timeout {args.timeout} s")
    common = {"url": url, "accepted": accepted, "searches": args.searches, "timeout": args.timeout}
    run("without breaker", lambda: CircuitBreaker(failures=10**9), **common)
    run("with breaker (3 failures, 30 s)", lambda: CircuitBreaker(failures=3, cooldown=30), **common)
    server.close()


if __name__ == "__main__":
    main()
