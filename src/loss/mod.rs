//! Losses: categorical and binary cross-entropy, NLL, KL divergence and focal loss, each with a
//! gradient computed in the same pass as the loss.
//!
//! - `targets`: what a categorical loss compares with ([`Targets`], [`IntoTargets`]);
//! - `shared`: the options both cross-entropies share, declared once;
//! - `cross_entropy` and `linear`: the two cross-entropies, one engine underneath
//!   (`kernels::cross_entropy`);
//! - `token`: the per-token outputs of both, and the z-loss, entropy bonus and soft cap built on
//!   them (`kernels::token`);
//! - `elementwise`: the machinery of the elementwise losses (`binary`, `kl`).

mod binary;
mod cross_entropy;
mod elementwise;
mod kl;
mod linear;
mod shared;
mod targets;
mod token;

pub use binary::{
    BinaryCrossEntropy, BinaryCrossEntropyWithLogits, SigmoidFocalLoss, binary_cross_entropy,
    binary_cross_entropy_and_grad, binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_and_grad, sigmoid_focal_loss,
};
pub use cross_entropy::{
    CrossEntropy, Input, cross_entropy, cross_entropy_and_grad, nll_loss, nll_loss_and_grad,
};
pub use kl::{KlDiv, kl_div, kl_div_and_grad};
pub use linear::{LinearCrossEntropy, LinearGrads};
pub use targets::{IntoTargets, Targets};
pub use token::{TokenOutputs, TokenStats};

/// How per-sample losses become one number.
///
/// Both sum the per-sample losses in `f64` (compensated) and round once to the element type;
/// the mean divides in `f64` first, so the `f32` mean of losses near `3e38` is finite, not the
/// overflowed sum over the count. An `f64` sum that overflows on its way goes on scaled by 2⁻¹²⁸,
/// so the `f64` mean of losses near `1e308` is finite too; so is the `f64` sum where it is in
/// range in the end. Class weights in `f64` whose sum over the counted targets overflows are an
/// [`Error::InvalidOption`](crate::Error::InvalidOption) for a mean, which divides by that sum.
///
/// ```
/// use logits::{CrossEntropy, Reduction};
/// use ndarray::array;
/// let x = array![[0.0_f64, 0.0], [0.0, 0.0]];
/// let mean = CrossEntropy::new().loss(&x, &[0, 1])?;
/// let sum = CrossEntropy::new().reduction(Reduction::Sum).loss(&x, &[0, 1])?;
/// approx::assert_relative_eq!(sum, 2.0 * mean);
///
/// let far = array![[0.0_f32, -3e38], [0.0, -3e38]]; // each loss is 3e38
/// assert_eq!(CrossEntropy::new().loss(&far, &[1, 1])?, 3e38);
/// # Ok::<(), logits::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Reduction {
    /// The (weighted) mean: each loss documents its denominator.
    #[default]
    Mean,
    /// The sum.
    Sum,
}
