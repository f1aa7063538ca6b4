//! Edge cases the fuzzers (`fuzz/`) found wrong, each pinned to its exact answer.

use logits::{
    BinaryCrossEntropyWithLogits, CrossEntropy, log_softmax, softmax_backward, softmax_jvp,
};
use ndarray::{Array1, Array2, Axis, ShapeBuilder, array};

const NEG_INF: f32 = f32::NEG_INFINITY;

/// A target whose class weight is 0 adds nothing, even where its logit is −inf (0 · ∞ = 0, as
/// for every other term with a zero weight): once on the short-row path (≤ 48 classes), once on
/// the row path, with and without label smoothing.
#[test]
fn zero_weight_target_at_minus_infinity_has_loss_zero() {
    for classes in [8, 60] {
        let mut x = Array2::<f32>::zeros((2, classes));
        x[[0, 2]] = NEG_INF;
        x[[0, 5]] = 3.0;
        let mut weight = vec![1.0_f32; classes];
        weight[2] = 0.0;
        let ce = CrossEntropy::new().weight(weight.clone());
        let (losses, grad) = ce.per_sample_and_grad(&x, &[2, 0]).unwrap();
        assert_eq!(losses[0], 0.0, "{classes} classes");
        assert!(
            grad.iter().all(|g| g.is_finite()),
            "{classes} classes: {grad}"
        );
        assert!(grad.row(0).iter().all(|&g| g == 0.0), "{classes} classes");
        // The mean's denominator is the summed weight of the targets: 0 + 1.
        assert_eq!(ce.loss(&x, &[2, 0]).unwrap(), losses[1]);

        // With smoothing, the −inf logit's class still has weight 0, so it adds nothing either;
        // the other classes are finite.
        let smoothed = CrossEntropy::new().weight(weight).label_smoothing(0.1);
        let losses = smoothed.per_sample(&x, &[0, 0]).unwrap();
        assert!(
            losses.iter().all(|l| l.is_finite()),
            "{classes} classes: {losses}"
        );
    }
}

/// The softmax VJP and JVP of an entry whose probability is 0 are 0, even where the incoming
/// gradient is infinite (a fully masked attention row, say).
#[test]
fn zero_probability_times_infinite_gradient_is_zero() {
    let p = array![[0.0_f32, 0.0, 0.0], [0.5, 0.5, 0.0]];
    let g = array![[f32::INFINITY, 1.0, -2.0], [1.0, 3.0, f32::NEG_INFINITY]];
    for out in [
        softmax_backward(&p, &g, Axis(1)).unwrap(),
        softmax_jvp(&p, &g, Axis(1)).unwrap(),
    ] {
        assert_eq!(out, array![[0.0, 0.0, 0.0], [-0.5, 0.5, 0.0]]);
    }
}

/// Log-probabilities near 0 keep their relative precision in every layout: along axis 0 of a C
/// order array with more than 64 rows (the online column path) as along contiguous rows.
#[test]
fn tiny_log_probabilities_do_not_depend_on_the_layout() {
    let (rows, cols) = (100, 5);
    let mut x = Array2::<f32>::zeros((rows, cols));
    for j in 0..cols {
        x[[j * 17, j]] = 22.0 + j as f32;
    }
    let by_column = log_softmax(&x, Axis(0));
    let by_row = log_softmax(&x.t().as_standard_layout(), Axis(1));
    for j in 0..cols {
        let top = 22.0 + j as f64;
        let want = -((rows - 1) as f64 * (-top).exp()).ln_1p() as f32;
        assert!(want < 0.0);
        let (a, b) = (by_column[[j * 17, j]], by_row[[j, j * 17]]);
        assert!(
            (a - want).abs() <= 2.0 * f32::EPSILON * want.abs(),
            "{a:e} vs {want:e}"
        );
        assert!(
            (b - want).abs() <= 2.0 * f32::EPSILON * want.abs(),
            "{b:e} vs {want:e}"
        );
    }
}

