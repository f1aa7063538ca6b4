#!/usr/bin/env bash
# How often the sampler's token differs between instruction sets: 10^6 draws (the ignored test
# `sample::tokens_for_the_isa_comparison`) on every LOGITS_ISA path the CPU has, compared with
# the best path's tokens.
set -euo pipefail
dir=$(mktemp -d)
for isa in avx512 avx2 scalar; do
  SAMPLE_TOKENS_OUT="$dir/$isa" LOGITS_ISA=$isa cargo test --release --quiet --test suite \
    tokens_for_the_isa_comparison -- --ignored >/dev/null
done
for isa in avx2 scalar; do
  n=$(wc -l <"$dir/avx512")
  d=$(paste -d' ' "$dir/avx512" "$dir/$isa" | awk '$1 != $2' | wc -l)
  echo "$isa vs avx512: $d of $n tokens differ"
done
