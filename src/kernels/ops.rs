//! The lane operations of the softmax family, as kernels over rows of `len` contiguous elements.
//!
//! Each function takes a flat slice holding whole lanes one after another, so a contiguous array
//! is one call, and a single lane is a call with one row.

use super::columns::{self, Columns, SHORT_ROW, lse_short_rows, normalize_short_rows};
use super::loops::{self, InPlace, Into, Io};
use num_traits::{Float as _, One as _, Zero as _};

use super::{Elem, Isa, Kernel, Simd};

/// Softmax or log-softmax of `x / T`, with `inv_t = 1 / T`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Normalize<E> {
    pub inv_t: E,
    pub log: bool,
}

/// What a lane holds when its maximum is not finite.
pub(crate) enum Special<E> {
    /// Some entry is NaN.
    Nan,
    /// `k` entries are +inf (and none NaN).
    PosInf(usize),
    /// Every entry is −inf (or the lane is empty).
    AllNegInf,
    /// The maximum `m` is finite.
    Finite(E),
}

/// The maximum of a lane, NaN if any entry is NaN.
#[inline(always)]
fn lane_max<V: Simd>(x: &[V::E]) -> V::E {
    let ninf = V::E::neg_infinity();
    loops::fold(x, V::splat(ninf), ninf, V::max_nan, V::max_nan).reduce_max_nan()
}

#[inline(always)]
pub(crate) fn classify<E: Elem>(x: &[E], m: E) -> Special<E> {
    if m.is_nan() {
        Special::Nan
    } else if m == E::infinity() {
        Special::PosInf(x.iter().filter(|&&v| v == m).count())
    } else if m == E::neg_infinity() {
        Special::AllNegInf
    } else {
        Special::Finite(m)
    }
}

/// Writes the defined result for a lane whose maximum is not finite (DESIGN.md, Semantics).
#[inline(always)]
pub(crate) fn normalize_special<E: Elem, I: Io<E>>(io: &mut I, special: &Special<E>, log: bool) {
    let n = io.src().len();
    for i in 0..n {
        let v = io.src()[i];
        io.dst()[i] = match *special {
            Special::Nan => E::nan(),
            Special::AllNegInf if log => E::neg_infinity(),
            Special::AllNegInf => E::zero(),
            Special::PosInf(k) => {
                let k = count::<E>(k);
                match (v == E::infinity(), log) {
                    (true, true) => -k.ln(),
                    (true, false) => k.recip(),
                    (false, true) => E::neg_infinity(),
                    (false, false) => E::zero(),
                }
            }
            Special::Finite(_) => v,
        };
    }
}

/// `ln s` for `s = Σ exp((x − m) / T)`, exact also when `s` is close to 1 (one entry holds nearly
/// all the mass, the case of a confident, correct prediction): `ln s` of the rounded sum would be
/// off by a whole ε there. The terms below the maximum are summed again on their own (`tail`),
/// and `ln s = ln k + ln(1 + tail / k)` with `k` the number of entries equal to the maximum.
#[inline(always)]
fn ln_sum<V: Simd>(x: &[V::E], m: V::E, inv_t: V::E, s: V::E) -> V::E {
    let two = V::E::one() + V::E::one();
    if s >= two || s.is_nan() {
        return s.ln();
    }
    let (mv, it) = (V::splat(m), V::splat(inv_t));
    let tail = loops::sum(
        x,
        m,
        #[inline(always)]
        |v: V| mv.sub(v).mul0(v.sub(mv).mul(it).exp()),
    );
    let k = (s - tail).round();
    k.ln() + (tail / k).ln_1p()
}

/// Softmax or log-softmax of one lane: a pass for the maximum, then for softmax one pass that
/// writes `exp((x − m) / T)` and sums it and one that scales by the reciprocal of the sum; for
/// log-softmax one pass that sums and one that writes `(x − m) / T − ln Σ`.
#[inline(always)]
fn normalize_lane<V: Simd, I: Io<V::E>>(io: &mut I, op: Normalize<V::E>) {
    let m = match classify(io.src(), lane_max::<V>(io.src())) {
        Special::Finite(m) => m,
        special => return normalize_special(io, &special, op.log),
    };
    let (mv, it) = (V::splat(m), V::splat(op.inv_t));
    if op.log {
        let s = loops::sum(
            io.src(),
            V::E::neg_infinity(),
            #[inline(always)]
            |v: V| v.sub(mv).mul(it).exp(),
        );
        let c = V::splat(ln_sum::<V>(io.src(), m, op.inv_t, s));
        loops::map(
            io,
            #[inline(always)]
            |v: V| v.sub(mv).mul(it).sub(c),
        );
    } else {
        let s = loops::map_sum(
            io,
            #[inline(always)]
            |v: V| v.sub(mv).mul(it).exp(),
        );
        let r = V::splat(s.recip());
        loops::map(
            &mut InPlace(io.dst()),
            #[inline(always)]
            |v: V| v.mul(r),
        );
    }
}

