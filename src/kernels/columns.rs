//! Lanes that run down the columns of a row-major block (axis 0 of a C-order matrix),
//! vectorised across the lanes instead of along them: a strip of `LANES`
//! columns is processed as one vector per row, so no lane is gathered and nothing is reduced
//! horizontally. Short blocks go a strip at a time; long ones a panel of columns at a time,
//! down the rows in memory order, with a running maximum and sum ([`online_panel`]).

use num_traits::{Float as _, One as _, Zero as _};

use super::simd::MAX_LANES;
use super::stats::Shift;
use super::{Simd, Storage, stats};
use crate::numeric::count;

/// A row-major block whose lanes are its columns: element `i` of lane `j` is
/// `x[i * stride + j]`. With `stride == width` blocks follow one another; with a wider stride the
/// block is some of the columns of a wider one, and a buffer holds that one block, from its first
/// element to its last ([`span`](Self::span)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Columns {
    /// Length of each lane (rows of the block).
    pub len: usize,
    /// Number of lanes (columns of the block).
    pub width: usize,
    /// Elements from one row to the next.
    pub stride: usize,
}

impl Columns {
    /// A block of `len` rows of `width` columns, nothing between its rows.
    pub(crate) fn new(len: usize, width: usize) -> Self {
        Self {
            len,
            width,
            stride: width,
        }
    }

    /// Elements from a block's first to its last, both included.
    pub(crate) fn span(self) -> usize {
        (self.len - 1) * self.stride + self.width
    }

    /// Columns `cols` of this block, read in place: the piece of `x` (the block) from the first
    /// of them to the last, and how its lanes lie in it (the block's stride, `cols.len()` wide).
    pub(crate) fn part<'a, A>(self, x: &'a [A], cols: &std::ops::Range<usize>) -> (&'a [A], Self) {
        let part = Self {
            width: cols.len(),
            ..self
        };
        (&x[cols.start..cols.start + part.span()], part)
    }

    /// The number of whole blocks in a buffer of `n` elements: consecutive blocks where nothing
    /// lies between rows, else one block of [`span`](Self::span) elements.
    pub(crate) fn blocks(self, n: usize) -> Option<usize> {
        let size = self.len * self.width;
        if self.len == 0 || self.width == 0 || self.stride < self.width {
            None
        } else if self.stride == self.width {
            (n.is_multiple_of(size) && n > 0).then_some(n / size)
        } else {
            (n == self.span()).then_some(1)
        }
    }

    /// Where block `b` starts.
    pub(crate) fn block_start(self, b: usize) -> usize {
        b * self.len * self.stride
    }

    /// Whether the lanes are long enough for the online panel path: striding down a column a
    /// strip at a time would touch one page per row and pass, and thrash the TLB.
    pub(crate) fn long(self) -> bool {
        self.len > LONG_COLUMN
    }

    /// Loads row `i` of the strip of `n ≤ LANES` columns starting at column `j`.
    #[inline(always)]
    pub(crate) fn read<V: Simd, S: Storage<Compute = V::E>>(
        self,
        x: &[S],
        i: usize,
        j: usize,
        n: usize,
        fill: V::E,
    ) -> V {
        V::read_n(x, i * self.stride + j, n, fill)
    }

    /// Stores row `i` of the strip of `n ≤ LANES` columns starting at column `j`.
    #[inline(always)]
    pub(crate) fn write<V: Simd, S: Storage<Compute = V::E>>(
        self,
        v: V,
        out: &mut [S],
        i: usize,
        j: usize,
        n: usize,
    ) {
        v.write_n(out, i * self.stride + j, n);
    }

    /// The strips of a block: `(first column, columns)`, `LANES` columns each but the last.
    pub(crate) fn strips(self, lanes: usize) -> impl Iterator<Item = (usize, usize)> {
        (0..self.width)
            .step_by(lanes)
            .map(move |j| (j, lanes.min(self.width - j)))
    }
}

