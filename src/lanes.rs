//! Walking an array's lanes along an axis and handing them to the kernels.
//!
//! When the array is contiguous (in C or F order), its lanes lie as consecutive rows (along the
//! last axis of a C-order array, the first of an F-order one) or as the columns of consecutive
//! row-major blocks (along any other axis): the whole array goes to the kernels in one call, or
//! one call per block. Otherwise each lane goes on its own, copied through a buffer when it is
//! strided.

use std::ops::Range;

use ndarray::{Array, ArrayRef, ArrayView1, Axis, Dimension, RemoveAxis, ShapeBuilder, Zip};

use crate::Float;
use crate::kernels::{Columns, Lanes};
use crate::parallel;

/// How the lanes of a contiguous array sit in its memory: `count` consecutive row-major blocks of
/// `len` rows and `width` columns, whose columns are the lanes; or, with `width` 1, consecutive
/// rows of `len`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Blocks {
    /// Whether the memory order is Fortran's (the axes then read reversed).
    fortran: bool,
    count: usize,
    len: usize,
    /// 1 when the lanes are rows.
    width: usize,
}

impl Blocks {
    fn of<A, D: Dimension>(x: &ArrayRef<A, D>, axis: Axis) -> Option<Self> {
        let shape = x.shape();
        let (fortran, before, after) = if x.is_standard_layout() {
            (false, &shape[..axis.index()], &shape[axis.index() + 1..])
        } else if x.view().reversed_axes().is_standard_layout() {
            (true, &shape[axis.index() + 1..], &shape[..axis.index()])
        } else {
            return None;
        };
        Some(Self {
            fortran,
            count: before.iter().product(),
            len: shape[axis.index()],
            width: after.iter().product(),
        })
    }

    /// How the kernels see each block.
    fn lanes(self) -> Lanes {
        if self.width == 1 {
            Lanes::Rows(self.len)
        } else {
            Lanes::Columns(Columns::new(self.len, self.width))
        }
    }

    /// Calls `f` on each block of `x` and `out`, on several threads with the rayon feature when
    /// there is enough work. `out` holds a lane's worth of output per lane, or with `reduce` one
    /// value per lane.
    fn for_each<A: Send + Sync>(
        self,
        x: &[A],
        out: &mut [A],
        reduce: bool,
        f: impl Fn(&[A], &mut [A], Lanes) + Sync + Send,
    ) {
        let lanes = self.lanes();
        if self.width == 1 {
            let out_unit = if reduce { 1 } else { self.len };
            return parallel::zip(x, self.len, out, out_unit, |x, out| f(x, out, lanes));
        }
        let n = self.len * self.width;
        let out_unit = if reduce { self.width } else { n };
        if reduce && let Some(ranges) = parallel::column_ranges(self.count, self.len, self.width) {
            // Fewer blocks than threads: each block's columns split into tasks, read in place.
            for (xb, ob) in x.chunks_exact(n).zip(out.chunks_exact_mut(out_unit)) {
                let tasks: Vec<_> = parallel::split_at_ranges(ob, &ranges)
                    .into_iter()
                    .zip(&ranges)
                    .map(|(o, cols)| {
                        let (x, c) = Columns::new(self.len, self.width).part(xb, cols);
                        (x, o, c)
                    })
                    .collect();
                parallel::run(tasks, |(x, o, c)| f(x, o, Lanes::Columns(c)));
            }
            return;
        }
        parallel::zip(x, n, out, out_unit, |x, out| {
            for (xb, ob) in x.chunks_exact(n).zip(out.chunks_exact_mut(out_unit)) {
                f(xb, ob, lanes);
            }
        });
    }

