//! `LogitsExt`: every method gives what its free function gives, bit for bit, on `f32` and `f64`,
//! owned arrays and views (transposed, step-sliced, reversed), 1-D to 3-D and dynamic dimension,
//! along every axis; the same errors and the same panics, reported at the caller's line; and the
//! method calls resolve on the concrete array types users hold.

use std::cell::Cell;
use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use crate::harness::{SplitMix, TestFloat, same};
use logits::LogitsExt;
use ndarray::{
    ArcArray, Array, Array1, Array2, Array3, ArrayD, ArrayRef, ArrayView1, ArrayViewMut2, Axis,
    CowArray, Dimension, Ix1, Ix2, Ix3, IxDyn, RemoveAxis, Slice, array, s,
};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// `got` and `want` have the same shape and the same bits everywhere (any NaN matches any NaN).
#[track_caller]
fn identical<T: TestFloat, D: Dimension>(got: &ArrayRef<T, D>, want: &ArrayRef<T, D>, what: &str) {
    assert_eq!(got.shape(), want.shape(), "{what} ({}): shape", T::NAME);
    for (i, (&g, &w)) in got.iter().zip(want.iter()).enumerate() {
        assert!(
            same(g, w),
            "{what} ({}): element {i}: {g:?} vs {w:?}",
            T::NAME
        );
    }
}

/// An array of `shape` with values in [−30, 30), and now and then ±inf or NaN (`specials`), so
/// that the edge rules are exercised as well.
fn filled<T: TestFloat>(shape: &[usize], seed: u64, specials: bool) -> ArrayD<T> {
    let mut rng = SplitMix(seed);
    ArrayD::from_shape_simple_fn(IxDyn(shape), || {
        let v = match rng.below(if specials { 16 } else { 1 }) {
            1 => f64::INFINITY,
            2 => f64::NEG_INFINITY,
            3 => f64::NAN,
            _ => rng.uniform(-30.0, 30.0),
        };
        T::of(v)
    })
}

/// A mask of `shape`, mostly `true`.
fn mask_of(shape: &[usize], seed: u64) -> ArrayD<bool> {
    let mut rng = SplitMix(seed);
    ArrayD::from_shape_simple_fn(IxDyn(shape), || rng.below(4) != 0)
}

/// Every method against its free function, along every axis of `x` (any array or view, through
/// the methods' generic form, as a user's generic code would call them).
fn check_methods<T: TestFloat, D: RemoveAxis>(x: &ArrayRef<T, D>, mask: &ArrayRef<bool, D>) {
    identical(&x.sigmoid(), &logits::sigmoid(x), "sigmoid");
    identical(&x.log_sigmoid(), &logits::log_sigmoid(x), "log_sigmoid");
    for a in 0..x.ndim() {
        let axis = Axis(a);
        identical(&x.softmax(axis), &logits::softmax(x, axis), "softmax");
        identical(
            &x.log_softmax(axis),
            &logits::log_softmax(x, axis),
            "log_softmax",
        );
        identical(&x.logsumexp(axis), &logits::logsumexp(x, axis), "logsumexp");
        for t in [0.25, 1.0, 3.0] {
            let t = T::of(t);
            identical(
                &x.softmax_with_temperature(axis, t).unwrap(),
                &logits::softmax_with_temperature(x, axis, t).unwrap(),
                "softmax_with_temperature",
            );
            identical(
                &x.log_softmax_with_temperature(axis, t).unwrap(),
                &logits::log_softmax_with_temperature(x, axis, t).unwrap(),
                "log_softmax_with_temperature",
            );
        }
        identical(
            &x.masked_softmax(mask, axis).unwrap(),
            &logits::masked_softmax(x, mask, axis).unwrap(),
            "masked_softmax",
        );
        identical(
            &x.masked_log_softmax(mask, axis).unwrap(),
            &logits::masked_log_softmax(x, mask, axis).unwrap(),
            "masked_log_softmax",
        );
        for k in [0, 1, 3, usize::MAX] {
            let (values, indices) = x.top_k(k, axis);
            let (want_values, want_indices) = logits::top_k(x, k, axis);
            identical(&values, &want_values, "top_k values");
            assert_eq!(indices, want_indices, "top_k indices ({})", T::NAME);
        }
        // In place, on a copy in `x`'s layout (so on the same kernel path).
        let mut got = x.to_owned();
        got.softmax_inplace(axis);
        let mut want = x.to_owned();
        logits::softmax_inplace(&mut want, axis);
        identical(&got, &want, "softmax_inplace");
        let mut got = x.to_owned();
        got.log_softmax_inplace(axis);
        let mut want = x.to_owned();
        logits::log_softmax_inplace(&mut want, axis);
        identical(&got, &want, "log_softmax_inplace");
    }
}

