//! Every error path: each bad input is an `Err` of the right variant whose
//! message names the offending shapes or value; out-of-bounds axes panic;
//! and no function other than the `_inplace` ones modifies its inputs.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::float_cmp,
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    clippy::too_many_lines
)]

use crate::harness::{TestFloat, ulps};
use logits::{
    Error, LogSumExp, log_sigmoid, log_softmax, log_softmax_backward, log_softmax_inplace,
    log_softmax_into, log_softmax_with_temperature, logsumexp, masked_log_softmax, masked_softmax,
    sigmoid, softmax, softmax_backward, softmax_inplace, softmax_into, softmax_jacobian,
    softmax_jvp, softmax_with_temperature,
};
use ndarray::{Array1, Array2, ArrayD, Axis, IxDyn, array};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Asserts `e` is a `ShapeMismatch` whose message names both shapes.
fn assert_shape_error(e: &Error, a: &[usize], b: &[usize]) {
    assert!(
        matches!(e, Error::ShapeMismatch { .. }),
        "expected ShapeMismatch, got {e:?}"
    );
    let msg = e.to_string();
    assert!(!msg.is_empty());
    for s in [a, b] {
        let shown = format!("{s:?}");
        assert!(
            msg.contains(&shown),
            "message {msg:?} does not mention {shown}"
        );
    }
    // It is a std error, printable and debuggable.
    let dynerr: &dyn std::error::Error = e;
    assert_eq!(dynerr.to_string(), msg);
    assert!(!format!("{e:?}").is_empty());
}

/// Asserts `e` is an `InvalidTemperature` whose message shows the value.
fn assert_temperature_error<A: TestFloat>(e: &Error, t: A) {
    assert!(
        matches!(e, Error::InvalidTemperature { .. }),
        "[{}] t = {t:?}: expected InvalidTemperature, got {e:?}",
        A::NAME
    );
    let msg = e.to_string();
    assert!(!msg.is_empty());
    let w = t.wide();
    let renderings = [
        format!("{t}"),
        format!("{t:?}"),
        format!("{w}"),
        format!("{w:?}"),
        format!("{w:e}"),
    ];
    assert!(
        renderings.iter().any(|r| msg.contains(r.as_str())),
        "[{}] message {msg:?} does not show the temperature (any of {renderings:?})",
        A::NAME
    );
}

fn x23<A: TestFloat>() -> Array2<A> {
    array![
        [A::of(1.0), A::of(-2.0), A::of(0.5)],
        [A::of(3.0), A::of(3.0), A::of(-1.0)]
    ]
}

// ---------------------------------------------------------------------------
// Shape mismatches
// ---------------------------------------------------------------------------

fn into_mismatch<A: TestFloat>() {
    let x = x23::<A>();
    for shape in [(2, 4), (3, 2), (1, 3), (0, 0)] {
        let mut out = Array2::<A>::from_elem(shape, A::of(7.0));
        let before = out.clone();
        let e = softmax_into(&x, &mut out, Axis(1)).unwrap_err();
        assert_shape_error(&e, &[2, 3], &[shape.0, shape.1]);
        assert!(
            out == before,
            "[{}] softmax_into wrote before failing",
            A::NAME
        );
        let e = log_softmax_into(&x, &mut out, Axis(0)).unwrap_err();
        assert_shape_error(&e, &[2, 3], &[shape.0, shape.1]);
        assert!(
            out == before,
            "[{}] log_softmax_into wrote before failing",
            A::NAME
        );
    }
    // A different number of axes (dynamic dimension).
    let xd = x.clone().into_dyn();
    let mut out = ArrayD::<A>::zeros(IxDyn(&[6]));
    let e = softmax_into(&xd, &mut out, Axis(0)).unwrap_err();
    assert_shape_error(&e, &[2, 3], &[6]);
    let e = log_softmax_into(&xd, &mut out, Axis(0)).unwrap_err();
    assert_shape_error(&e, &[2, 3], &[6]);
}

#[test]
fn into_with_a_wrong_output_shape_is_an_error() {
    into_mismatch::<f32>();
    into_mismatch::<f64>();
}