/// The loss does not depend on the layout of the buffer the gradient goes to: `_into` a Fortran
/// order buffer gives the loss of `loss()` to the bit.
#[test]
fn elementwise_loss_ignores_the_gradient_buffers_layout() {
    let x = Array2::from_shape_fn((7, 9), |(i, j)| (i as f32 - 3.0) * 1.7 + (j as f32) * 0.31);
    let y = Array2::from_shape_fn((7, 9), |(i, j)| ((i * 9 + j) % 3) as f32 / 2.0);
    let bce = BinaryCrossEntropyWithLogits::new().pos_weight(Array1::linspace(0.5, 2.0, 9));
    let plain = bce.loss(&x, &y).unwrap();
    let (with_grad, grad) = bce.loss_and_grad(&x, &y).unwrap();
    let mut fortran = Array2::<f32>::zeros((7, 9).f());
    let into = bce.loss_and_grad_into(&x, &y, &mut fortran).unwrap();
    assert_eq!(plain.to_bits(), with_grad.to_bits());
    assert_eq!(plain.to_bits(), into.to_bits());
    assert_eq!(fortran, grad);
    // And for inputs in Fortran order too.
    let xf = x.t().as_standard_layout().into_owned().reversed_axes();
    let yf = y.t().as_standard_layout().into_owned().reversed_axes();
    assert!(!xf.is_standard_layout());
    let mut c_order = Array2::<f32>::zeros((7, 9));
    let l1 = bce.loss(&xf, &yf).unwrap();
    let l2 = bce.loss_and_grad_into(&xf, &yf, &mut c_order).unwrap();
    assert_eq!(l1.to_bits(), l2.to_bits());
}

/// `logsumexp` of a lane with one dominant entry at 0 is the tiny `ln(1 + tail)`, not 0 (the `ln`
/// of the rounded sum), on rows, short rows and columns, short and long.
#[test]
fn logsumexp_near_zero_keeps_its_relative_precision() {
    for len in [20, 10_000] {
        let mut lane = vec![-25.0_f32; len];
        lane[len / 3] = 0.0;
        let want = ((len - 1) as f64 * (-25.0_f64).exp()).ln_1p() as f32;
        let x = Array1::from(lane.clone());
        let rows = Array2::from_shape_fn((3, len), |(_, j)| lane[j]);
        let cols = rows.t().as_standard_layout().into_owned();
        let got = [
            logits::logsumexp(&x, Axis(0))[()],
            logits::logsumexp(&rows, Axis(1))[1],
            logits::logsumexp(&cols, Axis(0))[2],
        ];
        for g in got {
            assert!(
                (g - want).abs() <= 2.0 * f32::EPSILON * want,
                "len {len}: {g:e} vs {want:e}"
            );
        }
    }
}

/// Values pushed one at a time into `LogSumExp` sum as exactly as a slice: the running sum is
/// compensated (it was 239 ULP off for this lane).
#[test]
fn log_sum_exp_pushed_one_at_a_time_is_exact() {
    let mut lane = vec![-3.0_f32; 20_000];
    lane[0] = 0.0;
    let want = (1.0 + 19_999.0 * (-3.0_f64).exp()).ln() as f32;
    let pushed: logits::LogSumExp<f32> = lane.iter().copied().collect();
    let mut sliced = logits::LogSumExp::new();
    sliced.push_slice(&lane);
    for got in [pushed.value(), sliced.value()] {
        assert!((got - want).abs() <= f32::EPSILON * want, "{got} vs {want}");
    }
}

