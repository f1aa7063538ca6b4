//! Cross-entropy fused with its gradient: the one engine both cross-entropies run on.
//!
//! Whatever the path — a row of logits at a time, short rows gathered a vector of samples at a time, or
//! a row of an LM head's logits seen one vocabulary chunk at a time — a row comes down to the
//! same statistics ([`RowStats`]: its maximum `m`, `s = Σ exp((x − m) / T)` and its tail, and with
//! label smoothing `Σ (ε/C) w z`, each term from [`Shift::weighted`]) and the same target terms.
//! One function, written once over vectors, turns them into the loss and the gradient's coefficient `k` ([`finish`]), and the
//! gradient is `k · exp((x − m) / T) − scale · (ε/C · w + (1 − ε) · h) / T` on every path, or,
//! where a coefficient overflows, each entry in `f64` ([`RowGradient::Careful`]).
//!
//! The formula (PyTorch's): with class weights `w`, smoothing `ε` over `C` classes and a hard
//! target `h` (`w_y` at the target class `y`, or `wᵢ qᵢ` for probability targets `q`), a sample
//! puts `aᵢ = (1 − ε) hᵢ + ε/C · wᵢ` on class `i`;
//!
//! ```text
//! loss = −Σ aᵢ log pᵢ = −(1 − ε) Σ hᵢ log pᵢ − ε/C Σ wᵢ log pᵢ,   log pᵢ = (xᵢ − m) / T − ln s
//! ∂loss/∂xᵢ · (1 / scale) = (A pᵢ − aᵢ) / T,   A = Σ aᵢ
//! ```
//!
//! A term whose weight is 0 adds 0, even where its log-probability is −inf. A row whose maximum
//! is not finite gives what [`Edge`] says; one with +inf logits, what its stand-in gives.

use num_traits::{Float as _, One as _, Zero as _};

use super::columns::{self, Across, Columns, Gathered, Strip, finite_max};
use super::dispatch::{Compute, Kernel};
use super::loops::{self, Ahead, InPlace, Separate};
use super::scalar::Scalar;
use super::simd::MAX_LANES;
use super::stats::Shift;
use super::token::{self, Needs, Token};
use super::{Elem, Isa, Simd, Storage, simd, stats};
use crate::edge::Edge;
use crate::numeric::{Total, count, narrow, reciprocal, weighted};

/// The class index of a sample that is ignored: its loss and gradient are 0.
pub(crate) const IGNORED: usize = usize::MAX;

/// The targets of rows: a class index per row ([`IGNORED`] for an ignored one), or a probability
/// per row and class.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Targets<'a, S> {
    Classes(&'a [usize]),
    Probabilities(&'a [S]),
}

/// The options of a cross-entropy as the kernels use them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Options<'a, S: Storage> {
    /// Class weights, or `None` for all 1.
    pub weight: Option<&'a [S]>,
    /// `1 − ε`.
    pub keep: S::Compute,
    /// `ε / C`; 0 where that underflows, so that a smoothing that weighs no class is none.
    pub share: S::Compute,
    /// `Σ w` over the classes (`C` without weights).
    pub total_weight: S::Compute,
    /// `1 / T`.
    pub inv_t: S::Compute,
    /// The reduction's divisor: the gradient is that of `Σ losses / divisor` (1 for a sum, 0
    /// for a mean over nothing, whose gradient is 0), in `f64`.
    pub divisor: f64,
    /// `1 / divisor` (0 for a divisor of 0), rounded to the compute element.
    pub grad_scale: S::Compute,
    /// Whether the gradient's uniform coefficients are finite, so that its fast form (one
    /// multiply-add per entry) cannot meet `∞ · 0`; where not, [`careful`] writes it.
    fast: bool,
}

impl<'a, S: Storage> Options<'a, S> {
    /// The options for `classes` classes, label smoothing `smoothing`, temperature `1 / inv_t`
    /// and a gradient of `Σ losses / divisor`.
    pub(crate) fn new(
        weight: Option<&'a [S]>,
        smoothing: S::Compute,
        classes: usize,
        inv_t: S::Compute,
        divisor: f64,
    ) -> Self {
        let mut o = Self {
            weight,
            keep: S::Compute::one() - smoothing,
            share: smoothing / count(classes),
            total_weight: summed(weight, classes),
            inv_t,
            divisor,
            grad_scale: reciprocal(divisor),
            fast: false,
        };
        let w_max = weight.map_or_else(S::Compute::one, |w| {
            w.iter()
                .fold(S::Compute::zero(), |m, &v| m.max(v.widen().abs()))
        });
        o.fast = [o.grad_scale, o.c() * w_max, o.target_term(w_max)]
            .iter()
            .all(|v| v.is_finite());
        o
    }

    /// The options of the classes `range` of a row (a chunk of a vocabulary), with their summed
    /// weight.
    pub(crate) fn part(&self, range: std::ops::Range<usize>) -> (Self, S::Compute) {
        let weight = self.weight.map(|w| &w[range.clone()]);
        (Self { weight, ..*self }, summed(weight, range.len()))
    }

    /// The weight of class `j`.
    #[inline(always)]
    pub(crate) fn w(&self, j: usize) -> S::Compute {
        self.weight.map_or_else(S::Compute::one, |w| w[j].widen())
    }

    /// Whether label smoothing weighs any class.
    #[inline(always)]
    fn smoothing(&self) -> bool {
        self.share > S::Compute::zero()
    }

    /// The gradient's multiplier of each class weight, `c = scale · ε/C / T`. The reduction's
    /// factor comes first, then `1 / T`: tiny weights and temperatures then do not overflow the
    /// product, and a zero factor stays 0 whatever the other.
    #[inline(always)]
    fn c(&self) -> S::Compute {
        weighted(self.share, self.grad_scale) * self.inv_t
    }

    /// The hard target's term of the gradient at a class whose hard target is `h` (`w_y` at
    /// the target class), `scale · (1 − ε) h / T`: the weight first, then the reduction's
    /// factor, then `1 / T`, so that neither product overflows for tiny weights and
    /// temperatures.
    #[inline(always)]
    fn target_term(&self, h: S::Compute) -> S::Compute {
        weighted(self.keep * h, self.grad_scale) * self.inv_t
    }
}

/// `Σ w` of the weights of `classes` classes (`classes` without weights).
fn summed<S: Storage>(weight: Option<&[S]>, classes: usize) -> S::Compute {
    weight.map_or_else(
        || count(classes),
        |w| {
            let mut total = Total::default();
            for &v in w {
                total.add(v.widen());
            }
            total.value()
        },
    )
}

/// The statistics of a row of logits (or of a part of one) that its cross-entropy needs, with
/// `z = (x − m) / T = d · s` ([`Shift`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RowStats<E> {
    /// The maximum `m` (−inf for a part with no mass).
    pub max: E,
    /// `s = Σ exp(z)`.
    pub sum: E,
    /// The part of `sum` from the entries below the maximum.
    pub tail: E,
    /// `Σ (ε/C) w z`, each term from [`Shift::weighted`], summed term by term (a term of weight 0 adding 0) so that it overflows only where the
    /// smoothing term of the loss does; 0 without label smoothing.
    pub smooth: E,
    /// `Σ w` over the row's (or part's) classes.
    pub weight: E,
}

impl<E: Elem> RowStats<E> {
    /// A part with no mass: every logit −inf (or none), of summed class weight `weight`, for a
    /// smoothing share `ε/C` (0 for none).
    pub(crate) fn no_mass(weight: E, share: E) -> Self {
        let smooth = weighted(share * weight, E::neg_infinity());
        Self {
            max: E::neg_infinity(),
            sum: E::zero(),
            tail: E::zero(),
            smooth,
            weight,
        }
    }

