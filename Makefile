# Two commands a newcomer needs: `make run` and `make test`. Both build .venv from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint check-system install-check bench quality clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Qt's xcb/offscreen plugins need these shared libraries; say exactly what to install if missing.
check-system:
	@missing=""; \
	for lib in libEGL.so.1 libfontconfig.so.1 libxkbcommon.so.0 libGL.so.1; do \
		ldconfig -p 2>/dev/null | grep -q "$$lib" || missing="$$missing $$lib"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Qt needs system libraries that are missing:$$missing"; \
		echo "On Debian/Ubuntu: sudo apt-get install -y libegl1 libgl1 libfontconfig1 libxkbcommon0 fonts-dejavu-core"; \
		exit 1; \
	fi

run: check-system $(STAMP)
	$(BIN)/article-comparer

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: check-system $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# A non-editable install into a throwaway venv, used from another directory (what a user gets).
install-check: check-system
	rm -rf build/install-check && $(PYTHON) -m venv build/install-check
	build/install-check/bin/python -m pip install --quiet .
	rm -rf build/lib build/bdist*
	cd /tmp && QT_QPA_PLATFORM=offscreen $(CURDIR)/build/install-check/bin/article-comparer --help >/dev/null
	cd /tmp && QT_QPA_PLATFORM=offscreen $(CURDIR)/build/install-check/bin/article-comparer --screenshot $(CURDIR)/build/install-check/shot.png
	test -s build/install-check/shot.png
	@echo "install-check: wheel install works from another directory"

# Measurements, not tests (machines are noisy): each script prints its own table.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_compare.py
	$(BIN)/python benchmarks/bench_read.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_export.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/gui_stall.py

quality: $(STAMP)
	$(BIN)/python benchmarks/quality.py
	$(BIN)/python benchmarks/agreement.py
	$(BIN)/python benchmarks/facts_quality.py
	$(BIN)/python benchmarks/reading_quality.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
