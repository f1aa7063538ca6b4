//! `cargo fuzz run sigmoid_focal`: see `logits_fuzz::sigmoid_focal`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| logits_fuzz::sigmoid_focal(data));