    /// The statistics of two parts of a row together (`inv_t = 1 / T`, `share = ε/C`): the sums
    /// move to the larger maximum, and everything of the part with the smaller one becomes tail.
    pub(crate) fn merge(self, other: Self, inv_t: E, share: E) -> Self {
        let (hi, lo) = if self.max >= other.max {
            (self, other)
        } else {
            (other, self)
        };
        let weight = hi.weight + lo.weight;
        if hi.max == E::neg_infinity() {
            // Neither part has mass.
            return Self {
                smooth: hi.smooth + lo.smooth,
                weight,
                ..hi
            };
        }
        // The smaller maximum, relative to the larger: its part's d all move by it.
        let dd = stats::d(lo.max, hi.max, inv_t);
        let f = (dd * stats::scale(inv_t)).exp();
        let moved = lo.sum * f;
        let tail = if lo.max == hi.max {
            hi.tail + lo.tail
        } else {
            hi.tail + moved
        };
        let smooth =
            hi.smooth + lo.smooth + stats::weighted(share * lo.weight, lo.max, hi.max, inv_t);
        Self {
            max: hi.max,
            sum: hi.sum + moved,
            tail,
            smooth,
            weight,
        }
    }
}

/// A row's hard target: `Σ hᵢ zᵢ`, each term from [`Shift::weighted`] (a term of weight 0 adding
/// 0), and `Σ hᵢ`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hard<V> {
    pub hd: V,
    pub h: V,
}

impl<E: Elem> Hard<E> {
    /// The class target `y`, of weight `w_y`, whose logit is `x_y`, in a row of maximum `m`,
    /// with the options' `inv_t = 1 / T`.
    pub(crate) fn class<S: Storage<Compute = E>>(x_y: E, w_y: E, m: E, o: &Options<'_, S>) -> Self {
        Self {
            hd: stats::weighted(w_y, x_y, m, o.inv_t),
            h: w_y,
        }
    }
}

/// The loss of rows, the multiplier `k` of `exp(z)` in their gradient, and `A = Σ aᵢ`, from
/// their statistics: written once over vectors, run with `Scalar` for one row at a time and with
/// wider vectors for many short rows at once.
#[inline(always)]
fn finish<V: Simd>(
    st: &RowStats<V>,
    hard: &Hard<V>,
    o: &Options<'_, impl Storage<Compute = V::E>>,
) -> (V, V, V) {
    let c = V::splat;
    let (zero, it) = (V::E::zero(), c(o.inv_t));
    let ln_s = stats::ln_of_sum(st.sum, st.tail);
    let keep = c(o.keep);
    // −(1 − ε) Σ hᵢ log pᵢ, with Σ hᵢ log pᵢ = Σ hᵢ zᵢ − ln s · Σ hᵢ, where Σ hᵢ zᵢ is the sum of
    // terms from `Shift::weighted`: it overflows only where it must.
    let hard_log_p = hard.hd.sub(ln_s.mul(hard.h));
    let mut loss = c(zero).sub(keep.zero_or(keep.mul(hard_log_p)));
    if o.smoothing() {
        // − ε/C Σ wᵢ log pᵢ = −(Σ (ε/C) wᵢ zᵢ − ln s · ε/C Σ wᵢ).
        let soft_log_p = st.smooth.sub(ln_s.mul(c(o.share).mul(st.weight)));
        loss = loss.sub(soft_log_p);
    }
    // A = (1 − ε) Σ hᵢ + ε/C Σ wᵢ, and k = scale · A / (T s).
    let a = keep.mul(hard.h).add(c(o.share).mul(st.weight));
    let k = a.zero_or(a.mul(c(o.grad_scale))).mul(it).div(st.sum);
    (loss, k, a)
}

/// The loss of one row from its statistics, and how its gradient is written.
pub(crate) fn finish_row<S: Storage>(
    st: RowStats<S::Compute>,
    hard: Hard<S::Compute>,
    o: &Options<'_, S>,
) -> (S::Compute, RowGradient<S::Compute>) {
    let v = |e| Scalar(e);
    let st = RowStats {
        max: v(st.max),
        sum: v(st.sum),
        tail: v(st.tail),
        smooth: v(st.smooth),
        weight: v(st.weight),
    };
    let hard = Hard {
        hd: v(hard.hd),
        h: v(hard.h),
    };
    let (loss, k, a) = finish(&st, &hard, o);
    let gradient = if o.fast && k.0.is_finite() {
        RowGradient::Fast { k: k.0 }
    } else {
        RowGradient::Careful {
            s: st.sum.0,
            a: a.0,
        }
    };
    (loss.0, gradient)
}

/// How a row's gradient is written from its exponentials `eⱼ = exp(zⱼ)`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum RowGradient<E> {
    /// `k eⱼ − c wⱼ − scale (1 − ε) hⱼ / T`, with every coefficient finite: one multiply-add per
    /// entry.
    Fast { k: E },
    /// Where a coefficient overflows (a tiny temperature with large weights, say): each entry as
    /// `((A eⱼ / s − aⱼ) / divisor) / T` in `f64`, which overflows only where the entry does and
    /// never makes `∞ · 0`; `s` is the row's sum and `A = Σ aᵢ`.
    Careful { s: E, a: E },
}

/// [`RowGradient::Careful`]: overwrites `g`, holding `e`, with the gradient of a row whose sum is
/// `s` and `A = a_total`, target `target` (its position, for a part of a row).
fn careful<S: Storage>(
    g: &mut [S],
    s: S::Compute,
    a_total: S::Compute,
    hard: impl Fn(usize) -> S::Compute,
    o: &Options<'_, S>,
) {
    if o.divisor == 0.0 {
        return g.fill(S::narrow(S::Compute::zero()));
    }
    let wide = crate::numeric::wide::<S::Compute>;
    let (s, a_total, it) = (wide(s), wide(a_total), wide(o.inv_t));
    let (keep, share) = (wide(o.keep), wide(o.share));
    for (j, gj) in g.iter_mut().enumerate() {
        let a = keep * wide(hard(j)) + share * wide(o.w(j));
        let u = a_total * (wide(gj.widen()) / s) - a;
        *gj = S::narrow(narrow(u / o.divisor * it));
    }
}

/// A sample's target.
#[derive(Clone, Copy, Debug)]
enum Target<'a, S> {
    /// A class index, or [`IGNORED`].
    Class(usize),
    /// Probabilities, one per class.
    Soft(&'a [S]),
}

/// The statistics of a row whose maximum `m` is finite, with `e = exp(z)` written into `e` when
/// given (the gradient buffer, which the gradient overwrites later), its pass for `Σ exp` asking
/// for the lines `ahead`. `Σ w d` only with label smoothing.
#[inline(always)]
fn row_stats<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    m: V::E,
    o: &Options<'_, S>,
    e: Option<&mut [S]>,
    ahead: Ahead<S>,
) -> RowStats<V::E> {
    let shift = Shift::new(V::splat(m), o.inv_t);
    let sum = match e {
        Some(e) => loops::map_sum_ahead(
            &mut Separate(x, e),
            #[inline(always)]
            |v: V| shift.z(v).exp(),
            ahead,
        ),
        None => stats::exp_sum::<V, S>(x, m, o.inv_t, ahead),
    };
    row_stats_of::<V, S>(x, m, o, sum)
}

/// [`row_stats`] of a row whose `Σ exp` is `sum`: the tail of a sum below 2 and `Σ w d` with
/// label smoothing.
#[inline(always)]
fn row_stats_of<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    m: V::E,
    o: &Options<'_, S>,
    sum: V::E,
) -> RowStats<V::E> {
    let zero = V::E::zero();
    let shift = Shift::new(V::splat(m), o.inv_t);
    let tail = if sum < V::E::TWO {
        loops::sum(
            x,
            m,
            #[inline(always)]
            |v: V| {
                let z = shift.z(v);
                z.zero_or(z.exp())
            },
        )
    } else {
        zero
    };
    let smooth = match (o.smoothing(), o.weight) {
        (false, _) => zero,
        (true, Some(w)) => {
            let share = V::splat(o.share);
            loops::sum2(
                x,
                w,
                #[inline(always)]
                |v: V, wv: V| {
                    // aᵢ = (ε/C) wᵢ, rounded as the gradient has it.
                    let a = share.mul(wv);
                    a.zero_or(shift.weighted(a, v))
                },
            )
        }
        (true, None) => {
            let share = V::splat(o.share);
            loops::sum(
                x,
                m,
                #[inline(always)]
                |v: V| shift.weighted(share, v),
            )
        }
    };
    RowStats {
        max: m,
        sum,
        tail,
        smooth,
        weight: o.total_weight,
    }
}

