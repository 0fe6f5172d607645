#!/usr/bin/env bash
# Prints "passed failed total" summed over the TRX result files in the given folder.
set -euo pipefail
dir=${1:?usage: count-trx.sh RESULTS_DIR}
passed=0 failed=0 total=0
shopt -s nullglob
for trx in "$dir"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  total=$((total + $(get total)))
done
echo "$passed $failed $total"
