//! Softmax, log-softmax and logsumexp along an axis, with temperature, masks, in-place and
//! into-buffer variants.

use std::ops::Range;

use ndarray::{Array, ArrayRef, Axis, Dimension, RemoveAxis, Zip};

use crate::Float;
use crate::error::{Error, Result};
use crate::kernels::logsumexp as lse_kernel;
use crate::kernels::softmax::{
    Edges, Normalize, column_normalizers, normalize, normalize_inplace as normalize_inplace_kernel,
    normalize_with, normalize_with_inplace,
};
use crate::kernels::{Columns, Isa};
use crate::validate::{self, inverse_temperature};
use crate::{lanes, parallel};

fn normalize_into<A: Float, D: Dimension>(
    x: &ArrayRef<A, D>,
    out: &mut ArrayRef<A, D>,
    axis: Axis,
    op: Normalize<A>,
) {
    let isa = Isa::detect();
    if let Some((c, ranges)) = lanes::column_split(x, Some(out), axis)
        && let (Some(xs), Some(os)) = (x.as_slice_memory_order(), out.as_slice_memory_order_mut())
    {
        let size = c.len * c.width;
        for (xb, ob) in xs.chunks_exact(size).zip(os.chunks_exact_mut(size)) {
            let (offsets, scales, edges) = split_normalizers(isa, xb, c, &ranges, op);
            parallel::zip(xb, c.width, ob, c.width, |x, out| {
                normalize_with(isa, x, out, &offsets, &scales, op);
            });
            put_columns(ob, c.width, edges);
        }
        return;
    }
    lanes::map(x, out, axis, |x, out, lanes| {
        normalize(isa, x, out, lanes, op);
    });
}

fn normalize_inplace<A: Float, D: Dimension>(x: &mut ArrayRef<A, D>, axis: Axis, op: Normalize<A>) {
    let isa = Isa::detect();
    if let Some((c, ranges)) = lanes::column_split::<A, A, D>(x, None, axis)
        && let Some(xs) = x.as_slice_memory_order_mut()
    {
        for xb in xs.chunks_exact_mut(c.len * c.width) {
            let (offsets, scales, edges) = split_normalizers(isa, xb, c, &ranges, op);
            parallel::each_mut(xb, c.width, |x| {
                normalize_with_inplace(isa, x, &offsets, &scales, op);
            });
            put_columns(xb, c.width, edges);
        }
        return;
    }
    lanes::map_inplace(x, axis, |x, lanes| {
        normalize_inplace_kernel(isa, x, lanes, op);
    });
}

/// Softmax's first half over the column lanes of one block `c` whose columns are split into
/// tasks by `ranges`, each reading its columns in place: each column's offset and scale, and the
/// columns at an edge with their results (the second half, by rows, overwrites them).
fn split_normalizers<A: Float>(
    isa: Isa,
    x: &[A],
    c: Columns,
    ranges: &[Range<usize>],
    op: Normalize<A>,
) -> (Vec<A>, Vec<A>, Edges<A>) {
    let (mut offsets, mut scales) = (vec![A::zero(); c.width], vec![A::zero(); c.width]);
    let mut edges: Vec<Edges<A>> = vec![Vec::new(); ranges.len()];
    let tasks: Vec<_> = ranges
        .iter()
        .zip(parallel::split_at_ranges(&mut offsets, ranges))
        .zip(parallel::split_at_ranges(&mut scales, ranges))
        .zip(&mut edges)
        .collect();
    parallel::run(tasks, |(((cols, offsets), scales), edges)| {
        let (x, part) = c.part(x, cols);
        *edges = column_normalizers(isa, x, part, op, offsets, scales);
        for (col, _) in edges.iter_mut() {
            *col += cols.start;
        }
    });
    (offsets, scales, edges.into_iter().flatten().collect())
}

/// Writes each `(column, lane)` into its column of the row-major block `out`.
fn put_columns<A: Copy>(out: &mut [A], width: usize, columns: Edges<A>) {
    for (col, lane) in columns {
        for (row, v) in out.chunks_exact_mut(width).zip(lane) {
            row[col] = v;
        }
    }
}

#[track_caller]
fn normalized<A: Float, D: Dimension>(
    x: &ArrayRef<A, D>,
    axis: Axis,
    op: Normalize<A>,
) -> Array<A, D> {
    validate::axis(x, axis);
    let mut out = lanes::zeros_like(x);
    normalize_into(x, &mut out, axis, op);
    out
}

const PLAIN: bool = false;
const LOG: bool = true;

