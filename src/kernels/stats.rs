//! Statistics of one contiguous lane, shared by every op that normalises one: its maximum, its
//! sum of shifted exponentials, the logarithm of that sum (exact also near 1), and the stand-in
//! of a lane with +inf entries.

use num_traits::{Float as _, One as _};

use super::scalar::Scalar;
use super::{Elem, Simd, Storage, loops};
use crate::edge::Edge;

/// The maximum of a lane: NaN if any entry is NaN, −inf if the lane is empty.
#[inline(always)]
pub(crate) fn max<V: Simd, S: Storage<Compute = V::E>>(x: &[S]) -> V::E {
    let ninf = V::E::neg_infinity();
    loops::fold(x, V::splat(ninf), ninf, V::max_nan, V::max_nan).reduce_max_nan()
}

/// `Σ exp((x − m) / T)` of a lane whose maximum `m` is finite, with `inv_t = 1 / T`.
#[inline(always)]
pub(crate) fn exp_sum<V: Simd, S: Storage<Compute = V::E>>(x: &[S], m: V::E, inv_t: V::E) -> V::E {
    let (mv, it) = (V::splat(m), V::splat(inv_t));
    loops::sum(
        x,
        V::E::neg_infinity(),
        #[inline(always)]
        |v: V| v.sub(mv).mul(it).exp(),
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
    let (mv, it) = (V::splat(m), V::splat(inv_t));
    let tail = loops::sum(
        x,
        m,
        #[inline(always)]
        |v: V| mv.sub(v).zero_or(v.sub(mv).mul(it).exp()),
    );
    ln_of_sum(Scalar(s), Scalar(tail)).0
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
