//! Sampling a token from rows of a `[64, 131072]` batch of `f32` logits, one thread: every
//! option of the sampler beside a sort-based top-p sampler written as candle's `LogitsProcessor`
//! does it, and a copy of the same bytes, in the same run. Also `logits::top_k(k = 50)` on
//! `[64, 128256]`.
//!
//! `cargo bench --bench sample` runs everything; `cargo bench --bench sample -- top_p` one case.

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use logits::{Context, Key, Request, Sampler, Workspace, sample_batch};
use ndarray::{Array2, ArrayView1, Axis};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;

const ROWS: usize = 64;
const VOCAB: usize = 131_072;

/// Logits shaped like a language model's: a normal bulk (σ = 2) and a few dozen tokens well above
/// it, so that top-p at 0.9 keeps tens to hundreds of tokens.
fn batch(rows: usize, vocab: usize) -> Array2<f32> {
    let mut rng = StdRng::seed_from_u64(128);
    Array2::from_shape_fn((rows, vocab), |_| {
        let z: f32 = rng.sample(StandardNormal);
        if rng.random_range(0..4096) == 0 {
            12.0 + 2.0 * z
        } else {
            2.0 * z
        }
    })
}

/// Top-p as a sort-based sampler does it (candle-transformers' `LogitsProcessor::sample_topp`):
/// softmax, sort the indices by probability, keep the prefix whose sum reaches `p`, draw.
fn sort_based_top_p(row: &ArrayView1<f32>, p: f32, u: f32, scratch: &mut Vec<usize>) -> usize {
    let m = row.fold(f32::NEG_INFINITY, |a, &b| a.max(b));
    let mut probs: Vec<f32> = row.iter().map(|&x| (x - m).exp()).collect();
    let s: f32 = probs.iter().sum();
    for q in &mut probs {
        *q /= s;
    }
    scratch.clear();
    scratch.extend(0..probs.len());
    scratch.sort_by(|&i, &j| probs[j].total_cmp(&probs[i]));
    let mut cumsum = 0.0;
    for &i in scratch.iter() {
        if cumsum >= p {
            probs[i] = 0.0;
        } else {
            cumsum += probs[i];
        }
    }
    let total: f32 = probs.iter().sum();
    let target = u * total;
    let mut run = 0.0;
    for (i, &q) in probs.iter().enumerate() {
        run += q;
        if run > target {
            return i;
        }
    }
    probs.len() - 1
}

/// A benchmark group of `elements` per iteration, 20 samples of 4 s after 1 s of warm-up.
fn group(c: &mut Criterion, name: String, elements: u64) -> BenchmarkGroup<'_, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .throughput(Throughput::Elements(elements))
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group
}

fn sampling(c: &mut Criterion) {
    let x = batch(ROWS, VOCAB);
    let mut group = group(
        c,
        format!("sample/{ROWS}x{VOCAB}/f32"),
        (ROWS * VOCAB) as u64,
    );

    let mut out = vec![0.0_f32; VOCAB];
    group.bench_function("copy", |b| {
        b.iter(|| {
            for row in x.rows() {
                out.copy_from_slice(row.as_slice().unwrap());
                black_box(&out);
            }
        });
    });
    let cases: [(&str, Sampler<f32>); 9] = [
        ("greedy", Sampler::greedy()),
        ("temperature", Sampler::new().temperature(0.8)),
        ("min_p", Sampler::new().min_p(0.05)),
        ("top_k", Sampler::new().top_k(50)),
        ("top_p", Sampler::new().top_p(0.9)),
        ("top_k+top_p", Sampler::new().top_k(50).top_p(0.9)),
        (
            "top_p+log_probs",
            Sampler::new()
                .top_p(0.9)
                .log_probs(true)
                .raw_log_probs(true),
        ),
        (
            "temperature+log_probs",
            Sampler::new()
                .temperature(0.8)
                .log_probs(true)
                .raw_log_probs(true),
        ),
        ("typical_p", Sampler::new().typical_p(0.9)),
    ];
    for (name, sampler) in cases {
        let mut ws = Workspace::new();
        let mut position = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                for row in x.rows() {
                    position += 1;
                    let key = Key::new(1, position);
                    black_box(
                        sampler
                            .sample_in(&mut ws, &row, &Context::default(), key)
                            .unwrap(),
                    );
                }
            });
        });
    }
    let mut scratch = Vec::new();
    group.bench_function("sort-based top_p", |b| {
        b.iter(|| {
            for (i, row) in x.rows().into_iter().enumerate() {
                black_box(sort_based_top_p(
                    &row,
                    0.9,
                    (i as f32 + 0.5) / ROWS as f32,
                    &mut scratch,
                ));
            }
        });
    });
    group.finish();
}

/// A batch with one sampler for every row, and with each row's own temperature and p.
fn batches(c: &mut Criterion) {
    let x = batch(ROWS, VOCAB);
    let mut group = group(
        c,
        format!("sample/{ROWS}x{VOCAB}/f32"),
        (ROWS * VOCAB) as u64,
    );
    // The same options as one shared sampler, as one sampler per row, and each row its own
    // temperature and p around them (which changes the work: a flatter row keeps more tokens).
    let uniform = Sampler::new().temperature(1.0).top_p(0.9);
    let own: Vec<Sampler<f32>> = (0..ROWS)
        .map(|i| {
            let f = i as f32 / ROWS as f32 - 0.5;
            Sampler::new()
                .temperature(1.0 + 0.1 * f)
                .top_p(0.9 + 0.02 * f)
        })
        .collect();
    for (name, samplers) in [
        ("batch top_p, one sampler", vec![uniform.clone()]),
        ("batch top_p, a sampler per row", vec![uniform; ROWS]),
        ("batch top_p, per-row T and p", own),
    ] {
        let mut position = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                position += 1;
                let requests: Vec<Request<'_, f32>> = (0..ROWS)
                    .map(|i| Request {
                        sampler: &samplers[i % samplers.len()],
                        key: Key::new(i as u64, position),
                        context: Context::default(),
                    })
                    .collect();
                black_box(sample_batch(&x, &requests).unwrap());
            });
        });
    }
    group.finish();
}

/// `logits::top_k(k = 50)` on `[64, 128256]`.
fn top_k(c: &mut Criterion) {
    let y = batch(ROWS, 128_256);
    let mut group = group(c, format!("top_k/{ROWS}x128256/f32"), y.len() as u64);
    group.bench_function("top_k(50)", |b| {
        b.iter(|| black_box(logits::top_k(&y, 50, Axis(1))));
    });
    group.finish();
}

criterion_group!(benches, sampling, batches, top_k);
criterion_main!(benches);
