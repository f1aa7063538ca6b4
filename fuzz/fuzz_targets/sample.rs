//! `cargo fuzz run sample`: see `logits_fuzz::sample`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| logits_fuzz::sample(data));
