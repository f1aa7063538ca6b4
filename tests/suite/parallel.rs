//! Inputs large enough to be split into tasks with the `rayon` feature give the same results as
//! the same computation lane by lane (small calls, never split). Run with and without the
//! feature: `cargo test --features rayon --test suite parallel`.

use logits::{BinaryCrossEntropyWithLogits, CrossEntropy, Reduction};
use ndarray::{Array1, Array2, Axis, s};

fn input(rows: usize, cols: usize) -> Array2<f32> {
    Array2::from_shape_fn((rows, cols), |(i, j)| {
        ((i * cols + j) as f32 * 0.618).sin() * 9.0
    })
}

#[test]
fn split_softmax_family_equals_lane_by_lane() {
    for (rows, cols) in [(600, 257), (9000, 10), (40, 5000)] {
        let x = input(rows, cols);
        for axis in [Axis(0), Axis(1)] {
            let p = logits::softmax(&x, axis);
            let lp = logits::log_softmax(&x, axis);
            let lse = logits::logsumexp(&x, axis);
            let mut inplace = x.clone();
            logits::softmax_inplace(&mut inplace, axis);
            let diff = inplace.iter().zip(&p).position(|(a, b)| a != b);
            if let Some(d) = diff {
                let (a, b) = (inplace.as_slice().unwrap()[d], p.as_slice().unwrap()[d]);
                panic!(
                    "{rows}x{cols} axis {}: first difference at {d}: {a:e} vs {b:e}",
                    axis.index()
                );
            }
            for (k, lane) in x.axis_iter(Axis(1 - axis.index())).enumerate() {
                let want = logits::softmax(&lane.to_owned(), Axis(0));
                let got = p.index_axis(Axis(1 - axis.index()), k);
                approx::assert_abs_diff_eq!(got, want.view(), epsilon = 1e-6);
                let want = logits::log_softmax(&lane.to_owned(), Axis(0));
                let got = lp.index_axis(Axis(1 - axis.index()), k);
                approx::assert_abs_diff_eq!(got, want.view(), epsilon = 1e-4);
                let want = logits::logsumexp(&lane.to_owned(), Axis(0));
                approx::assert_relative_eq!(lse[k], want[()], max_relative = 1e-5);
            }
        }
    }
}

#[test]
fn split_losses_equal_row_by_row() {
    let (rows, cols) = (3000, 40);
    let x = input(rows, cols);
    let targets: Array1<usize> = (0..rows).map(|i| (i * 7) % cols).collect();
    let ce = CrossEntropy::new()
        .label_smoothing(0.1)
        .reduction(Reduction::Sum);
    let (loss, grad) = ce.loss_and_grad(&x, &targets).unwrap();
    let mut total = 0.0_f64;
    for r in 0..rows {
        let (l, g) = ce
            .loss_and_grad(&x.slice(s![r..=r, ..]), &targets.slice(s![r..=r]))
            .unwrap();
        total += f64::from(l);
        approx::assert_abs_diff_eq!(grad.row(r), g.row(0), epsilon = 1e-6);
    }
    approx::assert_relative_eq!(f64::from(loss), total, max_relative = 1e-5);

    let y = x.mapv(|v| if v > 1.0 { 1.0 } else { 0.0 });
    let bce = BinaryCrossEntropyWithLogits::new()
        .reduction(Reduction::Sum)
        .pos_weight(vec![2.0; cols]);
    let (loss, grad) = bce.loss_and_grad(&x, &y).unwrap();
    let mut total = 0.0_f64;
    for r in 0..rows {
        let (l, g) = bce
            .loss_and_grad(&x.slice(s![r..=r, ..]), &y.slice(s![r..=r, ..]))
            .unwrap();
        total += f64::from(l);
        approx::assert_abs_diff_eq!(grad.row(r), g.row(0), epsilon = 1e-6);
    }
    approx::assert_relative_eq!(f64::from(loss), total, max_relative = 1e-5);
}

/// A batch of draws gives each row the token it gets alone, on 1, 2 and 16 threads.
#[cfg(feature = "sample")]
#[test]
fn sampled_tokens_do_not_depend_on_the_thread_count() {
    use logits::{Key, Sampler};
    let x = input(64, 3000);
    let sampler = Sampler::new().top_p(0.9).temperature(0.8);
    let keys: Vec<Key> = (0..64).map(|i| Key::new(9, i)).collect();
    let alone: Vec<usize> = (0..64)
        .map(|r| sampler.sample(&x.row(r), keys[r]).unwrap().token)
        .collect();
    let tokens = || -> Vec<usize> {
        let draws = sampler.sample_rows(&x, &keys).unwrap();
        draws.into_iter().map(|d| d.unwrap().token).collect()
    };
    #[cfg(feature = "rayon")]
    for threads in [1, 2, 16] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        assert_eq!(pool.install(tokens), alone, "{threads} threads");
    }
    #[cfg(not(feature = "rayon"))]
    assert_eq!(tokens(), alone);
}

