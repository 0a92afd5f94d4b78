#!/usr/bin/env bash
# Load test of `verbatim serve`: 20 concurrent clients on loopback for 20 s over the theme and
# search pages (paths.lua). Needs wrk (apt-get install wrk) and a database, by default the
# 100,000-answer one of `verbatim bench store --answers 100000 --db /tmp/verbatim-100k.sqlite`.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB="${1:-/tmp/verbatim-100k.sqlite}"
PORT="${PORT:-8093}"
BIN=.build/release/verbatim
[ -x "$BIN" ] || swift build -c release --product verbatim
[ -f "$DB" ] || "$BIN" bench store --answers 100000 --repeats 1 --db "$DB" > /dev/null
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
LOG=/tmp/verbatim-serve-load.log
VERBATIM_TIMING_LOG=1 "$BIN" serve --db "$DB" --port "$PORT" 2> "$LOG" &
SERVER=$!
trap 'kill $SERVER 2> /dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/themes" && break; sleep 0.2; done
curl -s -o /dev/null "http://127.0.0.1:$PORT/clusters"   # warm the discovery cache (not measured)
START=$(grep -c '^timing' "$LOG" || true)
echo "database $DB, 20 connections, 2 wrk threads, 20 s"
wrk -t2 -c20 -d20s -s Benchmarks/load/paths.lua "http://127.0.0.1:$PORT"
# Server time (handler, from the Server-Timing measurements), measured requests only.
tail -n +"$((START + 1))" "$LOG" | awk -F'\t' '$1 == "timing" { print $3 }' | sort -n | awk '
  { v[NR] = $1 } END { if (NR == 0) exit 1
    i50 = int(NR * 0.50); if (i50 < 1) i50 = 1; i95 = int(NR * 0.95); if (i95 < 1) i95 = 1
    printf "server time over %d requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", NR, v[i50], v[i95], v[NR] }'
