#!/usr/bin/env bash
# Records (`golden.sh record DIR`) or compares (`golden.sh compare DIR`) the `check` and
# `extract` JSON output of a release binary over every draft we can find, so that a
# performance change can be shown to leave every finding and every figure byte-identical.
# The outputs stay outside the repository: most of the texts are not ours to commit.
set -u
mode=${1:?record|compare}; dir=${2:-/tmp/golden}
bin=${HEDUI_BIN:-${CARGO_TARGET_DIR:-target}/release/hedui}
root=$(cd "$(dirname "$0")/.." && pwd)
files=("$root"/fixtures/*.txt "$root"/tests/drafts/* "$root"/../shared/corpus/texts/*.txt
       "$root"/../shared/seeds/*.txt "$root"/../extra-texts/*.txt
       /work/main/fixtures/*.txt /work/main/tests/drafts/* /work/shared/corpus/texts/*.txt
       /work/shared/seeds/*.txt /work/extra-texts/*.txt)
out=$(mktemp -d); mkdir -p "$dir"; fail=0; n=0
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  f=$(realpath "$f"); key=$(echo "$f" | sed 's|/|_|g')
  [ -e "$out/$key.check" ] && continue
  for cmd in check extract; do
    "$bin" "$cmd" --format json "$f" >"$out/$key.$cmd" 2>&1; echo "exit $?" >>"$out/$key.$cmd"
    if [ "$mode" = record ]; then cp "$out/$key.$cmd" "$dir/"
    elif [ ! -e "$dir/$key.$cmd" ]; then echo "NOT RECORDED: $cmd $f"
    elif ! cmp -s "$out/$key.$cmd" "$dir/$key.$cmd"; then echo "DIFFERS: $cmd $f"; fail=1; fi
    n=$((n+1))
  done
done
rm -rf "$out"; echo "$mode: $n outputs"; exit $fail
