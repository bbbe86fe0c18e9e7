# Essaim — everyday commands. Needs only python3 (with venv) and GNU make.
#   make run       demo site on http://127.0.0.1:8000 (SQLite, Celery eager)
#   make test      the whole test suite (PYTEST_ARGS="-k foo" to narrow it)
#   make lint      ruff, Django's system checks, missing migrations
#   make messages  extract and compile the English translations (needs gettext)
#   make bench     page throughput, pairing time, guide PDF build time, as ratios to baselines

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Written after a successful install; pip runs again only when pyproject.toml is newer.
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: help run test lint messages bench

help:
	@echo "make run       site de démonstration sur http://127.0.0.1:8000"
	@echo "make test      toute la suite de tests (PYTEST_ARGS=\"...\" pour la restreindre)"
	@echo "make lint      ruff, manage.py check, migrations manquantes"
	@echo "make messages  extraire et compiler les traductions anglaises"
	@echo "make bench     débit des pages, durée de l'appariement et du PDF du guide, rapportés à une référence"

$(PY):
	@command -v $(PYTHON) >/dev/null || { \
		echo "Python 3 est introuvable : sudo apt install python3 python3-venv" >&2; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { \
		rm -rf $(VENV); \
		echo "" >&2; \
		echo "Impossible de créer l'environnement virtuel $(VENV)." >&2; \
		echo "Sur Debian ou Ubuntu, installez le module venv : sudo apt install python3-venv" >&2; \
		exit 1; }

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --disable-pip-version-check --quiet -e ".[dev]"
	@touch $@

run: $(STAMP)
	@mkdir -p "$${ESSAIM_VAR_DIR:-var}"
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	@$(MANAGE) shell -v 0 -c 'from django.conf import settings; from portal.demo import DEMO_PEOPLE; \
	print("\nComptes de démonstration (mot de passe : %s)" % settings.ESSAIM_DEMO_PASSWORD); \
	print("\n".join(f"  {p.email:<28} {p.role.label}" for p in DEMO_PEOPLE)); \
	print("\nSite : http://127.0.0.1:8000/   Administration : http://127.0.0.1:8000/admin/\n")'
	$(MANAGE) runserver 127.0.0.1:8000

# pytest exits with 5 when it collects no test: make reports that as a failure too.
test: $(STAMP)
	$(PY) -m pytest -n 2 -p randomly $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

messages: $(STAMP)
	@command -v msgfmt >/dev/null || { \
		echo "gettext est introuvable : sudo apt install gettext" >&2; exit 1; }
	@mkdir -p locale
	$(MANAGE) makemessages -l en --ignore=.venv --ignore=var
	$(MANAGE) compilemessages --ignore=.venv

bench: $(STAMP)
	$(PY) bench/pages.py $(BENCH_ARGS)
	$(PY) bench/pairing.py
	$(PY) bench/guide_pdf.py
