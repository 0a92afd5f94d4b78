#!/usr/bin/env bash
# Every peer comparison in one run, one summary table (Verbatim beside simplemma, spaCy sm/md and
# scikit-learn): lemma accuracy (clean and accent-stripped) and tokens/s (peers.py), theme F1 and
# intent accuracy (themes.py), theme discovery time and agreement (discovery.py).
#
#   Benchmarks/peers/run.sh [run_all.py options, e.g. --parts themes --md-words 20000 --seeds 42 --runs 1]
#
# ~6 min on 2 cores (less than 15 even with a build running beside it). Sets up
# Benchmarks/peers/.venv as run-peers.sh does (created on first use, requirements.txt installed again
# only when it changes), builds the 1M-word text if missing, then copies the Verbatim binary once
# (waiting while it is missing or being rewritten by a build) so that every part uses the same one.
# Prints the Markdown summary on stdout (progress on stderr); all figures go to results-all.json.
#
# Environment: VERBATIM_UD (default ../shared/ud next to the repository), VERBATIM_BIN
# (default .build/release/verbatim; build it with `make release`, this script never builds).
set -euo pipefail
source "$(dirname "$0")/setup.sh"

# The binary may be rebuilt by someone else meanwhile: wait (up to 5 min) until it exists, has not
# changed for 3 s and answers --version, then copy it and check the copy against it.
snapshot_dir=$(mktemp -d /tmp/verbatim-peers-run.XXXXXX)
trap 'rm -rf "$snapshot_dir"' EXIT
snapshot=$snapshot_dir/verbatim
for attempt in $(seq 1 60); do
  if [ -x "$verbatim" ]; then
    before=$(stat -c '%Y %s' "$verbatim" 2>/dev/null || true)
    sleep 3
    after=$(stat -c '%Y %s' "$verbatim" 2>/dev/null || true)
    if [ -n "$before" ] && [ "$before" = "$after" ] && "$verbatim" --version >/dev/null 2>&1 \
       && cp -p "$verbatim" "$snapshot" && cmp -s "$verbatim" "$snapshot"; then
      break
    fi
  fi
  rm -f "$snapshot"
  [ "$attempt" -eq 60 ] && { echo "run: no usable Verbatim binary at $verbatim (make release)" >&2; exit 1; }
  echo "run: waiting for $verbatim (missing or being rebuilt)" >&2
  sleep 2
done

cd "$root"
"$venv/bin/python" "$here/run_all.py" --ud "$ud" --corpus "$corpus" --verbatim "$snapshot" \
  --verbatim-origin "$verbatim" --out "$here/results-all.json" "$@"