/// [`Hard`] for probability targets `q`, `hᵢ = wᵢ qᵢ`. Without class weights, blocked sums as
/// the row's others ([`loops::sum2`]); with them, a vector at a time, each vector's sum added in
/// `f64`.
#[inline(always)]
fn soft_hard<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    q: &[S],
    m: V::E,
    o: &Options<'_, S>,
) -> Hard<V::E> {
    let shift = Shift::new(V::splat(m), o.inv_t);
    let zero = V::E::zero();
    let Some(w) = o.weight else {
        return Hard {
            hd: loops::sum2(
                x,
                q,
                #[inline(always)]
                |v: V, h: V| h.zero_or(shift.weighted(h, v)),
            ),
            h: loops::sum(
                q,
                zero,
                #[inline(always)]
                |h: V| h,
            ),
        };
    };
    let (mut hd, mut hs) = (Total::default(), Total::default());
    let mut j = 0;
    while j < x.len() {
        let n = V::LANES.min(x.len() - j);
        let h = V::read_n(w, j, n, zero).mul(V::read_n(q, j, n, zero));
        let term = h.zero_or(shift.weighted(h, V::read_n(x, j, n, zero)));
        hd.add(loops::add_first(V::splat(zero), term, n).reduce_add());
        hs.add(h.reduce_add());
        j += n;
    }
    Hard {
        hd: hd.value(),
        h: hs.value(),
    }
}

/// Cross-entropy of one row of logits, and its gradient when asked: a pass for the maximum, one
/// for `Σ exp` (which writes the exponentials into the gradient), a short one for the tail of a
/// sum below 2, one for `Σ w x` with label smoothing, and one that scales the exponentials into
/// the gradient.
#[inline(always)]
fn row<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    target: Target<'_, S>,
    o: &Options<'_, S>,
    grad: Option<&mut [S]>,
    ahead: Ahead<S>,
) -> V::E {
    let zero = V::E::zero();
    if let Target::Class(IGNORED) = target {
        if let Some(g) = grad {
            g.fill(S::narrow(zero));
        }
        return zero;
    }
    match Edge::of(stats::max::<V, S>(x)) {
        Ok(m) => finite_row::<V, S>(x, m, target, o, grad, ahead),
        Err(edge) => match edge.cross_entropy::<V::E>() {
            Some((loss, g)) => {
                if let Some(grad) = grad {
                    grad.fill(S::narrow(g));
                }
                loss
            }
            None => finite_row::<V, S>(&stats::stand_in(x), zero, target, o, grad, ahead),
        },
    }
}

/// [`row`] for a row whose maximum `m` is finite.
#[inline(always)]
fn finite_row<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    m: V::E,
    target: Target<'_, S>,
    o: &Options<'_, S>,
    mut grad: Option<&mut [S]>,
    ahead: Ahead<S>,
) -> V::E {
    let st = row_stats::<V, S>(x, m, o, grad.as_deref_mut(), ahead);
    let hard = match target {
        Target::Class(y) => Hard::class(x[y].widen(), o.w(y), m, o),
        Target::Soft(q) => soft_hard::<V, S>(x, q, m, o),
    };
    let (loss, gradient) = finish_row(st, hard, o);
    if let Some(g) = grad {
        write_gradient::<V, S>(g, gradient, target, o);
    }
    loss
}

/// Overwrites `g`, holding a row's `exp(z)`, with the row's gradient as `gradient` says.
#[inline(always)]
fn write_gradient<V: Simd, S: Storage<Compute = V::E>>(
    g: &mut [S],
    gradient: RowGradient<V::E>,
    target: Target<'_, S>,
    o: &Options<'_, S>,
) {
    // g holds exp(z): g ← k g − c w − (the hard target's term).
    let k = match gradient {
        RowGradient::Fast { k } => k,
        RowGradient::Careful { s, a } => {
            let h = |j: usize| match target {
                Target::Class(y) if j == y => o.w(y),
                Target::Class(_) => V::E::zero(),
                Target::Soft(q) => o.w(j) * q[j].widen(),
            };
            return careful(g, s, a, h, o);
        }
    };
    let (kv, cv) = (V::splat(k), V::splat(o.c()));
    match target {
        Target::Class(y) => {
            match o.weight {
                Some(w) if o.smoothing() => scale::<V, S>(g, Some(w), None, kv, cv, o),
                _ => loops::map(
                    &mut InPlace(&mut *g),
                    #[inline(always)]
                    |e: V| e.mul(kv).sub(cv),
                ),
            }
            g[y] = S::narrow(g[y].widen() - o.target_term(o.w(y)));
        }
        Target::Soft(q) => scale::<V, S>(g, o.weight, Some(q), kv, cv, o),
    }
}

/// [`write_gradient`] for the class `y`, returning `Σ exp(z) z` of the row `x` (of maximum `m`)
/// from the exponentials `g` holds, in [`token::sums`]' bits: in the gradient's own pass where
/// that is `g ← k g − c` (the fast form, no class weights with label smoothing), in a pass of
/// its own before it elsewhere.
#[inline(always)]
fn write_gradient_and_ez<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    m: V::E,
    g: &mut [S],
    gradient: RowGradient<V::E>,
    y: usize,
    o: &Options<'_, S>,
) -> V::E {
    if let RowGradient::Fast { k } = gradient
        && !(o.weight.is_some() && o.smoothing())
    {
        let (kv, cv) = (V::splat(k), V::splat(o.c()));
        let t = token::ez_of::<V, S, true>(
            x,
            g,
            (m, o.inv_t),
            #[inline(always)]
            |e: V| e.mul(kv).sub(cv),
        );
        g[y] = S::narrow(g[y].widen() - o.target_term(o.w(y)));
        return t;
    }
    let t = token::ez_of::<V, S, false>(
        x,
        g,
        (m, o.inv_t),
        #[inline(always)]
        |e: V| e,
    );
    write_gradient::<V, S>(g, gradient, Target::Class(y), o);
    t
}

/// `g ← k g − c w − scale · (1 − ε) w q / T` in place, for class weights `w` (none: all 1) and
/// probability targets `q` (none: 0).
#[inline(always)]
fn scale<V: Simd, S: Storage<Compute = V::E>>(
    g: &mut [S],
    w: Option<&[S]>,
    q: Option<&[S]>,
    kv: V,
    cv: V,
    o: &Options<'_, S>,
) {
    let zero = V::E::zero();
    let (keep, gs, it) = (V::splat(o.keep), V::splat(o.grad_scale), V::splat(o.inv_t));
    let mut j = 0;
    while j < g.len() {
        let n = V::LANES.min(g.len() - j);
        // A `match`, not `map_or`: its closure was compiled apart from the kernel's instruction
        // set and called once per vector.
        let wv = match w {
            Some(w) => V::read_n(w, j, n, zero),
            None => V::splat(V::E::one()),
        };
        let mut coef = cv.mul(wv);
        if let Some(q) = q {
            // As `Options::target_term`, lane by lane.
            let h = keep.mul(wv.mul(V::read_n(q, j, n, zero)));
            coef = coef.add(h.zero_or(h.mul(gs)).mul(it));
        }
        V::read_n(g, j, n, zero).mul(kv).sub(coef).write_n(g, j, n);
        j += n;
    }
}

