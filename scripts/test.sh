#!/usr/bin/env bash
# The project's test command: set-up, browser for the page tests where it can be installed,
# lint, then the test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE="${HF_HUB_OFFLINE:-1}"
scripts/bootstrap.sh
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the chat-page tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: chromium could not be installed; browser tests will be skipped"
fi
.venv/bin/ruff check . && .venv/bin/lint-imports
.venv/bin/ruff format --check .
.venv/bin/mypy core serving assets orchestration evaluation bench tests corpus
.venv/bin/python -m pytest "$@"
