//! Softmax and log-softmax of `x / T`: one lane at a time, column strips and panels, and short
//! rows gathered across rows; [`normalize`] and [`normalize_inplace`] choose among them.

use num_traits::{Float as _, One as _, Zero as _};

use super::columns::{
    self, Across, Columns, Gathered, Online, PANEL, Strip, finite_max, online_panel,
};
use super::dispatch::{Compute, Kernel};
use super::loops::{self, Ahead, InPlace, LaneIo, Separate};
use super::simd::MAX_LANES;
use super::stats::Shift;
use super::{Isa, Lanes, Simd, Storage, stats};
use crate::edge::Edge;

/// Softmax (or log-softmax, `log`) of `x / T`, with `inv_t = 1 / T`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Normalize<E> {
    pub inv_t: E,
    pub log: bool,
}

/// Softmax or log-softmax of one lane, asking for the lines `ahead` (the next lane's) while it
/// computes. A lane whose maximum is not finite gives what [`Edge`] says: one value throughout,
/// or the result of its stand-in.
#[inline(always)]
fn lane<V: Simd, S: Storage<Compute = V::E>, I: LaneIo<S>>(
    io: &mut I,
    op: Normalize<V::E>,
    ahead: Ahead<S>,
) {
    match Edge::of(stats::max::<V, S>(io.src())) {
        Ok(m) => finite_lane::<V, S, I>(io, m, op, ahead),
        Err(edge) => {
            if let Some(v) = edge.normalized::<V::E>(op.log) {
                io.dst().fill(S::narrow(v));
            } else {
                let stand_in = stats::stand_in(io.src());
                let mut io = Separate(&stand_in, io.dst());
                finite_lane::<V, S, _>(&mut io, V::E::zero(), op, ahead);
            }
        }
    }
}

/// Softmax or log-softmax of one lane whose maximum `m` is finite: for softmax one pass that
/// writes `exp((x − m) / T)` and sums it and one that scales by the reciprocal of the sum; for
/// log-softmax one pass that sums and one that writes `(x − m) / T − ln Σ`.
#[inline(always)]
fn finite_lane<V: Simd, S: Storage<Compute = V::E>, I: LaneIo<S>>(
    io: &mut I,
    m: V::E,
    op: Normalize<V::E>,
    ahead: Ahead<S>,
) {
    let shift = Shift::new(V::splat(m), op.inv_t);
    if op.log {
        let ahead = ahead.and_writing(io.dst());
        let s = stats::exp_sum::<V, S>(io.src(), m, op.inv_t, ahead);
        let c = V::splat(stats::ln_sum::<V, S>(io.src(), m, op.inv_t, s));
        loops::map(
            io,
            #[inline(always)]
            |v: V| shift.z(v).sub(c),
        );
    } else {
        let s = loops::map_sum_ahead(
            io,
            #[inline(always)]
            |v: V| shift.z(v).exp(),
            ahead,
        );
        let r = V::splat(s.recip());
        loops::map(
            &mut InPlace(io.dst()),
            #[inline(always)]
            |v: V| v.mul(r),
        );
    }
}

/// The results of the column lanes `j + k` marked in `edge`, each worked out one lane at a time.
#[inline(always)]
fn gathered_edges<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    c: Columns,
    j: usize,
    edge: &[bool],
    op: Normalize<V::E>,
) -> Vec<(usize, Vec<S>)> {
    (0..edge.len())
        .filter(|&k| edge[k])
        .map(|k| {
            let lane_values = Strip(c.stride).lane(x, j + k, c.len);
            let mut out = lane_values.clone();
            lane::<V, S, _>(&mut InPlace(&mut out), op, Ahead::NONE);
            (j + k, out)
        })
        .collect()
}

/// Columns at an edge, each with its results worked out alone: `(column, lane)`.
pub(crate) type Edges<S> = Vec<(usize, Vec<S>)>;

