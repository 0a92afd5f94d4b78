# Sourced by run.sh, run-peers.sh and run-discovery.sh: paths, the venv and the 1M-word text.
#
# Creates Benchmarks/peers/.venv on first use and installs requirements.txt from PyPI into it (spaCy,
# simplemma, the two French models, scikit-learn: ~150 MB); installs again only when
# requirements.txt changes. Builds Benchmarks/corpus/fr-1M.txt when missing.
# Environment: VERBATIM_UD (default ../shared/ud next to the repository), VERBATIM_BIN (default
# .build/release/verbatim; build it with `make release`, these scripts never build).
here=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=$here/.venv
ud=${VERBATIM_UD:-$root/../shared/ud}
corpus=$root/Benchmarks/corpus/fr-1M.txt
verbatim=${VERBATIM_BIN:-$root/.build/release/verbatim}
script=$(basename "${BASH_SOURCE[1]}" .sh)

if [ ! -x "$venv/bin/python" ]; then
  echo "$script: creating $venv" >&2
  python3 -m venv "$venv"
fi
if ! cmp -s "$here/requirements.txt" "$venv/requirements.installed"; then
  echo "$script: installing requirements.txt (spaCy, simplemma, two French models, scikit-learn: ~150 MB)" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$venv/requirements.installed"
fi
[ -s "$corpus" ] || "$root/Benchmarks/corpus/make-corpus.sh" "$ud" "$corpus"
