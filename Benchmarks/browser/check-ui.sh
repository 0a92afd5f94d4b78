#!/usr/bin/env bash
# Browser check of `verbatim serve` (not run by CI): headless Chromium from Debian's packages
# loads the theme page, a search and an answer of the sample consultation, saves screenshots in
# docs/, and fails on a console message or a missing element.
#   apt-get install -y chromium      # once
#   Benchmarks/browser/check-ui.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.build/release/verbatim
PORT="${PORT:-8095}"
[ -x "$BIN" ] || swift build -c release --product verbatim
[ -f verbatim-demo.sqlite ] || "$BIN" demo > /dev/null
command -v chromium > /dev/null || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 2; }
"$BIN" serve --db verbatim-demo.sqlite --port "$PORT" 2> /dev/null &
SERVER=$!
trap 'kill $SERVER 2> /dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/themes" && break; sleep 0.2; done
ANSWER=$(curl -s "http://127.0.0.1:$PORT/search.json?q=ascenseur" | sed -n 's/.*"answerId":\([0-9]*\).*/\1/p' | head -1)
fail=0
check() { # name path expected-substring
  local name=$1 path=$2 expected=$3 log=/tmp/verbatim-ui-$1.log
  chromium --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 --window-size=1100,900 \
    --screenshot="docs/ui-$name.png" "http://127.0.0.1:$PORT$path" 2> "$log" > /dev/null
  local dom
  dom=$(chromium --headless --no-sandbox --disable-gpu --dump-dom "http://127.0.0.1:$PORT$path" 2>> "$log")
  if grep -q "CONSOLE" "$log"; then echo "FAIL $name: console message"; grep CONSOLE "$log"; fail=1; fi
  if ! grep -qF "$expected" <<< "$dom"; then echo "FAIL $name: missing $expected"; fail=1; else echo "ok   $name ($path) → docs/ui-$name.png"; fi
}
check themes /themes 'href="/themes/proprete"'
check search "/search?q=ascenseur&where=groupe%3Dlocataire" '<mark>ascenseur</mark>'
check answer "/answers/$ANSWER" '<h2>Extraits</h2>'
exit $fail
