"""Settings of the forum benchmark (bench/forum.py): the development database (the embedded PostgreSQL, where the
generated topics are kept) with what production does per request: DEBUG off (no query log), the cached template
loader, production's persistent connection, warnings-only logging. The middleware is production's (hub.settings.base);
the cache is local memory in the benchmark's one process (production's Redis is measured by bench/http_load.py)."""

from hub.settings.dev import *  # noqa: F403

DEBUG = False
TEMPLATES[0]["APP_DIRS"] = False  # noqa: F405
TEMPLATES[0]["OPTIONS"]["debug"] = False  # noqa: F405
TEMPLATES[0]["OPTIONS"]["loaders"] = [  # noqa: F405
    (
        "django.template.loaders.cached.Loader",
        ["django.template.loaders.filesystem.Loader", "django.template.loaders.app_directories.Loader"],
    )
]
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