fn backward_mismatch<A: TestFloat>() {
    let x = x23::<A>();
    let p = softmax(&x, Axis(1));
    let lp = log_softmax(&x, Axis(1));
    for shape in [(3, 2), (2, 4), (1, 3), (2, 1)] {
        let g = Array2::<A>::from_elem(shape, A::of(0.25));
        let want = [shape.0, shape.1];
        assert_shape_error(
            &softmax_backward(&p, &g, Axis(1)).unwrap_err(),
            &[2, 3],
            &want,
        );
        assert_shape_error(
            &log_softmax_backward(&lp, &g, Axis(1)).unwrap_err(),
            &[2, 3],
            &want,
        );
        assert_shape_error(&softmax_jvp(&p, &g, Axis(1)).unwrap_err(), &[2, 3], &want);
        // Either argument may be the wrong one.
        assert_shape_error(
            &softmax_backward(&g, &p, Axis(0)).unwrap_err(),
            &[2, 3],
            &want,
        );
        assert_shape_error(
            &log_softmax_backward(&g, &lp, Axis(0)).unwrap_err(),
            &[2, 3],
            &want,
        );
        assert_shape_error(&softmax_jvp(&g, &p, Axis(0)).unwrap_err(), &[2, 3], &want);
    }
    // Same number of elements, different number of axes.
    let pd = p.clone().into_dyn();
    let gd = ArrayD::<A>::zeros(IxDyn(&[6]));
    assert_shape_error(
        &softmax_backward(&pd, &gd, Axis(0)).unwrap_err(),
        &[2, 3],
        &[6],
    );
    assert_shape_error(
        &log_softmax_backward(&pd, &gd, Axis(0)).unwrap_err(),
        &[2, 3],
        &[6],
    );
    assert_shape_error(&softmax_jvp(&pd, &gd, Axis(0)).unwrap_err(), &[2, 3], &[6]);
}

#[test]
fn backward_with_mismatched_shapes_is_an_error() {
    backward_mismatch::<f32>();
    backward_mismatch::<f64>();
}

fn mask_mismatch<A: TestFloat>() {
    let x = x23::<A>();
    let bad_2d = [
        Array2::from_elem((2, 2), true),
        Array2::from_elem((3, 2), true),
        Array2::from_elem((3, 3), true),
        Array2::from_elem((2, 4), true),
    ];
    for m in &bad_2d {
        let e = masked_softmax(&x, m, Axis(1)).unwrap_err();
        assert_shape_error(&e, &[2, 3], m.shape());
        let e = masked_log_softmax(&x, m, Axis(1)).unwrap_err();
        assert_shape_error(&e, &[2, 3], m.shape());
    }
    // A 1-D mask must match the last axis.
    let m1 = Array1::from_elem(2, true);
    assert_shape_error(
        &masked_softmax(&x, &m1, Axis(1)).unwrap_err(),
        &[2, 3],
        &[2],
    );
    // A mask with more axes than x does not broadcast to x.
    let m3 = ndarray::Array3::from_elem((1, 2, 3), true);
    assert_shape_error(
        &masked_softmax(&x, &m3, Axis(1)).unwrap_err(),
        &[2, 3],
        &[1, 2, 3],
    );

    // Broadcastable masks are fine.
    assert!(masked_softmax(&x, &Array1::from_elem(3, true), Axis(1)).is_ok());
    assert!(masked_softmax(&x, &Array2::from_elem((1, 3), true), Axis(1)).is_ok());
    assert!(masked_softmax(&x, &Array2::from_elem((2, 1), false), Axis(0)).is_ok());
    assert!(masked_softmax(&x, &ndarray::arr0(true), Axis(1)).is_ok());
    assert!(masked_log_softmax(&x, &Array2::from_elem((2, 1), false), Axis(0)).is_ok());
}

#[test]
fn masked_softmax_with_a_non_broadcastable_mask_is_an_error() {
    mask_mismatch::<f32>();
    mask_mismatch::<f64>();
}

// ---------------------------------------------------------------------------
// Temperatures
// ---------------------------------------------------------------------------