/// [`check_methods`] on `x` as an owned array and as views of several layouts: as it is,
/// transposed (axes reversed), step-sliced along its first axis, and reversed along its last.
fn check_layouts<T: TestFloat>(shape: &[usize], seed: u64) {
    for specials in [false, true] {
        let x = filled::<T>(shape, seed, specials);
        let mask = mask_of(shape, seed ^ 1);
        let n = shape.len();
        check_methods(&x, &mask);
        check_methods(&x.view(), &mask.view());
        check_methods(&x.t(), &mask.t());
        let mut wide_shape = shape.to_vec();
        wide_shape[0] *= 2;
        let wide = filled::<T>(&wide_shape, seed ^ 2, specials);
        let wide_mask = mask_of(&wide_shape, seed ^ 3);
        let every_other = Slice::new(0, None, 2);
        check_methods(
            &wide.slice_axis(Axis(0), every_other),
            &wide_mask.slice_axis(Axis(0), every_other),
        );
        let backwards = Slice::new(0, None, -1);
        check_methods(
            &x.slice_axis(Axis(n - 1), backwards),
            &mask.slice_axis(Axis(n - 1), backwards),
        );
        // Dimension types fixed at compile time, too.
        match n {
            1 => check_methods(
                &x.view().into_dimensionality::<Ix1>().unwrap(),
                &mask.view().into_dimensionality::<Ix1>().unwrap(),
            ),
            2 => check_methods(
                &x.view().into_dimensionality::<Ix2>().unwrap().t(),
                &mask.view().into_dimensionality::<Ix2>().unwrap().t(),
            ),
            3 => check_methods(
                &x.clone().into_dimensionality::<Ix3>().unwrap(),
                &mask.clone().into_dimensionality::<Ix3>().unwrap(),
            ),
            _ => {}
        }
    }
}

fn shapes() -> Vec<Vec<usize>> {
    vec![
        vec![1],
        vec![7],
        vec![40],
        vec![3, 5],
        vec![2, 70],
        vec![70, 3],
        vec![4, 3, 5],
        vec![2, 9, 33],
        vec![0, 3],
    ]
}

// ---------------------------------------------------------------------------
// Bit-identical to the free functions
// ---------------------------------------------------------------------------

#[test]
fn methods_match_free_functions_f32() {
    for (i, shape) in shapes().iter().enumerate() {
        check_layouts::<f32>(shape, 0x0e57 + i as u64);
    }
}

#[test]
fn methods_match_free_functions_f64() {
    for (i, shape) in shapes().iter().enumerate() {
        check_layouts::<f64>(shape, 0x0e58 + i as u64);
    }
}

#[test]
fn in_place_on_views_matches_free_functions() {
    fn run<T: TestFloat>() {
        let x = filled::<T>(&[6, 10], 0x1a, true);
        for axis in [Axis(0), Axis(1)] {
            // A transposed, step-sliced mutable view: only its elements change.
            let mut got = x.clone();
            got.slice_mut(s![.., ..;2])
                .reversed_axes()
                .softmax_inplace(axis);
            let mut want = x.clone();
            logits::softmax_inplace(&mut want.slice_mut(s![.., ..;2]).reversed_axes(), axis);
            identical(&got, &want, "softmax_inplace on a view");
            assert!(same(got[[0, 1]], x[[0, 1]]));

            let mut got = x.clone();
            got.slice_mut(s![..;-1, 1..]).log_softmax_inplace(axis);
            let mut want = x.clone();
            logits::log_softmax_inplace(&mut want.slice_mut(s![..;-1, 1..]), axis);
            identical(&got, &want, "log_softmax_inplace on a view");
            assert!(same(got[[0, 0]], x[[0, 0]]));
        }
    }
    run::<f32>();
    run::<f64>();
}

