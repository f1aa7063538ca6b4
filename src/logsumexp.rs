//! [`LogSumExp`]: the online, mergeable normaliser.

use crate::Float;
use crate::edge::Edge;
use crate::kernels::{Isa, logsumexp as kernel};

/// A running `ln Σ exp(xᵢ)` that takes values one at a time or a slice at a time and merges with
/// others, so a long or chunked lane can be reduced in one pass and combined later.
///
/// It keeps the pair `(m, s)` with `m = max xᵢ` and `s = Σ exp(xᵢ − m)`: adding a larger value
/// rescales `s`, so nothing overflows. `s` is kept compensated (with the rounding error of every
/// addition carried along), so values pushed one at a time sum as exactly as a slice does. Beside
/// it the accumulator carries the *tail*, the part of `s` from the values below the maximum (all
/// of a part's sum becomes tail when a merge raises the maximum), so that a value near 0 (one
/// value holding nearly all the mass, `s = 1 + tail`) is `m + ln(1 + tail)`, exact to a few ULPs
/// as [`logsumexp`](crate::logsumexp) is, however the values came in. The value is the same, up
/// to rounding, whatever the order of pushes and merges. Edge cases follow
/// [`logsumexp`](crate::logsumexp): nothing pushed, or only −inf, gives −inf; any +inf gives +inf;
/// any NaN gives NaN.
///
/// # Examples
///
/// ```
/// use logits::LogSumExp;
/// let mut left = LogSumExp::new();
/// left.push_slice(&[1.0_f64, 2.0]);
/// let mut right = LogSumExp::new();
/// right.push(3.0);
/// left.merge(&right);
/// let want = (1.0_f64.exp() + 2.0_f64.exp() + 3.0_f64.exp()).ln();
/// approx::assert_relative_eq!(left.value(), want, max_relative = 1e-15);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogSumExp<A> {
    max: A,
    /// `s`, with its rounding error: the running sum is `sum.0 + sum.1`.
    sum: (A, A),
    /// The part of `s` from the values below the maximum, with its rounding error; exact where
    /// `s < 2`, the only place [`value`](Self::value) reads it.
    tail: (A, A),
}

impl<A: Float> Default for LogSumExp<A> {
    fn default() -> Self {
        Self::new()
    }
}

impl<A: Float> LogSumExp<A> {
    /// The empty accumulator, whose value is −inf.
    ///
    /// ```
    /// assert_eq!(logits::LogSumExp::<f32>::new().value(), f32::NEG_INFINITY);
    /// ```
    #[must_use]
    pub fn new() -> Self {
        let zero = (A::zero(), A::zero());
        Self {
            max: A::neg_infinity(),
            sum: zero,
            tail: zero,
        }
    }

    /// The accumulator of one part: maximum `max`, `sum = Σ exp(xᵢ − max)` and its `tail`.
    fn from_parts(max: A, sum: A, tail: A) -> Self {
        let (sum, tail) = match Edge::of(max) {
            Ok(_) => (sum, tail),
            Err(Edge::Nan) => (max, max),
            Err(Edge::Infinite) => (A::one(), A::zero()),
            Err(Edge::NoMass) => return Self::new(),
        };
        Self {
            max,
            sum: (sum, A::zero()),
            tail: (tail, A::zero()),
        }
    }

    /// Adds one value.
    ///
    /// ```
    /// let mut acc = logits::LogSumExp::new();
    /// acc.push(0.0_f64);
    /// acc.push(0.0);
    /// assert_eq!(acc.value(), std::f64::consts::LN_2);
    /// ```
    pub fn push(&mut self, x: A) {
        self.merge(&Self::from_parts(x, A::one(), A::zero()));
    }

    /// Adds every value of `xs`, vectorised, reading the slice once.
    ///
    /// ```
    /// let mut acc = logits::LogSumExp::new();
    /// acc.push_slice(&[1e300_f64, 1e300]);
    /// approx::assert_relative_eq!(acc.value(), 1e300);
    /// ```
    pub fn push_slice(&mut self, xs: &[A]) {
        let (max, sum, tail) = kernel::max_sum_slice(Isa::detect(), xs);
        self.merge(&Self::from_parts(max, sum, tail));
    }