/// Tiny weights and a tiny temperature: the reduction's factor (1 / Σ w) and 1/T are each near
/// f32's largest value, and their product overflows, but the gradient, `(A p − a) / (T Σ w)`,
/// does not; an ignored row's gradient is 0.
#[test]
fn tiny_weights_and_temperature_do_not_overflow_the_gradient() {
    let tiny = f32::MIN_POSITIVE;
    let x = array![[0.0_f32, 1.0], [2.0, 3.0]];
    for classes_path in [false, true] {
        // 2 classes take the short-row path; 40 (padded with −inf) the row kernel.
        let x = if classes_path {
            let mut wide = Array2::from_elem((2, 40), NEG_INF);
            wide.slice_mut(ndarray::s![.., ..2]).assign(&x);
            wide
        } else {
            x.clone()
        };
        let mut weight = vec![1.0_f32; x.ncols()];
        weight[0] = tiny;
        let ce = CrossEntropy::new()
            .weight(weight)
            .ignore_index(1)
            .temperature(tiny);
        let (_, grad) = ce.loss_and_grad(&x, &[0, 1]).unwrap();
        assert_eq!(grad[[0, 0]], -1.0 / tiny, "{grad}");
        assert_eq!(grad[[0, 1]], 1.0 / tiny, "{grad}");
        assert!(grad.row(1).iter().all(|&g| g == 0.0), "{grad}");
    }
}

// ---------------------------------------------------------------------------
// Edges at the type's range (issue 12): each gives the exact answer, correctly rounded in scale.
// ---------------------------------------------------------------------------

/// `[−3e38, 3e38]` (f32) in a lane of `n` entries (the rest 0), and the same lane along each
/// layout the kernels have: rows of `n` (short rows when `n ≤ 48`), and down columns (a strip,
/// or the online panels when the column is longer than 64).
fn spanning_lanes(n: usize) -> Vec<(Array2<f32>, Axis)> {
    let mut lane = vec![0.0_f32; n];
    lane[0] = -3e38;
    lane[n - 1] = 3e38;
    let rows = Array2::from_shape_fn((3, n), |(_, j)| lane[j]);
    let cols = rows.t().as_standard_layout().into_owned();
    vec![(rows, Axis(1)), (cols, Axis(0))]
}

/// A lane spanning more than the type's range, at a temperature that brings it back: the
/// log-probabilities are finite (`−6e35` for −3e38 at T = 1000), the probabilities exact, on
/// every path; where `x − max` overflowed, they were −inf.
#[test]
fn a_lane_spanning_the_range_keeps_its_finite_log_probabilities_at_a_high_temperature() {
    for n in [2, 17, 40, 60, 100] {
        for (x, ax) in spanning_lanes(n) {
            let lp = logits::log_softmax_with_temperature(&x, ax, 1000.0).unwrap();
            let p = logits::softmax_with_temperature(&x, ax, 1000.0).unwrap();
            for (lane, plane) in lp.lanes(ax).into_iter().zip(p.lanes(ax)) {
                // (x − max) / T, exactly −6e35 at −3e38 and −3e35 at 0, less ln s = 0.
                for (i, w) in [(0, -6e35_f32), (1, -3e35), (n - 1, 0.0)] {
                    let w = if i == n - 1 { 0.0 } else { w };
                    assert!(
                        (lane[i] - w).abs() <= 1e-6 * w.abs(),
                        "n = {n} {ax:?}: {lane}"
                    );
                }
                assert_eq!(plane[n - 1], 1.0, "n = {n} {ax:?}: {plane}");
                assert_eq!(plane[0], 0.0, "n = {n} {ax:?}: {plane}");
            }
            // The cross-entropy of that lane, with a target at −3e38: loss 6e35, finite; with
            // label smoothing its Σ w (x − max) term stays in range too.
            let ce = CrossEntropy::new().temperature(1000.0).class_axis(ax);
            let targets = vec![0; 3];
            let losses = ce.per_sample(&x, &targets).unwrap();
            assert!(
                losses.iter().all(|&l| (l - 6e35).abs() <= 1e-6 * 6e35),
                "n = {n} {ax:?}: {losses}"
            );
            let smoothed = ce.clone().label_smoothing(0.5);
            let losses = smoothed.per_sample(&x, &targets).unwrap();
            let want = 0.5 * 6e35 + 0.5 / n as f64 * (6e35 + 3e35 * (n - 2) as f64);
            assert!(
                losses
                    .iter()
                    .all(|&l| (f64::from(l) - want).abs() <= 1e-5 * want),
                "n = {n} {ax:?}: {losses} vs {want:e}"
            );
        }
    }
}