/// Lanes longer than this take the online path.
pub(crate) const LONG_COLUMN: usize = 64;

/// The maximum of each lane of the strip, NaN where a lane holds NaN.
#[inline(always)]
pub(crate) fn strip_max<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    c: Columns,
    j: usize,
    n: usize,
) -> V {
    let ninf = V::E::neg_infinity();
    let mut acc = [V::splat(ninf); 4];
    let mut i = 0;
    while i + 4 <= c.len {
        for (k, a) in acc.iter_mut().enumerate() {
            *a = a.max_nan(c.read(x, i + k, j, n, ninf));
        }
        i += 4;
    }
    for i in i..c.len {
        acc[0] = acc[0].max_nan(c.read(x, i, j, n, ninf));
    }
    acc[0].max_nan(acc[1]).max_nan(acc[2].max_nan(acc[3]))
}

/// The maximum of each lane, with the lanes whose maximum is not finite (the edge cases, whose
/// results are worked out one lane at a time) set to 0 and marked in `edge`.
#[inline(always)]
pub(crate) fn finite_max<V: Simd>(m: V, n: usize, edge: &mut [bool; MAX_LANES]) -> V {
    // m − m is 0 in every finite lane and NaN in the others: one sum tells whether any lane
    // (the unused ones included) needs looking at.
    if !m.sub(m).reduce_add().is_nan() {
        edge[..n].fill(false);
        return m;
    }
    let mut buf = [V::E::zero(); MAX_LANES];
    m.store(&mut buf);
    for (e, v) in edge.iter_mut().zip(buf.iter_mut()).take(n) {
        *e = !v.is_finite();
        if *e {
            *v = V::E::zero();
        }
    }
    V::load(&buf)
}

/// Kahan's compensated running sum of vectors: long columns sum thousands of terms per lane.
#[derive(Clone, Copy)]
pub(crate) struct Kahan<V> {
    pub sum: V,
    pub carry: V,
}

impl<V: Simd> Kahan<V> {
    #[inline(always)]
    pub(crate) fn new() -> Self {
        let z = V::splat(V::E::zero());
        Self { sum: z, carry: z }
    }

    #[inline(always)]
    pub(crate) fn add(&mut self, v: V) {
        let y = v.sub(self.carry);
        let t = self.sum.add(y);
        self.carry = t.sub(self.sum).sub(y);
        self.sum = t;
    }
}

impl<V: Simd> Kahan<V> {
    /// This sum and `other` together.
    #[inline(always)]
    pub(crate) fn merged(mut self, other: Self) -> Self {
        self.add(other.sum);
        self.add(V::splat(V::E::zero()).sub(other.carry));
        self
    }
}

/// `s = Σ exp(zᵢ)` over lanes of entries `t` whose maximum is at `z = 0`, and its tail (the part
/// from the entries below the maximum, as [`stats::ln_of_sum`] takes it): `f(i, &mut t[i])`
/// gives entry `i`'s `(z, exp(z))` (and may overwrite `t[i]`). The tail is a compensated sum in
/// two chains (even and odd entries, merged at the end): one chain's dependent additions would
/// bound the loop at their latency per entry. `s` is the number of entries at the maximum plus
/// the tail, rounded once.
#[inline(always)]
pub(crate) fn exp_sums<V: Simd>(t: &mut [V], mut f: impl FnMut(usize, &mut V) -> (V, V)) -> (V, V) {
    let one = V::splat(V::E::one());
    let (mut even, mut odd) = (Kahan::new(), Kahan::new());
    // Entries below the maximum, counted.
    let (mut below_even, mut below_odd) = (V::splat(V::E::zero()), V::splat(V::E::zero()));
    let len = t.len();
    let mut i = 0;
    while i + 2 <= len {
        let (z, e) = f(i, &mut t[i]);
        even.add(z.zero_or(e));
        below_even = below_even.add(z.zero_or(one));
        let (z, e) = f(i + 1, &mut t[i + 1]);
        odd.add(z.zero_or(e));
        below_odd = below_odd.add(z.zero_or(one));
        i += 2;
    }
    if i < len {
        let (z, e) = f(i, &mut t[i]);
        even.add(z.zero_or(e));
        below_even = below_even.add(z.zero_or(one));
    }
    let tail = even.merged(odd).sum;
    let at_max = V::splat(count(len)).sub(below_even.add(below_odd));
    (at_max.add(tail), tail)
}

