"""Settings of the HTTP benchmark (bench/http.py): production's, with the search rate limit lifted for the run
(wrk sends thousands of searches a minute from one address; the limit would measure the 429 page instead)."""

from hub.settings.production import *  # noqa: F403

SEARCH_RATE_LIMIT_PER_MINUTE = 10**9
# Warnings only: a log line per request would cost the 2 cores time.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