fn op<A: Float>(inv_t: A, log: bool) -> Normalize<A> {
    Normalize { inv_t, log }
}

/// Returns the softmax of `x` along `axis`.
///
/// ```text
/// softmax(x)ᵢ = exp(xᵢ − m) / Σⱼ exp(xⱼ − m),   m = maxⱼ xⱼ
/// ```
///
/// Works on any dimension, along any axis, for owned arrays and views of any layout. Edge cases
/// are defined, never NaN by accident: a lane that is entirely −inf (fully masked) gives 0s; the
/// +inf entries of a lane share its mass equally; a lane holding NaN comes back as a lane of NaN
/// and no other lane is touched; a zero-length axis gives an empty result.
///
/// # Panics
///
/// If `axis` is out of bounds for `x`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let p = logits::softmax(&array![[2.0_f32, 1.0, 0.1]], Axis(1));
/// approx::assert_abs_diff_eq!(p, array![[0.659_001_1, 0.242_433, 0.098_565_9]], epsilon = 1e-6);
///
/// // Huge logits never overflow, and +inf entries share the mass.
/// let q = logits::softmax(&array![3e38_f32, f32::INFINITY, -1.0, f32::INFINITY], Axis(0));
/// assert_eq!(q, array![0.0, 0.5, 0.0, 0.5]);
/// ```
#[must_use = "allocates a new array; see `softmax_inplace`"]
#[track_caller]
pub fn softmax<A: Float, D: Dimension>(x: &ArrayRef<A, D>, axis: Axis) -> Array<A, D> {
    normalized(x, axis, op(A::one(), PLAIN))
}

/// Returns the log-softmax of `x` along `axis`, computed without forming the softmax.
///
/// ```text
/// log_softmax(x)ᵢ = xᵢ − m − ln Σⱼ exp(xⱼ − m),   m = maxⱼ xⱼ
/// ```
///
/// A lane that is entirely −inf gives −inf; the `k` +inf entries of a lane give −ln k and the
/// others −inf; a lane holding NaN gives NaN.
///
/// # Panics
///
/// If `axis` is out of bounds for `x`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let x = array![[1000.0_f64, 2000.0, 3000.0]];
/// let lp = logits::log_softmax(&x, Axis(1));
/// assert_eq!(lp, array![[-2000.0, -1000.0, 0.0]]);
/// ```
#[must_use = "allocates a new array; see `log_softmax_inplace`"]
#[track_caller]
pub fn log_softmax<A: Float, D: Dimension>(x: &ArrayRef<A, D>, axis: Axis) -> Array<A, D> {
    normalized(x, axis, op(A::one(), LOG))
}

/// Returns `ln Σ exp(x)` along `axis`, without overflow.
///
/// ```text
/// logsumexp(x) = m + ln Σⱼ exp(xⱼ − m),   m = maxⱼ xⱼ
/// ```
///
/// An empty or entirely −inf lane gives −inf, a lane with +inf gives +inf, a lane with NaN gives
/// NaN. Each lane is read once from memory (an online maximum-and-sum, see [`LogSumExp`]).
///
/// [`LogSumExp`]: crate::LogSumExp
///
/// # Panics
///
/// If `axis` is out of bounds for `x`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let x = array![[0.0_f64, 0.0], [1e300, 1e300]];
/// let lse = logits::logsumexp(&x, Axis(1));
/// approx::assert_relative_eq!(lse, array![2.0_f64.ln(), 1e300], max_relative = 1e-15);
/// ```
#[must_use]
#[track_caller]
pub fn logsumexp<A: Float, D: RemoveAxis>(x: &ArrayRef<A, D>, axis: Axis) -> Array<A, D::Smaller> {
    validate::axis(x, axis);
    let isa = Isa::detect();
    lanes::reduce(x, axis, A::neg_infinity(), |x, out, lanes| {
        lse_kernel::logsumexp(isa, x, out, lanes, A::one());
    })
}

/// Returns the softmax of `x / t` along `axis`.
///
/// Low temperatures sharpen the distribution towards the arg-max, high ones flatten it towards
/// uniform. The division happens inside the kernel: no scaled copy of `x` is made. `t = 1` gives
/// exactly [`softmax`].
///
/// # Errors
///
/// [`Error::InvalidTemperature`] unless `t` is finite, positive and has a finite reciprocal.
///
/// # Panics
///
/// If `axis` is out of bounds for `x`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let x = array![2.0_f32, 1.0, 0.1];
/// let sharp = logits::softmax_with_temperature(&x, Axis(0), 0.1)?;
/// let flat = logits::softmax_with_temperature(&x, Axis(0), 5.0)?;
/// assert!(sharp[0] > 0.9999 && flat[0] < 0.4);
/// assert!(logits::softmax_with_temperature(&x, Axis(0), 0.0).is_err());
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn softmax_with_temperature<A: Float, D: Dimension>(
    x: &ArrayRef<A, D>,
    axis: Axis,
    t: A,
) -> Result<Array<A, D>> {
    validate::axis(x, axis);
    Ok(normalized(x, axis, op(inverse_temperature(t)?, PLAIN)))
}

