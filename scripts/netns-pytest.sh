#!/usr/bin/env bash
# Run pytest inside a new network namespace that has only loopback (for servers that bind every
# interface, like the Milvus standalone server of the `milvus` package). Needs root (unshare -n).
# Arguments go to pytest, e.g.: scripts/netns-pytest.sh -m milvus_server
set -euo pipefail
cd "$(dirname "$0")/.."
exec unshare -n -- sh -c 'ip link set lo up && exec "$0" -m pytest "$@"' "$PWD/.venv/bin/python" "$@"
