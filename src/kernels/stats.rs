//! Statistics of one contiguous lane, shared by every op that normalises one: `z = (x − m) / T`
//! ([`Shift`]), the lane's maximum, its sum of shifted exponentials, the logarithm of that sum
//! (exact also near 1), and the stand-in of a lane with +inf entries.

use num_traits::{Float as _, One as _, Zero as _};

use super::loops::Ahead;
use super::scalar::Scalar;
use super::{Elem, Simd, Storage, loops};
use crate::edge::Edge;

/// `z = (x − m) / T` for the entries `x` of lanes of maximum `m` (one per vector lane), formed as
/// `d · s`: the half difference `d = x/2 − m/2`, which never overflows (one fused multiply-add),
/// times `s = 2/T`. So `z` overflows only where it must (a lane spanning more than the type's
/// range at `T > 1` keeps its finite `z`). Halving is exact, so `z` rounds as `(x − m) · (1/T)`
/// does. (Where `2/T` would overflow, `d = x − m` and `s = 1/T`: every `z` but the maximum's is
/// then beyond range.)
///
/// Weighted sums `Σ aᵢ zᵢ` (of label smoothing and of the target terms, `aᵢ ≥ 0`, every `zᵢ ≤ 0`)
/// take [`weighted`](Shift::weighted) terms, each formed so that it overflows or underflows only
/// where `aᵢ zᵢ` does; the sum of such terms, which share a sign, then overflows only where it
/// must.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shift<V: Simd> {
    /// 1/2 (or 1), as a scalar and splat.
    half: V::E,
    h: V,
    /// `−m · h`.
    c: V,
    /// `(1/T) / h`.
    s: V,
}

impl<V: Simd> Shift<V> {
    /// The shift of lanes of maxima `m` (finite), with `inv_t = 1 / T`.
    #[inline(always)]
    pub(crate) fn new(m: V, inv_t: V::E) -> Self {
        let h = half(inv_t);
        Self {
            half: h,
            h: V::splat(h),
            c: V::splat(V::E::zero()).sub(m.mul(V::splat(h))),
            s: V::splat(scale(inv_t)),
        }
    }

    /// The shift whose [`offset`](Shift::offset) is `c`, with `inv_t = 1 / T`: the same shift as
    /// the one that gave `c`.
    #[inline(always)]
    pub(crate) fn with_offset(c: V, inv_t: V::E) -> Self {
        let h = half(inv_t);
        Self {
            half: h,
            h: V::splat(h),
            c,
            s: V::splat(scale(inv_t)),
        }
    }

    /// `−m · h`, each lane's offset (see [`with_offset`](Shift::with_offset)).
    #[inline(always)]
    pub(crate) fn offset(self) -> V {
        self.c
    }

    /// `d = (x − m) / 2`.
    #[inline(always)]
    pub(crate) fn d(self, x: V) -> V {
        x.mul_add(self.h, self.c)
    }

    /// `z = (x − m) / T = d · s`.
    #[inline(always)]
    pub(crate) fn z(self, x: V) -> V {
        self.of_d(self.d(x))
    }

    /// `z = d · s` from `d` (see [`d`](Shift::d)).
    #[inline(always)]
    pub(crate) fn of_d(self, d: V) -> V {
        d.mul(self.s)
    }

    /// `a · z` for coefficients `a ≥ 0`: see [`weighted_z`].
    #[inline(always)]
    pub(crate) fn weighted(self, a: V, x: V) -> V {
        weighted_z(a, self.d(x), self.s)
    }

    /// The maxima `m` (finite), one per column, turned into the offsets [`Shift::z_at`] takes.
    pub(crate) fn offsets(self, m: &mut [V::E]) {
        for v in m {
            *v = V::E::zero() - *v * self.half;
        }
    }

    /// `z` of lanes whose maxima's [`offsets`](Shift::offsets) are `c` (with this shift's `T`).
    #[inline(always)]
    pub(crate) fn z_at(self, x: V, c: V) -> V {
        x.mul_add(self.h, c).mul(self.s)
    }
}

/// The factor of a [`Shift`]'s half difference: 1/2, or 1 where `2/T` would overflow.
#[inline(always)]
fn half<E: Elem>(inv_t: E) -> E {
    if inv_t > E::max_value() / E::TWO {
        E::one()
    } else {
        E::one() / E::TWO
    }
}

/// `s`, the factor that turns a [`Shift`]'s half differences `d` into `z = d · s`.
#[inline(always)]
pub(crate) fn scale<E: Elem>(inv_t: E) -> E {
    inv_t / half(inv_t)
}

