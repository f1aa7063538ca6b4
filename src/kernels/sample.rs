//! op: the sampler's passes over a row of logits, in blocks of [`BLOCK`] entries: each block's
//! maximum, each block's sum of `exp((x − m) / T)`, the exponentials themselves, and the masses
//! above a few thresholds. The sampler (`sample/`) picks its kept set and its token from these
//! summaries and touches single blocks only where it must.

#![cfg_attr(
    not(feature = "sample"),
    allow(
        dead_code,
        reason = "without the sampler, only top_k's block maxima are used"
    )
)]

use num_traits::{Float as _, ToPrimitive as _, Zero as _};

use super::dispatch::{Compute, Kernel};
use super::loops::{self, Separate};
use super::stats::{self, Shift};
use super::{Isa, Simd, Storage};

/// Entries per block: a multiple of every vector width, so that a block's vectors are whole on
/// every instruction set but its last.
pub(crate) const BLOCK: usize = 256;

/// The most thresholds [`masses_above`] takes in one pass.
pub(crate) const MAX_LEVELS: usize = 8;

struct Maxima<'a, S: Storage> {
    x: &'a [S],
    out: &'a mut Vec<S::Compute>,
}

impl<S: Storage> Kernel for Maxima<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        self.out.clear();
        for b in self.x.chunks(BLOCK) {
            self.out.push(stats::max::<V, S>(b));
        }
    }
}

/// The maximum of each block of `x` (NaN for a block holding NaN), into `out`.
pub(crate) fn block_maxima<S: Storage>(isa: Isa, x: &[S], out: &mut Vec<S::Compute>) {
    isa.run(Maxima { x, out });
}

struct Sums<'a, S: Storage> {
    x: &'a [S],
    m: S::Compute,
    inv_t: S::Compute,
    out: &'a mut Vec<f64>,
}

impl<S: Storage> Kernel for Sums<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let shift = Shift::new(V::splat(self.m), self.inv_t);
        let zero = V::splat(V::E::zero());
        self.out.clear();
        for b in self.x.chunks(BLOCK) {
            let s = loops::fold(
                b,
                zero,
                V::E::neg_infinity(),
                #[inline(always)]
                |acc, v| acc.add(shift.z(v).exp()),
                V::add,
            );
            self.out.push(s.reduce_add().to_f64().unwrap_or(f64::NAN));
        }
    }
}

/// `Σ exp((x − m) / T)` of each block of `x` (`m` finite, `inv_t = 1/T`), widened to `f64`.
pub(crate) fn block_sums<S: Storage>(
    isa: Isa,
    x: &[S],
    m: S::Compute,
    inv_t: S::Compute,
    out: &mut Vec<f64>,
) {
    isa.run(Sums { x, m, inv_t, out });
}

struct Exps<'a, S: Storage> {
    x: &'a [S],
    m: S::Compute,
    inv_t: S::Compute,
    out: &'a mut [S],
}

impl<S: Storage> Kernel for Exps<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let shift = Shift::new(V::splat(self.m), self.inv_t);
        loops::map(
            &mut Separate(self.x, self.out),
            #[inline(always)]
            |v: V| shift.z(v).exp(),
        );
    }
}

/// `exp((x − m) / T)` of each entry of `x`, into `out` (of the same length): the same values,
/// bit for bit, as [`block_sums`] adds up, block by block.
pub(crate) fn exps<S: Storage>(isa: Isa, x: &[S], m: S::Compute, inv_t: S::Compute, out: &mut [S]) {
    assert_eq!(x.len(), out.len());
    isa.run(Exps { x, m, inv_t, out });
}

struct Above<'a, S: Storage> {
    e: &'a [S],
    levels: &'a [S::Compute],
    out: &'a mut [f64],
}

impl<S: Storage> Kernel for Above<'_, S> {
    type S = S;
    type Output = ();
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(self) {
        let zero = V::splat(V::E::zero());
        let n = self.levels.len();
        let mut levels = [zero; MAX_LEVELS];
        for (l, &v) in levels.iter_mut().zip(self.levels) {
            *l = V::splat(v);
        }
        self.out.iter_mut().for_each(|o| *o = 0.0);
        // Chunks short enough that each level's vector sum rounds little before it is widened.
        for chunk in self.e.chunks(16 * BLOCK) {
            let mut acc = [zero; MAX_LEVELS];
            let mut vecs = chunk.chunks_exact(V::LANES);
            for v in &mut vecs {
                let v = V::read(v);
                for (a, &l) in acc.iter_mut().zip(&levels).take(n) {
                    *a = a.add_where_ge(v, l);
                }
            }
            let tail = vecs.remainder();
            if !tail.is_empty() {
                let v: V = S::load_partial(tail, V::E::zero());
                for (a, &l) in acc.iter_mut().zip(&levels).take(n) {
                    *a = a.add_where_ge(v, l);
                }
            }
            for (o, a) in self.out.iter_mut().zip(&acc).take(n) {
                *o += a.reduce_add().to_f64().unwrap_or(f64::NAN);
            }
        }
    }
}

/// For each threshold `l` in `levels` (at most [`MAX_LEVELS`], positive), `Σ e` over the entries
/// `e ≥ l` of `e` (which holds no NaN), into `out` (of the same length as `levels`). Summed in the
/// element type within chunks of a thousand entries, then in `f64`: an estimate to choose a
/// threshold by, not an exact mass.
pub(crate) fn masses_above<S: Storage>(isa: Isa, e: &[S], levels: &[S::Compute], out: &mut [f64]) {
    assert!(levels.len() <= MAX_LEVELS && out.len() == levels.len());
    isa.run(Above { e, levels, out });
}

/// `z = (x − m) / T` of one value, as the passes above form it.
#[inline]
pub(crate) fn z<E: super::Elem>(x: E, m: E, inv_t: E) -> E {
    stats::z(x, m, inv_t)
}
