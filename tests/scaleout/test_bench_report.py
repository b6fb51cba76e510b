"""bench/http_load.py reads wrk's report and prints the table docs/performance.md takes (no load is run here)."""

from bench import http_load

WRK_REPORT = """Running 3s test @ http://127.0.0.1:8000/ar/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    25.10ms   10.02ms  1.02s    90.00%
    Req/Sec   160.00     20.00   200.00     70.00%
  Latency Distribution
     50%   22.50ms
     75%   30.00ms
     90%   40.00ms
     99%    1.20s
  960 requests in 3.00s, 10.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:    320.00
Transfer/sec:      3.33MB
"""


def test_a_wrk_report_gives_rate_percentiles_and_failures():
    run = http_load.parse_wrk(WRK_REPORT)
    assert (run.requests_per_second, run.p50_ms, run.p99_ms) == (320.0, 22.5, 1200.0)
    assert (run.bad_answers, run.socket_errors) == (4, 5)


def test_the_table_gives_each_page_its_ratio_to_healthz_measured_around_it():
    page = http_load.Run(requests_per_second=320.0, p50_ms=22.5, p99_ms=1200.0)
    before, after = http_load.Run(700.0, 5.0, 9.0), http_load.Run(900.0, 4.0, 8.0)
    row = http_load.Row(page="/ar/", who="anonymous", run=page, healthz_before=before, healthz_after=after, load=3.5)
    table = http_load.format_table([row]).splitlines()
    assert table[2] == "| /ar/ | anonymous | 320 | 22.5 | 1200.0 | 0 | 0 | 700 / 900 | 0.40 | 3.50 |"


def test_quick_runs_three_seconds_and_the_load_stays_bounded():
    assert http_load.parse_args(["--quick"]).duration == 3
    args = http_load.parse_args(["--duration", "9999", "--connections", "500", "--threads", "100"])
    assert (args.duration, args.connections, args.threads) == (120, 64, 64)