#[test]
fn broadcast_masks_match_free_functions() {
    fn run<T: TestFloat>() {
        let x = filled::<T>(&[2, 3, 4], 0x2b, true);
        let causal = Array2::from_shape_fn((3, 4), |(i, j)| j <= i);
        let row = array![true, false, true, true];
        for axis in [Axis(0), Axis(1), Axis(2)] {
            identical(
                &x.masked_softmax(&causal, axis).unwrap(),
                &logits::masked_softmax(&x, &causal, axis).unwrap(),
                "masked_softmax, broadcast [3, 4]",
            );
            identical(
                &x.masked_log_softmax(&row, axis).unwrap(),
                &logits::masked_log_softmax(&x, &row, axis).unwrap(),
                "masked_log_softmax, broadcast [4]",
            );
        }
    }
    run::<f32>();
    run::<f64>();
}

// ---------------------------------------------------------------------------
// The same errors
// ---------------------------------------------------------------------------

#[test]
fn temperature_errors_match_free_functions() {
    fn run<T: TestFloat>(tiny: T) {
        let x = filled::<T>(&[2, 3], 0x3c, false);
        let bad = [
            T::zero(),
            -T::zero(),
            -T::one(),
            T::nan(),
            T::infinity(),
            T::neg_infinity(),
            tiny, // its reciprocal overflows
        ];
        for t in bad {
            let got = x.softmax_with_temperature(Axis(1), t).unwrap_err();
            let want = logits::softmax_with_temperature(&x, Axis(1), t).unwrap_err();
            assert!(matches!(got, logits::Error::InvalidTemperature { .. }));
            assert_eq!(format!("{got:?}"), format!("{want:?}"));
            assert_eq!(got.to_string(), want.to_string());

            let got = x
                .view()
                .log_softmax_with_temperature(Axis(0), t)
                .unwrap_err();
            let want = logits::log_softmax_with_temperature(&x, Axis(0), t).unwrap_err();
            assert!(matches!(got, logits::Error::InvalidTemperature { .. }));
            assert_eq!(format!("{got:?}"), format!("{want:?}"));
        }
    }
    run::<f32>(1e-39);
    run::<f64>(1e-310);
}

#[test]
fn mask_errors_match_free_functions() {
    fn run<T: TestFloat>() {
        let x = filled::<T>(&[2, 3], 0x4d, false);
        for mask in [
            // Fits neither `x` ([2, 3]) nor its transpose ([3, 2]).
            ArrayD::from_elem(IxDyn(&[4, 1]), true),
            ArrayD::from_elem(IxDyn(&[5]), true),
            ArrayD::from_elem(IxDyn(&[1, 2, 3]), true),
        ] {
            for axis in [Axis(0), Axis(1)] {
                let got = x.masked_softmax(&mask, axis).unwrap_err();
                let want = logits::masked_softmax(&x, &mask, axis).unwrap_err();
                assert!(matches!(got, logits::Error::ShapeMismatch { .. }));
                assert_eq!(got, want);
                let got = x.t().masked_log_softmax(&mask, axis).unwrap_err();
                let want = logits::masked_log_softmax(&x.t(), &mask, axis).unwrap_err();
                assert!(matches!(got, logits::Error::ShapeMismatch { .. }));
                assert_eq!(got, want);
            }
        }
    }
    run::<f32>();
    run::<f64>();
}

// ---------------------------------------------------------------------------
// The same panics, at the caller's line
// ---------------------------------------------------------------------------

