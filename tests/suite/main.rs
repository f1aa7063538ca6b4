//! The integration tests of `logits`, as one test binary: one module per suite, all built on one
//! harness (`harness`). `cargo test --test suite` runs everything; a module name filters one
//! suite, as in `cargo test --test suite robustness::`. A filter matches any part of a test's
//! path, so `reference::` also runs `loss_reference::` (and `errors::`, `loss_errors::`);
//! `-- --skip loss_` leaves those out.
//!
//! - `accuracy`: the largest error of every function against a higher-precision reference, on
//!   every instruction-set path, held to the README's bounds.
//! - `reference`, `loss_reference`: exact values computed with mpmath (`tests/data/`).
//! - `properties`, `loss_properties`: mathematical properties over random shapes and layouts.
//! - `robustness`: adversarial inputs for every public function and loss method.
//! - `errors`, `loss_errors`: every error path.
//! - `linear`: the fused LM head against the unfused path.
//! - `top_k`, `edges`: `top_k`, and edge cases the fuzzers found.
//! - `ext`: the `LogitsExt` methods, bit for bit against the free functions.
//! - `sample`: the sampler against a sort-based reference, its draws' distribution, its errors.
//! - `fuzz_regressions`: the fuzz targets' checks on every saved input.
//! - `determinism`: a row gives the same bits alone, in any batch, beside any neighbours.
//! - `parallel`: large inputs, split into tasks with the `rayon` feature.
//! - `token`: the per-token outputs, z-loss, entropy bonus, soft cap and per-sample backward pass
//!   of both cross-entropies.

mod harness;

mod accuracy;
mod determinism;
mod edges;
mod errors;
mod ext;
mod fuzz_regressions;
mod linear;
mod loss_errors;
mod loss_properties;
mod loss_reference;
mod parallel;
mod properties;
mod reference;
mod robustness;
#[cfg(feature = "sample")]
mod sample;
mod token;
mod top_k;
