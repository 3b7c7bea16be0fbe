#!/usr/bin/env bash
# The project's test command: set-up, browser for the page tests where it can be installed,
# lint, then the test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE="${HF_HUB_OFFLINE:-1}"
scripts/bootstrap.sh
# Debian packages the tests use where they can be installed (root with apt-get): chromium for the
# chat-page tests, postgresql for the `postgres` tests, iproute2 (`ip`) for the loopback-only
# network namespace of the `milvus_server` tests. Each is skipped cleanly where absent.
apt_wanted=()
command -v chromium >/dev/null 2>&1 || apt_wanted+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || apt_wanted+=(postgresql)
command -v ip >/dev/null 2>&1 || apt_wanted+=(iproute2)
if [ ${#apt_wanted[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's ${apt_wanted[*]} for the tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_wanted[@]}" >/dev/null) \
    || echo "warning: ${apt_wanted[*]} could not be installed; the tests that need them will be skipped"
fi
.venv/bin/ruff check . && .venv/bin/lint-imports
.venv/bin/ruff format --check .
.venv/bin/mypy core serving assets orchestration evaluation bench tests corpus
.venv/bin/python -m pytest "$@"
# The real Milvus server binds every interface: its tests run in a network namespace with only
# loopback (root: unshare -n). Run with the default selection only (no pytest arguments).
if [ $# -eq 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 && command -v ip >/dev/null 2>&1; then
    scripts/netns-pytest.sh -m milvus_server tests/milvus_server
  else
    echo "warning: not root or no unshare/ip: the Milvus-server tests (marker milvus_server) were skipped"
  fi
fi
