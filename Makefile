# One command for each chore. `make run` and `make test` work on a fresh machine with only Python 3.11+.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The same as `manage.py messages compile`, without starting Django and the database (polib only).
COMPILE_MESSAGES := $(PY) -c "from hub import i18n_catalogue; i18n_catalogue.compile_all()"

.PHONY: run test lint format bench bench-http bench-weight messages clean-db

$(VENV)/.run-installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.run-installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

## Install, start the embedded PostgreSQL, migrate, load the demo content once, serve on 127.0.0.1:$(PORT)
## with a background-task worker and the periodic-job loop beside the server (they stop with the server).
# Links in e-mails, the sitemap and the Wagtail site record name the address this server answers on (unless SITE_URL
# is in the environment).
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: $(VENV)/.run-installed
	$(COMPILE_MESSAGES)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	@mkdir -p var; echo "background tasks (e-mails, notifications): manage.py db_worker, log in var/worker.log;" \
	  "periodic jobs (digest, portal checks; hub/periodic.py): manage.py run_periodic --loop, log in var/periodic.log"
	@$(PY) manage.py db_worker >var/worker.log 2>&1 & worker=$$!; \
	$(PY) manage.py run_periodic --loop >var/periodic.log 2>&1 & periodic=$$!; \
	trap 'kill $$worker $$periodic 2>/dev/null' EXIT INT TERM; \
	DJANGO_RUNSERVER_HIDE_WARNING=true $(PY) manage.py runserver 127.0.0.1:$(PORT)

## The whole test suite: unit, integration on the real PostgreSQL, browser (headless Chromium), on TEST_WORKERS
## pytest-xdist workers (each with its own test database; a module's tests stay on one worker, so a module-scoped
## fixture such as the security tests' demo site is built once). TEST_WORKERS=0 runs in this one process.
## Python keeps its bytecode caches for the run even where the environment sets PYTHONDONTWRITEBYTECODE: otherwise
## each worker compiles every test module again for pytest's assertions (collection: 16 s instead of 6 s), and so
## does every gunicorn and manage.py process the tests start for the project.
TEST_WORKERS ?= 2
test: $(VENV)/.dev-installed
	$(COMPILE_MESSAGES)
	env -u PYTHONDONTWRITEBYTECODE $(PY) -m pytest -n $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) tests/test_typing.py
	@# The Django plugin loads the settings but never connects: a placeholder DATABASE_URL spares starting PostgreSQL.
	DATABASE_URL=postgres://mypy@localhost/mypy $(VENV)/bin/mypy
	DJANGO_SETTINGS_MODULE=hub.settings.test $(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.dev-installed
	$(PY) manage.py messages extract

bench: $(VENV)/.dev-installed
	$(PY) bench/run.py

## The pages under gunicorn with the production settings, driven by wrk (apt-get install -y wrk): req/s, p50/p99 and
## the ratio to /healthz (bench/http_load.py; BENCH_ARGS=--quick for 3 s per run).
bench-http: $(VENV)/.dev-installed
	$(COMPILE_MESSAGES)
	$(PY) bench/http_load.py $(BENCH_ARGS)

## The bytes a first visit transfers for each public page, compressed as nginx sends them (bench/page_weight.py).
bench-weight: $(VENV)/.dev-installed
	$(COMPILE_MESSAGES)
	$(PY) bench/page_weight.py $(BENCH_ARGS)

## Stop the embedded PostgreSQL (it also stops by itself when the last process using it exits).
clean-db:
	$(PY) -c "from hub import embedded_db; from pathlib import Path; print('stopped' if embedded_db.stop(Path('var/pgdata')) else 'not running')"
