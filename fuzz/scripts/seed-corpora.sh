#!/bin/sh
# Seeds the fuzz corpora (fuzz/corpus/TARGET/, not committed) from our own fixtures and trap
# drafts, the newsroom example, and, when it is there, ../shared/corpus/texts. Drafts are cut
# into pieces of at most 4 KB at line ends so that libFuzzer's inputs stay small.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
shared="$root/../shared/corpus/texts"
corpus="$here/corpus"
mkdir -p "$corpus/normalise" "$corpus/extract" "$corpus/check" "$corpus/check_markdown" \
  "$corpus/rule_file"

pieces() { # pieces FILE PREFIX: FILE cut into corpus pieces for every text target
  for target in normalise extract check check_markdown; do
    split -C 4000 -d -a 3 "$1" "$corpus/$target/$2-"
  done
}

for f in "$root"/fixtures/*.txt "$root"/tests/drafts/*.txt "$root"/examples/newsroom/fixtures/*.txt; do
  [ -f "$f" ] && pieces "$f" "$(basename "$(dirname "$f")")-$(basename "$f" .txt)"
done
if [ -d "$shared" ]; then
  for f in "$shared"/*.txt; do
    [ -f "$f" ] && pieces "$f" "shared-$(basename "$f" .txt)"
  done
else
  echo "note: $shared is not here; seeding from our own drafts only" >&2
fi
for f in "$root"/rules/*.json "$root"/examples/newsroom/*.json; do
  case "$f" in */schema.json) continue ;; esac
  cp "$f" "$corpus/rule_file/$(basename "$f")"
done
for t in normalise extract check check_markdown rule_file; do
  echo "$t: $(ls "$corpus/$t" | wc -l) seeds"
done
