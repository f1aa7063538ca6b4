//! The scalar "vector" of one lane: the portable fallback and the oracle every SIMD path is
//! tested against. Its `exp` is the platform's `exp` (libm), not the polynomial.

use super::{Elem, Simd};

/// One element, behaving as a one-lane vector.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scalar<E>(pub(crate) E);

impl<E: Elem> Simd for Scalar<E> {
    type E = E;
    const LANES: usize = 1;

    #[inline(always)]
    fn splat(v: E) -> Self {
        Self(v)
    }
    #[inline(always)]
    fn load(s: &[E]) -> Self {
        Self(s[0])
    }
    #[inline(always)]
    fn store(self, s: &mut [E]) {
        s[0] = self.0;
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        Self(self.0 + o.0)
    }
    #[inline(always)]
    fn sub(self, o: Self) -> Self {
        Self(self.0 - o.0)
    }
    #[inline(always)]
    fn mul(self, o: Self) -> Self {
        Self(self.0 * o.0)
    }
    #[inline(always)]
    fn div(self, o: Self) -> Self {
        Self(self.0 / o.0)
    }
    #[inline(always)]
    fn mul_add(self, b: Self, c: Self) -> Self {
        Self(self.0 * b.0 + c.0)
    }
    #[inline(always)]
    fn max(self, o: Self) -> Self {
        if self.0 > o.0 { self } else { o }
    }
    #[inline(always)]
    fn min(self, o: Self) -> Self {
        if self.0 < o.0 { self } else { o }
    }
    #[inline(always)]
    fn max_nan(self, o: Self) -> Self {
        if self.0.is_nan() || o.0.is_nan() {
            Self(E::nan())
        } else {
            self.max(o)
        }
    }
    #[inline(always)]
    fn abs(self) -> Self {
        Self(self.0.abs())
    }
    #[inline(always)]
    fn zero_or(self, v: Self) -> Self {
        if self.0 == E::zero() { self } else { v }
    }
    #[inline(always)]
    fn mantissa_exponent(self) -> (Self, Self) {
        let k = self.0.log2().floor();
        (Self(self.0 / (E::one() + E::one()).powf(k)), Self(k))
    }
    #[inline(always)]
    fn ln(self) -> Self {
        Self(self.0.ln())
    }
    #[inline(always)]
    fn ln_1p_unit(self) -> Self {
        Self(self.0.ln_1p())
    }
    #[inline(always)]
    fn select_lt(self, lim: Self, a: Self, b: Self) -> Self {
        if self.0 < lim.0 { a } else { b }
    }
    #[inline(always)]
    fn any_lt(self, lim: Self) -> bool {
        self.0 < lim.0
    }
    #[inline(always)]
    fn select_sign(self, pos: Self, neg: Self) -> Self {
        if self.0.is_sign_negative() { neg } else { pos }
    }
    #[inline(always)]
    fn round(self) -> Self {
        Self(self.0.round_ties_even())
    }
    #[inline(always)]
    fn ldexp(self, n: Self) -> Self {
        // Two steps keep each power of two normal over exp's whole range of `n`.
        let two = E::one() + E::one();
        let half = (n.0 / two).round_ties_even();
        let n1 = half.to_i32().unwrap_or(0);
        let n2 = (n.0 - half).to_i32().unwrap_or(0);
        Self(self.0 * two.powi(n1) * two.powi(n2))
    }
    #[inline(always)]
    fn reduce_add(self) -> E {
        self.0
    }
    #[inline(always)]
    fn reduce_max_nan(self) -> E {
        self.0
    }
    #[inline(always)]
    fn exp(self) -> Self {
        Self(self.0.exp())
    }
}
