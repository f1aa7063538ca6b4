//! Every error path of the losses: each bad input is an `Err` of the right variant, with the
//! offending position and value in both the variant and its message; every method of a loss
//! (`loss`, `loss_and_grad`, `per_sample`, `per_sample_and_grad`, `loss_and_grad_into`) reports
//! the same error; and a gradient buffer is left untouched on error.
#![allow(
    clippy::cast_precision_loss,
    clippy::float_cmp,
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    clippy::too_many_lines
)]

use crate::harness::{TestFloat, same};
use logits::{
    BinaryCrossEntropy, BinaryCrossEntropyWithLogits, CrossEntropy, Error, Input, IntoTargets,
    KlDiv, SigmoidFocalLoss, Targets, binary_cross_entropy, binary_cross_entropy_with_logits,
    cross_entropy, kl_div, nll_loss, sigmoid_focal_loss,
};
use ndarray::{Array2, Array3, ArrayD, Axis, IxDyn, array};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// What a gradient buffer holds before a failing call; it must still hold it after.
const SENTINEL: f64 = -7.25;

fn arr<A: TestFloat>(rows: usize, cols: usize, f: impl Fn(usize, usize) -> f64) -> Array2<A> {
    Array2::from_shape_fn((rows, cols), |(i, j)| A::of(f(i, j)))
}

/// Logits `[3, 4]` with distinct values.
fn logits<A: TestFloat>() -> Array2<A> {
    arr(3, 4, |i, j| (i as f64) - 0.5 * (j as f64))
}

/// Probabilities `[3, 4]`, rows summing to 1.
fn probs<A: TestFloat>() -> Array2<A> {
    arr(3, 4, |i, j| if j == i { 0.625 } else { 0.125 })
}

/// Two errors are the same (by `Debug`, so that NaN values compare equal).
fn same_error(a: &Error, b: &Error) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

/// Runs every method of `ce` and checks they agree on one error, that `_into` left its buffer
/// untouched, and that the error is a std error whose message is its `Display`.
fn ce_error<'t, A: TestFloat + 't>(
    ce: &CrossEntropy<A>,
    x: &Array2<A>,
    targets: impl IntoTargets<'t, A> + Clone,
) -> Error {
    let e = ce.loss(x, targets.clone()).unwrap_err();
    let others = [
        ce.loss_and_grad(x, targets.clone())
            .map(|_| ())
            .unwrap_err(),
        ce.per_sample(x, targets.clone()).map(|_| ()).unwrap_err(),
        ce.per_sample_and_grad(x, targets.clone())
            .map(|_| ())
            .unwrap_err(),
    ];
    for o in &others {
        assert!(same_error(&e, o), "[{}] {e:?} vs {o:?}", A::NAME);
    }
    let mut buf = Array2::from_elem(x.raw_dim(), A::of(SENTINEL));
    let o = ce.loss_and_grad_into(x, targets, &mut buf).unwrap_err();
    assert!(same_error(&e, &o), "[{}] {e:?} vs _into's {o:?}", A::NAME);
    assert!(
        buf.iter().all(|&v| v == A::of(SENTINEL)),
        "[{}] the gradient buffer was written on error: {buf}",
        A::NAME
    );
    let dynerr: &dyn std::error::Error = &e;
    assert_eq!(dynerr.to_string(), e.to_string());
    e
}

/// Probability targets in generic code (the `IntoTargets` impls for arrays are per type).
fn prob_targets<A: TestFloat>(q: &Array2<A>) -> Targets<'_, A> {
    Targets::Probabilities(q.view().into_dyn())
}

/// Asserts `msg` contains every one of `parts`.
fn mentions(msg: &str, parts: &[&str]) {
    for p in parts {
        assert!(msg.contains(p), "message {msg:?} does not mention {p:?}");
    }
}

