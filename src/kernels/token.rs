//! Per-token statistics of a lane of logits — `logsumexp(x / T)`, the entropy of
//! `softmax(x / T)`, the target's log-probability, the argmax and the target's rank — in one pass
//! for the maximum and one for `Σ exp` (which also sums `Σ exp(z) z` and counts the logits above
//! the target's), and the gradient terms the z-loss and the entropy bonus add to a lane, in one
//! more.
//!
//! With `z = (x − m) / T`, `s = Σ exp(z)` and `p = exp(z) / s`:
//!
//! ```text
//! logsumexp = m / T + ln s       H = −Σ p log p = ln s − Σ exp(z) z / s
//! ```
//!
//! where both terms of `H` are ≥ 0 (`z ≤ 0`), so nothing cancels.

use num_traits::{Float as _, One as _, Zero as _};

use super::dispatch::{Compute, Kernel};
use super::stats::Shift;
use super::{Isa, Simd, Storage, stats};
use crate::edge::Edge;
use crate::numeric::Total;

/// Vectors summed per lane before their sums join the `f64` totals (as `loops::sum` blocks
/// them): each block's sum carries only a few roundings, on every path, the scalar one included.
const BLOCK: usize = 16;

/// The statistics of one lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Token<E> {
    /// `logsumexp(x / T)`: NaN for a lane with NaN, +inf with +inf logits, −inf with no mass.
    pub lse: E,
    /// `ln s`, `s = Σ exp((x − m) / T)` (of the stand-in for a lane with +inf logits).
    pub ln_s: E,
    /// The maximum `m` the sums are relative to (0 for a stand-in).
    pub max: E,
    /// `s`.
    pub sum: E,
    /// `Σ exp(z) z` (≤ 0).
    pub ez: E,
    /// The entropy of `softmax(x / T)`: 0 for a lane with no mass, `ln k` for `k` logits at +inf.
    pub entropy: E,
    /// The target's log-probability (0 without a target; −inf for a target of no mass).
    pub log_prob: E,
    /// The first index of the maximum (of the first NaN in a lane with NaN; 0 for a lane with
    /// no mass).
    pub argmax: usize,
    /// How many logits are greater than the target's (`usize::MAX` without a target).
    pub rank: usize,
    /// The edge case the lane is, if any.
    pub edge: Option<Edge>,
}

/// Which of a lane's statistics are wanted beyond `logsumexp` (and with it the target's
/// log-probability): nothing is computed that is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Needs {
    /// `Σ exp(z) z`, for the entropy.
    pub ez: bool,
    pub rank: bool,
    pub argmax: bool,
}

impl<E: num_traits::Float> Token<E> {
    /// The statistics of a lane not yet seen: every value 0, no target.
    pub(crate) fn empty() -> Self {
        let zero = E::zero();
        Self {
            lse: zero,
            ln_s: zero,
            max: zero,
            sum: zero,
            ez: zero,
            entropy: zero,
            log_prob: zero,
            argmax: 0,
            rank: usize::MAX,
            edge: None,
        }
    }
}

/// `ln s` of a lane of finite maximum from its sum `s` and that sum's `tail` (the part below the
/// maximum), as the cross-entropy takes it.
pub(crate) fn ln_of_sum<E: super::Elem>(s: E, tail: E) -> E {
    stats::ln_of_sum(super::scalar::Scalar(s), super::scalar::Scalar(tail)).0
}

/// `z = (x − m) / T` as every kernel forms it (free of overflow where `x − m` alone would).
pub(crate) fn z<E: super::Elem>(x: E, m: E, inv_t: E) -> E {
    stats::z(x, m, inv_t)
}

/// The first index of `m` in `x` (every entry ≤ `m`, none NaN): a vector at a time, then the
/// lanes of the first vector holding it.
#[inline(always)]
pub(crate) fn first_of<V: Simd, S: Storage<Compute = V::E>>(x: &[S], m: V::E) -> usize {
    let (mv, tiny) = (V::splat(m), V::splat(V::E::min_positive_value()));
    let mut j = 0;
    while j < x.len() {
        let n = V::LANES.min(x.len() - j);
        // m − v is 0 only where v = m (a difference of two distinct floats is never 0); one
        // that is merely tiny sends us to the scalar look, which goes on if it finds nothing.
        let v = V::read_n(x, j, n, V::E::neg_infinity());
        if mv.sub(v).any_lt(tiny)
            && let Some(k) = x[j..j + n].iter().position(|v| v.widen() == m)
        {
            return j + k;
        }
        j += n;
    }
    0
}

