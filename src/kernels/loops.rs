//! Loops over contiguous slices in vectors: folds, blocked compensated sums, maps. The ragged
//! tail of a slice goes through the same vector code as the rest, by a masked load and store
//! (`Simd::load_partial` / `store_partial`, which the x86 vectors implement with masked
//! instructions).

use num_traits::Zero;

use super::{Simd, Storage};
use crate::numeric::{Total, narrow, wide};

/// Independent accumulators in reductions, to hide the latency of the adds.
const UNROLL: usize = 4;
// `map_sum_ahead` and `map_sum2_ahead` write their `UNROLL` steps out one by one.
const _: () = assert!(UNROLL == 4);

/// Vectors per block of a sum (so `SUM_BLOCK / UNROLL` per accumulator): few enough that each
/// block's sum carries only a few roundings, whatever the length of the slice.
const SUM_BLOCK: usize = 4 * UNROLL;

/// Lanes at least this many bytes long no longer sit in L1 beside their output: a pass over one
/// asks for the next lane's output lines too (see [`Ahead`]), which it would otherwise fetch from
/// memory as it writes them.
const WRITE_AHEAD_BYTES: usize = 16 << 10;

/// The lines of the next lane of a buffer of consecutive lanes, which a pass over this lane asks
/// the caches for as it goes ([`sum_ahead`], [`map_sum_ahead`]). A lane kernel reads its lane from
/// memory once and then works on it in L1 (`exp`, a second and third pass), time in which memory
/// would sit idle; with the next lane on its way, the next lane's first pass finds it in L1
/// (`[4096, 1000]` `softmax_into` 1.6× the copy's time → 1.4×). Lines to be written may be asked
/// for too. Holds addresses only: asking for a line reads nothing the program sees.
#[derive(Clone, Copy)]
pub(crate) struct Ahead<S> {
    read: Lines<S>,
    write: Lines<S>,
}

/// `len` elements from `at`, or none.
#[derive(Clone, Copy)]
struct Lines<S> {
    at: *const S,
    len: usize,
}

impl<S> Lines<S> {
    const NONE: Self = Self {
        at: std::ptr::null(),
        len: 0,
    };
}

impl<S> Ahead<S> {
    /// Nothing to ask for: a lone lane, or the last.
    pub(crate) const NONE: Self = Self {
        read: Lines::NONE,
        write: Lines::NONE,
    };

    /// For the lanes of `len` that lie one after another in `src`: lane `r + 1`, while lane `r`
    /// is computed ([`NextLanes::of`]).
    pub(crate) fn after(src: &[S], len: usize) -> NextLanes<S> {
        NextLanes {
            read: src.as_ptr(),
            write: std::ptr::null(),
            total: src.len(),
            len,
        }
    }

    /// The same, asking also for the lines of `dst`, to be written (the output of the lane the
    /// pass computes, where a later pass writes it).
    pub(crate) fn and_writing(self, dst: &[S]) -> Self {
        Self {
            write: Lines {
                at: dst.as_ptr(),
                len: dst.len(),
            },
            ..self
        }
    }

    /// Asks for the lines holding entries `start..end` of what this names.
    #[inline(always)]
    pub(crate) fn touch(self, start: usize, end: usize) {
        let line = (64 / size_of::<S>()).max(1);
        let mut i = start;
        while i < end.min(self.read.len) {
            super::simd::prefetch_at(self.read.at.wrapping_add(i), false);
            i += line;
        }
        let mut i = start;
        while i < end.min(self.write.len) {
            super::simd::prefetch_at(self.write.at.wrapping_add(i), true);
            i += line;
        }
    }
}

/// Where each lane's next lane lies, in a buffer of consecutive lanes (and in their output).
#[derive(Clone, Copy)]
pub(crate) struct NextLanes<S> {
    read: *const S,
    write: *const S,
    total: usize,
    len: usize,
}

impl<S> NextLanes<S> {
    /// The same, asking for the next lane's output lines too (in `dst`, laid out as the input)
    /// where the lanes are long enough to need it ([`WRITE_AHEAD_BYTES`]).
    pub(crate) fn writing(self, dst: &[S]) -> Self {
        debug_assert_eq!(dst.len(), self.total);
        if self.len * size_of::<S>() < WRITE_AHEAD_BYTES {
            return self;
        }
        Self {
            write: dst.as_ptr(),
            ..self
        }
    }

