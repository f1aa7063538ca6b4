//! `cargo fuzz run cross_entropy`: see `logits_fuzz::cross_entropy`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| logits_fuzz::cross_entropy(data));