/// How many entries of `x` are greater than `xy`.
fn above<S: Storage>(x: &[S], xy: S::Compute) -> usize {
    x.iter().filter(|v| v.widen() > xy).count()
}

/// [`Token`] of a lane whose maximum `m` is finite.
#[inline(always)]
fn finite<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    m: V::E,
    inv_t: V::E,
    target: Option<usize>,
    needs: Needs,
) -> Token<V::E> {
    let zero = V::E::zero();
    let shift = Shift::new(V::splat(m), inv_t);
    let (ez, count) = (needs.ez, needs.rank && target.is_some());
    let xy = target.map(|y| x[y].widen());
    let (one, vzero) = (V::splat(V::E::one()), V::splat(zero));
    let limit = V::splat(xy.unwrap_or(V::E::infinity()));
    let (mut s, mut t) = (Total::default(), Total::default());
    let w = V::LANES;
    // `exp(z) z` as `exp(z) d`, scaled once at the end (`z = d · s`), with `d` held above −max
    // so that a masked logit's `0 · d` is 0: as the cross-entropy's fused pass sums it.
    let floor = V::splat(-V::E::max_value());
    let mut cv = vzero;
    for block in x.chunks(BLOCK * w) {
        // `Σ exp` in the engine's order (`loops::sum`: four accumulators over groups of four
        // vectors, the remaining vectors into the first, a partial one into the second), so that
        // `logsumexp` is the bits the loss is computed from; `Σ exp(z) z` in order.
        let (mut acc, mut tv) = ([vzero; 4], vzero);
        // A macro, not a closure: a closure is compiled apart from the kernel's instruction set.
        macro_rules! step {
            ($k:expr, $v:expr) => {{
                let v: V = $v;
                let e = shift.z(v).exp();
                acc[$k] = acc[$k].add(e);
                if ez {
                    tv = e.mul_add(shift.d(v).max(floor), tv);
                }
                if count {
                    cv = cv.add(limit.select_lt(v, one, vzero));
                }
            }};
        }
        let mut groups = block.chunks_exact(4 * w);
        for g in &mut groups {
            for k in 0..4 {
                step!(k, V::read(&g[k * w..]));
            }
        }
        let mut vecs = groups.remainder().chunks_exact(w);
        for v in &mut vecs {
            step!(0, V::read(v));
        }
        let tail = vecs.remainder();
        if !tail.is_empty() {
            step!(1, S::load_partial(tail, V::E::neg_infinity()));
        }
        s.add(acc[0].add(acc[1]).add(acc[2].add(acc[3])).reduce_add());
        t.add(tv.reduce_add());
    }
    let rank = num_traits::ToPrimitive::to_usize(&cv.reduce_add()).unwrap_or(0);
    let (s, t) = (s.value::<V::E>(), t.value::<V::E>() * stats::scale(inv_t));
    let ln_s = stats::ln_sum::<V, S>(x, m, inv_t, s);
    Token {
        lse: m * inv_t + ln_s,
        ln_s,
        max: m,
        sum: s,
        ez: t,
        entropy: ln_s - t / s,
        log_prob: xy.map_or(zero, |xy| stats::z(xy, m, inv_t) - ln_s),
        argmax: if needs.argmax {
            first_of::<V, S>(x, m)
        } else {
            0
        },
        rank: if count { rank } else { usize::MAX },
        edge: None,
    }
}

/// [`lane`] inside another kernel, with its vectors `V`.
#[inline(always)]
pub(crate) fn lane_with<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    inv_t: V::E,
    target: Option<usize>,
    needs: Needs,
) -> Token<V::E> {
    Stats {
        x,
        inv_t,
        target,
        needs,
    }
    .run::<V>()
}

