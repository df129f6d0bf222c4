#!/usr/bin/env bash
# Installs SimPy for `bcpsim bench` into .build/simpy-venv at the repository root.
# Idempotent: does nothing if simpy is already importable there. Prints the venv's python.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$root/.build/simpy-venv"
py="$venv/bin/python"
req="$here/simpy/requirements.txt"

if ! command -v python3 >/dev/null 2>&1; then
    echo "install-simpy.sh: python3 not found; install Python 3 (e.g. apt-get install python3 python3-venv)" >&2
    exit 1
fi
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    echo "install-simpy.sh: python3 has no usable venv module; on Debian/Ubuntu install python3-venv" >&2
    exit 1
fi

if [ -x "$py" ] && "$py" -c 'import simpy' >/dev/null 2>&1; then
    echo "simpy already installed ($("$py" -c 'import simpy; print(simpy.__version__)'))" >&2
    echo "$py"
    exit 0
fi

mkdir -p "$root/.build"
if [ ! -x "$py" ]; then
    if ! python3 -m venv "$venv"; then
        rm -rf "$venv"
        echo "install-simpy.sh: python3 -m venv failed; on Debian/Ubuntu install python3-venv" >&2
        exit 1
    fi
fi
"$py" -m pip install --disable-pip-version-check --quiet -r "$req"
"$py" -c 'import simpy' >/dev/null
echo "$py"
