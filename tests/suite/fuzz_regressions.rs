//! The fuzz targets' checks (`fuzz/src/lib.rs`), run by `cargo test` on stable Rust: on every input
//! saved under `fuzz/regressions/<target>/` (each one a failure the fuzzer found, kept after the
//! fix) and on a few hundred pseudo-random byte strings per target, so that the promises the
//! fuzzers check hold in every CI run, not only when someone fuzzes. They run on the path this
//! process uses, and [`every_other_path`] runs them again on each path below it.

#[path = "../../fuzz/src/lib.rs"]
pub(crate) mod checks;

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::PathBuf;
use std::process::Command;

use crate::harness::SplitMix;

/// Pseudo-random inputs per target, of up to this many bytes.
const RANDOM_INPUTS: usize = 300;
const MAX_LEN: u64 = 2048;

/// Set in the child processes of [`every_other_path`] to the path each must use.
const CHILD_ENV: &str = "LOGITS_FUZZ_REGRESSIONS_PATH";

/// Runs `check` on the saved inputs of `target`, then on random ones; a failure names its input.
fn replay(target: &str, check: fn(&[u8])) {
    if let Some(isa) = std::env::var_os(CHILD_ENV) {
        assert_eq!(
            logits::kernel_isa(),
            isa,
            "LOGITS_ISA did not select the path"
        );
    }
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

#[cfg(feature = "sample")]
#[test]
fn sample() {
    replay("sample", checks::sample);
}

/// The same checks on each kernel path below this process's (`avx2` and `scalar` under AVX-512,
/// `scalar` under AVX2): `LOGITS_ISA` is read once per process, so each path runs this module's
/// tests in a child process of this test binary.
#[test]
fn every_other_path() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let below: &[&str] = match logits::kernel_isa() {
        "avx512" => &["avx2", "scalar"],
        "avx2" => &["scalar"],
        _ => &[],
    };
    let exe = std::env::current_exe().expect("the test binary");
    for isa in below {
        let out = Command::new(&exe)
            .arg("fuzz_regressions::")
            .env("LOGITS_ISA", isa)
            .env(CHILD_ENV, isa)
            .output()
            .expect("run the test binary");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "on the {isa} path:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            stdout.contains(if cfg!(feature = "sample") {
                "test result: ok. 9 passed"
            } else {
                "test result: ok. 8 passed"
            }),
            "on the {isa} path, not every target ran:\n{stdout}"
        );
    }
}
