//! [`LogSumExp`]: the online, mergeable normaliser.

use crate::Float;
use crate::edge::Edge;
use crate::kernels::{Isa, logsumexp as kernel};

/// A running `ln Σ exp(xᵢ)` that takes values one at a time or a slice at a time and merges with
/// others, so a long or chunked lane can be reduced in one pass and combined later.
///
/// It keeps the pair `(m, s)` with `m = max xᵢ` and `s = Σ exp(xᵢ − m)`: adding a larger value
/// rescales `s`, so nothing overflows. `s` is kept compensated (with the rounding error of every
/// addition carried along), so values pushed one at a time sum as exactly as a slice does. The
/// value is the same, up to rounding, whatever the order of pushes and merges. Edge cases follow [`logsumexp`](crate::logsumexp): nothing pushed, or
/// only −inf, gives −inf; any +inf gives +inf; any NaN gives NaN.
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
    sum: A,
    /// The rounding error of `sum`: the running sum is `sum + carry`.
    carry: A,
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
        Self {
            max: A::neg_infinity(),
            sum: A::zero(),
            carry: A::zero(),
        }
    }

    /// The accumulator of one running pair: maximum `max` and `sum = Σ exp(xᵢ − max)`.
    fn from_pair(max: A, sum: A) -> Self {
        let sum = match Edge::of(max) {
            Ok(_) => sum,
            Err(Edge::Nan) => max,
            Err(Edge::Infinite) => A::one(),
            Err(Edge::NoMass) => return Self::new(),
        };
        Self {
            max,
            sum,
            carry: A::zero(),
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
        self.merge(&Self::from_pair(x, A::one()));
    }

    /// Adds every value of `xs`, vectorised, reading the slice once.
    ///
    /// ```
    /// let mut acc = logits::LogSumExp::new();
    /// acc.push_slice(&[1e300_f64, 1e300]);
    /// approx::assert_relative_eq!(acc.value(), 1e300);
    /// ```
    pub fn push_slice(&mut self, xs: &[A]) {
        let (max, sum) = kernel::max_sum_slice(Isa::detect(), xs);
        self.merge(&Self::from_pair(max, sum));
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
            (Err(Edge::Nan), _) | (_, Err(Edge::Nan)) => Self::from_pair(A::nan(), A::nan()),
            (Err(Edge::Infinite), _) | (_, Err(Edge::Infinite)) => {
                Self::from_pair(A::infinity(), A::one())
            }
            (_, Err(Edge::NoMass)) => a,
            (Err(Edge::NoMass), _) => b,
            (Ok(ma), Ok(mb)) if ma >= mb => Self::add_scaled(a, b, (mb - ma).exp()),
            (Ok(ma), Ok(mb)) => Self::add_scaled(b, a, (ma - mb).exp()),
        };
    }

    /// `a` plus `b` scaled by `f = exp(b.max − a.max) ≤ 1`, keeping `a`'s maximum: the sum is
    /// added with Knuth's two-sum and the product's error taken by a fused multiply-add, both
    /// into the carry.
    fn add_scaled(a: Self, b: Self, f: A) -> Self {
        let t = b.sum * f;
        let t_err = b.sum.mul_add(f, -t);
        let s = a.sum + t;
        let v = s - a.sum;
        let s_err = (a.sum - (s - v)) + (t - v);
        let carry = a.carry + b.carry * f + t_err + s_err;
        // Renormalised, so that `sum` alone is the rounded total.
        let sum = s + carry;
        let carry = if sum.is_finite() {
            carry - (sum - s)
        } else {
            A::zero()
        };
        Self {
            max: a.max,
            sum,
            carry,
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
            Ok(m) => m + self.sum.ln(),
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
        self.sum
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
