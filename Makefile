# Frontline: `make run` (set up + demo data + app on http://127.0.0.1:8501) and `make test` (set up + whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8501

.PHONY: setup seed run test lint bench clean

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps -r requirements.txt  # a full pin: never resolve (no torch)
	@touch $(STAMP)

setup: $(STAMP)

seed: setup
	@$(BIN)/python -m services seed --if-missing

run: seed
	@echo "Frontline on http://$(HOST):$(PORT)  (demo sign-ins: agent/frontline-agent, supervisor/frontline-supervisor, editor/frontline-editor, admin/frontline-admin)"
	@echo "Simulator process started beside it, off until an admin switches it on in Settings"
	@$(BIN)/python -m services simulate >/dev/null & SIMULATOR=$$!; trap 'kill $$SIMULATOR' EXIT INT TERM; \
	$(BIN)/python -m streamlit run app.py --server.address $(HOST) --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

test: lint
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/python -m ruff check .
	$(BIN)/python -m mypy  # services/, configured in pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/artifacts
