//! `cargo fuzz run kl_div`: see `logits_fuzz::kl_div`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| logits_fuzz::kl_div(data));
