//! Kullback–Leibler divergence, as PyTorch's `F.kl_div`.

use ndarray::{Array, ArrayRef, Dimension};

use super::Reduction;
use super::elementwise::{Elementwise, ElementwiseLoss};
use crate::Float;
use crate::error::Result;
use crate::numeric::{count, product_or_zero, weighted};
use crate::validate;

/// KL divergence `KL(target ‖ input)` from log-probabilities `input`, as PyTorch's `F.kl_div`.
///
/// ```text
/// loss = target · (ln target − input)           (0 where target = 0)
/// loss = exp(t) · (t − input)                   with log_target, t the log-target
/// ∂loss/∂input = −target
/// ```
///
/// [`Reduction::Mean`] is PyTorch's `batchmean`: the sum divided by the length of the first
/// axis, which is the true KL divergence per sample (PyTorch's plain `mean`, over every element,
/// is rarely what is meant). Targets that are not log-targets must lie in `[0, 1]`
/// ([`Error::InvalidProbability`](crate::Error::InvalidProbability) otherwise).
///
/// ```
/// use ndarray::{array, Axis};
/// let q = logits::log_softmax(&array![[0.0_f64, 0.0]], Axis(1));
/// let p = array![[0.5, 0.5]];
/// assert_eq!(logits::KlDiv::new().loss(&q, &p)?, 0.0);
/// # Ok::<(), logits::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct KlDiv {
    log_target: bool,
    reduction: Reduction,
}

impl Default for KlDiv {
    fn default() -> Self {
        Self::new()
    }
}

fn kl_point<A: Float>(x: A, t: A, _: A, _: [A; 2]) -> (A, A) {
    (weighted(t, t.ln() - x), -t)
}

fn kl_log_point<A: Float>(x: A, t: A, _: A, _: [A; 2]) -> (A, A) {
    let p = t.exp();
    // Either factor 0 makes the term 0: p = 0 at t = −inf (where t − x may be −inf), and
    // t − x = 0 where p may overflow to inf.
    (product_or_zero(p, t - x), -p)
}

impl<A: Float> ElementwiseLoss<A> for KlDiv {
    fn describe<'a, D: Dimension>(
        &'a self,
        input: &'a ArrayRef<A, D>,
        target: &'a ArrayRef<A, D>,
    ) -> Result<Elementwise<'a, A, D>> {
        validate::same_shape("target", target, "input", input)?;
        if !self.log_target {
            validate::probabilities("target", target)?;
        }
        Ok(Elementwise {
            input: ("input", input),
            target,
            weight: None,
            pos_weight: None,
            param: [A::zero(); 2],
            f: if self.log_target {
                kl_log_point
            } else {
                kl_point
            },
            bce_with_logits: false,
        })
    }

    fn reduction(&self) -> Reduction {
        self.reduction
    }

    fn mean_denominator(&self, shape: &[usize]) -> f64 {
        count(shape.first().copied().unwrap_or(1))
    }
}

