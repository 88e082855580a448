# The two commands of the README: `make demo` and `make test`. Everything else is optional.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test eval bench fuzz lint screenshot browser clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml requirements/constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e .
	touch $@

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e '.[dev]'
	touch $@

demo: $(STAMP)
	$(BIN)/tripolar demo --db demo.duckdb --report report.html

# Headless Chromium for the report's browser tests (Debian packages; needs root or sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: $(DEV_STAMP) browser
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python bench/eval.py

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

fuzz: $(DEV_STAMP)
	$(BIN)/python bench/fuzz.py

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

screenshot: $(STAMP) browser
	$(BIN)/tripolar demo --db demo.duckdb --report report.html --quiet
	mkdir -p screenshots
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	  --disable-background-networking --disable-component-update --disable-sync \
	  --user-data-dir=$$(mktemp -d) --window-size=1400,2400 \
	  --screenshot=screenshots/report.png file://$(CURDIR)/report.html
	@echo "wrote screenshots/report.png"

clean:
	rm -rf $(VENV) demo.duckdb report.html screenshots .pytest_cache