    /// What to ask for while lane `r` is computed.
    #[inline(always)]
    pub(crate) fn of(self, r: usize) -> Ahead<S> {
        let start = ((r + 1) * self.len).min(self.total);
        let len = (self.total - start).min(self.len);
        let lines = |p: *const S| {
            if p.is_null() {
                Lines::NONE
            } else {
                Lines {
                    at: p.wrapping_add(start),
                    len,
                }
            }
        };
        Ahead {
            read: lines(self.read),
            write: lines(self.write),
        }
    }
}

/// Where a lane's values come from and go to: two slices, or one slice overwritten.
pub(crate) trait LaneIo<S>: Sized {
    /// The values read.
    fn src(&self) -> &[S];
    /// The values written.
    fn dst(&mut self) -> &mut [S];
    /// The same source and destination, cut into pieces of `len`.
    fn chunks(self, len: usize) -> impl Iterator<Item = Self>;
}

/// Reads one slice and writes another of the same length.
pub(crate) struct Separate<'a, S>(pub &'a [S], pub &'a mut [S]);

/// Reads and overwrites one slice.
pub(crate) struct InPlace<'a, S>(pub &'a mut [S]);

impl<S> LaneIo<S> for Separate<'_, S> {
    #[inline(always)]
    fn src(&self) -> &[S] {
        self.0
    }
    #[inline(always)]
    fn dst(&mut self) -> &mut [S] {
        self.1
    }
    #[inline(always)]
    fn chunks(self, len: usize) -> impl Iterator<Item = Self> {
        self.0
            .chunks_exact(len)
            .zip(self.1.chunks_exact_mut(len))
            .map(|(x, out)| Separate(x, out))
    }
}

impl<S> LaneIo<S> for InPlace<'_, S> {
    #[inline(always)]
    fn src(&self) -> &[S] {
        self.0
    }
    #[inline(always)]
    fn dst(&mut self) -> &mut [S] {
        self.0
    }
    #[inline(always)]
    fn chunks(self, len: usize) -> impl Iterator<Item = Self> {
        self.0.chunks_exact_mut(len).map(InPlace)
    }
}

/// Folds `x` into a vector: `step(acc, v)` per vector, `join` to combine accumulators. The tail
/// is padded with `fill`, which must leave the fold unchanged.
#[inline(always)]
pub(crate) fn fold<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    init: V,
    fill: V::E,
    step: impl Fn(V, V) -> V,
    join: impl Fn(V, V) -> V,
) -> V {
    let w = V::LANES;
    let mut acc = [init; UNROLL];
    let mut blocks = x.chunks_exact(UNROLL * w);
    for b in &mut blocks {
        for (k, a) in acc.iter_mut().enumerate() {
            *a = step(*a, V::read(&b[k * w..]));
        }
    }
    let mut vecs = blocks.remainder().chunks_exact(w);
    for v in &mut vecs {
        acc[0] = step(acc[0], V::read(v));
    }
    let tail = vecs.remainder();
    if !tail.is_empty() {
        acc[1] = step(acc[1], S::load_partial(tail, fill));
    }
    join(join(acc[0], acc[1]), join(acc[2], acc[3]))
}

/// Folds two slices of equal length together; tails padded with `fill_a` and `fill_b`.
#[inline(always)]
fn fold2<V: Simd, S: Storage<Compute = V::E>, T: Storage<Compute = V::E>>(
    a: &[S],
    b: &[T],
    init: V,
    (fill_a, fill_b): (V::E, V::E),
    step: impl Fn(V, V, V) -> V,
    join: impl Fn(V, V) -> V,
) -> V {
    assert_eq!(a.len(), b.len());
    let w = V::LANES;
    let mut acc = [init; UNROLL];
    let mut ab = a.chunks_exact(UNROLL * w);
    let mut bb = b.chunks_exact(UNROLL * w);
    for (x, y) in (&mut ab).zip(&mut bb) {
        for (k, s) in acc.iter_mut().enumerate() {
            *s = step(*s, V::read(&x[k * w..]), V::read(&y[k * w..]));
        }
    }
    let mut av = ab.remainder().chunks_exact(w);
    let mut bv = bb.remainder().chunks_exact(w);
    for (x, y) in (&mut av).zip(&mut bv) {
        acc[0] = step(acc[0], V::read(x), V::read(y));
    }
    let (at, bt) = (av.remainder(), bv.remainder());
    if !at.is_empty() {
        acc[1] = step(
            acc[1],
            S::load_partial(at, fill_a),
            T::load_partial(bt, fill_b),
        );
    }
    join(join(acc[0], acc[1]), join(acc[2], acc[3]))
}

