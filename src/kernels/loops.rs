//! Loops over slices in vectors, with the ragged tail padded through a small buffer so that every
//! element goes through the same vector code.

use super::simd::{MAX_LANES, Simd};
use num_traits::Zero;

/// Independent accumulators in reductions, to hide the latency of the adds.
const UNROLL: usize = 4;

/// Loads the `s.len() < LANES` elements of `s`, the other lanes set to `fill`.
#[inline(always)]
pub fn load_tail<V: Simd>(s: &[V::E], fill: V::E) -> V {
    V::load_partial(s, fill)
}

/// Stores the first `s.len() < LANES` lanes of `v` into `s`.
#[inline(always)]
pub fn store_tail<V: Simd>(v: V, s: &mut [V::E]) {
    v.store_partial(s);
}

/// Folds `x` into a vector: `step(acc, v)` per vector, `join` to combine accumulators. The tail
/// is padded with `fill`, which must leave the fold unchanged.
#[inline(always)]
pub fn fold<V: Simd>(
    x: &[V::E],
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
            *a = step(*a, V::load(&b[k * w..]));
        }
    }
    let mut vecs = blocks.remainder().chunks_exact(w);
    for v in &mut vecs {
        acc[0] = step(acc[0], V::load(v));
    }
    let tail = vecs.remainder();
    if !tail.is_empty() {
        acc[1] = step(acc[1], load_tail(tail, fill));
    }
    join(join(acc[0], acc[1]), join(acc[2], acc[3]))
}

/// Folds two slices of equal length together; tails padded with `fill_a` and `fill_b`.
#[inline(always)]
pub fn fold2<V: Simd>(
    a: &[V::E],
    b: &[V::E],
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
            *s = step(*s, V::load(&x[k * w..]), V::load(&y[k * w..]));
        }
    }
    let mut av = ab.remainder().chunks_exact(w);
    let mut bv = bb.remainder().chunks_exact(w);
    for (x, y) in (&mut av).zip(&mut bv) {
        acc[0] = step(acc[0], V::load(x), V::load(y));
    }
    let (at, bt) = (av.remainder(), bv.remainder());
    if !at.is_empty() {
        acc[1] = step(acc[1], load_tail(at, fill_a), load_tail(bt, fill_b));
    }
    join(join(acc[0], acc[1]), join(acc[2], acc[3]))
}

/// Where a lane's values come from and go to: two slices, or one slice overwritten.
pub trait Io<E> {
    /// The values read.
    fn src(&self) -> &[E];
    /// The values written.
    fn dst(&mut self) -> &mut [E];
}

/// Reads one slice, writes another of the same length.
pub struct Into<'a, E>(pub &'a [E], pub &'a mut [E]);

/// Reads and overwrites one slice.
pub struct InPlace<'a, E>(pub &'a mut [E]);

impl<E> Io<E> for Into<'_, E> {
    #[inline(always)]
    fn src(&self) -> &[E] {
        self.0
    }
    #[inline(always)]
    fn dst(&mut self) -> &mut [E] {
        self.1
    }
}

impl<E> Io<E> for InPlace<'_, E> {
    #[inline(always)]
    fn src(&self) -> &[E] {
        self.0
    }
    #[inline(always)]
    fn dst(&mut self) -> &mut [E] {
        self.0
    }
}

/// `dst[i] = f(src[i])`.
#[inline(always)]
pub fn map<V: Simd, I: Io<V::E>>(io: &mut I, f: impl Fn(V) -> V) {
    map_sum(io, f);
}

/// `dst[i] = f(src[i])`, returning `Σ dst[i]`, summed in exactly the order of [`sum`] (so that a
/// loss computed with and without its gradient is the same number).
#[inline(always)]
pub fn map_sum<V: Simd, I: Io<V::E>>(io: &mut I, f: impl Fn(V) -> V) -> V::E {
    let w = V::LANES;
    let n = io.src().len();
    assert_eq!(io.dst().len(), n);
    let zero = V::splat(V::E::zero());
    let mut total = Total::default();
    let mut start = 0;
    while start < n {
        let end = (start + SUM_BLOCK * w).min(n);
        // As `fold`: groups of UNROLL vectors into the accumulators in turn, the remaining whole
        // vectors into the first, the tail into the second.
        let mut acc = [zero; UNROLL];
        let mut i = start;
        while i + UNROLL * w <= end {
            for (k, a) in acc.iter_mut().enumerate() {
                let y = f(V::load(&io.src()[i + k * w..]));
                y.store(&mut io.dst()[i + k * w..]);
                *a = a.add(y);
            }
            i += UNROLL * w;
        }
        while i + w <= end {
            let y = f(V::load(&io.src()[i..]));
            y.store(&mut io.dst()[i..]);
            acc[0] = acc[0].add(y);
            i += w;
        }
        if i < end {
            let y = f(load_tail(&io.src()[i..end], V::E::zero()));
            store_tail(y, &mut io.dst()[i..end]);
            acc[1] = add_first(acc[1], y, end - i);
        }
        total.add(wide(
            acc[0].add(acc[1]).add(acc[2].add(acc[3])).reduce_add(),
        ));
        start = end;
    }
    narrow(total.value())
}

