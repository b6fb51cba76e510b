"""Settings of the posting load test (bench/forum_posting.py): production's, with the interval between two posts
of one member taken from the environment so a run can also measure posting with no interval at all."""

import os

from hub.settings.production import *  # noqa: F403

FORUM_MIN_SECONDS_BETWEEN_POSTS = int(os.environ.get("BENCH_MIN_SECONDS_BETWEEN_POSTS", "30"))
# Log warnings only: gunicorn's access log is off and a request log line per post would cost the 2 cores time.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
