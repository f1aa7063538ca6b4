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
/// thousands of block sums or per-sample losses stay within a rounding or two of exact. A sum that
/// would overflow `f64` on its way (`f64` terms near `f64::MAX`) goes on scaled by 2⁻¹²⁸, so that
/// [`mean`] of such terms stays finite where it is.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Total {
    sum: f64,
    carry: f64,
    /// Whether `sum` and `carry` are kept times [`DOWN`].
    scaled: bool,
}

/// 2⁻¹²⁸ and 2¹²⁸: the scale of a [`Total`] beyond `f64`'s range, and back. A sum of fewer than
/// 2¹²⁸ terms of at most `f64::MAX` cannot overflow once scaled.
const DOWN: f64 = f64::from_bits((1023 - 128) << 52);
const UP: f64 = f64::from_bits((1023 + 128) << 52);

impl Total {
    /// Adds `v`.
    #[inline]
    pub(crate) fn add<E: Float>(&mut self, v: E) {
        self.add_wide(wide(v));
    }

    /// Adds an `f64`.
    #[inline]
    pub(crate) fn add_wide(&mut self, v: f64) {
        self.add_part(v, false);
    }

    /// Adds the sum `other`.
    pub(crate) fn merge(&mut self, other: Total) {
        self.add_part(other.sum, other.scaled);
        self.add_part(other.carry, other.scaled);
    }

    /// Adds `v`, which is kept times [`DOWN`] where `scaled`.
    #[inline]
    fn add_part(&mut self, mut v: f64, scaled: bool) {
        if scaled && !self.scaled {
            self.scale();
        }
        if self.scaled && !scaled {
            v *= DOWN;
        }
        let t = self.sum + v;
        if t.is_finite() {
            self.carry += if self.sum.abs() >= v.abs() {
                (self.sum - t) + v
            } else {
                (v - t) + self.sum
            };
        } else if !self.scaled && self.sum.is_finite() && v.is_finite() {
            // Beyond the range on the way only: go on scaled.
            self.scale();
            return self.add_part(v * DOWN, true);
        }
        // Once infinite (or NaN) the sum stays so; its carry would be inf − inf.
        self.sum = t;
    }

    /// Keeps the sum times [`DOWN`] from now on.
    fn scale(&mut self) {
        self.sum *= DOWN;
        self.carry *= DOWN;
        self.scaled = true;
    }

    /// The sum, as kept (times [`DOWN`] where scaled).
    #[inline]
    fn kept(self) -> f64 {
        if self.sum.is_finite() {
            self.sum + self.carry
        } else {
            self.sum
        }
    }

    /// The sum, rounded to `E`.
    #[inline]
    pub(crate) fn value<E: Float>(self) -> E {
        narrow(self.wide())
    }

    /// The sum, in `f64` (±inf beyond its range).
    #[inline]
    pub(crate) fn wide(self) -> f64 {
        if self.scaled {
            self.kept() * UP
        } else {
            self.kept()
        }
    }
}

/// `Σ xᵢ` with [`Total`].
pub(crate) fn compensated_sum<E: Float>(xs: &[E]) -> Total {
    // Four totals, element k into total k mod 4, merged in a fixed order: one total's chain of
    // dependent additions would cost its latency per term.
    let mut totals = [Total::default(); 4];
    let mut quads = xs.chunks_exact(4);
    for q in &mut quads {
        for (total, &v) in totals.iter_mut().zip(q) {
            total.add(v);
        }
    }
    for (total, &v) in totals.iter_mut().zip(quads.remainder()) {
        total.add(v);
    }
    let [mut all, b, c, d] = totals;
    all.merge(b);
    all.merge(c);
    all.merge(d);
    all
}

/// A sum `total` over `denominator` (0 or positive), divided in `f64` and rounded once to `E`: the
/// mean of values near the type's range stays finite where it is, in `f64` too. A denominator of
/// 0 (nothing counted) gives 0.
pub(crate) fn mean<E: Float>(total: Total, denominator: f64) -> E {
    if denominator == 0.0 {
        E::zero()
    } else if total.scaled {
        narrow(total.kept() / denominator * UP)
    } else {
        narrow(total.kept() / denominator)
    }
}