/// Columns per panel of the online path: a panel's rows are long enough (16 KiB in f32) for the
/// prefetchers to stream them, and its running maximum, sum and carry stay in L2. Narrower
/// panels left each row's piece to a fresh DRAM latency.
pub(crate) const PANEL: usize = 4096;

/// Rows per block of the online path: read once for their maximum, then again for their sum,
/// while in L1.
const ROW_BLOCK: usize = 8;

/// What [`online_panel`] finds per column.
pub(crate) struct Online<E> {
    /// The maximum (NaN if the column holds NaN, ±inf if that is its maximum).
    pub m: Vec<E>,
    /// `Σ exp((x − m) / T)`.
    pub s: Vec<E>,
    /// The part of `s` from the entries below the maximum; empty unless asked for.
    pub tail: Vec<E>,
}

/// The running maximum, `s = Σ exp((x − max) / T)` and, if `TAIL`, the part of `s` from the
/// entries below the maximum, of the columns `j0..j0 + p` (`p ≤ PANEL`), going down the rows a
/// block at a time, in order, so that memory is read as it lies: when a block raises a column's
/// maximum its sums (and their Kahan carries) are rescaled, and all of the old sum becomes tail.
#[inline(always)]
pub(crate) fn online_panel<V: Simd, S: Storage<Compute = V::E>, const TAIL: bool>(
    x: &[S],
    c: Columns,
    j0: usize,
    p: usize,
    inv_t: V::E,
) -> Online<V::E> {
    let zero = V::E::zero();
    let ninf = V::E::neg_infinity();
    // A maximum of −inf (nothing finite yet) is replaced by −MAX in the exponents, so that
    // −inf − max is −inf, not NaN; a finite entry is never below −MAX.
    let floor = V::splat(V::E::min_value());
    let (mut m, mut s, mut carry) = (vec![ninf; p], vec![zero; p], vec![zero; p]);
    let tail_len = if TAIL { p } else { 0 };
    let (mut tail, mut tail_carry) = (vec![zero; tail_len], vec![zero; tail_len]);
    let mut r0 = 0;
    while r0 < c.len {
        let rows = r0..(r0 + ROW_BLOCK).min(c.len);
        let mut k = 0;
        while k < p {
            let n = V::LANES.min(p - k);
            let mut bm = V::splat(ninf);
            for i in rows.clone() {
                bm = bm.max_nan(c.read(x, i, j0 + k, n, ninf));
            }
            let old = V::read_n(&m, k, n, ninf);
            let new = old.max_nan(bm);
            let shift = Shift::new(floor.max(new), inv_t);
            let f = shift.z(old).exp();
            let (mut block, mut block_tail) = (V::splat(zero), V::splat(zero));
            for i in rows.clone() {
                let z = shift.z(c.read::<V, S>(x, i, j0 + k, n, ninf));
                let e = z.exp();
                block = block.add(e);
                if TAIL {
                    block_tail = block_tail.add(z.zero_or(e));
                }
            }
            let s_old = V::read_n(&s, k, n, zero).mul(f);
            let carry_old = V::read_n(&carry, k, n, zero).mul(f);
            let mut sum = Kahan {
                sum: s_old,
                carry: carry_old,
            };
            sum.add(block);
            new.write_n(&mut m, k, n);
            sum.sum.write_n(&mut s, k, n);
            sum.carry.write_n(&mut carry, k, n);
            if TAIL {
                // A raised maximum (old − new < 0) turns the whole old sum into tail.
                let grew = old.sub(new);
                let mut t = Kahan {
                    sum: grew.select_sign(V::read_n(&tail, k, n, zero).mul(f), s_old),
                    carry: grew.select_sign(V::read_n(&tail_carry, k, n, zero).mul(f), carry_old),
                };
                t.add(block_tail);
                t.sum.write_n(&mut tail, k, n);
                t.carry.write_n(&mut tail_carry, k, n);
            }
            k += n;
        }
        r0 = rows.end;
    }
    Online { m, s, tail }
}

