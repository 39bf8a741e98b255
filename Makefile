# Two commands on a fresh clone:  make run  (set-up, migrations, reference data, start)  and  make test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

.env:
	@cp .env.example .env
	@echo "Created .env from .env.example: put your BOT_TOKEN from @BotFather into it." >&2

# Migrations and reference data are applied by the bot itself at start-up.
run: $(STAMP) .env
	$(BIN)/python -m bot

# The same bot with invented example clubs («Пример: …»), to try it out.
demo: $(STAMP) .env
	DEMO=1 $(BIN)/python -m bot

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy bot handlers storage tests bench

# Four workers (a PostgreSQL database each: they wait on it as much as on the CPU); the tests
# that wait minutes of wall-clock time doing next to nothing start first, on one of them. Then,
# alone, the tests of several real bot processes, which measure the combined send rate and
# need the CPU to keep it. A test that hangs fails with every thread's stack (--timeout)
# instead of holding the run.
test: lint
	$(BIN)/python -m pytest -q -n 4 --timeout 120 -m "not several_processes"
	$(BIN)/python -m pytest -q --timeout 420 -m several_processes

bench: $(STAMP)
	$(BIN)/python -m bench.updates
	$(BIN)/python -m bench.reports
	$(BIN)/python -m bench.clubs
	$(BIN)/python -m bench.broadcast
	$(BIN)/python -m bench.contests
	$(BIN)/python -m bench.stats
	$(BIN)/python -m bench.registry

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
