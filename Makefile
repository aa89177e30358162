# Two setup commands: `make demo` and `make test` (each creates .venv when needed).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
SEED := seeds/000_5d60781b92935417.txt

.PHONY: demo test soak lint format bench eval eval-semantic docs screenshot clean

$(BIN)/tracker: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev,semantic]'
	@touch $@

demo: $(BIN)/tracker
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/tracker extract $(SEED) --date 2025-05-10 --db $(DEMO_DB)
	$(BIN)/tracker import data/seed-claim.jsonl --db $(DEMO_DB)
	$(BIN)/tracker contradictions --db $(DEMO_DB)
	$(BIN)/tracker claims --disputed --db $(DEMO_DB)
	@echo "Share it: $(BIN)/tracker report --format html -o report.html --db $(DEMO_DB)"
	@echo "Browse it: $(BIN)/tracker serve --db $(DEMO_DB) --open   (Datasette: the web extra, which make installs)"

test: $(BIN)/tracker
	$(BIN)/python -m pytest -q

# the concurrency and kill -9 tests at full size: 4 writers x 60 `tracker add` processes, bigger imports
soak: $(BIN)/tracker
	TRACKER_SOAK_ADDS=60 $(BIN)/python -m pytest -q tests/test_concurrency.py tests/test_atomic_imports.py

lint: $(BIN)/tracker
	$(BIN)/ruff check tracker tests benchmarks
	$(BIN)/ruff format --check tracker tests benchmarks
	$(BIN)/mypy

format: $(BIN)/tracker
	$(BIN)/ruff check --fix tracker tests benchmarks
	$(BIN)/ruff format tracker tests benchmarks

bench: $(BIN)/tracker
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/eval_liar_links.py

eval: $(BIN)/tracker
	$(BIN)/python benchmarks/eval_relate.py
	$(BIN)/python benchmarks/eval_pairs.py
	$(BIN)/python benchmarks/eval_claims.py
	$(BIN)/python benchmarks/eval_extract.py
	$(BIN)/python benchmarks/eval_similar.py

# the semantic extra beside the words-only judge (installed by the targets above)
eval-semantic: $(BIN)/tracker
	$(BIN)/python benchmarks/eval_relate.py --semantic
	$(BIN)/python benchmarks/eval_pairs.py --semantic
	$(BIN)/python benchmarks/eval_claims.py --semantic
	$(BIN)/python benchmarks/bench_semantic.py

docs: $(BIN)/tracker
	$(BIN)/python -m tracker.cli.docs README.md
	$(BIN)/python tests/seed_tour.py --write

# docs/report.png, the README's picture of the HTML report: the demo ledger's, in headless Chromium
screenshot: $(BIN)/tracker
	$(BIN)/python tests/make_screenshot.py docs/report.png

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
