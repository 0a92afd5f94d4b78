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
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=$here/.venv
ud=${VERBATIM_UD:-$root/../shared/ud}
corpus=$root/Benchmarks/corpus/fr-1M.txt
verbatim=${VERBATIM_BIN:-$root/.build/release/verbatim}

if [ ! -x "$venv/bin/python" ]; then
  echo "run-peers: creating $venv" >&2
  python3 -m venv "$venv"
fi
if ! cmp -s "$here/requirements.txt" "$venv/requirements.installed"; then
  echo "run-peers: installing requirements.txt (spaCy, simplemma, two French models: ~100 MB)" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$venv/requirements.installed"
fi
[ -s "$corpus" ] || "$root/Benchmarks/corpus/make-corpus.sh" "$ud" "$corpus"

exec "$venv/bin/python" "$here/peers.py" --ud "$ud" --corpus "$corpus" --verbatim "$verbatim" \
  --out "$here/results-latest.json" "$@"