/// Runs every method of an elementwise loss on `(x, y)` and checks they agree on one error and
/// that `_into` leaves its buffer untouched.
macro_rules! elementwise_error {
    ($loss:expr, $x:expr, $y:expr) => {{
        let (loss, x, y) = (&$loss, &$x, &$y);
        let e = loss.loss(x, y).unwrap_err();
        let others = [
            loss.loss_and_grad(x, y).map(|_| ()).unwrap_err(),
            loss.per_sample(x, y).map(|_| ()).unwrap_err(),
            loss.per_sample_and_grad(x, y).map(|_| ()).unwrap_err(),
        ];
        for o in &others {
            assert!(same_error(&e, o), "{e:?} vs {o:?}");
        }
        let mut buf = x.mapv(|_| -7.25); // SENTINEL, in the element type
        let o = loss.loss_and_grad_into(x, y, &mut buf).unwrap_err();
        assert!(same_error(&e, &o), "{e:?} vs _into's {o:?}");
        assert!(
            buf.iter().all(|&v| f64::from(v) == SENTINEL),
            "the gradient buffer was written on error: {buf}"
        );
        e
    }};
}

// ---------------------------------------------------------------------------
// Cross-entropy: shapes
// ---------------------------------------------------------------------------

fn targets_length<A: TestFloat>() {
    let x = logits::<A>();
    let e = ce_error(&CrossEntropy::new(), &x, &[0, 1][..]);
    assert_eq!(
        e,
        Error::ShapeMismatch {
            what: "targets",
            found: vec![2],
            against: "logits without the class axis",
            expected: vec![3],
        }
    );
    mentions(&e.to_string(), &["targets", "[2]", "[3]"]);
    let e = ce_error(&CrossEntropy::new(), &x, &[0, 1, 2, 3][..]);
    mentions(&e.to_string(), &["[4]", "[3]"]);
}

#[test]
fn class_targets_of_the_wrong_length() {
    targets_length::<f32>();
    targets_length::<f64>();
    // The shortcuts report the same.
    let x = logits::<f64>();
    assert!(matches!(
        cross_entropy(&x, &[0]),
        Err(Error::ShapeMismatch { found, expected, .. }) if found == [1] && expected == [3]
    ));
    assert!(matches!(
        nll_loss(&x, &[0, 1, 2, 0]),
        Err(Error::ShapeMismatch { found, expected, .. }) if found == [4] && expected == [3]
    ));
}

#[test]
fn class_targets_of_the_wrong_shape_along_a_class_axis() {
    // [batch 2, classes 3, time 4]: targets must be [2, 4].
    let x = Array3::<f64>::zeros((2, 3, 4));
    let ce = CrossEntropy::new().class_axis(Axis(1));
    let t = ndarray::Array2::<usize>::zeros((2, 3));
    let e = ce.loss(&x, &t).unwrap_err();
    assert_eq!(
        e,
        Error::ShapeMismatch {
            what: "targets",
            found: vec![2, 3],
            against: "logits without the class axis",
            expected: vec![2, 4],
        }
    );
    mentions(&e.to_string(), &["[2, 3]", "[2, 4]"]);
}

fn probability_target_shape<A: TestFloat>() {
    let x = logits::<A>();
    let q = arr::<A>(3, 3, |_, _| 1.0 / 3.0);
    let e = ce_error(&CrossEntropy::new(), &x, prob_targets(&q));
    assert_eq!(
        e,
        Error::ShapeMismatch {
            what: "targets",
            found: vec![3, 3],
            against: "logits",
            expected: vec![3, 4],
        }
    );
    mentions(&e.to_string(), &["targets", "[3, 3]", "[3, 4]"]);
    let q = arr::<A>(2, 4, |_, _| 0.25);
    let e = ce_error(&CrossEntropy::new(), &x, prob_targets(&q));
    mentions(&e.to_string(), &["[2, 4]", "[3, 4]"]);
}

#[test]
fn probability_targets_of_another_shape() {
    probability_target_shape::<f32>();
    probability_target_shape::<f64>();
    // Through the concrete `IntoTargets` impls too.
    let x = logits::<f32>();
    let q = Array2::<f32>::from_elem((3, 5), 0.2);
    assert!(matches!(
        cross_entropy(&x, &q),
        Err(Error::ShapeMismatch {
            what: "targets",
            ..
        })
    ));
}

