//! The fuzz targets' checks (`fuzz/src/lib.rs`), run by `cargo test` on stable Rust: on every input
//! saved under `fuzz/regressions/<target>/` (each one a failure the fuzzer found, kept after the
//! fix) and on a few hundred pseudo-random byte strings per target, so that the promises the
//! fuzzers check hold in every CI run, not only when someone fuzzes.

#[path = "../../fuzz/src/lib.rs"]
mod checks;

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::PathBuf;

use crate::harness::SplitMix;

/// Pseudo-random inputs per target, of up to this many bytes.
const RANDOM_INPUTS: usize = 300;
const MAX_LEN: u64 = 2048;

/// Runs `check` on the saved inputs of `target`, then on random ones; a failure names its input.
fn replay(target: &str, check: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut saved: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    saved.sort();
    for path in &saved {
        let bytes = std::fs::read(path).expect("a saved input is readable");
        run(check, &bytes, &path.display().to_string());
    }
    // The suite's SplitMix64, seeded by the target's name, so every run replays the same inputs.
    let mut rng = SplitMix(target.bytes().fold(0x9e37_79b9_7f4a_7c15_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    }));
    for i in 0..RANDOM_INPUTS {
        let len = (rng.next_u64() % MAX_LEN) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        run(check, &bytes, &format!("random input {i} of {target}"));
    }
}

fn run(check: fn(&[u8]), bytes: &[u8], name: &str) {
    if let Err(panic) = catch_unwind(AssertUnwindSafe(|| check(bytes))) {
        // Saved where `cargo fuzz run <target> <file>` can replay it.
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures");
        let file = dir.join(name.replace(' ', "-"));
        let saved = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&file, bytes));
        match saved {
            Ok(()) => eprintln!("failed on {name}, saved as {}", file.display()),
            Err(e) => eprintln!("failed on {name} ({e}): {bytes:?}"),
        }
        resume_unwind(panic);
    }
}

#[test]
fn softmax() {
    replay("softmax", checks::softmax);
}

#[test]
fn cross_entropy() {
    replay("cross_entropy", checks::cross_entropy);
}

#[test]
fn binary_cross_entropy() {
    replay("binary_cross_entropy", checks::binary_cross_entropy);
}

#[test]
fn bce_with_logits() {
    replay("bce_with_logits", checks::bce_with_logits);
}

#[test]
fn sigmoid_focal() {
    replay("sigmoid_focal", checks::sigmoid_focal);
}

#[test]
fn kl_div() {
    replay("kl_div", checks::kl_div);
}

#[test]
fn linear_cross_entropy() {
    replay("linear_cross_entropy", checks::linear_cross_entropy);
}