/// The target class of each of `targets.len()` lanes as a number (−1 where it is ignored,
/// unused or at an edge), and the target's logit and weight (0 there), picked from the classes'
/// vectors `t`: a lane takes class c's value while its target is at least c, so it ends with its
/// target's.
#[inline(always)]
fn pick_targets<V: Simd, S: Storage<Compute = V::E>>(
    t: &[V],
    targets: &[usize],
    edge: &[bool; MAX_LANES],
    o: &Options<'_, S>,
) -> (V, V, V) {
    let zero = V::splat(V::E::zero());
    let mut ys = [-V::E::one(); MAX_LANES];
    for (q, &y) in targets.iter().enumerate() {
        if !edge[q] && y != IGNORED {
            ys[q] = count(y);
        }
    }
    let yv = V::load(&ys);
    let (mut xy, mut wy) = (zero, zero);
    for (class, &v) in t.iter().enumerate() {
        let c = V::splat(count(class));
        xy = yv.select_lt(c, xy, v);
        if o.weight.is_some() {
            wy = yv.select_lt(c, wy, V::splat(o.w(class)));
        }
    }
    if o.weight.is_none() {
        wy = yv.select_lt(zero, zero, V::splat(V::E::one()));
    }
    (yv, xy, wy)
}

/// Fused cross-entropy of `n = targets.len() ≤ LANES` lanes of `len` classes against class
/// indices, laid out as `across` says from `x[0]` (and `grad[0]`): short rows gathered, or a
/// strip of columns. Class `i` of every lane is held in one vector (`t[i]`), so that each lane's
/// sums run along its classes in the same order whatever lanes lie beside it (a lone one
/// included), and memory is read once. Lanes whose maximum is not finite go through [`row`]
/// afterwards.
#[inline(always)]
fn across<V: Simd, S: Storage<Compute = V::E>, A: Across, G: Across>(
    x: &[S],
    across: A,
    targets: &[usize],
    losses: &mut [V::E],
    mut grad: GradOut<'_, '_, S, G>,
    o: &Options<'_, S>,
    t: &mut [V],
) {
    let zero = V::E::zero();
    let one = V::E::one();
    let (len, n) = (t.len(), targets.len());
    let m = columns::load_lanes::<V, S, A>(x, across, n, t);
    let mut redo = Vec::new();
    let mut edge = [false; MAX_LANES];
    let m = finite_max(m, n, &mut edge);
    let shift = Shift::new(m, o.inv_t);
    let s = V::splat(stats::scale(o.inv_t));
    for q in (0..n).filter(|&q| edge[q]) {
        redo.push((q, true));
    }
    let (yv, xy, wy) = pick_targets(t, targets, &edge, o);
    let mut smooth = V::splat(zero);
    if o.smoothing() {
        for (class, &v) in t.iter().enumerate() {
            // A class whose weight is 0 adds 0, even where its logit is −inf.
            let ak = o.share * o.w(class);
            if ak != zero {
                smooth = smooth.add(stats::weighted_z(V::splat(ak), shift.d(v), s));
            }
        }
    }
    // The gradient's exponentials, computed once, kept in `t`.
    let (sum, tail) = columns::exp_sums(
        t,
        #[inline(always)]
        |_, v| {
            let z = shift.d(*v).mul(s);
            let e = z.exp();
            *v = e;
            (z, e)
        },
    );
    // Per lane: the target's logit and weight, and 1 if it counts (0 if ignored).
    let (xy, wy, live) = (
        xy,
        wy,
        yv.select_lt(V::splat(zero), V::splat(zero), V::splat(one)),
    );
    let st = RowStats {
        max: m,
        sum,
        tail,
        smooth,
        weight: V::splat(o.total_weight),
    };
    let hard = Hard {
        hd: wy.zero_or(shift.weighted(wy, xy)),
        h: wy,
    };
    let (loss, k, _) = finish(&st, &hard, o);
    // `row` writes the gradient of a lane whose coefficients overflow (every lane, where the
    // uniform ones do); its loss stays this one, which does not depend on the divisor (they
    // do), so that `loss` and `loss_and_grad` give the same bits.
    let mut ks = [zero; MAX_LANES];
    k.store(&mut ks);
    let wants_grad = !matches!(grad, GradOut::None);
    let slow = |q: usize| wants_grad && !edge[q] && (!o.fast || !ks[q].is_finite());
    redo.extend((0..n).filter(|&q| slow(q)).map(|q| (q, false)));
    if edge[..n].contains(&true) {
        let mut out = [zero; MAX_LANES];
        live.zero_or(loss).store(&mut out);
        for q in (0..n).filter(|&q| !edge[q]) {
            losses[q] = out[q];
        }
    } else {
        live.zero_or(loss).write_n(losses, 0, n);
    }
    if wants_grad {
        // Ignored lanes get 0 (masked, not multiplied: the coefficients may be infinite).
        let (kp, kw) = (live.zero_or(k), live.zero_or(V::splat(o.c())));
        // The hard target's term, as `Options::target_term`, lane by lane.
        let h = V::splat(o.keep).mul(wy);
        let tt = h
            .zero_or(h.mul(V::splat(o.grad_scale)))
            .mul(V::splat(o.inv_t));
        let lane_terms = LaneTerms { kp, kw, tt, yv };
        match &mut grad {
            GradOut::Into(g, ga) => {
                for (class, &e) in t.iter().enumerate() {
                    ga.prefetch_write::<V, S>(g, class);
                    ga.store(lane_terms.class(e, class, o), g, class, n);
                }
            }
            GradOut::Terms(out, first) => out.put(*first, n, shift.offset(), lane_terms),
            GradOut::None => {}
        }
    }
    // Edge lanes take `row`'s loss too; the others keep theirs.
    for (q, its_loss) in redo {
        let lane = across.lane(x, q, len);
        let mut lane_grad = wants_grad.then(|| vec![S::narrow(zero); len]);
        let target = Target::Class(targets[q]);
        let loss = row::<V, S>(&lane, target, o, lane_grad.as_deref_mut(), Ahead::NONE);
        match (&mut grad, lane_grad) {
            (GradOut::Into(g, ga), Some(lg)) => ga.put(&lg, g, q),
            (GradOut::Terms(out, first), Some(lg)) => out.edges.push((*first + q, lg)),
            _ => {}
        }
        if its_loss {
            losses[q] = loss;
        }
    }
}

/// Where [`across`] sends the gradient: nowhere; into a buffer, laid out as `G` says; or, for
/// lanes `first..` of a block, as each lane's terms ([`GradTerms`]) for [`gradient_rows`].
enum GradOut<'a, 'b, S: Storage, G> {
    None,
    Into(&'a mut [S], G),
    Terms(&'a mut GradTerms<'b, S>, usize),
}

impl<'a, S: Storage, G> GradOut<'a, '_, S, G> {
    #[inline(always)]
    fn into_buffer(grad: Option<(&'a mut [S], G)>) -> Self {
        grad.map_or(Self::None, |(g, ga)| Self::Into(g, ga))
    }
}

/// Per lane, what the gradient of each class takes once the lane's sums are known.
#[derive(Clone, Copy)]
struct LaneTerms<V> {
    /// The coefficient of `exp(z)` (0 where ignored).
    kp: V,
    /// The coefficient of the class weights (0 where ignored).
    kw: V,
    /// The hard target's term.
    tt: V,
    /// The target, as a number (negative where ignored).
    yv: V,
}

impl<V: Simd> LaneTerms<V> {
    /// The gradient of class `class` at `e = exp(z)`: `e · kp − kw · w_class`, less `tt` where
    /// the lane's target is this class.
    #[inline(always)]
    fn class<S: Storage<Compute = V::E>>(self, e: V, class: usize, o: &Options<'_, S>) -> V {
        let zero = V::splat(V::E::zero());
        let (c, above) = (V::splat(count(class)), V::splat(count(class + 1)));
        let at_target = self
            .yv
            .select_lt(c, zero, self.yv.select_lt(above, self.tt, zero));
        let g_class = e.mul(self.kp).sub(self.kw.mul(V::splat(o.w(class))));
        g_class.sub(at_target)
    }
}

/// Each lane's gradient terms ([`LaneTerms`] and its shift's offset), one value per lane in each
/// slice, for a gradient written a row of classes at a time ([`gradient_rows`]); and the lanes
/// whose gradient `row` worked out alone, `(lane, gradient)`.
pub(crate) struct GradTerms<'a, S: Storage> {
    pub offset: &'a mut [S::Compute],
    pub kp: &'a mut [S::Compute],
    pub kw: &'a mut [S::Compute],
    pub tt: &'a mut [S::Compute],
    pub yv: &'a mut [S::Compute],
    pub edges: Vec<(usize, Vec<S>)>,
}