fn weight_length<A: TestFloat>() {
    let x = logits::<A>();
    for len in [3, 5] {
        let ce = CrossEntropy::new().weight(vec![A::one(); len]);
        let e = ce_error(&ce, &x, &[0, 1, 2][..]);
        assert_eq!(
            e,
            Error::ShapeMismatch {
                what: "weight",
                found: vec![len],
                against: "the class axis",
                expected: vec![4],
            }
        );
        mentions(&e.to_string(), &["weight", &format!("[{len}]"), "[4]"]);
        // With probability targets as well.
        let q = probs::<A>();
        let e2 = ce_error(&ce, &x, prob_targets(&q));
        assert_eq!(e2, e);
    }
}

#[test]
fn weight_of_the_wrong_length() {
    weight_length::<f32>();
    weight_length::<f64>();
}

// ---------------------------------------------------------------------------
// Cross-entropy: labels
// ---------------------------------------------------------------------------

fn label_out_of_range<A: TestFloat>() {
    let x = logits::<A>();
    let e = ce_error(&CrossEntropy::new(), &x, &[0, 4, 1][..]);
    assert_eq!(
        e,
        Error::LabelOutOfRange {
            sample: vec![1],
            label: 4,
            classes: 4,
        }
    );
    let msg = e.to_string();
    mentions(&msg, &["class index 4", "targets[1]", "4 classes"]);
    // The first bad sample is reported.
    let e = ce_error(&CrossEntropy::new(), &x, &[0, 1, 99][..]);
    assert_eq!(
        e,
        Error::LabelOutOfRange {
            sample: vec![2],
            label: 99,
            classes: 4,
        }
    );
    mentions(&e.to_string(), &["99", "targets[2]", "4 classes"]);
    // An ignore_index that is another value does not excuse it, for any input kind.
    for input in [Input::Logits, Input::LogProbabilities, Input::Probabilities] {
        let ce = CrossEntropy::new().ignore_index(2).input(input);
        let xin = if input == Input::Probabilities {
            probs::<A>()
        } else {
            x.clone()
        };
        let e = ce_error(&ce, &xin, &[5, 2, 0][..]);
        assert_eq!(
            e,
            Error::LabelOutOfRange {
                sample: vec![0],
                label: 5,
                classes: 4,
            }
        );
    }
    // ... but an ignore_index beyond the classes, used as a label, is no error.
    let ce = CrossEntropy::new().ignore_index(100);
    assert!(ce.loss(&x, &[100, 1, 100][..]).is_ok());
}

#[test]
fn class_index_out_of_range() {
    label_out_of_range::<f32>();
    label_out_of_range::<f64>();
}

#[test]
fn class_index_out_of_range_reports_the_nd_position() {
    // [batch 2, time 3, classes 4]: the bad label sits at targets[1, 2].
    let x = Array3::<f64>::zeros((2, 3, 4));
    let t = array![[0, 1, 2], [3, 0, 6]];
    let e = CrossEntropy::new().loss(&x, &t).unwrap_err();
    assert_eq!(
        e,
        Error::LabelOutOfRange {
            sample: vec![1, 2],
            label: 6,
            classes: 4,
        }
    );
    mentions(
        &e.to_string(),
        &["targets[1, 2]", "class index 6", "4 classes"],
    );
    // Classes on axis 1 of [batch 2, classes 3, time 4]: the targets are [2, 4].
    let x = Array3::<f32>::zeros((2, 3, 4));
    let t = array![[0, 1, 2, 0], [1, 3, 0, 0]];
    let e = CrossEntropy::new()
        .class_axis(Axis(1))
        .loss(&x, &t)
        .unwrap_err();
    assert_eq!(
        e,
        Error::LabelOutOfRange {
            sample: vec![1, 1],
            label: 3,
            classes: 3,
        }
    );
}

