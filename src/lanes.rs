//! Walking an array's lanes along an axis and handing them to the row kernels.
//!
//! When every lane is contiguous and the lanes follow one another in memory (a C-order array
//! along its last axis, an F-order array along its first), the whole array is one call. Otherwise
//! each lane goes on its own, copied through a buffer when it is strided.

use ndarray::{Array, ArrayRef, ArrayView1, Axis, Dimension, RemoveAxis, ShapeBuilder, Zip};

use crate::Float;
use crate::kernels::columns::Columns;
use crate::kernels::ops::Layout;
use crate::parallel;

/// How the lanes of a contiguous array sit in its memory: consecutive rows, or the columns of
/// `blocks` consecutive row-major blocks (a C-order array along a leading axis).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Plan {
    /// Whether the memory order is Fortran's (the plan then reads the axes reversed).
    fortran: bool,
    blocks: usize,
    len: usize,
    /// 1 when the lanes are rows.
    width: usize,
}

impl Plan {
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
            blocks: before.iter().product(),
            len: shape[axis.index()],
            width: after.iter().product(),
        })
    }

    /// The layout of each block, for the kernels.
    fn layout(self) -> Layout {
        if self.width == 1 {
            Layout::Rows(self.len)
        } else {
            Layout::Columns(Columns {
                len: self.len,
                width: self.width,
            })
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
        f: impl Fn(&[A], &mut [A], Layout) + Sync + Send,
    ) {
        let layout = self.layout();
        if self.width == 1 {
            let out_unit = if reduce { 1 } else { self.len };
            return parallel::zip(x, self.len, out, out_unit, |x, out| f(x, out, layout));
        }
        let n = self.len * self.width;
        let out_unit = if reduce { self.width } else { n };
        parallel::zip(x, n, out, out_unit, |x, out| {
            for (xb, ob) in x.chunks_exact(n).zip(out.chunks_exact_mut(out_unit)) {
                f(xb, ob, layout);
            }
        });
    }

    /// [`for_each`](Self::for_each) in place.
    fn for_each_mut<A: Send + Sync>(self, x: &mut [A], f: impl Fn(&mut [A], Layout) + Sync + Send) {
        let layout = self.layout();
        if self.width == 1 {
            return parallel::each_mut(x, self.len, |x| f(x, layout));
        }
        let n = self.len * self.width;
        parallel::each_mut(x, n, |x| {
            for block in x.chunks_exact_mut(n) {
                f(block, layout);
            }
        });
    }
}

/// Panics unless `axis` is an axis of `x`.
#[track_caller]
pub(crate) fn check_axis<A, D: Dimension>(x: &ArrayRef<A, D>, axis: Axis) {
    assert!(
        axis.index() < x.ndim(),
        "axis {} is out of bounds for an array of {} dimensions",
        axis.index(),
        x.ndim()
    );
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

/// Calls `rows(x_rows, out_rows, len)` over every lane of `x` along `axis` and the matching lane
/// of `out` (same shape).
pub(crate) fn map<A: Float, D: Dimension>(
    x: &ArrayRef<A, D>,
    out: &mut ArrayRef<A, D>,
    axis: Axis,
    lanes: impl Fn(&[A], &mut [A], Layout) + Sync + Send,
) {
    debug_assert_eq!(x.shape(), out.shape());
    let len = x.len_of(axis);
    if x.is_empty() {
        return;
    }
    if let Some(plan) = Plan::of(x, axis)
        && Plan::of(out, axis) == Some(plan)
        && let (Some(xs), Some(os)) = (x.as_slice_memory_order(), out.as_slice_memory_order_mut())
    {
        return plan.for_each(xs, os, false, lanes);
    }
    let rows = |x: &[A], out: &mut [A], len| lanes(x, out, Layout::Rows(len));
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
    if let Some(plan) = Plan::of(a, axis)
        && plan.width == 1
        && Plan::of(b, axis) == Some(plan)
        && Plan::of(out, axis) == Some(plan)
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

/// Calls `rows(x_rows, len)` over every lane of `x` along `axis`, overwriting it.
pub(crate) fn map_inplace<A: Float, D: Dimension>(
    x: &mut ArrayRef<A, D>,
    axis: Axis,
    lanes: impl Fn(&mut [A], Layout) + Sync + Send,
) {
    let len = x.len_of(axis);
    if x.is_empty() {
        return;
    }
    if let Some(plan) = Plan::of(x, axis)
        && let Some(xs) = x.as_slice_memory_order_mut()
    {
        return plan.for_each_mut(xs, lanes);
    }
    let rows = |x: &mut [A], len| lanes(x, Layout::Rows(len));
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

/// Reduces every lane of `x` along `axis` to one value with `lanes(x, out, layout)`, which writes
/// one value per lane in the lanes' order; an empty lane gives `empty`.
pub(crate) fn reduce<A: Float, D: RemoveAxis>(
    x: &ArrayRef<A, D>,
    axis: Axis,
    empty: A,
    lanes: impl Fn(&[A], &mut [A], Layout) + Sync + Send,
) -> Array<A, D::Smaller> {
    let len = x.len_of(axis);
    let dim = x.raw_dim().remove_axis(axis);
    if len == 0 {
        return Array::from_elem(dim, empty);
    }
    if x.is_empty() {
        return Array::zeros(dim);
    }
    if let (Some(plan), Some(xs)) = (Plan::of(x, axis), x.as_slice_memory_order()) {
        // The lanes' order is the memory order of the result in the same (C or F) order.
        let mut out = if plan.fortran {
            Array::zeros(dim.f())
        } else {
            Array::zeros(dim)
        };
        if let Some(os) = out.as_slice_memory_order_mut() {
            plan.for_each(xs, os, true, lanes);
        }
        out
    } else {
        let mut out = Array::zeros(dim);
        let mut buf = Vec::new();
        Zip::from(&mut out).and(x.lanes(axis)).for_each(|o, lane| {
            lanes(
                contiguous(&lane, &mut buf),
                std::slice::from_mut(o),
                Layout::Rows(len),
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
