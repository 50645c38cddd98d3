# SaferPlan – run `make help` for the list of targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PORT ?= 8000
ONLY ?=
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
PYTHON := $(UV) run --frozen python
# The suite runs in TEST_WORKERS processes (pytest-xdist), each with its own test database. A
# module's tests stay together in one worker (--dist loadscope), so data a module builds once
# (tests/module_db.py) is built once; so do the browser journeys and the reports built from the
# demo (tests/xdist_scheduling.py). `make test-sqlite TEST_WORKERS=0` runs in one process.
TEST_WORKERS ?= 2
PYTEST_PARALLEL := $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadscope)
APT_PACKAGES_NEEDED := $(if $(wildcard /usr/bin/chromium),,chromium) $(if $(wildcard /usr/bin/pdftotext),,poppler-utils) $(if $(wildcard /usr/lib/postgresql/*/bin/initdb),,postgresql)
# WeasyPrint (PDF reports) loads Pango, PangoFT2 and HarfBuzz's subsetter, and needs a font.
APT_PACKAGES_NEEDED += $(if $(wildcard /usr/lib/*/libpango-1.0.so.0),,libpango-1.0-0) $(if $(wildcard /usr/lib/*/libpangoft2-1.0.so.0),,libpangoft2-1.0-0) $(if $(wildcard /usr/lib/*/libharfbuzz-subset.so.0),,libharfbuzz-subset0) $(if $(wildcard /usr/share/fonts/truetype/*/*.ttf),,fonts-dejavu-core)

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

.PHONY: install
install: .venv/.installed static/.installed ## Install Python and front-end dependencies

$(UV):
	python3 -m pip install --quiet --user uv || python3 -m pip install --quiet --break-system-packages --user uv

.venv/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

static/.installed: node_modules/.installed scripts/build_assets.sh frontend/css/saferplan.css $(wildcard frontend/js/*)
	bash scripts/build_assets.sh
	@touch $@

.PHONY: assets
assets: static/.installed ## Copy the pinned GOV.UK Frontend, htmx and our CSS into static/

.PHONY: system-packages
system-packages: ## Install Debian's Chromium, poppler, PostgreSQL and WeasyPrint's libraries when missing
ifneq ($(strip $(APT_PACKAGES_NEEDED)),)
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES_NEEDED)
endif

.PHONY: run
run: install ## Install, migrate, load the demo on first run and serve on http://127.0.0.1:$(PORT)
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py load_demo --if-empty --allow-demo-users
	$(PYTHON) manage.py runserver 127.0.0.1:$(PORT)

.PHONY: lint
lint: install ## ruff (lint and format check), the layering contract (import-linter) and mypy
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen lint-imports
	$(UV) run --frozen mypy .

.PHONY: format
format: install ## Format and auto-fix with ruff
	$(UV) run --frozen ruff format .
	$(UV) run --frozen ruff check --fix .

.PHONY: checks
checks: install ## Django checks: migrations up to date, production settings pass check --deploy
	DJANGO_SETTINGS_MODULE=config.settings.test $(PYTHON) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$$(python3 -c 'import secrets; print(secrets.token_urlsafe(60))') \
		ALLOWED_HOSTS=saferplan.example.org $(PYTHON) manage.py check --deploy --fail-level WARNING

.PHONY: test-sqlite
test-sqlite: install system-packages ## The whole suite on SQLite
	time $(UV) run --frozen pytest $(PYTEST_PARALLEL)

.PHONY: test-postgres
test-postgres: install system-packages ## The whole suite on a throwaway PostgreSQL server
	time bash scripts/with_postgres.sh $(UV) run --frozen pytest -p no:cacheprovider $(PYTEST_PARALLEL)

.PHONY: test
test: lint checks test-sqlite test-postgres ## Lint, checks and the whole suite on SQLite and PostgreSQL

.PHONY: bench
bench: install ## Benchmarks as ratios to a baseline measured in the same run (ONLY=spc runs one)
	$(PYTHON) -m bench $(ONLY)

.PHONY: clean
clean: ## Remove installed dependencies, built assets and the local database
	rm -rf .venv node_modules static var