/// The same lanes with class weights of 4 at T = 8: each weighted term `wᵢ zᵢ` is formed from
/// `z` (where `2/T ≤ 1`), not from `(x − max)/2` scaled after the sum, so the target's term
/// `4 · 7.5e37 = 3e38` and the smoothing sum stay finite, as the exact loss is; the gradient too.
/// For class and probability targets, on every path.
#[test]
fn weighted_terms_of_a_lane_spanning_the_range_stay_finite_at_a_high_temperature() {
    use logits::Reduction;
    for n in [2, 17, 40, 60, 100] {
        for (x, ax) in spanning_lanes(n) {
            let ce = CrossEntropy::new()
                .weight(vec![4.0_f32; n])
                .temperature(8.0)
                .class_axis(ax)
                .reduction(Reduction::Sum);
            let mut one_hot = Array2::zeros(x.raw_dim());
            one_hot.index_axis_mut(ax, 0).fill(1.0_f32);
            for eps in [0.0, 0.5] {
                let ce = ce.clone().label_smoothing(eps);
                // z = −7.5e37 at −3e38, −3.75e37 at 0, 0 at 3e38; ln s = 0.
                let soft = 4.0 * (7.5e37 + 3.75e37 * (n - 2) as f64) / n as f64;
                let want = (1.0 - f64::from(eps)) * 3e38 + f64::from(eps) * soft;
                let by_class = ce.per_sample(&x, &[0, 0, 0]).unwrap();
                let by_prob = ce.per_sample(&x, &one_hot).unwrap();
                for l in by_class.iter().chain(&by_prob) {
                    let l = f64::from(*l);
                    assert!(
                        (l - want).abs() <= 1e-5 * want,
                        "n = {n} {ax:?} ε = {eps}: {l:e} vs {want:e}"
                    );
                }
                let (_, g) = ce.loss_and_grad(&x, &[0, 0, 0]).unwrap();
                assert!(
                    g.iter().all(|v| v.is_finite()),
                    "n = {n} {ax:?} ε = {eps}: {g}"
                );
            }
        }
    }
}

/// A class weight of `MIN_POSITIVE` at a temperature of `MIN_POSITIVE`: `w · (x − max)/2`
/// alone is subnormal, while the loss `w · (x − max)/T` is a normal number; each term is formed
/// as `(w · 2/T) · (x − max)/2`, so it keeps its precision, beside a weight of 10 too (whose
/// `w · 2/T` overflows and takes the other order). Short rows and lanes, with and without
/// smoothing.
#[test]
fn a_tiny_weight_at_a_tiny_temperature_keeps_its_precision() {
    use logits::Reduction;
    let tiny = f32::MIN_POSITIVE;
    for n in [3, 40] {
        let mut row = vec![-1.0_f32; n];
        (row[0], row[1]) = (6.994_849e-5, 6.282_41e-6);
        let x = Array2::from_shape_fn((4, n), |(_, j)| row[j]);
        let mut weight = vec![1.0_f32; n];
        (weight[1], weight[2]) = (tiny, 10.0);
        for eps in [0.0_f32, 1e-30] {
            let ce = CrossEntropy::new()
                .weight(weight.clone())
                .temperature(tiny)
                .label_smoothing(eps)
                .reduction(Reduction::Sum);
            // The target's term: w (x₀ − x₁) / T = x₀ − x₁ exactly, as w = T; smoothing adds
            // (ε/C) Σ wⱼ (x₀ − xⱼ) / T (ln Σ exp z is 0 at such gaps).
            let t = f64::from(tiny);
            let share = f64::from(eps / n as f32);
            let soft: f64 = (0..n)
                .map(|j| f64::from(weight[j]) * (f64::from(row[0]) - f64::from(row[j])) / t)
                .sum();
            let want =
                f64::from(1.0 - eps) * (f64::from(row[0]) - f64::from(row[1])) + share * soft;
            let losses = ce.per_sample(&x, &[1, 1, 1, 1]).unwrap();
            for &l in &losses {
                let l = f64::from(l);
                assert!(
                    (l - want).abs() <= 1e-6 * want,
                    "n = {n} ε = {eps}: {l:e} vs {want:e}"
                );
            }
        }
    }
}