/// What the output pass of the columns `j0..j0 + p` of a block of long lanes needs, from one
/// online pass down the rows: per column the offset of its maximum ([`Shift::offsets`]) and the
/// reciprocal of its sum (softmax) or the logarithm of its sum (log-softmax); columns at an edge
/// get 0 and 1 (or 0), and their results, worked out alone, go in the edges.
#[inline(always)]
fn panel_normalizers<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    c: Columns,
    j0: usize,
    p: usize,
    op: Normalize<V::E>,
) -> (Vec<V::E>, Vec<V::E>, Edges<S>) {
    let zero = V::E::zero();
    let shift = Shift::new(V::splat(zero), op.inv_t);
    let Online {
        mut m,
        mut s,
        mut tail,
    } = if op.log {
        online_panel::<V, S, true>(x, c, j0, p, op.inv_t)
    } else {
        online_panel::<V, S, false>(x, c, j0, p, op.inv_t)
    };
    let edge: Vec<bool> = m.iter().map(|v| !v.is_finite()).collect();
    let edges = gathered_edges::<V, S>(x, c, j0, &edge, op);
    for k in (0..p).filter(|&k| edge[k]) {
        (m[k], s[k]) = (zero, V::E::one());
        if op.log {
            tail[k] = zero;
        }
    }
    shift.offsets(&mut m);
    if op.log {
        columns::ln_of_sums::<V>(&mut s, &tail);
    } else {
        for v in &mut s[..p] {
            *v = v.recip();
        }
    }
    (m, s, edges)
}

/// The output pass of the columns `j0..` of a block, given each column's offset and scale
/// ([`panel_normalizers`]): row by row, in memory order (a strip at a time down the rows would
/// thrash the TLB).
#[inline(always)]
fn output_rows<V: Simd, S: Storage<Compute = V::E>, I: LaneIo<S>>(
    io: &mut I,
    c: Columns,
    j0: usize,
    offsets: &[V::E],
    scales: &[V::E],
    op: Normalize<V::E>,
) {
    let zero = V::E::zero();
    let shift = Shift::new(V::splat(zero), op.inv_t);
    let p = offsets.len();
    for i in 0..c.len {
        let mut k = 0;
        while k < p {
            let n = V::LANES.min(p - k);
            let (cv, sv) = (
                V::read_n(offsets, k, n, zero),
                V::read_n(scales, k, n, zero),
            );
            let z = shift.z_at(c.read::<V, S>(io.src(), i, j0 + k, n, zero), cv);
            let v = if op.log { z.sub(sv) } else { z.exp().mul(sv) };
            c.write(v, io.dst(), i, j0 + k, n);
            k += n;
        }
    }
}

/// Softmax or log-softmax of long column lanes: per panel of columns, one pass down the rows for
/// the running maximum and sum, one for the output.
#[inline(always)]
fn panels<V: Simd, S: Storage<Compute = V::E>, I: LaneIo<S>>(
    io: &mut I,
    c: Columns,
    op: Normalize<V::E>,
) {
    let mut j0 = 0;
    while j0 < c.width {
        let p = PANEL.min(c.width - j0);
        // Lanes at an edge are worked out first, from the input, which in place the output pass
        // overwrites, and written last.
        let (offsets, scales, edges) = panel_normalizers::<V, S>(io.src(), c, j0, p, op);
        output_rows::<V, S, I>(io, c, j0, &offsets, &scales, op);
        for (col, values) in edges {
            Strip(c.stride).put(&values, io.dst(), col);
        }
        j0 += p;
    }
}

/// Each column's offset and scale, as [`panel_normalizers`] gives them, for every column of a
/// (possibly strided) block, into `offsets` and `scales`; the columns at an edge, with their
/// results. [`output_rows`] with them gives the bits [`block`] gives.
#[inline(always)]
fn normalizers<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    c: Columns,
    op: Normalize<V::E>,
    offsets: &mut [V::E],
    scales: &mut [V::E],
) -> Edges<S> {
    let mut edges = Vec::new();
    if c.long() {
        let mut j0 = 0;
        while j0 < c.width {
            let p = PANEL.min(c.width - j0);
            let (o, sc, e) = panel_normalizers::<V, S>(x, c, j0, p, op);
            offsets[j0..j0 + p].copy_from_slice(&o);
            scales[j0..j0 + p].copy_from_slice(&sc);
            edges.extend(e);
            j0 += p;
        }
        return edges;
    }
    let shift = Shift::new(V::splat(V::E::zero()), op.inv_t);
    let mut t = [V::splat(V::E::zero()); columns::LONG_COLUMN];
    for (j, n) in c.strips(V::LANES) {
        let (m, scale, e) =
            across_sums::<V, S, _>(&x[j..], Strip(c.stride), n, op, &mut t[..c.len]);
        m.write_n(offsets, j, n);
        shift.offsets(&mut offsets[j..j + n]);
        scale.write_n(scales, j, n);
        edges.extend(e.into_iter().map(|(q, values)| (j + q, values)));
    }
    edges
}

