#!/usr/bin/env bash
# Prints the benchmark figures: appends per second (SQLite and PostgreSQL), search latency over a
# council-sized database, the person page and the longest child's record page, recording a contact,
# the front door's queue, the allocation overview, "My work" for the busiest worker and manager, and
# the children-in-care dashboard, the missing and exploitation page, the reviewing officer's work
# and the data-quality pages of the census and the SSDA903 return.
# Makes the council database once (build/bench-council-v12.db, seed 1, council scale; the version
# changes when the generator does) and reuses it. Figures only: nothing here passes or fails on time.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${SAFEGUARD_BENCH_DB:-$PWD/build/bench-council-v12.db}"
if [ ! -f "$db" ]; then
  echo "Making a council-scale database for the benchmarks (once) ..."
  build/safeguard demo --db "$db" --scale council --seed 1
fi
export SAFEGUARD_BENCH_DB="$db"
scripts/with-postgres.sh --port 55433 -- build/safeguard_bench --benchmark_min_time=1 "$@"
