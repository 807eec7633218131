# govreport — the two set-up commands are `make pipeline` and `make test`.
CARGO ?= cargo
# Honour CARGO_TARGET_DIR when it is set.
BIN := $(or $(CARGO_TARGET_DIR),target)/release/govreport

.PHONY: all build build-pgo pipeline test test-python test-cluster python bench-python test-browser report-screenshots fuzz lint fmt dictionary bench bench-incremental bench-facts bench-stages bench-instructions score pyenv test-tables clean

all: build

build:
	$(CARGO) build --release --locked

## Profile-guided release build for big batch runs (two full builds, ~40 min on 2 cores;
## needs `rustup component add llvm-tools`): target/pgo/release/govreport
build-pgo:
	scripts/pgo.sh

## Run the default pipeline (pipelines/default.toml): data/ -> data/out/
pipeline: build
	$(BIN) run pipelines/default.toml

## Format check, lints, then every test. Tests build with the release profile, so the
## dependencies `make pipeline` compiled are reused instead of compiled a second time for
## debug (README, "Quick start": build time and disk).
test:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --release --locked --all-targets -- -D warnings
	$(CARGO) check --release --locked --no-default-features --lib
	$(CARGO) test --release --locked
	$(MAKE) test-python

## The run report in headless Chromium: the sample run's report.html rendered, every section
## and the document table found, sorting and filtering driven (tests/golden/browser.rs).
## Installs Debian's chromium with apt-get when it is missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
test-browser:
	command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }
	$(CARGO) test --release --locked --test golden browser -- --nocapture

## Screenshots of report.html at 1280 px (docs/report-*.png); needs chromium and python3.
report-screenshots: build
	scripts/report_screenshots.sh

## A longer fuzz run than `make test` does: FUZZ_CASES mutated reports (txt/md/html/docx/bytes)
## through the whole pipeline, FUZZ_SEED for another corpus (tests/hostile/fuzz.rs).
FUZZ_CASES ?= 20000
FUZZ_SEED ?= 1
fuzz:
	GOVREPORT_FUZZ_CASES=$(FUZZ_CASES) GOVREPORT_FUZZ_SEED=$(FUZZ_SEED) $(CARGO) test --locked --release --test hostile fuzz -- --nocapture

lint:
	$(CARGO) clippy --release --locked --all-targets -- -D warnings
	$(CARGO) clippy --release --locked -p govreport-python -- -D warnings
	$(CARGO) check --release --locked --no-default-features --lib

fmt:
	$(CARGO) fmt --all

## Regenerate the committed data dictionary from the schema definitions.
dictionary: build
	$(BIN) schema > docs/DATA_DICTIONARY.md

## End-to-end benchmark at 1,000 / 10,000 / 100,000 documents (results: docs/BENCHMARKS.md)
bench: build
	scripts/bench.sh

## The nightly case alone: 100 new documents onto a 100,000-document dataset (--incremental)
## against a full run of the 100,000; SIZE=… for another size.
SIZE ?= 100000
bench-incremental: build
	scripts/bench_incremental.sh $(SIZE)

## Throughput of the fact extractor alone (MB/s of body text, one thread)
bench-facts:
	$(CARGO) bench --bench facts

## Single-threaded time per stage on a corpus: make bench-stages INPUT=/tmp/govreport-bench/corpus-10000-txt-md-42
bench-stages:
	GOVREPORT_BENCH_INPUT=$(INPUT) $(CARGO) bench --bench stages

## Instructions of a whole run on the 1k text corpus (callgrind): the same on any machine
bench-instructions: build
	scripts/instructions.sh 1000 txt,md
	scripts/instructions.sh 1000 html

## A Python virtual environment (.venv, git-ignored) with the tools the table tests and the
## examples load the tables with; `make test` uses it when it is there.
PYTHON ?= python3
VENV_BIN := $(CURDIR)/.venv/bin
pyenv:
	$(PYTHON) -m venv .venv
	.venv/bin/pip install --quiet pandas pyarrow polars duckdb maturin pytest mypy pyarrow-stubs

## The Python package (python/, README "Python and clusters") built and installed into .venv
## (made when missing), with the command line bundled for govreport.run. After `make build`
## nothing of the command line is compiled again, and the extension compiles no polars.
python: build
	@.venv/bin/python -c 'import importlib.metadata as m; [m.version(p) for p in ("maturin", "pytest", "mypy", "pyarrow-stubs", "polars", "duckdb")]' 2>/dev/null || $(MAKE) pyenv
	PATH="$(VENV_BIN):$$PATH" .venv/bin/pip install --quiet --no-build-isolation --force-reinstall --no-deps .

## The Python tests (python/tests, pytest) and the type check of the package's stubs; skipped
## with a message where no Python >= 3.9 is installed. The Spark and Ray ones: make test-cluster.
PYTHON_OK := $(shell $(PYTHON) -c 'import sys; print(int(sys.version_info >= (3, 9)))' 2>/dev/null)
test-python:
ifeq ($(PYTHON_OK),1)
	$(MAKE) python
	.venv/bin/mypy --strict python/govreport/__init__.pyi python/examples/notebook.py
	.venv/bin/pytest -q -rs python/tests
else
	@echo "test-python: skipped: no Python >= 3.9 ($(PYTHON)); the Python package is not tested"
endif

## The Spark (local[2]) and Ray adapters against `govreport run` (heavy: a JDK, pyspark and
## ray). Installs a JDK from the distribution when java is missing.
test-cluster: python
	command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y default-jre-headless; }
	.venv/bin/pip install --quiet pyspark "ray[data]"
	.venv/bin/mypy --strict -p govreport
	.venv/bin/mypy --strict python/examples
	GOVREPORT_CLUSTER_TESTS=1 .venv/bin/pytest -q -rs python/tests/cluster

## Documents per second through extract_batch on one and two threads, beside the command line
## on the same synthetic corpus (docs/BENCHMARKS.md, "Python").
BENCH_DOCS ?= 2000
bench-python: python
	.venv/bin/python python/bench/extract_batch.py --docs $(BENCH_DOCS) --bin $(BIN)

## The tables loaded in every installed tool and checked against schema.json, loudly.
test-tables:
	$(CARGO) test --release --locked --test tables --test examples -- --nocapture

## Score the sample output against the hand-made gold (needs ../shared).
score: pipeline
	python3 ../shared/eval/score.py --out data/out --gold ../shared/gold --src ../shared/seeds

clean:
	$(CARGO) clean
	rm -rf data/out
