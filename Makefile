# The two commands of the README: `make run` and `make test`.
# Everything they need is installed here, from PyPI, the npm registry and Debian.

SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
TOOLCHAIN_BIN := $(CURDIR)/toolchain/node_modules/.bin

# Reflex on a closed network: our Node/Bun first, and no calls out.
export PATH := $(TOOLCHAIN_BIN):$(BIN):$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_CHECK_LATEST_VERSION := false
export REFLEX_TELEMETRY_ENABLED := false
export REFLEX_HTTP_CLIENT_BIND_ADDRESS := 0.0.0.0

.PHONY: run test setup debian-packages lint typecheck bench lock

run: setup
	$(BIN)/juvenile serve --demo

test: setup debian-packages typecheck
	$(BIN)/pytest

setup: $(VENV)/.installed toolchain/node_modules/.installed

# Only what requirements.lock names is installed, each file checked against its
# hash; then juvenile itself, without dependencies and without build isolation
# (its build backend, setuptools, is in the lock too, so nothing unlocked is
# fetched). pip is pinned as well, so every clone installs with the same pip;
# raise it here by hand, like any other pin.
$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing the locked Python packages into $(VENV) (a few minutes the first time)..."
	$(BIN)/python -m pip install --quiet pip==26.3
	set -o pipefail; $(BIN)/python -m pip install --progress-bar off --require-hashes \
		-r requirements.lock | sed -un '/^\(Collecting\|Successfully installed\)/p'
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# requirements.lock pins every Python package with its hashes, for Python 3.11
# on Linux x86_64: the runtime and dev dependencies of pyproject.toml and its
# [build-system] requires. Run this after changing a pin in pyproject.toml and
# commit both. Pins already in the lock are kept where they still fit; to
# upgrade all of them: make lock LOCK_FLAGS=--upgrade. uv runs from a throwaway
# venv under build/.
LOCK_VENV := build/lock-venv
lock:
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet uv==0.13.9
	set -o pipefail; $(LOCK_VENV)/bin/python -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")' \
	| $(LOCK_VENV)/bin/uv pip compile pyproject.toml - --extra dev \
	    --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
	    --generate-hashes --custom-compile-command 'make lock' --quiet $(LOCK_FLAGS) \
	    -o requirements.lock

toolchain/node_modules/.installed: toolchain/package.json toolchain/package-lock.json
	npm ci --prefix toolchain --no-audit --no-fund --loglevel=error
	touch $@

# What the tests run from Debian, as command:package: Chromium for the browser
# tests, pdftoppm to render the PDFs, psql and pg_dump for the database tests,
# nginx for the deployment recipe. Only the missing ones are installed.
DEBIAN_PACKAGES := chromium:chromium pdftoppm:poppler-utils pg_dump:postgresql-client nginx:nginx
debian-packages:
	@missing=""; for pair in $(DEBIAN_PACKAGES); do \
	    PATH="$$PATH:/usr/sbin" command -v $${pair%%:*} >/dev/null || missing="$$missing $${pair#*:}"; \
	done; \
	if [ -n "$$missing" ]; then apt-get update -qq && apt-get install -y -qq $$missing; fi

lint: setup
	$(BIN)/ruff check .

# pyright, pinned in toolchain/package.json, over the packages [tool.pyright] of
# pyproject.toml names (the state and service packages), in .venv's environment.
typecheck: setup
	$(TOOLCHAIN_BIN)/pyright
