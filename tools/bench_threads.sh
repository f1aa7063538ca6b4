#!/usr/bin/env bash
# Runs `cargo bench --features rayon --bench BENCH -- FILTER` ROUNDS times for each thread count
# (RAYON_NUM_THREADS), interleaved (1, 2, …, then again), saves each run in
# target/bench-runs/BENCH-threads/tN/runK, and prints one table of medians per thread count.
# Usage: tools/bench_threads.sh ROUNDS BENCH FILTER THREADS...
#   tools/bench_threads.sh 3 layouts '21x524288/.*/(logits|copy)$' 1 2
set -euo pipefail
rounds=${1:?rounds}
bench=${2:?bench}
filter=${3:?filter}
shift 3
out=target/bench-runs/$bench-threads
rm -rf "$out"
cargo bench --features rayon --bench "$bench" --no-run >/dev/null 2>&1
for r in $(seq "$rounds"); do
  for t in "$@"; do
    rm -rf target/criterion
    RAYON_NUM_THREADS=$t cargo bench --features rayon --bench "$bench" -- --noplot \
      --warm-up-time 0.5 --measurement-time 1.5 "$filter" >/dev/null 2>&1
    mkdir -p "$out/t$t"
    cp -r target/criterion "$out/t$t/run$r"
  done
done
for t in "$@"; do
  echo "## RAYON_NUM_THREADS=$t"
  python3 tools/bench_table.py "$out/t$t"/run*
done
