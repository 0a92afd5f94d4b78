#!/usr/bin/env bash
# Theme discovery: `verbatim discover` (reinert, kmeans) beside scikit-learn (TF-IDF + KMeans / NMF).
#
#   Benchmarks/peers/run-discovery.sh [discovery.py options, e.g. --runs 1 --skip-speed --seeds 42]
#
# Reuses Benchmarks/peers/.venv and its pinned requirements.txt (scikit-learn included), set up as
# run-peers.sh does: created on first use, installed again only when requirements.txt changes.
# Then runs discovery.py: speed on the 100k-answer database of `verbatim bench store` (made at
# /tmp/verbatim-disc-100k.sqlite if missing) and agreement with the gold themes of
# Benchmarks/data/themes-dev.tsv; Markdown tables on stdout, all figures in results-discovery.json.
#
# Environment: VERBATIM_BIN (default .build/release/verbatim; build it with `make release`, this
# script never builds).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=$here/.venv
verbatim=${VERBATIM_BIN:-$root/.build/release/verbatim}

if [ ! -x "$venv/bin/python" ]; then
  echo "run-discovery: creating $venv" >&2
  python3 -m venv "$venv"
fi
if ! cmp -s "$here/requirements.txt" "$venv/requirements.installed"; then
  echo "run-discovery: installing requirements.txt (spaCy, simplemma, two French models, scikit-learn: ~150 MB)" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$venv/requirements.installed"
fi
if [ ! -x "$verbatim" ]; then
  echo "run-discovery: no Verbatim binary at $verbatim (make release)" >&2
  exit 1
fi

exec "$venv/bin/python" "$here/discovery.py" --verbatim "$verbatim" --out "$here/results-discovery.json" "$@"
