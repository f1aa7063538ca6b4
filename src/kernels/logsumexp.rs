//! `logsumexp(x / T)` of every lane: rows (read once from memory, an online maximum and sum),
//! column strips and panels, and short rows gathered across rows; [`logsumexp`] chooses among them. Also
//! the running `(max, sum)` of a slice that [`LogSumExp`](crate::LogSumExp) merges.

use num_traits::{Float as _, One as _, Zero as _};

use super::columns::{self, Columns, Online, PANEL, finite_max, online_panel, strip_max};
use super::dispatch::{Compute, Kernel};
use super::loops::Ahead;
use super::scalar::Scalar;
use super::simd::MAX_LANES;
use super::stats::Shift;
use super::{Elem, Isa, Lanes, Simd, Storage, stats};
use crate::edge::Edge;

/// Elements per block of the online maximum-and-sum: small enough to stay in L1 between its two
/// passes.
const BLOCK: usize = 2048;

/// The running `(max, Σ exp((x − max) / T))` of a slice, in one pass over memory: each block is
/// read twice while it sits in L1 (the sum's pass asking for the next block's lines, and the last
/// block's for those `ahead`), and the sum is rescaled when the maximum grows.
///
/// The maximum is NaN if any entry is NaN, +inf if any is +inf (the sum is then meaningless), and
/// −inf with a zero sum if every entry is −inf or the slice is empty.
#[inline(always)]
fn max_sum<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    inv_t: V::E,
    ahead: Ahead<S>,
) -> (V::E, V::E) {
    let ninf = V::E::neg_infinity();
    let (mut m, mut s) = (ninf, V::E::zero());
    let blocks = x.len().div_ceil(BLOCK);
    let next = Ahead::after(x, BLOCK);
    for (k, block) in x.chunks(BLOCK).enumerate() {
        let bm = stats::max::<V, S>(block);
        if bm.is_nan() {
            return (bm, bm);
        }
        if bm > m {
            if m > ninf {
                s = s * stats::z(m, bm, inv_t).exp();
            }
            m = bm;
        }
        if m.is_finite() {
            let ahead = if k + 1 < blocks { next.of(k) } else { ahead };
            s = s + stats::exp_sum::<V, S>(block, m, inv_t, ahead);
        }
    }
    (m, s)
}

/// `logsumexp(x / T)` of one lane, read once from memory (and once more, from L1, for the tail of
/// a sum below 2).
#[inline(always)]
fn lane<V: Simd, S: Storage<Compute = V::E>>(x: &[S], inv_t: V::E, ahead: Ahead<S>) -> V::E {
    let (m, s) = max_sum::<V, S>(x, inv_t, ahead);
    match Edge::of(m) {
        Ok(m) => m * inv_t + stats::ln_sum::<V, S>(x, m, inv_t, s),
        Err(edge) => edge.logsumexp(),
    }
}

/// `logsumexp(x / T)` of every column lane of a block, one per column into `out`.
#[inline(always)]
fn block<V: Simd, S: Storage<Compute = V::E>>(x: &[S], out: &mut [V::E], c: Columns, inv_t: V::E) {
    if c.long() {
        return panels::<V, S>(x, out, c, inv_t);
    }
    let it = V::splat(inv_t);
    for (j, n) in c.strips(V::LANES) {
        let mut edge = [false; MAX_LANES];
        let raw = strip_max::<V, S>(x, c, j, n);
        let m = finite_max(raw, n, &mut edge);
        let shift = Shift::new(m, inv_t);
        let (mut sum, mut tail) = (columns::Kahan::new(), columns::Kahan::new());
        for i in 0..c.len {
            let z = shift.z(c.read::<V, S>(x, i, j, n, V::E::zero()));
            let e = z.exp();
            sum.add(e);
            tail.add(z.zero_or(e));
        }
        let (mut ms, mut lse) = ([V::E::zero(); MAX_LANES], [V::E::zero(); MAX_LANES]);
        raw.store(&mut ms);
        m.mul(it)
            .add(stats::ln_of_sum(sum.sum, tail.sum))
            .store(&mut lse);
        for k in 0..n {
            out[j + k] = match Edge::of(ms[k]) {
                Ok(_) => lse[k],
                Err(e) => e.logsumexp(),
            };
        }
    }
}

/// `logsumexp` of long column lanes, one online pass down the rows per panel of columns.
#[inline(always)]
fn panels<V: Simd, S: Storage<Compute = V::E>>(x: &[S], out: &mut [V::E], c: Columns, inv_t: V::E) {
    let mut j0 = 0;
    while j0 < c.width {
        let p = PANEL.min(c.width - j0);
        let Online { m, mut s, tail } = online_panel::<V, S, true>(x, c, j0, p, inv_t);
        columns::ln_of_sums::<V>(&mut s, &tail);
        for k in 0..p {
            out[j0 + k] = match Edge::of(m[k]) {
                Ok(m) => m * inv_t + s[k],
                Err(e) => e.logsumexp(),
            };
        }
        j0 += p;
    }
}