/// `loss` and `loss_and_grad` give the same bits where a mean's divisor makes the gradient's
/// coefficients overflow (a weight of `MIN_POSITIVE` as the denominator): the short-row path
/// keeps its loss and leaves only the gradient to the careful row path.
#[test]
fn loss_is_the_same_bits_when_the_gradient_is_written_carefully() {
    let tiny = f64::MIN_POSITIVE;
    let x = Array2::from_shape_fn((64, 9), |(i, j)| ((i * 9 + j) as f64 * 0.7).sin() * 1e-300);
    let mut weight = vec![1.0; 9];
    weight[1] = tiny;
    let targets: Vec<usize> = (0..64).map(|i| usize::from(i == 5)).collect();
    // Class 0 weighs 0 too, so the denominator is the tiny weight alone.
    weight[0] = 0.0;
    let ce = CrossEntropy::new().weight(weight).temperature(0.25);
    let loss = ce.loss(&x, &targets[..]).unwrap();
    let (with_grad, grad) = ce.loss_and_grad(&x, &targets[..]).unwrap();
    assert_eq!(
        loss.to_bits(),
        with_grad.to_bits(),
        "{loss:e} vs {with_grad:e}"
    );
    assert!(
        (loss - 9.0_f64.ln()).abs() <= 4.0 * f64::EPSILON * 9.0_f64.ln(),
        "{loss:e}"
    );
    assert!(grad.iter().all(|g| g.is_finite()), "{grad}");
}

/// A tiny temperature with large class weights: the gradient's coefficients (weights / T)
/// overflow, while every entry of the exact gradient, `(A p − a) / T`, is finite (or beyond the
/// range where it must be); the gradient never makes ∞ · 0 = NaN, on the row and short-row
/// paths and through the LM head.
#[test]
fn overflowing_gradient_coefficients_never_make_nan() {
    // p = (0.01, 0.99) at T = 1e-37: x₁ − x₀ = T ln 99.
    let t = 1e-37_f32;
    let d = 1e-37_f64 * 99.0_f64.ln();
    for classes in [2, 40] {
        let mut x = Array2::<f32>::from_elem((2, classes), NEG_INF);
        for r in 0..2 {
            x[[r, 0]] = 0.0;
            x[[r, 1]] = d as f32;
        }
        let weight = vec![40.0_f32; classes];
        let ce = CrossEntropy::new()
            .weight(weight)
            .temperature(t)
            .reduction(logits::Reduction::Sum);
        let (_, grad) = ce.loss_and_grad(&x, &[1, 1]).unwrap();
        // (A p − a) / T with A = 40, p = (0.01, 0.99), a = (0, 40): ±0.4e37.
        for r in 0..2 {
            let (g0, g1) = (f64::from(grad[[r, 0]]), f64::from(grad[[r, 1]]));
            assert!((g0 - 4e36).abs() < 1e-4 * 4e36, "{classes}: {grad}");
            assert!((g1 + 4e36).abs() < 1e-4 * 4e36, "{classes}: {grad}");
            assert!(grad.row(r).iter().skip(2).all(|&g| g == 0.0), "{grad}");
        }
    }
    // Through the LM head (h·wᵀ gives the same logits), in panels and in vocabulary chunks.
    let h = array![[1.0_f32]];
    let w = array![[0.0_f32], [d as f32]];
    for chunk in [1, 4096] {
        let lce = logits::LinearCrossEntropy::new()
            .temperature(t)
            .reduction(logits::Reduction::Sum)
            .chunk_size(chunk);
        let g = lce.loss_and_grad(&h, &w, &[1]).unwrap();
        assert!(
            g.dh.iter().chain(&g.dw).all(|v| !v.is_nan()),
            "chunk {chunk}: {g:?}"
        );
        // dw = G·h with G = (p − onehot)/T = (0.01, −0.01)/T.
        assert!(
            (f64::from(g.dw[[0, 0]]) - 1e35).abs() < 1e-4 * 1e35,
            "{g:?}"
        );
    }
}

