#!/usr/bin/env bash
# Fuzzes every target (or the ones named) for SECONDS_PER_TARGET seconds each (default 600), one
# after another, and prints how each run ended; a failure leaves its input in artifacts/<target>/.
# ISA=avx2 or ISA=scalar fuzzes that kernel path (it sets LOGITS_ISA) instead of the best one the
# CPU has. Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#
#   fuzz/run.sh                      # every target, 10 minutes each
#   SECONDS_PER_TARGET=60 fuzz/run.sh softmax cross_entropy
#   ISA=scalar SECONDS_PER_TARGET=120 fuzz/run.sh
set -euo pipefail
cd "$(dirname "$0")"
seconds=${SECONDS_PER_TARGET:-600}
isa=${ISA:-${LOGITS_ISA:-best}}
case "$isa" in
  best) unset LOGITS_ISA ;;
  scalar | avx2 | avx512) export LOGITS_ISA="$isa" ;;
  *) echo "ISA must be scalar, avx2 or avx512, not $isa" >&2; exit 2 ;;
esac
if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < <(cargo +nightly fuzz list); fi
mkdir -p logs
status=0
for target in "${targets[@]}"; do
  log="logs/$target-$isa.log"
  echo "==> $target, ${seconds}s, path $isa"
  if cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" -max_len=8192 -len_control=0 -timeout=20 \
      >"$log" 2>&1; then
    grep -E "^#[0-9]+\s+DONE" "$log" | tail -1
  else
    status=1
    grep -E "panicked|SUMMARY|Test unit written|==[0-9]+==ERROR" "$log" | head -5
  fi
done
exit $status
