//! Derivatives of the softmax family: the Jacobian, and its products with vectors.

use ndarray::{Array, Array2, ArrayRef, Axis, Dimension, Ix1};

use crate::Float;
use crate::error::Result;
use crate::kernels::Isa;
use crate::kernels::vjp::{Vjp, vjp as vjp_kernel};
use crate::{lanes, validate};

/// Returns the Jacobian of the softmax at output `p`: `J = diag(p) − p pᵀ`.
///
/// `J[i][j] = ∂pᵢ/∂xⱼ = pᵢ (δᵢⱼ − pⱼ)`. It is symmetric and its rows sum to 0. Building it costs
/// `n²` memory; to back-propagate use [`softmax_backward`], which computes `Jᵀg` in two passes over
/// the lane without forming `J`.
///
/// # Examples
///
/// ```
/// use ndarray::array;
/// let j = logits::softmax_jacobian(&array![0.3_f64, 0.5, 0.2]);
/// approx::assert_abs_diff_eq!(
///     j,
///     array![[0.21, -0.15, -0.06], [-0.15, 0.25, -0.10], [-0.06, -0.10, 0.16]],
///     epsilon = 1e-15,
/// );
/// ```
#[must_use]
pub fn softmax_jacobian<A: Float>(p: &ArrayRef<A, Ix1>) -> Array2<A> {
    let n = p.len();
    Array2::from_shape_fn((n, n), |(i, j)| {
        let d = if i == j { p[i] } else { A::zero() };
        d - p[i] * p[j]
    })
}

fn vjp<A: Float, D: Dimension>(
    (what, y): (&'static str, &ArrayRef<A, D>),
    (gwhat, g): (&'static str, &ArrayRef<A, D>),
    axis: Axis,
    kind: Vjp,
) -> Result<Array<A, D>> {
    validate::axis(y, axis);
    validate::same_shape(gwhat, g, what, y)?;
    let isa = Isa::detect();
    let mut out = lanes::zeros_like(y);
    lanes::map2(y, g, &mut out, axis, |y, g, out, len| {
        vjp_kernel(isa, y, g, out, len, kind);
    });
    Ok(out)
}

/// Back-propagates `grad` (the gradient of a loss with respect to the softmax output `p`) to the
/// softmax input, along `axis`: the vector–Jacobian product
///
/// ```text
/// ∂L/∂xᵢ = pᵢ (gᵢ − Σⱼ gⱼ pⱼ)
/// ```
///
/// in two passes per lane, without forming the Jacobian. Lanes of `p` that are all 0 (fully masked
/// in [`masked_softmax`](crate::masked_softmax)) get gradient 0.
///
/// # Errors
///
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `grad`'s shape differs from `p`'s.
///
/// # Panics
///
/// If `axis` is out of bounds for `p`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let p = array![[0.3_f64, 0.5, 0.2]];
/// let g = array![[1.0, 0.0, 0.0]];
/// let dx = logits::softmax_backward(&p, &g, Axis(1))?;
/// // The first row of the Jacobian diag(p) − p pᵀ.
/// approx::assert_abs_diff_eq!(dx, array![[0.21, -0.15, -0.06]], epsilon = 1e-15);
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn softmax_backward<A: Float, D: Dimension>(
    p: &ArrayRef<A, D>,
    grad: &ArrayRef<A, D>,
    axis: Axis,
) -> Result<Array<A, D>> {
    vjp(("p", p), ("grad", grad), axis, Vjp::Softmax)
}

/// Back-propagates `grad` through a log-softmax with output `log_p`, along `axis`:
///
/// ```text
/// ∂L/∂xᵢ = gᵢ − exp(log_pᵢ) Σⱼ gⱼ
/// ```
///
/// A lane where every `log_p` is −inf (the log-softmax of a fully masked lane) gets gradient 0.
///
/// # Errors
///
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `grad`'s shape differs from `log_p`'s.
///
/// # Panics
///
/// If `axis` is out of bounds for `log_p`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let log_p = logits::log_softmax(&array![[0.0_f64, 0.0]], Axis(1));
/// let dx = logits::log_softmax_backward(&log_p, &array![[1.0, 0.0]], Axis(1))?;
/// approx::assert_abs_diff_eq!(dx, array![[0.5, -0.5]], epsilon = 1e-15);
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn log_softmax_backward<A: Float, D: Dimension>(
    log_p: &ArrayRef<A, D>,
    grad: &ArrayRef<A, D>,
    axis: Axis,
) -> Result<Array<A, D>> {
    vjp(("log_p", log_p), ("grad", grad), axis, Vjp::LogSoftmax)
}

/// Pushes a tangent `v` of the softmax input forward to its output `p`, along `axis`: the
/// Jacobian–vector product
///
/// ```text
/// (J v)ᵢ = pᵢ (vᵢ − Σⱼ pⱼ vⱼ)
/// ```
///
/// The softmax Jacobian is symmetric, so this is the same formula as [`softmax_backward`]; it is
/// named for what it means in forward-mode code.
///
/// # Errors
///
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `tangent`'s shape differs from `p`'s.
///
/// # Panics
///
/// If `axis` is out of bounds for `p`.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let p = array![0.5_f32, 0.5];
/// // Raising both logits together changes nothing.
/// let dp = logits::softmax_jvp(&p, &array![1.0, 1.0], Axis(0))?;
/// assert_eq!(dp, array![0.0, 0.0]);
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn softmax_jvp<A: Float, D: Dimension>(
    p: &ArrayRef<A, D>,
    tangent: &ArrayRef<A, D>,
    axis: Axis,
) -> Result<Array<A, D>> {
    vjp(("p", p), ("tangent", tangent), axis, Vjp::Softmax)
}