/// The LM head's backward products `dh = G·w`, `dw = Gᵀ·h` and the bias's `Σ G` near the type's
/// range: `G = (p − a)/T` with T = 1/4 reaches ±3, and `w` entries of 3e38 make partial sums
/// overflow where the exact sums are finite. Each entry is the `f64` computation's, rounded,
/// in panels and in vocabulary chunks, summed or averaged.
#[test]
fn backward_products_near_the_range_are_finite_where_exact() {
    let w = array![[3e38_f32], [3e38], [3e38], [2.9e38], [-1e38]];
    let h = array![[1e-38_f32], [2e-38], [-1e-38]];
    let bias = vec![0.5_f32, 0.0, -0.5, 0.25, 1.0];
    let wide = |a: &Array2<f32>| a.mapv(f64::from);
    for chunk in [1, 2, 3, 4096] {
        for reduction in [logits::Reduction::Sum, logits::Reduction::Mean] {
            let lce = |t: f32| {
                logits::LinearCrossEntropy::<f32>::new()
                    .temperature(t)
                    .reduction(reduction)
                    .bias(bias.clone())
                    .chunk_size(chunk)
            };
            let exact = logits::LinearCrossEntropy::<f64>::new()
                .temperature(0.25)
                .reduction(reduction)
                .bias(bias.iter().map(|&b| f64::from(b)).collect::<Vec<_>>())
                .chunk_size(chunk)
                .loss_and_grad(&wide(&h), &wide(&w), &[3, 0, 4])
                .unwrap();
            let g = lce(0.25).loss_and_grad(&h, &w, &[3, 0, 4]).unwrap();
            // Each within 1e-5 of its terms' magnitude, |G|·|w| or |G|·|h| summed (≤ 3 · 3 · 3e38
            // and 3 · 3 · 2e-38): the sums cancel, and G carries the f32 logits' rounding.
            let db = (
                g.dbias.clone().unwrap().insert_axis(Axis(1)),
                exact.dbias.clone().unwrap().insert_axis(Axis(1)),
            );
            let pairs = [
                (&g.dh, &exact.dh, 3e39),
                (&g.dw, &exact.dw, 2e-37),
                (&db.0, &db.1, 10.0),
            ];
            for (got, want, scale) in pairs {
                for (&a, &e) in got.iter().zip(want) {
                    assert!(e.abs() < 3.4e38, "the exact gradient is finite: {exact:?}");
                    assert!(
                        (f64::from(a) - e).abs() <= 1e-5 * scale,
                        "chunk {chunk}, {reduction:?}: {a} but {e}"
                    );
                }
            }
        }
    }
    // In f64: w entries of 1.7e308, against w scaled down and h up by 2^600: the same logits,
    // and dh scaled down by 2^600 exactly.
    let w = array![[1.7e308_f64], [1.7e308], [1.7e308], [1.6e308]];
    let h = array![[1e-308_f64], [-2e-308]];
    let scale = 2f64.powi(600);
    for chunk in [1, 4096] {
        let lce = logits::LinearCrossEntropy::<f64>::new()
            .temperature(0.25)
            .reduction(logits::Reduction::Sum)
            .chunk_size(chunk);
        let big = lce.loss_and_grad(&h, &w, &[3, 1]).unwrap();
        let small = lce
            .loss_and_grad(&(&h * scale), &(&w / scale), &[3, 1])
            .unwrap();
        for (&a, &e) in big.dh.iter().zip(&small.dh) {
            let e = e * scale;
            assert!(
                a.is_finite() && (a - e).abs() <= 1e-12 * e.abs(),
                "{a} but {e}"
            );
        }
    }
}

