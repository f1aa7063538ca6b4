//! Throughput of the softmax family beside a naive ndarray implementation (as the tutorials write
//! it) and a plain copy of the same bytes, in the same run.
//!
//! `cargo bench --bench softmax` runs everything; `cargo bench --bench softmax -- 4096x1000` one
//! shape. `python3 tools/bench_table.py` prints the table of ratios afterwards. With
//! `--features rayon` every side, the copy included, uses the thread pool (`RAYON_NUM_THREADS`).

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use logits::Float;
use ndarray::{Array, Array2, Axis, Ix1};

/// Shapes `[rows, classes]`: classifier-sized, LM-sized, short rows, out of cache, and a small
/// batch (where the `rayon` feature must not cost anything).
const SHAPES_F32: [(usize, usize); 5] = [
    (4096, 1000),
    (256, 32000),
    (65536, 10),
    (8192, 32000),
    (64, 1000),
];
const SHAPES_F64: [(usize, usize); 1] = [(4096, 1000)];

fn input<A: Float>(rows: usize, cols: usize) -> Array2<A> {
    let mut s = 0x2545_F491_4F6C_DD1D_u64;
    Array2::from_shape_simple_fn((rows, cols), || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        A::from((s >> 40) as f64 / (1u64 << 24) as f64 * 20.0 - 10.0).unwrap()
    })
}

/// The tutorial softmax: subtract the max, `mapv(exp)`, divide by `sum_axis`.
fn naive_softmax<A: Float>(x: &Array2<A>, axis: Axis) -> Array2<A> {
    let m = x.map_axis(axis, |l| l.fold(A::neg_infinity(), |a, &b| a.max(b)));
    let e = (x - &m.insert_axis(axis)).mapv(A::exp);
    let s = e.sum_axis(axis);
    e / &s.insert_axis(axis)
}

fn naive_log_softmax<A: Float>(x: &Array2<A>, axis: Axis) -> Array2<A> {
    let m = x.map_axis(axis, |l| l.fold(A::neg_infinity(), |a, &b| a.max(b)));
    let shifted = x - &m.insert_axis(axis);
    let lse = shifted.mapv(A::exp).sum_axis(axis).mapv(A::ln);
    shifted - &lse.insert_axis(axis)
}

fn naive_logsumexp<A: Float>(x: &Array2<A>, axis: Axis) -> Array<A, Ix1> {
    let m = x.map_axis(axis, |l| l.fold(A::neg_infinity(), |a, &b| a.max(b)));
    let s = (x - &m.view().insert_axis(axis))
        .mapv(A::exp)
        .sum_axis(axis);
    m + s.mapv(A::ln)
}

/// The memory-copy baseline: `copy_from_slice`, or with the `rayon` feature the same split over
/// the thread pool in pieces of 64 KiB, so that both sides of a ratio use the same threads.
fn copy<A: Float>(src: &[A], dst: &mut [A]) {
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        let piece = (64 << 10) / size_of::<A>();
        dst.par_chunks_mut(piece)
            .zip(src.par_chunks(piece))
            .for_each(|(d, s)| d.copy_from_slice(s));
    }
    #[cfg(not(feature = "rayon"))]
    dst.copy_from_slice(src);
}

/// The tutorial cross-entropy and gradient: naive softmax, `−mean ln p[target]`, `(p − onehot) / n`.
fn naive_cross_entropy_and_grad<A: Float>(x: &Array2<A>, targets: &[usize]) -> (A, Array2<A>) {
    let mut p = naive_softmax(x, Axis(1));
    let n = A::from(targets.len()).unwrap();
    let loss = targets
        .iter()
        .enumerate()
        .map(|(i, &t)| -p[(i, t)].ln())
        .fold(A::zero(), |a, b| a + b)
        / n;
    for (i, &t) in targets.iter().enumerate() {
        p[(i, t)] -= A::one();
    }
    (loss, p / n)
}

/// The tutorial BCE with logits: `σ(x)`, then `−mean(y ln σ + (1 − y) ln(1 − σ))`, `(σ − y) / n`.
fn naive_bce_with_logits_and_grad<A: Float>(x: &Array2<A>, y: &Array2<A>) -> (A, Array2<A>) {
    let s = x.mapv(|v| A::one() / (A::one() + (-v).exp()));
    let n = A::from(x.len()).unwrap();
    let loss = -(y * &s.mapv(A::ln)
        + &(y.mapv(|v| A::one() - v) * &s.mapv(|v| (A::one() - v).ln())))
        .sum()
        / n;
    (loss, (s - y) / n)
}

fn new_group(
    c: &mut Criterion,
    name: String,
    bytes: u64,
    big: bool,
) -> BenchmarkGroup<'_, WallTime> {
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes));
    if big {
        g.sample_size(10).measurement_time(Duration::from_secs(8));
    }
    g
}