fn ignore_with_probabilities<A: TestFloat>() {
    let x = logits::<A>();
    let q = probs::<A>();
    for input in [Input::Logits, Input::LogProbabilities, Input::Probabilities] {
        let xin = if input == Input::Probabilities {
            q.clone()
        } else {
            x.clone()
        };
        let ce = CrossEntropy::new().ignore_index(0).input(input);
        let e = ce_error(&ce, &xin, prob_targets(&q));
        assert_eq!(e, Error::IgnoreIndexWithProbabilities);
        mentions(&e.to_string(), &["ignore_index", "probabilities"]);
    }
}

#[test]
fn ignore_index_with_probability_targets() {
    ignore_with_probabilities::<f32>();
    ignore_with_probabilities::<f64>();
}

// ---------------------------------------------------------------------------
// Cross-entropy: options and probabilities
// ---------------------------------------------------------------------------

fn bad_smoothing<A: TestFloat>() {
    let x = logits::<A>();
    let q = probs::<A>();
    for eps in [-0.1, 1.5, f64::NAN, f64::INFINITY, -f64::INFINITY, -1e-30] {
        let ce = CrossEntropy::new().label_smoothing(A::of(eps));
        let want = A::of(eps).wide();
        for e in [
            ce_error(&ce, &x, &[0, 1, 2][..]),
            ce_error(&ce, &x, prob_targets(&q)),
        ] {
            match &e {
                Error::InvalidLabelSmoothing { value } => {
                    assert!(same(*value, want), "[{}] value {value} for {eps}", A::NAME);
                }
                other => panic!("[{}] eps = {eps}: got {other:?}", A::NAME),
            }
            mentions(&e.to_string(), &["label smoothing", &want.to_string()]);
        }
    }
    // The bounds themselves are valid.
    for eps in [0.0, 1.0] {
        let ce = CrossEntropy::new().label_smoothing(A::of(eps));
        assert!(ce.loss(&x, &[0, 1, 2][..]).is_ok());
    }
}

#[test]
fn label_smoothing_outside_zero_one() {
    bad_smoothing::<f32>();
    bad_smoothing::<f64>();
}

fn bad_temperature<A: TestFloat>(values: &[f64]) {
    let x = logits::<A>();
    for &t in values {
        let ce = CrossEntropy::new().temperature(A::of(t));
        let want = A::of(t).wide();
        let e = ce_error(&ce, &x, &[0, 1, 2][..]);
        match &e {
            Error::InvalidTemperature { value } => {
                assert!(same(*value, want), "[{}] value {value} for {t}", A::NAME);
            }
            other => panic!("[{}] t = {t}: got {other:?}", A::NAME),
        }
        mentions(&e.to_string(), &["temperature", &want.to_string()]);
    }
}

#[test]
fn invalid_temperature() {
    let common = [0.0, -0.0, -1.0, f64::NAN, f64::INFINITY, -f64::INFINITY];
    bad_temperature::<f32>(&common);
    bad_temperature::<f64>(&common);
    // A positive temperature whose reciprocal overflows.
    bad_temperature::<f32>(&[1e-45]);
    bad_temperature::<f64>(&[5e-324]);
}

fn temperature_needs_logits<A: TestFloat>() {
    let lp = logits::<A>().mapv(|v| v - A::of(5.0));
    let p = probs::<A>();
    for (input, x) in [(Input::LogProbabilities, &lp), (Input::Probabilities, &p)] {
        let ce = CrossEntropy::new().input(input).temperature(A::of(2.0));
        let e = ce_error(&ce, x, &[0, 1, 2][..]);
        match &e {
            Error::InvalidOption { name, value, .. } => {
                assert_eq!(*name, "temperature");
                assert_eq!(*value, 2.0);
            }
            other => panic!("[{}] {input:?}: got {other:?}", A::NAME),
        }
        mentions(&e.to_string(), &["temperature", "2", "logits"]);
        // Temperature 1 is fine.
        let ce = CrossEntropy::new().input(input).temperature(A::one());
        assert!(ce.loss(x, &[0, 1, 2][..]).is_ok());
    }
}

#[test]
fn temperature_with_an_input_that_is_not_logits() {
    temperature_needs_logits::<f32>();
    temperature_needs_logits::<f64>();
}