impl KlDiv {
    /// Probability targets, batch mean.
    ///
    /// ```
    /// let kl = logits::KlDiv::new();
    /// let l = kl.loss(&ndarray::array![[0.5_f64.ln(), 0.5_f64.ln()]], &ndarray::array![[1.0, 0.0]])?;
    /// approx::assert_relative_eq!(l, 2.0_f64.ln());
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self {
            log_target: false,
            reduction: Reduction::Mean,
        }
    }

    /// Whether the targets are log-probabilities (PyTorch's `log_target`).
    ///
    /// ```
    /// use ndarray::array;
    /// let (x, t) = (array![[-1.0_f64, -0.5]], array![[-0.2, -1.7]]);
    /// let a = logits::KlDiv::new().log_target(true).loss(&x, &t)?;
    /// let b = logits::KlDiv::new().loss(&x, &t.mapv(f64::exp))?;
    /// approx::assert_relative_eq!(a, b, max_relative = 1e-12);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn log_target(mut self, log_target: bool) -> Self {
        self.log_target = log_target;
        self
    }

    /// Batch mean (the default) or sum.
    ///
    /// ```
    /// use ndarray::array;
    /// let (x, t) = (array![[-1.0_f64, -0.5], [-0.1, -2.0]], array![[0.3, 0.7], [0.9, 0.1]]);
    /// let sum = logits::KlDiv::new().reduction(logits::Reduction::Sum).loss(&x, &t)?;
    /// approx::assert_relative_eq!(sum, 2.0 * logits::KlDiv::new().loss(&x, &t)?);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn reduction(mut self, reduction: Reduction) -> Self {
        self.reduction = reduction;
        self
    }

    /// The reduced divergence.
    ///
    /// # Errors
    ///
    /// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if the shapes differ;
    /// [`Error::InvalidProbability`](crate::Error::InvalidProbability) for a target outside
    /// `[0, 1]` unless `log_target`.
    ///
    /// # Examples
    ///
    /// ```
    /// let l = logits::KlDiv::new().loss(&ndarray::array![[-0.1_f32, -2.4]], &ndarray::array![[0.9, 0.1]])?;
    /// assert!(l >= 0.0);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn loss<A: Float, D: Dimension>(
        &self,
        input: &ArrayRef<A, D>,
        target: &ArrayRef<A, D>,
    ) -> Result<A> {
        self.loss_of(input, target)
    }

    /// The reduced divergence and its gradient with respect to `input`.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss).
    ///
    /// # Examples
    ///
    /// ```
    /// use ndarray::array;
    /// let (_, g) = logits::KlDiv::new().loss_and_grad(&array![[-0.1_f64, -2.4]], &array![[0.9, 0.1]])?;
    /// assert_eq!(g, array![[-0.9, -0.1]]);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn loss_and_grad<A: Float, D: Dimension>(
        &self,
        input: &ArrayRef<A, D>,
        target: &ArrayRef<A, D>,
    ) -> Result<(A, Array<A, D>)> {
        let mut grad = Array::zeros(input.raw_dim());
        let total = self.loss_and_grad_into_of(input, target, &mut grad)?;
        Ok((total, grad))
    }

    /// The reduced divergence, with its gradient written into `grad` (the input's shape): a
    /// training loop that reuses `grad` allocates nothing for it.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss), and
    /// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `grad`'s shape is not the
    /// input's; `grad` is then left untouched.
    ///
    /// # Examples
    ///
    /// ```
    /// use ndarray::{array, Array2};
    /// let mut grad = Array2::zeros((1, 2));
    /// let l = logits::KlDiv::new().loss_and_grad_into(&array![[-0.1_f64, -2.4]], &array![[0.9, 0.1]], &mut grad)?;
    /// assert!(l >= 0.0);
    /// assert_eq!(grad, array![[-0.9, -0.1]]);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn loss_and_grad_into<A: Float, D: Dimension>(
        &self,
        input: &ArrayRef<A, D>,
        target: &ArrayRef<A, D>,
        grad: &mut ArrayRef<A, D>,
    ) -> Result<A> {
        self.loss_and_grad_into_of(input, target, grad)
    }

    /// The divergence of every element, unreduced.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss).
    ///
    /// # Examples
    ///
    /// ```
    /// use ndarray::array;
    /// let each = logits::KlDiv::new().per_sample(&array![[-1.0_f64, -1.0]], &array![[1.0, 0.0]])?;
    /// assert_eq!(each, array![[1.0, 0.0]]);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn per_sample<A: Float, D: Dimension>(
        &self,
        input: &ArrayRef<A, D>,
        target: &ArrayRef<A, D>,
    ) -> Result<Array<A, D>> {
        self.per_sample_of(input, target, None)
    }

    /// The divergence of every element and the gradient of their sum, `−target` (or
    /// `−exp(target)` with log-targets), in one pass.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss).
    ///
    /// # Examples
    ///
    /// ```
    /// use ndarray::array;
    /// let (each, g) = logits::KlDiv::new().per_sample_and_grad(&array![[-1.0_f64, -1.0]], &array![[1.0, 0.0]])?;
    /// assert_eq!(each, array![[1.0, 0.0]]);
    /// assert_eq!(g, array![[-1.0, 0.0]]);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn per_sample_and_grad<A: Float, D: Dimension>(
        &self,
        input: &ArrayRef<A, D>,
        target: &ArrayRef<A, D>,
    ) -> Result<(Array<A, D>, Array<A, D>)> {
        let mut grad = Array::zeros(input.raw_dim());
        let each = self.per_sample_of(input, target, Some(&mut grad))?;
        Ok((each, grad))
    }
}

/// `KL(target ‖ input)` per sample (batch mean), from log-probabilities `input`.
///
/// # Errors
///
/// As [`KlDiv::loss`].
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let q = logits::log_softmax(&array![[1.0_f64, 2.0], [0.0, 0.0]], Axis(1));
/// let p = logits::softmax(&array![[1.0_f64, 2.0], [0.0, 0.0]], Axis(1));
/// approx::assert_abs_diff_eq!(logits::kl_div(&q, &p)?, 0.0, epsilon = 1e-15);
/// # Ok::<(), logits::Error>(())
/// ```
pub fn kl_div<A: Float, D: Dimension>(
    input: &ArrayRef<A, D>,
    target: &ArrayRef<A, D>,
) -> Result<A> {
    KlDiv::new().loss(input, target)
}

/// `KL(target ‖ input)` (batch mean) and its gradient `−target / batch`.
///
/// # Errors
///
/// As [`KlDiv::loss`].
///
/// # Examples
///
/// ```
/// use ndarray::array;
/// let (l, g) = logits::kl_div_and_grad(&array![[-1.0_f64, -1.0]], &array![[0.5, 0.5]])?;
/// approx::assert_relative_eq!(l, 1.0 - 2.0_f64.ln());
/// assert_eq!(g, array![[-0.5, -0.5]]);
/// # Ok::<(), logits::Error>(())
/// ```
pub fn kl_div_and_grad<A: Float, D: Dimension>(
    input: &ArrayRef<A, D>,
    target: &ArrayRef<A, D>,
) -> Result<(A, Array<A, D>)> {
    KlDiv::new().loss_and_grad(input, target)
}