/// Softmax or log-softmax of every column lane of a block.
#[inline(always)]
fn block<V: Simd, S: Storage<Compute = V::E>, I: LaneIo<S>>(
    io: &mut I,
    c: Columns,
    op: Normalize<V::E>,
) {
    if c.long() {
        return panels::<V, S, I>(io, c, op);
    }
    let mut t = [V::splat(V::E::zero()); columns::LONG_COLUMN];
    for (j, n) in c.strips(V::LANES) {
        across::<V, S, I, _>(io, j, Strip(c.stride), n, op, &mut t[..c.len]);
    }
}

/// Softmax or log-softmax of `n ≤ LANES` lanes laid out as `across` says from `base`: short
/// rows gathered, or a strip of columns. Entry `i` of every lane is held in one vector (`t[i]`),
/// so that each lane holds one lane of the data, its sums run along it in the same order
/// whatever lanes lie beside it (a lone one included), and memory is read once. Lanes whose
/// maximum is not finite go one at a time, worked out before anything is written (in place, the
/// writes overwrite the input).
#[inline(always)]
fn across<V: Simd, S: Storage<Compute = V::E>, I: LaneIo<S>, A: Across>(
    io: &mut I,
    base: usize,
    across: A,
    n: usize,
    op: Normalize<V::E>,
    t: &mut [V],
) {
    let (_, scale, edges) = across_sums::<V, S, A>(&io.src()[base..], across, n, op, t);
    let dst = &mut io.dst()[base..];
    for (i, v) in t.iter().enumerate() {
        let v = if op.log { v.sub(scale) } else { v.mul(scale) };
        across.prefetch_write::<V, S>(dst, i);
        across.store(v, dst, i, n);
    }
    for (q, values) in edges {
        across.put(&values, dst, q);
    }
}

/// The first half of [`across`]: loads the lanes into `t` and leaves there `exp(z)` (softmax)
/// or `z` (log-softmax), `z = (x − m) / T`; returns each lane's maximum `m` (0 at an edge), the
/// reciprocal of its sum (softmax) or the logarithm of its sum (log-softmax), and the lanes at an
/// edge with their results.
#[inline(always)]
fn across_sums<V: Simd, S: Storage<Compute = V::E>, A: Across>(
    src: &[S],
    across: A,
    n: usize,
    op: Normalize<V::E>,
    t: &mut [V],
) -> (V, V, Vec<(usize, Vec<S>)>) {
    let len = t.len();
    let m = columns::load_lanes::<V, S, A>(src, across, n, t);
    let mut edge = [false; MAX_LANES];
    let m = finite_max(m, n, &mut edge);
    let edges: Vec<(usize, Vec<S>)> = (0..n)
        .filter(|&q| edge[q])
        .map(|q| {
            let mut values = across.lane(src, q, len);
            lane::<V, S, _>(&mut InPlace(&mut values), op, Ahead::NONE);
            (q, values)
        })
        .collect();
    let shift = Shift::new(m, op.inv_t);
    let scale = if op.log {
        let (sum, tail) = columns::exp_sums(
            t,
            #[inline(always)]
            |_, v| {
                let z = shift.z(*v);
                *v = z;
                (z, z.exp())
            },
        );
        stats::ln_of_sum(sum, tail)
    } else {
        let (sum, _) = columns::exp_sums(
            t,
            #[inline(always)]
            |_, v| {
                let z = shift.z(*v);
                *v = z.exp();
                (z, *v)
            },
        );
        V::splat(V::E::one()).div(sum)
    };
    (m, scale, edges)
}

/// Softmax or log-softmax of short rows (`len ≤ SHORT_ROW`), `LANES` rows at a time, gathered.
#[inline(always)]
fn short_rows<V: Simd, S: Storage<Compute = V::E>, I: LaneIo<S>>(
    io: &mut I,
    len: usize,
    op: Normalize<V::E>,
) {
    let mut t = [V::splat(V::E::zero()); columns::SHORT_ROW];
    let total = io.src().len() / len;
    let mut r0 = 0;
    while r0 < total {
        let n = V::LANES.min(total - r0);
        across::<V, S, I, _>(io, r0 * len, Gathered(len), n, op, &mut t[..len]);
        r0 += n;
    }
}

/// Every lane of a contiguous buffer, laid out as `lanes` says.
#[inline(always)]
fn all<V: Simd, S: Storage<Compute = V::E>, I: LaneIo<S>>(
    mut io: I,
    lanes: Lanes,
    op: Normalize<V::E>,
) {
    match lanes {
        Lanes::Rows(len) if columns::short_rows::<V>(len) => {
            short_rows::<V, S, I>(&mut io, len, op);
        }
        Lanes::Rows(len) => {
            let next = Ahead::after(io.src(), len).writing(io.dst());
            for (r, mut row) in io.chunks(len).enumerate() {
                lane::<V, S, I>(&mut row, op, next.of(r));
            }
        }
        Lanes::Columns(c) => block::<V, S, I>(&mut io, c, op),
    }
}

