"""Tests: the same PostgreSQL as development (pytest-django creates and drops test_hub), fast hashing,
in-memory e-mail, background tasks run immediately."""

import os

from .base import *  # noqa: F403

# Under pytest-xdist (`make test` runs two workers) each worker has its own test database (pytest-django adds the
# suffix) and its own media folders, so that workers never see each other's files. (The Elasticsearch tests that
# write to a cluster each make their own random alias.)
WORKER_SUFFIX = f"-{os.environ['PYTEST_XDIST_WORKER']}" if os.environ.get("PYTEST_XDIST_WORKER") else ""

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}  # noqa: F405
MEDIA_ROOT = VAR_DIR / f"test-media{WORKER_SUFFIX}"  # noqa: F405
PRIVATE_MEDIA_ROOT = VAR_DIR / f"test-private-media{WORKER_SUFFIX}"  # noqa: F405
SENDFILE_ROOT = str(PRIVATE_MEDIA_ROOT)
ALLOWED_HOSTS = ["*"]
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
# The hub's anonymous page cache is off in tests (tests/hub/test_page_cache.py turns it on): tests stay independent.
HUB_PAGE_CACHE_SECONDS = 0
# With ELASTICSEARCH_URL set, tests must never write into the development alias of the same cluster.
ELASTICSEARCH_INDEX = "hub-search-test"
# The exact-body tests of the Elasticsearch engine check its lexical requests; tests of its hybrid side
# (tests/search/test_elasticsearch_hybrid.py) switch kNN on per engine.
ELASTICSEARCH_SEMANTIC = False
# Tasks run at once in tests: embedding after every commit would load the encoder in every transactional test.
# Tests of the semantic side embed explicitly, and tests/search/test_hybrid_search.py switches this on.
SEARCH_EMBED_AFTER_COMMIT = False