    /// [`for_each`](Self::for_each) in place.
    fn for_each_mut<A: Send + Sync>(self, x: &mut [A], f: impl Fn(&mut [A], Lanes) + Sync + Send) {
        let lanes = self.lanes();
        if self.width == 1 {
            return parallel::each_mut(x, self.len, |x| f(x, lanes));
        }
        let n = self.len * self.width;
        parallel::each_mut(x, n, |x| {
            for block in x.chunks_exact_mut(n) {
                f(block, lanes);
            }
        });
    }
}

/// Where the lanes of `x` along `axis` are the columns of fewer contiguous blocks than there are
/// threads to share them (axis 0 of a matrix is one block), and `out` (if any) lies as `x`
/// does: the blocks' shape and the column ranges to split each by.
pub(crate) fn column_split<A, B, D: Dimension>(
    x: &ArrayRef<A, D>,
    out: Option<&ArrayRef<B, D>>,
    axis: Axis,
) -> Option<(Columns, Vec<Range<usize>>)> {
    let blocks = Blocks::of(x, axis)?;
    if blocks.width < 2 || x.is_empty() || out.is_some_and(|o| Blocks::of(o, axis) != Some(blocks))
    {
        return None;
    }
    let ranges = parallel::column_ranges(blocks.count, blocks.len, blocks.width)?;
    Some((Columns::new(blocks.len, blocks.width), ranges))
}

/// A zeroed array of `x`'s shape, in F order if `x` is F-contiguous (so its lanes along axis 0
/// stay contiguous), else in C order.
pub(crate) fn zeros_like<A: Float, B, D: Dimension>(x: &ArrayRef<B, D>) -> Array<A, D> {
    if !x.is_standard_layout() && x.view().reversed_axes().is_standard_layout() {
        Array::zeros(x.raw_dim().f())
    } else {
        Array::zeros(x.raw_dim())
    }
}

/// Calls `lanes(x, out, lanes)` over every lane of `x` along `axis` and the matching lane of
/// `out` (same shape): on the whole array or its blocks when contiguous, else one lane at a
/// time.
pub(crate) fn map<A: Float, D: Dimension>(
    x: &ArrayRef<A, D>,
    out: &mut ArrayRef<A, D>,
    axis: Axis,
    lanes: impl Fn(&[A], &mut [A], Lanes) + Sync + Send,
) {
    debug_assert_eq!(x.shape(), out.shape());
    let len = x.len_of(axis);
    if x.is_empty() {
        return;
    }
    if let Some(blocks) = Blocks::of(x, axis)
        && Blocks::of(out, axis) == Some(blocks)
        && let (Some(xs), Some(os)) = (x.as_slice_memory_order(), out.as_slice_memory_order_mut())
    {
        return blocks.for_each(xs, os, false, lanes);
    }
    let rows = |x: &[A], out: &mut [A], len| lanes(x, out, Lanes::Rows(len));
    let mut xbuf = Vec::new();
    let mut obuf = vec![A::zero(); len];
    Zip::from(x.lanes(axis))
        .and(out.lanes_mut(axis))
        .for_each(|xl, mut ol| {
            let xs = contiguous(&xl, &mut xbuf);
            if let Some(os) = ol.as_slice_mut() {
                rows(xs, os, len);
            } else {
                rows(xs, &mut obuf, len);
                ol.assign(&ArrayView1::from(&obuf));
            }
        });
}

