//! Per-token statistics of a lane of logits — `logsumexp(x / T)`, the entropy of
//! `softmax(x / T)`, the target's log-probability, the argmax and the target's rank — in one pass
//! for the maximum (which also counts the logits above the target's), one for `Σ exp` (which also
//! sums `Σ exp(z) z`, or writes the exponentials where the cross-entropy's gradient wants them,
//! whose pass then sums `Σ exp(z) z` to the same bits) and a scan to the maximum for the argmax;
//! and the gradient terms the z-loss and the entropy bonus add to a lane, in one more pass.
//!
//! With `z = (x − m) / T`, `s = Σ exp(z)` and `p = exp(z) / s`:
//!
//! ```text
//! logsumexp = m / T + ln s       H = −Σ p log p = ln s − Σ exp(z) z / s
//! ```
//!
//! where both terms of `H` are ≥ 0 (`z ≤ 0`), so nothing cancels.

use num_traits::{Float as _, Zero as _};

use super::dispatch::{Compute, Kernel};
use super::loops::{self, Ahead};
use super::stats::Shift;
use super::{Isa, Simd, Storage, stats};
use crate::edge::Edge;

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
    /// Whether the z-loss's gradient is already in the lane's gradient (folded into its
    /// coefficient by [`logits_with_tokens`](super::cross_entropy::logits_with_tokens)).
    pub z_folded: bool,
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
            z_folded: false,
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

/// The first index of `m` in `x` (finite, and no entry above it; 0 if absent): four vectors at
/// a time, whose maximum holds `m` only where one of them does, then the lane within that group
/// from the four vectors' equality bits at once (a branch a vector would mispredict once more a
/// row).
#[inline(always)]
pub(crate) fn first_of<V: Simd, S: Storage<Compute = V::E>>(x: &[S], m: V::E) -> usize {
    let (w, mv) = (V::LANES, V::splat(m));
    let mut groups = x.chunks_exact(4 * w);
    let mut j = 0;
    for g in &mut groups {
        let v = [
            V::read(g),
            V::read(&g[w..]),
            V::read(&g[2 * w..]),
            V::read(&g[3 * w..]),
        ];
        if v[0].max(v[1]).max(v[2].max(v[3])).eq_bits(mv) != 0 {
            // 4 · LANES ≤ 64 bits.
            let bits = v[0].eq_bits(mv)
                | v[1].eq_bits(mv) << w
                | v[2].eq_bits(mv) << (2 * w)
                | v[3].eq_bits(mv) << (3 * w);
            return j + bits.trailing_zeros() as usize;
        }
        j += 4 * w;
    }
    while j < x.len() {
        let n = w.min(x.len() - j);
        let bits = V::read_n(x, j, n, V::E::neg_infinity()).eq_bits(mv);
        if bits != 0 {
            return j + bits.trailing_zeros() as usize;
        }
        j += n;
    }
    0
}

/// How many entries of `x` are greater than `xy`.
fn above<S: Storage>(x: &[S], xy: S::Compute) -> usize {
    x.iter().filter(|v| v.widen() > xy).count()
}

/// A lane's maximum, and how many of its entries are above a limit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Peak<E> {
    /// The maximum, bit for bit [`stats::max`]'s.
    pub max: E,
    /// How many entries are above the limit given (0 where none was).
    pub above: usize,
}

/// The maximum of a lane in [`stats::max`]'s order (four accumulators over groups of four
/// vectors, the remaining vectors into the first, a partial one into the second), and where
/// `limit` is given, how many entries are above it (for the target's rank), counted as the
/// maximum is found.
#[inline(always)]
pub(crate) fn peak<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    limit: Option<V::E>,
) -> Peak<V::E> {
    let w = V::LANES;
    let ninf = V::E::neg_infinity();
    let count = limit.is_some();
    let limit = V::splat(limit.unwrap_or(V::E::infinity()));
    let (mut acc, mut cv) = ([V::splat(ninf); 4], [V::splat(V::E::zero()); 4]);
    // A macro, not a closure: a closure is compiled apart from the kernel's instruction set.
    macro_rules! step {
        ($k:expr, $v:expr) => {{
            let v: V = $v;
            acc[$k] = acc[$k].max_nan(v);
            if count {
                cv[$k] = cv[$k].count_gt(v, limit);
            }
        }};
    }
    let mut groups = x.chunks_exact(4 * w);
    for xs in &mut groups {
        for k in 0..4 {
            step!(k, V::read(&xs[k * w..]));
        }
    }
    let mut vecs = groups.remainder().chunks_exact(w);
    for xs in &mut vecs {
        step!(0, V::read(xs));
    }
    let tail = vecs.remainder();
    if !tail.is_empty() {
        step!(1, S::load_partial(tail, ninf));
    }
    let max = acc[0]
        .max_nan(acc[1])
        .max_nan(acc[2].max_nan(acc[3]))
        .reduce_max_nan();
    let above = cv[0].add(cv[1]).add(cv[2].add(cv[3])).reduce_add();
    Peak {
        max,
        above: num_traits::ToPrimitive::to_usize(&above).unwrap_or(0),
    }
}