thread_local! {
    /// Set while [`panic_of`] runs on this thread: the message and the location of the panic.
    static CAUGHT: RefCell<Option<(String, String, u32)>> = const { RefCell::new(None) };
    static CATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, which must panic, and returns the panic's message and where it was reported. A hook
/// installed once records the panics of threads inside `panic_of` and hands every other panic to
/// the hook that was there before, so the rest of the suite is unaffected.
fn panic_of(f: impl FnOnce()) -> (String, String, u32) {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) {
                let message = info
                    .payload()
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| {
                        info.payload()
                            .downcast_ref::<&str>()
                            .map(|s| (*s).to_owned())
                    })
                    .unwrap_or_default();
                let (file, line) = info
                    .location()
                    .map(|l| (l.file().to_owned(), l.line()))
                    .unwrap_or_default();
                CAUGHT.with(|c| *c.borrow_mut() = Some((message, file, line)));
            } else {
                previous(info);
            }
        }));
    });
    CATCHING.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    assert!(result.is_err(), "no panic");
    CAUGHT
        .with(|c| c.borrow_mut().take())
        .expect("the hook saw the panic")
}

/// A method's name, a call of it that panics, and the same call of the free function.
type Case<'a> = (&'static str, Box<dyn Fn() + 'a>, Box<dyn Fn() + 'a>);

#[test]
fn out_of_bounds_axes_panic_as_the_free_functions_do_at_the_call() {
    let x = array![[1.0_f32, 2.0, 3.0], [4.0, 5.0, 6.0]];
    let y = array![[1.0_f64, 2.0]];
    let mask = Array2::from_elem((2, 3), true);
    let bad = Axis(2);
    let this_file = file!();
    let cases: Vec<Case<'_>> = vec![
        (
            "softmax",
            Box::new(|| drop(x.softmax(bad))),
            Box::new(|| drop(logits::softmax(&x, bad))),
        ),
        (
            "log_softmax",
            Box::new(|| drop(y.log_softmax(bad))),
            Box::new(|| drop(logits::log_softmax(&y, bad))),
        ),
        (
            "logsumexp",
            Box::new(|| drop(x.logsumexp(bad))),
            Box::new(|| drop(logits::logsumexp(&x, bad))),
        ),
        (
            "softmax_with_temperature",
            Box::new(|| drop(x.softmax_with_temperature(bad, 2.0))),
            Box::new(|| drop(logits::softmax_with_temperature(&x, bad, 2.0))),
        ),
        (
            "log_softmax_with_temperature",
            Box::new(|| drop(y.log_softmax_with_temperature(bad, 0.0))),
            Box::new(|| drop(logits::log_softmax_with_temperature(&y, bad, 0.0))),
        ),
        (
            "masked_softmax",
            Box::new(|| drop(x.masked_softmax(&mask, bad))),
            Box::new(|| drop(logits::masked_softmax(&x, &mask, bad))),
        ),
        (
            "masked_log_softmax",
            Box::new(|| drop(x.masked_log_softmax(&mask, bad))),
            Box::new(|| drop(logits::masked_log_softmax(&x, &mask, bad))),
        ),
        (
            "top_k",
            Box::new(|| drop(y.top_k(1, bad))),
            Box::new(|| drop(logits::top_k(&y, 1, bad))),
        ),
        (
            "softmax_inplace",
            Box::new(|| x.clone().softmax_inplace(bad)),
            Box::new(|| logits::softmax_inplace(&mut x.clone(), bad)),
        ),
        (
            "log_softmax_inplace",
            Box::new(|| y.clone().log_softmax_inplace(bad)),
            Box::new(|| logits::log_softmax_inplace(&mut y.clone(), bad)),
        ),
    ];
    for (name, method, free) in cases {
        let (got, got_file, _) = panic_of(method);
        let (want, want_file, _) = panic_of(free);
        assert!(got.contains("out of bounds"), "{name}: {got}");
        assert_eq!(got, want, "{name}");
        // `#[track_caller]` all the way: both are reported here, not inside the crate.
        assert_eq!(got_file, this_file, "{name}: reported at {got_file}");
        assert_eq!(want_file, this_file, "{name}: reported at {want_file}");
    }
}

#[test]
fn a_method_panic_names_the_calling_line() {
    let x = array![1.0_f32, 2.0];
    let line = line!() + 1;
    let (_, file, got) = panic_of(|| drop(x.softmax(Axis(1))));
    assert_eq!((file.as_str(), got), (file!(), line));
}

