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
source "$(dirname "$0")/setup.sh"
if [ ! -x "$verbatim" ]; then
  echo "run-discovery: no Verbatim binary at $verbatim (make release)" >&2
  exit 1
fi

exec "$venv/bin/python" "$here/discovery.py" --verbatim "$verbatim" --out "$here/results-discovery.json" "$@"