fn bad_temperatures<A: TestFloat>(subnormal: A) {
    let x = x23::<A>();
    let bad = [
        A::zero(),
        -A::zero(),
        A::of(-1.5),
        A::of(-1e-3),
        A::neg_infinity(),
        A::infinity(),
        A::nan(),
        subnormal,
    ];
    for t in bad {
        for ax in [Axis(0), Axis(1)] {
            let e = softmax_with_temperature(&x, ax, t).unwrap_err();
            assert_temperature_error(&e, t);
            let e = log_softmax_with_temperature(&x, ax, t).unwrap_err();
            assert_temperature_error(&e, t);
        }
        // Also on an empty array: the temperature is checked regardless.
        let empty = Array2::<A>::zeros((0, 3));
        assert!(
            softmax_with_temperature(&empty, Axis(1), t).is_err(),
            "[{}] t = {t:?}",
            A::NAME
        );
        assert!(
            log_softmax_with_temperature(&empty, Axis(1), t).is_err(),
            "[{}] t = {t:?}",
            A::NAME
        );
    }
}

#[test]
fn invalid_temperatures_are_errors() {
    // 1e-45 is the smallest f32 subnormal: its reciprocal overflows f32.
    assert!((1.0 / 1e-45_f32).is_infinite());
    bad_temperatures::<f32>(1e-45);
    // 5e-324 is the smallest f64 subnormal: its reciprocal overflows f64.
    assert!((1.0 / 5e-324_f64).is_infinite());
    bad_temperatures::<f64>(5e-324);
}

fn extreme_valid_temperatures<A: TestFloat>(tiny_ok: A) {
    let x = array![
        [A::of(-3.0), A::of(-1.0), A::of(-2.0)],
        [A::of(4.0), A::of(4.0), A::of(0.0)]
    ];
    // Huge t: everything is (nearly) uniform.
    let p = softmax_with_temperature(&x, Axis(1), A::max_value()).unwrap();
    for v in &p {
        assert!(
            (v.wide() - 1.0 / 3.0).abs() < 1e-6,
            "[{}] t = MAX: {p}",
            A::NAME
        );
    }
    assert!(log_softmax_with_temperature(&x, Axis(1), A::max_value()).is_ok());
    // Tiny t (reciprocal still finite): the max takes everything, ties share,
    // and (x − max) / t must not overflow into NaN or an empty lane.
    for t in [A::min_positive_value(), tiny_ok] {
        assert!((A::one() / t).is_finite());
        let p = softmax_with_temperature(&x, Axis(1), t).unwrap();
        let want = array![
            [A::zero(), A::one(), A::zero()],
            [A::of(0.5), A::of(0.5), A::zero()]
        ];
        assert!(p == want, "[{}] t = {t:e}: {p}, want {want}", A::NAME);
        let l = log_softmax_with_temperature(&x, Axis(1), t).unwrap();
        assert!(l[[0, 1]] == A::zero(), "[{}] t = {t:e}: {l}", A::NAME);
        // (x − max) / t, which may round to −inf.
        let want = A::of(-2.0 / t.wide());
        assert!(
            ulps(l[[0, 0]], want) <= 4,
            "[{}] t = {t:e}: {l}, want {want:e} at [0, 0]",
            A::NAME
        );
        assert!(
            !l.iter().any(|v| v.is_nan()),
            "[{}] t = {t:e}: {l}",
            A::NAME
        );
    }
}

#[test]
fn extreme_but_valid_temperatures_are_accepted() {
    // 1e-38 is subnormal in f32 but 1e38 is finite.
    extreme_valid_temperatures::<f32>(1e-38);
    extreme_valid_temperatures::<f64>(1e-308);
}

// ---------------------------------------------------------------------------
// Axis out of bounds: a documented panic
// ---------------------------------------------------------------------------

#[test]
#[should_panic(expected = "out of bounds")]
fn softmax_axis_out_of_bounds_panics() {
    let _ = softmax(&x23::<f32>(), Axis(2));
}

#[test]
#[should_panic(expected = "out of bounds")]
fn log_softmax_axis_out_of_bounds_panics() {
    let _ = log_softmax(&x23::<f64>(), Axis(2));
}

