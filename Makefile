# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test bench clean slack-manifest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/review-desk run

test: $(VENV)/.installed
	$(BIN)/python -m pytest -q

# Slack's manifest lists the commands and shortcuts of desk/catalogue.py; rewrite it after a change.
slack-manifest: $(VENV)/.installed
	$(BIN)/python -c "from app.main import load_catalogs; from desk.catalogue import CATALOGUE; \
	from bot.adapters.slack.manifest import write; write(CATALOGUE, load_catalogs())"

# Benchmarks (a few minutes; figures to bench/results.md). BENCH_ARGS=--full for 1,000,000
# cases and longer runs, BENCH_ARGS=--no-postgres without PostgreSQL.
$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache review_desk.egg-info
