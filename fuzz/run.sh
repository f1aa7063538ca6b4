#!/usr/bin/env bash
# Fuzzes every target (or the ones named) for SECONDS_PER_TARGET seconds each (default 600), one
# after another, and prints how each run ended; a failure leaves its input in artifacts/<target>/.
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#
#   fuzz/run.sh                      # every target, 10 minutes each
#   SECONDS_PER_TARGET=60 fuzz/run.sh softmax cross_entropy
set -euo pipefail
cd "$(dirname "$0")"
seconds=${SECONDS_PER_TARGET:-600}
if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < <(cargo +nightly fuzz list); fi
mkdir -p logs
status=0
for target in "${targets[@]}"; do
  echo "==> $target, ${seconds}s"
  if cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -max_len=8192 -len_control=0 -timeout=20 \
      >"logs/$target.log" 2>&1; then
    grep -E "^#[0-9]+\s+DONE" "logs/$target.log" | tail -1
  else
    status=1
    grep -E "panicked|SUMMARY|Test unit written|==[0-9]+==ERROR" "logs/$target.log" | head -5
  fi
done
exit $status
