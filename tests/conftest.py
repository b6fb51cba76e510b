"""Shared fixtures: named users, the demo home page, the whole demo as a fresh database copy, and a real headless
Chromium for browser journeys."""

import contextlib
import io
import os
import shutil
from pathlib import Path

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


# --- The demo, loaded once per worker and copied --------------------------------------------------------------------
# `load_demo_data` takes 15-25 s. Each worker loads it once, into its test database, and keeps that as a PostgreSQL
# template database (`<test db>_demo`); a test or module that reads the demo gets a copy of it as its test database
# (CREATE DATABASE ... TEMPLATE: about a second), and afterwards a copy of `<test db>_empty`, the database as
# migration left it (taken right after the worker's migration), so the next test starts where it expects. The demo's
# image files stay in the worker's media folder (settings.MEDIA_ROOT), where the template's rows point.
# Tests whose subject is loading the demo (twice, step by step, its search documents) still load it themselves.

DEMO_PASSWORD = "demo-tests-only"  # the demo accounts' password in the template (the published default is refused)
EMPTY, DEMO = "_empty", "_demo"  # suffixes of the worker's template databases


def _test_database() -> str:
    from django.db import connection

    return connection.settings_dict["NAME"]


def _copy_database(source: str, target: str) -> None:
    """Replace database `target` with a copy of `source`. Every connection to either is closed first (Django's in
    this process; any other, such as a live server's request thread, is ended by the server)."""
    from django.db import connection, connections

    connections.close_all()
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(target)} WITH (FORCE)")
    _end_other_sessions(source)  # a template must have no session
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {quote(target)} TEMPLATE {quote(source)}")


def _drop_database(name: str) -> None:
    from django.db import connection, connections

    connections.close_all()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)} WITH (FORCE)")


def _use_database(template: str) -> None:
    """Make the test database a fresh copy of the worker's template `template` (EMPTY or DEMO)."""
    from django.db import connection

    assert not connection.in_atomic_block, "the demo copy must be set up before the test's transaction"
    name = _test_database()
    _copy_database(name + template, name)


# --- The migrated database, once per test run ----------------------------------------------------------------------
# Under xdist every worker needs its own test database, and migrating one takes 20-30 s of CPU. The first worker to
# get there migrates its own and keeps a copy (`test_migrated_<run id>`); a worker after it creates its test database
# from that copy (Django's TEST["TEMPLATE"]), and pytest-django's migrate then finds nothing to do (about 3 s). A file
# lock in the run's temporary folder orders them; the copy is dropped, under the lock, when its worker ends (a worker
# that comes later, finding no copy, migrates as before). Without xdist nothing changes.


class _RunCopy:
    """A database one worker keeps for the others of this xdist run (`test_<kind>_<run id>`), named in a marker file
    of the run's folder while it exists. Read and made under `lock`; dropped, under it, by the worker that made it
    when that worker ends (a worker that comes later, finding no copy, makes its own)."""

    def __init__(self, folder: Path, kind: str):
        import fasteners

        self.folder = folder
        self.lock = fasteners.InterProcessLock(str(folder / f"{kind}-database.lock"))
        self.marker = folder / f"{kind}-database"
        self.name = f"test_{kind}_{os.environ.get('PYTEST_XDIST_TESTRUNUID', '')[:16]}"
        self.created = False

    @classmethod
    def for_worker(cls, tmp_path_factory, kind: str) -> "_RunCopy | None":
        """Under xdist, the run's copy of `kind` (the run's folder is above each worker's own); None without."""
        if not os.environ.get("PYTEST_XDIST_WORKER"):
            return None
        return cls(tmp_path_factory.getbasetemp().parent, kind)

    def existing(self) -> str:
        """The copy's name if another worker made it and it still exists, else ""."""
        name = self.marker.read_text() if self.marker.exists() else ""
        return name if name and _database_exists(name) else ""

    def keep(self, source: str) -> None:
        """Make the copy, from database `source`."""
        _copy_database(source, self.name)
        self.marker.write_text(self.name)
        self.created = True

    def drop(self) -> None:
        """Drop the copy, if this worker made it."""
        if self.created:
            with self.lock:
                self.marker.unlink(missing_ok=True)
                _drop_database(self.name)


