# Two commands do everything on a fresh machine with Python 3.11:
#   make report   set up .venv, build the report (HTML + PDF), print where it is
#   make test     set up .venv with the test tools, run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: report test test-fast lint lab bench synth constraints clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) -e '.[test,lab]'
	touch $@

report: $(VENV)/.installed
	$(BIN)/quartieri-erp build $(ARGS)

# Lint and format check, then unit, property, end-to-end and browser tests, plus nbval on the source notebooks
# (lax: they must run). Tests are grouped by cost: tests/unit, tests/report, tests/browser.
# Two workers (pytest-xdist), each given whole files (--dist loadfile: a notebook's cells stay in order on one
# kernel, a module's fixtures are built once) in the order collected (--no-loadscope-reorder: the slow report
# tests first, the many short files after them fill the gaps); the session's report build is shared by both
# workers (tests/conftest.py).
test: lint
	@$(BIN)/python tests/support/tools_report.py
	$(BIN)/python -m pytest tests notebooks --nbval-lax --nbval-current-env -n 2 --dist loadfile --no-loadscope-reorder $(ARGS)

# The unit tests only: no build, no notebook executed (under a minute).
test-fast: $(VENV)/.installed-dev
	$(BIN)/python -m pytest tests/unit -q -n 2 $(ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check --select F notebooks  # the chapter scripts: undefined or unused names

# JupyterLab at the project root; kernels autoreload the package (IPython startup in .jupyter/ipython).
# As root (e.g. in a container) it adds --allow-root. Extra options: make lab ARGS="--port 8890 --no-browser".
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
lab: $(VENV)/.installed-dev
	JUPYTER_CONFIG_DIR=$(CURDIR)/.jupyter IPYTHONDIR=$(CURDIR)/.jupyter/ipython \
	  $(BIN)/jupyter lab --ServerApp.root_dir=$(CURDIR) $(LAB_ROOT) $(ARGS)

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/run.py $(ARGS)

synth: $(VENV)/.installed
	$(BIN)/quartieri-erp synth --out data/synthetic

constraints: $(VENV)/.installed-dev
	{ echo "# Pinned versions of every package the project installs (pip install -c constraints.txt)."; \
	  echo "# Regenerate with: make constraints"; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^quartieri'; } > constraints.txt

clean:
	rm -rf build .pytest_cache
