//! The layouts classifiers bring, beside a naive version and a copy of the same bytes in the
//! same run: classes in axis 1 of an N-d array (segmentation `[N, C, H, W]`, sequences
//! `[N, C, T]`, PyTorch's layout), the same data with the classes last (`[N·H·W, C]`, short
//! rows out of cache), short rows in cache, and the classes first (`[C, N]`). With `--features
//! rayon` the ops and the copy run on the thread pool (`RAYON_NUM_THREADS`).
//!
//! `cargo bench --bench layouts` runs everything; `cargo bench --bench layouts -- 8x21x256x256`
//! one shape. `python3 tools/bench_table.py` prints the ratios afterwards. Each group is
//! `op/shape/type/axisN`; ops: `softmax_into`, `log_softmax_into`, `logsumexp`, `softmax`
//! (allocating), `cross_entropy_loss` (forward, mean), `cross_entropy_loss_and_grad_into`,
//! `cross_entropy_loss_and_grad` (allocating), `cross_entropy_probabilities_loss_and_grad_into`
//! (probability targets), `cross_entropy_per_sample`.

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use logits::{CrossEntropy, Float};
use ndarray::{ArrayD, Axis, IxDyn};

/// `(shape, class axis)`: segmentation and sequences with the classes in axis 1, the same
/// numbers of samples and classes with the classes last, and with the classes in axis 0 of a
/// matrix (one block of column lanes, which `--features rayon` splits by columns); short rows
/// that stay in L2 (`[4096, 21]`: the kernel's own cost, with no memory to wait on); and
/// sequences of 1000 classes in axis 1 (more than the column kernels take: the cross-entropy goes
/// a tile at a time), beside the same with the classes last.
const CASES_F32: [(&[usize], usize); 8] = [
    (&[8, 21, 256, 256], 1),
    (&[524_288, 21], 1),
    (&[4096, 21], 1),
    (&[21, 524_288], 0),
    (&[32, 10, 4096], 1),
    (&[131_072, 10], 1),
    (&[16, 1000, 256], 1),
    (&[4096, 1000], 1),
];
const CASES_F64: [(&[usize], usize); 1] = [(&[32, 10, 4096], 1)];

fn input<A: Float>(shape: &[usize]) -> ArrayD<A> {
    let mut s = 0x2545_F491_4F6C_DD1D_u64;
    ArrayD::from_shape_simple_fn(IxDyn(shape), || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        A::from((s >> 40) as f64 / (1u64 << 24) as f64 * 20.0 - 10.0).unwrap()
    })
}

/// The tutorial softmax along `axis`: subtract the max, `mapv(exp)`, divide by `sum_axis`.
fn naive_softmax<A: Float>(x: &ArrayD<A>, axis: Axis) -> ArrayD<A> {
    let m = x.map_axis(axis, |l| l.fold(A::neg_infinity(), |a, &b| a.max(b)));
    let e = (x - &m.insert_axis(axis)).mapv(A::exp);
    let s = e.sum_axis(axis);
    e / &s.insert_axis(axis)
}

/// The tutorial cross-entropy forward along `axis`: `−mean ln softmax[target]`.
fn naive_cross_entropy<A: Float>(x: &ArrayD<A>, targets: &ArrayD<usize>, axis: Axis) -> A {
    let p = naive_softmax(x, axis);
    let mut total = A::zero();
    for (lane, &t) in p.lanes(axis).into_iter().zip(targets.iter()) {
        total -= lane[t].ln();
    }
    total / A::from(targets.len()).unwrap()
}

/// A copy of the bytes, split over the thread pool as the ops are with `--features rayon`.
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

fn new_group<'a>(c: &'a mut Criterion, name: &str, bytes: u64) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(20).measurement_time(Duration::from_secs(3));
    g
}

