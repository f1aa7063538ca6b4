//! What the per-token outputs and the options of LLM and RL training cost over the loss and its
//! gradient alone, in `f32`: `CrossEntropy::loss_and_grad` beside `loss_and_grad_with` every
//! output (`TokenOutputs::ALL`), with the z-loss and the entropy bonus, and with the soft cap, at
//! [4096, 1000] and [256, 32000], with a copy of the logits for scale; and the fused LM head
//! (`LinearCrossEntropy`) at N = 4096, d = 512, V = 32000 with and without every output.
//!
//! `cargo bench --bench token` (the LM head takes about two minutes: ten samples of three
//! products of 134 GFLOP each); `cargo bench --bench token -- 'ce/'` leaves it out. Throughput
//! counts logits per second.

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use logits::{CrossEntropy, LinearCrossEntropy, TokenOutputs};
use ndarray::Array2;

fn input(rows: usize, cols: usize, scale: f32, seed: u64) -> Array2<f32> {
    let mut s = seed;
    Array2::from_shape_simple_fn((rows, cols), || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        ((s >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * scale
    })
}

fn cross_entropy(c: &mut Criterion) {
    for (rows, cols) in [(4096, 1000), (256, 32000)] {
        let x = input(rows, cols, 4.0, 0x2545_F491_4F6C_DD1D);
        let targets: Vec<usize> = (0..rows).map(|i| (i * 7919) % cols).collect();
        let mut g = c.benchmark_group(format!("ce/f32/{rows}x{cols}"));
        g.throughput(Throughput::Elements((rows * cols) as u64));
        let plain = CrossEntropy::new();
        g.bench_function("loss_and_grad", |b| {
            b.iter(|| black_box(plain.loss_and_grad(black_box(&x), &targets).unwrap()));
        });
        g.bench_function("loss_and_grad_with_all", |b| {
            b.iter(|| {
                black_box(
                    plain
                        .loss_and_grad_with(black_box(&x), &targets, TokenOutputs::ALL)
                        .unwrap(),
                )
            });
        });
        let extras = CrossEntropy::new().z_loss(1e-4).entropy_bonus(1e-2);
        g.bench_function("z_loss_and_bonus", |b| {
            b.iter(|| black_box(extras.loss_and_grad(black_box(&x), &targets).unwrap()));
        });
        let capped = CrossEntropy::new().soft_cap(30.0);
        g.bench_function("soft_cap", |b| {
            b.iter(|| black_box(capped.loss_and_grad(black_box(&x), &targets).unwrap()));
        });
        let mut out = x.clone();
        g.bench_function("copy", |b| {
            b.iter(|| out.assign(black_box(&x)));
        });
        g.finish();
    }
}

fn lm_head(c: &mut Criterion) {
    const N: usize = 4096;
    const D: usize = 512;
    const V: usize = 32000;
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
    g.bench_function("loss_and_grad", |b| {
        b.iter(|| black_box(fused.loss_and_grad(&h, &w, &targets).unwrap()));
    });
    g.bench_function("loss_and_grad_with_all", |b| {
        b.iter(|| {
            black_box(
                fused
                    .loss_and_grad_with(&h, &w, &targets, TokenOutputs::ALL)
                    .unwrap(),
            )
        });
    });
    g.finish();
}

criterion_group! {
    name = token;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    targets = cross_entropy, lm_head
}
criterion_main!(token);