/// `s ← ln s` for each column's sum and tail, as [`stats::ln_of_sum`] takes it.
#[inline(always)]
pub(crate) fn ln_of_sums<V: Simd>(s: &mut [V::E], tail: &[V::E]) {
    let mut k = 0;
    while k < s.len() {
        let n = V::LANES.min(s.len() - k);
        let sv = V::read_n(s, k, n, V::E::one());
        let tv = V::read_n(tail, k, n, V::E::zero());
        stats::ln_of_sum(sv, tv).write_n(s, k, n);
        k += n;
    }
}

/// Where entry `i` of each of `n ≤ LANES` lanes lies, relative to the first lane's first entry,
/// for kernels that hold one vector per entry with one lane per lane of the data: short rows
/// ([`Gathered`]) or a strip of columns ([`Strip`]). The arithmetic on the vectors is the same
/// for both, so a lane's result does not depend on which it was.
pub(crate) trait Across: Copy {
    /// Entry `i` of each lane, `fill` in the unused lanes.
    fn load<V: Simd, S: Storage<Compute = V::E>>(
        self,
        x: &[S],
        i: usize,
        n: usize,
        fill: V::E,
    ) -> V;
    /// Writes entry `i` of each lane.
    fn store<V: Simd, S: Storage<Compute = V::E>>(self, v: V, out: &mut [S], i: usize, n: usize);
    /// The index of entry `i` of lane `q`.
    fn at(self, q: usize, i: usize) -> usize;

    /// Asks for entry `i` of the lanes some way ahead, to be read, where the hardware would not
    /// (or not in time).
    #[inline(always)]
    fn prefetch<V: Simd, S>(self, x: &[S], i: usize) {
        let _ = (x, i);
    }

    /// As [`prefetch`](Across::prefetch), for the output: entry `i` of the lanes some way ahead,
    /// to be written.
    #[inline(always)]
    fn prefetch_write<V: Simd, S>(self, out: &[S], i: usize) {
        let _ = (out, i);
    }

    /// Lane `q`, copied out.
    fn lane<S: Copy>(self, x: &[S], q: usize, len: usize) -> Vec<S> {
        (0..len).map(|i| x[self.at(q, i)]).collect()
    }

    /// Writes `values` into lane `q`.
    fn put<S: Copy>(self, values: &[S], out: &mut [S], q: usize) {
        for (i, &v) in values.iter().enumerate() {
            out[self.at(q, i)] = v;
        }
    }
}

/// Consecutive rows of `len`: entry `i` of row `q` at `q · len + i`, gathered and scattered.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Gathered(pub usize);

impl Across for Gathered {
    #[inline(always)]
    fn load<V: Simd, S: Storage<Compute = V::E>>(
        self,
        x: &[S],
        i: usize,
        n: usize,
        fill: V::E,
    ) -> V {
        S::gather(x, i, self.0, n, fill)
    }

    #[inline(always)]
    fn store<V: Simd, S: Storage<Compute = V::E>>(self, v: V, out: &mut [S], i: usize, n: usize) {
        S::scatter(v, out, i, self.0, n);
    }

    #[inline(always)]
    fn at(self, q: usize, i: usize) -> usize {
        q * self.0 + i
    }

    /// The vector's worth of elements `i` vectors into the group of rows [`GROUPS_AHEAD`]
    /// groups on, so that a group's `len` calls cover the whole of that group: a gather or
    /// scatter of rows out of cache waits on every line it touches, and a scatter's lines are
    /// fetched before they are written.
    #[inline(always)]
    fn prefetch<V: Simd, S>(self, x: &[S], i: usize) {
        super::simd::prefetch(x, (GROUPS_AHEAD * self.0 + i) * V::LANES);
    }

