//! Walking an array's lanes along an axis and handing them to the row kernels.
//!
//! When every lane is contiguous and the lanes follow one another in memory (a C-order array
//! along its last axis, an F-order array along its first), the whole array is one call. Otherwise
//! each lane goes on its own, copied through a buffer when it is strided.

use ndarray::{Array, ArrayRef, ArrayView1, Axis, Dimension, RemoveAxis, ShapeBuilder, Zip};

use crate::Float;

/// Memory order of an array whose lanes along an axis are consecutive contiguous rows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rows {
    C,
    F,
}

fn rows_order<A, D: Dimension>(x: &ArrayRef<A, D>, axis: Axis) -> Option<Rows> {
    if x.is_standard_layout() && axis.index() + 1 == x.ndim() {
        Some(Rows::C)
    } else if axis.index() == 0 && x.view().reversed_axes().is_standard_layout() {
        Some(Rows::F)
    } else {
        None
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
    rows: impl Fn(&[A], &mut [A], usize),
) {
    debug_assert_eq!(x.shape(), out.shape());
    let len = x.len_of(axis);
    if x.is_empty() {
        return;
    }
    if let Some(order) = rows_order(x, axis)
        && rows_order(out, axis) == Some(order)
        && let (Some(xs), Some(os)) = (x.as_slice_memory_order(), out.as_slice_memory_order_mut())
    {
        return rows(xs, os, len);
    }
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
    rows: impl Fn(&[A], &[A], &mut [A], usize),
) {
    debug_assert!(a.shape() == out.shape() && b.shape() == out.shape());
    let len = a.len_of(axis);
    if a.is_empty() {
        return;
    }
    if let Some(order) = rows_order(a, axis)
        && rows_order(b, axis) == Some(order)
        && rows_order(out, axis) == Some(order)
        && let (Some(as_), Some(bs), Some(os)) = (
            a.as_slice_memory_order(),
            b.as_slice_memory_order(),
            out.as_slice_memory_order_mut(),
        )
    {
        return rows(as_, bs, os, len);
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
    rows: impl Fn(&mut [A], usize),
) {
    let len = x.len_of(axis);
    if x.is_empty() {
        return;
    }
    if rows_order(x, axis).is_some()
        && let Some(xs) = x.as_slice_memory_order_mut()
    {
        return rows(xs, len);
    }
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

/// Reduces every lane of `x` along `axis` to one value with `rows(x_rows, out, len)`, which writes
/// one value per row; an empty lane gives `empty`.
pub(crate) fn reduce<A: Float, D: RemoveAxis>(
    x: &ArrayRef<A, D>,
    axis: Axis,
    empty: A,
    rows: impl Fn(&[A], &mut [A], usize),
) -> Array<A, D::Smaller> {
    let len = x.len_of(axis);
    let dim = x.raw_dim().remove_axis(axis);
    if len == 0 {
        return Array::from_elem(dim, empty);
    }
    match rows_order(x, axis) {
        Some(order) if x.as_slice_memory_order().is_some() => {
            let mut out = match order {
                Rows::C => Array::zeros(dim),
                Rows::F => Array::zeros(dim.f()),
            };
            if let (Some(xs), Some(os)) =
                (x.as_slice_memory_order(), out.as_slice_memory_order_mut())
            {
                rows(xs, os, len);
            }
            out
        }
        _ => {
            let mut out = Array::zeros(dim);
            let mut buf = Vec::new();
            Zip::from(&mut out).and(x.lanes(axis)).for_each(|o, lane| {
                rows(contiguous(&lane, &mut buf), std::slice::from_mut(o), len);
            });
            out
        }
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