/// `a · d · s` (a weighted `z = d · s`, `a ≥ 0`), rounded about once: `(a·s)·d` where `a·s` is a
/// normal number, else `d` times the smaller factor, then the larger. `a·s` beyond the range
/// means both factors are above 1 (the product then only grows); below the normal range, the
/// smaller factor first keeps `d` times it from overflowing, and it underflows only where the
/// result is below the normal range too. So each term overflows or underflows only where
/// `a · d · s` does. (A class weight of `1e-38` at a temperature of `1e-38` makes `a·d`
/// subnormal on its way to a normal `a·z`; a weight of 10 at `T = 3e38` makes `a·d` overflow on
/// its way to `a·z = −2.5`.)
#[inline(always)]
pub(crate) fn weighted_z<V: Simd>(a: V, d: V, s: V) -> V {
    let a_s = a.mul(s);
    let by_product = a_s.mul(d);
    let in_turn = d.mul(a.min(s)).mul(a.max(s));
    let m = a_s.abs();
    // Negative (sign set) where a·s ≤ the largest value, and where it is below the normal range.
    let within = m.sub(V::splat(V::E::max_value()));
    let below = m.sub(V::splat(V::E::min_positive_value()));
    below.select_sign(within.select_sign(in_turn, by_product), in_turn)
}

/// [`weighted_z`] of one value `x` of a lane of maximum `m`; 0 where `a` is 0, even where `x`
/// is infinite.
#[inline(always)]
pub(crate) fn weighted<E: Elem>(a: E, x: E, m: E, inv_t: E) -> E {
    if a == E::zero() {
        a
    } else {
        Shift::new(Scalar(m), inv_t)
            .weighted(Scalar(a), Scalar(x))
            .0
    }
}

/// `d = (x − m) / 2` of one value, as [`Shift`] forms it.
#[inline(always)]
pub(crate) fn d<E: Elem>(x: E, m: E, inv_t: E) -> E {
    Shift::new(Scalar(m), inv_t).d(Scalar(x)).0
}

/// `z = (x − m) / T` of one value, as [`Shift`] forms it.
#[inline(always)]
pub(crate) fn z<E: Elem>(x: E, m: E, inv_t: E) -> E {
    Shift::new(Scalar(m), inv_t).z(Scalar(x)).0
}

/// The maximum of a lane: NaN if any entry is NaN, −inf if the lane is empty.
#[inline(always)]
pub(crate) fn max<V: Simd, S: Storage<Compute = V::E>>(x: &[S]) -> V::E {
    let ninf = V::E::neg_infinity();
    loops::fold(x, V::splat(ninf), ninf, V::max_nan, V::max_nan).reduce_max_nan()
}

/// `Σ exp((x − m) / T)` of a lane whose maximum `m` is finite, with `inv_t = 1 / T`, asking for
/// the lines `ahead` as it goes.
#[inline(always)]
pub(crate) fn exp_sum<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    m: V::E,
    inv_t: V::E,
    ahead: Ahead<S>,
) -> V::E {
    let shift = Shift::new(V::splat(m), inv_t);
    loops::sum_ahead(
        x,
        V::E::neg_infinity(),
        #[inline(always)]
        |v: V| shift.z(v).exp(),
        ahead,
    )
}

/// `ln s` for `s = Σ exp((x − m) / T)`, as [`ln_of_sum`] takes it: the tail (the terms below the
/// maximum) is summed only where that uses it, when `s < 2`.
#[inline(always)]
pub(crate) fn ln_sum<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    m: V::E,
    inv_t: V::E,
    s: V::E,
) -> V::E {
    if s >= V::E::TWO || s.is_nan() {
        return s.ln();
    }
    ln_of_sum(Scalar(s), Scalar(tail::<V, S>(x, m, inv_t))).0
}

/// The tail of `s = Σ exp((x − m) / T)`: the part from the entries below the maximum `m`.
#[inline(always)]
pub(crate) fn tail<V: Simd, S: Storage<Compute = V::E>>(x: &[S], m: V::E, inv_t: V::E) -> V::E {
    let shift = Shift::new(V::splat(m), inv_t);
    loops::sum(
        x,
        m,
        #[inline(always)]
        |v: V| {
            let z = shift.z(v);
            z.zero_or(z.exp())
        },
    )
}

/// `ln s` for sums `s = Σ exp((x − m) / T)` of lanes whose maximum `m` is finite, given their
/// `tail`, the part of `s` from the entries below the maximum. Where one entry holds the
/// maximum and `s < 2`, `s = 1 + tail`, and `ln s` is taken as `ln(1 + tail)`: the logarithm of
/// the rounded sum would lose the tail's relative precision there, which is the whole of a
/// confident prediction's log-probability (`ln(1 + e⁻²⁰) = 2.06e-9`). Elsewhere `s ≥ 2`, where
/// `ln s` loses nothing. One function for every path: one lane at a time with `Scalar`, or
/// several lanes across a vector.
#[inline(always)]
pub(crate) fn ln_of_sum<V: Simd>(s: V, tail: V) -> V {
    let one = V::splat(V::E::one());
    s.sub(V::splat(V::E::TWO))
        .select_sign(s.ln(), tail.min(one).ln_1p_unit())
}

/// The stand-in of a lane with +inf entries (see [`Edge::stand_in`]).
pub(crate) fn stand_in<S: Storage>(x: &[S]) -> Vec<S> {
    x.iter()
        .map(|&v| S::narrow(Edge::stand_in(v.widen())))
        .collect()
}
