#!/bin/sh
# Runs every fuzz target for a while, one after the other, on one core. Usage:
#   fuzz/scripts/run-all.sh [SECONDS_PER_TARGET]   (default 240)
# Crashes land in fuzz/artifacts/TARGET/; each log in fuzz/logs/TARGET.log.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
seconds=${1:-240}
bin="${CARGO_TARGET_DIR:-$here/target}/x86_64-unknown-linux-gnu/release"
mkdir -p logs
for t in normalise extract check check_markdown rule_file; do
  mkdir -p "artifacts/$t" "corpus/$t"
  "$bin/$t" "corpus/$t" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="artifacts/$t/" -print_final_stats=1 \
    > "logs/$t.log" 2>&1
  echo "$t: exit $?, $(grep -E 'stat::number_of_executed_units' "logs/$t.log")"
done
