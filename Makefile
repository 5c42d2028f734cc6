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

.PHONY: run test setup chromium lint bench

run: setup
	$(BIN)/juvenile serve --demo

test: setup chromium
	$(BIN)/pytest

setup: $(VENV)/.installed toolchain/node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

toolchain/node_modules/.installed: toolchain/package.json toolchain/package-lock.json
	npm ci --prefix toolchain --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's Chromium; install it when it is missing.
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

lint: setup
	$(BIN)/ruff check .