/// An ignored row's gradient is 0, even where `w` holds ±inf (its products `0 · ∞` are absent,
/// not NaN); a counted row's is what the infinite logit makes it.
#[test]
fn ignored_rows_have_zero_gradient_against_infinite_weights() {
    let h = array![[1.0_f32], [2.0]];
    let w = array![[f32::INFINITY], [0.0], [1.0]];
    for chunk in [1, 4096] {
        let g = logits::LinearCrossEntropy::new()
            .ignore_index(2)
            .reduction(logits::Reduction::Sum)
            .chunk_size(chunk)
            .loss_and_grad(&h, &w, &[2, 1])
            .unwrap();
        // Row 1: z = (inf, 0, 2), p = (1, 0, 0), G = (1, −1, 0); dh = 1 · inf.
        assert_eq!(g.dh, array![[0.0], [f32::INFINITY]], "chunk {chunk}");
        assert_eq!(g.dw, array![[2.0], [-2.0], [0.0]], "chunk {chunk}");
    }
}

/// The mean of losses near the type's range is divided in `f64` and rounded once: two samples of
/// loss 3e38 have a finite f32 mean, where summing in f32 first gave inf.
#[test]
fn a_mean_of_losses_near_the_range_is_finite() {
    let x = array![[0.0_f32, -3e38], [0.0, -3e38]];
    let loss = CrossEntropy::new().loss(&x, &[1, 1]).unwrap();
    assert_eq!(loss, 3e38);
    let y = array![1.0_f32, 1.0];
    let bce = BinaryCrossEntropyWithLogits::new()
        .loss(&array![-3e38_f32, -3e38], &y)
        .unwrap();
    assert_eq!(bce, 3e38);
    let kl = logits::KlDiv::new()
        .loss(&array![[-3e38_f32], [-3e38]], &array![[1.0], [1.0]])
        .unwrap();
    assert_eq!(kl, 3e38);
}

/// The same in `f64`, where the sum of two losses of 1.5e308 overflows `f64` itself: the sum goes
/// on scaled, and the mean is 1.5e308 (the sum stays inf). For the LM head too, whose losses meet
/// in the same reduction, and for a BCE sum spread over many blocks and tasks.
#[test]
fn a_mean_of_f64_losses_beyond_f64_range_in_sum_is_finite() {
    use logits::{LinearCrossEntropy, Reduction};
    let x = array![[0.0_f64, -1.5e308], [0.0, -1.5e308]];
    assert_eq!(CrossEntropy::new().loss(&x, &[1, 1]).unwrap(), 1.5e308);
    let sum = CrossEntropy::new().reduction(Reduction::Sum);
    assert_eq!(sum.loss(&x, &[1, 1]).unwrap(), f64::INFINITY);
    let (h, w) = (array![[1.0_f64], [1.0]], array![[0.0_f64], [-1.5e308]]);
    let lce = LinearCrossEntropy::new().loss(&h, &w, &[1, 1]).unwrap();
    assert_eq!(lce, 1.5e308);
    // 3000 elements of loss 1e308, over many vector blocks: the mean is 1e308.
    let n = 3000;
    let xs = Array1::from_elem(n, -1e308_f64);
    let ys = Array1::from_elem(n, 1.0_f64);
    let bce = BinaryCrossEntropyWithLogits::new().loss(&xs, &ys).unwrap();
    assert_eq!(bce, 1e308);
    let kl = logits::KlDiv::new()
        .loss(&array![[-1.5e308_f64], [-1.5e308]], &array![[1.0], [1.0]])
        .unwrap();
    assert_eq!(kl, 1.5e308);
}

