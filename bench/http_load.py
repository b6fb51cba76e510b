"""HTTP benchmark: the site's pages under gunicorn with the production settings, driven by wrk on loopback.
(Named http_load.py: a bench/http.py would hide the standard library's `http` package from every script in bench/,
whose folder Python puts first on sys.path.)

    python bench/http_load.py [--quick] [--duration 10] [--threads 2] [--connections 8] [--workers 2] [--keep]
    make bench-http

Builds a throwaway database `hub_bench_http` on the embedded PostgreSQL with the demo content (`load_demo_data`;
`--keep` keeps it and reuses it next time), collects the static files, starts a redis-server of its own when Debian's
is installed (the production cache; otherwise local memory in each worker, said in the output), and gunicorn with
`bench.settings_http` (production's settings; persistent database connections, CONN_MAX_AGE 60; the search rate
limit lifted for the run: SEARCH_RATE_LIMIT_PER_MINUTE = 10**9, so wrk's thousands of searches a minute from one
address measure the search and not the 429 page) on 127.0.0.1 only, as behind a TLS proxy (X-Forwarded-Proto).

For each page: `/healthz` for the same duration, the page, `/healthz` again, each after the previous run's queued
requests are served (`drain`); the ratio is the page's req/s over the
mean of the two `/healthz` runs, so a machine busy with other work shifts both. Anonymous pages first, then the
same pages for the signed-in demo member (its session and CSRF cookies in a header, as a browser sends them), then
the search. Prints req/s, p50 and p99 latency (wrk --latency), answers that were not 2xx/3xx and socket errors,
and the load average. `--quick` runs each for 3 s. Nothing here is asserted: numbers go to docs/performance.md with
the load average of their run.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import site_server  # noqa: E402

WRK = "/usr/bin/wrk"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Run:
    """One wrk run against one path."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    bad_answers: int = 0  # not 2xx or 3xx
    socket_errors: int = 0  # connect, read, write errors and time-outs


@dataclass
class Row:
    page: str
    who: str
    run: Run
    healthz_before: Run
    healthz_after: Run
    load: float = field(default=0.0)

    @property
    def ratio(self) -> float:
        healthz = (self.healthz_before.requests_per_second + self.healthz_after.requests_per_second) / 2
        return self.run.requests_per_second / healthz if healthz else float("nan")


def _ms(value: str, unit: str) -> float:
    return float(value) * UNITS[unit]


def parse_wrk(output: str) -> Run:
    """The numbers of one `wrk --latency` report."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if rps is None:
        raise ValueError(f"not a wrk report: {output[:300]!r}")
    latency = {
        quantile: _ms(value, unit)
        for quantile, value, unit in re.findall(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
    }
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return Run(
        requests_per_second=float(rps.group(1)),
        p50_ms=latency.get("50", float("nan")),
        p99_ms=latency.get("99", float("nan")),
        bad_answers=int(bad.group(1)) if bad else 0,
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
    )


def format_table(rows: list[Row]) -> str:
    """A Markdown table, ready for docs/performance.md."""
    lines = [
        "| page | who | req/s | p50 ms | p99 ms | non-2xx/3xx | socket errors | /healthz before/after req/s "
        "| ratio to /healthz | load 1 min |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row.page} | {row.who} | {row.run.requests_per_second:.0f} | {row.run.p50_ms:.1f} | "
            f"{row.run.p99_ms:.1f} | {row.run.bad_answers} | {row.run.socket_errors} | "
            f"{row.healthz_before.requests_per_second:.0f} / {row.healthz_after.requests_per_second:.0f} | "
            f"{row.ratio:.2f} | {row.load:.2f} |"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 s per run instead of --duration")
    parser.add_argument("--duration", type=int, default=10, help="seconds of each wrk run (default 10)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (-t, default 2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (-c, default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--port", type=int, default=0, help="gunicorn's port (default: a free one)")
    parser.add_argument("--keep", action="store_true", help="keep the database (and reuse it next time)")
    parser.add_argument("--only", default="", help="run only the pages whose name contains this text")
    args = parser.parse_args(argv)
    if args.quick:
        args.duration = 3
    # Bounded: wrk never runs longer than two minutes per page, nor with more than 64 connections.
    args.duration = max(1, min(args.duration, 120))
    args.connections = max(1, min(args.connections, 64))
    args.threads = max(1, min(args.threads, args.connections))
    return args


def wrk(args, port: int, path: str, cookie: str = "") -> Run:
    command = [WRK, f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency",
               "--timeout", "10s", "-H", "X-Forwarded-Proto: https"]  # fmt: skip
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    result = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        timeout=args.duration + 60,
    )
    return parse_wrk(result.stdout)


def drain(port: int) -> None:
    """Wait until gunicorn has worked off what the last run left queued (wrk stops sending, but the requests already
    in the listen queue are still served): until two /healthz in a row answer within a second, at most 60 s. Else
    the next run would measure the previous page's backlog."""
    deadline = time.monotonic() + 60
    quick = 0
    while quick < 2 and time.monotonic() < deadline:
        start = time.monotonic()
        check(port, "/healthz", "")
        quick = quick + 1 if time.monotonic() - start < 1.0 else 0


def check(port: int, path: str, cookie: str) -> None:
    """One request first: a page that fails would measure an error page."""
    headers = {"X-Forwarded-Proto": "https", **({"Cookie": cookie} if cookie else {})}
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310 - loopback http URL built here
        if answer.status != 200:
            raise SystemExit(f"{path} answered {answer.status}")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if not os.path.exists(WRK):
        raise SystemExit(f"this benchmark needs {WRK} (apt-get install -y wrk)")
    rows: list[Row] = []
    with site_server.running_site(workers=args.workers, keep=args.keep, port=args.port) as site:
        paths, member_cookie = site_server.pages()
        search_path = f"/ar/search/?q={quote(site_server.SEARCH_QUERY)}"
        print(
            f"gunicorn {args.workers} workers, production settings (bench.settings_http), cache: {site.cache}; "
            f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s; load average before: "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}",
            flush=True,
        )
        plan = [(name, path, "anonymous", "") for name, path in paths.items()]
        plan += [(name, path, "member", member_cookie) for name, path in paths.items()]
        plan += [("search (rate limit lifted)", search_path, who, cookie)
                 for who, cookie in (("anonymous", ""), ("member", member_cookie))]  # fmt: skip
        for name, path, who, cookie in plan:
            if args.only and args.only not in name:
                continue
            check(site.port, path, cookie)
            drain(site.port)
            before = wrk(args, site.port, "/healthz")
            drain(site.port)
            run = wrk(args, site.port, path, cookie)
            drain(site.port)
            after = wrk(args, site.port, "/healthz")
            rows.append(Row(page=name, who=who, run=run, healthz_before=before, healthz_after=after,
                            load=os.getloadavg()[0]))  # fmt: skip
            print(f"  {name} ({who}): {run.requests_per_second:.0f} req/s, ratio {rows[-1].ratio:.2f}", flush=True)
    print()
    print(format_table(rows))
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