impl<'a, S: Storage> GradTerms<'a, S> {
    /// The terms in five slices of one value per lane: offsets, `kp`, `kw`, `tt`, targets.
    pub(crate) fn new([offset, kp, kw, tt, yv]: [&'a mut [S::Compute]; 5]) -> Self {
        Self {
            offset,
            kp,
            kw,
            tt,
            yv,
            edges: Vec::new(),
        }
    }

    /// The terms of `values.len() / 5` lanes, in five consecutive parts of `values`.
    pub(crate) fn of(values: &'a mut [S::Compute]) -> Self {
        let mut parts = values.chunks_exact_mut(values.len() / 5);
        Self::new(std::array::from_fn(|_| parts.next().unwrap_or_default()))
    }

    #[inline(always)]
    fn put<V: Simd<E = S::Compute>>(&mut self, first: usize, n: usize, offset: V, t: LaneTerms<V>) {
        offset.write_n(self.offset, first, n);
        t.kp.write_n(self.kp, first, n);
        t.kw.write_n(self.kw, first, n);
        t.tt.write_n(self.tt, first, n);
        t.yv.write_n(self.yv, first, n);
    }
}

/// [`across`] for short rows (`len ≤ SHORT_ROW` classes), a vector of rows at a time.
#[inline(always)]
fn short_rows<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    len: usize,
    targets: &[usize],
    losses: &mut [V::E],
    mut grad: Option<&mut [S]>,
    o: &Options<'_, S>,
) {
    let mut t = [V::splat(V::E::zero()); columns::SHORT_ROW];
    let mut first = 0;
    while first < targets.len() {
        let n = V::LANES.min(targets.len() - first);
        let g = grad
            .as_deref_mut()
            .map(|g| (&mut g[first * len..], Gathered(len)));
        let r = first..first + n;
        across::<V, S, _, _>(
            &x[first * len..],
            Gathered(len),
            &targets[r.clone()],
            &mut losses[r],
            GradOut::into_buffer(g),
            o,
            &mut t[..len],
        );
        first += n;
    }
}

/// [`across`] for the column lanes of consecutive row-major blocks `c` (no longer than
/// [`columns::LONG_COLUMN`]), a strip of columns at a time: lanes `b · width + j` of block `b`.
#[inline(always)]
fn column_blocks<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    c: Columns,
    targets: &[usize],
    losses: &mut [V::E],
    mut grad: Option<&mut [S]>,
    mut terms: Option<&mut GradTerms<'_, S>>,
    o: &Options<'_, S>,
) {
    let mut t = [V::splat(V::E::zero()); columns::LONG_COLUMN];
    for b in 0..c.blocks(x.len()).unwrap_or(0) {
        let start = c.block_start(b);
        for (j, n) in c.strips(V::LANES) {
            let (at, lanes) = (start + j, b * c.width + j..b * c.width + j + n);
            let (x, s) = (&x[at..start + c.span()], Strip(c.stride));
            let (y, l, t) = (
                &targets[lanes.clone()],
                &mut losses[lanes.clone()],
                &mut t[..c.len],
            );
            // Two calls, so that each compiles without the other's branches.
            if let Some(terms) = terms.as_deref_mut() {
                across::<V, S, _, Strip>(x, s, y, l, GradOut::Terms(terms, lanes.start), o, t);
            } else {
                let g = grad.as_deref_mut().map(|g| (&mut g[at..], s));
                across::<V, S, _, _>(x, s, y, l, GradOut::into_buffer(g), o, t);
            }
        }
    }
}

/// The gradient of the classes `first..` (the rows of `x`, `width` lanes each) of column lanes
/// whose terms [`logits_column_terms`] gave: the bits [`logits_columns`] writes, but for the
/// lanes it lists apart.
#[inline(always)]
fn gradient_rows<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    grad: &mut [S],
    first: usize,
    terms: &GradTerms<'_, S>,
    o: &Options<'_, S>,
) {
    let width = terms.kp.len();
    let zero = V::E::zero();
    for (i, (xr, gr)) in x
        .chunks_exact(width)
        .zip(grad.chunks_exact_mut(width))
        .enumerate()
    {
        let mut j = 0;
        while j < width {
            let n = V::LANES.min(width - j);
            let read = |v: &[V::E]| V::read_n(v, j, n, zero);
            let shift = Shift::with_offset(read(terms.offset), o.inv_t);
            let lane_terms = LaneTerms {
                kp: read(terms.kp),
                kw: read(terms.kw),
                tt: read(terms.tt),
                yv: read(terms.yv),
            };
            let e = shift.z(V::read_n(xr, j, n, zero)).exp();
            lane_terms.class(e, first + i, o).write_n(gr, j, n);
            j += n;
        }
    }
}

/// [`row`] with the row's per-token statistics ([`Token`]) from the same passes where it can
/// (a finite row, class target, gradient asked for): the pass for the maximum counts the logits
/// above the target's ([`token::peak`]), the pass that turns the exponentials into the gradient
/// sums `Σ exp(z) z` on its way ([`token::ez_of`]; the pass for `Σ exp` is busy with `exp`), and
/// the argmax is a scan that stops at the maximum. Elsewhere (ignored rows, edges) the
/// statistics come from [`token::lane_with`]. The loss and gradient are [`row`]'s bits, the
/// statistics [`token::lane`]'s.
#[inline(always)]
fn row_and_token<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    y: usize,
    o: &Options<'_, S>,
    g: &mut [S],
    ahead: Ahead<S>,
    (needs, zeta): (Needs, V::E),
) -> (V::E, Token<V::E>) {
    let limit = (needs.rank && y != IGNORED).then(|| x[y].widen());
    let p = token::peak::<V, S>(x, limit);
    let Ok(m) = Edge::of(p.max)
        .map_err(|_| ())
        .and_then(|m| if y == IGNORED { Err(()) } else { Ok(m) })
    else {
        let loss = row::<V, S>(x, Target::Class(y), o, Some(g), ahead);
        let target = (y != IGNORED).then_some(y);
        return (loss, token::lane_with::<V, S>(x, o.inv_t, target, needs));
    };
    let xy = x[y].widen();
    // `Σ exp(z) z` is summed in the gradient's pass, below.
    let (sum, _) = token::sums::<V, S, true>(x, g, (m, o.inv_t), false, ahead);
    let st = row_stats_of::<V, S>(x, m, o, sum);
    let (loss, mut gradient) = finish_row(st, Hard::class(xy, o.w(y), m, o), o);
    let ln_s = stats::ln_of_sum(Scalar(st.sum), Scalar(st.tail)).0;
    // The z-loss's gradient `2ζ · lse · p · f` (f = the target's weight / divisor / T) is `∝ exp(z)`:
    // folded into the fast form's coefficient, `k + 2ζ · lse · f / s`, where that stays finite.
    let mut z_folded = false;
    if zeta > V::E::zero()
        && let RowGradient::Fast { k } = gradient
    {
        let f = weighted(weighted(o.w(y), o.grad_scale), o.inv_t);
        let alpha = f * (V::E::TWO * zeta * (m * o.inv_t + ln_s));
        let folded = k + alpha / st.sum;
        if alpha.is_finite() && folded.is_finite() {
            (gradient, z_folded) = (RowGradient::Fast { k: folded }, true);
        }
    }
    let t = if needs.ez {
        write_gradient_and_ez::<V, S>(x, m, g, gradient, y, o)
    } else {
        write_gradient::<V, S>(g, gradient, Target::Class(y), o);
        V::E::zero()
    };
    let mut token = Token::finite(
        (m, o.inv_t, ln_s, st.sum, t),
        Some(xy),
        if needs.argmax {
            // Not `bool::then`: its closure would be compiled apart from the kernel's
            // instruction set.
            Some(token::first_of::<V, S>(x, m))
        } else {
            None
        },
        limit.map(|_| p.above),
    );
    token.z_folded = z_folded;
    (loss, token)
}