/// `Σ f(x[i])`, with `fill` padding the tail (so `f(fill)` must be 0). Blocks of `SUM_BLOCK`
/// vectors are summed in vectors, and the blocks' sums in `f64` with compensation: the error
/// stays at a few ULPs for any length.
#[inline(always)]
pub(crate) fn sum<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    fill: V::E,
    f: impl Fn(V) -> V,
) -> V::E {
    sum_ahead(x, fill, f, Ahead::NONE)
}

/// [`sum`], asking for the lines of the next lane as it goes.
#[inline(always)]
pub(crate) fn sum_ahead<V: Simd, S: Storage<Compute = V::E>>(
    x: &[S],
    fill: V::E,
    f: impl Fn(V) -> V,
    ahead: Ahead<S>,
) -> V::E {
    let zero = V::splat(V::E::zero());
    let mut total = Total::default();
    let step = SUM_BLOCK * V::LANES;
    for (k, b) in x.chunks(step).enumerate() {
        ahead.touch(k * step, k * step + b.len());
        let block = fold(
            b,
            zero,
            fill,
            #[inline(always)]
            |acc, v| acc.add(f(v)),
            V::add,
        );
        total.add(block.reduce_add());
    }
    total.value()
}

/// `Σ f(a[i], b[i])` over two slices of equal length, summed as in [`sum`]; tails padded with 0.
#[inline(always)]
pub(crate) fn sum2<V: Simd, S: Storage<Compute = V::E>, T: Storage<Compute = V::E>>(
    a: &[S],
    b: &[T],
    f: impl Fn(V, V) -> V,
) -> V::E {
    assert_eq!(a.len(), b.len());
    let zero = V::E::zero();
    let block = SUM_BLOCK * V::LANES;
    let mut total = Total::default();
    for (a, b) in a.chunks(block).zip(b.chunks(block)) {
        let s = fold2(
            a,
            b,
            V::splat(zero),
            (zero, zero),
            #[inline(always)]
            |acc, x, y| acc.add(f(x, y)),
            V::add,
        );
        total.add(s.reduce_add());
    }
    total.value()
}

/// `dst[i] = f(src[i])`.
#[inline(always)]
pub(crate) fn map<V: Simd, S: Storage<Compute = V::E>, I: LaneIo<S>>(
    io: &mut I,
    f: impl Fn(V) -> V,
) {
    map_sum(io, f);
}

/// `dst[i] = f(src[i])`, returning `Σ dst[i]`, summed in exactly the order of [`sum`] (so that a
/// loss computed with and without its gradient is the same number).
#[inline(always)]
pub(crate) fn map_sum<V: Simd, S: Storage<Compute = V::E>, I: LaneIo<S>>(
    io: &mut I,
    f: impl Fn(V) -> V,
) -> V::E {
    map_sum_ahead(io, f, Ahead::NONE)
}

/// [`map_sum`], asking for the lines of the next lane as it goes.
#[inline(always)]
pub(crate) fn map_sum_ahead<V: Simd, S: Storage<Compute = V::E>, I: LaneIo<S>>(
    io: &mut I,
    f: impl Fn(V) -> V,
    ahead: Ahead<S>,
) -> V::E {
    let w = V::LANES;
    let n = io.src().len();
    assert_eq!(io.dst().len(), n);
    let zero = V::splat(V::E::zero());
    let mut total = Total::default();
    let mut start = 0;
    while start < n {
        let end = (start + SUM_BLOCK * w).min(n);
        ahead.touch(start, end);
        // As `fold`: groups of UNROLL vectors into the accumulators in turn, the remaining whole
        // vectors into the first, the tail into the second.
        let mut acc = [zero; UNROLL];
        let mut i = start;
        while i + UNROLL * w <= end {
            // Written out: a loop over the accumulators is not unrolled once `f` is long (an
            // `exp`), which keeps them in memory and one vector's work in flight at a time.
            macro_rules! one {
                ($k:literal) => {{
                    let y = f(V::read(&io.src()[i + $k * w..]));
                    S::store(y, &mut io.dst()[i + $k * w..]);
                    acc[$k] = acc[$k].add(y);
                }};
            }
            one!(0);
            one!(1);
            one!(2);
            one!(3);
            i += UNROLL * w;
        }
        while i + w <= end {
            let y = f(V::read(&io.src()[i..]));
            S::store(y, &mut io.dst()[i..]);
            acc[0] = acc[0].add(y);
            i += w;
        }
        if i < end {
            let y = f(S::load_partial(&io.src()[i..end], V::E::zero()));
            S::store_partial(y, &mut io.dst()[i..end]);
            acc[1] = add_first(acc[1], y, end - i);
        }
        total.add(acc[0].add(acc[1]).add(acc[2].add(acc[3])).reduce_add());
        start = end;
    }
    total.value()
}

