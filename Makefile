# Two commands set everything up on a fresh machine with Python 3.11:
#   make site   creates .venv, installs the pinned packages, builds output/
#   make test   the same, plus the checkers (Chromium, Java, the Nu HTML Checker),
#               then lint and the whole test suite
PYTHON ?= python3
# CI passes REQUIREMENTS=requirements-lock.txt: the same pins, each checked against its hashes.
REQUIREMENTS ?= requirements.txt
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test lint import publish clean checkers

$(STAMP): requirements.txt requirements-model.txt $(REQUIREMENTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check --quiet --requirement $(REQUIREMENTS)
	$(BIN)/python -m pip install --disable-pip-version-check --quiet --no-deps --require-hashes \
		--requirement requirements-model.txt
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

# Debian's Chromium drives the browser tests; Java runs the Nu HTML Checker.
checkers: $(NODE_STAMP)
	@if [ ! -x /usr/bin/chromium ] || ! command -v java >/dev/null; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium default-jre-headless; \
	fi

site: $(STAMP)
	$(BIN)/invoke build

publish: $(STAMP)
	$(BIN)/invoke publish

test: $(STAMP) checkers
	$(BIN)/invoke lint
	$(BIN)/invoke test

import: $(STAMP)
	$(BIN)/invoke import

clean:
	rm -rf output cache .output.build .output.lock
