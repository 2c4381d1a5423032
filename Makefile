# The README's two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# Demo mode unless the caller says otherwise: SQLite and a server-less broker when
# DATABASE_URL and REDIS_URL are not set.
DEMO_ENV := INTL_PORTAL_DEMO=$${INTL_PORTAL_DEMO:-1} DJANGO_DEBUG=$${DJANGO_DEBUG:-1}
HOST ?= 127.0.0.1
PORT ?= 8000
# Under `make run` the portal's own address (feed addresses, links in reminders) follows the
# host and port it serves, unless PORTAL_BASE_URL says otherwise.
RUN_ENV := $(DEMO_ENV) PORTAL_BASE_URL=$${PORTAL_BASE_URL:-http://$(HOST):$(PORT)}

.PHONY: install run serve worker test test-fast lint bench messages clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	mkdir -p var/celery-broker/processed
	$(RUN_ENV) $(PY) manage.py compile_translations
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_demo --next-editions
	$(RUN_ENV) $(PY) manage.py run_worker --concurrency=1 & \
	  worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

test: install
	DJANGO_DEBUG=1 $(PY) manage.py compile_translations
	$(PY) -m pytest
	@case "$$DATABASE_URL" in postgres*) \
	  echo "--- the same suite on the embedded SQLite database ---"; \
	  env -u DATABASE_URL $(PY) -m pytest -m "not postgres and not sweep" ;; esac

test-fast: install
	$(PY) -m pytest -x -q -m "not browser"

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

bench: install
	DJANGO_DEBUG=1 $(PY) -m bench

messages: install
	DJANGO_DEBUG=1 $(PY) manage.py makemessages --locale zh_Hans --ignore ".venv/*" --ignore "bench/*" --ignore "tests/*"

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache
