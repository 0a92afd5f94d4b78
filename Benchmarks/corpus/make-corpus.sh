#!/usr/bin/env bash
# Assembles the 1,000,000-word French benchmark text from the UD treebanks' "# text =" lines.
#
#   Benchmarks/corpus/make-corpus.sh [UD_DIR] [OUT]
#
# Sentences are taken in file-name order, then cycled until the text holds one million
# whitespace-separated words; one sentence per line (one "answer" per line for `verbatim
# analyze --input`). Deterministic: same UD files, same bytes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ud=${1:-${VERBATIM_UD:-$here/../../../shared/ud}}
out=${2:-$here/fr-1M.txt}
words=${WORDS:-1000000}
[ -d "$ud" ] || { echo "make-corpus: UD folder not found: $ud (pass it as first argument)" >&2; exit 2; }
ls "$ud"/*.conllu >/dev/null 2>&1 || { echo "make-corpus: no .conllu files in $ud" >&2; exit 2; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for f in $(ls "$ud"/*.conllu | sort); do
  sed -n 's/^# text = //p' "$f"
done > "$tmp"
awk -v target="$words" '
  { lines[NR] = $0; n[NR] = NF }
  END {
    total = 0
    while (total < target) {
      for (i = 1; i <= NR && total < target; i++) { print lines[i]; total += n[i] }
    }
  }' "$tmp" > "$out"
echo "make-corpus: $(wc -l < "$out") lines, $(wc -w < "$out") words, $(wc -c < "$out") bytes -> $out" >&2