#[test]
#[should_panic(expected = "out of bounds")]
fn logsumexp_axis_out_of_bounds_panics() {
    let _ = logsumexp(&x23::<f32>(), Axis(5));
}

#[test]
#[should_panic(expected = "out of bounds")]
fn softmax_with_temperature_axis_out_of_bounds_panics() {
    let _ = softmax_with_temperature(&x23::<f32>(), Axis(2), 1.5);
}

#[test]
#[should_panic(expected = "out of bounds")]
fn log_softmax_with_temperature_axis_out_of_bounds_panics() {
    let _ = log_softmax_with_temperature(&x23::<f64>(), Axis(2), 1.5);
}

#[test]
#[should_panic(expected = "out of bounds")]
fn masked_log_softmax_axis_out_of_bounds_panics() {
    let mask = Array2::from_elem((2, 3), true);
    let _ = masked_log_softmax(&x23::<f64>(), &mask, Axis(2));
}

#[test]
#[should_panic(expected = "out of bounds")]
fn masked_softmax_axis_out_of_bounds_panics() {
    let mask = Array2::from_elem((2, 3), true);
    let _ = masked_softmax(&x23::<f32>(), &mask, Axis(2));
}

#[test]
#[should_panic(expected = "out of bounds")]
fn softmax_inplace_axis_out_of_bounds_panics() {
    let mut x = x23::<f32>();
    softmax_inplace(&mut x, Axis(2));
}

#[test]
#[should_panic(expected = "out of bounds")]
fn log_softmax_inplace_axis_out_of_bounds_panics() {
    let mut x = x23::<f64>();
    log_softmax_inplace(&mut x, Axis(3));
}

#[test]
#[should_panic(expected = "out of bounds")]
fn softmax_into_axis_out_of_bounds_panics() {
    let mut out = Array2::<f32>::zeros((2, 3));
    let _ = softmax_into(&x23::<f32>(), &mut out, Axis(2));
}

#[test]
#[should_panic(expected = "out of bounds")]
fn log_softmax_into_axis_out_of_bounds_panics() {
    let mut out = Array2::<f64>::zeros((2, 3));
    let _ = log_softmax_into(&x23::<f64>(), &mut out, Axis(2));
}

#[test]
#[should_panic(expected = "out of bounds")]
fn softmax_backward_axis_out_of_bounds_panics() {
    let p = softmax(&x23::<f32>(), Axis(1));
    let _ = softmax_backward(&p, &p, Axis(2));
}

#[test]
#[should_panic(expected = "out of bounds")]
fn log_softmax_backward_axis_out_of_bounds_panics() {
    let p = log_softmax(&x23::<f64>(), Axis(1));
    let _ = log_softmax_backward(&p, &p, Axis(2));
}

#[test]
#[should_panic(expected = "out of bounds")]
fn softmax_jvp_axis_out_of_bounds_panics() {
    let p = softmax(&x23::<f32>(), Axis(1));
    let _ = softmax_jvp(&p, &p, Axis(2));
}

#[test]
#[should_panic(expected = "out of bounds")]
fn axis_out_of_bounds_on_a_1d_array_panics() {
    let _ = softmax(&array![1.0_f32, 2.0], Axis(1));
}

// ---------------------------------------------------------------------------
// Inputs are never modified (except by `_inplace`)
// ---------------------------------------------------------------------------

fn bits<A: TestFloat>(a: &ndarray::ArrayRef<A, ndarray::Ix2>) -> Vec<u64> {
    a.iter().map(|v| v.wide().to_bits()).collect()
}

