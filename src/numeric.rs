//! Scalar arithmetic shared by the kernels and the losses: counts as floats, products in which a
//! zero weight wins over an infinite factor, and a compensated sum in `f64`.

use num_traits::Float;

/// `n` as a float (+inf if it does not fit).
#[inline]
pub(crate) fn count<E: Float>(n: usize) -> E {
    E::from(n).unwrap_or_else(E::infinity)
}

/// `w · v`, but 0 where the weight `w` is 0, even where `v` is infinite: the limit convention
/// `0 · ∞ = 0` of a term whose weight is 0 (a class weighted 0, a target probability of 0).
#[inline]
pub(crate) fn weighted<E: Float>(w: E, v: E) -> E {
    if w == E::zero() { w } else { w * v }
}

/// `a · b`, but 0 where either factor is 0: [`weighted`] for a product whose factors may each be
/// infinite where the other vanishes.
#[inline]
pub(crate) fn product_or_zero<E: Float>(a: E, b: E) -> E {
    if b == E::zero() { b } else { weighted(a, b) }
}

/// The value as `f64` (NaN if it has none).
#[inline]
pub(crate) fn wide<E: Float>(v: E) -> f64 {
    v.to_f64().unwrap_or(f64::NAN)
}

/// An `f64` rounded to `E` (NaN if it has no value there).
#[inline]
pub(crate) fn narrow<E: Float>(v: f64) -> E {
    E::from(v).unwrap_or_else(E::nan)
}

/// Neumaier's compensated running sum, kept in `f64` whatever the type of the terms: sums of
/// thousands of block sums or per-sample losses stay within a rounding or two of exact.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Total {
    sum: f64,
    carry: f64,
}

impl Total {
    /// Adds `v`.
    #[inline]
    pub(crate) fn add<E: Float>(&mut self, v: E) {
        self.add_wide(wide(v));
    }

    /// Adds an `f64`.
    #[inline]
    pub(crate) fn add_wide(&mut self, v: f64) {
        let t = self.sum + v;
        // Once infinite (or NaN) the sum stays so; its carry would be inf − inf.
        if t.is_finite() {
            self.carry += if self.sum.abs() >= v.abs() {
                (self.sum - t) + v
            } else {
                (v - t) + self.sum
            };
        }
        self.sum = t;
    }

    /// The sum, rounded to `E`.
    #[inline]
    pub(crate) fn value<E: Float>(self) -> E {
        narrow(self.wide())
    }

    /// The sum, in `f64`.
    #[inline]
    pub(crate) fn wide(self) -> f64 {
        if self.sum.is_finite() {
            self.sum + self.carry
        } else {
            self.sum
        }
    }
}

/// `Σ xᵢ` with [`Total`], in `f64`.
pub(crate) fn compensated_sum<E: Float>(xs: impl IntoIterator<Item = E>) -> f64 {
    let mut total = Total::default();
    xs.into_iter().for_each(|x| total.add(x));
    total.wide()
}

/// A sum `total` (in `f64`) over `denominator` (0 or positive), rounded once to `E`: the mean of
/// values near the type's range stays finite where it is. A denominator of 0 (nothing counted)
/// gives 0.
pub(crate) fn mean<E: Float>(total: f64, denominator: f64) -> E {
    if denominator == 0.0 {
        E::zero()
    } else {
        narrow(total / denominator)
    }
}