struct NormalizeRows<'a, E> {
    x: &'a [E],
    out: &'a mut [E],
    len: usize,
    op: Normalize<E>,
}

impl<E: Elem> Kernel for NormalizeRows<'_, E> {
    type E = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = E>>(self) {
        if V::LANES > 1 && self.len <= SHORT_ROW && self.x.len() > self.len {
            return normalize_short_rows::<V, _>(&mut Into(self.x, self.out), self.len, self.op);
        }
        let rows = self
            .x
            .chunks_exact(self.len)
            .zip(self.out.chunks_exact_mut(self.len));
        for (x, o) in rows {
            normalize_lane::<V, _>(&mut Into(x, o), self.op);
        }
    }
}

struct NormalizeRowsInPlace<'a, E> {
    x: &'a mut [E],
    len: usize,
    op: Normalize<E>,
}

impl<E: Elem> Kernel for NormalizeRowsInPlace<'_, E> {
    type E = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = E>>(self) {
        if V::LANES > 1 && self.len <= SHORT_ROW && self.x.len() > self.len {
            return normalize_short_rows::<V, _>(&mut InPlace(self.x), self.len, self.op);
        }
        for x in self.x.chunks_exact_mut(self.len) {
            normalize_lane::<V, _>(&mut InPlace(x), self.op);
        }
    }
}

/// Softmax or log-softmax of each row of `len` elements of `x`, into `out`.
pub(crate) fn normalize_rows<E: Elem>(
    isa: Isa,
    x: &[E],
    out: &mut [E],
    len: usize,
    op: Normalize<E>,
) {
    assert!(len > 0 && x.len() == out.len() && x.len().is_multiple_of(len));
    isa.run(NormalizeRows { x, out, len, op });
}

/// Softmax or log-softmax of each row of `len` elements of `x`, in place.
pub(crate) fn normalize_rows_inplace<E: Elem>(isa: Isa, x: &mut [E], len: usize, op: Normalize<E>) {
    assert!(len > 0 && x.len().is_multiple_of(len));
    isa.run(NormalizeRowsInPlace { x, len, op });
}

/// Elements per block of the online maximum-and-sum: small enough to stay in L1 between its two
/// passes.
const BLOCK: usize = 2048;

/// The running `(max, Σ exp((x − max) / T))` of a slice, in one pass over memory: each block is
/// read twice while it sits in L1, and the sum is rescaled when the maximum grows.
///
/// The maximum is NaN if any entry is NaN, +inf if any is +inf (the sum is then meaningless), and
/// −inf with a zero sum if every entry is −inf or the slice is empty.
#[inline(always)]
fn max_sum<V: Simd>(x: &[V::E], inv_t: V::E) -> (V::E, V::E) {
    let ninf = V::E::neg_infinity();
    let (mut m, mut s) = (ninf, V::E::zero());
    for block in x.chunks(BLOCK) {
        let bm = lane_max::<V>(block);
        if bm.is_nan() {
            return (bm, bm);
        }
        if bm > m {
            if m > ninf {
                s = s * ((m - bm) * inv_t).exp();
            }
            m = bm;
        }
        if m.is_finite() {
            let (mv, it) = (V::splat(m), V::splat(inv_t));
            s = s + loops::sum(
                block,
                ninf,
                #[inline(always)]
                |v: V| v.sub(mv).mul(it).exp(),
            );
        }
    }
    (m, s)
}

struct MaxSum<'a, E> {
    x: &'a [E],
    inv_t: E,
}

impl<E: Elem> Kernel for MaxSum<'_, E> {
    type E = E;
    type Output = (E, E);
    #[inline(always)]
    fn run<V: Simd<E = E>>(self) -> (E, E) {
        max_sum::<V>(self.x, self.inv_t)
    }
}

