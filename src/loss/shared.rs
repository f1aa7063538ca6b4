//! The options both cross-entropies ([`CrossEntropy`](crate::CrossEntropy) and
//! [`LinearCrossEntropy`](crate::LinearCrossEntropy)) share — class weights, `ignore_index`, label
//! smoothing, temperature and reduction — declared once: their fields and defaults, their checks,
//! the mean's denominator, what the kernels are handed, and their setters
//! ([`shared_setters`], each with its loss's own example).

use ndarray::{Array, Array1, ArrayRef, ArrayViewD, Dimension, Zip};

use super::Reduction;
use super::token::{Extras, cap};
use crate::Float;
use crate::error::{Error, Result};
use crate::kernels::cross_entropy::Options;
use crate::kernels::{Isa, cap as kernel_cap};
use crate::numeric::{compensated_sum, mean};
use crate::validate;

/// The shared options.
#[derive(Clone, Debug)]
pub(crate) struct Shared<A> {
    /// Weights per class, or `None` for all 1.
    pub weight: Option<Array1<A>>,
    /// The class index whose targets are skipped.
    pub ignore_index: Option<usize>,
    /// `ε ∈ [0, 1]`.
    pub label_smoothing: A,
    /// `T`: finite and > 0.
    pub temperature: A,
    pub reduction: Reduction,
    /// The z-loss's `ζ ≥ 0` (0: none).
    pub z_loss: A,
    /// The entropy bonus's `β ≥ 0` (0: none).
    pub entropy_bonus: A,
    /// The soft cap `c > 0`, if any.
    pub soft_cap: Option<A>,
}

impl<A: Float> Shared<A> {
    /// No weights, nothing ignored, no smoothing, temperature 1, the mean.
    pub(crate) fn new() -> Self {
        Self {
            weight: None,
            ignore_index: None,
            label_smoothing: A::zero(),
            temperature: A::one(),
            reduction: Reduction::Mean,
            z_loss: A::zero(),
            entropy_bonus: A::zero(),
            soft_cap: None,
        }
    }

    /// Sets the class weights, laid out contiguously: the kernels read them as a slice, and
    /// weights in any other layout (every other entry of a longer array, reversed) were read as
    /// none while the mean still divided by their sum.
    pub(crate) fn set_weight(&mut self, weight: Array1<A>) {
        self.weight = Some(if weight.as_slice().is_some() {
            weight
        } else {
            weight.as_standard_layout().into_owned()
        });
    }

    /// `1 / T`, after checking the temperature.
    pub(crate) fn inverse_temperature(&self) -> Result<A> {
        validate::inverse_temperature(self.temperature)
    }

    /// Checks the label smoothing and the weights' length against `classes`.
    pub(crate) fn check(&self, classes: usize) -> Result<()> {
        validate::label_smoothing(self.label_smoothing)?;
        let coef = |c: A| c >= A::zero() && c.is_finite();
        validate::option("z_loss", self.z_loss, coef(self.z_loss), "finite and >= 0")?;
        let b = self.entropy_bonus;
        validate::option("entropy_bonus", b, coef(b), "finite and >= 0")?;
        if let Some(c) = self.soft_cap {
            let ok = c > A::zero() && c.is_finite();
            validate::option("soft_cap", c, ok, "finite and > 0")?;
        }
        if let Some(w) = &self.weight {
            validate::shape("weight", w.shape(), "the class axis", &[classes])?;
        }
        Ok(())
    }

    /// Class-index targets, flattened in logical order (ignored ones marked), checked against
    /// `classes`; with the mean's denominator, the summed weight of the counted targets. For a
    /// mean, finite weights whose sum overflows `f64` are an error: the loss and every gradient
    /// entry would divide by it.
    pub(crate) fn class_targets(
        &self,
        t: &ArrayViewD<'_, usize>,
        classes: usize,
    ) -> Result<(Vec<usize>, f64)> {
        let (flat, denominator) =
            validate::class_targets(t, classes, self.ignore_index, self.weight.as_ref())?;
        let finite_weights = self.weight.iter().flatten().all(|w| w.is_finite());
        if self.reduction == Reduction::Mean && denominator.is_infinite() && finite_weights {
            return Err(Error::InvalidOption {
                name: "summed class weight",
                value: denominator,
                expected: "within f64's range for a mean, which divides by it",
            });
        }
        Ok((flat, denominator))
    }

    /// The losses reduced: their sum, or their sum over `denominator` (0 when that is 0: every
    /// target ignored, where PyTorch answers NaN), divided in `f64` and rounded once.
    pub(crate) fn reduce(&self, losses: &[A], denominator: f64) -> A {
        let total = compensated_sum(losses);
        match self.reduction {
            Reduction::Sum => total.value(),
            Reduction::Mean => mean(total, denominator),
        }
    }

    /// The gradient's divisor: that of the mean (the summed weight of the counted targets), or
    /// 1 for a sum.
    pub(crate) fn divisor(&self, denominator: f64) -> f64 {
        match self.reduction {
            Reduction::Sum => 1.0,
            Reduction::Mean => denominator,
        }
    }

    /// The z-loss and entropy bonus.
    pub(crate) fn extras(&self) -> Extras<A> {
        Extras {
            z_loss: self.z_loss,
            bonus: self.entropy_bonus,
        }
    }

    /// Whether any option beyond the engine's is on: the z-loss, the bonus or the cap.
    pub(crate) fn beyond_engine(&self) -> bool {
        self.extras().on() || self.soft_cap.is_some()
    }

    /// The weight of class `y` (1 without weights).
    pub(crate) fn class_weight(&self, y: usize) -> A {
        self.weight.as_ref().map_or_else(A::one, |w| w[y])
    }

