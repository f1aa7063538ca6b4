//! The options both cross-entropies ([`CrossEntropy`](crate::CrossEntropy) and
//! [`LinearCrossEntropy`](crate::LinearCrossEntropy)) share — class weights, `ignore_index`, label
//! smoothing, temperature and reduction — declared once: their fields and defaults, their checks,
//! the mean's denominator, what the kernels are handed, and their setters
//! ([`shared_setters`], each with its loss's own example).

use ndarray::{Array1, ArrayViewD};

use super::Reduction;
use crate::Float;
use crate::error::{Error, Result};
use crate::kernels::cross_entropy::Options;
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
        reduction: $reduction:literal $(,)?
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
    };
}

pub(crate) use shared_setters;
