//! Robustness: every public function and loss method, driven with adversarial inputs for `f32`
//! and `f64`.
//!
//! Shapes have 1 to 3 axes (0 to 3 for elementwise functions) with lengths drawn from
//! {0, 1, 2, 3, 7, 8, 9, 16, 17, 33} and now and then 65 or 130, so that zero-length axes,
//! 1-class lanes, SIMD tails and the column kernels all come up. Arrays are laid out standard,
//! transposed, with rotated axes, step-sliced out of a larger array (whose gaps hold NaN, so a
//! stray read shows) and reversed, in combinations. Values mix ordinary numbers, ±0, subnormals,
//! ±huge (`MAX`, `MAX/2`, ±1e30 in f32, ±1e300 in f64), ±inf and NaN, with one "flavour" per lane
//! so that some lanes are all finite, some all −inf, some hold NaN.
//!
//! Each property is checked against an oracle read off the rustdoc:
//!
//! - no panic, except for an out-of-bounds axis, where the panic is asserted;
//! - an `Err` exactly where a `# Errors` section lists one (of an allowed variant, with a payload
//!   that points at the offending value), `Ok` everywhere else;
//! - a lane (sample, element) holding NaN may be anything (or NaN, where the doc says so), and
//!   no other lane holds NaN;
//! - an output whose exact value (an `f64` reference) is finite and well inside the type's range
//!   (below `MAX / 4`) is finite; range invariants (probabilities in [0, 1] summing to 1,
//!   log-probabilities ≤ 0, non-negative losses, ...);
//! - `loss` / `loss_and_grad` / `loss_and_grad_into` and `_into` / `_inplace` / allocating
//!   variants agree bitwise (NaN-aware), and the shortcuts equal their builders;
//! - inputs (and the gaps around a view written by `_inplace` / `_into`) are bitwise unchanged.
//!
//! Closeness to the reference uses loose tolerances (hundreds of ULPs): the accuracy proper is
//! tested in the `properties`, `reference` and `accuracy` modules; here it only catches gross
//! errors.
//!
//! The reference rounds to the type what the kernels compute in it (the class weights `aᵢ`,
//! `1 − ε`, `ε / C`, `pos_weight · y`, `(1 − p_t)^γ`), so that a product that underflows to 0
//! counts as 0 in both, by the crate's convention 0 · ∞ = 0.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::float_cmp,
    clippy::too_many_lines,
    clippy::needless_range_loop,
    clippy::many_single_char_names,
    clippy::type_complexity,
    clippy::struct_excessive_bools,
    clippy::fn_params_excessive_bools,
    clippy::items_after_statements,
    clippy::too_many_arguments
)]

use std::cell::Cell;
use std::fmt::{self, Debug, Display};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use crate::harness::{
    Layout, Placed, SplitMix, TestFloat, close, lane_max, lanes, layout_strategy,
    naive_log_sigmoid, naive_log_softmax, naive_logsumexp, naive_sigmoid, proptest_config, same,
};
use logits::{
    BinaryCrossEntropy, BinaryCrossEntropyWithLogits, CrossEntropy, Error, Input, KlDiv,
    LinearCrossEntropy, LogSumExp, Reduction, SigmoidFocalLoss, Targets, TokenOutputs,
    binary_cross_entropy, binary_cross_entropy_and_grad, binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_and_grad, cross_entropy, cross_entropy_and_grad, kl_div,
    kl_div_and_grad, log_sigmoid, log_softmax, log_softmax_backward, log_softmax_inplace,
    log_softmax_into, log_softmax_with_temperature, logsumexp, masked_log_softmax, masked_softmax,
    nll_loss, nll_loss_and_grad, sigmoid, sigmoid_focal_loss, softmax, softmax_backward,
    softmax_inplace, softmax_into, softmax_jacobian, softmax_jvp, softmax_with_temperature, top_k,
};
use ndarray::{Array1, Array2, ArrayD, ArrayRef, Axis, Dimension, Ix2, IxDyn, Zip};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

/// Cases per property; each case runs for f32 and then f64. The environment variable
/// `ROBUSTNESS_CASES` overrides it, for a longer hunt.
const CASES: u32 = 256;

/// Arrays are kept at most this many elements (the largest axes shrink).
const MAX_ELEMS: usize = 1500;

/// Closeness to an f64 reference, in machine epsilons of the type: loose on purpose.
const REF_EPS: f64 = 256.0;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("ROBUSTNESS_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(CASES),
        // The data come from a seed: shrinking it does not simplify them.
        max_shrink_iters: 32,
        ..proptest_config(CASES)
    }
}

type Outcome = Result<(), TestCaseError>;

// ---------------------------------------------------------------------------
// The float types
// ---------------------------------------------------------------------------

/// The largest finite value, widened.
fn max_of<A: TestFloat>() -> f64 {
    A::max_value().wide()
}

/// An exact value of magnitude at most this must come out finite: a margin of 4 below the
/// overflow threshold leaves room for intermediate roundings.
fn safe<A: TestFloat>() -> f64 {
    max_of::<A>() / 4.0
}

fn same_arr<A: TestFloat>(a: &ArrayRef<A, IxDyn>, b: &ArrayRef<A, IxDyn>) -> bool {
    a.shape() == b.shape() && a.iter().zip(b.iter()).all(|(&x, &y)| same(x, y))
}

/// Bitwise identical, NaN payloads included: inputs must not change at all.
fn identical<A: TestFloat>(a: &ArrayRef<A, IxDyn>, b: &ArrayRef<A, IxDyn>) -> bool {
    a.shape() == b.shape() && a.iter().zip(b.iter()).all(|(&x, &y)| x.bits() == y.bits())
}

/// Where `a` and `b` first differ (NaN-aware), for messages.
fn first_diff<A: TestFloat>(a: &ArrayRef<A, IxDyn>, b: &ArrayRef<A, IxDyn>) -> String {
    if a.shape() != b.shape() {
        return format!("shapes {:?} and {:?}", a.shape(), b.shape());
    }
    for ((i, &x), &y) in a.indexed_iter().zip(b.iter()) {
        if !same(x, y) {
            return format!("at {:?}: {:e} vs {:e}", i.slice(), x.wide(), y.wide());
        }
    }
    "nowhere".into()
}

/// A slack for results in the subnormal range.
fn tiny<A: TestFloat>() -> f64 {
    64.0 * A::MIN_NORMAL
}

// ---------------------------------------------------------------------------
// Panics: caught, silenced, reported as failing properties
// ---------------------------------------------------------------------------

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Silences the panic message of a panic caught by `guard` (the default hook prints every one).
fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs `f`, turning a panic into `Err(message)`.
fn guard<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    install_hook();
    QUIET.with(|q| q.set(true));
    let r = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    r.map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_string()))
            .unwrap_or_else(|| "(non-string panic)".into())
    })
}

/// `f()`, failing the property if it panics.
fn no_panic<R>(what: &str, ctx: &Ctx<'_>, f: impl FnOnce() -> R) -> Result<R, TestCaseError> {
    guard(f).map_err(|m| TestCaseError::fail(format!("{what} panicked: {m}; {ctx}")))
}

/// Asserts that `f()` panics (an axis out of bounds).
fn must_panic<R>(what: &str, ctx: &Ctx<'_>, f: impl FnOnce() -> R) -> Outcome {
    prop_assert!(
        guard(f).is_err(),
        "{} did not panic on an out-of-bounds axis; {}",
        what,
        ctx
    );
    Ok(())
}

/// The case, and the arrays behind it, printed only when a property fails.
struct Ctx<'a> {
    ty: &'static str,
    parts: Vec<(&'static str, &'a dyn Debug)>,
}

impl<'a> Ctx<'a> {
    fn new<A: TestFloat>(case: &'a dyn Debug) -> Self {
        Self {
            ty: A::NAME,
            parts: vec![("case", case)],
        }
    }

    fn with(mut self, name: &'static str, v: &'a dyn Debug) -> Self {
        self.parts.push((name, v));
        self
    }
}

impl Display for Ctx<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}]", self.ty)?;
        for (name, v) in &self.parts {
            write!(f, "\n  {name}: {v:?}")?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Shape,
    Temperature,
    Label,
    Smoothing,
    Probability,
    IgnoreWithProbabilities,
    Option,
}

fn kind_of(e: &Error) -> Option<Kind> {
    Some(match e {
        Error::ShapeMismatch { .. } => Kind::Shape,
        Error::InvalidTemperature { .. } => Kind::Temperature,
        Error::LabelOutOfRange { .. } => Kind::Label,
        Error::InvalidLabelSmoothing { .. } => Kind::Smoothing,
        Error::InvalidProbability { .. } => Kind::Probability,
        Error::IgnoreIndexWithProbabilities => Kind::IgnoreWithProbabilities,
        Error::InvalidOption { .. } => Kind::Option,
        _ => return None,
    })
}

/// `Ok` if nothing is expected, else an `Err` of one of the `allowed` kinds, whose message is
/// not empty. Returns whether it was `Ok`.
fn outcome<T>(
    what: &str,
    r: &Result<T, Error>,
    allowed: &[Kind],
    ctx: &Ctx<'_>,
) -> Result<bool, TestCaseError> {
    match r {
        Ok(_) => {
            prop_assert!(
                allowed.is_empty(),
                "{}: Ok, but the docs say Err of one of {:?}; {}",
                what,
                allowed,
                ctx
            );
            Ok(true)
        }
        Err(e) => {
            prop_assert!(
                kind_of(e).is_some_and(|k| allowed.contains(&k)),
                "{}: {:?}, but the docs allow {:?}; {}",
                what,
                e,
                allowed,
                ctx
            );
            prop_assert!(!e.to_string().is_empty());
            if let Error::ShapeMismatch {
                found, expected, ..
            } = e
            {
                prop_assert!(found != expected, "{}: {:?} names equal shapes", what, e);
            }
            Ok(false)
        }
    }
}

fn outside_unit(v: f64) -> bool {
    // NaN is data, not an error.
    !v.is_nan() && !(0.0..=1.0).contains(&v)
}

// ---------------------------------------------------------------------------
// Shapes and layouts
// ---------------------------------------------------------------------------

fn len_strategy() -> impl Strategy<Value = usize> {
    prop_oneof![
        6 => prop::sample::select(vec![0_usize, 1, 2, 3]),
        4 => prop::sample::select(vec![7_usize, 8, 9]),
        2 => prop::sample::select(vec![16_usize, 17]),
        1 => Just(33_usize),
        1 => prop::sample::select(vec![65_usize, 130]),
    ]
}

/// Shrinks the largest axes until the array is small.
fn cap(mut shape: Vec<usize>) -> Vec<usize> {
    while shape.iter().product::<usize>() > MAX_ELEMS {
        let (i, _) = shape
            .iter()
            .enumerate()
            .max_by_key(|&(_, &n)| n)
            .expect("an axis");
        shape[i] = if shape[i] > 9 { 9 } else { 3 };
    }
    shape
}

fn shape_strategy(min_nd: usize, max_nd: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(len_strategy(), min_nd..=max_nd).prop_map(cap)
}

/// `shape` without `axis`.
fn without(shape: &[usize], axis: usize) -> Vec<usize> {
    shape
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != axis)
        .map(|(_, &n)| n)
        .collect()
}

/// A shape that is not `shape`: one axis longer by 2, or one more axis.
fn wrong_shape(shape: &[usize], salt: u64) -> Vec<usize> {
    let mut s = shape.to_vec();
    if s.is_empty() || salt.is_multiple_of(3) {
        s.push(2);
    } else {
        let i = (salt as usize / 3) % s.len();
        s[i] += 2;
    }
    s
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flavor {
    /// Uniform in [-8, 8), sometimes rounded to halves (ties).
    Normal,
    /// ±10^u, u uniform in [-8, 8).
    Wide,
    /// Normal numbers mixed with the special values (no NaN).
    Mixed,
    /// All −inf.
    NegInf,
    /// Normal numbers and −inf.
    SomeNegInf,
    /// Normal numbers, +inf and −inf.
    PosInf,
    /// ±MAX, ±MAX/2, ±BIG and normal numbers.
    Huge,
    /// ±0, subnormals and the smallest normal.
    Tiny,
    /// Mixed, with NaN.
    Nan,
}

/// Every flavour, the ordinary ones more often.
const ALL: &[Flavor] = &[
    Flavor::Normal,
    Flavor::Normal,
    Flavor::Normal,
    Flavor::Wide,
    Flavor::Mixed,
    Flavor::Mixed,
    Flavor::NegInf,
    Flavor::SomeNegInf,
    Flavor::PosInf,
    Flavor::Huge,
    Flavor::Tiny,
    Flavor::Nan,
];

/// Finite values of moderate size, and NaN now and then.
const TAME_NAN: &[Flavor] = &[
    Flavor::Normal,
    Flavor::Normal,
    Flavor::Normal,
    Flavor::Tiny,
    Flavor::Nan,
];

/// Finite values of moderate size.
const TAME: &[Flavor] = &[Flavor::Normal, Flavor::Normal, Flavor::Tiny];

fn mix(a: u64, b: u64) -> u64 {
    SplitMix(a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15)).next_u64()
}

fn normal(rng: &mut SplitMix) -> f64 {
    let v = rng.uniform(-8.0, 8.0);
    if rng.below(4) == 0 {
        (v * 2.0).round() / 2.0
    } else {
        v
    }
}

/// One of the special values.
fn special<A: TestFloat>(rng: &mut SplitMix) -> A {
    let max = A::max_value();
    let minp = A::min_positive_value();
    let sub = minp * A::epsilon();
    match rng.below(20) {
        0 => A::zero(),
        1 => -A::zero(),
        2 => minp / A::of(4.0),
        3 => -minp / A::of(4.0),
        4 => sub,
        5 => -sub,
        6 => minp,
        7 => max,
        8 => -max,
        9 => max / A::of(2.0),
        10 => -max / A::of(2.0),
        11 => A::of(A::BIG),
        12 => A::of(-A::BIG),
        13 => A::infinity(),
        14 => A::neg_infinity(),
        15 => A::one(),
        16 => -A::one(),
        17 => A::of(1e4),
        18 => A::of(-1e4),
        _ => A::of(100.0),
    }
}

fn value<A: TestFloat>(rng: &mut SplitMix, f: Flavor) -> A {
    let n = A::of(normal(rng));
    match f {
        Flavor::Normal => n,
        Flavor::Wide => {
            let m = 10_f64.powf(rng.uniform(-8.0, 8.0));
            A::of(if rng.below(2) == 0 { m } else { -m })
        }
        Flavor::Mixed => {
            if rng.below(5) < 2 {
                special(rng)
            } else {
                n
            }
        }
        Flavor::NegInf => A::neg_infinity(),
        Flavor::SomeNegInf => {
            if rng.below(2) == 0 {
                A::neg_infinity()
            } else {
                n
            }
        }
        Flavor::PosInf => match rng.below(4) {
            0 => A::infinity(),
            1 => A::neg_infinity(),
            _ => n,
        },
        Flavor::Huge => {
            let max = A::max_value();
            match rng.below(7) {
                0 => max,
                1 => -max,
                2 => max / A::of(2.0),
                3 => -max / A::of(2.0),
                4 => A::of(A::BIG),
                5 => A::of(-A::BIG),
                _ => n,
            }
        }
        Flavor::Tiny => {
            let minp = A::min_positive_value();
            let sub = minp * A::epsilon();
            match rng.below(7) {
                0 => A::zero(),
                1 => -A::zero(),
                2 => sub,
                3 => -sub,
                4 => minp / A::of(4.0),
                5 => minp,
                _ => -minp / A::of(8.0),
            }
        }
        Flavor::Nan => match rng.below(10) {
            0..=2 => A::nan(),
            3..=5 => special(rng),
            _ => n,
        },
    }
}

/// A logical array of `shape`: each lane along `lane_axis` has one flavour from `palette`
/// (without a lane axis, each element has its own).
fn gen_arr<A: TestFloat>(
    shape: &[usize],
    lane_axis: Option<usize>,
    seed: u64,
    palette: &[Flavor],
) -> ArrayD<A> {
    ArrayD::from_shape_fn(IxDyn(shape), |idx| {
        let (mut lane, mut full) = (seed, seed ^ 0x5bd1_e995);
        for (k, &i) in idx.slice().iter().enumerate() {
            if Some(k) != lane_axis {
                lane = mix(lane, i as u64 + 1);
            }
            full = mix(full, i as u64 + 1);
        }
        let mut r = SplitMix(lane);
        let f = palette[r.below(palette.len())];
        value::<A>(&mut SplitMix(full ^ lane), f)
    })
}

/// Probabilities: mostly in [0, 1] (0, 1, uniform, subnormal, the smallest normal, 1 − ε), NaN
/// now and then when `nan`, and one value outside [0, 1] when `invalid`.
fn gen_probs<A: TestFloat>(shape: &[usize], seed: u64, nan: bool, invalid: bool) -> ArrayD<A> {
    let mut rng = SplitMix(seed);
    let mut a = ArrayD::from_shape_fn(IxDyn(shape), |_| match rng.below(12) {
        0 => A::zero(),
        1 => A::one(),
        2 => A::min_positive_value() * A::epsilon(),
        3 => A::min_positive_value(),
        4 => A::one() - A::epsilon(),
        5 if nan => A::nan(),
        _ => A::of(rng.unit()),
    });
    if invalid && !a.is_empty() {
        let n = a.len();
        let bad = [
            -0.25,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -1e-30,
            1.0 + 1e-6,
        ];
        let v = A::of(bad[rng.below(bad.len())]);
        // 1 + 1e-6 rounds to 1 in neither type, but check anyway.
        let v = if outside_unit(v.wide()) {
            v
        } else {
            A::of(2.0)
        };
        if let Some(slot) = a.iter_mut().nth(rng.below(n)) {
            *slot = v;
        }
    }
    a
}