fn ce_bad_probabilities<A: TestFloat>() {
    let x = logits::<A>();
    // Probability targets outside [0, 1].
    for (pos, v) in [((1, 2), 1.5), ((2, 0), -0.25)] {
        let mut q = probs::<A>();
        q[pos] = A::of(v);
        let e = ce_error(&CrossEntropy::new(), &x, prob_targets(&q));
        assert_eq!(
            e,
            Error::InvalidProbability {
                what: "targets",
                index: vec![pos.0, pos.1],
                value: v,
            }
        );
        mentions(
            &e.to_string(),
            &[
                "targets",
                &format!("[{}, {}]", pos.0, pos.1),
                &v.to_string(),
            ],
        );
    }
    // Probability inputs outside [0, 1].
    let mut p = probs::<A>();
    p[(0, 3)] = A::of(1.25);
    let ce = CrossEntropy::new().input(Input::Probabilities);
    let e = ce_error(&ce, &p, &[0, 1, 2][..]);
    assert_eq!(
        e,
        Error::InvalidProbability {
            what: "input",
            index: vec![0, 3],
            value: 1.25,
        }
    );
    mentions(&e.to_string(), &["input", "[0, 3]", "1.25"]);
}

#[test]
fn cross_entropy_probabilities_outside_zero_one() {
    ce_bad_probabilities::<f32>();
    ce_bad_probabilities::<f64>();
}

// ---------------------------------------------------------------------------
// Binary cross-entropy
// ---------------------------------------------------------------------------

#[test]
fn bce_probabilities_outside_zero_one() {
    let p = array![[0.5_f64, 0.25, 0.75], [0.1, 0.9, 0.5]];
    let y = array![[1.0_f64, 0.0, 1.0], [0.0, 1.0, 0.5]];
    // Input.
    let mut bad = p.clone();
    bad[(1, 2)] = 1.5;
    let e = elementwise_error!(BinaryCrossEntropy::new(), bad, y);
    assert_eq!(
        e,
        Error::InvalidProbability {
            what: "input",
            index: vec![1, 2],
            value: 1.5,
        }
    );
    mentions(&e.to_string(), &["`input`[1, 2]", "1.5", "[0, 1]"]);
    bad[(1, 2)] = -0.5;
    let e = binary_cross_entropy(&bad, &y).unwrap_err();
    assert_eq!(
        e,
        Error::InvalidProbability {
            what: "input",
            index: vec![1, 2],
            value: -0.5,
        }
    );
    // Target.
    let mut bad = y.clone();
    bad[(0, 1)] = -0.25;
    let e = elementwise_error!(BinaryCrossEntropy::new(), p, bad);
    assert_eq!(
        e,
        Error::InvalidProbability {
            what: "target",
            index: vec![0, 1],
            value: -0.25,
        }
    );
    mentions(&e.to_string(), &["`target`[0, 1]", "-0.25"]);
    // f32, 1-D.
    let e = binary_cross_entropy(&array![0.5_f32, 2.0], &array![1.0_f32, 0.0]).unwrap_err();
    assert_eq!(
        e,
        Error::InvalidProbability {
            what: "input",
            index: vec![1],
            value: 2.0,
        }
    );
    mentions(&e.to_string(), &["`input`[1]", "2"]);
    // NaN is data, not an error.
    assert!(binary_cross_entropy(&array![f64::NAN], &array![1.0]).is_ok());
}

#[test]
fn bce_with_logits_and_focal_targets_outside_zero_one() {
    let x = array![[0.5_f64, -2.0], [3.0, 0.0]];
    let mut y = array![[1.0_f64, 0.0], [1.0, 0.5]];
    y[(1, 0)] = 1.0625;
    let want = Error::InvalidProbability {
        what: "target",
        index: vec![1, 0],
        value: 1.0625,
    };
    let e = elementwise_error!(BinaryCrossEntropyWithLogits::new(), x, y);
    assert_eq!(e, want);
    mentions(&e.to_string(), &["`target`[1, 0]", "1.0625"]);
    assert_eq!(binary_cross_entropy_with_logits(&x, &y).unwrap_err(), want);
    let e = elementwise_error!(SigmoidFocalLoss::new(), x, y);
    assert_eq!(e, want);
    assert_eq!(
        sigmoid_focal_loss(&x, &y, Some(0.25), 2.0).unwrap_err(),
        want
    );
    // Logits of any size are fine (they are not probabilities).
    let y = array![[1.0_f64, 0.0], [1.0, 0.5]];
    assert!(binary_cross_entropy_with_logits(&(&x * 1e10), &y).is_ok());
}

