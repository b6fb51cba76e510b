"""Shared fixtures: named users, the demo home page, and a real headless Chromium for browser journeys."""

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


# Rows that data migrations write, which a transactional test's closing flush removes: (module, function).
DATA_MIGRATIONS = [
    ("projects_db.migrations.0003_project_documents_collection", "create_collection"),
    ("hub.accounts.migrations.0004_apply_group_permissions", "apply"),  # every role group and its rights
]


def _is_transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )


def restore_migration_data() -> None:
    """Put back what migrations wrote (Wagtail's root page and collection, the default locale, the role groups and
    their permissions) where a flush removed it. Idempotent."""
    from importlib import import_module

    from django.apps import apps
    from wagtail.models import Collection, Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code="ar")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    for module, function in DATA_MIGRATIONS:
        getattr(import_module(module), function)(apps, None)


@pytest.fixture(autouse=True)
def site_language():
    """Every test starts in the site's default language (Arabic). A request to /en/ leaves English active in the
    worker's thread (LocaleMiddleware), and with xdist any test may run after any other: without this a reverse()
    in the next test would build /en/ URLs."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache. The database is rolled back after each test but the local-memory cache
    is not: a page cached by one test (under a content version no write of the next test bumps) would be served to
    the next one on the same worker."""
    from django.core.cache import cache

    cache.clear()
    yield


FLUSHES = pytest.StashKey()  # on a transactional test's item: the database blocker, to restore after its flush


@pytest.fixture(autouse=True)
def migration_data(request, django_db_blocker):
    """A transactional test (every browser journey) ends by flushing all tables, so whatever test comes next (on this
    xdist worker, in any order) would start without what migrations wrote. Mark it, so that the data is put back
    (committed) right after its flush: see pytest_runtest_teardown."""
    if _is_transactional(request):
        request.node.stash[FLUSHES] = django_db_blocker


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield  # the test's fixtures are torn down: a transactional test's tables are flushed
    blocker = item.stash.get(FLUSHES, None)
    if blocker is not None and nextitem is not None:  # after the last test the test database is already dropped
        with blocker.unblock():
            restore_migration_data()
    return result


@pytest.fixture
def home_pages(db):
    """The Arabic home page as the site root, with its live English translation."""
    from hub import demo

    demo.load_home()  # only the two home pages; hub.demo.load() adds every section and demo page
    from hub.models import HomePage

    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}


@pytest.fixture(scope="session")
def redis_url():
    """A real Redis (Debian's redis-server) on a Unix socket of its own, for this test session: its REDIS_URL.
    Outside CI a missing redis-server skips, saying why; in CI (.ci/run installs it) it fails."""
    import tempfile
    from pathlib import Path

    from hub import local_redis

    if not local_redis.available():
        message = "this test needs Debian's redis-server (apt-get install -y redis-server); .ci/run installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Under /tmp: a Unix socket's path must stay under 108 bytes, which pytest's tmp_path may exceed.
    folder = Path(tempfile.mkdtemp(prefix="hub-redis-"))
    url, process = local_redis.start(folder)
    yield url
    local_redis.stop(process)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Outside CI a missing Chromium skips, saying why; in CI it fails."""
    if not os.path.exists(CHROMIUM) or shutil.which(CHROMIUM) is None:
        message = f"browser tests need {CHROMIUM} (apt-get install -y chromium); .ci/run installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test are still sync.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab that records every failed request and console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.failed_requests = []
    tab.on("requestfailed", lambda request: tab.failed_requests.append(request.url))
    tab.on("response", lambda response: tab.failed_requests.append(response.url) if response.status >= 400 else None)
    yield tab
    context.close()