struct RowsWithTokens<'a, S: Storage> {
    x: &'a [S],
    len: usize,
    targets: &'a [usize],
    losses: &'a mut [S::Compute],
    grad: &'a mut [S],
    tokens: &'a mut [Token<S::Compute>],
    o: Options<'a, S>,
    needs: Needs,
    zeta: S::Compute,
}

impl<S: Storage> Kernel for RowsWithTokens<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let Self {
            x,
            len,
            targets,
            losses,
            grad,
            tokens,
            o,
            needs,
            zeta,
        } = self;
        let next = Ahead::after(x, len).writing(grad);
        let rows = x
            .chunks_exact(len)
            .zip(grad.chunks_exact_mut(len))
            .zip(losses.iter_mut().zip(tokens.iter_mut()))
            .zip(targets);
        for (r, (((x, g), (loss, tk)), &y)) in rows.enumerate() {
            (*loss, *tk) = row_and_token::<V, S>(x, y, &o, g, next.of(r), (needs, zeta));
        }
    }
}

/// Whether [`logits_with_tokens`] takes rows of `len` logits: not short rows, which [`logits`]
/// takes a vector of rows at a time.
pub(crate) fn takes_tokens(len: usize) -> bool {
    len > columns::SHORT_ROW
}

/// [`logits`] with class targets and the gradient, rows of `len` logits, and each row's
/// [`Token`] (against its target; none for an ignored row) into `tokens`: the statistics from the
/// gradient's passes. With `zeta > 0` (a z-loss without the entropy bonus), each counted row's
/// gradient also carries the z-loss's, `2ζ · logsumexp · p` times the target's weight / divisor
/// / T, where it folds into the gradient's coefficient (the token says so: `z_folded`). Short
/// rows (which [`logits`] takes a vector of rows at a time) are not taken here.
#[allow(clippy::too_many_arguments)]
pub(crate) fn logits_with_tokens<S: Storage>(
    isa: Isa,
    x: &[S],
    len: usize,
    targets: &[usize],
    losses: &mut [S::Compute],
    grad: &mut [S],
    tokens: &mut [Token<S::Compute>],
    o: Options<'_, S>,
    (needs, zeta): (Needs, S::Compute),
) {
    assert!(len > 0 && x.len() == losses.len() * len && grad.len() == x.len());
    assert!(targets.len() == losses.len() && tokens.len() == losses.len());
    assert!(o.weight.is_none_or(|w| w.len() == len));
    isa.run(RowsWithTokens {
        x,
        len,
        targets,
        losses,
        grad,
        tokens,
        o,
        needs,
        zeta,
    });
}

struct Logits<'a, S: Storage> {
    x: &'a [S],
    len: usize,
    targets: Targets<'a, S>,
    losses: &'a mut [S::Compute],
    grad: Option<&'a mut [S]>,
    o: Options<'a, S>,
}

impl<S: Storage> Kernel for Logits<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let Self {
            x,
            len,
            targets,
            losses,
            mut grad,
            o,
        } = self;
        // Short rows compute the gradient's fast form only; `row` writes the others' (a choice
        // that depends on the reduction's divisor, so it leaves the loss alone: the loss is the
        // same bits with and without its gradient, whatever the divisor).
        if let Targets::Classes(t) = targets
            && columns::short_rows::<V>(len)
        {
            return short_rows::<V, S>(x, len, t, losses, grad, &o);
        }
        let mut next = Ahead::after(x, len);
        if let Some(g) = grad.as_deref() {
            next = next.writing(g);
        }
        for (r, (x, loss)) in x.chunks_exact(len).zip(losses.iter_mut()).enumerate() {
            let target = match targets {
                Targets::Classes(t) => Target::Class(t[r]),
                Targets::Probabilities(q) => Target::Soft(&q[r * len..(r + 1) * len]),
            };
            let g = grad.as_deref_mut().map(|g| &mut g[r * len..(r + 1) * len]);
            *loss = row::<V, S>(x, target, &o, g, next.of(r));
        }
    }
}

/// Per-row cross-entropy of rows of `len` logits against their targets (class indices, an
/// [`IGNORED`] row giving 0, or probabilities, rows of `len` as the logits), into `losses`, and
/// the gradient of `Σ losses · grad_scale` into `grad` when given.
///
/// Every class index must be [`IGNORED`] or below `len`: the caller validates them.
pub(crate) fn logits<S: Storage>(
    isa: Isa,
    x: &[S],
    len: usize,
    targets: Targets<'_, S>,
    losses: &mut [S::Compute],
    grad: Option<&mut [S]>,
    o: Options<'_, S>,
) {
    assert!(len > 0 && x.len() == losses.len() * len);
    assert!(match targets {
        Targets::Classes(t) => t.len() == losses.len(),
        Targets::Probabilities(q) => q.len() == x.len(),
    });
    // Validated by the caller (a pass of its own over every target); indexing is checked anyway.
    debug_assert!(match targets {
        Targets::Classes(t) => t.iter().all(|&y| y == IGNORED || y < len),
        Targets::Probabilities(_) => true,
    });
    assert!(grad.as_ref().is_none_or(|g| g.len() == x.len()));
    assert!(o.weight.is_none_or(|w| w.len() == len));
    isa.run(Logits {
        x,
        len,
        targets,
        losses,
        grad,
        o,
    });
}

struct ColumnLogits<'a, 'b, S: Storage> {
    x: &'a [S],
    c: Columns,
    targets: &'a [usize],
    losses: &'a mut [S::Compute],
    grad: Option<&'a mut [S]>,
    terms: Option<&'a mut GradTerms<'b, S>>,
    o: Options<'a, S>,
}

impl<S: Storage> Kernel for ColumnLogits<'_, '_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        column_blocks::<V, S>(
            self.x,
            self.c,
            self.targets,
            self.losses,
            self.grad,
            self.terms,
            &self.o,
        );
    }
}

/// [`logits`] for lanes that are the columns of consecutive row-major blocks `c` (the class
/// axis of an N-d array that is not its last, as PyTorch lays out segmentation logits): block
/// `b`'s column `j` is sample `b · width + j`, and the gradient has the logits' layout. At most
/// [`columns::LONG_COLUMN`] classes, class-index targets.
pub(crate) fn logits_columns<S: Storage>(
    isa: Isa,
    x: &[S],
    c: Columns,
    targets: &[usize],
    losses: &mut [S::Compute],
    grad: Option<&mut [S]>,
    o: Options<'_, S>,
) {
    check_columns(x, c, targets, losses, &o);
    assert!(grad.as_ref().is_none_or(|g| g.len() == x.len()));
    isa.run(ColumnLogits {
        x,
        c,
        targets,
        losses,
        grad,
        terms: None,
        o,
    });
}