/// `(max, Σ exp((x − max) / T))` of `x` (see `max_sum` for the non-finite cases).
pub(crate) fn max_sum_slice<E: Elem>(isa: Isa, x: &[E], inv_t: E) -> (E, E) {
    isa.run(MaxSum { x, inv_t })
}

/// `log Σ exp(x / T)` from the running pair of `max_sum`.
#[inline]
pub(crate) fn lse_value<E: Elem>(m: E, s: E, inv_t: E) -> E {
    if m.is_finite() { m * inv_t + s.ln() } else { m }
}

struct LseRows<'a, E> {
    x: &'a [E],
    out: &'a mut [E],
    len: usize,
    inv_t: E,
}

impl<E: Elem> Kernel for LseRows<'_, E> {
    type E = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = E>>(self) {
        if V::LANES > 1 && self.len <= SHORT_ROW && self.out.len() > 1 {
            return lse_short_rows::<V>(self.x, self.out, self.len, self.inv_t);
        }
        for (x, o) in self.x.chunks_exact(self.len).zip(self.out.iter_mut()) {
            let (m, s) = max_sum::<V>(x, self.inv_t);
            // Near 0 (one dominant entry, s < 2), ln s as ln k + ln(1 + tail / k).
            *o = if m.is_finite() {
                m * self.inv_t + ln_sum::<V>(x, m, self.inv_t, s)
            } else {
                lse_value(m, s, self.inv_t)
            };
        }
    }
}

/// `logsumexp(x / T)` of each row of `len` elements of `x`, one value per row into `out`.
pub(crate) fn lse_rows<E: Elem>(isa: Isa, x: &[E], out: &mut [E], len: usize, inv_t: E) {
    assert!(len > 0 && x.len() == out.len() * len);
    isa.run(LseRows { x, out, len, inv_t });
}

/// A vector–Jacobian product of the softmax family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Vjp {
    /// `p ⊙ (g − Σ g⊙p)`, from the softmax output `p` (also the JVP: the Jacobian is symmetric);
    /// an entry whose `p` is 0 contributes 0 and gets 0, even where `g` is infinite.
    Softmax,
    /// `g − exp(log_p) Σ g`, from the log-softmax output; 0 for a lane where every `log_p` is −inf.
    LogSoftmax,
}

struct VjpRows<'a, E> {
    y: &'a [E],
    g: &'a [E],
    out: &'a mut [E],
    len: usize,
    kind: Vjp,
}

impl<E: Elem> Kernel for VjpRows<'_, E> {
    type E = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = E>>(self) {
        let zero = E::zero();
        let rows = self
            .y
            .chunks_exact(self.len)
            .zip(self.g.chunks_exact(self.len))
            .zip(self.out.chunks_exact_mut(self.len));
        for ((y, g), out) in rows {
            match self.kind {
                Vjp::Softmax => {
                    let d = loops::sum2(
                        y,
                        g,
                        #[inline(always)]
                        |p: V, g: V| p.mul0(p.mul(g)),
                    );
                    let dv = V::splat(d);
                    loops::zip_map_into(
                        y,
                        g,
                        out,
                        #[inline(always)]
                        |p: V, g| p.mul0(p.mul(g.sub(dv))),
                    );
                }
                Vjp::LogSoftmax => {
                    if lane_max::<V>(y) == E::neg_infinity() {
                        out.fill(zero);
                        continue;
                    }
                    let sg = loops::sum(
                        g,
                        zero,
                        #[inline(always)]
                        |v: V| v,
                    );
                    let neg_sg = V::splat(-sg);
                    loops::zip_map_into(
                        y,
                        g,
                        out,
                        #[inline(always)]
                        |lp: V, g| lp.exp().mul_add(neg_sg, g),
                    );
                }
            }
        }
    }
}

/// The vector–Jacobian product `kind` of each row of `len` elements.
pub(crate) fn vjp_rows<E: Elem>(isa: Isa, y: &[E], g: &[E], out: &mut [E], len: usize, kind: Vjp) {
    assert!(
        len > 0 && y.len() == out.len() && g.len() == out.len() && out.len().is_multiple_of(len)
    );
    isa.run(VjpRows {
        y,
        g,
        out,
        len,
        kind,
    });
}

struct Sigmoid<'a, E> {
    x: &'a [E],
    out: &'a mut [E],
}