fn has_nan(xs: &[f64]) -> bool {
    xs.iter().any(|v| v.is_nan())
}

/// A temperature from a list of valid and invalid ones.
fn temperature<A: TestFloat>(i: usize) -> A {
    let minp = A::min_positive_value();
    match i % 16 {
        0..=2 => A::one(),
        3 => A::of(0.5),
        4 => A::of(2.0),
        5 => A::of(1e-3),
        6 => A::of(1e3),
        7 => A::zero(),
        8 => -A::zero(),
        9 => -A::one(),
        10 => A::nan(),
        11 => A::infinity(),
        12 => A::neg_infinity(),
        13 => minp,
        14 => minp * A::epsilon(),
        _ => A::max_value(),
    }
}

/// Whether a temperature is valid, as the docs put it: finite, > 0, with a finite reciprocal.
fn valid_temperature<A: TestFloat>(t: A) -> bool {
    t.is_finite() && t > A::zero() && (A::one() / t).is_finite()
}

/// A label smoothing from a list of valid and invalid ones.
fn smoothing<A: TestFloat>(i: usize) -> A {
    match i % 12 {
        0..=2 => A::zero(),
        3 => A::of(0.1),
        4 => A::of(0.5),
        5 => A::one(),
        6 => -A::zero(),
        7 => A::min_positive_value() * A::epsilon(),
        8 => A::of(-0.1),
        9 => A::of(1.5),
        10 => A::nan(),
        _ => A::infinity(),
    }
}

/// A non-negative weight, zeros often.
fn weight_value<A: TestFloat>(rng: &mut SplitMix) -> A {
    match rng.below(7) {
        0 | 1 => A::zero(),
        2 => A::of(0.5),
        3 => A::of(2.0),
        4 => A::of(10.0),
        5 => A::min_positive_value(),
        _ => A::one(),
    }
}

// ---------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------

/// A case for the functions that work along an axis.
#[derive(Clone, Debug)]
struct AxisCase {
    shape: Vec<usize>,
    /// Out of bounds now and then.
    axis: usize,
    layout: Layout,
    /// Layout of the second input (mask, gradient, `out`).
    layout2: Layout,
    seed: u64,
    /// Index into `temperature`.
    temp: usize,
    /// Mask shape: 0 full, 1 without the first axis, 2 one axis of length 1, 3 scalar,
    /// 4 an axis 2 longer (does not broadcast), 5 an extra leading axis (does not broadcast).
    mask: u8,
    /// Whether `out` / the gradient has a wrong shape.
    bad_shape: bool,
    /// Whether the second input is adversarial (rather than a probability vector and a tame
    /// gradient).
    wild: bool,
    /// Index into the list of `k`s for `top_k`.
    k: usize,
}

fn axis_case_strategy(min_nd: usize) -> impl Strategy<Value = AxisCase> {
    shape_strategy(min_nd, 3)
        .prop_flat_map(|shape| {
            let nd = shape.len();
            (
                Just(shape),
                prop_oneof![12 => 0..nd.max(1), 1 => nd..nd + 2],
                layout_strategy(),
                layout_strategy(),
                any::<u64>(),
                0_usize..16,
                0_u8..6,
                prop::bool::weighted(0.15),
                prop::bool::weighted(0.4),
                0_usize..8,
            )
        })
        .prop_map(
            |(shape, axis, layout, layout2, seed, temp, mask, bad_shape, wild, k)| AxisCase {
                shape,
                axis,
                layout,
                layout2,
                seed,
                temp,
                mask,
                bad_shape,
                wild,
                k,
            },
        )
}

// ---------------------------------------------------------------------------
// Softmax, log-softmax, logsumexp, temperature, masks, in place, into
// ---------------------------------------------------------------------------

/// Softmax lanes: NaN lanes all NaN; else in [0, 1], summing to 1 (0 for an empty or all −inf
/// lane), +inf entries sharing the mass, −inf entries 0.
fn check_softmax_lanes<A: TestFloat>(
    what: &str,
    x: &ArrayRef<A, IxDyn>,
    p: &ArrayRef<A, IxDyn>,
    axis: usize,
    ctx: &Ctx<'_>,
) -> Outcome {
    prop_assert_eq!(p.shape(), x.shape(), "{} shape; {}", what, ctx);
    let e = A::EPS;
    for (li, (xs, ps)) in lanes(x, Axis(axis))
        .iter()
        .zip(lanes(p, Axis(axis)))
        .enumerate()
    {
        if has_nan(xs) {
            prop_assert!(
                ps.iter().all(|v| v.is_nan()),
                "{} lane {}: a lane with NaN must be all NaN, got {:?}; {}",
                what,
                li,
                ps,
                ctx
            );
            continue;
        }
        for &v in &ps {
            prop_assert!(
                (0.0..=1.0).contains(&v),
                "{} lane {}: {:e} outside [0, 1] (NaN leaked?); {}",
                what,
                li,
                v,
                ctx
            );
        }
        let n = xs.len();
        if n == 0 {
            continue;
        }
        let k = xs.iter().filter(|&&v| v == f64::INFINITY).count();
        for (i, (&xv, &pv)) in xs.iter().zip(&ps).enumerate() {
            if xv == f64::NEG_INFINITY || (k > 0 && xv != f64::INFINITY) {
                prop_assert!(
                    pv == 0.0,
                    "{} lane {} [{}]: x = {:e} must give 0, got {:e}; {}",
                    what,
                    li,
                    i,
                    xv,
                    pv,
                    ctx
                );
            }
            if k > 0 && xv == f64::INFINITY {
                prop_assert!(
                    close(pv, 1.0 / k as f64, 4.0 * e, 0.0),
                    "{} lane {} [{}]: {} +inf entries share the mass, got {:e}; {}",
                    what,
                    li,
                    i,
                    k,
                    pv,
                    ctx
                );
            }
        }
        let sum: f64 = ps.iter().sum();
        if lane_max(xs) == f64::NEG_INFINITY {
            prop_assert!(
                sum == 0.0,
                "{} lane {}: all −inf must give 0s; {}",
                what,
                li,
                ctx
            );
        } else {
            prop_assert!(
                (sum - 1.0).abs() <= e * (32.0 + 4.0 * n as f64),
                "{} lane {}: sums to {:e}; {}",
                what,
                li,
                sum,
                ctx
            );
        }
    }
    Ok(())
}

/// Log-softmax lanes of `x / t`: NaN lanes all NaN; else ≤ 0, −inf exactly where documented,
/// finite (and near the reference) where the exact value is finite and well in range.
fn check_log_softmax_lanes<A: TestFloat>(
    what: &str,
    x: &ArrayRef<A, IxDyn>,
    lp: &ArrayRef<A, IxDyn>,
    axis: usize,
    inv_t: f64,
    ctx: &Ctx<'_>,
) -> Outcome {
    prop_assert_eq!(lp.shape(), x.shape(), "{} shape; {}", what, ctx);
    let e = A::EPS;
    for (li, (xs, ls)) in lanes(x, Axis(axis))
        .iter()
        .zip(lanes(lp, Axis(axis)))
        .enumerate()
    {
        if has_nan(xs) {
            prop_assert!(
                ls.iter().all(|v| v.is_nan()),
                "{} lane {}: a lane with NaN must be all NaN, got {:?}; {}",
                what,
                li,
                ls,
                ctx
            );
            continue;
        }
        let want = naive_log_softmax(xs, inv_t);
        let n = xs.len() as f64;
        for (i, (&got, &w)) in ls.iter().zip(&want).enumerate() {
            prop_assert!(
                got <= 0.0,
                "{} lane {} [{}]: {:e} is not ≤ 0 (NaN leaked?); {}",
                what,
                li,
                i,
                got,
                ctx
            );
            if w == f64::NEG_INFINITY && (xs[i] == f64::NEG_INFINITY || lane_max(xs).is_infinite())
            {
                prop_assert!(
                    got == f64::NEG_INFINITY,
                    "{} lane {} [{}]: must be −inf, got {:e}; {}",
                    what,
                    li,
                    i,
                    got,
                    ctx
                );
            } else if w.abs() <= safe::<A>() {
                let tol = REF_EPS * e * (w.abs() + n.ln_1p() + 2.0);
                prop_assert!(
                    got.is_finite() && close(got, w, 0.0, tol),
                    "{} lane {} [{}]: got {:e}, exact {:e}; {}",
                    what,
                    li,
                    i,
                    got,
                    w,
                    ctx
                );
            }
        }
    }
    Ok(())
}

/// Logsumexp lanes: NaN for NaN, +inf for +inf, −inf for empty or all −inf, else finite and near
/// `m + ln Σ exp(x − m)`.
fn check_lse_lanes<A: TestFloat>(
    x: &ArrayRef<A, IxDyn>,
    lse: &ArrayRef<A, IxDyn>,
    axis: usize,
    ctx: &Ctx<'_>,
) -> Outcome {
    let outer = without(x.shape(), axis);
    prop_assert_eq!(lse.shape(), &outer[..], "logsumexp shape; {}", ctx);
    let e = A::EPS;
    for (li, (xs, &got)) in lanes(x, Axis(axis)).iter().zip(lse.iter()).enumerate() {
        let got = got.wide();
        let m = lane_max(xs);
        if has_nan(xs) {
            prop_assert!(got.is_nan(), "logsumexp lane {}: NaN expected; {}", li, ctx);
        } else if m.is_infinite() {
            prop_assert!(
                got == m,
                "logsumexp lane {}: {:e}, want {:e}; {}",
                li,
                got,
                m,
                ctx
            );
        } else {
            let want = naive_logsumexp(xs);
            let tol = REF_EPS * e * (m.abs() + (xs.len() as f64).ln_1p() + 2.0);
            prop_assert!(
                got.is_finite() && close(got, want, 0.0, tol),
                "logsumexp lane {}: got {:e}, exact {:e}; {}",
                li,
                got,
                want,
                ctx
            );
        }
    }
    Ok(())
}