/// Like [`map`] for two inputs of the same shape.
pub(crate) fn map2<A: Float, D: Dimension>(
    a: &ArrayRef<A, D>,
    b: &ArrayRef<A, D>,
    out: &mut ArrayRef<A, D>,
    axis: Axis,
    rows: impl Fn(&[A], &[A], &mut [A], usize) + Sync + Send,
) {
    debug_assert!(a.shape() == out.shape() && b.shape() == out.shape());
    let len = a.len_of(axis);
    if a.is_empty() {
        return;
    }
    if let Some(blocks) = Blocks::of(a, axis)
        && blocks.width == 1
        && Blocks::of(b, axis) == Some(blocks)
        && Blocks::of(out, axis) == Some(blocks)
        && let (Some(as_), Some(bs), Some(os)) = (
            a.as_slice_memory_order(),
            b.as_slice_memory_order(),
            out.as_slice_memory_order_mut(),
        )
    {
        return parallel::zip2(as_, bs, len, os, len, |a, b, o| rows(a, b, o, len));
    }
    let (mut abuf, mut bbuf) = (Vec::new(), Vec::new());
    let mut obuf = vec![A::zero(); len];
    Zip::from(a.lanes(axis))
        .and(b.lanes(axis))
        .and(out.lanes_mut(axis))
        .for_each(|al, bl, mut ol| {
            let (xs, ys) = (contiguous(&al, &mut abuf), contiguous(&bl, &mut bbuf));
            if let Some(os) = ol.as_slice_mut() {
                rows(xs, ys, os, len);
            } else {
                rows(xs, ys, &mut obuf, len);
                ol.assign(&ArrayView1::from(&obuf));
            }
        });
}

/// Calls `lanes(x, lanes)` over every lane of `x` along `axis`, overwriting it.
pub(crate) fn map_inplace<A: Float, D: Dimension>(
    x: &mut ArrayRef<A, D>,
    axis: Axis,
    lanes: impl Fn(&mut [A], Lanes) + Sync + Send,
) {
    let len = x.len_of(axis);
    if x.is_empty() {
        return;
    }
    if let Some(blocks) = Blocks::of(x, axis)
        && let Some(xs) = x.as_slice_memory_order_mut()
    {
        return blocks.for_each_mut(xs, lanes);
    }
    let rows = |x: &mut [A], len| lanes(x, Lanes::Rows(len));
    let mut buf = vec![A::zero(); len];
    for mut lane in x.lanes_mut(axis) {
        if let Some(xs) = lane.as_slice_mut() {
            rows(xs, len);
        } else {
            buf.iter_mut().zip(lane.iter()).for_each(|(b, &v)| *b = v);
            rows(&mut buf, len);
            lane.assign(&ArrayView1::from(&buf));
        }
    }
}

/// Reduces every lane of `x` along `axis` to one value with `lanes(x, out, lanes)`, which writes
/// one value per lane in the lanes' order; an empty lane gives `empty`.
pub(crate) fn reduce<A: Float, D: RemoveAxis>(
    x: &ArrayRef<A, D>,
    axis: Axis,
    empty: A,
    lanes: impl Fn(&[A], &mut [A], Lanes) + Sync + Send,
) -> Array<A, D::Smaller> {
    let len = x.len_of(axis);
    let dim = x.raw_dim().remove_axis(axis);
    if len == 0 {
        return Array::from_elem(dim, empty);
    }
    if x.is_empty() {
        return Array::zeros(dim);
    }
    if let (Some(blocks), Some(xs)) = (Blocks::of(x, axis), x.as_slice_memory_order()) {
        // The lanes' order is the memory order of the result in the same (C or F) order.
        let mut out = if blocks.fortran {
            Array::zeros(dim.f())
        } else {
            Array::zeros(dim)
        };
        if let Some(os) = out.as_slice_memory_order_mut() {
            blocks.for_each(xs, os, true, lanes);
        }
        out
    } else {
        let mut out = Array::zeros(dim);
        let mut buf = Vec::new();
        Zip::from(&mut out).and(x.lanes(axis)).for_each(|o, lane| {
            lanes(
                contiguous(&lane, &mut buf),
                std::slice::from_mut(o),
                Lanes::Rows(len),
            );
        });
        out
    }
}

/// The lane as a slice: itself when contiguous, else copied into `buf`.
fn contiguous<'a, A: Copy>(lane: &ArrayView1<'a, A>, buf: &'a mut Vec<A>) -> &'a [A] {
    if let Some(s) = lane.to_slice() {
        s
    } else {
        buf.clear();
        buf.extend(lane.iter().copied());
        buf
    }
}