    #[inline(always)]
    fn prefetch_write<V: Simd, S>(self, out: &[S], i: usize) {
        super::simd::prefetch_write(out, (GROUPS_AHEAD * self.0 + i) * V::LANES);
    }
}

/// How many groups of `LANES` rows ahead [`Gathered`] asks for lines (`[524288, 21]`
/// `softmax_into`: 16.2 ms without, 11.7 ms two groups ahead, 12.1 ms four).
const GROUPS_AHEAD: usize = 2;

/// Columns of a row-major block `width` wide: entry `i` of column `q` at `i · width + q`, one
/// contiguous load or store per entry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Strip(pub usize);

impl Across for Strip {
    #[inline(always)]
    fn load<V: Simd, S: Storage<Compute = V::E>>(
        self,
        x: &[S],
        i: usize,
        n: usize,
        fill: V::E,
    ) -> V {
        V::read_n(x, i * self.0, n, fill)
    }

    #[inline(always)]
    fn store<V: Simd, S: Storage<Compute = V::E>>(self, v: V, out: &mut [S], i: usize, n: usize) {
        v.write_n(out, i * self.0, n);
    }

    #[inline(always)]
    fn at(self, q: usize, i: usize) -> usize {
        i * self.0 + q
    }

    /// Each row's line [`AHEAD`] bytes on: a strip reads one line from each of its rows, which
    /// lie a row's width apart (often a power of two of pages), more streams than the hardware
    /// prefetchers follow.
    #[inline(always)]
    fn prefetch<V: Simd, S>(self, x: &[S], i: usize) {
        super::simd::prefetch(x, i * self.0 + AHEAD / size_of::<S>());
    }

    #[inline(always)]
    fn prefetch_write<V: Simd, S>(self, out: &[S], i: usize) {
        super::simd::prefetch_write(out, i * self.0 + AHEAD / size_of::<S>());
    }
}

/// How far ahead in each row [`Strip`] asks for lines, in bytes.
const AHEAD: usize = 512;

/// Entry `i` of the `n ≤ LANES` lanes starting at `x[0]`, laid out as `across` says, into `t[i]`
/// (unused lanes 0), for each `i < t.len()`; returns each lane's maximum (NaN for a lane holding
/// NaN).
#[inline(always)]
pub(crate) fn load_lanes<V: Simd, S: Storage<Compute = V::E>, A: Across>(
    x: &[S],
    across: A,
    n: usize,
    t: &mut [V],
) -> V {
    for (i, v) in t.iter_mut().enumerate() {
        across.prefetch::<V, S>(x, i);
        *v = across.load(x, i, n, V::E::zero());
    }
    // Two maxima (even and odd entries): one chain of dependent maxima would bound the loop.
    let ninf = V::splat(V::E::neg_infinity());
    let (mut even, mut odd) = (ninf, ninf);
    let mut pairs = t.chunks_exact(2);
    for pair in &mut pairs {
        even = even.max_nan(pair[0]);
        odd = odd.max_nan(pair[1]);
    }
    if let [last] = pairs.remainder() {
        even = even.max_nan(*last);
    }
    even.max_nan(odd)
}

/// Rows at most this long are computed across rows, a vector of rows at a time (gathered).
/// Beyond it the row kernel's softmax is faster (at 48, on an AVX-512 Xeon: 0.89 along rows,
/// 0.99 ns per element gathered; log-softmax and cross-entropy still favour gathering there).
pub(crate) const SHORT_ROW: usize = 48;

/// Whether rows of `len` go through the short-row path, for vectors `V`: only with real
/// vectors, and whatever the number of rows, so that a row's result does not depend on how many
/// rows come with it.
#[inline(always)]
pub(crate) fn short_rows<V: Simd>(len: usize) -> bool {
    V::LANES > 1 && len <= SHORT_ROW
}
