//! What a lane whose maximum is not finite gives: the one place that decides it, for every op
//! and loss on every path (rows, short rows, column strips and panels, vocabulary chunks, the
//! online accumulator).
//!
//! A lane's maximum is finite, or the lane is one of three edge cases:
//!
//! | the lane holds | softmax | log-softmax | logsumexp | cross-entropy | every gradient |
//! |---|---|---|---|---|---|
//! | a NaN | NaN | NaN | NaN | NaN | NaN |
//! | only −inf (or nothing) | 0 | −inf | −inf | +inf | 0 |
//! | `k` entries +inf | `1/k` there, 0 elsewhere | `−ln k` there, −inf elsewhere | +inf | that of the stand-in | that of the stand-in |
//!
//! A lane with +inf entries is computed as its *stand-in* ([`Edge::stand_in`]): 0 where it is
//! +inf, −inf elsewhere. The stand-in's maximum is finite (0), so the ordinary formulas apply to
//! it and give exactly the shares above, with every option (temperature, weights, smoothing)
//! applied as to any lane.

use num_traits::Float;

/// A lane whose maximum is not finite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    /// Some entry is NaN: the lane has no distribution, and everything computed from it is NaN.
    Nan,
    /// Every entry is −inf, or the lane is empty: it has no mass.
    NoMass,
    /// Some entries are +inf (and none NaN): they share the mass equally.
    Infinite,
}

impl Edge {
    /// The lane's maximum `m` if it is finite, else the edge case it makes. `m` is the lane's
    /// NaN-propagating maximum (NaN if any entry is NaN, −inf if the lane is empty).
    #[inline]
    pub(crate) fn of<E: Float>(m: E) -> Result<E, Edge> {
        if m.is_finite() {
            Ok(m)
        } else if m.is_nan() {
            Err(Edge::Nan)
        } else if m > E::zero() {
            Err(Edge::Infinite)
        } else {
            Err(Edge::NoMass)
        }
    }

    /// The entry of the stand-in of an [`Edge::Infinite`] lane for its entry `v`: 0 where `v` is
    /// +inf, −inf elsewhere.
    #[inline]
    pub(crate) fn stand_in<E: Float>(v: E) -> E {
        if v == E::infinity() {
            E::zero()
        } else {
            E::neg_infinity()
        }
    }

    /// `logsumexp` of the lane.
    #[inline]
    pub(crate) fn logsumexp<E: Float>(self) -> E {
        match self {
            Edge::Nan => E::nan(),
            Edge::NoMass => E::neg_infinity(),
            Edge::Infinite => E::infinity(),
        }
    }

    /// The one value every entry of the lane's softmax (or log-softmax, `log`) takes, or `None`
    /// for an [`Edge::Infinite`] lane, whose result is that of its stand-in.
    #[inline]
    pub(crate) fn normalized<E: Float>(self, log: bool) -> Option<E> {
        match self {
            Edge::Nan => Some(E::nan()),
            Edge::NoMass if log => Some(E::neg_infinity()),
            Edge::NoMass => Some(E::zero()),
            Edge::Infinite => None,
        }
    }

    /// The cross-entropy of the lane and the one value of every entry of its gradient, or `None`
    /// for an [`Edge::Infinite`] lane, whose loss and gradient are those of its stand-in.
    #[inline]
    pub(crate) fn cross_entropy<E: Float>(self) -> Option<(E, E)> {
        match self {
            Edge::Nan => Some((E::nan(), E::nan())),
            Edge::NoMass => Some((E::infinity(), E::zero())),
            Edge::Infinite => None,
        }
    }
}
