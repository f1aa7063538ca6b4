//! What the suite's modules share, written once: the element trait that runs a test body for
//! `f32` and `f64` ([`TestFloat`]), ULP distances and comparisons, the pseudo-random generator
//! ([`SplitMix`]), the memory layouts views are cut in ([`Layout`]), naive `f64` references of
//! the softmax family and the sigmoid, and the proptest configuration.
//!
//! Tolerances stay in the modules that use them: each is sized for its own check.

mod float;
mod layout;
mod oracle;
mod rng;

pub use float::{TestFloat, close, lanes, same, same_value, ulps, wide};
pub use layout::{Layout, Placed, arrange, layout_strategy};
pub use oracle::{
    lane_max, naive_log_sigmoid, naive_log_softmax, naive_logsumexp, naive_sigmoid, naive_softmax,
};
pub use rng::SplitMix;

use proptest::test_runner::{Config as ProptestConfig, RngSeed};

/// The seed of every property's cases, unless `PROPTEST_RNG_SEED` gives another.
const SEED: u64 = 0x6c6f_6769_7473;

/// `cases` cases per property, and no files of past failures (`failure_persistence`): a failing
/// case is printed. The cases are drawn from a fixed seed, so that every run (CI's included)
/// checks the same ones; `PROPTEST_RNG_SEED=n` draws others, and a longer hunt takes more cases
/// (`ROBUSTNESS_CASES` in `robustness`).
pub fn proptest_config(cases: u32) -> ProptestConfig {
    let defaults = ProptestConfig::default();
    let rng_seed = match defaults.rng_seed {
        RngSeed::Random => RngSeed::Fixed(SEED),
        fixed @ RngSeed::Fixed(_) => fixed,
    };
    ProptestConfig {
        cases,
        failure_persistence: None,
        rng_seed,
        ..defaults
    }
}

/// The infinities, by the names the generated reference data (`tests/data/`) uses.
pub const INF: f64 = f64::INFINITY;
pub const NEG_INF: f64 = f64::NEG_INFINITY;
pub const F32_INF: f32 = f32::INFINITY;
pub const F32_NEG_INF: f32 = f32::NEG_INFINITY;