#[test]
fn bce_target_of_another_shape() {
    let p = array![[0.5_f64, 0.25, 0.75]];
    let y = array![[1.0_f64, 0.0]];
    let e = elementwise_error!(BinaryCrossEntropy::new(), p, y);
    assert_eq!(
        e,
        Error::ShapeMismatch {
            what: "target",
            found: vec![1, 2],
            against: "input",
            expected: vec![1, 3],
        }
    );
    mentions(&e.to_string(), &["target", "[1, 2]", "[1, 3]"]);
    let e = elementwise_error!(BinaryCrossEntropyWithLogits::new(), p, y);
    assert_eq!(
        e,
        Error::ShapeMismatch {
            what: "target",
            found: vec![1, 2],
            against: "logits",
            expected: vec![1, 3],
        }
    );
    let e = elementwise_error!(SigmoidFocalLoss::new(), p, y);
    assert!(matches!(e, Error::ShapeMismatch { what: "target", .. }));
}

#[test]
fn pos_weight_of_the_wrong_length() {
    let x = array![[0.5_f64, -1.0, 2.0], [0.0, 1.0, -3.0]];
    let y = array![[1.0_f64, 0.0, 1.0], [0.0, 1.0, 0.5]];
    for len in [2, 4, 6] {
        let bce = BinaryCrossEntropyWithLogits::new().pos_weight(vec![2.0; len]);
        let e = elementwise_error!(bce, x, y);
        assert_eq!(
            e,
            Error::ShapeMismatch {
                what: "pos_weight",
                found: vec![len],
                against: "the last axis",
                expected: vec![3],
            }
        );
        mentions(&e.to_string(), &["pos_weight", &format!("[{len}]"), "[3]"]);
    }
    let x32 = array![0.5_f32, -1.0];
    let y32 = array![1.0_f32, 0.0];
    let bce = BinaryCrossEntropyWithLogits::new().pos_weight(vec![1.0_f32; 3]);
    let e = elementwise_error!(bce, x32, y32);
    assert!(matches!(
        e,
        Error::ShapeMismatch {
            what: "pos_weight",
            ..
        }
    ));
}

#[test]
fn bce_weight_that_does_not_broadcast() {
    let p = array![[0.5_f64, 0.25, 0.75], [0.1, 0.9, 0.5]];
    let y = array![[1.0_f64, 0.0, 1.0], [0.0, 1.0, 0.5]];
    let bad_weights: Vec<ArrayD<f64>> = vec![
        ndarray::Array1::from_elem(2, 1.0).into_dyn(),
        ndarray::Array1::from_elem(4, 1.0).into_dyn(),
        Array2::from_elem((3, 1), 1.0).into_dyn(),
        Array2::from_elem((2, 2), 1.0).into_dyn(),
        ArrayD::from_elem(IxDyn(&[2, 2, 3]), 1.0),
    ];
    for w in bad_weights {
        let shape = format!("{:?}", w.shape());
        let bce = BinaryCrossEntropy::new().weight(w.clone());
        let e = elementwise_error!(bce, p, y);
        assert_eq!(
            e,
            Error::ShapeMismatch {
                what: "weight",
                found: w.shape().to_vec(),
                against: "input",
                expected: vec![2, 3],
            }
        );
        mentions(&e.to_string(), &["weight", &shape, "[2, 3]"]);
        let bce = BinaryCrossEntropyWithLogits::new().weight(w.clone());
        let e = elementwise_error!(bce, p, y);
        assert!(
            matches!(&e, Error::ShapeMismatch { what: "weight", found, .. } if *found == w.shape()),
            "{e:?}"
        );
    }
    // Shapes that do broadcast are fine.
    for w in [
        ndarray::Array1::from_elem(3, 2.0).into_dyn(),
        Array2::from_elem((2, 1), 2.0).into_dyn(),
        Array2::from_elem((1, 3), 2.0).into_dyn(),
    ] {
        assert!(BinaryCrossEntropy::new().weight(w).loss(&p, &y).is_ok());
    }
}

