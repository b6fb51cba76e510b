"""Posting under load: verified staff reply to one topic at once through gunicorn, then the rows are counted.

    python bench/forum_posting.py [--seconds 90] [--users 40] [--workers 3] [--interval 30] [--think 0.5]

Runs against the embedded PostgreSQL on this machine, in a throwaway database (`hub_bench_posting`, dropped at the
end unless --keep). gunicorn serves the site with production settings (bench/settings_posting.py: production's,
with FORUM_MIN_SECONDS_BETWEEN_POSTS from --interval) on 127.0.0.1 only, as behind a TLS proxy (X-Forwarded-Proto).
No task worker runs, so every task the posts start stays queued and is counted.

Each poster sends replies one after the other until the time is up: in the default mode `interval`, after an
accepted reply it waits the interval the site requires (so every round starts with all posters replying at once),
after a refused one --think seconds; in mode `hammer` it never waits more than --think seconds. Every
reply carries a unique token, so afterwards each accepted reply (302) must be found exactly once and no refused
one (429) at all. Prints p50/p95/max of accepted and refused requests, rows lost or duplicated, tasks queued and
the load average. Bounded: at most --users threads, for --seconds seconds, each request with a 60 s timeout.
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = "hub_bench_posting"
FORUM_KEY = "e-payment"


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def prepare_environment(args) -> None:
    """A fresh database on the embedded server, and the environment production settings need."""
    import psycopg2
    from psycopg2 import sql

    from hub import embedded_db

    data_dir = Path(os.environ.get("EMBEDDED_DB_DIR", ROOT / "var" / "pgdata"))
    conn = embedded_db.ensure_running(data_dir)
    admin = psycopg2.connect(dbname="postgres", user=conn.user, host=conn.host, port=conn.port)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE)))
    admin.close()
    conn = embedded_db.ensure_running(data_dir, database=DATABASE)
    if not os.environ.get("REDIS_URL"):  # production settings need the shared cache: a throwaway one for the run
        import atexit
        import tempfile

        from hub import local_redis

        redis_url, redis_process = local_redis.start(Path(tempfile.mkdtemp(prefix="hub-bench-redis-")))
        atexit.register(local_redis.stop, redis_process)
        os.environ["REDIS_URL"] = redis_url
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings_posting",
            "DATABASE_URL": f"postgres://{conn.user}@/{DATABASE}?host={quote(conn.host, safe='')}&port={conn.port}",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
            "SECURE_SSL_REDIRECT": "false",
            "BENCH_MIN_SECONDS_BETWEEN_POSTS": str(args.interval),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
    )


def admin_drop() -> None:
    from django.db import connection

    settings = connection.settings_dict
    connection.close()
    import psycopg2
    from psycopg2 import sql

    admin = psycopg2.connect(dbname="postgres", user=settings["USER"], host=settings["HOST"], port=settings["PORT"])
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE)))
    admin.close()


def make_data(users: int):
    """`users` verified staff of one municipality, one topic started by the first; returns (topic, sessions)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.test import Client
    from machina.core.db.models import get_model

    from forum import services
    from hub.places.models import Governorate, Municipality

    Topic = get_model("forum_conversation", "Topic")
    Post = get_model("forum_conversation", "Post")
    forum = services.setup_forum()[FORUM_KEY]
    governorate = Governorate.objects.create(slug="hebron", name_ar="الخليل", name_en="Hebron")
    municipality = Municipality.objects.create(
        slug="hebron", name_ar="الخليل", name_en="Hebron", governorate=governorate
    )
    staff = []
    for n in range(users):
        user = get_user_model().objects.create_user(
            username=f"poster{n}", email=f"poster{n}@example.org", password=secrets.token_urlsafe(16)
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        user.municipality = municipality
        user.save()
        services.sync_user_groups(user=user)  # what e-mail confirmation and staff verification do on the site
        staff.append(user)
    topic = Topic.objects.create(
        forum=forum, poster=staff[0], subject="Load test: one topic, many replies", type=0, status=0, approved=True
    )
    Post.objects.create(topic=topic, poster=staff[0], subject=topic.subject, content="First post", approved=True)
    topic.refresh_from_db()
    sessions = []
    for user in staff:
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies["sessionid"].value)
    return topic, sessions


def start_gunicorn(args) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "hub.wsgi", "-w", str(args.workers), "-b", f"127.0.0.1:{args.port}", "--timeout", "120"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=open(ROOT / "var" / "bench-gunicorn.log", "w"),  # noqa: SIM115 - closed with the process
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=5)
            conn.request("GET", "/healthz", headers={"X-Forwarded-Proto": "https"})
            if conn.getresponse().status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    process.terminate()
    raise SystemExit("gunicorn did not answer /healthz within 60 s; see var/bench-gunicorn.log")


