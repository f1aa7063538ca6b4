//! `Sampler::sample_in` allocates nothing once its `Workspace` has met a row of the size: a test
//! binary of its own, with a global allocator that counts the allocations of the calling thread
//! (the test harness runs other tests on other threads).

#![cfg(feature = "sample")]
#![allow(unsafe_code, reason = "a counting global allocator")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use logits::{Context, Key, Order, Sampler, Workspace};
use ndarray::Array1;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator; the counter is a thread-local `Cell` that needs no
// allocation of its own.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

#[test]
fn sample_in_allocates_nothing_after_warm_up() {
    let v = 131_072;
    let mut s = 0x2545_F491_4F6C_DD1D_u64;
    let row = Array1::from_shape_simple_fn(v, || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 40) as f32 / (1 << 24) as f32 * 12.0 - 6.0
    });
    let history = [3, 3, 99, 1000];
    let bias = [(5, 2.0_f32), (77, f32::NEG_INFINITY)];
    let with_context = Context {
        history: &history,
        logit_bias: &bias,
        allowed: None,
    };
    let samplers = [
        Sampler::greedy(),
        Sampler::new(),
        Sampler::new().temperature(0.7).top_k(50),
        Sampler::new()
            .top_p(0.9)
            .log_probs(true)
            .raw_log_probs(true),
        Sampler::new().min_p(0.05).order(Order::LlamaCpp),
        Sampler::new().top_k(40).top_p(0.95).min_p(0.02),
        Sampler::new().typical_p(0.9),
        Sampler::new()
            .repetition_penalty(1.2)
            .frequency_penalty(0.1),
    ];
    for (i, sampler) in samplers.iter().enumerate() {
        let mut ws = Workspace::new();
        let ctx = if i == 7 {
            with_context
        } else {
            Context::default()
        };
        for position in 0..3 {
            sampler
                .sample_in(&mut ws, &row, &ctx, Key::new(1, position))
                .unwrap();
        }
        let before = allocations();
        for position in 3..40 {
            sampler
                .sample_in(&mut ws, &row, &ctx, Key::new(1, position))
                .unwrap();
        }
        assert_eq!(allocations() - before, 0, "sampler {i}: {sampler:?}");
    }
}
