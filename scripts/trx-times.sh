#!/usr/bin/env bash
# Prints, for each TRX result file in the given folder, the test project and how long its run
# took (from the file's <Times start finish>), e.g. "Integration: 312 s (1004 tests)".
set -euo pipefail
dir=${1:?usage: trx-times.sh RESULTS_DIR}
shopt -s nullglob
for trx in "$dir"/*.trx; do
  times=$(grep -m 1 -o '<Times [^>]*>' "$trx")
  attr() { sed -n "s/.* $1=\"\([^\"]*\)\".*/\1/p" <<<"$times"; }
  start=$(date -d "$(attr start)" +%s.%N)
  finish=$(date -d "$(attr finish)" +%s.%N)
  # The project is the second part of its tests' names (ScheduledMessages.Unit.Domain.SomeTests.Method).
  project=$(grep -m 1 -o '<UnitTest name="[^"]*"' "$trx" | sed 's/.*name="[^.]*\.\([^.]*\).*/\1/')
  total=$(grep -m 1 -o '<Counters [^>]*>' "$trx" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')
  awk -v p="${project:-$(basename "$trx")}" -v s="$start" -v f="$finish" -v n="${total:-0}" 'BEGIN { printf "%s: %.0f s (%d tests)\n", p, f - s, n }'
done