def _database_exists(name: str) -> bool:
    from django.db import connection

    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, tmp_path_factory, django_db_blocker):
    """Under xdist: wait for the worker that migrates first; then create this worker's test database from its copy."""
    from django.conf import settings

    shared = _RunCopy.for_worker(tmp_path_factory, "migrated")
    if shared is None:
        yield None
        return
    shared.lock.acquire()  # released once this worker's test database exists (django_db_setup)
    try:
        with django_db_blocker.unblock():
            template = shared.existing()
            if template:
                settings.DATABASES["default"]["TEST"]["TEMPLATE"] = template
        yield shared
    finally:
        if shared.lock.acquired:
            shared.lock.release()
        with django_db_blocker.unblock():
            shared.drop()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_modify_db_settings, django_db_blocker):
    """pytest-django's test database, and beside it a copy of it as migration left it (`<test db>_empty`); under
    xdist, the first worker also keeps a copy for the others (see above)."""
    from django.conf import settings

    shared = django_db_modify_db_settings
    with django_db_blocker.unblock():
        name = _test_database()
        _copy_database(name, name + EMPTY)
        if shared is not None:
            if not settings.DATABASES["default"]["TEST"].pop("TEMPLATE", None):
                shared.keep(name + EMPTY)
            shared.lock.release()
    yield
    with django_db_blocker.unblock():
        _drop_database(name + DEMO)
        _drop_database(name + EMPTY)
        _end_other_sessions(name)  # e.g. a live server's request thread: pytest-django drops the test database next


def _end_other_sessions(name: str) -> None:
    from django.db import connection

    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )


@pytest.fixture(scope="session", autouse=True)
def copy_instead_of_flush(django_db_blocker):
    """A transactional test (`django_db(transaction=True)`, `live_server`: every browser journey) commits, so Django
    ends it by flushing every table and re-running post_migrate (3-4 s under load); the next test on this worker, in
    any order, must start from the migrated database, with what data migrations wrote (Wagtail's root page and
    collection, the default locale, the role groups and their permissions). Instead the test database becomes a copy
    of `<test db>_empty` (about a second): exactly the migrated database, sequences included."""
    from django.test import TransactionTestCase

    def fixture_teardown(test_case):
        with django_db_blocker.unblock():
            _use_database(EMPTY)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TransactionTestCase, "_fixture_teardown", fixture_teardown)
        yield


def _media_files() -> set[Path]:
    """Every file under the worker's two media folders."""
    from django.conf import settings

    roots = (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT))
    return {path for root in roots if root.exists() for path in root.rglob("*") if path.is_file()}


def _media_relative(path: Path) -> Path:
    """`path` under a snapshot folder: "public/..." or "private/..." and its path in its media folder."""
    from django.conf import settings

    for kind, root in (("private", Path(settings.PRIVATE_MEDIA_ROOT)), ("public", Path(settings.MEDIA_ROOT))):
        if path.is_relative_to(root):
            return Path(kind) / path.relative_to(root)
    raise AssertionError(path)


def _load_demo() -> None:
    from django.core.management import call_command

    call_command("load_demo_data", stdout=io.StringIO())


@pytest.fixture(scope="session")
def demo_template(django_db_setup, django_db_blocker, tmp_path_factory):
    """`load_demo_data`, once on this worker, kept as the template database `<test db>_demo`. Under xdist, once for
    the run: the first worker to need it loads it and keeps a copy (`test_demo_<run id>`, with the files it wrote in
    the run's temporary folder); a worker after it copies those instead of loading (15-25 s of CPU). A file lock
    orders them; the copy is dropped, under the lock, when its worker ends (a worker that comes later loads again)."""
    from django.conf import settings

    shared = _RunCopy.for_worker(tmp_path_factory, "demo")
    media = shared.folder / "demo-media" if shared else None
    previous = os.environ.get("DEMO_PASSWORD")
    os.environ["DEMO_PASSWORD"] = DEMO_PASSWORD
    try:
        with shared.lock if shared else contextlib.nullcontext(), django_db_blocker.unblock():
            name = _test_database()
            existing = shared.existing() if shared else ""
            if existing:
                _copy_database(existing, name + DEMO)
                for kind, root in (("public", settings.MEDIA_ROOT), ("private", settings.PRIVATE_MEDIA_ROOT)):
                    if (media / kind).exists():
                        shutil.copytree(media / kind, root, dirs_exist_ok=True)
            else:
                _use_database(EMPTY)  # whatever ran before on this worker, the demo is loaded on the migrated database
                before = _media_files()
                _load_demo()
                _copy_database(name, name + DEMO)
                if shared:
                    for path in _media_files() - before:  # the demo's images and documents, for the other workers
                        target = media / _media_relative(path)
                        target.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(path, target)
                    shared.keep(name + DEMO)
                _use_database(EMPTY)
    finally:
        if previous is None:
            os.environ.pop("DEMO_PASSWORD", None)
        else:
            os.environ["DEMO_PASSWORD"] = previous
    yield
    if shared:
        with django_db_blocker.unblock():
            shared.drop()


