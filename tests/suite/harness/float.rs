//! The element types under test, `f32` and `f64`, and how tests compare their values.

use std::fmt::{Debug, Display};

use ndarray::{ArrayRef, Axis, IxDyn};

/// `f32` or `f64`, with what the tests need on top of `logits::Float`: the suite's one element
/// trait, so that a test body is written once and run for both types.
pub trait TestFloat:
    logits::Float + num_traits::Float + Debug + Display + Send + Sync + 'static
{
    /// `"f32"` or `"f64"`, for messages.
    const NAME: &'static str;
    /// Machine epsilon (distance from 1.0 to the next value), as `f64`.
    const EPS: f64;
    /// An absolute tolerance below which two values count as equal however many ULPs apart they
    /// are: tiny, so that it never hides an error in a small probability (approx's default
    /// `EPSILON` would).
    const TINY: Self;
    /// Smallest positive normal value, as `f64`.
    const MIN_NORMAL: f64;
    /// A huge but not extreme value: 1e30 in f32, 1e300 in f64 (an adversarial input, and a
    /// common offset far from 0 whose differences are still resolvable).
    const BIG: f64;
    /// The width of [`bits`](TestFloat::bits).
    const BITS: u32;
    /// Rounds an `f64` to this type (`as`).
    fn of(v: f64) -> Self;
    /// Widens to `f64` (exact).
    fn wide(self) -> f64;
    /// The bits, for comparisons that tell NaN payloads and `-0.0` apart.
    fn bits(self) -> u64;
    /// `for_f32` or `for_f64`, whichever is this type's: for the per-type constants that a
    /// module keeps to itself.
    fn either<T>(for_f32: T, for_f64: T) -> T;
}

impl TestFloat for f32 {
    const NAME: &'static str = "f32";
    const EPS: f64 = f32::EPSILON as f64;
    const TINY: Self = 1e-37;
    const MIN_NORMAL: f64 = f32::MIN_POSITIVE as f64;
    const BIG: f64 = 1e30;
    const BITS: u32 = 32;
    fn of(v: f64) -> Self {
        v as f32
    }
    fn wide(self) -> f64 {
        f64::from(self)
    }
    fn bits(self) -> u64 {
        u64::from(self.to_bits())
    }
    fn either<T>(for_f32: T, _: T) -> T {
        for_f32
    }
}

impl TestFloat for f64 {
    const NAME: &'static str = "f64";
    const EPS: f64 = f64::EPSILON;
    const TINY: Self = 1e-300;
    const MIN_NORMAL: f64 = f64::MIN_POSITIVE;
    const BIG: f64 = 1e300;
    const BITS: u32 = 64;
    fn of(v: f64) -> Self {
        v
    }
    fn wide(self) -> f64 {
        self
    }
    fn bits(self) -> u64 {
        self.to_bits()
    }
    fn either<T>(_: T, for_f64: T) -> T {
        for_f64
    }
}

/// Distance in units in the last place between two values of one type, counting across zero
/// (so `-0.0` and `+0.0` are 0 apart, and the largest finite value is 1 from infinity). Equal
/// values (including equal infinities and two NaNs) are 0 apart; one NaN is `u64::MAX` from
/// anything else.
pub fn ulps<A: TestFloat>(a: A, b: A) -> u64 {
    if a == b || (a.is_nan() && b.is_nan()) {
        return 0;
    }
    if a.is_nan() || b.is_nan() {
        return u64::MAX;
    }
    let key = |v: A| {
        let mag = i128::from(v.bits() & !(1_u64 << (A::BITS - 1)));
        if v.is_sign_negative() { -mag } else { mag }
    };
    u64::try_from((key(a) - key(b)).unsigned_abs()).unwrap_or(u64::MAX)
}

/// `a` and `b` agree: both NaN, equal (infinities included), or
/// `|a − b| ≤ abs + rel · max(|a|, |b|)`.
pub fn close(a: f64, b: f64, rel: f64, abs: f64) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.is_nan() && b.is_nan();
    }
    if a == b {
        return true;
    }
    (a - b).abs() <= abs + rel * a.abs().max(b.abs())
}

/// The same value, bit for bit: equal bits (so `-0.0` is not `+0.0`), or both NaN (NaN payloads
/// may differ between code paths).
pub fn same<A: TestFloat>(a: A, b: A) -> bool {
    a.bits() == b.bits() || (a.is_nan() && b.is_nan())
}

/// The same number: equal (so `-0.0` is `+0.0`), or both NaN.
pub fn same_value<A: TestFloat>(a: A, b: A) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

/// The values, widened to `f64`.
pub fn wide<'a, A: TestFloat>(v: impl IntoIterator<Item = &'a A>) -> Vec<f64> {
    v.into_iter().map(|x| x.wide()).collect()
}

/// The lanes of `a` along `axis`, widened to `f64`, in logical order.
pub fn lanes<A: TestFloat>(a: &ArrayRef<A, IxDyn>, axis: Axis) -> Vec<Vec<f64>> {
    a.lanes(axis).into_iter().map(|l| wide(l)).collect()
}