/// A weighted mean divides the loss and every gradient entry by the summed weight of the counted
/// targets; finite `f64` weights whose sum overflows are an error that says so (a sum is fine).
#[test]
fn a_weighted_mean_whose_summed_weight_overflows_is_an_error() {
    use logits::{Error, Reduction};
    let x = array![[0.0_f64, -1.0], [-1.0, 0.0]];
    let ce = CrossEntropy::new().weight(vec![1e308_f64, 1e308]);
    let err = ce.loss(&x, &[0, 1]).unwrap_err();
    assert!(
        matches!(err, Error::InvalidOption { name: "summed class weight", value, .. } if value == f64::INFINITY),
        "{err}"
    );
    assert!(err.to_string().contains("summed class weight inf"), "{err}");
    // One counted target (the other ignored) sums to 1e308: fine.
    let one = CrossEntropy::new()
        .weight(vec![1e308_f64, 1e308])
        .ignore_index(1);
    assert!(one.loss(&x, &[0, 1]).unwrap().is_finite());
    let sum = ce.clone().reduction(Reduction::Sum);
    // Each sample's loss is 1e308 · ln(1 + e⁻¹); their sum is in range.
    let want = 1e308 * (-1.0_f64).exp().ln_1p() * 2.0;
    approx::assert_relative_eq!(sum.loss(&x, &[0, 1]).unwrap(), want, max_relative = 1e-15);
}

/// `LogSumExp` keeps the tail of its sum (and merges it), so a value near 0 keeps its relative
/// precision however the values come: ln(1 + e⁻²⁰) = 2.0611536e-9.
#[test]
fn log_sum_exp_near_zero_keeps_its_relative_precision() {
    let want = (-20.0_f64).exp().ln_1p();
    let xs = [0.0_f32, -20.0];
    let mut pushed = logits::LogSumExp::new();
    for &v in xs.iter().rev() {
        pushed.push(v);
    }
    let mut sliced = logits::LogSumExp::new();
    sliced.push_slice(&xs);
    let mut merged = logits::LogSumExp::new();
    let (mut a, mut b) = (logits::LogSumExp::new(), logits::LogSumExp::new());
    a.push_slice(&xs[1..]);
    b.push_slice(&xs[..1]);
    merged.merge(&a);
    merged.merge(&b);
    for acc in [pushed, sliced, merged] {
        let v = f64::from(acc.value());
        assert!((v - want).abs() <= 1e-6 * want, "{v:e} vs {want:e}");
    }
}

/// `masked_log_softmax` of a fully masked lane is −inf throughout (not NaN), on every path, and
/// its gradient through `log_softmax_backward` is 0.
#[test]
fn fully_masked_lanes_have_log_probability_minus_infinity() {
    for n in [3, 17, 40, 100] {
        let x = Array2::from_shape_fn((5, n), |(i, j)| ((i * n + j) as f32 * 0.37).sin());
        let mut mask = Array2::from_elem((5, n), true);
        mask.row_mut(2).fill(false);
        for (x, mask, ax) in [
            (x.clone(), mask.clone(), Axis(1)),
            (x.t().to_owned(), mask.t().to_owned(), Axis(0)),
        ] {
            let lp = logits::masked_log_softmax(&x, &mask, ax).unwrap();
            let other = Axis(1 - ax.index());
            let dead = lp.index_axis(other, 2);
            assert!(dead.iter().all(|&v| v == NEG_INF), "{n} {ax:?}: {dead}");
            let live = lp.index_axis(other, 0);
            let p: f32 = live.iter().map(|v| v.exp()).sum();
            assert!((p - 1.0).abs() < 1e-5, "{n} {ax:?}: {live}");
            let g = logits::log_softmax_backward(&lp, &Array2::ones(lp.raw_dim()), ax).unwrap();
            assert!(g.index_axis(other, 2).iter().all(|&v| v == 0.0));
        }
    }
}