fn bench_case<A: Float>(c: &mut Criterion, ty: &str, (shape, axis): (&[usize], usize)) {
    let axis = Axis(axis);
    let x = input::<A>(shape);
    let xs = x.as_slice().unwrap();
    let bytes = (x.len() * size_of::<A>()) as u64;
    let dims: Vec<String> = shape.iter().map(ToString::to_string).collect();
    let name = |op: &str| format!("{op}/{}/{ty}/axis{}", dims.join("x"), axis.index());
    let mut out = ArrayD::<A>::zeros(IxDyn(shape));

    let mut g = new_group(c, &name("softmax_into"), bytes);
    g.bench_function("logits", |b| {
        b.iter(|| logits::softmax_into(black_box(&x), &mut out, axis).unwrap());
    });
    g.bench_function("naive", |b| b.iter(|| naive_softmax(black_box(&x), axis)));
    g.bench_function("copy", |b| {
        b.iter(|| copy(black_box(xs), out.as_slice_mut().unwrap()));
    });
    g.finish();

    let mut g = new_group(c, &name("log_softmax_into"), bytes);
    g.bench_function("logits", |b| {
        b.iter(|| logits::log_softmax_into(black_box(&x), &mut out, axis).unwrap());
    });
    g.bench_function("copy", |b| {
        b.iter(|| copy(black_box(xs), out.as_slice_mut().unwrap()));
    });
    g.finish();

    let mut g = new_group(c, &name("logsumexp"), bytes);
    g.bench_function("logits", |b| {
        b.iter(|| logits::logsumexp(black_box(&x), axis));
    });
    g.bench_function("copy", |b| {
        b.iter(|| copy(black_box(xs), out.as_slice_mut().unwrap()));
    });
    g.finish();

    let mut g = new_group(c, &name("softmax"), bytes);
    g.bench_function("logits", |b| {
        b.iter(|| logits::softmax(black_box(&x), axis));
    });
    g.bench_function("copy", |b| {
        b.iter(|| {
            let mut fresh = ArrayD::<A>::zeros(IxDyn(shape));
            copy(black_box(xs), fresh.as_slice_mut().unwrap());
            fresh
        });
    });
    g.finish();

    bench_cross_entropy(c, &x, axis, &name, &mut out);
}

/// The cross-entropy groups of one case: class-index targets, then probability targets.
fn bench_cross_entropy<A: Float>(
    c: &mut Criterion,
    x: &ArrayD<A>,
    axis: Axis,
    name: &dyn Fn(&str) -> String,
    out: &mut ArrayD<A>,
) {
    let (xs, shape) = (x.as_slice().unwrap(), x.shape());
    let bytes = (x.len() * size_of::<A>()) as u64;
    let classes = shape[axis.index()];
    let mut k = 0usize;
    let targets = x.sum_axis(axis).mapv(|_| {
        k += 1;
        (k * 7919) % classes
    });
    let ce = CrossEntropy::new().class_axis(axis);
    let mut g = new_group(c, &name("cross_entropy_loss"), bytes);
    g.bench_function("logits", |b| {
        b.iter(|| ce.loss(black_box(x), &targets).unwrap());
    });
    g.bench_function("naive", |b| {
        b.iter(|| naive_cross_entropy(black_box(x), &targets, axis));
    });
    g.bench_function("copy", |b| {
        b.iter(|| copy(black_box(xs), out.as_slice_mut().unwrap()));
    });
    g.finish();

    let mut g = new_group(c, &name("cross_entropy_loss_and_grad_into"), bytes);
    g.bench_function("logits", |b| {
        b.iter(|| {
            ce.loss_and_grad_into(black_box(x), &targets, &mut *out)
                .unwrap()
        });
    });
    g.bench_function("copy", |b| {
        b.iter(|| copy(black_box(xs), out.as_slice_mut().unwrap()));
    });
    g.finish();

    let mut g = new_group(c, &name("cross_entropy_loss_and_grad"), bytes);
    g.bench_function("logits", |b| {
        b.iter(|| ce.loss_and_grad(black_box(x), &targets).unwrap());
    });
    g.bench_function("copy", |b| {
        b.iter(|| {
            let mut fresh = ArrayD::<A>::zeros(IxDyn(shape));
            copy(black_box(xs), fresh.as_slice_mut().unwrap());
            fresh
        });
    });
    g.finish();

    // Probability targets (the logits' shape) read beside the logits.
    let q = logits::softmax(&x.mapv(|v| v * A::from(0.5).unwrap()), axis);
    let mut g = new_group(
        c,
        &name("cross_entropy_probabilities_loss_and_grad_into"),
        bytes,
    );
    g.bench_function("logits", |b| {
        let q = || logits::Targets::Probabilities(q.view());
        b.iter(|| ce.loss_and_grad_into(black_box(x), q(), &mut *out).unwrap());
    });
    g.bench_function("copy", |b| {
        b.iter(|| copy(black_box(xs), out.as_slice_mut().unwrap()));
    });
    g.finish();

    let mut g = new_group(c, &name("cross_entropy_per_sample"), bytes);
    g.bench_function("logits", |b| {
        b.iter(|| ce.per_sample(black_box(x), &targets).unwrap());
    });
    g.bench_function("copy", |b| {
        b.iter(|| copy(black_box(xs), out.as_slice_mut().unwrap()));
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    for case in CASES_F32 {
        bench_case::<f32>(c, "f32", case);
    }
    for case in CASES_F64 {
        bench_case::<f64>(c, "f64", case);
    }
}

criterion_group! {
    name = layouts;
    config = Criterion::default().warm_up_time(Duration::from_millis(500));
    targets = benches
}
criterion_main!(layouts);
