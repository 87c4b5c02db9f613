#!/usr/bin/env bash
# CPU time and peak resident memory of one `hedui check` and one `hedui extract --format json`
# on the seed page and corpus repeated to each size (MB), under /usr/bin/time -v.
# Usage: scripts/peak_rss.sh [BINARY] [SIZES...]   (default: target/release/hedui 5 20 80)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-${CARGO_TARGET_DIR:-$root/target}/release/hedui}; shift || true
sizes=${*:-5 20 80}
texts=("$root"/../shared/seeds/*.txt "$root"/../shared/corpus/texts/*.txt)
[ -f "${texts[0]}" ] || texts=("$root"/fixtures/*.txt)
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
printf "%5s  %-8s  %8s  %8s  %12s\n" size command "CPU s" "MB/s" "peak RSS/MB"
for mb in $sizes; do
  f="$dir/bench-$mb.txt"; : >"$f"
  while [ "$(stat -c %s "$f")" -lt $((mb * 1000000)) ]; do
    for t in "${texts[@]}"; do cat "$t"; printf '\n\n'; done >>"$f"
  done
  bytes=$(stat -c %s "$f")
  for cmd in "check" "extract --format json"; do
    /usr/bin/time -v -o "$dir/time" "$bin" $cmd "$f" >/dev/null 2>&1 || true
    # CPU seconds (user + system), not wall time: on shared cores the wall clock counts the
    # other sessions' work too.
    secs=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$dir/time")
    kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$dir/time")
    awk -v mb="$mb" -v c="${cmd%% *}" -v s="$secs" -v b="$bytes" -v kb="$kb" \
      'BEGIN {printf "%3dMB  %-8s  %8.2f  %8.2f  %12.2f\n", mb, c, s, b/1e6/s, kb/1000/(b/1e6)}'
  done
done