/// The blocks' sums of [`map_sum2_ahead`]'s second sum and of [`map_dot`]: added in plain `f64`
/// where they are `f32` (whose roundings dwarf its own, and which cannot overflow it), with
/// [`Total`]'s compensation where they are `f64`. [`Total`]'s care costs about as much as a
/// block of the gradient's pass.
#[derive(Default)]
struct Blocks {
    plain: f64,
    total: Total,
}

impl Blocks {
    #[inline(always)]
    fn add<E: num_traits::Float>(&mut self, v: E) {
        if size_of::<E>() < size_of::<f64>() {
            self.plain += wide(v);
        } else {
            self.total.add(v);
        }
    }

    #[inline(always)]
    fn value<E: num_traits::Float>(self) -> E {
        if size_of::<E>() < size_of::<f64>() {
            narrow(self.plain)
        } else {
            self.total.value()
        }
    }
}

/// [`map_sum_ahead`] with a second sum: `f` gives each vector's output `y`, stored into `out`
/// where `WRITE` and summed as there (the same bits), and a factor `u`: `Σ y · u` is summed
/// beside it (one multiply-add a vector) in the same blocks and accumulators.
#[inline(always)]
pub(crate) fn map_sum2_ahead<V: Simd, S: Storage<Compute = V::E>, const WRITE: bool>(
    x: &[S],
    out: &mut [S],
    f: impl Fn(V) -> (V, V),
    ahead: Ahead<S>,
) -> (V::E, V::E) {
    let w = V::LANES;
    let n = x.len();
    assert!(!WRITE || out.len() == n);
    let zero = V::splat(V::E::zero());
    let (mut total, mut second) = (Total::default(), Blocks::default());
    let mut start = 0;
    while start < n {
        let end = (start + SUM_BLOCK * w).min(n);
        ahead.touch(start, end);
        let (mut acc, mut acc2) = ([zero; UNROLL], [zero; UNROLL]);
        let mut i = start;
        while i + UNROLL * w <= end {
            // Written out, as in `map_sum_ahead`.
            macro_rules! one {
                ($k:literal) => {{
                    let (y, t) = f(V::read(&x[i + $k * w..]));
                    if WRITE {
                        S::store(y, &mut out[i + $k * w..]);
                    }
                    acc[$k] = acc[$k].add(y);
                    acc2[$k] = y.mul_add(t, acc2[$k]);
                }};
            }
            one!(0);
            one!(1);
            one!(2);
            one!(3);
            i += UNROLL * w;
        }
        while i + w <= end {
            let (y, t) = f(V::read(&x[i..]));
            if WRITE {
                S::store(y, &mut out[i..]);
            }
            acc[0] = acc[0].add(y);
            acc2[0] = y.mul_add(t, acc2[0]);
            i += w;
        }
        if i < end {
            let (y, t) = f(S::load_partial(&x[i..end], V::E::zero()));
            if WRITE {
                S::store_partial(y, &mut out[i..end]);
            }
            acc[1] = add_first(acc[1], y, end - i);
            acc2[1] = add_first(acc2[1], y.mul(t), end - i);
        }
        total.add(acc[0].add(acc[1]).add(acc[2].add(acc[3])).reduce_add());
        second.add(acc2[0].add(acc2[1]).add(acc2[2].add(acc2[3])).reduce_add());
        start = end;
    }
    (total.value(), second.value())
}