/// [`logits_columns`] for one block (`c` possibly strided: some of a wider block's columns, read
/// in place) whose gradient is to be written a row of classes at a time, by
/// [`gradient_with_terms`]: the losses, and each lane's gradient terms into `terms`.
pub(crate) fn logits_column_terms<S: Storage>(
    isa: Isa,
    x: &[S],
    c: Columns,
    targets: &[usize],
    losses: &mut [S::Compute],
    terms: &mut GradTerms<'_, S>,
    o: Options<'_, S>,
) {
    check_columns(x, c, targets, losses, &o);
    let w = c.width;
    assert!(c.blocks(x.len()) == Some(1));
    assert!(
        [&terms.offset, &terms.kp, &terms.kw, &terms.tt, &terms.yv]
            .iter()
            .all(|v| v.len() == w)
    );
    isa.run(ColumnLogits {
        x,
        c,
        targets,
        losses,
        grad: None,
        terms: Some(terms),
        o,
    });
}

fn check_columns<S: Storage>(
    x: &[S],
    c: Columns,
    targets: &[usize],
    losses: &[S::Compute],
    o: &Options<'_, S>,
) {
    let blocks = c.blocks(x.len());
    assert!(c.len <= columns::LONG_COLUMN && blocks.is_some_and(|b| losses.len() == b * c.width));
    assert!(targets.len() == losses.len());
    // Validated by the caller (a pass of its own over every target); indexing is checked anyway.
    debug_assert!(targets.iter().all(|&y| y == IGNORED || y < c.len));
    assert!(o.weight.is_none_or(|w| w.len() == c.len));
}

struct GradientRows<'a, 'b, S: Storage> {
    x: &'a [S],
    grad: &'a mut [S],
    first: usize,
    terms: &'a GradTerms<'b, S>,
    o: Options<'a, S>,
}

impl<S: Storage> Kernel for GradientRows<'_, '_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        gradient_rows::<V, S>(self.x, self.grad, self.first, self.terms, &self.o);
    }
}

/// The gradient of the classes `first..` of the block whose lanes' terms
/// [`logits_column_terms`] gave, `x` and `grad` holding those classes' rows (all lanes): what
/// [`logits_columns`] writes there, but for the lanes in `terms.edges`, which go in afterwards.
pub(crate) fn gradient_with_terms<S: Storage>(
    isa: Isa,
    x: &[S],
    grad: &mut [S],
    first: usize,
    terms: &GradTerms<'_, S>,
    o: Options<'_, S>,
) {
    let w = terms.kp.len();
    assert!(w > 0 && x.len().is_multiple_of(w) && grad.len() == x.len());
    assert!(
        [&terms.offset, &terms.tt, &terms.kw, &terms.yv]
            .iter()
            .all(|v| v.len() == w)
    );
    assert!(o.weight.is_none_or(|wt| first + x.len() / w <= wt.len()));
    isa.run(GradientRows {
        x,
        grad,
        first,
        terms,
        o,
    });
}

struct Part<'a, S: Storage> {
    x: &'a [S],
    o: Options<'a, S>,
    weight: S::Compute,
}

impl<S: Storage> Kernel for Part<'_, S> {
    type S = S;
    type Output = (RowStats<S::Compute>, Option<Edge>);
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) -> Self::Output {
        let (x, o, weight) = (self.x, &self.o, self.weight);
        match Edge::of(stats::max::<V, S>(x)) {
            Ok(m) => (
                RowStats {
                    weight,
                    ..row_stats::<V, S>(x, m, o, None, Ahead::NONE)
                },
                None,
            ),
            Err(Edge::NoMass) => (RowStats::no_mass(weight, o.share), None),
            Err(Edge::Infinite) => {
                let stand_in = stats::stand_in(x);
                let zero = V::E::zero();
                (
                    RowStats {
                        weight,
                        ..row_stats::<V, S>(&stand_in, zero, o, None, Ahead::NONE)
                    },
                    Some(Edge::Infinite),
                )
            }
            Err(Edge::Nan) => (RowStats::no_mass(weight, V::E::zero()), Some(Edge::Nan)),
        }
    }
}

/// The statistics of the part `x` of a row (a chunk of a vocabulary, say), and the edge case it
/// is if it holds NaN or +inf: for +inf, the statistics are its stand-in's. `o.weight` holds the
/// part's class weights, and `weight` their sum.
pub(crate) fn part_stats<S: Storage>(
    isa: Isa,
    x: &[S],
    o: Options<'_, S>,
    weight: S::Compute,
) -> (RowStats<S::Compute>, Option<Edge>) {
    isa.run(Part { x, o, weight })
}

/// The statistics of a row seen a part at a time ([`part_stats`]), merged as they come.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Streamed<E> {
    /// What has been seen so far (`None` before the first part).
    pub stats: Option<RowStats<E>>,
    /// [`Edge::Nan`] once a NaN was seen, [`Edge::Infinite`] once a +inf was (the statistics are
    /// then the stand-in's).
    pub edge: Option<Edge>,
}

impl<E: Elem> Streamed<E> {
    pub(crate) const NEW: Self = Self {
        stats: None,
        edge: None,
    };

    /// Adds a part, from [`part_stats`].
    pub(crate) fn push(&mut self, (part, edge): (RowStats<E>, Option<Edge>), inv_t: E, share: E) {
        if self.edge == Some(Edge::Nan) || edge == Some(Edge::Nan) {
            self.edge = Some(Edge::Nan);
            return;
        }
        // Where one side has +inf logits and the other not, the other's stand-in has no mass.
        let (seen, part) = match (self.edge, edge) {
            (None, Some(Edge::Infinite)) => {
                self.edge = edge;
                (self.stats.map(|s| RowStats::no_mass(s.weight, share)), part)
            }
            (Some(Edge::Infinite), None) => (self.stats, RowStats::no_mass(part.weight, share)),
            _ => (self.stats, part),
        };
        self.stats = Some(match seen {
            Some(seen) => seen.merge(part, inv_t, share),
            None => part,
        });
    }
}

struct PartGradient<'a, S: Storage> {
    z: &'a mut [S],
    m: S::Compute,
    gradient: RowGradient<S::Compute>,
    target: Option<usize>,
    o: Options<'a, S>,
}

impl<S: Storage> Kernel for PartGradient<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let Self {
            z,
            m,
            gradient,
            target,
            o,
        } = self;
        let shift = Shift::new(V::splat(m), o.inv_t);
        let k = match gradient {
            RowGradient::Fast { k } => k,
            RowGradient::Careful { s, a } => {
                loops::map(
                    &mut InPlace(&mut *z),
                    #[inline(always)]
                    |v: V| shift.z(v).exp(),
                );
                let h = |j| {
                    if Some(j) == target {
                        o.w(j)
                    } else {
                        V::E::zero()
                    }
                };
                return careful(z, s, a, h, &o);
            }
        };
        let (kv, cv) = (V::splat(k), V::splat(o.c()));
        match o.weight.filter(|_| o.smoothing()) {
            Some(w) => {
                let zero = V::E::zero();
                let mut j = 0;
                while j < z.len() {
                    let n = V::LANES.min(z.len() - j);
                    let e = shift.z(V::read_n(z, j, n, zero)).exp();
                    e.mul(kv)
                        .sub(cv.mul(V::read_n(w, j, n, zero)))
                        .write_n(z, j, n);
                    j += n;
                }
            }
            None => loops::map(
                &mut InPlace(&mut *z),
                #[inline(always)]
                |v: V| shift.z(v).exp().mul(kv).sub(cv),
            ),
        }
        if let Some(y) = target {
            z[y] = S::narrow(z[y].widen() - o.target_term(o.w(y)));
        }
    }
}

/// Overwrites the logits `z` of a part of a row with their gradient, as `gradient` (the row's)
/// says, `m` being the row's maximum and `target` the target's position in the part, if there.
pub(crate) fn part_gradient<S: Storage>(
    isa: Isa,
    z: &mut [S],
    m: S::Compute,
    gradient: RowGradient<S::Compute>,
    target: Option<usize>,
    o: Options<'_, S>,
) {
    assert!(target.is_none_or(|y| y < z.len()));
    isa.run(PartGradient {
        z,
        m,
        gradient,
        target,
        o,
    });
}