/// Vectors per block of a sum (so `SUM_BLOCK / UNROLL` per accumulator): few enough that each
/// block's sum carries only a few roundings, whatever the length of the slice.
const SUM_BLOCK: usize = 4 * UNROLL;

/// Neumaier's compensated sum of the blocks' sums: without it, the sequential sum of thousands of
/// block sums in `f64` would lose as much as the blocks saved, for `f64` elements.
#[derive(Clone, Copy, Default)]
pub(crate) struct Total {
    sum: f64,
    carry: f64,
}

impl Total {
    #[inline(always)]
    pub(crate) fn add(&mut self, v: f64) {
        let t = self.sum + v;
        // Once infinite (or NaN) the sum stays so; its carry would be inf − inf.
        if t.is_finite() {
            self.carry += if self.sum.abs() >= v.abs() {
                (self.sum - t) + v
            } else {
                (v - t) + self.sum
            };
        }
        self.sum = t;
    }

    #[inline(always)]
    pub(crate) fn value(self) -> f64 {
        if self.sum.is_finite() {
            self.sum + self.carry
        } else {
            self.sum
        }
    }
}

#[inline(always)]
fn wide<E: num_traits::Float>(v: E) -> f64 {
    v.to_f64().unwrap_or(f64::NAN)
}

#[inline(always)]
fn narrow<E: num_traits::Float>(v: f64) -> E {
    E::from(v).unwrap_or_else(E::nan)
}

/// `Σ f(x[i])`, with `fill` padding the tail (so `f(fill)` must be 0). Blocks of `SUM_BLOCK`
/// vectors are summed in vectors, and the blocks' sums in `f64`: the error stays at a few ULPs for
/// any length.
#[inline(always)]
pub fn sum<V: Simd>(x: &[V::E], fill: V::E, f: impl Fn(V) -> V) -> V::E {
    let zero = V::splat(V::E::zero());
    let mut total = Total::default();
    for b in x.chunks(SUM_BLOCK * V::LANES) {
        total.add(wide(
            fold(
                b,
                zero,
                fill,
                #[inline(always)]
                |acc, v| acc.add(f(v)),
                V::add,
            )
            .reduce_add(),
        ));
    }
    narrow(total.value())
}

/// `Σ f(a[i], b[i])` over two slices of equal length, summed as in [`sum`]; tails padded with 0.
#[inline(always)]
pub fn sum2<V: Simd>(a: &[V::E], b: &[V::E], f: impl Fn(V, V) -> V) -> V::E {
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
        total.add(wide(s.reduce_add()));
    }
    narrow(total.value())
}

/// `out[i] = f(a[i], b[i])`.
#[inline(always)]
pub fn zip_map_into<V: Simd>(a: &[V::E], b: &[V::E], out: &mut [V::E], f: impl Fn(V, V) -> V) {
    assert!(a.len() == out.len() && b.len() == out.len());
    let w = V::LANES;
    let mut av = a.chunks_exact(w);
    let mut bv = b.chunks_exact(w);
    let mut ov = out.chunks_exact_mut(w);
    for ((x, y), o) in (&mut av).zip(&mut bv).zip(&mut ov) {
        f(V::load(x), V::load(y)).store(o);
    }
    let (at, bt) = (av.remainder(), bv.remainder());
    if !at.is_empty() {
        let zero = V::E::zero();
        store_tail(
            f(load_tail(at, zero), load_tail(bt, zero)),
            ov.into_remainder(),
        );
    }
}

/// Adds the first `n` lanes of `v` to `acc`, the rest being ignored.
#[inline(always)]
fn add_first<V: Simd>(acc: V, v: V, n: usize) -> V {
    let mut buf = [V::E::zero(); MAX_LANES];
    v.store(&mut buf);
    buf[n..].fill(V::E::zero());
    acc.add(V::load(&buf))
}