/// `Σ g[i] · u(x[i])` over two slices of equal length, in [`map_sum2_ahead`]'s order for its
/// second sum (blocks, accumulators, a partial vector's product) — the same bits where `g` holds
/// the outputs `y` that it stored and `u` gives its factors — and where `WRITE`, each `g[i]`
/// replaced by `f(g[i])` as it is read: a pass that already rewrites `g` sums beside it.
#[inline(always)]
pub(crate) fn map_dot<V: Simd, S: Storage<Compute = V::E>, const WRITE: bool>(
    x: &[S],
    g: &mut [S],
    f: impl Fn(V) -> V,
    u: impl Fn(V) -> V,
) -> V::E {
    let w = V::LANES;
    assert_eq!(g.len(), x.len());
    let zero = V::E::zero();
    let mut total = Blocks::default();
    // Slices of known length, so that the loads and stores need no bounds checks.
    for (x, g) in x.chunks(SUM_BLOCK * w).zip(g.chunks_mut(SUM_BLOCK * w)) {
        let mut acc = [V::splat(zero); UNROLL];
        macro_rules! one {
            ($k:literal, $x:expr, $g:expr) => {{
                let y = V::read($g);
                if WRITE {
                    S::store(f(y), $g);
                }
                acc[$k] = y.mul_add(u(V::read($x)), acc[$k]);
            }};
        }
        let mut xs = x.chunks_exact(UNROLL * w);
        let mut gs = g.chunks_exact_mut(UNROLL * w);
        for (x, g) in (&mut xs).zip(&mut gs) {
            one!(0, x, g);
            one!(1, &x[w..], &mut g[w..]);
            one!(2, &x[2 * w..], &mut g[2 * w..]);
            one!(3, &x[3 * w..], &mut g[3 * w..]);
        }
        let mut xs = xs.remainder().chunks_exact(w);
        let mut gs = gs.into_remainder().chunks_exact_mut(w);
        for (x, g) in (&mut xs).zip(&mut gs) {
            one!(0, x, g);
        }
        let (x, g) = (xs.remainder(), gs.into_remainder());
        if !x.is_empty() {
            let y = S::load_partial(g, zero);
            if WRITE {
                S::store_partial(f(y), g);
            }
            let t = u(S::load_partial(x, zero));
            acc[1] = add_first(acc[1], y.mul(t), x.len());
        }
        total.add(acc[0].add(acc[1]).add(acc[2].add(acc[3])).reduce_add());
    }
    total.value()
}

/// `out[i] = f(a[i], b[i])`.
#[inline(always)]
pub(crate) fn zip_map<V: Simd, S: Storage<Compute = V::E>>(
    a: &[S],
    b: &[S],
    out: &mut [S],
    f: impl Fn(V, V) -> V,
) {
    assert!(a.len() == out.len() && b.len() == out.len());
    let w = V::LANES;
    let mut av = a.chunks_exact(w);
    let mut bv = b.chunks_exact(w);
    let mut ov = out.chunks_exact_mut(w);
    for ((x, y), o) in (&mut av).zip(&mut bv).zip(&mut ov) {
        S::store(f(V::read(x), V::read(y)), o);
    }
    let (at, bt) = (av.remainder(), bv.remainder());
    if !at.is_empty() {
        let zero = V::E::zero();
        let v = f(S::load_partial(at, zero), S::load_partial(bt, zero));
        S::store_partial(v, ov.into_remainder());
    }
}

/// Adds the first `n` lanes of `v` to `acc`, the rest being ignored.
#[inline(always)]
pub(crate) fn add_first<V: Simd>(acc: V, v: V, n: usize) -> V {
    acc.add(v.first_lanes(n))
}

#[cfg(test)]
mod tests {
    use super::{Ahead, WRITE_AHEAD_BYTES};

    /// While lane `r` is computed, `Ahead` names lane `r + 1` (a shorter last piece, nothing
    /// after the last lane), and the output only for lanes too long for L1.
    #[test]
    fn ahead_names_the_next_lane() {
        let (len, lanes) = (10, 4);
        let x = vec![0f32; len * lanes];
        let out = vec![0f32; len * lanes];
        let next = Ahead::after(&x, len).writing(&out);
        for r in 0..lanes {
            let a = next.of(r);
            let start = ((r + 1) * len).min(x.len());
            assert_eq!(a.read.at, x.as_ptr().wrapping_add(start), "lane {r}");
            assert_eq!(a.read.len, if r + 1 < lanes { len } else { 0 }, "lane {r}");
            assert_eq!(
                a.write.len, 0,
                "lane {r}: short lanes ask for no output lines"
            );
        }
        let len = WRITE_AHEAD_BYTES / size_of::<f64>();
        let x = vec![0f64; len * 2 + 3];
        let out = vec![0f64; x.len()];
        let next = Ahead::after(&x, len).writing(&out);
        let (a, b) = (next.of(0), next.of(1));
        assert_eq!(a.write.at, out.as_ptr().wrapping_add(len));
        assert_eq!((a.read.len, a.write.len, b.read.len), (len, len, 3));
        assert_eq!(b.read.at, x.as_ptr().wrapping_add(2 * len));
        let (none, dst) = (Ahead::<f32>::NONE, [0f32; 5]);
        assert_eq!((none.read.len, none.write.len), (0, 0));
        let w = none.and_writing(&dst).write;
        assert_eq!((w.at, w.len), (dst.as_ptr(), 5));
    }
}
