//! `cargo fuzz run linear_cross_entropy`: see `logits_fuzz::linear_cross_entropy`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| logits_fuzz::linear_cross_entropy(data));
