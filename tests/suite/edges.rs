//! Edge cases the fuzzers (`fuzz/`) found wrong, each pinned to its exact answer.

use logits::{
    BinaryCrossEntropyWithLogits, CrossEntropy, log_softmax, softmax_backward, softmax_jvp,
};
use ndarray::{Array1, Array2, Axis, ShapeBuilder, array};

const NEG_INF: f32 = f32::NEG_INFINITY;

/// A target whose class weight is 0 adds nothing, even where its logit is −inf (0 · ∞ = 0, as
/// for every other term with a zero weight): once on the short-row path (≤ 32 classes), once on
/// the row path, with and without label smoothing.
#[test]
fn zero_weight_target_at_minus_infinity_has_loss_zero() {
    for classes in [8, 40] {
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
