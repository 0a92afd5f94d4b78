#!/usr/bin/env bash
# Verbatim beside its peers (simplemma, spaCy fr_core_news_sm and fr_core_news_md).
#
#   Benchmarks/peers/run-peers.sh [peers.py options, e.g. --md-words 0 --peers simplemma,spacy-sm]
#
# Creates Benchmarks/peers/.venv on first use and installs requirements.txt from PyPI into it
# (again only when requirements.txt changes), builds the 1M-word text if missing, then runs
# peers.py: lemma accuracy on the UD French dev files and speed on the same text, Verbatim
# beside the peers, as Markdown tables; all figures go to results-latest.json.
#
# Environment: VERBATIM_UD (default ../shared/ud next to the repository), VERBATIM_BIN
# (default .build/release/verbatim; build it with `make release`, this script never builds).
set -euo pipefail
source "$(dirname "$0")/setup.sh"

exec "$venv/bin/python" "$here/peers.py" --ud "$ud" --corpus "$corpus" --verbatim "$verbatim" \
  --out "$here/results-latest.json" "$@"
