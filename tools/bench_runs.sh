#!/usr/bin/env bash
# Runs `cargo bench --bench BENCH [-- FILTER]` RUNS times, saves each run's criterion results in
# target/bench-runs/BENCH/runN, and prints the table of medians and spreads over the runs
# (tools/bench_table.py). Usage: tools/bench_runs.sh 3 softmax ['4096x1000/f32']
# CRITERION_ARGS (e.g. "--warm-up-time 0.5 --measurement-time 1.5") go to criterion as well.
set -euo pipefail
runs=${1:?runs}
bench=${2:?bench}
filter=${3:-}
out=target/bench-runs/$bench
rm -rf "$out"
mkdir -p "$out"
for r in $(seq "$runs"); do
  rm -rf target/criterion
  if [ -n "$filter" ]; then
    cargo bench --bench "$bench" -- --noplot ${CRITERION_ARGS:-} "$filter" >/dev/null 2>&1
  else
    cargo bench --bench "$bench" -- --noplot ${CRITERION_ARGS:-} >/dev/null 2>&1
  fi
  cp -r target/criterion "$out/run$r"
done
python3 tools/bench_table.py "$out"/run*