@pytest.fixture(scope="module")
def demo_module(demo_template, django_db_blocker):
    """The whole demo (`load_demo_data`), for every test of the module: each test's own transaction (`db`) is rolled
    back inside it. Its accounts' password is DEMO_PASSWORD. After the module, the migrated database again."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
        with django_db_blocker.unblock():
            _use_database(DEMO)
        try:
            yield
        finally:
            with django_db_blocker.unblock():
                _use_database(EMPTY)


@pytest.fixture
def demo_database(demo_template, transactional_db, django_db_blocker, monkeypatch):
    """The whole demo (`load_demo_data`) for one transactional test (a browser journey on the live server), which may
    write to it. Its accounts' password is DEMO_PASSWORD. At the end of the test the database becomes a copy of the
    migrated one (`copy_instead_of_flush`)."""
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    with django_db_blocker.unblock():
        _use_database(DEMO)


# --- Data built once per module ------------------------------------------------------------------------------------
# The CMS pages and the forum tree take 0.3-1.5 s to build and most tests only read them (or add below them). A module
# of ordinary tests builds them once, inside one transaction around the whole module (`module_transaction`): each
# test's own transaction (`db`) is a savepoint inside it, rolled back to the module's state after the test, and the
# module's transaction is rolled back after its last test. Each test reads the module's objects afresh (a query or
# two), so no test sees another's changes to them in memory.
# A module with any transactional test (a live server, threads that commit) cannot sit inside a transaction: there
# each test builds its own, as before.

TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences", "demo_database"}


def _is_transactional(item) -> bool:
    from pytest_django.fixtures import validate_django_db

    marker = item.get_closest_marker("django_db")
    if marker is not None and validate_django_db(marker)[0]:  # (transaction, reset_sequences, ...)
        return True
    return bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))


@pytest.fixture(scope="module")
def module_transaction(request, django_db_setup, django_db_blocker):
    """True when the module runs inside one transaction (what module fixtures write is rolled back after it); False
    when one of its tests is transactional, and module fixtures must leave the building to each test."""
    from django.db import connection, transaction

    if any(_is_transactional(item) for item in request.session.items if item.module is request.module):
        yield False
        return
    with django_db_blocker.unblock():
        assert not connection.in_atomic_block, "a module transaction cannot start inside another transaction"
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield True
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def once_per_module(ensure, *, name: str):
    """A module fixture `name`: what `ensure()` returns, run once inside the module's transaction; None in a module
    with a transactional test, where each test ensures its own."""

    @pytest.fixture(scope="module", name=name)
    def built(module_transaction, django_db_blocker):
        if not module_transaction:
            return None
        with django_db_blocker.unblock():
            return ensure()

    return built


def home_pages_ensure() -> dict[str, int]:
    """{language: pk} of the two home pages (only those; hub.demo.load() adds every section and demo page)."""
    from hub import demo

    demo.load_home()
    return {language: page.pk for language, page in home_pages_read().items()}


def home_pages_read() -> dict:
    from hub.models import HomePage

    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}


module_home_pages = once_per_module(home_pages_ensure, name="module_home_pages")


@pytest.fixture
def home_pages(module_home_pages, db):
    """The Arabic home page as the site root, with its live English translation (made once per module)."""
    if module_home_pages is None:
        home_pages_ensure()
    return home_pages_read()


def sections_ensure() -> dict:
    """{slug: {language: pk}} of the section indexes under both home pages (hub.services.cms_ensure_sections)."""
    from hub import services

    home_pages_ensure()
    built = services.cms_ensure_sections(home=home_pages_read()["ar"])
    return {slug: {language: page.pk for language, page in pages.items()} for slug, pages in built.items()}


module_sections = once_per_module(sections_ensure, name="module_sections")


@pytest.fixture
def sections(module_sections, home_pages, db):
    """{"stories": {"ar": index, "en": index}, "practices": ..., "events": ..., "news": ...}: the section indexes
    under both home pages (made once per module)."""
    return sections_read(module_sections or sections_ensure())


def pages_read(pks) -> dict:
    """{pk: page} of the Wagtail pages `pks`, read afresh as their specific types (one query per type)."""
    from wagtail.models import Page

    return {page.pk: page for page in Page.objects.filter(pk__in=list(pks)).specific()}


def sections_read(pks: dict) -> dict:
    """The section indexes of `sections_ensure()`'s {slug: {language: pk}}, read afresh."""
    pages = pages_read(pk for pair in pks.values() for pk in pair.values())
    return {slug: {language: pages[pk] for language, pk in pair.items()} for slug, pair in pks.items()}


