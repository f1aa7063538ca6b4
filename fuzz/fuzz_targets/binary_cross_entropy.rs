//! `cargo fuzz run binary_cross_entropy`: see `logits_fuzz::binary_cross_entropy`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| logits_fuzz::binary_cross_entropy(data));