/// The softmax family and both cross-entropies' losses (reduced by mean and by sum) and gradients
/// give the same bits on 1, 2 and 16 threads: each lane's arithmetic does not depend on the
/// task it falls in, and the reduction over lanes sums the per-sample losses in one fixed order.
#[test]
fn results_do_not_depend_on_the_thread_count() {
    type Outputs = Vec<Vec<u32>>;
    let run = || -> Outputs {
        let mut out: Outputs = Vec::new();
        let bits = |a: &Array2<f32>| a.iter().map(|v| v.to_bits()).collect::<Vec<u32>>();
        for (rows, cols) in [(9000, 10), (3000, 40), (600, 257), (40, 5000)] {
            let x = input(rows, cols);
            for axis in [Axis(0), Axis(1)] {
                out.push(bits(&logits::softmax(&x, axis)));
                out.push(bits(&logits::log_softmax(&x, axis)));
                out.push(bits(&logits::logsumexp(&x, axis).insert_axis(axis)));
                let mut inplace = x.clone();
                logits::softmax_inplace(&mut inplace, axis);
                out.push(bits(&inplace));
            }
            let targets: Array1<usize> = (0..rows).map(|i| (i * 7) % cols).collect();
            for reduction in [Reduction::Mean, Reduction::Sum] {
                let ce = CrossEntropy::new()
                    .label_smoothing(0.1)
                    .reduction(reduction);
                let (loss, grad) = ce.loss_and_grad(&x, &targets).unwrap();
                out.push(vec![loss.to_bits()]);
                out.push(bits(&grad));
                let y = x.mapv(|v| if v > 1.0 { 1.0 } else { 0.0 });
                let bce = BinaryCrossEntropyWithLogits::new().reduction(reduction);
                let (loss, grad) = bce.loss_and_grad(&x, &y).unwrap();
                out.push(vec![loss.to_bits()]);
                out.push(bits(&grad));
            }
        }
        // The class axis 1 of N-d logits (column blocks, split by whole blocks, or by columns
        // where there are fewer blocks than threads).
        for (n, c, w) in [(64, 10, 600), (16, 21, 1000), (2, 21, 5000), (1, 64, 3001)] {
            let x = input(n * c, w).into_shape_with_order((n, c, w)).unwrap();
            let targets = ndarray::Array2::from_shape_fn((n, w), |(b, j)| {
                if j % 11 == 3 {
                    usize::MAX
                } else {
                    (b * 7 + j) % c
                }
            });
            let weights: Vec<f32> = (0..c).map(|k| 0.5 + k as f32 / 8.0).collect();
            let ce = CrossEntropy::new()
                .class_axis(Axis(1))
                .ignore_index(usize::MAX)
                .weight(weights);
            let (loss, grad) = ce.loss_and_grad(&x, &targets).unwrap();
            out.push(vec![
                loss.to_bits(),
                ce.loss(&x, &targets).unwrap().to_bits(),
            ]);
            out.push(grad.iter().map(|v| v.to_bits()).collect());
            let per_sample = ce.per_sample(&x, &targets).unwrap();
            out.push(per_sample.iter().map(|v| v.to_bits()).collect());
        }
        // Lanes the column kernels do not take (more than 64 classes, probability targets) go a
        // tile at a time: by whole blocks, or by columns where there are fewer blocks than
        // threads.
        for (n, c, w) in [(8, 100, 600), (1, 300, 3001), (1, 10, 5000)] {
            let x = input(n * c, w).into_shape_with_order((n, c, w)).unwrap();
            let ce = CrossEntropy::new().class_axis(Axis(1)).label_smoothing(0.1);
            let targets = ndarray::Array2::from_shape_fn((n, w), |(b, j)| (b * 7 + j) % c);
            let q = logits::softmax(&x.mapv(f32::cos), Axis(1));
            let (loss, grad) = ce.loss_and_grad(&x, &targets).unwrap();
            let (soft, soft_grad) = ce.loss_and_grad(&x, &q).unwrap();
            out.push(vec![loss.to_bits(), soft.to_bits()]);
            out.push(grad.iter().map(|v| v.to_bits()).collect());
            out.push(soft_grad.iter().map(|v| v.to_bits()).collect());
            let per_sample = ce.per_sample(&x, &targets).unwrap();
            out.push(per_sample.iter().map(|v| v.to_bits()).collect());
        }
        // Axis 0 of a matrix: one block, split by columns.
        let (c, n) = (21, 20000);
        let x = input(c, n);
        let targets: Array1<usize> = (0..n).map(|j| (j * 5) % c).collect();
        let ce = CrossEntropy::new()
            .class_axis(Axis(0))
            .label_smoothing(0.05);
        let (loss, grad) = ce.loss_and_grad(&x, &targets).unwrap();
        out.push(vec![loss.to_bits()]);
        out.push(bits(&grad));
        out
    };
    let one = run();
    #[cfg(feature = "rayon")]
    for threads in [1, 2, 16] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let got = pool.install(run);
        for (k, (g, w)) in got.iter().zip(&one).enumerate() {
            assert!(g == w, "output {k} differs on {threads} threads");
        }
    }
    #[cfg(not(feature = "rayon"))]
    assert_eq!(run(), one);
}