/// `logsumexp` of short rows, `LANES` rows at a time: entry `i` of each gathered into one
/// vector, so that each lane holds one row and its sums run along the row in the same order
/// whatever rows lie beside it (a lone row included).
#[inline(always)]
fn short_rows<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    out: &mut [V::E],
    len: usize,
    inv_t: V::E,
) {
    let zero = V::E::zero();
    let it = V::splat(inv_t);
    let mut t = [V::splat(zero); columns::SHORT_ROW];
    let t = &mut t[..len];
    let mut row = 0;
    while row < out.len() {
        let n = V::LANES.min(out.len() - row);
        let xb = &x[row * len..(row + n) * len];
        let raw = columns::load_lanes::<V, S, _>(xb, columns::Gathered(len), n, t);
        let mut edge = [false; MAX_LANES];
        let m = finite_max(raw, n, &mut edge);
        let shift = Shift::new(m, inv_t);
        let (sum, tail) = columns::exp_sums(
            t,
            #[inline(always)]
            |_, v| {
                let z = shift.z(*v);
                (z, z.exp())
            },
        );
        let lse = m.mul(it).add(stats::ln_of_sum(sum, tail));
        let o = &mut out[row..row + n];
        if edge[..n].contains(&true) {
            let (mut ms, mut l) = ([zero; MAX_LANES], [zero; MAX_LANES]);
            raw.store(&mut ms);
            lse.store(&mut l);
            for (k, o) in o.iter_mut().enumerate() {
                *o = match Edge::of(ms[k]) {
                    Ok(_) => l[k],
                    Err(e) => e.logsumexp(),
                };
            }
        } else {
            lse.write_n(o, 0, n);
        }
        row += n;
    }
}

struct Run<'a, S: Storage> {
    x: &'a [S],
    out: &'a mut [S::Compute],
    lanes: Lanes,
    inv_t: S::Compute,
}

impl<S: Storage> Kernel for Run<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        match self.lanes {
            Lanes::Rows(len) if columns::short_rows::<V>(len) => {
                short_rows::<V, S>(self.x, self.out, len, self.inv_t);
            }
            Lanes::Rows(len) => {
                let next = Ahead::after(self.x, len);
                for (r, (x, o)) in self
                    .x
                    .chunks_exact(len)
                    .zip(self.out.iter_mut())
                    .enumerate()
                {
                    *o = lane::<V, S>(x, self.inv_t, next.of(r));
                }
            }
            Lanes::Columns(c) => block::<V, S>(self.x, self.out, c, self.inv_t),
        }
    }
}

/// `logsumexp(x / T)` of every lane of `x`, laid out as `lanes` says, one value per lane into
/// `out`, in the lanes' order.
pub(crate) fn logsumexp<S: Storage>(
    isa: Isa,
    x: &[S],
    out: &mut [S::Compute],
    lanes: Lanes,
    inv_t: S::Compute,
) {
    assert!(lanes.fits(x.len()) && out.len() == lanes.count(x.len()));
    isa.run(Run {
        x,
        out,
        lanes,
        inv_t,
    });
}

struct MaxSum<'a, S: Storage> {
    x: &'a [S],
}

impl<S: Storage> Kernel for MaxSum<'_, S> {
    type S = S;
    type Output = (S::Compute, S::Compute, S::Compute);
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) -> Self::Output {
        let one = V::E::one();
        let (m, s) = max_sum::<V, S>(self.x, one, Ahead::NONE);
        let tail = if m.is_finite() && s < V::E::TWO {
            stats::tail::<V, S>(self.x, m, one)
        } else {
            s - one
        };
        (m, s, tail)
    }
}

/// `(max, s, tail)` of `x`: `s = Σ exp(x − max)` as the online pass of a row computes it (see
/// `max_sum` for the lanes at an edge), and the part of `s` from the entries below the maximum,
/// exact where `s < 2` (the only place [`ln_of_sum`] reads it; elsewhere `s − 1`).
pub(crate) fn max_sum_slice<S: Storage>(isa: Isa, x: &[S]) -> (S::Compute, S::Compute, S::Compute) {
    isa.run(MaxSum { x })
}

/// `ln s` for a sum `s` of exponentials shifted by their maximum, given its `tail`: the rule
/// every path follows (`ln(1 + tail)` where one entry holds the maximum and `s < 2`, else `ln s`).
pub(crate) fn ln_of_sum<E: Elem>(s: E, tail: E) -> E {
    stats::ln_of_sum(Scalar(s), Scalar(tail)).0
}
