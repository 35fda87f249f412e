# Two commands set everything up on a fresh machine with Python 3.11:
#   make site   creates .venv, installs the pinned packages, builds output/
#   make test   the same set-up, then the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test lint import publish clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check --quiet --requirement requirements.txt
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/invoke build

publish: $(STAMP)
	$(BIN)/invoke publish

test: $(STAMP)
	$(BIN)/invoke lint
	$(BIN)/invoke test

import: $(STAMP)
	$(BIN)/invoke import

clean:
	rm -rf output cache
