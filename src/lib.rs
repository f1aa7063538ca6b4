//! Numerically stable, vectorised softmax and cross-entropy over [`ndarray`], for `f32` and `f64`.
//!
//! - [`softmax`], [`log_softmax`], [`logsumexp`] along any axis of any array, owned or a view, of
//!   any layout; [`softmax_with_temperature`], [`masked_softmax`], [`masked_log_softmax`],
//!   in-place and into-buffer variants that allocate nothing; [`top_k`].
//! - Derivatives: [`softmax_jacobian`], and the products [`softmax_backward`],
//!   [`log_softmax_backward`], [`softmax_jvp`] that never form the Jacobian.
//! - [`sigmoid`] and [`log_sigmoid`]; the online, mergeable [`LogSumExp`] accumulator.
//! - The same as methods, `x.softmax(Axis(1))`, with [`LogitsExt`] in scope.
//! - Losses whose gradient comes from the same pass: [`CrossEntropy`] (weights, `ignore_index`,
//!   label smoothing, temperature, any class axis, class or probability targets, logits or
//!   (log-)probabilities), [`LinearCrossEntropy`] (a language-model head fused with its
//!   cross-entropy, never building the logits), [`BinaryCrossEntropy`],
//!   [`BinaryCrossEntropyWithLogits`], [`SigmoidFocalLoss`], [`KlDiv`].
//!
//! Edge cases have answers, never accidental NaN: a fully masked (all −inf) lane has softmax 0,
//! log-softmax −inf and logsumexp −inf; +inf entries share the mass; NaN stays in its lane; huge
//! logits never overflow. Bad input (mismatched shapes, an invalid temperature) is an [`Error`],
//! never a panic; only an out-of-bounds axis panics, as in ndarray.
//!
//! `exp` is vectorised with AVX-512 or AVX2+FMA, picked at run time, with a scalar fallback.
//!
//! ```
//! use ndarray::{array, Axis};
//! use logits::prelude::*;
//!
//! let x = array![[2.0_f32, 1.0, 0.1], [1000.0, 2000.0, 3000.0]];
//! let p = softmax(&x, Axis(1));
//! approx::assert_abs_diff_eq!(p.row(0), array![0.659_001_1, 0.242_433, 0.098_565_9], epsilon = 1e-6);
//! assert_eq!(p.row(1), array![0.0, 0.0, 1.0]);
//!
//! let (loss, grad) = cross_entropy_and_grad(&x, &[0, 2])?;
//! assert!(loss > 0.0 && grad.dim() == (2, 3));
//! # Ok::<(), logits::Error>(())
//! ```
//!
//! # Crate features
//!
//! - `rayon` (off by default): split work over rayon's thread pool, in tasks of at least 32K
//!   elements, so that small inputs stay on the calling thread.

mod backward;
mod edge;
mod error;
mod ext;
mod float;
#[allow(unsafe_code)]
mod kernels;
mod lanes;
mod logsumexp;
mod loss;
mod numeric;
mod parallel;
#[cfg(feature = "sample")]
mod sample;
mod sigmoid;
mod softmax;
mod top_k;
mod validate;

pub use backward::{log_softmax_backward, softmax_backward, softmax_jacobian, softmax_jvp};
pub use error::{Error, Result};
pub use ext::LogitsExt;
pub use float::Float;
pub use logsumexp::LogSumExp;
pub use loss::{
    BinaryCrossEntropy, BinaryCrossEntropyWithLogits, CrossEntropy, Input, IntoTargets, KlDiv,
    LinearCrossEntropy, LinearGrads, Reduction, SigmoidFocalLoss, Targets, TokenOutputs,
    TokenStats, binary_cross_entropy, binary_cross_entropy_and_grad,
    binary_cross_entropy_with_logits, binary_cross_entropy_with_logits_and_grad, cross_entropy,
    cross_entropy_and_grad, kl_div, kl_div_and_grad, nll_loss, nll_loss_and_grad,
    sigmoid_focal_loss,
};
#[cfg(feature = "sample")]
pub use sample::{Context, Draw, Key, Order, Request, Sampler, Workspace, sample_batch};
pub use sigmoid::{log_sigmoid, sigmoid};
pub use softmax::{
    log_softmax, log_softmax_inplace, log_softmax_into, log_softmax_with_temperature, logsumexp,
    masked_log_softmax, masked_softmax, softmax, softmax_inplace, softmax_into,
    softmax_with_temperature,
};
pub use top_k::top_k;

/// What users call, for `use logits::prelude::*`: every function, loss and option type, the
/// [`Float`] and [`LogitsExt`] traits and the [`Error`] type. Its [`Result`] takes std's two
/// parameters too, so a glob import breaks no `Result<T, E>` in scope.
///
/// ```
/// use logits::prelude::*;
/// let p = softmax(&ndarray::array![0.0_f64, 0.0], ndarray::Axis(0));
/// assert_eq!(p[0], 0.5);
/// ```
pub mod prelude {
    pub use crate::{
        BinaryCrossEntropy, BinaryCrossEntropyWithLogits, CrossEntropy, Input, IntoTargets, KlDiv,
        LinearCrossEntropy, LinearGrads, Reduction, SigmoidFocalLoss, Targets, TokenOutputs,
        TokenStats, binary_cross_entropy, binary_cross_entropy_and_grad,
        binary_cross_entropy_with_logits, binary_cross_entropy_with_logits_and_grad, cross_entropy,
        cross_entropy_and_grad, kl_div, kl_div_and_grad, nll_loss, nll_loss_and_grad,
        sigmoid_focal_loss,
    };
    pub use crate::{
        Error, Float, LogSumExp, LogitsExt, Result, log_sigmoid, log_softmax, log_softmax_backward,
        log_softmax_inplace, log_softmax_into, log_softmax_with_temperature, logsumexp,
        masked_log_softmax, masked_softmax, sigmoid, softmax, softmax_backward, softmax_inplace,
        softmax_into, softmax_jacobian, softmax_jvp, softmax_with_temperature, top_k,
    };
}

/// The instruction set the kernels run with on this machine: `"avx512"`, `"avx2"` or `"scalar"`.
///
/// It is the best one the CPU supports, unless the environment variable `LOGITS_ISA` (read once)
/// caps it, as benchmarks of the slower paths do: `LOGITS_ISA=avx2 cargo bench`.
///
/// ```
/// assert!(["avx512", "avx2", "scalar"].contains(&logits::kernel_isa()));
/// ```
#[must_use]
pub fn kernel_isa() -> &'static str {
    kernels::Isa::detect().name()
}

/// The README's examples, run as doc tests so that the front door stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