impl<E: Elem> Kernel for Sigmoid<'_, E> {
    type E = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = E>>(self) {
        let one = V::splat(E::one());
        // σ(x) = 1 / (1 + e^−|x|) for x ≥ 0 and e^−|x| / (1 + e^−|x|) below: neither overflows.
        loops::map(
            &mut Into(self.x, self.out),
            #[inline(always)]
            |x: V| {
                let e = V::splat(E::zero()).sub(x.abs()).exp();
                let s = one.div(one.add(e));
                x.select_sign(s, e.mul(s))
            },
        );
    }
}

/// The logistic sigmoid of each element.
pub(crate) fn sigmoid_slice<E: Elem>(isa: Isa, x: &[E], out: &mut [E]) {
    isa.run(Sigmoid { x, out });
}

/// Options of the fused cross-entropy over rows of class logits, with class-index targets.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CrossEntropyRows<'a, E> {
    /// Per-class weights, or `None` for all 1.
    pub weight: Option<&'a [E]>,
    /// Label smoothing ε in `[0, 1]`.
    pub smoothing: E,
    /// `1 / T`.
    pub inv_t: E,
    /// Multiplier of the gradient (the reduction's `1 / denominator`, or 1).
    pub grad_scale: E,
}

/// `n` as a float.
#[inline]
pub(crate) fn count<E: Elem>(n: usize) -> E {
    <E as num_traits::NumCast>::from(n).unwrap_or_else(E::infinity)
}

/// Target of a row that is ignored: its loss and gradient are 0.
pub(crate) const IGNORED: usize = usize::MAX;

/// `0` where `c` is 0, else `c · v`: the limit convention `0 · ∞ = 0` of terms whose weight is 0.
#[inline]
pub(crate) fn mul0<E: Elem>(c: E, v: E) -> E {
    if c == E::zero() { c } else { c * v }
}

/// `0` where either factor is 0, else `a · b`: [`mul0`] for a product whose factors may each be
/// infinite where the other vanishes.
#[inline]
pub(crate) fn mul0_either<E: Elem>(a: E, b: E) -> E {
    if b == E::zero() { b } else { mul0(a, b) }
}

/// The loss of one row whose maximum is not finite, and its gradient, from the defined softmax
/// of such a lane (see `normalize_special`): NaN lanes give NaN, all −inf lanes give loss +inf and
/// gradient 0, and +inf entries share the mass.
fn cross_entropy_special<E: Elem>(
    x: &[E],
    y: usize,
    special: &Special<E>,
    o: &CrossEntropyRows<'_, E>,
    grad: Option<&mut [E]>,
) -> E {
    let c = count::<E>(x.len());
    let w = |j: usize| o.weight.map_or(E::one(), |w| w[j]);
    let (loss, fill) = match *special {
        Special::Nan => (E::nan(), Some(E::nan())),
        Special::AllNegInf => (E::infinity(), Some(E::zero())),
        Special::PosInf(_) | Special::Finite(_) => (E::zero(), None),
    };
    if let Some(fill) = fill {
        if let Some(g) = grad {
            g.fill(fill);
        }
        return loss;
    }
    let k = match *special {
        Special::PosInf(k) => count::<E>(k),
        _ => E::one(),
    };
    let (lp_inf, p_inf) = (-k.ln(), k.recip());
    let lp = |j: usize| {
        if x[j] == E::infinity() {
            lp_inf
        } else {
            E::neg_infinity()
        }
    };
    let p = |j: usize| {
        if x[j] == E::infinity() {
            p_inf
        } else {
            E::zero()
        }
    };
    let (keep, share) = (E::one() - o.smoothing, o.smoothing / c);
    let total_w = (0..x.len()).fold(E::zero(), |acc, j| acc + w(j));
    let mut loss = -mul0(keep * w(y), lp(y));
    for j in 0..x.len() {
        loss = loss - mul0(share * w(j), lp(j));
    }
    if let Some(g) = grad {
        let a_total = keep * w(y) + share * total_w;
        let scale = o.grad_scale * o.inv_t;
        for (j, gj) in g.iter_mut().enumerate() {
            *gj = scale * (a_total * p(j) - share * w(j));
        }
        g[y] = g[y] - scale * keep * w(y);
    }
    loss
}