def workers_cpu_seconds(master_pid: int) -> float:
    """User + system CPU time of gunicorn's workers so far (Linux /proc), to give the CPU cost of one request,
    which, unlike latency, does not depend on what else the machine runs."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    for pid in children.read_text().split() if children.exists() else []:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def poster(n: int, session: str, path: str, args, start: threading.Barrier, deadline_box: list, results: list):
    csrf = secrets.token_hex(16)  # 32 characters: Django accepts the unmasked secret as the form token
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"sessionid={session}; csrftoken={csrf}",
        "X-Forwarded-Proto": "https",
        "Referer": f"https://127.0.0.1:{args.port}{path}",
        "Host": f"127.0.0.1:{args.port}",
    }
    start.wait()
    k = 0
    while time.monotonic() < deadline_box[0]:
        token = f"bench-{n}-{k}-{secrets.token_hex(4)}"
        body = urlencode(
            {
                "csrfmiddlewaretoken": csrf,
                "subject": "Re: load test",
                "content": f"Reply {token}: we reconcile payments every night.",
                "attachment-TOTAL_FORMS": "0",
                "attachment-INITIAL_FORMS": "0",
                "attachment-MIN_NUM_FORMS": "0",
                "attachment-MAX_NUM_FORMS": "1000",
            }
        )
        began = time.monotonic()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
            conn.request("POST", path, body=body, headers=headers)
            status = conn.getresponse().status
            conn.close()
        except OSError:
            status = 0  # timed out or refused: the post may or may not exist
        results.append((token, status, time.monotonic() - began, began))
        k += 1
        if status == 302 and args.mode == "interval":
            time.sleep(max(args.think, args.interval))  # as a member would: the next post once it is allowed
        else:
            time.sleep(args.think)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=90)
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--interval", type=int, default=30, help="FORUM_MIN_SECONDS_BETWEEN_POSTS for the run")
    parser.add_argument("--think", type=float, default=0.5, help="seconds a poster waits between two requests")
    parser.add_argument(
        "--mode",
        choices=["interval", "hammer"],
        default="interval",
        help="interval: after an accepted post a poster waits --interval seconds (all posters post together at"
        " the start, so each round is a burst of --users simultaneous replies); hammer: only --think seconds",
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    args.users = max(1, min(args.users, 200))
    args.seconds = max(1.0, min(args.seconds, 600.0))

    prepare_environment(args)
    import django

    django.setup()
    from django.core.management import call_command
    from django.urls import reverse
    from django.utils import translation
    from django_tasks_db.models import DBTaskResult
    from machina.core.db.models import get_model

    from hub import i18n_catalogue

    i18n_catalogue.compile_all()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    topic, sessions = make_data(args.users)
    with translation.override("ar"):
        path = reverse(
            "forum_conversation:post_create",
            kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "topic_slug": topic.slug,
                    "topic_pk": topic.pk},
        )  # fmt: skip
    Post = get_model("forum_conversation", "Post")
    tasks_before = DBTaskResult.objects.count()

    process = start_gunicorn(args)
    results: list = []
    try:
        load_before = os.getloadavg()[0]
        cpu_before = workers_cpu_seconds(process.pid)
        barrier = threading.Barrier(args.users + 1)
        deadline_box = [0.0]
        threads = [
            threading.Thread(target=poster, args=(n, s, path, args, barrier, deadline_box, results), daemon=True)
            for n, s in enumerate(sessions)
        ]
        for thread in threads:
            thread.start()
        deadline_box[0] = time.monotonic() + args.seconds
        barrier.wait()
        for thread in threads:
            thread.join(timeout=args.seconds + 120)
        load_after = os.getloadavg()[0]
        cpu_used = workers_cpu_seconds(process.pid) - cpu_before
    finally:
        process.terminate()
        process.wait(timeout=30)

    saved = Counter()
    for content in Post.objects.filter(topic=topic).values_list("content", flat=True):
        text = str(content)
        if text.startswith("Reply bench-"):
            saved[text.split(":", 1)[0].removeprefix("Reply ")] += 1
    by_status = Counter(status for _token, status, _t, _b in results)
    accepted = [(token, t) for token, status, t, _b in results if status == 302]
    refused = [(token, t) for token, status, t, _b in results if status == 429]
    other = [(token, status) for token, status, _t, _b in results if status not in (200, 302, 429)]
    lost = [token for token, _t in accepted if saved[token] == 0]
    duplicated = [token for token, count in saved.items() if count > 1]
    refused_but_saved = [token for token, _t in refused if saved[token]]
    per_user = Counter(token.split("-")[1] for token in saved)
    tasks = DBTaskResult.objects.count() - tasks_before

    def line(name, timings):
        timings = [t * 1000 for t in timings]
        if not timings:
            return f"{name}: none"
        return (
            f"{name}: {len(timings)}  p50 {statistics.median(timings):.0f} ms  p95 {percentile(timings, 0.95):.0f} ms"
            f"  max {max(timings):.0f} ms"
        )

    print(
        f"{args.users} posters, {args.workers} gunicorn workers, {args.seconds:.0f} s, interval {args.interval} s,"
        f" think {args.think} s, mode {args.mode}"
    )
    print(f"requests by status: {dict(sorted(by_status.items()))}")
    print(line("accepted (302)", [t for _token, t in accepted]))
    print(line("refused (429)", [t for _token, t in refused]))
    print(line("form shown again (200)", [t for _token, status, t, _b in results if status == 200]))
    print(line("all requests", [t for _token, _s, t, _b in results]))
    if results and args.mode == "interval":  # each round starts with every poster replying at once
        first = min(b for *_rest, b in results)
        for number in range(int(args.seconds // max(1, args.interval)) + 1):
            in_round = [
                t for _token, status, t, b in results if status == 302 and int((b - first) // args.interval) == number
            ]
            if in_round:
                print("  " + line(f"round {number + 1}, accepted", in_round))
    print(
        f"rows: {sum(saved.values())} saved; lost {len(lost)}; duplicated {len(duplicated)};"
        f" refused but saved {len(refused_but_saved)}; other answers {len(other)}"
    )
    print(f"most replies by one poster: {max(per_user.values(), default=0)}")
    print(f"tasks queued: {tasks}")
    print(
        f"gunicorn workers' CPU: {cpu_used:.1f} s, {1000 * cpu_used / max(1, len(results)):.0f} ms per request"
        f" ({len(results)} requests; PostgreSQL's CPU not included)"
    )
    print(f"load average (1 min): {load_before:.2f} before, {load_after:.2f} after")
    if not args.keep:
        admin_drop()


if __name__ == "__main__":
    main()