// ---------------------------------------------------------------------------
// Focal loss options
// ---------------------------------------------------------------------------

#[test]
fn focal_alpha_outside_zero_one_and_gamma_negative() {
    let x = array![0.5_f64, -1.0, 2.0];
    let y = array![1.0_f64, 0.0, 1.0];
    for a in [-0.1, 1.5, f64::NAN, f64::INFINITY] {
        let e = elementwise_error!(SigmoidFocalLoss::new().alpha(a), x, y);
        match &e {
            Error::InvalidOption { name, value, .. } => {
                assert_eq!(*name, "alpha");
                assert!(same(*value, a));
            }
            other => panic!("alpha = {a}: got {other:?}"),
        }
        mentions(&e.to_string(), &["alpha", &a.to_string(), "[0, 1]"]);
        assert!(matches!(
            sigmoid_focal_loss(&x, &y, Some(a), 2.0),
            Err(Error::InvalidOption { name: "alpha", .. })
        ));
    }
    for g in [-1.0, -1e-9, f64::NAN, f64::INFINITY] {
        let e = elementwise_error!(SigmoidFocalLoss::new().gamma(g), x, y);
        match &e {
            Error::InvalidOption { name, value, .. } => {
                assert_eq!(*name, "gamma");
                assert!(same(*value, g));
            }
            other => panic!("gamma = {g}: got {other:?}"),
        }
        mentions(&e.to_string(), &["gamma", &g.to_string()]);
        assert!(matches!(
            sigmoid_focal_loss(&x, &y, None, g),
            Err(Error::InvalidOption { name: "gamma", .. })
        ));
    }
    // The bounds are valid.
    for (a, g) in [(0.0, 0.0), (1.0, 0.0), (0.5, 7.5)] {
        assert!(sigmoid_focal_loss(&x, &y, Some(a), g).is_ok());
    }
    // f32 too.
    let e = SigmoidFocalLoss::new()
        .alpha(1.25_f32)
        .loss(&array![0.0_f32], &array![1.0_f32])
        .unwrap_err();
    assert!(matches!(e, Error::InvalidOption { name: "alpha", value, .. } if value == 1.25));
}

// ---------------------------------------------------------------------------
// Gradient buffers
// ---------------------------------------------------------------------------

fn wrong_grad_buffer<A: TestFloat>() {
    let x = logits::<A>();
    let sentinel = A::of(SENTINEL);
    for shape in [(3, 5), (4, 4), (2, 4)] {
        let mut buf = Array2::from_elem(shape, sentinel);
        let e = CrossEntropy::new()
            .loss_and_grad_into(&x, &[0, 1, 2][..], &mut buf)
            .unwrap_err();
        assert_eq!(
            e,
            Error::ShapeMismatch {
                what: "grad",
                found: vec![shape.0, shape.1],
                against: "logits",
                expected: vec![3, 4],
            }
        );
        mentions(
            &e.to_string(),
            &["grad", &format!("[{}, {}]", shape.0, shape.1), "[3, 4]"],
        );
        assert!(buf.iter().all(|&v| v == sentinel), "[{}] {buf}", A::NAME);
        // A transposed buffer of the transposed shape is still the wrong shape.
        let mut store = Array2::from_elem((3, 4), sentinel);
        let mut t = store.view_mut().reversed_axes();
        let e = CrossEntropy::new()
            .loss_and_grad_into(&x, &[0, 1, 2][..], &mut t)
            .unwrap_err();
        assert!(matches!(e, Error::ShapeMismatch { what: "grad", .. }));
        assert!(store.iter().all(|&v| v == sentinel));
    }
    // Elementwise losses.
    let p = probs::<A>();
    let y = probs::<A>();
    let mut buf = Array2::from_elem((4, 3), sentinel);
    let e = BinaryCrossEntropy::new()
        .loss_and_grad_into(&p, &y, &mut buf)
        .unwrap_err();
    assert_eq!(
        e,
        Error::ShapeMismatch {
            what: "grad",
            found: vec![4, 3],
            against: "input",
            expected: vec![3, 4],
        }
    );
    mentions(&e.to_string(), &["grad", "[4, 3]", "[3, 4]"]);
    let e = BinaryCrossEntropyWithLogits::new()
        .loss_and_grad_into(&x, &y, &mut buf)
        .unwrap_err();
    assert_eq!(
        e,
        Error::ShapeMismatch {
            what: "grad",
            found: vec![4, 3],
            against: "logits",
            expected: vec![3, 4],
        }
    );
    let e = SigmoidFocalLoss::new()
        .loss_and_grad_into(&x, &y, &mut buf)
        .unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { what: "grad", .. }));
    assert!(buf.iter().all(|&v| v == sentinel), "[{}] {buf}", A::NAME);
}

