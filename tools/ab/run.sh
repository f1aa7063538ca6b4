#!/usr/bin/env bash
# Builds an older revision of `logits` beside this tree and runs one of the A/B programs:
#   tools/ab/run.sh REV bench [ROUNDS]
#   tools/ab/run.sh REV diff [CASES]
set -euo pipefail
cd "$(dirname "$0")/../.."
rev=${1:?usage: tools/ab/run.sh REV bench|diff [N]}
program=${2:?usage: tools/ab/run.sh REV bench|diff [N]}
shift 2
old=target/ab/old
rm -rf "$old"
mkdir -p "$old"
git archive "$rev" | tar -x -C "$old"
sed -i 's/^name = "logits"$/name = "logits_old"/' "$old/Cargo.toml"
cargo run --release --quiet --manifest-path tools/ab/Cargo.toml --target-dir target/ab/target \
  --bin "$program" -- "$@"