/// What the input of a cross-entropy holds, when it is not logits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Given {
    /// Log-probabilities: `log p = x`.
    LogProbabilities,
    /// Probabilities: `log p = max(ln x, −100)`, as PyTorch clamps it.
    Probabilities,
}

/// Cross-entropy of rows of `len` log-probabilities or probabilities (no softmax), per row into
/// `losses`, and the gradient of `Σ losses · grad_scale` with respect to the input into `grad`:
/// `loss = −Σ aᵢ log pᵢ`, `∂loss/∂xᵢ = −aᵢ ∂log pᵢ/∂xᵢ`, with `aᵢ = (1 − ε) hᵢ + ε/C wᵢ` as for
/// logits.
pub(crate) fn given<S: Storage>(
    x: &[S],
    len: usize,
    kind: Given,
    targets: Targets<'_, S>,
    losses: &mut [S::Compute],
    mut grad: Option<&mut [S]>,
    o: &Options<'_, S>,
) {
    let zero = S::Compute::zero();
    let floor =
        <S::Compute as num_traits::NumCast>::from(-100.0).unwrap_or_else(S::Compute::neg_infinity);
    for (r, (xr, loss)) in x.chunks_exact(len).zip(losses.iter_mut()).enumerate() {
        let g = grad.as_deref_mut().map(|g| &mut g[r * len..(r + 1) * len]);
        // The hard target hᵢ of each class.
        let h = |i: usize| -> S::Compute {
            match &targets {
                Targets::Classes(t) if t[r] == i => o.w(i),
                Targets::Classes(_) => zero,
                Targets::Probabilities(q) => o.w(i) * q[r * len + i].widen(),
            }
        };
        if let Targets::Classes(t) = &targets
            && t[r] == IGNORED
        {
            *loss = zero;
            if let Some(g) = g {
                g.fill(S::narrow(zero));
            }
            continue;
        }
        let log_p = |i: usize| -> S::Compute {
            let v = xr[i].widen();
            match kind {
                Given::LogProbabilities => v,
                Given::Probabilities => v.ln().max(floor),
            }
        };
        // −Σ aᵢ log pᵢ, summed in f64 and rounded once: the terms of a log-probability near the
        // type's range do not overflow a partial sum.
        let a = |i: usize| o.keep * h(i) + o.share * o.w(i);
        let mut total = Total::default();
        for i in 0..len {
            total.add(weighted(a(i), log_p(i)));
        }
        *loss = zero - total.value::<S::Compute>();
        if let Some(g) = g {
            for (i, gi) in g.iter_mut().enumerate() {
                // `a / divisor` in f64: a divisor near the type's smallest values does not
                // overflow a reciprocal.
                let a = if o.divisor == 0.0 {
                    zero
                } else {
                    narrow::<S::Compute>(crate::numeric::wide(a(i)) / o.divisor)
                };
                // −a ∂log p/∂x: −a for log-probabilities, −a / x for probabilities (0 where the
                // log is clamped).
                *gi = S::narrow(match kind {
                    Given::LogProbabilities => zero - a,
                    Given::Probabilities => {
                        let lp = log_p(i);
                        if lp > floor || lp.is_nan() {
                            zero - a / xr[i].widen()
                        } else {
                            zero
                        }
                    }
                });
            }
        }
    }
}

/// Lanes that are columns of a row-major block, laid out as rows in a tile and back: the
/// cross-entropy of lanes the column kernels do not take runs the row kernels on such a tile.
/// Entry `i` of lane `l` is `rows[l · len + i]` in the tile, and in the block the lane's column
/// of row `i`. Both ways go down the block a row at a time, reading or writing the row's piece
/// contiguously, a vector at a time, and scattering it into the tile's column or gathering it
/// from there (the tile stays in cache); the block's lines are asked for ahead, since rows `stride`
/// apart are a pattern the hardware prefetchers do not follow.
enum Tile<'a, 'b, S> {
    /// From the block `x` (rows `stride` apart, lane `l` in column `first + l`) into the tile.
    /// Asks for the lines of the next tile (the lanes after these) as it goes.
    In {
        x: &'a [S],
        stride: usize,
        first: usize,
        rows: &'a mut [S],
    },
    /// From the tile into `out`, row `i` of the block from its first lane's column. Asks for the
    /// lines of the row [`TILE_ROWS_AHEAD`] on, to be written.
    Out {
        rows: &'a [S],
        out: &'a mut [&'b mut [S]],
        first: usize,
    },
}

/// How many rows ahead [`Tile::Out`] asks for the lines it will write (8 and 16 measured alike,
/// `[16, 1000, 256]` along axis 1).
const TILE_ROWS_AHEAD: usize = 8;

struct TileKernel<'a, 'b, S> {
    tile: Tile<'a, 'b, S>,
    len: usize,
}

impl<S: Storage> Kernel for TileKernel<'_, '_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let (zero, len) = (S::Compute::zero(), self.len);
        let line = 64 / size_of::<S>();
        // Whether a vector's 32-bit offsets span `len` elements apart; if not, entry by entry.
        let vectors = i32::try_from(len.saturating_mul(V::LANES)).is_ok();
        match self.tile {
            Tile::In {
                x,
                stride,
                first,
                rows,
            } => {
                let lanes = rows.len() / len;
                for i in 0..len {
                    let at = i * stride + first;
                    for k in (0..lanes).step_by(line) {
                        simd::prefetch(x, at + lanes + k);
                    }
                    let src = &x[at..at + lanes];
                    if !vectors {
                        for (l, &v) in src.iter().enumerate() {
                            rows[l * len + i] = v;
                        }
                        continue;
                    }
                    let mut l = 0;
                    while l < lanes {
                        let n = (lanes - l).min(V::LANES);
                        S::scatter(V::read_n(src, l, n, zero), rows, l * len + i, len, n);
                        l += n;
                    }
                }
            }
            Tile::Out { rows, out, first } => {
                let lanes = rows.len() / len;
                for i in 0..out.len() {
                    if let Some(next) = out.get(i + TILE_ROWS_AHEAD) {
                        for k in (0..lanes).step_by(line) {
                            simd::prefetch_write(next, first + k);
                        }
                    }
                    let dst = &mut out[i][first..first + lanes];
                    if !vectors {
                        for (l, d) in dst.iter_mut().enumerate() {
                            *d = rows[l * len + i];
                        }
                        continue;
                    }
                    let mut l = 0;
                    while l < lanes {
                        let n = (lanes - l).min(V::LANES);
                        let v: V = S::gather(rows, l * len + i, len, n, zero);
                        v.write_n(dst, l, n);
                        l += n;
                    }
                }
            }
        }
    }
}

/// Lanes `first ..` of the block `x` (rows `stride` apart) as the rows of `len` of `rows`: as
/// many lanes as `rows` holds rows.
pub(crate) fn tile_in<S: Storage>(
    isa: Isa,
    x: &[S],
    stride: usize,
    first: usize,
    len: usize,
    rows: &mut [S],
) {
    assert!(len > 0 && rows.len().is_multiple_of(len));
    let lanes = rows.len() / len;
    assert!(lanes == 0 || (len - 1) * stride + first + lanes <= x.len());
    isa.run(TileKernel {
        tile: Tile::In {
            x,
            stride,
            first,
            rows,
        },
        len,
    });
}

/// The rows of `len` of `rows` as lanes `first ..` of a block whose row `i` is `out[i]`.
pub(crate) fn tile_out<S: Storage>(
    isa: Isa,
    rows: &[S],
    len: usize,
    out: &mut [&mut [S]],
    first: usize,
) {
    assert!(len > 0 && rows.len().is_multiple_of(len) && out.len() == len);
    isa.run(TileKernel {
        tile: Tile::Out { rows, out, first },
        len,
    });
}