/// Turns `g = exp((x − m) / T)` into the cross-entropy gradient `k·g − c·w` (all but the
/// target's own term), `w` the class weights or 1.
#[inline(always)]
fn scale_gradient<V: Simd>(g: &mut [V::E], weight: Option<&[V::E]>, k: V::E, c: V::E) {
    match weight {
        Some(w) if c != V::E::zero() => {
            let (kv, cv) = (V::splat(k), V::splat(c));
            let (mut gs, mut ws) = (g.chunks_exact_mut(V::LANES), w.chunks_exact(V::LANES));
            for (gc, wc) in (&mut gs).zip(&mut ws) {
                V::load(gc).mul(kv).sub(cv.mul(V::load(wc))).store(gc);
            }
            for (gv, &wv) in gs.into_remainder().iter_mut().zip(ws.remainder()) {
                *gv = *gv * k - c * wv;
            }
        }
        _ => {
            let (kv, cv) = (V::splat(k), V::splat(c));
            loops::map(
                &mut InPlace(g),
                #[inline(always)]
                |e: V| e.mul(kv).sub(cv),
            );
        }
    }
}

/// Cross-entropy of one row of logits `x` with class `y`, and, if asked, its gradient, fused: a
/// pass for the maximum, one for `Σ exp` (and, with smoothing, one for `Σ w x`), and one that
/// writes `scale / T · (A p − a)` where `a` is the smoothed, weighted target and `A = Σ a`.
#[inline(always)]
fn cross_entropy_row<V: Simd>(
    x: &[V::E],
    y: usize,
    o: &CrossEntropyRows<'_, V::E>,
    grad: Option<&mut [V::E]>,
) -> V::E {
    let zero = V::E::zero();
    if y == IGNORED {
        if let Some(g) = grad {
            g.fill(zero);
        }
        return zero;
    }
    let m = match classify(x, lane_max::<V>(x)) {
        Special::Finite(m) => m,
        special => return cross_entropy_special(x, y, &special, o, grad),
    };
    let c = count::<V::E>(x.len());
    let (mv, it) = (V::splat(m), V::splat(o.inv_t));
    // With a gradient, exp((x − m) / T) goes into it while being summed, and is scaled in place
    // below: one exp per element, as in softmax.
    let mut grad = grad;
    let s = match grad.as_deref_mut() {
        Some(g) => loops::map_sum(
            &mut Into(x, g),
            #[inline(always)]
            |v: V| v.sub(mv).mul(it).exp(),
        ),
        None => loops::sum(
            x,
            V::E::neg_infinity(),
            #[inline(always)]
            |v: V| v.sub(mv).mul(it).exp(),
        ),
    };
    if s.is_nan() {
        if let Some(g) = grad {
            g.fill(s);
        }
        return s;
    }
    let ln_s = ln_sum::<V>(x, m, o.inv_t, s);
    let wy = o.weight.map_or(V::E::one(), |w| w[y]);
    let keep = V::E::one() - o.smoothing;
    let share = o.smoothing / c;
    // log p_y = (x_y − m) / T − ln s; a target whose weight is 0 adds 0, even at x_y = −inf.
    let mut loss = -mul0(keep * wy, (x[y] - m) * o.inv_t - ln_s);
    let mut total_w = c;
    // A smoothing whose share ε / C underflows to 0 weighs no class (and 1 − ε rounds to 1):
    // skipped, so that `share · Σ w log p` cannot make 0 · (−inf).
    if share > zero {
        // Σ_c w_c log p_c = Σ_c w_c (x_c − m) / T − ln s · Σ_c w_c.
        let (wx, w_sum) = match o.weight {
            Some(w) => (
                loops::sum2(
                    x,
                    w,
                    #[inline(always)]
                    |v: V, wv: V| wv.mul0(wv.mul(v.sub(mv))),
                ),
                loops::sum(
                    w,
                    zero,
                    #[inline(always)]
                    |v: V| v,
                ),
            ),
            None => (
                loops::sum(
                    x,
                    m,
                    #[inline(always)]
                    |v: V| v.sub(mv),
                ),
                c,
            ),
        };
        total_w = w_sum;
        loss = loss - share * (wx * o.inv_t - ln_s * w_sum);
    } else if let Some(w) = o.weight {
        total_w = loops::sum(
            w,
            zero,
            #[inline(always)]
            |v: V| v,
        );
    }
    if let Some(g) = grad {
        // The reduction's factor first, then 1/T: tiny weights and temperatures then do not
        // overflow the product; a zero factor stays 0 whatever the other.
        let scaled = |a: V::E| mul0(a, o.grad_scale) * o.inv_t;
        let a_total = keep * wy + share * total_w;
        scale_gradient::<V>(g, o.weight, scaled(a_total) / s, scaled(share));
        g[y] = g[y] - scaled(keep * wy);
    }
    loss
}