struct Stats<'a, S: Storage> {
    x: &'a [S],
    inv_t: S::Compute,
    target: Option<usize>,
    needs: Needs,
}

impl<S: Storage> Kernel for Stats<'_, S> {
    type S = S;
    type Output = Token<S::Compute>;
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) -> Self::Output {
        let (x, inv_t, target, needs) = (self.x, self.inv_t, self.target, self.needs);
        let e = |v: f64| <V::E as num_traits::NumCast>::from(v).unwrap_or_else(V::E::nan);
        let rank = |xy: V::E| target.map_or(usize::MAX, |_| above(x, xy));
        match Edge::of(stats::max::<V, S>(x)) {
            Ok(m) => finite::<V, S>(x, m, inv_t, target, needs),
            Err(Edge::Nan) => {
                let nan = V::E::nan();
                let xy = target.map_or(nan, |y| x[y].widen());
                Token {
                    lse: nan,
                    ln_s: nan,
                    max: nan,
                    sum: nan,
                    ez: nan,
                    entropy: nan,
                    log_prob: if target.is_some() { nan } else { e(0.0) },
                    argmax: x.iter().position(|v| v.widen().is_nan()).unwrap_or(0),
                    rank: rank(xy),
                    edge: Some(Edge::Nan),
                }
            }
            Err(Edge::NoMass) => Token {
                lse: V::E::neg_infinity(),
                ln_s: V::E::neg_infinity(),
                max: V::E::neg_infinity(),
                sum: V::E::zero(),
                ez: V::E::zero(),
                entropy: e(0.0),
                log_prob: if target.is_some() {
                    V::E::neg_infinity()
                } else {
                    e(0.0)
                },
                argmax: 0,
                rank: rank(V::E::neg_infinity()),
                edge: Some(Edge::NoMass),
            },
            Err(Edge::Infinite) => {
                let stand_in = stats::stand_in(x);
                let t = finite::<V, S>(&stand_in, V::E::zero(), inv_t, target, needs);
                Token {
                    lse: V::E::infinity(),
                    rank: target.map_or(usize::MAX, |y| above(x, x[y].widen())),
                    edge: Some(Edge::Infinite),
                    ..t
                }
            }
        }
    }
}

/// The statistics of the lane `x` at temperature `1 / inv_t`, against the class `target` if any.
pub(crate) fn lane<S: Storage>(
    isa: Isa,
    x: &[S],
    inv_t: S::Compute,
    target: Option<usize>,
    needs: Needs,
) -> Token<S::Compute> {
    isa.run(Stats {
        x,
        inv_t,
        target,
        needs,
    })
}

struct Terms<'a, S: Storage> {
    x: &'a [S],
    g: &'a mut [S],
    token: Token<S::Compute>,
    inv_t: S::Compute,
    alpha: S::Compute,
    gamma: S::Compute,
}

impl<S: Storage> Kernel for Terms<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let (x, g, tk) = (self.x, self.g, self.token);
        let zero = V::E::zero();
        let shift = Shift::new(V::splat(tk.max), self.inv_t);
        let (a, c, ln_s) = (
            V::splat(self.alpha),
            V::splat(self.gamma),
            V::splat(tk.ln_s),
        );
        let mut j = 0;
        while j < x.len() {
            let n = V::LANES.min(x.len() - j);
            let z = shift.z(V::read_n(x, j, n, zero));
            let p = z.sub(ln_s).exp();
            // p (α + γ z), 0 where p is (a masked logit's z is −inf).
            let term = p.zero_or(p.mul(c.mul_add(z, a)));
            V::read_n(g, j, n, zero).add(term).write_n(g, j, n);
            j += n;
        }
    }
}

/// `g += p ⊙ (α + γ z)` over a lane `x` of finite maximum whose statistics are `token` (not an
/// edge), with `z = (x − m) / T` and `p = softmax(x / T)`.
pub(crate) fn add_terms<S: Storage>(
    isa: Isa,
    x: &[S],
    g: &mut [S],
    token: Token<S::Compute>,
    inv_t: S::Compute,
    (alpha, gamma): (S::Compute, S::Compute),
) {
    isa.run(Terms {
        x,
        g,
        token,
        inv_t,
        alpha,
        gamma,
    });
}
