# Inclusie Portaal - the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000

.PHONY: help install system system-test migrate demo demo-reset run test test-fast lint format bench soak messages vendor screenshots clean

help:
	@echo "make run     - installeren, database klaarzetten, demodata laden en starten op http://127.0.0.1:$(PORT)"
	@echo "make test    - installeren en alle tests draaien (PostgreSQL/Redis als DATABASE_URL/REDIS_URL gezet zijn)"
	@echo "make demo-reset - ALLE gegevens wissen en de demodata opnieuw laden"
	@echo "make install | demo | lint | format | bench | soak | messages | vendor | screenshots | clean"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) system

system:
	@scripts/check_system.sh run

system-test:
	@scripts/check_system.sh test

migrate: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_vragenlijsten

# Demo data loads once into an empty database; a database in use is left alone.
demo: migrate
	$(BIN)/python manage.py seed_demo

# The only target that throws data away: flush, then the demo afresh.
demo-reset: migrate
	$(BIN)/python manage.py seed_demo --reset

run: demo
	@echo ""
	@echo "Het portaal draait op http://127.0.0.1:$(PORT)/  (stoppen: Ctrl+C)"
	@echo "De demo-inloggegevens staan hierboven (seed_demo toont ze allemaal, ook bij een bestaande database)."
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The suite runs in TEST_WORKERS processes (pytest-xdist), each with its own database,
# browser and live server: one per core (on the 2-core machine 2 workers took 580 s where
# 3 took 705-750 s: a third browser and live server only made every test wait for the
# CPU). TEST_WORKERS=0 runs everything in this one process.
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

test: install system-test
	@start=$$(date +%s); status=0; \
	$(BIN)/python manage.py makemigrations --check --dry-run \
	  && $(BIN)/pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS) \
	  || status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s"; exit $$status

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Page speed as ratios with PASS/FAIL per target (issue 15); PAGES=home,partners picks pages.
bench: install
	@scripts/check_system.sh bench
	BENCH_PAGES="$(PAGES)" $(BIN)/python -m bench.run

soak: install
	@scripts/check_system.sh bench
	$(BIN)/python -m bench.soak

messages: install
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=staticfiles
	$(BIN)/python manage.py compilemessages --ignore=.venv

# Re-fetch the vendored front-end files (NL Design System CSS, htmx, axe-core) from the
# npm registry and record their versions and checksums in static/vendor/VENDORED.json.
vendor: install
	$(BIN)/python scripts/vendor.py

# Screenshots of the key pages per role at desktop and phone size (docs/screenshots/, shown
# in the README's Rondleiding), from a fresh demo on a temporary database.
screenshots: install system-test
	$(BIN)/python scripts/screenshots.py --serve

clean:
	rm -rf $(VENV) db.sqlite3 .test-db.sqlite3 staticfiles
