//! `cargo fuzz run softmax`: see `logits_fuzz::softmax`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| logits_fuzz::softmax(data));
