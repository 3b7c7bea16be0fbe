.PHONY: up test setup bench lint

# Everything: set-up, index the demo corpus, serve API + chat page + Dagster + MLflow on localhost.
up: setup
	.venv/bin/ragdesk up

# The whole test suite (what CI runs).
test:
	scripts/test.sh

setup:
	scripts/bootstrap.sh

lint:
	.venv/bin/ruff check . && .venv/bin/lint-imports && .venv/bin/mypy core serving assets orchestration evaluation bench tests corpus

bench: setup
	.venv/bin/python bench/index.py --scale demo