    /// The logits soft-capped, where a cap is set.
    pub(crate) fn capped<D: Dimension>(&self, x: &ArrayRef<A, D>) -> Option<Array<A, D>> {
        let c = self.soft_cap?;
        let mut capped = x.to_owned();
        match capped.as_slice_memory_order_mut() {
            Some(s) => kernel_cap::soft_cap(Isa::detect(), s, None, c),
            None => capped.mapv_inplace(|v| cap(v, c).0),
        }
        Some(capped)
    }

    /// Multiplies a gradient with respect to the capped logits by the cap's derivative at the
    /// `logits`, where a cap is set.
    pub(crate) fn cap_gradient<D: Dimension>(
        &self,
        logits: &ArrayRef<A, D>,
        grad: &mut ArrayRef<A, D>,
    ) {
        let Some(c) = self.soft_cap else { return };
        if logits.strides() == grad.strides()
            && let (Some(x), Some(g)) = (
                logits.as_slice_memory_order(),
                grad.as_slice_memory_order_mut(),
            )
        {
            return kernel_cap::soft_cap_gradient(Isa::detect(), x, g, c);
        }
        // Another layout: the derivative from a contiguous copy, so that it is the same bits.
        let mut deriv = logits.to_owned();
        match deriv.as_slice_memory_order_mut() {
            Some(d) => {
                let mut x = d.to_vec();
                kernel_cap::soft_cap(Isa::detect(), &mut x, Some(d), c);
            }
            None => deriv.mapv_inplace(|v| cap(v, c).1),
        }
        Zip::from(grad).and(&deriv).for_each(|g, &d| *g *= d);
    }

    /// The options as the kernels take them, for `classes` classes and a gradient of
    /// `Σ losses / divisor`.
    pub(crate) fn kernel(&self, classes: usize, inv_t: A, divisor: f64) -> Options<'_, A> {
        let weight = self.weight.as_ref().and_then(|w| w.as_slice());
        Options::new(weight, self.label_smoothing, classes, inv_t, divisor)
    }
}

/// The setters of the shared options, for a loss whose options live in a field `shared`: one
/// declaration, with each loss's own example of each (a doc string holding a code block).
macro_rules! shared_setters {
    (
        ignore_index: $ignore_index:literal,
        label_smoothing: $label_smoothing:literal,
        temperature: $temperature:literal,
        reduction: $reduction:literal,
        z_loss: $z_loss:literal,
        entropy_bonus: $entropy_bonus:literal,
        soft_cap: $soft_cap:literal $(,)?
    ) => {
        /// A class index whose targets are skipped: loss 0, gradient 0, not counted in the mean.
        ///
        #[doc = $ignore_index]
        #[must_use]
        pub fn ignore_index(mut self, index: usize) -> Self {
            self.shared.ignore_index = Some(index);
            self
        }

        /// Label smoothing `ε ∈ [0, 1]`: the target becomes `(1 − ε)·target + ε·uniform`.
        ///
        #[doc = $label_smoothing]
        #[must_use]
        pub fn label_smoothing(mut self, epsilon: A) -> Self {
            self.shared.label_smoothing = epsilon;
            self
        }

        /// Divides the logits by `t` (finite, > 0) inside the kernel; the gradients carry the
        /// `1/t`.
        ///
        #[doc = $temperature]
        #[must_use]
        pub fn temperature(mut self, t: A) -> Self {
            self.shared.temperature = t;
            self
        }

        /// How the per-sample losses are combined (the mean by default).
        ///
        #[doc = $reduction]
        #[must_use]
        pub fn reduction(mut self, reduction: Reduction) -> Self {
            self.shared.reduction = reduction;
            self
        }

        /// PaLM's z-loss: adds `ζ · logsumexp(x / T)²` to each counted sample's loss (times its
        /// target's class weight, reduced as the loss is; ignored samples add nothing, nor do
        /// rows with no mass), which keeps the normaliser near 1. Its gradient, `2ζ · logsumexp ·
        /// p / T`, is added in the same pass. `ζ` must be finite and ≥ 0 (an
        /// [`Error::InvalidOption`](crate::Error::InvalidOption) otherwise, at the call); 0, the
        /// default, gives exactly the loss without it.
        ///
        #[doc = $z_loss]
        #[must_use]
        pub fn z_loss(mut self, coef: A) -> Self {
            self.shared.z_loss = coef;
            self
        }

        /// RL's entropy bonus: adds `−β · H` to each counted sample's loss, `H` the entropy of
        /// `softmax(x / T)` (times the target's class weight, reduced as the loss is), so that
        /// `β > 0` rewards spread. Its gradient, `β · p ⊙ (log p + H) / T`, is added in the same
        /// pass. `β` must be finite and ≥ 0 (an [`Error::InvalidOption`](crate::Error::InvalidOption)
        /// otherwise); 0, the default, gives exactly the loss without it.
        ///
        #[doc = $entropy_bonus]
        #[must_use]
        pub fn entropy_bonus(mut self, beta: A) -> Self {
            self.shared.entropy_bonus = beta;
            self
        }

        /// Gemma 2's logit soft-capping: every finite logit `x` becomes `c · tanh(x / c)` before
        /// anything else (the temperature divides the capped logits), and the gradient carries
        /// the cap's derivative `1 − tanh²(x / c)`. Logits that are not finite pass unchanged: a
        /// masked −inf stays masked. `c` must be finite and > 0 (an
        /// [`Error::InvalidOption`](crate::Error::InvalidOption) otherwise); without a cap, the
        /// default, nothing changes.
        ///
        #[doc = $soft_cap]
        #[must_use]
        pub fn soft_cap(mut self, c: A) -> Self {
            self.shared.soft_cap = Some(c);
            self
        }
    };
}

pub(crate) use shared_setters;