/// `1 / denominator` rounded to `E`, or 0 for a denominator of 0: the gradient's factor of a mean.
pub(crate) fn reciprocal<E: Float>(denominator: f64) -> E {
    if denominator == 0.0 {
        E::zero()
    } else {
        narrow(1.0 / denominator)
    }
}

/// A sum of products `Σ gᵢ·xᵢ` in `f64` that keeps its own binary exponent, so that neither a
/// product nor a partial sum overflows or underflows however large or small the factors: the
/// exact sum, rounded about as a plain `f64` sum would be, then once to the element type. The
/// backward products of [`LinearCrossEntropy`](crate::LinearCrossEntropy) redo with it the
/// entries whose fast sums overflowed.
///
/// A term whose `g` is 0 adds nothing, even where `x` is infinite or NaN: `g` is a gradient, and a
/// gradient of 0 means the term is absent. Any other term with a non-finite factor makes the sum
/// what IEEE arithmetic makes it (±inf, or NaN for inf − inf and for NaN).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Scaled {
    /// The sum is `sum · 2^exp`.
    sum: f64,
    exp: i32,
    /// The sum of the terms with a non-finite factor, when there were any.
    special: Option<f64>,
}

impl Scaled {
    /// Adds `g · x`.
    pub(crate) fn add_product(&mut self, g: f64, x: f64) {
        if g == 0.0 {
            return;
        }
        if !g.is_finite() || !x.is_finite() {
            self.special = Some(self.special.unwrap_or(0.0) + g * x);
            return;
        }
        if x == 0.0 {
            return;
        }
        let ((gm, ge), (xm, xe)) = (frexp(g), frexp(x));
        // |gm · xm| lies in [1/4, 1): exact, and far from either end of the range.
        let (p, e) = (gm * xm, ge + xe);
        if self.sum == 0.0 {
            (self.sum, self.exp) = (p, e);
        } else if e > self.exp {
            self.sum = ldexp(self.sum, self.exp - e) + p;
            self.exp = e;
        } else {
            self.sum += ldexp(p, e - self.exp);
        }
    }

    /// The sum (±inf where it is beyond `f64`'s range).
    pub(crate) fn value(self) -> f64 {
        match self.special {
            // A finite part cannot change an infinity or a NaN.
            Some(s) => s,
            None => ldexp(self.sum, self.exp),
        }
    }
}

