//! The fused LM head (`LinearCrossEntropy::loss_and_grad`) beside the unfused path (`h.dot(&w.t())`,
//! `CrossEntropy::loss_and_grad`, `G.dot(&w)`, `G.t().dot(&h)`), at N = 2048, d = 512, V = 32000
//! in `f32`. Throughput counts logits (N·V) per second.
//!
//! `cargo bench --bench lm_head` takes ten flat samples of each (the fewest criterion takes): about
//! a minute at 2.5 s an iteration on one core, each iteration being three products of 67 GFLOP.
//! `cargo bench --bench lm_head -- --quick` times one iteration of each.
//! `cargo run --release --example lm_head` prints the same comparison with peak memory.

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use logits::{CrossEntropy, LinearCrossEntropy};
use ndarray::Array2;

const N: usize = 2048;
const D: usize = 512;
const V: usize = 32000;

fn input(rows: usize, cols: usize, scale: f32, seed: u64) -> Array2<f32> {
    let mut s = seed;
    Array2::from_shape_simple_fn((rows, cols), || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        ((s >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * scale
    })
}

fn lm_head(c: &mut Criterion) {
    let h = input(N, D, 1.0, 0x2545_F491_4F6C_DD1D);
    let w = input(V, D, 3.0 / (D as f32).sqrt(), 0x9E37_79B9_7F4A_7C15);
    let targets: Vec<usize> = (0..N).map(|i| (i * 7919) % V).collect();

    let mut g = c.benchmark_group(format!("lm_head/f32/{N}x{D}x{V}"));
    g.throughput(Throughput::Elements((N * V) as u64))
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_secs(1));

    let fused = LinearCrossEntropy::new();
    g.bench_function("fused", |b| {
        b.iter(|| black_box(fused.loss_and_grad(&h, &w, &targets).unwrap()));
    });
    let ce = CrossEntropy::new();
    g.bench_function("unfused", |b| {
        b.iter(|| {
            let logits = h.dot(&w.t());
            let (loss, grad) = ce.loss_and_grad(&logits, &targets).unwrap();
            drop(logits);
            black_box((loss, grad.dot(&w), grad.t().dot(&h)))
        });
    });
    g.finish();
}

criterion_group!(benches, lm_head);
criterion_main!(benches);