#[test]
fn grad_buffer_of_the_wrong_shape_is_left_untouched() {
    wrong_grad_buffer::<f32>();
    wrong_grad_buffer::<f64>();
}

// ---------------------------------------------------------------------------
// KL divergence
// ---------------------------------------------------------------------------

#[test]
fn kl_target_outside_zero_one_without_log_target() {
    let x = array![[-1.0_f64, -0.5], [-0.1, -2.0]];
    let t = array![[0.3_f64, 0.7], [-0.5, 1.5]];
    let kl = KlDiv::new();
    let want = Error::InvalidProbability {
        what: "target",
        index: vec![1, 0],
        value: -0.5,
    };
    assert_eq!(kl.loss(&x, &t).unwrap_err(), want);
    assert_eq!(kl.loss_and_grad(&x, &t).unwrap_err(), want);
    assert_eq!(kl.per_sample(&x, &t).unwrap_err(), want);
    assert_eq!(kl_div(&x, &t).unwrap_err(), want);
    mentions(&want.to_string(), &["`target`[1, 0]", "-0.5"]);
    let t = array![[0.3_f64, 0.7], [0.5, 1.5]];
    let e = kl.loss(&x, &t).unwrap_err();
    assert_eq!(
        e,
        Error::InvalidProbability {
            what: "target",
            index: vec![1, 1],
            value: 1.5,
        }
    );
    // As log-targets, the same numbers are fine.
    assert!(KlDiv::new().log_target(true).loss(&x, &t).is_ok());
    // f32.
    let e = KlDiv::new()
        .loss(&array![[-1.0_f32]], &array![[2.0_f32]])
        .unwrap_err();
    assert_eq!(
        e,
        Error::InvalidProbability {
            what: "target",
            index: vec![0, 0],
            value: 2.0,
        }
    );
}

#[test]
fn kl_target_of_another_shape() {
    let x = array![[-1.0_f64, -0.5], [-0.1, -2.0]];
    let t = array![[0.3_f64, 0.7]];
    let e = KlDiv::new().loss(&x, &t).unwrap_err();
    assert_eq!(
        e,
        Error::ShapeMismatch {
            what: "target",
            found: vec![1, 2],
            against: "input",
            expected: vec![2, 2],
        }
    );
    mentions(&e.to_string(), &["[1, 2]", "[2, 2]"]);
    assert_eq!(KlDiv::new().loss_and_grad(&x, &t).unwrap_err(), e);
    assert_eq!(KlDiv::new().per_sample(&x, &t).unwrap_err(), e);
}

// ---------------------------------------------------------------------------
// Panics are for programmer errors only
// ---------------------------------------------------------------------------

#[test]
#[should_panic(expected = "axis 2 is out of bounds")]
fn class_axis_out_of_bounds_panics() {
    let x = Array2::<f64>::zeros((2, 3));
    let _ = CrossEntropy::new().class_axis(Axis(2)).loss(&x, &[0, 1]);
}