fn softmax_family<A: TestFloat>(c: &AxisCase) -> Outcome {
    let nd = c.shape.len();
    let in_range = c.axis < nd;
    let logical = gen_arr::<A>(&c.shape, in_range.then_some(c.axis), c.seed, ALL);
    let xp = Placed::new(&logical, c.layout, A::nan());
    let before = xp.backing.clone();
    let x = xp.view();
    let ax = Axis(c.axis);
    let t = temperature::<A>(c.temp);
    let ctx = Ctx::new::<A>(c).with("x", &logical).with("t", &t);

    // The mask.
    let mut mrng = SplitMix(mix(c.seed, 77));
    let mask_shape: Vec<usize> = match c.mask {
        0 => c.shape.clone(),
        1 => c.shape.iter().skip(1).copied().collect(),
        2 if nd > 0 => {
            let mut s = c.shape.clone();
            s[mrng.below(nd)] = 1;
            s
        }
        3 => vec![],
        4 if nd > 0 => {
            let mut s = c.shape.clone();
            s[mrng.below(nd)] += 2;
            s
        }
        _ => {
            let mut s = vec![2];
            s.extend_from_slice(&c.shape);
            s
        }
    };
    let broadcasts = mask_shape.len() <= nd
        && mask_shape
            .iter()
            .zip(&c.shape[nd - mask_shape.len()..])
            .all(|(&m, &n)| m == n || m == 1);
    let mask_logical = ArrayD::from_shape_fn(IxDyn(&mask_shape), |_| mrng.below(10) < 7);
    let mp = Placed::new(&mask_logical, c.layout2, false);
    let mask = mp.view();

    // `out` for the `_into` variants.
    let out_shape = if c.bad_shape {
        wrong_shape(&c.shape, c.seed)
    } else {
        c.shape.clone()
    };
    let init = ArrayD::from_elem(IxDyn(&out_shape), A::of(0.125));

    if !in_range {
        must_panic("softmax", &ctx, || softmax(&x, ax))?;
        must_panic("log_softmax", &ctx, || log_softmax(&x, ax))?;
        must_panic("softmax_with_temperature", &ctx, || {
            softmax_with_temperature(&x, ax, t)
        })?;
        must_panic("log_softmax_with_temperature", &ctx, || {
            log_softmax_with_temperature(&x, ax, t)
        })?;
        must_panic("masked_softmax", &ctx, || masked_softmax(&x, &mask, ax))?;
        must_panic("masked_log_softmax", &ctx, || {
            masked_log_softmax(&x, &mask, ax)
        })?;
        if nd > 0 {
            must_panic("logsumexp", &ctx, || logsumexp(&x, ax))?;
            must_panic("top_k", &ctx, || top_k(&x, 2, ax))?;
        }
        let mut y = Placed::new(&logical, c.layout, A::nan());
        must_panic("softmax_inplace", &ctx, || {
            softmax_inplace(&mut y.view_mut(), ax);
        })?;
        must_panic("log_softmax_inplace", &ctx, || {
            log_softmax_inplace(&mut y.view_mut(), ax);
        })?;
        let mut out = Placed::new(&init, c.layout2, A::nan());
        must_panic("softmax_into", &ctx, || {
            softmax_into(&x, &mut out.view_mut(), ax)
        })?;
        must_panic("log_softmax_into", &ctx, || {
            log_softmax_into(&x, &mut out.view_mut(), ax)
        })?;
        let g = x.to_owned();
        must_panic("softmax_backward", &ctx, || softmax_backward(&x, &g, ax))?;
        must_panic("log_softmax_backward", &ctx, || {
            log_softmax_backward(&x, &g, ax)
        })?;
        must_panic("softmax_jvp", &ctx, || softmax_jvp(&x, &g, ax))?;
        prop_assert!(identical(&xp.backing, &before), "x changed; {}", ctx);
        return Ok(());
    }
    let axis = c.axis;

    let p = no_panic("softmax", &ctx, || softmax(&x, ax))?;
    check_softmax_lanes("softmax", &x, &p, axis, &ctx)?;
    let lp = no_panic("log_softmax", &ctx, || log_softmax(&x, ax))?;
    check_log_softmax_lanes("log_softmax", &x, &lp, axis, 1.0, &ctx)?;
    let lse = no_panic("logsumexp", &ctx, || logsumexp(&x, ax))?;
    check_lse_lanes(&x, &lse, axis, &ctx)?;

    // Temperature: an error exactly for the invalid ones; t = 1 is exactly softmax.
    let valid = valid_temperature(t);
    let pt = no_panic("softmax_with_temperature", &ctx, || {
        softmax_with_temperature(&x, ax, t)
    })?;
    let lpt = no_panic("log_softmax_with_temperature", &ctx, || {
        log_softmax_with_temperature(&x, ax, t)
    })?;
    let allowed: &[Kind] = if valid { &[] } else { &[Kind::Temperature] };
    for (what, r) in [
        ("softmax_with_temperature", &pt),
        ("log_softmax_with_temperature", &lpt),
    ] {
        if !outcome(what, r, allowed, &ctx)? {
            let Err(Error::InvalidTemperature { value }) = r else {
                unreachable!()
            };
            prop_assert!(
                same(*value, t.wide()),
                "{}: value {} for t {}",
                what,
                value,
                t
            );
        }
    }
    if let (Ok(pt), Ok(lpt)) = (&pt, &lpt) {
        let inv_t = 1.0 / t.wide();
        check_softmax_lanes("softmax_with_temperature", &x, pt, axis, &ctx)?;
        check_log_softmax_lanes("log_softmax_with_temperature", &x, lpt, axis, inv_t, &ctx)?;
        if t == A::one() {
            prop_assert!(same_arr(pt, &p), "t = 1 is not softmax; {}", ctx);
            prop_assert!(same_arr(lpt, &lp), "t = 1 is not log_softmax; {}", ctx);
        }
    }

    // The mask: an error exactly when it does not broadcast; masked entries are 0 (−inf in log
    // space), the others those of the input with masked entries at −inf.
    let pm = no_panic("masked_softmax", &ctx, || masked_softmax(&x, &mask, ax))?;
    let lpm = no_panic("masked_log_softmax", &ctx, || {
        masked_log_softmax(&x, &mask, ax)
    })?;
    let allowed: &[Kind] = if broadcasts { &[] } else { &[Kind::Shape] };
    let masked_ok = outcome("masked_softmax", &pm, allowed, &ctx)?;
    if outcome("masked_log_softmax", &lpm, allowed, &ctx)? && masked_ok {
        let mb = mask_logical.broadcast(IxDyn(&c.shape)).expect("broadcasts");
        let mut eff = logical.clone();
        Zip::from(&mut eff).and(&mb).for_each(|v, &keep| {
            if !keep {
                *v = A::neg_infinity();
            }
        });
        let ctx = Ctx::new::<A>(c)
            .with("x", &logical)
            .with("mask", &mask_logical);
        check_softmax_lanes("masked_softmax", &eff, &pm.expect("Ok"), axis, &ctx)?;
        let lpm = lpm.expect("Ok");
        check_log_softmax_lanes("masked_log_softmax", &eff, &lpm, axis, 1.0, &ctx)?;
    }
    prop_assert!(
        mp.view() == mask_logical.view(),
        "masked_softmax changed the mask; {}",
        ctx
    );

    // In place: the allocating result, bitwise, and nothing outside the view touched.
    for (what, want, log) in [
        ("softmax_inplace", &p, false),
        ("log_softmax_inplace", &lp, true),
    ] {
        let mut y = Placed::new(&logical, c.layout, A::nan());
        no_panic(what, &ctx, || {
            if log {
                log_softmax_inplace(&mut y.view_mut(), ax);
            } else {
                softmax_inplace(&mut y.view_mut(), ax);
            }
        })?;
        prop_assert!(
            same_arr(&y.view(), want),
            "{} differs from the allocating version {}; {}",
            what,
            first_diff(&y.view(), want),
            ctx
        );
        prop_assert!(
            same_arr(&y.backing, &xp.with(want)),
            "{} wrote outside its view; {}",
            what,
            ctx
        );
    }

    // Into: the same, or a shape error that leaves `out` untouched.
    for (what, want, log) in [("softmax_into", &p, false), ("log_softmax_into", &lp, true)] {
        let mut out = Placed::new(&init, c.layout2, A::nan());
        let out_before = out.backing.clone();
        let r = no_panic(what, &ctx, || {
            if log {
                log_softmax_into(&x, &mut out.view_mut(), ax)
            } else {
                softmax_into(&x, &mut out.view_mut(), ax)
            }
        })?;
        let allowed: &[Kind] = if c.bad_shape { &[Kind::Shape] } else { &[] };
        if outcome(what, &r, allowed, &ctx)? {
            // Another layout may take another path (a column kernel, a buffered lane), which
            // rounds differently: bitwise only for the same layout.
            let e = A::EPS;
            let agree = if c.layout == c.layout2 {
                same_arr(&out.view(), want)
            } else {
                out.view()
                    .iter()
                    .zip(want.iter())
                    .all(|(a, b)| close(a.wide(), b.wide(), 16.0 * e, 16.0 * e))
            };
            prop_assert!(
                agree,
                "{} differs from the allocating version {}; {}",
                what,
                first_diff(&out.view(), want),
                ctx
            );
            prop_assert!(
                same_arr(&out.backing, &out.with(&out.view().to_owned())),
                "{} wrote outside its view; {}",
                what,
                ctx
            );
        } else {
            prop_assert!(
                identical(&out.backing, &out_before),
                "{} touched `out` on error; {}",
                what,
                ctx
            );
        }
    }

    prop_assert!(
        identical(&xp.backing, &before),
        "an input changed {}; {}",
        first_diff(&xp.backing, &before),
        ctx
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// Backward passes and the Jacobian
// ---------------------------------------------------------------------------

/// Whether a lane's values are small enough that no product or sum of them can overflow.
fn lane_tame(xs: &[f64]) -> bool {
    xs.iter().all(|v| v.is_finite() && v.abs() <= 1e9)
}

fn backward_family<A: TestFloat>(c: &AxisCase) -> Outcome {
    let nd = c.shape.len();
    let axis = c.axis;
    if axis >= nd {
        // The out-of-bounds panics are asserted in `softmax_family`.
        return Ok(());
    }
    let ax = Axis(axis);
    let x_logical = gen_arr::<A>(&c.shape, Some(axis), c.seed, ALL);
    // The softmax output and its log, or adversarial values standing in for them.
    let (p_logical, lp_logical, g_logical) = if c.wild {
        (
            gen_arr::<A>(&c.shape, Some(axis), mix(c.seed, 1), ALL),
            gen_arr::<A>(&c.shape, Some(axis), mix(c.seed, 2), ALL),
            gen_arr::<A>(&c.shape, Some(axis), mix(c.seed, 3), ALL),
        )
    } else {
        (
            softmax(&x_logical, ax),
            log_softmax(&x_logical, ax),
            gen_arr::<A>(&c.shape, Some(axis), mix(c.seed, 3), TAME_NAN),
        )
    };
    let g_shape = if c.bad_shape {
        wrong_shape(&c.shape, c.seed)
    } else {
        c.shape.clone()
    };
    let g_logical = if c.bad_shape {
        ArrayD::from_elem(IxDyn(&g_shape), A::one())
    } else {
        g_logical
    };
    let pp = Placed::new(&p_logical, c.layout, A::nan());
    let lpp = Placed::new(&lp_logical, c.layout, A::nan());
    let gp = Placed::new(&g_logical, c.layout2, A::nan());
    let befores = [pp.backing.clone(), lpp.backing.clone(), gp.backing.clone()];
    let (p, lp, g) = (pp.view(), lpp.view(), gp.view());
    let ctx = Ctx::new::<A>(c)
        .with("p", &p_logical)
        .with("log_p", &lp_logical)
        .with("grad", &g_logical);
    let allowed: &[Kind] = if c.bad_shape { &[Kind::Shape] } else { &[] };

    let vjp = no_panic("softmax_backward", &ctx, || softmax_backward(&p, &g, ax))?;
    let jvp = no_panic("softmax_jvp", &ctx, || softmax_jvp(&p, &g, ax))?;
    let lvjp = no_panic("log_softmax_backward", &ctx, || {
        log_softmax_backward(&lp, &g, ax)
    })?;
    let ok = outcome("softmax_backward", &vjp, allowed, &ctx)?;
    outcome("softmax_jvp", &jvp, allowed, &ctx)?;
    outcome("log_softmax_backward", &lvjp, allowed, &ctx)?;
    if ok {
        let (vjp, jvp, lvjp) = (vjp.expect("Ok"), jvp.expect("Ok"), lvjp.expect("Ok"));
        prop_assert!(
            same_arr(&vjp, &jvp),
            "softmax_jvp differs from softmax_backward {}; {}",
            first_diff(&vjp, &jvp),
            ctx
        );
        prop_assert_eq!(vjp.shape(), &c.shape[..]);
        prop_assert_eq!(lvjp.shape(), &c.shape[..]);
        let e = A::EPS;
        let gl = lanes(&g, Axis(axis));
        // softmax_backward: pᵢ (gᵢ − Σ gⱼ pⱼ).
        for (li, ((ps, gs), os)) in lanes(&p, Axis(axis))
            .iter()
            .zip(&gl)
            .zip(lanes(&vjp, Axis(axis)))
            .enumerate()
        {
            if has_nan(ps) || has_nan(gs) {
                continue;
            }
            if ps.iter().all(|&v| v == 0.0) {
                prop_assert!(
                    os.iter().all(|&v| v == 0.0),
                    "softmax_backward lane {}: an all-0 p lane must give 0, got {:?}; {}",
                    li,
                    os,
                    ctx
                );
                continue;
            }
            if !(lane_tame(ps) && lane_tame(gs)) {
                continue;
            }
            let dot: f64 = ps.iter().zip(gs).map(|(p, g)| p * g).sum();
            let gmax = gs.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
            let pmax = ps.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
            let psum: f64 = ps.iter().map(|v| v.abs()).sum();
            for (i, &o) in os.iter().enumerate() {
                let want = ps[i] * (gs[i] - dot);
                let tol = REF_EPS * e * (ps[i].abs() * (gs[i].abs() + gmax * psum.max(1.0)))
                    + REF_EPS * e * pmax * gmax * f64::MIN_POSITIVE
                    + tiny::<A>();
                prop_assert!(
                    o.is_finite() && close(o, want, 0.0, tol),
                    "softmax_backward lane {} [{}]: got {:e}, exact {:e}; {}",
                    li,
                    i,
                    o,
                    want,
                    ctx
                );
            }
        }
        // log_softmax_backward: gᵢ − exp(log_pᵢ) Σ gⱼ.
        for (li, ((ls, gs), os)) in lanes(&lp, Axis(axis))
            .iter()
            .zip(&gl)
            .zip(lanes(&lvjp, Axis(axis)))
            .enumerate()
        {
            let wild_lane = ls.iter().any(|&v| v > 20.0 || v == f64::INFINITY) || !lane_tame(gs);
            if has_nan(ls) || has_nan(gs) || wild_lane {
                continue;
            }
            if ls.iter().all(|&v| v == f64::NEG_INFINITY) {
                prop_assert!(
                    os.iter().all(|&v| v == 0.0),
                    "log_softmax_backward lane {}: an all −inf log_p lane must give 0, got {:?}; {}",
                    li,
                    os,
                    ctx
                );
                continue;
            }
            let sum: f64 = gs.iter().sum();
            let gabs: f64 = gs.iter().map(|v| v.abs()).sum();
            for (i, &o) in os.iter().enumerate() {
                let want = gs[i] - ls[i].exp() * sum;
                let tol = REF_EPS * e * (gs[i].abs() + ls[i].exp() * gabs) + tiny::<A>();
                prop_assert!(
                    o.is_finite() && close(o, want, 0.0, tol),
                    "log_softmax_backward lane {} [{}]: got {:e}, exact {:e}; {}",
                    li,
                    i,
                    o,
                    want,
                    ctx
                );
            }
        }
    }
    for (b, before) in [&pp.backing, &lpp.backing, &gp.backing]
        .iter()
        .zip(&befores)
    {
        prop_assert!(identical(b, before), "an input changed; {}", ctx);
    }
    Ok(())
}

fn jacobian<A: TestFloat>(c: &AxisCase) -> Outcome {
    let n = c.shape.iter().product::<usize>().min(40);
    let x = gen_arr::<A>(&[n], Some(0), c.seed, ALL);
    let p1 = if c.wild {
        gen_arr::<A>(&[n], None, mix(c.seed, 5), ALL)
    } else {
        softmax(&x, Axis(0))
    };
    let pp = Placed::new(
        &p1,
        Layout {
            perm: 0,
            ..c.layout
        },
        A::nan(),
    );
    let before = pp.backing.clone();
    let p = pp
        .view()
        .into_dimensionality::<ndarray::Ix1>()
        .expect("1-D");
    let ctx = Ctx::new::<A>(c).with("p", &p1);
    let j = no_panic("softmax_jacobian", &ctx, || softmax_jacobian(&p))?;
    prop_assert_eq!(j.dim(), (n, n));
    let pw: Vec<f64> = p1.iter().map(|v| v.wide()).collect();
    let e = A::EPS;
    for r in 0..n {
        let mut row_sum = 0.0;
        for col in 0..n {
            let v = j[(r, col)];
            prop_assert!(
                same(v, j[(col, r)]),
                "softmax_jacobian not symmetric at ({}, {}); {}",
                r,
                col,
                ctx
            );
            let (a, b) = (pw[r], pw[col]);
            if a.is_nan() || b.is_nan() || !(a.abs() <= 1e9 && b.abs() <= 1e9) {
                continue;
            }
            let want = if r == col { a - a * a } else { -a * b };
            prop_assert!(
                v.is_finite()
                    && close(
                        v.wide(),
                        want,
                        0.0,
                        8.0 * e * (a.abs() + a * a + a.abs() * b.abs()) + tiny::<A>()
                    ),
                "softmax_jacobian ({}, {}): got {:e}, exact {:e}; {}",
                r,
                col,
                v.wide(),
                want,
                ctx
            );
            row_sum += v.wide();
        }
        if !c.wild && !has_nan(&pw) {
            prop_assert!(
                row_sum.abs() <= 64.0 * e * (1.0 + n as f64),
                "softmax_jacobian row {} sums to {:e}; {}",
                r,
                row_sum,
                ctx
            );
        }
    }
    prop_assert!(identical(&pp.backing, &before), "p changed; {}", ctx);
    Ok(())
}

// ---------------------------------------------------------------------------
// top_k, LogSumExp, sigmoid
// ---------------------------------------------------------------------------

fn top_k_prop<A: TestFloat>(c: &AxisCase) -> Outcome {
    let nd = c.shape.len();
    if c.axis >= nd {
        return Ok(());
    }
    let axis = c.axis;
    let logical = gen_arr::<A>(&c.shape, Some(axis), c.seed, ALL);
    let xp = Placed::new(&logical, c.layout, A::nan());
    let before = xp.backing.clone();
    let x = xp.view();
    let len = c.shape[axis];
    let k = [0, 1, 2, 3, len.saturating_sub(1), len, len + 5, usize::MAX][c.k % 8];
    let ctx = Ctx::new::<A>(c).with("x", &logical).with("k", &k);
    let (values, indices) = no_panic("top_k", &ctx, || top_k(&x, k, Axis(axis)))?;
    let kk = k.min(len);
    let mut want_shape = c.shape.clone();
    want_shape[axis] = kk;
    prop_assert_eq!(values.shape(), &want_shape[..]);
    prop_assert_eq!(indices.shape(), &want_shape[..]);
    for (li, ((xl, vl), il)) in x
        .lanes(Axis(axis))
        .into_iter()
        .zip(values.lanes(Axis(axis)))
        .zip(indices.lanes(Axis(axis)))
        .enumerate()
    {
        // The documented total order: larger first, NaN last, lower index first among equals.
        let xs: Vec<A> = xl.iter().copied().collect();
        let mut order: Vec<usize> = (0..len).collect();
        order.sort_by(|&i, &j| {
            let (a, b) = (xs[i], xs[j]);
            let by = match (a.is_nan(), b.is_nan()) {
                (true, true) => std::cmp::Ordering::Equal,
                (true, false) => std::cmp::Ordering::Greater,
                (false, true) => std::cmp::Ordering::Less,
                (false, false) => b.partial_cmp(&a).expect("not NaN"),
            };
            by.then(i.cmp(&j))
        });
        let got: Vec<usize> = il.iter().copied().collect();
        prop_assert_eq!(
            &got[..],
            &order[..kk],
            "top_k lane {}: indices; {}",
            li,
            ctx
        );
        for (&v, &i) in vl.iter().zip(&got) {
            prop_assert!(
                v.bits() == xs[i].bits(),
                "top_k lane {}: value is not x[index]; {}",
                li,
                ctx
            );
        }
    }
    prop_assert!(identical(&xp.backing, &before), "x changed; {}", ctx);
    Ok(())
}

fn log_sum_exp_acc<A: TestFloat>(c: &AxisCase) -> Outcome {
    let n = c.shape.iter().product::<usize>().min(300);
    let lane = gen_arr::<A>(&[n], Some(0), c.seed, ALL);
    let xs: Vec<A> = lane.iter().copied().collect();
    let ctx = Ctx::new::<A>(c).with("lane", &lane);
    let want = *logsumexp(&lane, Axis(0)).first().expect("a scalar");
    let mut rng = SplitMix(mix(c.seed, 9));
    // Random pieces, pushed one by one or as slices into separate accumulators, merged in two
    // different orders.
    let (forward, backward) = no_panic("LogSumExp", &ctx, || {
        let mut parts = Vec::new();
        let mut start = 0;
        while start < n {
            let end = (start + 1 + rng.below(40)).min(n);
            let mut acc = LogSumExp::new();
            if rng.below(2) == 0 {
                acc.push_slice(&xs[start..end]);
            } else {
                for &v in &xs[start..end] {
                    acc.push(v);
                }
            }
            parts.push(acc);
            start = end;
        }
        let mut forward = LogSumExp::new();
        for acc in &parts {
            forward.merge(acc);
        }
        let mut backward = LogSumExp::<A>::default();
        for acc in parts.iter().rev() {
            backward.merge(acc);
        }
        backward.push_slice(&[]);
        (forward, backward)
    })?;
    let wide: Vec<f64> = xs.iter().map(|v| v.wide()).collect();
    let m = lane_max(&wide);
    for acc in [forward, backward] {
        let v = acc.value().wide();
        let (mx, s) = (acc.max().wide(), acc.sum().wide());
        if has_nan(&wide) {
            prop_assert!(v.is_nan() && mx.is_nan(), "LogSumExp: NaN pushed; {}", ctx);
        } else if m == f64::INFINITY {
            prop_assert!(
                v == m && mx == m,
                "LogSumExp: +inf pushed, got {:e}; {}",
                v,
                ctx
            );
        } else if m == f64::NEG_INFINITY {
            prop_assert!(
                v == m && mx == m && s == 0.0,
                "LogSumExp: nothing finite, got {:e} ({:e}, {:e}); {}",
                v,
                mx,
                s,
                ctx
            );
        } else {
            prop_assert!(mx == m, "LogSumExp::max {:e} vs {:e}; {}", mx, m, ctx);
            prop_assert!(
                (1.0 - 1e-3..=n as f64 * (1.0 + 1e-3)).contains(&s),
                "LogSumExp::sum {:e}; {}",
                s,
                ctx
            );
            let tol = REF_EPS * A::EPS * (m.abs() + (n as f64).ln_1p() + 2.0);
            prop_assert!(
                v.is_finite() && close(v, want.wide(), 0.0, tol),
                "LogSumExp {:e} vs logsumexp {:e}; {}",
                v,
                want.wide(),
                ctx
            );
        }
    }
    Ok(())
}

fn sigmoid_prop<A: TestFloat>(c: &AxisCase) -> Outcome {
    let logical = gen_arr::<A>(&c.shape, None, c.seed, ALL);
    let xp = Placed::new(&logical, c.layout, A::nan());
    let before = xp.backing.clone();
    let x = xp.view();
    let ctx = Ctx::new::<A>(c).with("x", &logical);
    let s = no_panic("sigmoid", &ctx, || sigmoid(&x))?;
    let ls = no_panic("log_sigmoid", &ctx, || log_sigmoid(&x))?;
    prop_assert_eq!(s.shape(), x.shape());
    prop_assert_eq!(ls.shape(), x.shape());
    let e = A::EPS;
    for ((&xv, &sv), &lv) in logical.iter().zip(s.iter()).zip(ls.iter()) {
        let (xv, sv, lv) = (xv.wide(), sv.wide(), lv.wide());
        if xv.is_nan() {
            continue;
        }
        let want = naive_sigmoid(xv);
        prop_assert!(
            (0.0..=1.0).contains(&sv) && close(sv, want, 16.0 * e, tiny::<A>()),
            "sigmoid({:e}) = {:e}, exact {:e}; {}",
            xv,
            sv,
            want,
            ctx
        );
        let lwant = naive_log_sigmoid(xv);
        if xv == f64::NEG_INFINITY {
            prop_assert!(lv == xv, "log_sigmoid(−inf) = {:e}; {}", lv, ctx);
        } else {
            prop_assert!(
                lv <= 0.0 && lv.is_finite() && close(lv, lwant, 16.0 * e, tiny::<A>()),
                "log_sigmoid({:e}) = {:e}, exact {:e}; {}",
                xv,
                lv,
                lwant,
                ctx
            );
        }
    }
    prop_assert!(identical(&xp.backing, &before), "x changed; {}", ctx);
    Ok(())
}

// ---------------------------------------------------------------------------
// Cross-entropy
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct CeCase {
    shape: Vec<usize>,
    /// `None`: the default (last); else may be out of bounds.
    class_axis: Option<usize>,
    layout: Layout,
    layout2: Layout,
    seed: u64,
    input: Input,
    /// Probability targets rather than class indices.
    probs: bool,
    /// The targets' shape is wrong.
    bad_targets: bool,
    /// Class indices out of range / probabilities (targets or inputs) outside [0, 1].
    invalid: bool,
    /// 0 none, 1 ok, 2 wrong length.
    weight: u8,
    /// 0 none, 1 a class in range, 2 an index out of range.
    ignore: u8,
    smoothing: usize,
    temperature: usize,
    sum: bool,
    /// Log-probability inputs: made ≤ 0.
    nonpositive: bool,
    /// The gradient buffer of `loss_and_grad_into` has a wrong shape.
    bad_grad: bool,
}

fn ce_case_strategy() -> impl Strategy<Value = CeCase> {
    (
        prop_oneof![1 => shape_strategy(0, 0), 30 => shape_strategy(1, 3)],
        any::<u64>(),
        layout_strategy(),
        layout_strategy(),
        prop_oneof![
            3 => Just(Input::Logits),
            1 => Just(Input::LogProbabilities),
            1 => Just(Input::Probabilities)
        ],
        prop::bool::weighted(0.3),
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.15),
    )
        .prop_flat_map(
            |(shape, seed, layout, layout2, input, probs, bad, invalid)| {
                let nd = shape.len();
                (
                    (
                        Just(shape),
                        prop_oneof![
                            3 => Just(None),
                            3 => (0..nd.max(1)).prop_map(Some),
                            1 => (nd..nd + 2).prop_map(Some)
                        ],
                        Just((seed, layout, layout2, input, probs, bad, invalid)),
                    ),
                    (
                        prop_oneof![3 => Just(0_u8), 3 => Just(1_u8), 1 => Just(2_u8)],
                        0_u8..3,
                        prop_oneof![3 => 0_usize..8, 1 => 8_usize..12],
                        prop_oneof![3 => 0_usize..7, 1 => 7_usize..16],
                        any::<bool>(),
                        prop::bool::weighted(0.85),
                        prop::bool::weighted(0.1),
                    ),
                )
            },
        )
        .prop_map(
            |(
                (shape, class_axis, (seed, layout, layout2, input, probs, bad_targets, invalid)),
                (weight, ignore, smoothing, temperature, sum, nonpositive, bad_grad),
            )| CeCase {
                shape,
                class_axis,
                layout,
                layout2,
                seed,
                input,
                probs,
                bad_targets,
                invalid,
                weight,
                ignore,
                smoothing,
                temperature,
                sum,
                nonpositive,
                bad_grad,
            },
        )
}

/// The exact loss of one sample and its gradient in the input (unreduced), per the docs.
struct SampleRef {
    /// NaN in the exact value: anything goes for this sample.
    nan: bool,
    ignored: bool,
    loss: f64,
    /// A tolerance for `loss`.
    loss_tol: f64,
    grad: Vec<f64>,
    /// A tolerance for each `grad` entry, before the reduction's scale.
    grad_tol: f64,
    /// A log-probability beyond the type's range meets a weight (see `lp_overflows`): only NaN is
    /// checked.
    overflow: bool,
    /// `Σ aᵢ + max aᵢ`.
    /// An absolute slack for the gradient, after the reduction's scale: results computed
    /// through subnormal intermediates, amplified by 1/T or 1/p.
    grad_abs: f64,
}

fn ce_sample<A: TestFloat>(xs: &[f64], a: &[f64], input: Input, inv_t: f64) -> SampleRef {
    let e = A::EPS;
    let c = xs.len();
    let a_total: f64 = a.iter().sum();
    let a_max = a.iter().fold(0.0_f64, |m, &v| m.max(v));
    let mul0 = |c: f64, v: f64| if c == 0.0 { 0.0 } else { c * v };
    let nan = |ignored| SampleRef {
        nan: true,
        ignored,
        loss: f64::NAN,
        loss_tol: 0.0,
        grad: vec![f64::NAN; c],
        grad_tol: 0.0,
        overflow: false,
        grad_abs: 0.0,
    };
    if c == 0 {
        return SampleRef {
            nan: false,
            ignored: false,
            loss: 0.0,
            loss_tol: 0.0,
            grad: vec![],
            grad_tol: 0.0,
            overflow: false,
            grad_abs: 0.0,
        };
    }
    let (lp, grad): (Vec<f64>, Vec<f64>) = match input {
        Input::Logits => {
            if has_nan(xs) {
                return nan(false);
            }
            if lane_max(xs) == f64::NEG_INFINITY {
                // Documented: loss +inf, gradient 0.
                return SampleRef {
                    nan: false,
                    ignored: false,
                    loss: f64::INFINITY,
                    loss_tol: 0.0,
                    grad: vec![0.0; c],
                    grad_tol: 0.0,
                    overflow: false,
                    grad_abs: 0.0,
                };
            }
            let lp = naive_log_softmax(xs, inv_t);
            let g = lp
                .iter()
                .zip(a)
                .map(|(&l, &aj)| inv_t * (a_total * l.exp() - aj))
                .collect();
            (lp, g)
        }
        Input::LogProbabilities => {
            if has_nan(xs) {
                return nan(false);
            }
            (xs.to_vec(), a.iter().map(|&aj| -aj).collect())
        }
        Input::Probabilities => {
            if has_nan(xs) {
                return nan(false);
            }
            let lp: Vec<f64> = xs.iter().map(|&p| p.ln().max(-100.0)).collect();
            let g = lp
                .iter()
                .zip(a)
                .zip(xs)
                .map(|((&l, &aj), &p)| if l > -100.0 { -aj / p } else { 0.0 })
                .collect();
            (lp, g)
        }
    };
    // A log-probability beyond the type's range (−1e39 in f32 at a tiny temperature) is −inf
    // in the kernels even where its weight brings the exact loss back in range.
    let m = lane_max(xs);
    let lp_overflows = a.iter().zip(&lp).zip(xs).any(|((&aj, &l), &x)| {
        aj != 0.0
            && (l.abs() > safe::<A>()
                && (l.is_finite() || (input == Input::Logits && x.is_finite() && m.is_finite())))
    });
    let terms: Vec<f64> = a.iter().zip(&lp).map(|(&aj, &l)| mul0(aj, l)).collect();
    let loss = -terms.iter().sum::<f64>();
    // Terms beyond the type's range of both signs (log-"probabilities" above 0 next to −inf)
    // have no sum in the type: +inf − inf.
    let beyond = |sign: f64| terms.iter().any(|&t| t * sign > safe::<A>());
    if loss.is_nan() || (beyond(1.0) && beyond(-1.0)) {
        return nan(false);
    }
    let mag: f64 = a
        .iter()
        .zip(&lp)
        .map(|(&aj, &l)| mul0(aj, l.abs() + 1.0 + (c as f64).ln()))
        .sum();
    SampleRef {
        nan: false,
        ignored: false,
        loss,
        loss_tol: REF_EPS * e * mag + tiny::<A>(),
        grad,
        grad_tol: REF_EPS * e * inv_t * (a_total + a_max) + tiny::<A>(),
        overflow: lp_overflows,
        grad_abs: match input {
            Input::Probabilities => {
                let pmin = xs
                    .iter()
                    .filter(|&&p| p.ln() > -100.0)
                    .fold(1.0_f64, |m, &p| m.min(p));
                4.0 * tiny::<A>() / pmin
            }
            _ => inv_t * tiny::<A>(),
        },
    }
}

fn ce_prop<A: TestFloat>(c: &CeCase) -> Outcome {
    let nd = c.shape.len();
    let axis = c.class_axis.unwrap_or(nd.saturating_sub(1));
    let in_range = axis < nd;
    let classes = if in_range { c.shape[axis] } else { 0 };
    let outer = if in_range {
        without(&c.shape, axis)
    } else {
        c.shape.clone()
    };
    let mut rng = SplitMix(mix(c.seed, 11));

    // Logits, log-probabilities or probabilities.
    let logical: ArrayD<A> = match c.input {
        Input::Logits => gen_arr(&c.shape, in_range.then_some(axis), c.seed, ALL),
        Input::LogProbabilities => {
            let x = gen_arr::<A>(&c.shape, in_range.then_some(axis), c.seed, ALL);
            if c.nonpositive {
                x.mapv(|v| -v.abs())
            } else {
                x
            }
        }
        Input::Probabilities => gen_probs(&c.shape, c.seed, true, c.invalid && rng.below(2) == 0),
    };
    let xp = Placed::new(&logical, c.layout, A::nan());
    let x_before = xp.backing.clone();
    let x = xp.view();

    // Options.
    let t = temperature::<A>(c.temperature);
    let eps_s = smoothing::<A>(c.smoothing);
    let weight: Option<Array1<A>> = match c.weight {
        0 => None,
        1 => Some(Array1::from_shape_fn(classes, |_| weight_value(&mut rng))),
        _ => Some(Array1::from_elem(classes + 1, A::one())),
    };
    let ignore = match c.ignore {
        0 => None,
        1 => Some(rng.below(classes.max(1))),
        _ => Some(if rng.below(2) == 0 {
            usize::MAX
        } else {
            classes + 3
        }),
    };
    let reduction = if c.sum {
        Reduction::Sum
    } else {
        Reduction::Mean
    };
    let mut ce = CrossEntropy::<A>::new()
        .input(c.input)
        .temperature(t)
        .label_smoothing(eps_s)
        .reduction(reduction);
    if let Some(a) = c.class_axis {
        ce = ce.class_axis(Axis(a));
    }
    if let Some(w) = &weight {
        ce = ce.weight(w.clone());
    }
    if let Some(i) = ignore {
        ce = ce.ignore_index(i);
    }

    // Targets.
    let t_shape = if c.bad_targets {
        wrong_shape(if c.probs { &c.shape } else { &outer }, c.seed)
    } else if c.probs {
        c.shape.clone()
    } else {
        outer.clone()
    };
    let labels: ArrayD<usize> = ArrayD::from_shape_fn(IxDyn(&t_shape), |_| match rng.below(12) {
        0 if c.invalid => [classes, classes + 1, usize::MAX][rng.below(3)],
        1 if ignore.is_some() => ignore.unwrap_or(0),
        _ if classes == 0 => ignore.unwrap_or(0),
        _ => rng.below(classes),
    });
    let q_logical: ArrayD<A> = gen_probs(&t_shape, mix(c.seed, 12), true, c.invalid);
    let lp_ = Placed::new(&labels, c.layout2, 0);
    let qp = Placed::new(&q_logical, c.layout2, A::nan());
    let (lv, qv) = (lp_.view(), qp.view());
    let targets = || {
        if c.probs {
            Targets::probabilities(&qv)
        } else {
            Targets::classes(&lv)
        }
    };

    let ctx = Ctx::new::<A>(c)
        .with("x", &logical)
        .with("targets", if c.probs { &q_logical } else { &labels })
        .with("weight", &weight)
        .with("ignore_index", &ignore)
        .with("temperature", &t)
        .with("label_smoothing", &eps_s);

    let g_shape = if c.bad_grad {
        wrong_shape(&c.shape, c.seed >> 7)
    } else {
        c.shape.clone()
    };
    let g_init = ArrayD::from_elem(IxDyn(&g_shape), A::of(0.375));
    let mut gbuf = Placed::new(&g_init, c.layout2, A::nan());
    let g_before = gbuf.backing.clone();
    // The shortcuts are the default builders.
    let plain = c.class_axis.is_none()
        && c.weight == 0
        && c.ignore == 0
        && t == A::one()
        && eps_s.bits() == A::zero().bits()
        && !c.sum;

    if !in_range {
        must_panic("CrossEntropy::loss", &ctx, || ce.loss(&x, targets()))?;
        must_panic("CrossEntropy::loss_and_grad", &ctx, || {
            ce.loss_and_grad(&x, targets())
        })?;
        must_panic("CrossEntropy::per_sample", &ctx, || {
            ce.per_sample(&x, targets())
        })?;
        must_panic("CrossEntropy::per_sample_and_grad", &ctx, || {
            ce.per_sample_and_grad(&x, targets())
        })?;
        let mut g = ArrayD::<A>::zeros(x.raw_dim());
        must_panic("CrossEntropy::loss_and_grad_into", &ctx, || {
            ce.loss_and_grad_into(&x, targets(), &mut g)
        })?;
        if nd == 0 {
            must_panic("cross_entropy", &ctx, || cross_entropy(&x, targets()))?;
            must_panic("cross_entropy_and_grad", &ctx, || {
                cross_entropy_and_grad(&x, targets())
            })?;
            must_panic("nll_loss", &ctx, || nll_loss(&x, targets()))?;
            must_panic("nll_loss_and_grad", &ctx, || {
                nll_loss_and_grad(&x, targets())
            })?;
        }
        prop_assert!(identical(&xp.backing, &x_before), "x changed; {}", ctx);
        return Ok(());
    }

    // The errors the docs list for this call.
    let mut allowed = Vec::new();
    match c.input {
        Input::Logits if !valid_temperature(t) => allowed.push(Kind::Temperature),
        Input::Logits => {}
        _ if t != A::one() => allowed.push(Kind::Option),
        _ => {}
    }
    if !(eps_s >= A::zero() && eps_s <= A::one()) {
        allowed.push(Kind::Smoothing);
    }
    if weight.as_ref().is_some_and(|w| w.len() != classes) {
        allowed.push(Kind::Shape);
    }
    let x_outside = logical.iter().any(|v| outside_unit(v.wide()));
    if c.input == Input::Probabilities && x_outside {
        allowed.push(Kind::Probability);
    }
    if c.probs {
        if ignore.is_some() {
            allowed.push(Kind::IgnoreWithProbabilities);
        }
        if t_shape != c.shape {
            allowed.push(Kind::Shape);
        }
        if q_logical.iter().any(|v| outside_unit(v.wide())) {
            allowed.push(Kind::Probability);
        }
    } else {
        if t_shape != outer {
            allowed.push(Kind::Shape);
        }
        if labels.iter().any(|&l| l >= classes && Some(l) != ignore) {
            allowed.push(Kind::Label);
        }
    }

    let r_loss = no_panic("CrossEntropy::loss", &ctx, || ce.loss(&x, targets()))?;
    let r_lg = no_panic("CrossEntropy::loss_and_grad", &ctx, || {
        ce.loss_and_grad(&x, targets())
    })?;
    let r_ps = no_panic("CrossEntropy::per_sample", &ctx, || {
        ce.per_sample(&x, targets())
    })?;
    let r_psg = no_panic("CrossEntropy::per_sample_and_grad", &ctx, || {
        ce.per_sample_and_grad(&x, targets())
    })?;
    let r_into = no_panic("CrossEntropy::loss_and_grad_into", &ctx, || {
        ce.loss_and_grad_into(&x, targets(), &mut gbuf.view_mut())
    })?;
    let ok = outcome("CrossEntropy::loss", &r_loss, &allowed, &ctx)?;
    outcome("CrossEntropy::loss_and_grad", &r_lg, &allowed, &ctx)?;
    outcome("CrossEntropy::per_sample", &r_ps, &allowed, &ctx)?;
    outcome("CrossEntropy::per_sample_and_grad", &r_psg, &allowed, &ctx)?;
    let mut allowed_into = allowed.clone();
    if c.bad_grad {
        allowed_into.push(Kind::Shape);
    }
    let ok_into = outcome(
        "CrossEntropy::loss_and_grad_into",
        &r_into,
        &allowed_into,
        &ctx,
    )?;
    if !ok_into {
        prop_assert!(
            identical(&gbuf.backing, &g_before),
            "loss_and_grad_into touched grad on error; {}",
            ctx
        );
    }
    if plain {
        let (l1, l2) = match c.input {
            Input::Logits => (
                no_panic("cross_entropy", &ctx, || cross_entropy(&x, targets()))?,
                no_panic("cross_entropy_and_grad", &ctx, || {
                    cross_entropy_and_grad(&x, targets())
                })?,
            ),
            Input::LogProbabilities => (
                no_panic("nll_loss", &ctx, || nll_loss(&x, targets()))?,
                no_panic("nll_loss_and_grad", &ctx, || {
                    nll_loss_and_grad(&x, targets())
                })?,
            ),
            Input::Probabilities => (r_loss.clone(), r_lg.clone()),
        };
        let same_result = match (&l1, &r_loss) {
            (Ok(a), Ok(b)) => same(*a, *b),
            (Err(a), Err(b)) => format!("{a:?}") == format!("{b:?}"),
            _ => false,
        };
        prop_assert!(
            same_result,
            "shortcut {:?} vs builder {:?}; {}",
            l1,
            r_loss,
            ctx
        );
        let same_result = match (&l2, &r_lg) {
            (Ok(a), Ok(b)) => same(a.0, b.0) && same_arr(&a.1, &b.1),
            (Err(a), Err(b)) => format!("{a:?}") == format!("{b:?}"),
            _ => false,
        };
        prop_assert!(same_result, "shortcut _and_grad vs builder; {}", ctx);
    }

    if let Err(err) = &r_loss {
        // The payload points at the offending value.
        match err {
            Error::InvalidTemperature { value } => {
                prop_assert!(same(*value, t.wide()), "{:?}; {}", err, ctx);
            }
            Error::InvalidLabelSmoothing { value } => {
                prop_assert!(same(*value, eps_s.wide()), "{:?}; {}", err, ctx);
            }
            Error::LabelOutOfRange {
                sample,
                label,
                classes: n,
            } => {
                prop_assert_eq!(*n, classes, "{:?}; {}", err, ctx);
                prop_assert!(
                    *label >= classes && Some(*label) != ignore,
                    "{:?}; {}",
                    err,
                    ctx
                );
                prop_assert_eq!(
                    labels.get(IxDyn(sample)),
                    Some(label),
                    "{:?} does not point at the label; {}",
                    err,
                    ctx
                );
            }
            Error::InvalidProbability { what, index, value } => {
                let src = if *what == "input" {
                    &logical
                } else {
                    &q_logical
                };
                prop_assert!(
                    outside_unit(*value)
                        && src
                            .get(IxDyn(index))
                            .is_some_and(|v| same(v.wide(), *value)),
                    "{:?} does not point at the value; {}",
                    err,
                    ctx
                );
            }
            _ => {}
        }
    }

    if ok {
        let loss = r_loss.expect("Ok");
        let (loss2, grad) = r_lg.expect("Ok");
        let per = r_ps.expect("Ok");
        let (per2, grad_sum) = r_psg.expect("Ok");
        prop_assert_eq!(per.shape(), &outer[..], "per_sample shape; {}", ctx);
        prop_assert_eq!(grad.shape(), &c.shape[..], "grad shape; {}", ctx);
        prop_assert_eq!(grad_sum.shape(), &c.shape[..], "grad shape; {}", ctx);
        prop_assert!(
            same(loss, loss2),
            "loss {} vs loss_and_grad {}; {}",
            loss,
            loss2,
            ctx
        );
        prop_assert!(
            same_arr(&per, &per2),
            "per_sample vs per_sample_and_grad; {}",
            ctx
        );
        if ok_into {
            let into = r_into.expect("Ok");
            prop_assert!(
                same(loss, into),
                "loss {} vs loss_and_grad_into {}; {}",
                loss,
                into,
                ctx
            );
            prop_assert!(
                same_arr(&gbuf.view(), &grad),
                "loss_and_grad_into's gradient differs {}; {}",
                first_diff(&gbuf.view(), &grad),
                ctx
            );
            prop_assert!(
                same_arr(&gbuf.backing, &gbuf.with(&grad)),
                "loss_and_grad_into wrote outside its view; {}",
                ctx
            );
        }

        // The reference, sample by sample (lanes along the class axis, in logical order).
        let inv_t = 1.0 / t.wide();
        // 1 − ε and ε / C as the type rounds them (ε / C may underflow to 0).
        // The weights aᵢ are computed in the type (the kernels do), so that a product that
        // underflows to 0 is 0 here too: 0 · (−inf) = 0 by the crate's convention.
        let keep = A::one() - eps_s;
        let share = eps_s / A::of(classes as f64);
        let w = |j: usize| weight.as_ref().map_or(A::one(), |w| w[j]);
        let x_lanes = lanes(&logical, Axis(axis));
        let q_lanes = if c.probs {
            lanes(&q_logical, Axis(axis))
        } else {
            vec![]
        };
        let label_list: Vec<usize> = labels.iter().copied().collect();
        let mut refs = Vec::with_capacity(x_lanes.len());
        let mut denominator = 0.0;
        for (r, xs) in x_lanes.iter().enumerate() {
            let a: Vec<f64> = if c.probs {
                let q = &q_lanes[r];
                if has_nan(q) {
                    refs.push(SampleRef {
                        nan: true,
                        ignored: false,
                        loss: f64::NAN,
                        loss_tol: 0.0,
                        grad: vec![f64::NAN; classes],
                        grad_tol: 0.0,
                        overflow: false,
                        grad_abs: 0.0,
                    });
                    continue;
                }
                (0..classes)
                    .map(|j| (w(j) * (keep * A::of(q[j]) + share)).wide())
                    .collect()
            } else {
                let y = label_list[r];
                if Some(y) == ignore {
                    refs.push(SampleRef {
                        nan: false,
                        ignored: true,
                        loss: 0.0,
                        loss_tol: 0.0,
                        grad: vec![0.0; classes],
                        grad_tol: 0.0,
                        overflow: false,
                        grad_abs: 0.0,
                    });
                    continue;
                }
                denominator += w(y).wide();
                (0..classes)
                    .map(|j| {
                        let aj = share * w(j);
                        if j == y { aj + keep * w(y) } else { aj }.wide()
                    })
                    .collect()
            };
            refs.push(ce_sample::<A>(xs, &a, c.input, inv_t));
        }
        if c.probs {
            denominator = refs.len() as f64;
        }
        let scale = match reduction {
            Reduction::Sum => 1.0,
            _ if denominator == 0.0 => 0.0,
            Reduction::Mean => 1.0 / denominator,
        };
        let nonneg = match c.input {
            Input::LogProbabilities => !logical.iter().any(|v| v.wide() > 0.0),
            _ => true,
        };
        let g_lanes = lanes(&grad, Axis(axis));
        let gs_lanes = lanes(&grad_sum, Axis(axis));
        let mut any_nan = false;
        let mut signs = [false; 2];
        let mut any_overflow = false;
        for (r, ((s, &got), (g, g1))) in refs
            .iter()
            .zip(per.iter())
            .zip(g_lanes.iter().zip(&gs_lanes))
            .enumerate()
        {
            let got = got.wide();
            if s.ignored {
                prop_assert!(
                    got == 0.0 && g.iter().chain(g1).all(|&v| v == 0.0),
                    "sample {}: ignored, must have loss 0 and gradient 0: {:e}, {:?}; {}",
                    r,
                    got,
                    g,
                    ctx
                );
                continue;
            }
            if s.nan {
                any_nan = true;
                continue;
            }
            // +inf and −inf losses (or ones beyond the type's range) sum to NaN.
            signs[usize::from(s.loss < 0.0)] |= s.loss.abs() > safe::<A>();
            prop_assert!(
                !got.is_nan(),
                "sample {}: NaN loss leaked into a sample without NaN: lane {:?}; {}",
                r,
                x_lanes[r],
                ctx
            );
            if nonneg {
                prop_assert!(got >= 0.0, "sample {}: loss {:e} < 0; {}", r, got, ctx);
            }
            if s.overflow {
                any_overflow = true;
            } else if s.loss.is_infinite() {
                prop_assert!(
                    got == s.loss || got.abs() > safe::<A>(),
                    "sample {}: loss {:e}, exact {:e}, lane {:?}; {}",
                    r,
                    got,
                    s.loss,
                    x_lanes[r],
                    ctx
                );
            } else if s.loss.abs() <= safe::<A>() {
                prop_assert!(
                    got.is_finite() && close(got, s.loss, REF_EPS * A::EPS, s.loss_tol),
                    "sample {}: loss {:e}, exact {:e}, lane {:?}; {}",
                    r,
                    got,
                    s.loss,
                    x_lanes[r],
                    ctx
                );
            }
            for (j, ((&want, &gv), &g1v)) in s.grad.iter().zip(g).zip(g1).enumerate() {
                for (what, gv, sc) in [
                    ("loss_and_grad", gv, scale),
                    ("per_sample_and_grad", g1v, 1.0),
                ] {
                    prop_assert!(
                        !gv.is_nan(),
                        "sample {} class {}: {} gradient NaN leaked: lane {:?}, exact {:?}; {}",
                        r,
                        j,
                        what,
                        x_lanes[r],
                        s.grad,
                        ctx
                    );
                    let w = want * sc;
                    if !s.overflow
                        && w.is_finite()
                        && w.abs() <= safe::<A>()
                        && (sc * inv_t) <= safe::<A>()
                    {
                        prop_assert!(
                            gv.is_finite()
                                && close(gv, w, REF_EPS * A::EPS, s.grad_tol * sc + s.grad_abs),
                            "sample {} class {}: {} gradient {:e}, exact {:e}; {}",
                            r,
                            j,
                            what,
                            gv,
                            w,
                            ctx
                        );
                    }
                }
            }
        }
        let loss = loss.wide();
        if !(any_nan || signs[0] && signs[1]) {
            prop_assert!(!loss.is_nan(), "loss NaN without a NaN sample; {}", ctx);
            if nonneg {
                prop_assert!(loss >= 0.0, "loss {:e} < 0; {}", loss, ctx);
            }
            let total: f64 = per.iter().map(|v| v.wide()).sum();
            let want = total * scale;
            let mag: f64 = per.iter().map(|v| v.wide().abs()).sum::<f64>() * scale;
            if mag <= safe::<A>() && scale <= safe::<A>() && !any_overflow {
                prop_assert!(
                    loss.is_finite() && close(loss, want, 0.0, 64.0 * A::EPS * mag + tiny::<A>()),
                    "loss {:e}, but the per-sample losses reduce to {:e}; {}",
                    loss,
                    want,
                    ctx
                );
            }
        }
    }

    ce_options::<A>(
        c,
        &ce,
        &|| (x.view(), targets()),
        (&allowed, &outer, classes),
        logical.iter().any(|v| v.wide().is_nan()),
        &ctx,
    )?;

    prop_assert!(
        identical(&xp.backing, &x_before),
        "logits changed {}; {}",
        first_diff(&xp.backing, &x_before),
        ctx
    );
    prop_assert!(lp_.view() == labels.view(), "labels changed; {}", ctx);
    prop_assert!(
        identical(&qp.view(), &q_logical),
        "targets changed; {}",
        ctx
    );
    Ok(())
}

/// The z-loss, the entropy bonus, the soft cap, the per-token outputs and `per_sample_backward`
/// on `ce_prop`'s inputs, with coefficients valid and not: no panic; an `Err` of the kinds the
/// docs list (`InvalidOption` for a bad coefficient, for options or outputs beyond the engine on
/// inputs that are not logits, for a target log-probability or rank with probability targets;
/// `ShapeMismatch` for an upstream gradient of the wrong shape); and where `Ok`, the outputs'
/// methods give the bits of the plain ones (`loss_and_grad_with` those of `loss_and_grad`,
/// `per_sample_backward` with upstream 1 those of `per_sample_and_grad`), coefficients of 0 the
/// bits of the loss without them, and the statistics stay in their ranges: entropy in
/// [0, ln C], log-probabilities ≤ 0, argmax and rank below C (the rank `usize::MAX` for an
/// ignored target), NaN only where an input is.
fn ce_options<'q, A: TestFloat>(
    c: &CeCase,
    base: &CrossEntropy<A>,
    call: &dyn Fn() -> (ndarray::ArrayViewD<'q, A>, Targets<'q, A>),
    (allowed, outer, classes): (&[Kind], &[usize], usize),
    input_nan: bool,
    ctx: &Ctx<'_>,
) -> Result<(), TestCaseError> {
    let mut rng = SplitMix(mix(c.seed, 31));
    let coef = |rng: &mut SplitMix, small: f64| match rng.below(8) {
        0..=2 => A::zero(),
        3 | 4 => A::of(small),
        5 => A::of(0.5),
        6 => A::of(-small),
        _ => [A::nan(), A::infinity()][rng.below(2)],
    };
    let z = coef(&mut rng, 1e-4);
    let beta = coef(&mut rng, 1e-2);
    let cap = match rng.below(8) {
        0..=3 => None,
        4 => Some(A::of(30.0)),
        5 => Some(A::of(1.0)),
        _ => Some([A::zero(), A::of(-2.0), A::infinity(), A::nan()][rng.below(4)]),
    };
    let mut ce = base.clone().z_loss(z).entropy_bonus(beta);
    if let Some(cap) = cap {
        ce = ce.soft_cap(cap);
    }
    let ctx = Ctx {
        ty: ctx.ty,
        parts: ctx.parts.clone(),
    }
    .with("z_loss", &z)
    .with("entropy_bonus", &beta)
    .with("soft_cap", &cap);
    let good = |v: A, zero_ok: bool| v.is_finite() && (v > A::zero() || zero_ok && v == A::zero());
    let bad_coef = !good(z, true) || !good(beta, true) || cap.is_some_and(|v| !good(v, false));
    let beyond = z > A::zero() || beta > A::zero() || cap.is_some();
    let mut plain = allowed.to_vec();
    if bad_coef || (c.input != Input::Logits && beyond) {
        plain.push(Kind::Option);
    }
    let mut with = plain.clone();
    if c.input != Input::Logits || c.probs {
        with.push(Kind::Option);
    }
    let all = TokenOutputs::ALL;
    let upstream = ArrayD::from_elem(IxDyn(outer), A::one());
    let bad_upstream = ArrayD::from_elem(IxDyn(&wrong_shape(outer, c.seed >> 3)), A::one());
    let r_l = no_panic("loss (options)", &ctx, || {
        let (x, t) = call();
        ce.loss(&x, t)
    })?;
    let r_lg = no_panic("loss_and_grad (options)", &ctx, || {
        let (x, t) = call();
        ce.loss_and_grad(&x, t)
    })?;
    let r_psg = no_panic("per_sample_and_grad (options)", &ctx, || {
        let (x, t) = call();
        ce.per_sample_and_grad(&x, t)
    })?;
    let r_lw = no_panic("loss_with", &ctx, || {
        let (x, t) = call();
        ce.loss_with(&x, t, all)
    })?;
    let r_lgw = no_panic("loss_and_grad_with", &ctx, || {
        let (x, t) = call();
        ce.loss_and_grad_with(&x, t, all)
    })?;
    let r_back = no_panic("per_sample_backward", &ctx, || {
        let (x, t) = call();
        ce.per_sample_backward(&x, t, &upstream)
    })?;
    let r_bad = no_panic("per_sample_backward (wrong upstream)", &ctx, || {
        let (x, t) = call();
        ce.per_sample_backward(&x, t, &bad_upstream)
    })?;
    outcome("loss (options)", &r_l, &plain, &ctx)?;
    outcome("loss_and_grad (options)", &r_lg, &plain, &ctx)?;
    outcome("per_sample_and_grad (options)", &r_psg, &plain, &ctx)?;
    outcome("loss_with", &r_lw, &with, &ctx)?;
    outcome("loss_and_grad_with", &r_lgw, &with, &ctx)?;
    outcome("per_sample_backward", &r_back, &plain, &ctx)?;
    let mut shape = plain.clone();
    shape.push(Kind::Shape);
    prop_assert!(
        r_bad.is_err(),
        "per_sample_backward took an upstream of the wrong shape; {}",
        ctx
    );
    outcome("per_sample_backward (wrong upstream)", &r_bad, &shape, &ctx)?;

    if let (Ok(l), Ok((l2, _))) = (&r_l, &r_lw) {
        prop_assert!(same(*l, *l2), "loss_with {:?} vs loss {:?}; {}", l2, l, ctx);
    }
    if let (Ok((l, g)), Ok((l2, g2, _))) = (&r_lg, &r_lgw) {
        prop_assert!(
            same(*l, *l2) && same_arr(g, g2),
            "loss_and_grad_with vs loss_and_grad; {}",
            ctx
        );
    }
    if let (Ok((_, g)), Ok(g2)) = (&r_psg, &r_back) {
        prop_assert!(
            same_arr(g, g2),
            "per_sample_backward with upstream 1 vs per_sample_and_grad; {}",
            ctx
        );
    }
    // Coefficients of 0: the bits of the loss without them.
    if z == A::zero() && beta == A::zero() && cap.is_none() {
        let r0 = no_panic("loss_and_grad (no options)", &ctx, || {
            let (x, t) = call();
            base.loss_and_grad(&x, t)
        })?;
        if let (Ok((l, g)), Ok((l0, g0))) = (&r_lg, &r0) {
            prop_assert!(
                same(*l, *l0) && same_arr(g, g0),
                "z_loss(0), entropy_bonus(0) changed the bits; {}",
                ctx
            );
        }
    }
    if let Ok((_, _, st)) = &r_lgw {
        let n = classes.max(1) as f64;
        let tol = 64.0 * A::EPS * (n.ln() + 1.0);
        for (what, v) in [
            ("entropy", &st.entropy),
            ("logsumexp", &st.logsumexp),
            ("target log-probability", &st.target_log_prob),
        ] {
            let v = v.as_ref().expect("asked for");
            prop_assert_eq!(v.shape(), outer, "{} shape; {}", what, ctx);
            for &e in v {
                let e = e.wide();
                prop_assert!(!e.is_nan() || input_nan, "{} NaN; {}", what, ctx);
                let ok = match what {
                    "entropy" => e.is_nan() || (e >= 0.0 && e <= n.ln() + tol),
                    "logsumexp" => true,
                    _ => e.is_nan() || e <= 0.0,
                };
                prop_assert!(
                    ok,
                    "{} {:e} out of range, C = {}; {}",
                    what,
                    e,
                    classes,
                    ctx
                );
            }
        }
        let (argmax, rank) = (st.argmax.as_ref(), st.rank.as_ref());
        let (argmax, rank) = (argmax.expect("asked for"), rank.expect("asked for"));
        prop_assert!(
            argmax.iter().all(|&k| k < classes.max(1)),
            "argmax out of range; {}",
            ctx
        );
        prop_assert!(
            rank.iter().all(|&k| k < classes || k == usize::MAX),
            "rank out of range; {}",
            ctx
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Elementwise losses: BCE, BCE with logits, focal, KL
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Which {
    Bce,
    BceLogits,
    Focal,
    Kl,
}

#[derive(Clone, Debug)]
struct ElemCase {
    which: Which,
    shape: Vec<usize>,
    layout: Layout,
    layout2: Layout,
    seed: u64,
    bad_target: bool,
    /// Inputs (BCE) or targets outside [0, 1].
    invalid: bool,
    /// 0 none, 1 full shape, 2 one per position of the last axis, 3 a single value `[1]`,
    /// 4 a shape that does not broadcast.
    weight: u8,
    /// 0 none, 1 right length, 2 wrong length.
    pos_weight: u8,
    /// Index into the alphas (0..=3 valid, then invalid).
    alpha: usize,
    /// Index into the gammas.
    gamma: usize,
    log_target: bool,
    sum: bool,
    bad_grad: bool,
}

fn elem_case_strategy() -> impl Strategy<Value = ElemCase> {
    (
        prop_oneof![
            Just(Which::Bce),
            Just(Which::BceLogits),
            Just(Which::Focal),
            Just(Which::Kl)
        ],
        shape_strategy(0, 3),
        layout_strategy(),
        layout_strategy(),
        any::<u64>(),
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.15),
        (
            prop_oneof![3 => Just(0_u8), 1 => 1_u8..5],
            prop_oneof![3 => Just(0_u8), 2 => Just(1_u8), 1 => Just(2_u8)],
            0_usize..8,
            0_usize..8,
            any::<bool>(),
            any::<bool>(),
            prop::bool::weighted(0.1),
        ),
    )
        .prop_map(
            |(
                which,
                shape,
                layout,
                layout2,
                seed,
                bad_target,
                invalid,
                (weight, pos_weight, alpha, gamma, log_target, sum, bad_grad),
            )| ElemCase {
                which,
                shape,
                layout,
                layout2,
                seed,
                bad_target,
                invalid,
                weight,
                pos_weight,
                alpha,
                gamma,
                log_target,
                sum,
                bad_grad,
            },
        )
}

fn alpha_of<A: TestFloat>(i: usize) -> Option<A> {
    match i % 8 {
        0 | 1 => Some(A::of(0.25)),
        2 => None,
        3 => Some(A::zero()),
        4 => Some(A::one()),
        5 => Some(A::of(1.5)),
        6 => Some(A::of(-0.1)),
        _ => Some(A::nan()),
    }
}

fn gamma_of<A: TestFloat>(i: usize) -> A {
    match i % 8 {
        0 | 1 => A::of(2.0),
        2 => A::zero(),
        3 => A::of(0.5),
        4 => A::of(5.0),
        5 => -A::one(),
        6 => A::nan(),
        _ => A::infinity(),
    }
}

fn mul0(c: f64, v: f64) -> f64 {
    if c == 0.0 { 0.0 } else { c * v }
}

/// BCE with logits of one element with `pos_weight`: (loss, d loss / dx), the documented limits
/// at ±inf.
/// The factors `1 − y` and `pw · y` are rounded to the type: where they underflow to 0, the
/// term is 0 even at x = ±inf.
fn bce_logits_f64<A: TestFloat>(x: f64, y: f64, pw: f64) -> (f64, f64) {
    let l = 1.0 + (pw - 1.0) * y;
    let tail = (-x.abs()).exp().ln_1p();
    let linear = if x >= 0.0 {
        mul0((A::one() - A::of(y)).wide(), x)
    } else {
        mul0((A::of(pw) * A::of(y)).wide(), -x)
    };
    (linear + mul0(l, tail), l * naive_sigmoid(x) - pw * y)
}

/// The exact loss of one element and its gradient, per the docs.
fn elem_ref<A: TestFloat>(
    which: Which,
    x: f64,
    y: f64,
    w: f64,
    pw: f64,
    alpha: Option<f64>,
    gamma: f64,
    log_target: bool,
) -> (f64, f64) {
    match which {
        Which::Bce => {
            let (lp, l1p) = (x.ln().max(-100.0), (-x).ln_1p().max(-100.0));
            let loss = -(mul0(y, lp) + mul0(1.0 - y, l1p));
            (mul0(w, loss), w * (x - y) / (x * (1.0 - x)).max(1e-12))
        }
        Which::BceLogits => {
            let (l, d) = bce_logits_f64::<A>(x, y, pw);
            (mul0(w, l), w * d)
        }
        Which::Focal => {
            let (ce, dce) = bce_logits_f64::<A>(x, y, 1.0);
            let (ln_p, ln_q) = (naive_log_sigmoid(x), naive_log_sigmoid(-x));
            let (a, b) = (ln_p + (1.0 - y).ln(), ln_q + y.ln());
            let m = a.max(b);
            let ln_u = if m == f64::NEG_INFINITY {
                m
            } else {
                m + ((a - m).exp() + (b - m).exp()).ln()
            };
            // Rounded to the type: where it underflows to 0 the loss is 0 even at ce = inf.
            let u_gamma = if gamma == 0.0 {
                1.0
            } else {
                A::of((gamma * ln_u).exp()).wide()
            };
            let alpha_t = alpha.map_or(1.0, |al| al * y + (1.0 - al) * (1.0 - y));
            let loss = mul0(alpha_t, mul0(u_gamma, ce));
            // (du/dx) / u = (1 − 2y) p (1 − p) / u; where p (1 − p) vanishes (|x| huge or
            // infinite) the focal term's limit is 0, as ce grows only linearly.
            let pq = (ln_p + ln_q).exp();
            let focal = if pq == 0.0 || gamma == 0.0 {
                0.0
            } else {
                let ratio = (1.0 - 2.0 * y) * (ln_p + ln_q - ln_u).exp();
                mul0(gamma * mul0(u_gamma, ce), ratio)
            };
            (loss, alpha_t * (dce * u_gamma + focal))
        }
        Which::Kl => {
            if log_target {
                let p = A::of(y.exp()).wide();
                (if y - x == 0.0 { 0.0 } else { mul0(p, y - x) }, -p)
            } else {
                (mul0(y, y.ln() - x), -y)
            }
        }
    }
}

fn elem_prop<A: TestFloat>(c: &ElemCase) -> Outcome {
    let nd = c.shape.len();
    let mut rng = SplitMix(mix(c.seed, 21));
    let logical: ArrayD<A> = match c.which {
        Which::Bce => gen_probs(&c.shape, c.seed, true, c.invalid && rng.below(2) == 0),
        _ => gen_arr(&c.shape, None, c.seed, ALL),
    };
    let t_shape = if c.bad_target {
        wrong_shape(&c.shape, c.seed)
    } else {
        c.shape.clone()
    };
    let target: ArrayD<A> = if c.which == Which::Kl && c.log_target {
        gen_arr(&t_shape, None, mix(c.seed, 22), ALL)
    } else {
        gen_probs(&t_shape, mix(c.seed, 22), true, c.invalid)
    };
    let last = c.shape.last().copied().unwrap_or(1);
    let weight: Option<ArrayD<A>> = match c.weight {
        0 => None,
        1 => Some(ArrayD::from_shape_fn(IxDyn(&c.shape), |_| {
            weight_value(&mut rng)
        })),
        2 => Some(ArrayD::from_shape_fn(IxDyn(&[last]), |_| {
            weight_value(&mut rng)
        })),
        3 => Some(ArrayD::from_elem(IxDyn(&[1]), A::of(2.0))),
        _ => Some(ArrayD::from_elem(
            IxDyn(&wrong_shape(&c.shape, c.seed >> 3)),
            A::one(),
        )),
    };
    let pos_weight: Option<Array1<A>> = match c.pos_weight {
        0 => None,
        1 => Some(Array1::from_shape_fn(last, |_| weight_value(&mut rng))),
        _ => Some(Array1::from_elem(last + 1, A::one())),
    };
    let weight = weight.filter(|_| matches!(c.which, Which::Bce | Which::BceLogits));
    let pos_weight = pos_weight.filter(|_| c.which == Which::BceLogits);
    let alpha = alpha_of::<A>(c.alpha);
    let gamma = gamma_of::<A>(c.gamma);
    let reduction = if c.sum {
        Reduction::Sum
    } else {
        Reduction::Mean
    };
    let xp = Placed::new(&logical, c.layout, A::nan());
    let tp = Placed::new(&target, c.layout2, A::nan());
    let (x_before, t_before) = (xp.backing.clone(), tp.backing.clone());
    let (x, t) = (xp.view(), tp.view());
    let ctx = Ctx::new::<A>(c)
        .with("input", &logical)
        .with("target", &target)
        .with("weight", &weight)
        .with("pos_weight", &pos_weight)
        .with("alpha", &alpha)
        .with("gamma", &gamma);

    // What each loss may answer.
    let mut allowed = Vec::new();
    if t_shape != c.shape {
        allowed.push(Kind::Shape);
    }
    let weight_ok = weight.as_ref().is_none_or(|w| {
        w.ndim() <= nd
            && w.shape()
                .iter()
                .zip(&c.shape[nd - w.ndim()..])
                .all(|(&m, &n)| m == n || m == 1)
    });
    let t_outside = target.iter().any(|v| outside_unit(v.wide()));
    match c.which {
        Which::Bce => {
            if !weight_ok {
                allowed.push(Kind::Shape);
            }
            if t_outside || logical.iter().any(|v| outside_unit(v.wide())) {
                allowed.push(Kind::Probability);
            }
        }
        Which::BceLogits => {
            if !weight_ok || pos_weight.as_ref().is_some_and(|p| p.len() != last) {
                allowed.push(Kind::Shape);
            }
            if t_outside {
                allowed.push(Kind::Probability);
            }
        }
        Which::Focal => {
            if alpha.is_some_and(|a| !(a >= A::zero() && a <= A::one()))
                || !(gamma >= A::zero() && gamma.is_finite())
            {
                allowed.push(Kind::Option);
            }
            if t_outside {
                allowed.push(Kind::Probability);
            }
        }
        Which::Kl => {
            if t_outside && !c.log_target {
                allowed.push(Kind::Probability);
            }
        }
    }

    let g_shape = if c.bad_grad {
        wrong_shape(&c.shape, c.seed >> 5)
    } else {
        c.shape.clone()
    };
    let mut gbuf = Placed::new(
        &ArrayD::from_elem(IxDyn(&g_shape), A::of(0.375)),
        c.layout2,
        A::nan(),
    );
    let g_before = gbuf.backing.clone();

    // Every method of the loss, and its shortcut where the options are the defaults.
    type Res<A> = Result<A, Error>;
    let mut loss: Res<A> = Ok(A::zero());
    let mut lg: Res<(A, ArrayD<A>)> = Ok((A::zero(), ArrayD::zeros(IxDyn(&[]))));
    let mut into: Option<Res<A>> = None;
    let mut per: Res<ArrayD<A>> = Ok(ArrayD::zeros(IxDyn(&[])));
    let mut psg: Option<Res<(ArrayD<A>, ArrayD<A>)>> = None;
    let mut shortcut: Option<(Res<A>, Option<Res<(A, ArrayD<A>)>>)> = None;
    let plain = weight.is_none() && pos_weight.is_none() && !c.sum;
    no_panic("elementwise loss", &ctx, || match c.which {
        Which::Bce => {
            let mut b = BinaryCrossEntropy::<A>::new().reduction(reduction);
            if let Some(w) = &weight {
                b = b.weight(w.clone());
            }
            loss = b.loss(&x, &t);
            lg = b.loss_and_grad(&x, &t);
            into = Some(b.loss_and_grad_into(&x, &t, &mut gbuf.view_mut()));
            per = b.per_sample(&x, &t);
            psg = Some(b.per_sample_and_grad(&x, &t));
            if plain {
                shortcut = Some((
                    binary_cross_entropy(&x, &t),
                    Some(binary_cross_entropy_and_grad(&x, &t)),
                ));
            }
        }
        Which::BceLogits => {
            let mut b = BinaryCrossEntropyWithLogits::<A>::new().reduction(reduction);
            if let Some(w) = &weight {
                b = b.weight(w.clone());
            }
            if let Some(p) = &pos_weight {
                b = b.pos_weight(p.clone());
            }
            loss = b.loss(&x, &t);
            lg = b.loss_and_grad(&x, &t);
            into = Some(b.loss_and_grad_into(&x, &t, &mut gbuf.view_mut()));
            per = b.per_sample(&x, &t);
            psg = Some(b.per_sample_and_grad(&x, &t));
            if plain {
                shortcut = Some((
                    binary_cross_entropy_with_logits(&x, &t),
                    Some(binary_cross_entropy_with_logits_and_grad(&x, &t)),
                ));
            }
        }
        Which::Focal => {
            let mut f = SigmoidFocalLoss::<A>::new()
                .gamma(gamma)
                .reduction(reduction);
            f = match alpha {
                Some(a) => f.alpha(a),
                None => f.without_alpha(),
            };
            loss = f.loss(&x, &t);
            lg = f.loss_and_grad(&x, &t);
            into = Some(f.loss_and_grad_into(&x, &t, &mut gbuf.view_mut()));
            per = f.per_sample(&x, &t);
            psg = Some(f.per_sample_and_grad(&x, &t));
            if !c.sum {
                shortcut = Some((sigmoid_focal_loss(&x, &t, alpha, gamma), None));
            }
        }
        Which::Kl => {
            let k = KlDiv::new().log_target(c.log_target).reduction(reduction);
            loss = k.loss(&x, &t);
            lg = k.loss_and_grad(&x, &t);
            per = k.per_sample(&x, &t);
            if plain && !c.log_target {
                shortcut = Some((kl_div(&x, &t), Some(kl_div_and_grad(&x, &t))));
            }
        }
    })?;

    let ok = outcome("loss", &loss, &allowed, &ctx)?;
    outcome("loss_and_grad", &lg, &allowed, &ctx)?;
    outcome("per_sample", &per, &allowed, &ctx)?;
    if let Some(psg) = &psg {
        outcome("per_sample_and_grad", psg, &allowed, &ctx)?;
    }
    let mut ok_into = false;
    if let Some(into) = &into {
        let mut allowed_into = allowed.clone();
        if c.bad_grad {
            allowed_into.push(Kind::Shape);
        }
        ok_into = outcome("loss_and_grad_into", into, &allowed_into, &ctx)?;
        if !ok_into {
            prop_assert!(
                identical(&gbuf.backing, &g_before),
                "loss_and_grad_into touched grad on error; {}",
                ctx
            );
        }
    }
    if let Some((l1, l2)) = &shortcut {
        let same_result = match (l1, &loss) {
            (Ok(a), Ok(b)) => same(*a, *b),
            (Err(a), Err(b)) => format!("{a:?}") == format!("{b:?}"),
            _ => false,
        };
        prop_assert!(
            same_result,
            "shortcut {:?} vs builder {:?}; {}",
            l1,
            loss,
            ctx
        );
        if let Some(l2) = l2 {
            let same_result = match (l2, &lg) {
                (Ok(a), Ok(b)) => same(a.0, b.0) && same_arr(&a.1, &b.1),
                (Err(a), Err(b)) => format!("{a:?}") == format!("{b:?}"),
                _ => false,
            };
            prop_assert!(same_result, "shortcut _and_grad vs builder; {}", ctx);
        }
    }
    if let Err(Error::InvalidProbability { what, index, value }) = &loss {
        let src = if *what == "target" { &target } else { &logical };
        prop_assert!(
            outside_unit(*value)
                && src
                    .get(IxDyn(index))
                    .is_some_and(|v| same(v.wide(), *value)),
            "{:?} does not point at the value; {}",
            loss,
            ctx
        );
    }

    if ok {
        let loss = loss.expect("Ok");
        let (loss2, grad) = lg.expect("Ok");
        let per = per.expect("Ok");
        prop_assert!(
            same(loss, loss2),
            "loss {} vs loss_and_grad {}; {}",
            loss,
            loss2,
            ctx
        );
        prop_assert_eq!(per.shape(), &c.shape[..]);
        prop_assert_eq!(grad.shape(), &c.shape[..]);
        if ok_into {
            let into = into.expect("some").expect("Ok");
            prop_assert!(
                same(loss, into),
                "loss {} vs loss_and_grad_into {}; {}",
                loss,
                into,
                ctx
            );
            prop_assert!(
                same_arr(&gbuf.view(), &grad),
                "loss_and_grad_into's gradient differs {}; {}",
                first_diff(&gbuf.view(), &grad),
                ctx
            );
            prop_assert!(
                same_arr(&gbuf.backing, &gbuf.with(&grad)),
                "loss_and_grad_into wrote outside its view; {}",
                ctx
            );
        }
        let grad_sum = match psg {
            Some(r) => {
                let (per2, g) = r.expect("Ok");
                prop_assert!(
                    same_arr(&per, &per2),
                    "per_sample vs per_sample_and_grad; {}",
                    ctx
                );
                Some(g)
            }
            None => None,
        };
        let n = c.shape.iter().product::<usize>();
        let denominator = match c.which {
            Which::Kl => c.shape.first().copied().unwrap_or(1),
            _ => n,
        } as f64;
        let scale = match reduction {
            Reduction::Sum => 1.0,
            _ if denominator == 0.0 => 0.0,
            Reduction::Mean => 1.0 / denominator,
        };
        let wb = weight
            .as_ref()
            .map(|w| w.broadcast(IxDyn(&c.shape)).expect("broadcasts").to_owned());
        let pwb = pos_weight.as_ref().map(|p| {
            if nd == 0 {
                ArrayD::from_elem(IxDyn(&[]), p[0])
            } else {
                p.broadcast(IxDyn(&c.shape)).expect("broadcasts").to_owned()
            }
        });
        let e = A::EPS;
        let mut any_nan = false;
        let mut signs = [false; 2];
        let mut mag = 0.0;
        for (i, ((&xv, &yv), &got)) in logical
            .iter()
            .zip(target.iter())
            .zip(per.iter())
            .enumerate()
        {
            let idx: Vec<usize> = {
                let mut rem = i;
                let mut v = vec![0; nd];
                for k in (0..nd).rev() {
                    v[k] = rem % c.shape[k];
                    rem /= c.shape[k];
                }
                v
            };
            let w = wb.as_ref().map_or(1.0, |w| w[IxDyn(&idx)].wide());
            let pw = pwb.as_ref().map_or(1.0, |p| p[IxDyn(&idx)].wide());
            let (xv, yv, got) = (xv.wide(), yv.wide(), got.wide());
            let gv = grad[IxDyn(&idx)].wide();
            let g1 = grad_sum.as_ref().map(|g| g[IxDyn(&idx)].wide());
            if xv.is_nan() || yv.is_nan() {
                any_nan = true;
                continue;
            }
            let (want, dwant) = elem_ref::<A>(
                c.which,
                xv,
                yv,
                w,
                pw,
                alpha.map(TestFloat::wide),
                gamma.wide(),
                c.log_target,
            );
            if want.is_nan() {
                any_nan = true;
                continue;
            }
            prop_assert!(
                !got.is_nan() && !gv.is_nan() && !g1.is_some_and(f64::is_nan),
                "element {:?}: NaN leaked (x {:e}, y {:e}): loss {:e}, grad {:e}, {:?}; {}",
                idx,
                xv,
                yv,
                got,
                gv,
                g1,
                ctx
            );
            // +inf and −inf elements (or ones beyond the type's range) sum to NaN.
            signs[usize::from(want < 0.0)] |= want.abs() > safe::<A>();
            mag += got.abs();
            if c.which != Which::Kl {
                prop_assert!(got >= 0.0, "element {:?}: loss {:e} < 0; {}", idx, got, ctx);
            }
            if want.is_infinite() {
                prop_assert!(
                    got == want || got.abs() > safe::<A>(),
                    "element {:?}: loss {:e}, exact {:e}; {}",
                    idx,
                    got,
                    want,
                    ctx
                );
            } else if want.abs() <= safe::<A>() && (w == 0.0 || (want / w).abs() <= safe::<A>()) {
                // (The loss before its weight may overflow on its own.)
                let tol =
                    REF_EPS * e * (want.abs() + w.abs() * (1.0 + pw.abs()) + 1.0) + tiny::<A>();
                let tol = if c.which == Which::Kl {
                    tol + REF_EPS * e * yv.abs() * xv.abs() + REF_EPS * e * mul0(yv.exp(), xv.abs())
                } else {
                    tol
                };
                prop_assert!(
                    got.is_finite() && close(got, want, REF_EPS * e, tol),
                    "element {:?}: loss {:e}, exact {:e} (x {:e}, y {:e}, w {:e}, pw {:e}); {}",
                    idx,
                    got,
                    want,
                    xv,
                    yv,
                    w,
                    pw,
                    ctx
                );
            }
            if dwant.is_finite() && dwant.abs() <= safe::<A>() {
                let tol = REF_EPS * e * (dwant.abs() + w.abs() * (1.0 + pw.abs())) + tiny::<A>();
                for (what, gv, sc) in [
                    ("loss_and_grad", Some(gv), scale),
                    ("per_sample_and_grad", g1, 1.0),
                ] {
                    if let Some(gv) = gv {
                        prop_assert!(
                            gv.is_finite() && close(gv, dwant * sc, 0.0, tol * sc),
                            "element {:?}: {} gradient {:e}, exact {:e} (x {:e}, y {:e}); {}",
                            idx,
                            what,
                            gv,
                            dwant * sc,
                            xv,
                            yv,
                            ctx
                        );
                    }
                }
            }
        }
        let loss = loss.wide();
        if !(any_nan || signs[0] && signs[1]) {
            prop_assert!(!loss.is_nan(), "loss NaN without a NaN element; {}", ctx);
            if c.which != Which::Kl {
                prop_assert!(loss >= 0.0, "loss {:e} < 0; {}", loss, ctx);
            }
            let total: f64 = per.iter().map(|v| v.wide()).sum();
            if mag <= safe::<A>() {
                prop_assert!(
                    loss.is_finite()
                        && close(
                            loss,
                            total * scale,
                            0.0,
                            64.0 * e * mag * scale + tiny::<A>()
                        ),
                    "loss {:e}, but the elements reduce to {:e}; {}",
                    loss,
                    total * scale,
                    ctx
                );
            }
        }
    }
    prop_assert!(identical(&xp.backing, &x_before), "input changed; {}", ctx);
    prop_assert!(identical(&tp.backing, &t_before), "target changed; {}", ctx);
    Ok(())
}

// ---------------------------------------------------------------------------
// LinearCrossEntropy
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct LinearCase {
    n: usize,
    d: usize,
    v: usize,
    layout_h: Layout,
    layout_w: Layout,
    seed: u64,
    /// 0: tame values; 1: tame `w`, a bias with some −inf (masked classes), adversarial rows of
    /// `h`; 2: everything adversarial.
    mode: u8,
    /// 0 none, 1 right length, 2 wrong length.
    bias: u8,
    /// `w` has a wrong number of columns.
    bad_w: bool,
    bad_targets: bool,
    probability_targets: bool,
    invalid: bool,
    ignore: u8,
    smoothing: usize,
    temperature: usize,
    chunk: usize,
    sum: bool,
    /// Class weights: 0 none, 1 tame (in [0, 3], some 0), 2 wrong length.
    weight: u8,
}

fn linear_case_strategy() -> impl Strategy<Value = LinearCase> {
    (
        (
            prop::sample::select(vec![0_usize, 1, 2, 3, 7, 9, 17]),
            prop::sample::select(vec![0_usize, 1, 2, 3, 8]),
            prop::sample::select(vec![0_usize, 1, 2, 3, 7, 17, 33]),
            layout_strategy(),
            layout_strategy(),
            any::<u64>(),
            0_u8..3,
            prop_oneof![2 => Just(0_u8), 2 => Just(1_u8), 1 => Just(2_u8)],
        ),
        (
            prop::bool::weighted(0.07),
            prop::bool::weighted(0.07),
            prop::bool::weighted(0.05),
            prop::bool::weighted(0.1),
            0_u8..3,
            prop_oneof![3 => 0_usize..8, 1 => 8_usize..12],
            prop_oneof![3 => 0_usize..7, 1 => 7_usize..16],
            0_usize..7,
            any::<bool>(),
            prop_oneof![4 => Just(0_u8), 4 => Just(1_u8), 1 => Just(2_u8)],
        ),
    )
        .prop_map(
            |(
                (n, d, v, layout_h, layout_w, seed, mode, bias),
                (
                    bad_w,
                    bad_targets,
                    probability_targets,
                    invalid,
                    ignore,
                    smoothing,
                    temperature,
                    chunk,
                    sum,
                    weight,
                ),
            )| LinearCase {
                n,
                d,
                v,
                layout_h,
                layout_w,
                seed,
                mode,
                bias,
                bad_w,
                bad_targets,
                probability_targets,
                invalid,
                ignore,
                smoothing,
                temperature,
                chunk,
                sum,
                weight,
            },
        )
}

fn linear_prop<A: TestFloat>(c: &LinearCase) -> Outcome {
    let mut rng = SplitMix(mix(c.seed, 31));
    let (n, d, v) = (c.n, c.d, c.v);
    let wd = if c.bad_w { d + 1 } else { d };
    let tame_w = c.mode < 2;
    // Modest values, so that no logit overflows in tame mode: |h|, |w| ≤ 2.
    let scaled = |a: ArrayD<A>| {
        a.mapv(|x| {
            if x.abs() <= A::of(8.0) {
                x / A::of(4.0)
            } else {
                x
            }
        })
    };
    let h_logical: ArrayD<A> = scaled(gen_arr(
        &[n, d],
        Some(1),
        c.seed,
        if c.mode == 0 { TAME } else { ALL },
    ));
    let w_logical: ArrayD<A> = scaled(gen_arr(
        &[v, wd],
        Some(1),
        mix(c.seed, 1),
        if tame_w { TAME } else { ALL },
    ));
    let bias: Option<Array1<A>> = match c.bias {
        0 => None,
        1 => Some(Array1::from_shape_fn(v, |_| {
            if c.mode == 1 && rng.below(4) == 0 {
                // A masked class.
                A::neg_infinity()
            } else if tame_w {
                A::of(rng.uniform(-2.0, 2.0))
            } else {
                value(&mut rng, Flavor::Nan)
            }
        })),
        _ => Some(Array1::zeros(v + 1)),
    };
    let weight: Option<Array1<A>> = match c.weight {
        0 => None,
        1 => Some(Array1::from_shape_fn(v, |_| match rng.below(6) {
            0 => A::zero(),
            _ => A::of(rng.uniform(0.0, 3.0)),
        })),
        _ => Some(Array1::ones(v + 2)),
    };
    let ignore = match c.ignore {
        0 => None,
        1 => Some(rng.below(v.max(1))),
        _ => Some(v + 3),
    };
    let t_len = if c.bad_targets { n + 1 } else { n };
    let targets: Vec<usize> = (0..t_len)
        .map(|_| match rng.below(10) {
            0 if c.invalid => v + rng.below(3),
            1 if ignore.is_some() => ignore.unwrap_or(0),
            _ if v == 0 => ignore.unwrap_or(0),
            _ => rng.below(v),
        })
        .collect();
    let q = Array2::<A>::zeros((n, v));
    let t = temperature::<A>(if c.mode == 0 {
        c.temperature % 7
    } else {
        c.temperature
    });
    let eps_s = smoothing::<A>(c.smoothing);
    let chunk = [0, 1, 2, 3, 7, 64, 4096][c.chunk];
    let reduction = if c.sum {
        Reduction::Sum
    } else {
        Reduction::Mean
    };
    let mut lce = LinearCrossEntropy::<A>::new()
        .temperature(t)
        .label_smoothing(eps_s)
        .chunk_size(chunk)
        .reduction(reduction);
    if let Some(b) = &bias {
        lce = lce.bias(b.clone());
    }
    if let Some(i) = ignore {
        lce = lce.ignore_index(i);
    }
    if let Some(wt) = &weight {
        lce = lce.weight(wt.clone());
    }
    let hp = Placed::new(&h_logical, c.layout_h, A::nan());
    let wp = Placed::new(&w_logical, c.layout_w, A::nan());
    let (h_before, w_before) = (hp.backing.clone(), wp.backing.clone());
    let h = hp.view().into_dimensionality::<Ix2>().expect("2-D");
    let w = wp.view().into_dimensionality::<Ix2>().expect("2-D");
    let ctx = Ctx::new::<A>(c)
        .with("h", &h_logical)
        .with("w", &w_logical)
        .with("bias", &bias)
        .with("weight", &weight)
        .with("targets", &targets)
        .with("t", &t)
        .with("label_smoothing", &eps_s);

    let mut allowed = Vec::new();
    if !valid_temperature(t) {
        allowed.push(Kind::Temperature);
    }
    if !(eps_s >= A::zero() && eps_s <= A::one()) {
        allowed.push(Kind::Smoothing);
    }
    if chunk == 0 || c.probability_targets {
        allowed.push(Kind::Option);
    }
    if c.bad_w || c.bias == 2 || c.weight == 2 || (c.bad_targets && !c.probability_targets) {
        allowed.push(Kind::Shape);
    }
    if !c.probability_targets && targets.iter().any(|&y| y >= v && Some(y) != ignore) {
        allowed.push(Kind::Label);
    }

    let (r_loss, r_grads) = no_panic("LinearCrossEntropy", &ctx, || {
        if c.probability_targets {
            (
                lce.loss(&h, &w, Targets::probabilities(&q)),
                lce.loss_and_grad(&h, &w, Targets::probabilities(&q)),
            )
        } else {
            (
                lce.loss(&h, &w, &targets),
                lce.loss_and_grad(&h, &w, &targets[..]),
            )
        }
    })?;
    // The other methods, into buffers of the inputs' shapes that hold NaN.
    let mut dh = Array2::<A>::from_elem((n, d), A::nan());
    let mut dw = Array2::<A>::from_elem((v, wd), A::nan());
    let mut db = bias
        .as_ref()
        .map(|b| Array1::<A>::from_elem(b.len(), A::nan()));
    let (r_into, r_per, r_per_grad) = no_panic("LinearCrossEntropy (others)", &ctx, || {
        let db = db.as_deref_mut();
        if c.probability_targets {
            let qt = || Targets::probabilities(&q);
            (
                lce.loss_and_grad_into(&h, &w, qt(), &mut dh, &mut dw, db),
                lce.per_sample(&h, &w, qt()),
                lce.per_sample_and_grad(&h, &w, qt()),
            )
        } else {
            (
                lce.loss_and_grad_into(&h, &w, &targets, &mut dh, &mut dw, db),
                lce.per_sample(&h, &w, &targets),
                lce.per_sample_and_grad(&h, &w, &targets),
            )
        }
    })?;
    let ok = outcome("LinearCrossEntropy::loss", &r_loss, &allowed, &ctx)?;
    outcome(
        "LinearCrossEntropy::loss_and_grad",
        &r_grads,
        &allowed,
        &ctx,
    )?;
    outcome(
        "LinearCrossEntropy::loss_and_grad_into",
        &r_into,
        &allowed,
        &ctx,
    )?;
    outcome("LinearCrossEntropy::per_sample", &r_per, &allowed, &ctx)?;
    outcome(
        "LinearCrossEntropy::per_sample_and_grad",
        &r_per_grad,
        &allowed,
        &ctx,
    )?;
    if ok {
        let loss = r_loss.expect("Ok").wide();
        let g = r_grads.expect("Ok");
        // `_into` writes `loss_and_grad`'s bits, whatever its buffers held.
        prop_assert!(
            same(r_into.expect("Ok").wide(), g.loss.wide()),
            "_into loss; {}",
            ctx
        );
        let bits =
            |a: &Array2<A>, b: &Array2<A>| a.iter().zip(b).all(|(x, y)| same(x.wide(), y.wide()));
        prop_assert!(
            bits(&dh, &g.dh) && bits(&dw, &g.dw),
            "_into gradients; {}",
            ctx
        );
        if let (Some(a), Some(b)) = (&db, &g.dbias) {
            prop_assert!(
                a.iter().zip(b).all(|(x, y)| same(x.wide(), y.wide())),
                "_into dbias; {}",
                ctx
            );
        }
        // The per-sample losses: one per row, 0 where ignored; `per_sample_and_grad` gives the
        // same, and its gradients are `loss_and_grad`'s with the sum (checked against the
        // reference below when the reduction is the sum).
        let per = r_per.expect("Ok");
        let (per2, pg) = r_per_grad.expect("Ok");
        prop_assert_eq!(per.len(), n);
        prop_assert!(
            per.iter().zip(&per2).all(|(x, y)| same(x.wide(), y.wide())),
            "per_sample vs per_sample_and_grad; {}",
            ctx
        );
        for r in 0..n {
            if Some(targets[r]) == ignore {
                prop_assert!(
                    per[r] == A::zero(),
                    "ignored row {} has loss {:e}; {}",
                    r,
                    per[r].wide(),
                    ctx
                );
            }
        }
        if c.sum {
            prop_assert!(
                same(pg.loss.wide(), g.loss.wide())
                    || close(pg.loss.wide(), g.loss.wide(), 64.0 * A::EPS, tiny::<A>()),
                "per_sample_and_grad's sum vs the summed loss; {}",
                ctx
            );
            prop_assert!(
                bits(&pg.dh, &g.dh) && bits(&pg.dw, &g.dw),
                "per_sample_and_grad's gradients vs the sum's; {}",
                ctx
            );
        }
        prop_assert_eq!(g.dh.dim(), (n, d));
        prop_assert_eq!(g.dw.dim(), (v, d));
        prop_assert_eq!(
            g.dbias.as_ref().map(Array1::len),
            bias.as_ref().map(Array1::len)
        );
        let lg = g.loss.wide();
        let e = A::EPS;
        // The f64 reference, through the logits.
        let inv_t = 1.0 / t.wide();
        let eps_w = eps_s.wide();
        let hw = h_logical.mapv(TestFloat::wide);
        let ww = w_logical.mapv(TestFloat::wide);
        let mut counted = 0.0;
        let mut total = 0.0;
        let mut row_nan = vec![false; n];
        let mut big = vec![vec![0.0; v]; n];
        for r in 0..n {
            let z: Vec<f64> = (0..v)
                .map(|j| {
                    (0..d).map(|k| hw[[r, k]] * ww[[j, k]]).sum::<f64>()
                        + bias.as_ref().map_or(0.0, |b| b[j].wide())
                })
                .collect();
            let y = targets[r];
            if Some(y) == ignore {
                continue;
            }
            let om = |j: usize| weight.as_ref().map_or(1.0, |wt| wt[j].wide());
            counted += om(y);
            let a: Vec<f64> = (0..v)
                .map(|j| {
                    eps_w / v as f64 * om(j) + if j == y { (1.0 - eps_w) * om(y) } else { 0.0 }
                })
                .collect();
            let s = ce_sample::<A>(&z, &a, Input::Logits, inv_t);
            row_nan[r] = s.nan;
            total += s.loss;
            big[r] = s.grad;
        }
        let scale = match reduction {
            Reduction::Sum => 1.0,
            _ if counted == 0.0 => 0.0,
            Reduction::Mean => 1.0 / counted,
        };
        if c.mode == 0 {
            // Everything finite and moderate: the loss and every gradient finite and near the
            // reference.
            let want = total * scale;
            let zmax = 16.0 * d as f64 + 2.0;
            let tol = REF_EPS * e * (want.abs() + (zmax * inv_t + 1.0) * (1.0 + scale * counted))
                + tiny::<A>();
            prop_assert!(
                loss.is_finite()
                    && lg.is_finite()
                    && close(loss, want, 0.0, tol)
                    && close(lg, want, 0.0, tol)
                    && loss >= 0.0,
                "LinearCrossEntropy loss {:e} / {:e}, exact {:e}; {}",
                loss,
                lg,
                want,
                ctx
            );
            let gtol = REF_EPS
                * e
                * inv_t
                * scale.max(1e-300)
                * 4.0
                * (d as f64 + 1.0)
                * (v as f64 + n as f64 + 1.0)
                + tiny::<A>();
            for r in 0..n {
                for k in 0..d {
                    let want: f64 = (0..v).map(|j| big[r][j] * ww[[j, k]]).sum::<f64>() * scale;
                    let got = g.dh[(r, k)].wide();
                    prop_assert!(
                        got.is_finite() && close(got, want, 0.0, gtol),
                        "dh[{}, {}] = {:e}, exact {:e}; {}",
                        r,
                        k,
                        got,
                        want,
                        ctx
                    );
                }
            }
            for j in 0..v {
                for k in 0..d {
                    let want: f64 = (0..n).map(|r| big[r][j] * hw[[r, k]]).sum::<f64>() * scale;
                    let got = g.dw[(j, k)].wide();
                    prop_assert!(
                        got.is_finite() && close(got, want, 0.0, gtol),
                        "dw[{}, {}] = {:e}, exact {:e}; {}",
                        j,
                        k,
                        got,
                        want,
                        ctx
                    );
                }
                if let Some(db) = &g.dbias {
                    let want: f64 = (0..n).map(|r| big[r][j]).sum::<f64>() * scale;
                    let got = db[j].wide();
                    prop_assert!(
                        got.is_finite() && close(got, want, 0.0, gtol),
                        "dbias[{}] = {:e}, exact {:e}; {}",
                        j,
                        got,
                        want,
                        ctx
                    );
                }
            }
        } else if c.mode == 1 {
            // Tame w and bias: a row of h whose values are tame (and all rows, for ignored rows)
            // keeps a finite gradient where the exact one is in range (a temperature near 0
            // takes it beyond); NaN elsewhere must not leak into it.
            for r in 0..n {
                let row: Vec<f64> = (0..d).map(|k| hw[[r, k]]).collect();
                let ignored = Some(targets[r]) == ignore;
                let bound = (0..d)
                    .map(|k| (0..v).map(|j| (big[r][j] * ww[[j, k]]).abs()).sum::<f64>())
                    .fold(0.0, f64::max)
                    * scale;
                if ignored
                    || (lane_tame(&row)
                        && row.iter().all(|v| v.abs() <= 1e3)
                        && bound <= safe::<A>())
                {
                    for k in 0..d {
                        let got = g.dh[(r, k)];
                        prop_assert!(
                            got.is_finite() && (!ignored || got == A::zero()),
                            "dh[{}, {}] = {:e}: a tame (or ignored) row must keep a finite (zero) gradient; {}",
                            r,
                            k,
                            got.wide(),
                            ctx
                        );
                    }
                }
            }
            // Unless the logits over T overflow somewhere.
            let zmax = hw.iter().fold(0.0_f64, |m, v| m.max(v.abs())) * 2.0 * d as f64 + 2.0;
            if !row_nan.iter().any(|&b| b)
                && !hw.iter().any(|v| !v.is_finite() || v.abs() > 1e3)
                && 2.0 * zmax * inv_t * (v as f64 + 1.0) <= safe::<A>()
            {
                prop_assert!(!loss.is_nan(), "loss NaN; {}", ctx);
            }
        }
        prop_assert!(
            same(loss, lg) || close(loss, lg, 64.0 * e, tiny::<A>()),
            "loss {:e} vs loss_and_grad {:e}; {}",
            loss,
            lg,
            ctx
        );
    }
    // The z-loss, the bonus, the soft cap, the per-token outputs and `per_sample_backward`, as
    // `ce_options` checks them.
    let mut rng = SplitMix(mix(c.seed, 41));
    let coef = |rng: &mut SplitMix, small: f64| match rng.below(8) {
        0..=2 => A::zero(),
        3 | 4 => A::of(small),
        5 => A::of(0.5),
        6 => A::of(-small),
        _ => [A::nan(), A::infinity()][rng.below(2)],
    };
    let (z, beta) = (coef(&mut rng, 1e-4), coef(&mut rng, 1e-2));
    let cap = match rng.below(8) {
        0..=3 => None,
        4 => Some(A::of(30.0)),
        5 => Some(A::of(1.0)),
        _ => Some([A::zero(), A::of(-2.0), A::infinity(), A::nan()][rng.below(4)]),
    };
    let mut lce2 = lce.clone().z_loss(z).entropy_bonus(beta);
    if let Some(cap) = cap {
        lce2 = lce2.soft_cap(cap);
    }
    let ctx = ctx
        .with("z_loss", &z)
        .with("entropy_bonus", &beta)
        .with("soft_cap", &cap);
    let good = |v: A, zero_ok: bool| v.is_finite() && (v > A::zero() || zero_ok && v == A::zero());
    let mut plain = allowed.clone();
    if !good(z, true) || !good(beta, true) || cap.is_some_and(|v| !good(v, false)) {
        plain.push(Kind::Option);
    }
    let mut with = plain.clone();
    if c.probability_targets {
        with.push(Kind::Option);
    }
    let all = TokenOutputs::ALL;
    // As many as the targets (a wrong number of class targets is an error already).
    let up = Array1::<A>::ones(if c.probability_targets { n } else { t_len });
    let bad_up = Array1::<A>::ones(n + 2);
    let (r_lg, r_psg, r_lw, r_lgw, r_back, r_bad) =
        no_panic("LinearCrossEntropy (options)", &ctx, || {
            if c.probability_targets {
                let qt = || Targets::probabilities(&q);
                (
                    lce2.loss_and_grad(&h, &w, qt()),
                    lce2.per_sample_and_grad(&h, &w, qt()),
                    lce2.loss_with(&h, &w, qt(), all).map(|r| r.0),
                    lce2.loss_and_grad_with(&h, &w, qt(), all),
                    lce2.per_sample_backward(&h, &w, qt(), &up),
                    lce2.per_sample_backward(&h, &w, qt(), &bad_up),
                )
            } else {
                (
                    lce2.loss_and_grad(&h, &w, &targets),
                    lce2.per_sample_and_grad(&h, &w, &targets),
                    lce2.loss_with(&h, &w, &targets, all).map(|r| r.0),
                    lce2.loss_and_grad_with(&h, &w, &targets, all),
                    lce2.per_sample_backward(&h, &w, &targets, &up),
                    lce2.per_sample_backward(&h, &w, &targets, &bad_up),
                )
            }
        })?;
    outcome(
        "LinearCrossEntropy::loss_and_grad (options)",
        &r_lg,
        &plain,
        &ctx,
    )?;
    outcome(
        "LinearCrossEntropy::per_sample_and_grad (options)",
        &r_psg,
        &plain,
        &ctx,
    )?;
    outcome("LinearCrossEntropy::loss_with", &r_lw, &with, &ctx)?;
    outcome(
        "LinearCrossEntropy::loss_and_grad_with",
        &r_lgw,
        &with,
        &ctx,
    )?;
    outcome(
        "LinearCrossEntropy::per_sample_backward",
        &r_back,
        &plain,
        &ctx,
    )?;
    let mut shape = plain.clone();
    shape.push(Kind::Shape);
    prop_assert!(
        r_bad.is_err(),
        "per_sample_backward took {} upstream values; {}",
        n + 2,
        ctx
    );
    outcome(
        "LinearCrossEntropy::per_sample_backward (wrong upstream)",
        &r_bad,
        &shape,
        &ctx,
    )?;
    let same_grads = |a: &logits::LinearGrads<A>, b: &logits::LinearGrads<A>| {
        let arr = |x: &Array2<A>, y: &Array2<A>| x.iter().zip(y).all(|(&p, &q)| same(p, q));
        arr(&a.dh, &b.dh)
            && arr(&a.dw, &b.dw)
            && match (&a.dbias, &b.dbias) {
                (Some(x), Some(y)) => x.iter().zip(y).all(|(&p, &q)| same(p, q)),
                (None, None) => true,
                _ => false,
            }
    };
    if let (Ok(g), Ok((g2, st))) = (&r_lg, &r_lgw) {
        prop_assert!(
            same(g.loss, g2.loss) && same_grads(g, g2),
            "loss_and_grad_with vs loss_and_grad; {}",
            ctx
        );
        if let Ok(l) = &r_lw {
            prop_assert!(same(*l, g.loss), "loss_with vs loss_and_grad; {}", ctx);
        }
        let ln_v = (v.max(1) as f64).ln();
        let tol = 64.0 * A::EPS * (ln_v + 1.0);
        let entropy = st.entropy.as_ref().expect("asked for");
        prop_assert!(
            entropy
                .iter()
                .all(|&e| e.wide().is_nan() || (e.wide() >= 0.0 && e.wide() <= ln_v + tol)),
            "entropy out of [0, ln V]: {:?}; {}",
            entropy,
            ctx
        );
        let lp = st.target_log_prob.as_ref().expect("asked for");
        prop_assert!(
            lp.iter().all(|&l| l.wide().is_nan() || l.wide() <= 0.0),
            "target log-probability above 0: {:?}; {}",
            lp,
            ctx
        );
        let (argmax, rank) = (st.argmax.as_ref(), st.rank.as_ref());
        let (argmax, rank) = (argmax.expect("asked for"), rank.expect("asked for"));
        prop_assert!(argmax.iter().all(|&k| k < v.max(1)), "argmax; {}", ctx);
        prop_assert!(
            rank.iter().all(|&k| k < v || k == usize::MAX),
            "rank; {}",
            ctx
        );
    }
    if let (Ok((_, g)), Ok(g2)) = (&r_psg, &r_back) {
        prop_assert!(
            same_grads(g, g2),
            "per_sample_backward with upstream 1 vs per_sample_and_grad; {}",
            ctx
        );
    }
    prop_assert!(identical(&hp.backing, &h_before), "h changed; {}", ctx);
    prop_assert!(identical(&wp.backing, &w_before), "w changed; {}", ctx);
    Ok(())
}

// ---------------------------------------------------------------------------
// Regressions: what the properties found
// ---------------------------------------------------------------------------

/// A label smoothing so small that ε / C underflows to 0 weighs no class: it was NaN with a −inf
/// logit (0 · −inf in the kernel's smoothing term), in `CrossEntropy` and `LinearCrossEntropy`.
#[test]
fn underflowing_label_smoothing_is_no_smoothing() {
    let eps = f32::MIN_POSITIVE * f32::EPSILON;
    let x = ndarray::array![[0.0_f32, f32::NEG_INFINITY]];
    let (loss, grad) = CrossEntropy::new()
        .label_smoothing(eps)
        .loss_and_grad(&x, &[0])
        .unwrap();
    assert_eq!(loss, 0.0);
    assert_eq!(grad, ndarray::array![[0.0, 0.0]]);
    let bias = ndarray::array![0.0_f32, f32::NEG_INFINITY];
    let lce = LinearCrossEntropy::new().bias(bias).label_smoothing(eps);
    let (h, w) = (Array2::<f32>::zeros((1, 0)), Array2::<f32>::zeros((2, 0)));
    assert_eq!(lce.loss(&h, &w, &[0]).unwrap(), 0.0);
}

/// `LinearCrossEntropy` through chunks of the vocabulary, at ε = 1 (the target's own weight is
/// 0) with the target's logit −inf: the loss is +inf, as the unfused loss says; it was NaN.
#[test]
fn linear_chunks_full_smoothing_masked_target() {
    let bias = ndarray::array![0.0_f32, f32::NEG_INFINITY, 1.0, 0.5, -1.0, 2.0, 0.0];
    let (h, w) = (Array2::<f32>::zeros((17, 0)), Array2::<f32>::zeros((7, 0)));
    let targets: Vec<usize> = (0..17).map(|i| i % 7).collect();
    for chunk in [1, 3, 7, 4096] {
        let lce = LinearCrossEntropy::new()
            .bias(bias.clone())
            .label_smoothing(1.0)
            .chunk_size(chunk);
        assert_eq!(
            lce.loss(&h, &w, &targets).unwrap(),
            f32::INFINITY,
            "chunk {chunk}"
        );
        let g = lce.loss_and_grad(&h, &w, &targets).unwrap();
        assert_eq!(g.loss, f32::INFINITY, "chunk {chunk}");
        assert!(
            g.dbias.unwrap().iter().all(|v| v.is_finite()),
            "chunk {chunk}"
        );
    }
}

/// The focal loss at logits of ±inf: the gradient is the finite limit (it was NaN, from
/// inf · 0 in the focusing term), and α_t = 0 weighs an infinite element out (it was NaN).
#[test]
fn focal_loss_at_infinite_logits() {
    let x = ndarray::array![f32::NEG_INFINITY, f32::INFINITY, f32::INFINITY];
    let y = ndarray::array![0.5, 0.5, 0.3];
    let (loss, grad) = SigmoidFocalLoss::new().per_sample_and_grad(&x, &y).unwrap();
    assert_eq!(loss, ndarray::Array1::from_elem(3, f32::INFINITY));
    // α_t (σ(x) − y) (1 − p_t)^γ with α = 0.25, γ = 2.
    approx::assert_abs_diff_eq!(
        grad,
        ndarray::array![-0.0625, 0.0625, 0.2058],
        epsilon = 1e-6
    );
    let zero_alpha = SigmoidFocalLoss::new().alpha(0.0_f64);
    let (loss, grad) = zero_alpha
        .per_sample_and_grad(&ndarray::array![f64::NEG_INFINITY], &ndarray::array![1.0])
        .unwrap();
    assert_eq!((loss[0], grad[0]), (0.0, 0.0));
}

/// KL with log-targets where target and input are equal and huge: 0, not inf · 0 = NaN.
#[test]
fn kl_log_target_equal_to_input() {
    let x = ndarray::array![f32::MAX, 100.0];
    let each = KlDiv::new().log_target(true).per_sample(&x, &x).unwrap();
    assert_eq!(each, ndarray::array![0.0, 0.0]);
}

/// A 0-D input to BCE with logits takes a `pos_weight` of length 1 (its "last axis" is 1, as the
/// length check says); it was a shape error, from broadcasting `[1]` to `[]`.
#[test]
fn bce_with_logits_zero_dimensional_pos_weight() {
    let bce = BinaryCrossEntropyWithLogits::new().pos_weight(ndarray::array![3.0_f64]);
    let x = ndarray::arr0(0.0);
    let loss = bce.loss(&x, &ndarray::arr0(1.0)).unwrap();
    approx::assert_relative_eq!(loss, 3.0 * std::f64::consts::LN_2);
    assert!(
        bce.loss(&x.view().insert_axis(Axis(0)), &ndarray::array![1.0])
            .is_ok()
    );
}

// ---------------------------------------------------------------------------
// The properties, for f32 and f64
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// softmax, log_softmax, logsumexp, the temperature and masked variants, in place and into a
    /// buffer, and every out-of-bounds axis panic (the backward passes' and top_k's too).
    #[test]
    fn softmax_family_is_robust(c in axis_case_strategy(1)) {
        softmax_family::<f32>(&c)?;
        softmax_family::<f64>(&c)?;
    }

    /// softmax_backward, log_softmax_backward and softmax_jvp, on probabilities or adversarial
    /// values, with matching or mismatched gradient shapes.
    #[test]
    fn backward_is_robust(c in axis_case_strategy(1)) {
        backward_family::<f32>(&c)?;
        backward_family::<f64>(&c)?;
    }

    /// softmax_jacobian on probabilities and on adversarial values.
    #[test]
    fn jacobian_is_robust(c in axis_case_strategy(1)) {
        jacobian::<f32>(&c)?;
        jacobian::<f64>(&c)?;
    }

    /// top_k's documented total order, for every k (0, beyond the axis, usize::MAX).
    #[test]
    fn top_k_is_robust(c in axis_case_strategy(1)) {
        top_k_prop::<f32>(&c)?;
        top_k_prop::<f64>(&c)?;
    }

    /// LogSumExp fed by push, push_slice and merge, in two orders.
    #[test]
    fn log_sum_exp_is_robust(c in axis_case_strategy(1)) {
        log_sum_exp_acc::<f32>(&c)?;
        log_sum_exp_acc::<f64>(&c)?;
    }

    /// sigmoid and log_sigmoid, 0 to 3 axes.
    #[test]
    fn sigmoid_is_robust(c in axis_case_strategy(0)) {
        sigmoid_prop::<f32>(&c)?;
        sigmoid_prop::<f64>(&c)?;
    }

    /// CrossEntropy with every option, valid and invalid, and its shortcuts.
    #[test]
    fn cross_entropy_is_robust(c in ce_case_strategy()) {
        ce_prop::<f32>(&c)?;
        ce_prop::<f64>(&c)?;
    }

    /// BinaryCrossEntropy, BinaryCrossEntropyWithLogits, SigmoidFocalLoss, KlDiv and their
    /// shortcuts.
    #[test]
    fn elementwise_losses_are_robust(c in elem_case_strategy()) {
        elem_prop::<f32>(&c)?;
        elem_prop::<f64>(&c)?;
    }

    /// LinearCrossEntropy with every option, valid and invalid.
    #[test]
    fn linear_cross_entropy_is_robust(c in linear_case_strategy()) {
        linear_prop::<f32>(&c)?;
        linear_prop::<f64>(&c)?;
    }
}