struct CrossEntropyKernel<'a, E> {
    x: &'a [E],
    len: usize,
    targets: &'a [usize],
    losses: &'a mut [E],
    grad: Option<&'a mut [E]>,
    o: CrossEntropyRows<'a, E>,
}

impl<E: Elem> Kernel for CrossEntropyKernel<'_, E> {
    type E = E;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = E>>(self) {
        if V::LANES > 1 && self.len <= SHORT_ROW && self.targets.len() > 1 {
            let o = self.o;
            return columns::cross_entropy_short_rows::<V>(
                self.x,
                self.len,
                self.targets,
                self.losses,
                self.grad,
                &self.o,
                #[inline(always)]
                |x: &[E], y: usize, g: Option<&mut [E]>| cross_entropy_row::<V>(x, y, &o, g),
            );
        }
        let rows = self
            .x
            .chunks_exact(self.len)
            .zip(self.targets)
            .zip(self.losses.iter_mut());
        match self.grad {
            Some(grad) => {
                for (((x, &y), loss), g) in rows.zip(grad.chunks_exact_mut(self.len)) {
                    *loss = cross_entropy_row::<V>(x, y, &self.o, Some(g));
                }
            }
            None => {
                for ((x, &y), loss) in rows {
                    *loss = cross_entropy_row::<V>(x, y, &self.o, None);
                }
            }
        }
    }
}

/// Per-row cross-entropy of rows of `len` logits against class indices (`IGNORED` rows give 0),
/// into `losses`, and the gradient of `Σ losses · grad_scale` into `grad` when given.
///
/// Every target must be `IGNORED` or below `len`: the caller validates them.
pub(crate) fn cross_entropy_rows<E: Elem>(
    isa: Isa,
    x: &[E],
    len: usize,
    targets: &[usize],
    losses: &mut [E],
    grad: Option<&mut [E]>,
    o: CrossEntropyRows<'_, E>,
) {
    assert!(len > 0 && x.len() == targets.len() * len && losses.len() == targets.len());
    assert!(targets.iter().all(|&y| y == IGNORED || y < len));
    assert!(grad.as_ref().is_none_or(|g| g.len() == x.len()));
    assert!(o.weight.is_none_or(|w| w.len() == len));
    isa.run(CrossEntropyKernel {
        x,
        len,
        targets,
        losses,
        grad,
        o,
    });
}

/// How the lanes of a contiguous buffer are laid out.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Layout {
    /// Consecutive rows of this many elements, one lane each.
    Rows(usize),
    /// One row-major block whose columns are the lanes.
    Columns(Columns),
}

/// Softmax or log-softmax of every lane of `x`, into `out` (same layout).
pub(crate) fn normalize<E: Elem>(
    isa: Isa,
    x: &[E],
    out: &mut [E],
    layout: Layout,
    op: Normalize<E>,
) {
    match layout {
        Layout::Rows(len) => normalize_rows(isa, x, out, len, op),
        Layout::Columns(c) => columns::normalize_columns(isa, x, out, c, op),
    }
}

/// Softmax or log-softmax of every lane of `x`, in place.
pub(crate) fn normalize_inplace<E: Elem>(isa: Isa, x: &mut [E], layout: Layout, op: Normalize<E>) {
    match layout {
        Layout::Rows(len) => normalize_rows_inplace(isa, x, len, op),
        Layout::Columns(c) => columns::normalize_columns_inplace(isa, x, c, op),
    }
}

/// `logsumexp(x / T)` of every lane of `x`, one per lane into `out`, in the lanes' order.
pub(crate) fn lse<E: Elem>(isa: Isa, x: &[E], out: &mut [E], layout: Layout, inv_t: E) {
    match layout {
        Layout::Rows(len) => lse_rows(isa, x, out, len, inv_t),
        Layout::Columns(c) => columns::lse_columns(isa, x, out, c, inv_t),
    }
}