/// `v = m · 2^e` with `|m|` in `[1/2, 1)`, for a finite `v` other than 0.
fn frexp(v: f64) -> (f64, i32) {
    const EXP: u64 = 0x7ff << 52;
    let bits = v.to_bits();
    let e = ((bits & EXP) >> 52) as i32;
    if e == 0 {
        // Subnormal: scaled into the normal range first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    (f64::from_bits((bits & !EXP) | (1022 << 52)), e - 1022)
}

/// `v · 2^e`, in steps that overflow or underflow only where the result does.
fn ldexp(mut v: f64, mut e: i32) -> f64 {
    while e > 1000 {
        v *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        v *= 2f64.powi(-1000);
        e += 1000;
    }
    v * 2f64.powi(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(terms: &[(f64, f64)]) -> f64 {
        let mut s = Scaled::default();
        for &(g, x) in terms {
            s.add_product(g, x);
        }
        s.value()
    }

    #[test]
    fn scaled_sums_do_not_overflow_on_the_way() {
        // 10·1e308 + 10·1e308 − 19·1e308 = 1e308, where every partial sum overflows in f64.
        assert_eq!(sum(&[(10.0, 1e308), (10.0, 1e308), (-19.0, 1e308)]), 1e308);
        // And beyond the range where the exact sum is.
        assert_eq!(sum(&[(10.0, 1e308), (10.0, 1e308)]), f64::INFINITY);
        assert_eq!(sum(&[(-10.0, 1e308)]), f64::NEG_INFINITY);
        // Products below the range that add up to a normal number.
        let tiny = [(1e-200, 1e-200); 4];
        assert_eq!(sum(&tiny), 0.0, "4e-400 is below f64's range");
        let back = sum(&[
            (1e-200, 1e-200),
            (1e200, 1e200),
            (-1e200, 1e200),
            (2f64.powi(-1074), 1.0),
        ]);
        assert_eq!(back, 2f64.powi(-1074), "the subnormal survives");
        // Ordinary sums as a plain f64 sum gives them.
        let terms: Vec<(f64, f64)> = (1..100)
            .map(|i| (f64::from(i) * 0.37, 1.0 / f64::from(i)))
            .collect();
        let plain: f64 = terms.iter().map(|(g, x)| g * x).sum();
        assert!((sum(&terms) - plain).abs() <= 1e-14 * plain);
        assert_eq!(sum(&[]), 0.0);
    }

    #[test]
    fn scaled_sums_of_non_finite_terms_follow_ieee_except_a_zero_gradient() {
        assert_eq!(sum(&[(0.0, f64::INFINITY), (2.0, 3.0)]), 6.0);
        assert_eq!(sum(&[(0.0, f64::NAN), (-0.0, f64::NEG_INFINITY)]), 0.0);
        assert_eq!(sum(&[(1.0, f64::INFINITY), (-1e308, 1e308)]), f64::INFINITY);
        assert!(sum(&[(1.0, f64::INFINITY), (1.0, f64::NEG_INFINITY)]).is_nan());
        assert!(sum(&[(f64::NAN, 0.0)]).is_nan());
        assert!(sum(&[(2.0, f64::NAN)]).is_nan());
    }

    #[test]
    fn totals_beyond_the_range_go_on_scaled() {
        let mut t = Total::default();
        for v in [1e308, 1e308, -1e308, 0.5] {
            t.add_wide(v);
        }
        // Scaled by 2⁻¹²⁸ on the second term, back in range after the third.
        assert!(t.scaled);
        assert_eq!(t.wide(), 1e308);
        let mut over = compensated_sum(&[1e308, 1e308, 1e308]);
        assert_eq!(over.wide(), f64::INFINITY);
        assert_eq!(mean::<f64>(over, 3.0), 1e308);
        assert_eq!(mean::<f32>(over, 3.0), f32::INFINITY);
        // Merging a scaled sum into a plain one, and a plain one into a scaled one.
        let mut small = Total::default();
        small.add_wide(1.0);
        small.merge(over);
        assert_eq!(small.wide(), f64::INFINITY);
        assert_eq!(mean::<f64>(small, 3.0), 1e308);
        over.merge(compensated_sum(&[-1e308, -1e308, 1.0]));
        assert_eq!(over.wide(), 1e308);
        // Infinities and NaN stay what IEEE makes them.
        let mut inf = compensated_sum(&[1e308, 1e308]);
        inf.add_wide(f64::INFINITY);
        assert_eq!(inf.wide(), f64::INFINITY);
        inf.add_wide(f64::NEG_INFINITY);
        assert!(inf.wide().is_nan());
        assert_eq!(mean::<f64>(Total::default(), 0.0), 0.0);
        assert_eq!(reciprocal::<f32>(0.0), 0.0);
        assert_eq!(reciprocal::<f32>(4.0), 0.25);
    }

    #[test]
    fn frexp_and_ldexp_invert_each_other() {
        let values = [
            1.0,
            -0.75,
            3e-310,
            -5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            123.456e200,
        ];
        for v in values {
            let (m, e) = frexp(v);
            assert!((0.5..1.0).contains(&m.abs()), "{v}: {m}");
            assert_eq!(ldexp(m, e), v);
        }
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
        assert_eq!(ldexp(1.0, -1075), 0.0);
        assert_eq!(ldexp(2f64.powi(1000), -2000), 2f64.powi(-1000));
    }
}