    /// Adds everything `other` has seen.
    ///
    /// ```
    /// let (mut a, mut b) = (logits::LogSumExp::new(), logits::LogSumExp::new());
    /// a.push(1.0_f32);
    /// b.push(f32::NAN);
    /// a.merge(&b);
    /// assert!(a.value().is_nan());
    /// ```
    pub fn merge(&mut self, other: &Self) {
        let (a, b) = (*self, *other);
        *self = match (Edge::of(a.max), Edge::of(b.max)) {
            (Err(Edge::Nan), _) | (_, Err(Edge::Nan)) => {
                Self::from_parts(A::nan(), A::nan(), A::nan())
            }
            (Err(Edge::Infinite), _) | (_, Err(Edge::Infinite)) => {
                Self::from_parts(A::infinity(), A::one(), A::zero())
            }
            (_, Err(Edge::NoMass)) => a,
            (Err(Edge::NoMass), _) => b,
            (Ok(ma), Ok(mb)) if ma >= mb => Self::add_scaled(a, b),
            (Ok(_), Ok(_)) => Self::add_scaled(b, a),
        };
    }

    /// `a` plus `b` scaled by `f = exp(b.max − a.max) ≤ 1`, keeping `a`'s maximum: all of `b`
    /// becomes tail unless its maximum is `a`'s.
    fn add_scaled(a: Self, b: Self) -> Self {
        let f = (b.max - a.max).exp();
        let b_tail = if b.max == a.max { b.tail } else { b.sum };
        Self {
            max: a.max,
            sum: add_compensated(a.sum, b.sum, f),
            tail: add_compensated(a.tail, b_tail, f),
        }
    }

    /// `ln Σ exp(xᵢ)` of everything pushed so far.
    ///
    /// ```
    /// let mut acc = logits::LogSumExp::new();
    /// acc.push_slice(&[f32::NEG_INFINITY; 3]);
    /// assert_eq!(acc.value(), f32::NEG_INFINITY);
    /// ```
    #[must_use]
    pub fn value(&self) -> A {
        match Edge::of(self.max) {
            Ok(m) => m + kernel::ln_of_sum(self.sum.0, self.tail.0),
            Err(edge) => edge.logsumexp(),
        }
    }

    /// The largest value pushed so far (−inf if none; NaN if a NaN was pushed).
    ///
    /// ```
    /// let mut acc = logits::LogSumExp::new();
    /// acc.push_slice(&[1.0_f32, 5.0, 2.0]);
    /// assert_eq!(acc.max(), 5.0);
    /// ```
    #[must_use]
    pub fn max(&self) -> A {
        self.max
    }

    /// `Σ exp(xᵢ − max)`, the sum relative to [`max`](Self::max): 0 if nothing but −inf was
    /// pushed, 1 once a +inf was (the +inf entries share the mass), NaN once a NaN was.
    ///
    /// ```
    /// let mut acc = logits::LogSumExp::new();
    /// acc.push_slice(&[3.0_f64, 3.0]);
    /// assert_eq!(acc.sum(), 2.0);
    /// ```
    #[must_use]
    pub fn sum(&self) -> A {
        self.sum.0
    }
}

impl<A: Float> Extend<A> for LogSumExp<A> {
    fn extend<I: IntoIterator<Item = A>>(&mut self, iter: I) {
        for x in iter {
            self.push(x);
        }
    }
}

impl<A: Float> FromIterator<A> for LogSumExp<A> {
    /// Collects values into an accumulator.
    ///
    /// ```
    /// let acc: logits::LogSumExp<f64> = [0.0, 0.0, 0.0, 0.0].into_iter().collect();
    /// approx::assert_relative_eq!(acc.value(), 4.0_f64.ln());
    /// ```
    fn from_iter<I: IntoIterator<Item = A>>(iter: I) -> Self {
        let mut acc = Self::new();
        acc.extend(iter);
        acc
    }
}

/// `a + b · f` for compensated pairs `(value, rounding error)` and `0 ≤ f ≤ 1`: the sum added with
/// Knuth's two-sum and the product's error taken by a fused multiply-add, both into the error,
/// then renormalised so that the value alone is the rounded total.
fn add_compensated<A: Float>((a, a_err): (A, A), (b, b_err): (A, A), f: A) -> (A, A) {
    let t = b * f;
    let t_err = b.mul_add(f, -t);
    let s = a + t;
    let v = s - a;
    let s_err = (a - (s - v)) + (t - v);
    let err = a_err + b_err * f + t_err + s_err;
    let total = s + err;
    if total.is_finite() {
        (total, err - (total - s))
    } else {
        (total, A::zero())
    }
}