def forums_ensure() -> dict[str, int]:
    """{key: pk} of the site's forum tree with its permissions (forum.services.setup_forum)."""
    from forum import services

    return {key: forum.pk for key, forum in services.setup_forum().items()}


module_forums = once_per_module(forums_ensure, name="module_forums")


@pytest.fixture
def forums(module_forums, db):
    """The site's forum tree with its permissions (setup_forum, made once per module): {key: Forum}."""
    from machina.core.db.models import get_model

    from forum import services

    if module_forums is None:
        pks = forums_ensure()
    else:
        pks = module_forums
        services.sync_all_user_groups()  # as setup_forum does, for users a test made before asking for the forums
    by_pk = get_model("forum", "Forum").objects.in_bulk(list(pks.values()))
    return {key: by_pk[pk] for key, pk in pks.items()}


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
    """A fresh browser tab that records every failed request (not one it cancelled itself) and console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.failed_requests = []
    # A request Chromium cancels because the tab moved on (net::ERR_ABORTED: the favicon of a page left at once) is no
    # failure of the site; a refused connection or a 4xx/5xx answer is.
    tab.on(
        "requestfailed",
        lambda request: tab.failed_requests.append(request.url) if request.failure != "net::ERR_ABORTED" else None,
    )
    tab.on("response", lambda response: tab.failed_requests.append(response.url) if response.status >= 400 else None)
    yield tab
    context.close()


# --- The order modules are handed to the workers ---------------------------------------------------------------------
# `make test` runs `--dist loadscope --no-loadscope-reorder`: xdist hands whole modules to the two workers in
# collection order, each worker asking for more as it finishes. (By default xdist would hand out the modules with the
# most tests first, which put the one-test browser journeys -- the axe crawl alone takes a minute -- at the very end,
# one worker finishing them while the other waited.) The long modules go first: the browser journeys, then the
# security crawls over the demo, then the tests that start several processes; the run ends on short modules.
#
# The run starts on one chain: the first worker migrates (about 25 s) and loads the demo (about 25 s) for the first
# module, and a worker that needs either waits for it (docs/testing.md: one core sat idle for the first 80 s). So the
# first module is followed by the modules that need no database, which the other worker runs during the migration,
# and then by the long modules that need the migrated database but not the demo, which it runs during the demo's
# load; the long modules over the demo come after them. Of the other modules, those with a transactional test or the
# demo (a live server, a database copy: the slower ones) go before the rest, so that the run ends on short modules.
LONG_FIRST = ("tests/browser/", "tests/security/", "tests/scaleout/")
DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup", "django_db_reset_sequences"}


def _module(item) -> str:
    return item.nodeid.split("::")[0]


def _folder_rank(item) -> int:
    return next((rank for rank, folder in enumerate(LONG_FIRST) if item.nodeid.startswith(folder)), len(LONG_FIRST))


def _uses_database(item) -> bool:
    """The marker, or a database fixture in the closure (the marker and live_server ask for theirs while the test is
    set up, so the marker is checked too)."""
    return item.get_closest_marker("django_db") is not None or bool(DATABASE_FIXTURES & set(item.fixturenames))


def pytest_collection_modifyitems(config, items):
    items.sort(key=_folder_rank)  # stable: within a folder, pytest-django's order (database tests first) stays
    if not items:
        return
    first = _module(items[0])
    database = {_module(item) for item in items if _uses_database(item)}
    demo = {_module(item) for item in items if "demo_template" in item.fixturenames}
    long = {_module(item) for item in items if _folder_rank(item) < len(LONG_FIRST)}
    slower = demo | {_module(item) for item in items if _is_transactional(item)}

    def rank(item) -> int:
        module = _module(item)
        if module == first:
            return 0
        if module not in database:
            return 1
        if module in long:
            return 3 if module in demo else 2
        return 4 if module in slower else 5  # pytest-django puts transactional tests last; they are the slower ones

    items.sort(key=rank)