fn inputs_untouched<A: TestFloat>() {
    let x: Array2<A> = array![
        [A::of(1.0), A::nan(), A::of(-2.0), A::infinity()],
        [A::neg_infinity(), A::of(0.0), A::of(3e1), A::of(-0.0)],
        [A::of(5.5), A::of(5.5), A::of(-7.0), A::of(1e-3)]
    ];
    let mask = array![
        [true, false, true, true],
        [false, true, true, true],
        [true, true, false, true]
    ];
    let x0 = bits(&x);
    let mask0 = mask.clone();
    let p = softmax(&x, Axis(1));
    let lp = log_softmax(&x, Axis(1));
    let g: Array2<A> = Array2::from_shape_fn((3, 4), |(i, j)| A::of(i as f64 - 0.5 * j as f64));
    let (p0, lp0, g0) = (bits(&p), bits(&lp), bits(&g));

    for ax in [Axis(0), Axis(1)] {
        let _ = softmax(&x, ax);
        let _ = log_softmax(&x, ax);
        let _ = logsumexp(&x, ax);
        let _ = softmax_with_temperature(&x, ax, A::of(0.5)).unwrap();
        let _ = log_softmax_with_temperature(&x, ax, A::of(0.5)).unwrap();
        let _ = softmax_with_temperature(&x, ax, A::zero()).unwrap_err();
        let _ = masked_softmax(&x, &mask, ax).unwrap();
        let _ = masked_log_softmax(&x, &mask, ax).unwrap();
        let mut out = Array2::<A>::zeros((3, 4));
        softmax_into(&x, &mut out, ax).unwrap();
        log_softmax_into(&x, &mut out, ax).unwrap();
        let mut bad = Array2::<A>::zeros((4, 3));
        let _ = softmax_into(&x, &mut bad, ax).unwrap_err();
        let _ = softmax_backward(&p, &g, ax).unwrap();
        let _ = log_softmax_backward(&lp, &g, ax).unwrap();
        let _ = softmax_jvp(&p, &g, ax).unwrap();
        // Views of the same data (transposed) too.
        let _ = softmax(&x.t(), Axis(1 - ax.index()));
        let _ = softmax_backward(&p.t(), &g.t(), ax).unwrap();
    }
    let _ = sigmoid(&x);
    let _ = log_sigmoid(&x);
    let _ = softmax_jacobian(&p.row(2));
    let mut acc = LogSumExp::<A>::new();
    let slice: Vec<A> = x.iter().copied().collect();
    acc.push_slice(&slice);

    assert_eq!(bits(&x), x0, "[{}] x was modified", A::NAME);
    assert_eq!(mask, mask0, "[{}] mask was modified", A::NAME);
    assert_eq!(bits(&p), p0, "[{}] p was modified", A::NAME);
    assert_eq!(bits(&lp), lp0, "[{}] log_p was modified", A::NAME);
    assert_eq!(bits(&g), g0, "[{}] g was modified", A::NAME);
    assert_eq!(
        slice.iter().map(|v| v.wide().to_bits()).collect::<Vec<_>>(),
        x0,
        "[{}] slice pushed to LogSumExp was modified",
        A::NAME
    );

    // `_inplace` does modify, and gives what the allocating function gives.
    let same =
        |a: &Array2<A>, b: &Array2<A>| a.iter().zip(b.iter()).all(|(u, v)| ulps(*u, *v) == 0);
    let mut y = x.clone();
    softmax_inplace(&mut y, Axis(1));
    assert!(same(&y, &softmax(&x, Axis(1))), "[{}] {y}", A::NAME);
    assert_ne!(bits(&y), x0);
    let mut y = x.clone();
    log_softmax_inplace(&mut y, Axis(1));
    assert!(same(&y, &log_softmax(&x, Axis(1))), "[{}] {y}", A::NAME);
}

#[test]
fn inputs_are_never_modified() {
    inputs_untouched::<f32>();
    inputs_untouched::<f64>();
}

/// `Result` is the crate's alias, and `Error` is an ordinary, thread-safe error.
#[test]
fn errors_are_ordinary_values() {
    let x = x23::<f32>();
    let mut out = Array2::<f32>::zeros((3, 3));
    let r: logits::Result<()> = softmax_into(&x, &mut out, Axis(1));
    let e = r.unwrap_err();
    let msg = e.to_string();
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(e);
    assert_eq!(boxed.to_string(), msg);
    assert!(boxed.source().is_none());
    let t = softmax_with_temperature(&x, Axis(1), -2.0).unwrap_err();
    assert_ne!(t.to_string(), msg);
    assert!(t.to_string().contains("-2"), "{t}");
}