/// Returns the log-softmax of `x / t` along `axis` (see [`softmax_with_temperature`]).
///
/// The kernel forms `(x − max) / t` as `(x/2 − max/2) · (2/t)`, which cannot overflow on the
/// way: a lane spanning more than the type's range keeps every log-probability that is finite at
/// this temperature (`[3e38, −3e38]` in `f32` at `t = 4` gives `[0, −1.5e38]`).
///
/// # Errors
///
/// [`Error::InvalidTemperature`] unless `t` is finite, positive and has a finite reciprocal.
///
/// # Panics
///
/// If `axis` is out of bounds for `x`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let x = array![[2.0_f64, 1.0, 0.1]];
/// let lp = logits::log_softmax_with_temperature(&x, Axis(1), 2.0)?;
/// let want = logits::log_softmax(&(&x / 2.0), Axis(1));
/// approx::assert_abs_diff_eq!(lp, want, epsilon = 1e-15);
///
/// let wide = array![3e38_f32, -3e38];
/// assert_eq!(logits::log_softmax_with_temperature(&wide, Axis(0), 4.0)?, array![0.0, -1.5e38]);
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn log_softmax_with_temperature<A: Float, D: Dimension>(
    x: &ArrayRef<A, D>,
    axis: Axis,
    t: A,
) -> Result<Array<A, D>> {
    validate::axis(x, axis);
    Ok(normalized(x, axis, op(inverse_temperature(t)?, LOG)))
}

/// Returns the softmax of `x` along `axis` over the entries where `mask` is `true`; the others
/// get probability 0.
///
/// `mask` may have `x`'s shape or any shape that broadcasts to it (a `[T, T]` causal mask for
/// `[batch, heads, T, T]` scores, say). A lane whose every entry is masked out gives 0s, not NaN,
/// and its gradient through [`softmax_backward`](crate::softmax_backward) is 0. A NaN at a masked
/// position is ignored.
///
/// # Errors
///
/// [`Error::ShapeMismatch`] if `mask` does not broadcast to `x`'s shape.
///
/// # Panics
///
/// If `axis` is out of bounds for `x`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let scores = array![[1.0_f32, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// let mask = array![[true, true, false], [false, false, false]];
/// let p = logits::masked_softmax(&scores, &mask, Axis(1))?;
/// approx::assert_abs_diff_eq!(p, array![[0.268_941_4, 0.731_058_6, 0.0], [0.0, 0.0, 0.0]], epsilon = 1e-6);
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn masked_softmax<A: Float, D: Dimension, E: Dimension>(
    x: &ArrayRef<A, D>,
    mask: &ArrayRef<bool, E>,
    axis: Axis,
) -> Result<Array<A, D>> {
    masked(x, mask, axis, op(A::one(), PLAIN))
}

/// Returns the log-softmax of `x` along `axis` over the entries where `mask` is `true`; the
/// others get log-probability −inf.
///
/// The log of [`masked_softmax`], computed directly: `mask` broadcasts the same way, a lane whose
/// every entry is masked out gives −inf throughout (not NaN), and its gradient through
/// [`log_softmax_backward`](crate::log_softmax_backward) is 0. A NaN at a masked position is
/// ignored. For a policy over a set of valid actions, or attention with padding, in log space.
///
/// # Errors
///
/// [`Error::ShapeMismatch`] if `mask` does not broadcast to `x`'s shape.
///
/// # Panics
///
/// If `axis` is out of bounds for `x`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let scores = array![[0.0_f64, 0.0, 7.0], [4.0, 5.0, 6.0]];
/// let valid = array![[true, true, false], [false, false, false]];
/// let lp = logits::masked_log_softmax(&scores, &valid, Axis(1))?;
/// let ln2 = std::f64::consts::LN_2;
/// let ninf = f64::NEG_INFINITY;
/// assert_eq!(lp, array![[-ln2, -ln2, ninf], [ninf, ninf, ninf]]);
/// // A fully masked lane has no gradient.
/// let g = logits::log_softmax_backward(&lp, &array![[1.0, 0.0, 0.0], [1.0, 1.0, 1.0]], Axis(1))?;
/// assert_eq!(g.row(1), array![0.0, 0.0, 0.0]);
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn masked_log_softmax<A: Float, D: Dimension, E: Dimension>(
    x: &ArrayRef<A, D>,
    mask: &ArrayRef<bool, E>,
    axis: Axis,
) -> Result<Array<A, D>> {
    masked(x, mask, axis, op(A::one(), LOG))
}