/// One pass over a lane `x` of finite maximum `m` (at `inv_t = 1 / T`):
/// `s = Σ exp(z)` in the engine's order (as `loops::map_sum_ahead` sums it, so that `logsumexp`
/// and the loss are the bits the cross-entropy computes), and where `ez`, `Σ exp(z) z` beside it
/// (in the same blocks, each block's sum added in `f64`); with `WRITE`, each `exp(z)` stored into
/// `out` (the gradient's buffer) as the engine stores it. Asks for the lines `ahead` as it goes.
#[inline(always)]
pub(crate) fn sums<V: Simd, S: Storage<Compute = V::E>, const WRITE: bool>(
    x: &[S],
    out: &mut [S],
    (m, inv_t): (V::E, V::E),
    ez: bool,
    ahead: Ahead<S>,
) -> (V::E, V::E) {
    let shift = Shift::new(V::splat(m), inv_t);
    if !ez {
        let s = if WRITE {
            loops::map_sum_ahead(
                &mut loops::Separate(x, out),
                #[inline(always)]
                |v: V| shift.z(v).exp(),
                ahead,
            )
        } else {
            stats::exp_sum::<V, S>(x, m, inv_t, ahead)
        };
        return (s, V::E::zero());
    }
    // `exp(z) z` with `z` held above −max, so that a masked logit's `0 · z` is 0. Each term is
    // at most 1/e in size wherever `exp(z)` is not 0: the sum does not overflow, where
    // `Σ exp(z) (x − m)` would for logits near the type's range at a large temperature.
    let floor = V::splat(-V::E::max_value());
    loops::map_sum2_ahead::<V, S, WRITE>(
        x,
        out,
        #[inline(always)]
        |v: V| {
            let z = shift.z(v);
            (z.exp(), z.max(floor))
        },
        ahead,
    )
}

/// `Σ exp(z) z` of a lane `x` of finite maximum `m` whose exponentials `e` [`sums`] wrote (and
/// did not sum `Σ exp(z) z` beside): the bits `sums` gives with `ez`. Where `WRITE`, each
/// exponential is replaced by `f(e)` as it is read, so that the pass that turns them into the
/// gradient sums it on the way (a pass with room to spare, where `sums`' is busy with `exp`).
#[inline(always)]
pub(crate) fn ez_of<V: Simd, S: Storage<Compute = V::E>, const WRITE: bool>(
    x: &[S],
    e: &mut [S],
    (m, inv_t): (V::E, V::E),
    f: impl Fn(V) -> V,
) -> V::E {
    let shift = Shift::new(V::splat(m), inv_t);
    // As `sums` forms its factor.
    let floor = V::splat(-V::E::max_value());
    loops::map_dot::<V, S, WRITE>(
        x,
        e,
        f,
        #[inline(always)]
        |v: V| shift.z(v).max(floor),
    )
}

/// [`Token`] of a lane whose maximum is finite, from its [`peak`] (asked for the first block
/// where `needs.argmax`, the count above the target's logit where `needs.rank`).
#[inline(always)]
fn finite<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    p: Peak<V::E>,
    inv_t: V::E,
    target: Option<usize>,
    needs: Needs,
) -> Token<V::E> {
    let m = p.max;
    let xy = target.map(|y| x[y].widen());
    let (s, t) = sums::<V, S, false>(x, &mut [], (m, inv_t), needs.ez, Ahead::NONE);
    let ln_s = stats::ln_sum::<V, S>(x, m, inv_t, s);
    Token::finite(
        (m, inv_t, ln_s, s, t),
        xy,
        if needs.argmax {
            // Not `bool::then`: its closure would be compiled apart from the kernel's
            // instruction set.
            Some(first_of::<V, S>(x, m))
        } else {
            None
        },
        (needs.rank && target.is_some()).then_some(p.above),
    )
}

impl<E: super::Elem> Token<E> {
    /// The statistics of a lane of finite maximum `m` from its sums (`s`, `ln s` and
    /// `t = Σ exp(z) z`), the target's logit `xy`, the argmax and the rank where found.
    #[inline(always)]
    pub(crate) fn finite(
        (m, inv_t, ln_s, s, t): (E, E, E, E, E),
        xy: Option<E>,
        argmax: Option<usize>,
        rank: Option<usize>,
    ) -> Self {
        Token {
            lse: m * inv_t + ln_s,
            ln_s,
            max: m,
            sum: s,
            ez: t,
            entropy: ln_s - t / s,
            log_prob: xy.map_or(E::zero(), |xy| stats::z(xy, m, inv_t) - ln_s),
            argmax: argmax.unwrap_or(0),
            rank: rank.unwrap_or(usize::MAX),
            edge: None,
            z_folded: false,
        }
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
        let limit = |x: &[S]| target.filter(|_| needs.rank).map(|y| x[y].widen());
        let p = peak::<V, S>(x, limit(x));
        match Edge::of(p.max) {
            Ok(_) => finite::<V, S>(x, p, inv_t, target, needs),
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
                    z_folded: false,
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
                z_folded: false,
            },
            Err(Edge::Infinite) => {
                let stand_in = stats::stand_in(x);
                let p = peak::<V, S>(&stand_in, limit(&stand_in));
                let t = finite::<V, S>(&stand_in, p, inv_t, target, needs);
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