// ---------------------------------------------------------------------------
// The calls resolve on the types users hold
// ---------------------------------------------------------------------------

#[test]
fn methods_resolve_on_concrete_array_types() {
    // Owned, 2-D f32.
    let a: Array2<f32> = array![[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]];
    let p: Array2<f32> = a.softmax(Axis(1));
    identical(&p, &logits::softmax(&a, Axis(1)), "Array2<f32>");
    let lse: Array1<f32> = a.logsumexp(Axis(0));
    identical(
        &lse,
        &logits::logsumexp(&a, Axis(0)),
        "Array2<f32> logsumexp",
    );

    // A 1-D f64 view, and a row of a matrix.
    let b = array![0.5_f64, -1.0, 2.0, 2.0];
    let v: ArrayView1<'_, f64> = b.view();
    let (values, indices) = v.top_k(2, Axis(0));
    assert_eq!((values, indices), (array![2.0, 2.0], array![2, 3]));
    let row: Array1<f64> = b.broadcast((3, 4)).unwrap().row(1).log_softmax(Axis(0));
    identical(&row, &logits::log_softmax(&b, Axis(0)), "a row view");

    // A mutable view, in place and by reference.
    let mut c: Array2<f64> = array![[0.0, 1.0], [2.0, 3.0]];
    let mut m: ArrayViewMut2<'_, f64> = c.view_mut();
    let s = m.sigmoid();
    m.softmax_inplace(Axis(0));
    identical(
        &s,
        &logits::sigmoid(&array![[0.0, 1.0], [2.0, 3.0]]),
        "ArrayViewMut2",
    );
    identical(
        &c,
        &logits::softmax(&array![[0.0, 1.0], [2.0, 3.0]], Axis(0)),
        "in place",
    );

    // Through references, shared arrays, copy-on-write arrays and dynamic dimension.
    let r: &Array3<f32> = &Array3::from_shape_fn((2, 2, 2), |(i, j, k)| (i + 2 * j + 4 * k) as f32);
    identical(&r.log_sigmoid(), &logits::log_sigmoid(r), "&Array3<f32>");
    let mut arc: ArcArray<f32, Ix1> = array![1.0, 1.0].into_shared();
    arc.log_softmax_inplace(Axis(0));
    assert_eq!(
        arc,
        array![-std::f32::consts::LN_2, -std::f32::consts::LN_2]
    );
    let cow = CowArray::from(a.view());
    identical(
        &cow.softmax(Axis(0)),
        &logits::softmax(&a, Axis(0)),
        "CowArray",
    );
    let d: ArrayD<f64> = Array::from_elem(IxDyn(&[2, 1, 3]), 1.0);
    identical(
        &d.logsumexp(Axis(2)),
        &logits::logsumexp(&d, Axis(2)),
        "ArrayD",
    );
    let by_ref: &ArrayRef<f64, IxDyn> = &d;
    identical(
        &by_ref.softmax(Axis(2)),
        &logits::softmax(&d, Axis(2)),
        "&ArrayRef",
    );

    // The fully qualified form, and the chained form.
    identical(
        &LogitsExt::softmax(&*a, Axis(1)),
        &p,
        "LogitsExt::softmax(&*a, ..)",
    );
    identical(
        &LogitsExt::softmax(by_ref, Axis(2)),
        &logits::softmax(&d, Axis(2)),
        "on &ArrayRef",
    );
    let (top, _) = a
        .softmax_with_temperature(Axis(1), 0.5)
        .unwrap()
        .top_k(1, Axis(1));
    assert_eq!(top.dim(), (2, 1));
}

/// Only the prelude imported: it brings the trait along with the functions.
mod prelude_only {
    use logits::prelude::*;
    use ndarray::{Axis, array};

    #[test]
    fn the_prelude_brings_the_methods() {
        let x = array![0.0_f64, 0.0];
        // The free function and the method side by side: no clash.
        assert_eq!(x.softmax(Axis(0)), softmax(&x, Axis(0)));
        assert_eq!(x.view().logsumexp(Axis(0))[()], std::f64::consts::LN_2);
    }
}