/// `op` of `x` with the entries where `mask` is `false` set to −inf.
#[track_caller]
fn masked<A: Float, D: Dimension, E: Dimension>(
    x: &ArrayRef<A, D>,
    mask: &ArrayRef<bool, E>,
    axis: Axis,
    op: Normalize<A>,
) -> Result<Array<A, D>> {
    validate::axis(x, axis);
    let mask = mask
        .broadcast(x.raw_dim())
        .ok_or_else(|| Error::shape("mask", mask.shape(), "x", x.shape()))?;
    let mut out = lanes::zeros_like(x);
    Zip::from(&mut out)
        .and(x)
        .and(&mask)
        .for_each(|o, &v, &keep| {
            *o = if keep { v } else { A::neg_infinity() };
        });
    normalize_inplace(&mut out, axis, op);
    Ok(out)
}

/// Replaces `x` with its softmax along `axis`, allocating nothing.
///
/// # Panics
///
/// If `axis` is out of bounds for `x`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let mut x = array![[0.0_f32, 0.0], [0.0, f32::NEG_INFINITY]];
/// logits::softmax_inplace(&mut x, Axis(1));
/// assert_eq!(x, array![[0.5, 0.5], [1.0, 0.0]]);
/// ```
#[track_caller]
pub fn softmax_inplace<A: Float, D: Dimension>(x: &mut ArrayRef<A, D>, axis: Axis) {
    validate::axis(x, axis);
    normalize_inplace(x, axis, op(A::one(), PLAIN));
}

/// Replaces `x` with its log-softmax along `axis`, allocating nothing.
///
/// # Panics
///
/// If `axis` is out of bounds for `x`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let mut x = array![0.0_f64, 0.0];
/// logits::log_softmax_inplace(&mut x, Axis(0));
/// assert_eq!(x, array![-std::f64::consts::LN_2, -std::f64::consts::LN_2]);
/// ```
#[track_caller]
pub fn log_softmax_inplace<A: Float, D: Dimension>(x: &mut ArrayRef<A, D>, axis: Axis) {
    validate::axis(x, axis);
    normalize_inplace(x, axis, op(A::one(), LOG));
}

/// Writes the softmax of `x` along `axis` into `out`, allocating nothing when the lanes are
/// contiguous.
///
/// # Errors
///
/// [`Error::ShapeMismatch`] if `out`'s shape differs from `x`'s; `out` is then left untouched.
///
/// # Panics
///
/// If `axis` is out of bounds for `x`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Array2, Axis};
/// let x = array![[1.0_f32, 1.0, 1.0, 1.0]];
/// let mut out = Array2::zeros((1, 4));
/// logits::softmax_into(&x, &mut out, Axis(1))?;
/// assert_eq!(out, array![[0.25, 0.25, 0.25, 0.25]]);
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn softmax_into<A: Float, D: Dimension>(
    x: &ArrayRef<A, D>,
    out: &mut ArrayRef<A, D>,
    axis: Axis,
) -> Result<()> {
    validate::axis(x, axis);
    validate::same_shape("out", out, "x", x)?;
    normalize_into(x, out, axis, op(A::one(), PLAIN));
    Ok(())
}

/// Writes the log-softmax of `x` along `axis` into `out` (see [`softmax_into`]).
///
/// # Errors
///
/// [`Error::ShapeMismatch`] if `out`'s shape differs from `x`'s; `out` is then left untouched.
///
/// # Panics
///
/// If `axis` is out of bounds for `x`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Array1, Axis};
/// let x = array![5.0_f64, 5.0];
/// let mut out = Array1::zeros(2);
/// logits::log_softmax_into(&x, &mut out, Axis(0))?;
/// assert_eq!(out, array![-std::f64::consts::LN_2, -std::f64::consts::LN_2]);
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn log_softmax_into<A: Float, D: Dimension>(
    x: &ArrayRef<A, D>,
    out: &mut ArrayRef<A, D>,
    axis: Axis,
) -> Result<()> {
    validate::axis(x, axis);
    validate::same_shape("out", out, "x", x)?;
    normalize_into(x, out, axis, op(A::one(), LOG));
    Ok(())
}
