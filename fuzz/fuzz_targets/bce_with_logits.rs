//! `cargo fuzz run bce_with_logits`: see `logits_fuzz::bce_with_logits`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| logits_fuzz::bce_with_logits(data));
