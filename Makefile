# The two quick-start commands: `make demo` (set up, index seeds/, ask the sample question) and
# `make test` (set up, run the tests). Both create .venv/ on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench notebook clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first, pinned in constraints.txt: 2.13.0 is the CPU build; anything else pulls gigabytes of CUDA packages
	$(BIN)/python -m pip install --quiet -c constraints.txt torch
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[all,scale,test]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/docqa index seeds/
	$(BIN)/docqa ask "what did Blinken say about Turkey"
	$(BIN)/docqa check "We want a conditions-based withdrawal" --speaker Blinken

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/run.py --quick

notebook: setup
	$(BIN)/python notebooks/execute.py

clean:
	rm -rf $(VENV) index/CURRENT index/gen-* index/.tmp-* index/.lock