#[expect(
    clippy::too_many_lines,
    reason = "one bench group per op, listed in order"
)]
fn bench_shape<A: Float>(c: &mut Criterion, ty: &str, (rows, cols): (usize, usize)) {
    let x = input::<A>(rows, cols);
    let bytes = (x.len() * size_of::<A>()) as u64;
    let big = bytes > 256 << 20;
    let mut out = Array2::<A>::zeros((rows, cols));
    let xs = x.as_slice().unwrap();
    for axis in [Axis(1), Axis(0)] {
        let name = |op: &str| format!("{op}/{rows}x{cols}/{ty}/axis{}", axis.index());

        let mut g = new_group(c, name("softmax_into"), bytes, big);
        g.bench_function("logits", |b| {
            b.iter(|| logits::softmax_into(&x, &mut out, axis).unwrap());
        });
        if !big {
            g.bench_function("naive", |b| b.iter(|| naive_softmax(black_box(&x), axis)));
        }
        g.bench_function("copy", |b| {
            b.iter(|| copy(black_box(xs), out.as_slice_mut().unwrap()));
        });
        g.finish();

        let mut g = new_group(c, name("log_softmax_into"), bytes, big);
        g.bench_function("logits", |b| {
            b.iter(|| logits::log_softmax_into(&x, &mut out, axis).unwrap());
        });
        if !big {
            g.bench_function("naive", |b| {
                b.iter(|| naive_log_softmax(black_box(&x), axis));
            });
        }
        g.bench_function("copy", |b| {
            b.iter(|| copy(black_box(xs), out.as_slice_mut().unwrap()));
        });
        g.finish();

        let mut g = new_group(c, name("logsumexp"), bytes, big);
        g.bench_function("logits", |b| {
            b.iter(|| logits::logsumexp(black_box(&x), axis));
        });
        if !big {
            g.bench_function("naive", |b| b.iter(|| naive_logsumexp(black_box(&x), axis)));
        }
        g.bench_function("copy", |b| {
            b.iter(|| copy(black_box(xs), out.as_slice_mut().unwrap()));
        });
        g.finish();

        let mut g = new_group(c, name("softmax"), bytes, big);
        g.bench_function("logits", |b| {
            b.iter(|| logits::softmax(black_box(&x), axis));
        });
        if !big {
            g.bench_function("naive", |b| b.iter(|| naive_softmax(black_box(&x), axis)));
        }
        g.bench_function("copy", |b| {
            b.iter(|| {
                let mut fresh = Array2::<A>::zeros((rows, cols));
                copy(black_box(xs), fresh.as_slice_mut().unwrap());
                fresh
            });
        });
        g.finish();

        if axis == Axis(1) {
            let targets: Vec<usize> = (0..rows).map(|i| (i * 7919) % cols).collect();
            let ce = logits::CrossEntropy::new();
            let mut grad = Array2::<A>::zeros((rows, cols));
            let mut g = new_group(c, name("cross_entropy_loss_and_grad"), bytes, big);
            g.bench_function("logits", |b| {
                b.iter(|| {
                    ce.loss_and_grad_into(black_box(&x), &targets, &mut grad)
                        .unwrap()
                });
            });
            if !big {
                g.bench_function("naive", |b| {
                    b.iter(|| naive_cross_entropy_and_grad(black_box(&x), &targets));
                });
            }
            g.bench_function("copy", |b| {
                b.iter(|| copy(black_box(xs), out.as_slice_mut().unwrap()));
            });
            g.finish();

            let y = x.mapv(|v| if v > A::zero() { A::one() } else { A::zero() });
            let bce = logits::BinaryCrossEntropyWithLogits::new();
            let mut g = new_group(c, name("bce_with_logits_loss_and_grad"), 2 * bytes, big);
            g.bench_function("logits", |b| {
                b.iter(|| {
                    bce.loss_and_grad_into(black_box(&x), &y, &mut grad)
                        .unwrap()
                });
            });
            if !big {
                g.bench_function("naive", |b| {
                    b.iter(|| naive_bce_with_logits_and_grad(black_box(&x), &y));
                });
            }
            let both: Vec<A> = xs.iter().chain(y.as_slice().unwrap()).copied().collect();
            let mut both_out = both.clone();
            g.bench_function("copy", |b| {
                b.iter(|| copy(black_box(&both), &mut both_out));
            });
            g.finish();
        }

        let mut g = new_group(c, name("softmax_inplace"), bytes, big);
        // Softmax of a softmax is as much work as of fresh logits, so `out` is simply reused.
        out.assign(&x);
        g.bench_function("logits", |b| {
            b.iter(|| logits::softmax_inplace(&mut out, axis));
        });
        g.bench_function("copy", |b| {
            b.iter(|| copy(black_box(xs), out.as_slice_mut().unwrap()));
        });
        g.finish();
    }
}

fn benches(c: &mut Criterion) {
    for shape in SHAPES_F32 {
        bench_shape::<f32>(c, "f32", shape);
    }
    for shape in SHAPES_F64 {
        bench_shape::<f64>(c, "f64", shape);
    }
}

criterion_group! {
    name = softmax_family;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    targets = benches
}
criterion_main!(softmax_family);