struct Run<S: Storage, I> {
    io: I,
    lanes: Lanes,
    op: Normalize<S::Compute>,
}

impl<S: Storage, I: LaneIo<S>> Kernel for Run<S, I> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        all::<V, S, I>(self.io, self.lanes, self.op);
    }
}

/// Softmax or log-softmax of every lane of `x`, laid out as `lanes` says, into `out` (the same
/// layout).
pub(crate) fn normalize<S: Storage>(
    isa: Isa,
    x: &[S],
    out: &mut [S],
    lanes: Lanes,
    op: Normalize<S::Compute>,
) {
    assert!(lanes.fits(x.len()) && out.len() == x.len());
    isa.run(Run {
        io: Separate(x, out),
        lanes,
        op,
    });
}

/// Softmax or log-softmax of every lane of `x`, in place.
pub(crate) fn normalize_inplace<S: Storage>(
    isa: Isa,
    x: &mut [S],
    lanes: Lanes,
    op: Normalize<S::Compute>,
) {
    assert!(lanes.fits(x.len()));
    isa.run(Run {
        io: InPlace(x),
        lanes,
        op,
    });
}

struct ColumnNormalizers<'a, S: Storage> {
    x: &'a [S],
    c: Columns,
    op: Normalize<S::Compute>,
    offsets: &'a mut [S::Compute],
    scales: &'a mut [S::Compute],
}

impl<S: Storage> Kernel for ColumnNormalizers<'_, S> {
    type S = S;
    type Output = Edges<S>;
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) -> Edges<S> {
        normalizers::<V, S>(self.x, self.c, self.op, self.offsets, self.scales)
    }
}

/// The first half of softmax or log-softmax of the column lanes of a block `c` (possibly
/// strided: some of a wider block's columns, read in place): each column's offset and scale into
/// `offsets` and `scales` (one per column), for [`normalize_with`]; returns the columns at an edge
/// (`(column, lane)`), whose results are worked out alone and are to be written over those
/// [`normalize_with`] writes. Both halves give the bits [`normalize`] gives.
pub(crate) fn column_normalizers<S: Storage>(
    isa: Isa,
    x: &[S],
    c: Columns,
    op: Normalize<S::Compute>,
    offsets: &mut [S::Compute],
    scales: &mut [S::Compute],
) -> Edges<S> {
    assert!(c.blocks(x.len()) == Some(1) && offsets.len() == c.width && scales.len() == c.width);
    isa.run(ColumnNormalizers {
        x,
        c,
        op,
        offsets,
        scales,
    })
}

struct WithNormalizers<'a, S: Storage, I> {
    io: I,
    width: usize,
    offsets: &'a [S::Compute],
    scales: &'a [S::Compute],
    op: Normalize<S::Compute>,
}

impl<S: Storage, I: LaneIo<S>> Kernel for WithNormalizers<'_, S, I> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(mut self) {
        let c = Columns::new(self.io.src().len() / self.width, self.width);
        output_rows::<V, S, I>(&mut self.io, c, 0, self.offsets, self.scales, self.op);
    }
}

/// The second half of [`column_normalizers`]: the results of whole rows of the block (`width`
/// columns) from `x` into `out`.
pub(crate) fn normalize_with<S: Storage>(
    isa: Isa,
    x: &[S],
    out: &mut [S],
    offsets: &[S::Compute],
    scales: &[S::Compute],
    op: Normalize<S::Compute>,
) {
    let width = offsets.len();
    assert!(width > 0 && scales.len() == width && x.len().is_multiple_of(width));
    assert!(out.len() == x.len());
    isa.run(WithNormalizers {
        io: Separate(x, out),
        width,
        offsets,
        scales,
        op,
    });
}

/// [`normalize_with`] in place.
pub(crate) fn normalize_with_inplace<S: Storage>(
    isa: Isa,
    x: &mut [S],
    offsets: &[S::Compute],
    scales: &[S::Compute],
    op: Normalize<S::Compute>,
) {
    let width = offsets.len();
    assert!(width > 0 && scales.len() == width && x.len().is_multiple_of(width));
    isa.run(WithNormalizers {
        io: InPlace(x),
        width,
        offsets,
        scales,
        op,
    });
}
