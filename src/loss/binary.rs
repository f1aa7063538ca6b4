//! Binary cross-entropy on probabilities and on logits, and the sigmoid focal loss.

use ndarray::{Array, Array1, ArrayD, ArrayRef, Dimension};

use super::Reduction;
use super::elementwise::{Elementwise, ElementwiseLoss, elementwise_methods};
use crate::Float;
use crate::error::Result;
use crate::numeric::{product_or_zero, weighted};
use crate::validate;

/// `ln σ(x)`, stably.
fn log_sigmoid<A: Float>(x: A) -> A {
    x.min(A::zero()) - (-x.abs()).exp().ln_1p()
}

/// `σ(x)`, stably.
fn sigmoid<A: Float>(x: A) -> A {
    let e = (-x.abs()).exp();
    let s = (A::one() + e).recip();
    if x >= A::zero() { s } else { e * s }
}

/// PyTorch's `binary_cross_entropy` element: logs clamped at −100, gradient
/// `(p − y) / max(p (1 − p), 1e−12)`.
fn bce_point<A: Float>(p: A, y: A, _: A, _: [A; 2]) -> (A, A) {
    let floor = A::from(-100.0).unwrap_or_else(A::neg_infinity);
    let eps = A::from(1e-12).unwrap_or_else(A::min_positive_value);
    let (lp, l1p) = (p.ln().max(floor), (-p).ln_1p().max(floor));
    let loss = -(weighted(y, lp) + weighted(A::one() - y, l1p));
    (loss, (p - y) / (p * (A::one() - p)).max(eps))
}

/// PyTorch's `binary_cross_entropy_with_logits` element, `(1 − y) x + l · softplus(−x)` with
/// `l = 1 + (pos_weight − 1) y`, arranged so that no term overflows and `±inf` logits give the
/// limit: for `x ≥ 0` it is `(1 − y) x + l ln(1 + e⁻ˣ)`, below `−pos_weight · y · x + l ln(1 + eˣ)`.
/// The gradient is `l σ(x) − pos_weight · y`.
fn bce_logits_point<A: Float>(x: A, y: A, pw: A, _: [A; 2]) -> (A, A) {
    let one = A::one();
    let lw = one + (pw - one) * y;
    let softplus_tail = (-x.abs()).exp().ln_1p();
    let linear = if x >= A::zero() {
        weighted(one - y, x)
    } else {
        weighted(pw * y, -x)
    };
    (
        linear + weighted(lw, softplus_tail),
        lw * sigmoid(x) - pw * y,
    )
}

/// torchvision's `sigmoid_focal_loss` element, `α_t · ce · (1 − p_t)^γ`, in log space:
/// `ln(1 − p_t) = ln(p (1 − y) + (1 − p) y)` from `ln σ(±x)`. `param = [α, γ]`, `α < 0` for none.
fn focal_point<A: Float>(x: A, y: A, _: A, [alpha, gamma]: [A; 2]) -> (A, A) {
    let one = A::one();
    let (ce, dce) = bce_logits_point(x, y, one, [A::zero(); 2]);
    let (ln_p, ln_q) = (log_sigmoid(x), log_sigmoid(-x));
    let log_add = |a: A, b: A| {
        let m = a.max(b);
        if m == A::neg_infinity() {
            m
        } else {
            m + ((a - m).exp() + (b - m).exp()).ln()
        }
    };
    // u = 1 − p_t; (1 − y) and y are logged with ln 0 = −inf.
    let ln_u = log_add(ln_p + (one - y).ln(), ln_q + y.ln());
    let u_gamma = if gamma == A::zero() {
        one
    } else {
        (gamma * ln_u).exp()
    };
    let alpha_t = if alpha >= A::zero() {
        alpha * y + (one - alpha) * (one - y)
    } else {
        one
    };
    // α_t = 0 (α = 0 at y = 1, α = 1 at y = 0) weighs the element out, even where ce = inf.
    let loss = weighted(alpha_t, weighted(u_gamma, ce));
    // d(u^γ)/dx = γ u^γ · (du/dx) / u, with (du/dx) / u = (1 − 2y) p (1 − p) / u.
    let ratio = (one - y - y) * (ln_p + ln_q - ln_u).exp();
    // Either factor 0 makes the term 0: `ratio` vanishes (p (1 − p) underflows, or y = 1/2)
    // where `ce` may be infinite (x = ±inf), and the limit of the product is then 0, since `ce`
    // grows only linearly in |x|.
    let focal = product_or_zero(gamma * weighted(u_gamma, ce), ratio);
    (loss, alpha_t * (dce * u_gamma + focal))
}

/// Binary cross-entropy of probabilities, as PyTorch's `F.binary_cross_entropy`.
///
/// ```text
/// loss = −w · (y · max(ln p, −100) + (1 − y) · max(ln(1 − p), −100))
/// ∂loss/∂p = w · (p − y) / max(p (1 − p), 1e−12)
/// ```
///
/// Inputs and targets are probabilities of any equal shape; `weight` rescales each element (an
/// array of the input's shape, or anything that broadcasts to it, such as one value per position
/// of the last axis). The mean divides by the number of elements. The clamp at −100 keeps the
/// loss finite at `p = 0` or `1` without adding an epsilon to `p`. Prefer
/// [`BinaryCrossEntropyWithLogits`], which is exact where this one clamps.
///
/// Errors: [`Error::InvalidProbability`](crate::Error::InvalidProbability) for an input or target outside `[0, 1]` (NaN passes).
///
/// ```
/// use ndarray::array;
/// let p = logits::sigmoid(&array![2.0_f32, -1.0, 0.5]);
/// let loss = logits::BinaryCrossEntropy::new().loss(&p, &array![1.0, 0.0, 1.0])?;
/// approx::assert_abs_diff_eq!(loss, 0.304_755_57, epsilon = 1e-6);
/// # Ok::<(), logits::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct BinaryCrossEntropy<A> {
    weight: Option<ArrayD<A>>,
    reduction: Reduction,
}

impl<A: Float> Default for BinaryCrossEntropy<A> {
    fn default() -> Self {
        Self::new()
    }
}

impl<A: Float> ElementwiseLoss<A> for BinaryCrossEntropy<A> {
    fn describe<'a, D: Dimension>(
        &'a self,
        input: &'a ArrayRef<A, D>,
        target: &'a ArrayRef<A, D>,
    ) -> Result<Elementwise<'a, A, D>> {
        validate::same_shape("target", target, "input", input)?;
        validate::probabilities("input", input)?;
        validate::probabilities("target", target)?;
        Ok(Elementwise {
            input: ("input", input),
            target,
            weight: validate::broadcast("weight", self.weight.as_ref(), input.shape())?,
            pos_weight: None,
            param: [A::zero(); 2],
            f: bce_point,
            bce_with_logits: false,
        })
    }

    fn reduction(&self) -> Reduction {
        self.reduction
    }
}

impl<A: Float> BinaryCrossEntropy<A> {
    /// Unweighted, mean over all elements.
    ///
    /// ```
    /// let bce = logits::BinaryCrossEntropy::<f64>::new();
    /// let loss = bce.loss(&ndarray::array![0.5], &ndarray::array![1.0])?;
    /// approx::assert_relative_eq!(loss, std::f64::consts::LN_2);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self {
            weight: None,
            reduction: Reduction::Mean,
        }
    }

    /// A weight per element: an array of the input's shape, or one that broadcasts to it (one
    /// value per position of the last axis, say).
    ///
    /// ```
    /// use ndarray::array;
    /// let bce = logits::BinaryCrossEntropy::new().weight(array![0.0_f64, 2.0]);
    /// let l = bce.per_sample(&array![[0.5, 0.5]], &array![[1.0, 1.0]])?;
    /// approx::assert_relative_eq!(l, array![[0.0, 2.0 * std::f64::consts::LN_2]]);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn weight<E: Dimension>(mut self, weight: Array<A, E>) -> Self {
        self.weight = Some(weight.into_dyn());
        self
    }

    elementwise_methods!(
        "p",
        "let loss = logits::BinaryCrossEntropy::new();\nlet (p, target) = (array![[0.9_f64, 0.2], [0.0, 1.0]], array![[1.0, 0.0], [0.0, 1.0]]);"
    );
}

/// Binary cross-entropy of logits, as PyTorch's `F.binary_cross_entropy_with_logits`, stable for
/// logits of any size.
///
/// ```text
/// l = 1 + (pos_weight − 1) · y
/// loss = w · ((1 − y) · x + l · ln(1 + e⁻ˣ))          (computed without overflow)
/// ∂loss/∂x = w · (l · σ(x) − pos_weight · y)
/// ```
///
/// `weight` rescales each element (the input's shape, or anything broadcasting to it);
/// `pos_weight` (one value per position of the last axis) weighs the positive term, as PyTorch's
/// `pos_weight`. At logits of ±inf the loss is its limit (0 or +inf) and the gradient stays
/// finite; at ±1e4 in f32 or ±1e300 in f64 nothing overflows. The mean divides by the number of
/// elements.
///
/// Errors: [`Error::InvalidProbability`](crate::Error::InvalidProbability) for a target outside `[0, 1]`; [`Error::ShapeMismatch`](crate::Error::ShapeMismatch)
/// for a `pos_weight` whose length is not the last axis's.
///
/// ```
/// use ndarray::array;
/// let x = array![1e4_f32, -1e4, f32::INFINITY, 0.0];
/// let y = array![1.0, 1.0, 1.0, 0.5];
/// let (loss, grad) = logits::BinaryCrossEntropyWithLogits::new().per_sample_and_grad(&x, &y)?;
/// assert_eq!(loss, array![0.0, 1e4, 0.0, std::f32::consts::LN_2]);
/// assert_eq!(grad, array![0.0, -1.0, 0.0, 0.0]);
/// # Ok::<(), logits::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct BinaryCrossEntropyWithLogits<A> {
    weight: Option<ArrayD<A>>,
    pos_weight: Option<ArrayD<A>>,
    reduction: Reduction,
}

impl<A: Float> Default for BinaryCrossEntropyWithLogits<A> {
    fn default() -> Self {
        Self::new()
    }
}

impl<A: Float> ElementwiseLoss<A> for BinaryCrossEntropyWithLogits<A> {
    fn describe<'a, D: Dimension>(
        &'a self,
        input: &'a ArrayRef<A, D>,
        target: &'a ArrayRef<A, D>,
    ) -> Result<Elementwise<'a, A, D>> {
        validate::same_shape("target", target, "logits", input)?;
        validate::probabilities("target", target)?;
        Ok(Elementwise {
            input: ("logits", input),
            target,
            weight: validate::broadcast("weight", self.weight.as_ref(), input.shape())?,
            pos_weight: validate::pos_weight(self.pos_weight.as_ref(), input.shape())?,
            param: [A::zero(); 2],
            f: bce_logits_point,
            bce_with_logits: true,
        })
    }

    fn reduction(&self) -> Reduction {
        self.reduction
    }
}

impl<A: Float> BinaryCrossEntropyWithLogits<A> {
    /// Unweighted, mean over all elements.
    ///
    /// ```
    /// let bce = logits::BinaryCrossEntropyWithLogits::<f64>::new();
    /// let loss = bce.loss(&ndarray::array![0.0], &ndarray::array![1.0])?;
    /// approx::assert_relative_eq!(loss, std::f64::consts::LN_2);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self {
            weight: None,
            pos_weight: None,
            reduction: Reduction::Mean,
        }
    }

    /// A weight per element: an array of the input's shape, or one that broadcasts to it.
    ///
    /// ```
    /// use ndarray::array;
    /// let bce = logits::BinaryCrossEntropyWithLogits::new().weight(array![[2.0_f64]]);
    /// let l = bce.loss(&array![[0.0, 0.0]], &array![[1.0, 0.0]])?;
    /// approx::assert_relative_eq!(l, 2.0 * std::f64::consts::LN_2);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn weight<E: Dimension>(mut self, weight: Array<A, E>) -> Self {
        self.weight = Some(weight.into_dyn());
        self
    }

    /// The weight of positive examples, one per position of the last axis (per class in a
    /// multi-label problem), as PyTorch's `pos_weight`.
    ///
    /// ```
    /// use ndarray::array;
    /// let bce = logits::BinaryCrossEntropyWithLogits::new().pos_weight(array![3.0_f64, 1.0]);
    /// let l = bce.per_sample(&array![[0.0, 0.0]], &array![[1.0, 1.0]])?;
    /// let ln2 = std::f64::consts::LN_2;
    /// approx::assert_relative_eq!(l, array![[3.0 * ln2, ln2]]);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn pos_weight(mut self, pos_weight: impl Into<Array1<A>>) -> Self {
        self.pos_weight = Some(pos_weight.into().into_dyn());
        self
    }

    elementwise_methods!(
        "x",
        "let loss = logits::BinaryCrossEntropyWithLogits::new();\nlet (x, target) = (array![[2.0_f64, -1.0], [0.5, 30.0]], array![[1.0, 0.0], [1.0, 1.0]]);"
    );
}

/// The sigmoid focal loss of RetinaNet, as torchvision's `sigmoid_focal_loss`, computed in log
/// space so it stays finite for logits of any size.
///
/// ```text
/// p = σ(x),  p_t = p·y + (1 − p)(1 − y),  α_t = α·y + (1 − α)(1 − y)
/// loss = α_t · BCEWithLogits(x, y) · (1 − p_t)^γ
/// ```
///
/// Defaults: `α = 0.25`, `γ = 2`, mean over all elements (torchvision's default is no reduction:
/// use [`per_sample`](Self::per_sample)). [`without_alpha`](Self::without_alpha) drops `α_t`.
///
/// Errors: [`Error::InvalidOption`](crate::Error::InvalidOption) for `α` outside `[0, 1]` or `γ` negative or not finite;
/// [`Error::InvalidProbability`](crate::Error::InvalidProbability) for a target outside `[0, 1]`.
///
/// ```
/// use ndarray::array;
/// let focal = logits::SigmoidFocalLoss::new().gamma(0.0).without_alpha();
/// let plain = logits::BinaryCrossEntropyWithLogits::new();
/// let (x, y) = (array![1.5_f64, -0.5, 3.0], array![1.0, 1.0, 0.0]);
/// approx::assert_relative_eq!(focal.loss(&x, &y)?, plain.loss(&x, &y)?, max_relative = 1e-15);
/// # Ok::<(), logits::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct SigmoidFocalLoss<A> {
    alpha: Option<A>,
    gamma: A,
    reduction: Reduction,
}

impl<A: Float> Default for SigmoidFocalLoss<A> {
    fn default() -> Self {
        Self::new()
    }
}

impl<A: Float> ElementwiseLoss<A> for SigmoidFocalLoss<A> {
    fn describe<'a, D: Dimension>(
        &'a self,
        input: &'a ArrayRef<A, D>,
        target: &'a ArrayRef<A, D>,
    ) -> Result<Elementwise<'a, A, D>> {
        if let Some(a) = self.alpha {
            validate::option("alpha", a, a >= A::zero() && a <= A::one(), "in [0, 1]")?;
        }
        let gamma = self.gamma;
        validate::option(
            "gamma",
            gamma,
            gamma >= A::zero() && gamma.is_finite(),
            "finite and >= 0",
        )?;
        validate::same_shape("target", target, "logits", input)?;
        validate::probabilities("target", target)?;
        Ok(Elementwise {
            input: ("logits", input),
            target,
            weight: None,
            pos_weight: None,
            param: [self.alpha.unwrap_or(-A::one()), self.gamma],
            f: focal_point,
            bce_with_logits: false,
        })
    }

    fn reduction(&self) -> Reduction {
        self.reduction
    }
}

impl<A: Float> SigmoidFocalLoss<A> {
    /// `α = 0.25`, `γ = 2`, mean over all elements.
    ///
    /// ```
    /// let focal = logits::SigmoidFocalLoss::<f32>::new();
    /// // An easy, correct example costs almost nothing.
    /// assert!(focal.loss(&ndarray::array![8.0], &ndarray::array![1.0])? < 1e-7);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self {
            alpha: A::from(0.25),
            gamma: A::one() + A::one(),
            reduction: Reduction::Mean,
        }
    }

    /// The weight `α ∈ [0, 1]` of positive examples (negatives get `1 − α`).
    ///
    /// ```
    /// use ndarray::array;
    /// let half = logits::SigmoidFocalLoss::new().alpha(0.5_f64).gamma(0.0);
    /// let plain = logits::BinaryCrossEntropyWithLogits::new();
    /// let (x, y) = (array![0.3], array![1.0]);
    /// approx::assert_relative_eq!(half.loss(&x, &y)?, 0.5 * plain.loss(&x, &y)?);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn alpha(mut self, alpha: A) -> Self {
        self.alpha = Some(alpha);
        self
    }

    /// No `α` weighting (torchvision's `alpha = -1`).
    ///
    /// ```
    /// let f = logits::SigmoidFocalLoss::<f64>::new().without_alpha().gamma(0.0);
    /// approx::assert_relative_eq!(f.loss(&ndarray::array![0.0], &ndarray::array![1.0])?, std::f64::consts::LN_2);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn without_alpha(mut self) -> Self {
        self.alpha = None;
        self
    }

    /// The focusing exponent `γ ≥ 0` (0 gives α-weighted BCE).
    ///
    /// ```
    /// use ndarray::array;
    /// let (x, y) = (array![1.0_f64], array![1.0]);
    /// let sharp = logits::SigmoidFocalLoss::new().gamma(5.0).loss(&x, &y)?;
    /// let mild = logits::SigmoidFocalLoss::new().gamma(1.0).loss(&x, &y)?;
    /// assert!(sharp < mild);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn gamma(mut self, gamma: A) -> Self {
        self.gamma = gamma;
        self
    }

    elementwise_methods!(
        "x",
        "let loss = logits::SigmoidFocalLoss::new();\nlet (x, target) = (array![[2.0_f64, -1.0], [0.5, 30.0]], array![[1.0, 0.0], [1.0, 1.0]]);"
    );
}

/// Mean binary cross-entropy of probabilities: [`BinaryCrossEntropy::new`]'s
/// [`loss`](BinaryCrossEntropy::loss).
///
/// # Errors
///
/// As [`BinaryCrossEntropy::loss`].
///
/// # Examples
///
/// ```
/// let l = logits::binary_cross_entropy(&ndarray::array![0.5_f64, 0.5], &ndarray::array![0.0, 1.0])?;
/// approx::assert_relative_eq!(l, std::f64::consts::LN_2);
/// # Ok::<(), logits::Error>(())
/// ```
pub fn binary_cross_entropy<A: Float, D: Dimension>(
    p: &ArrayRef<A, D>,
    target: &ArrayRef<A, D>,
) -> Result<A> {
    BinaryCrossEntropy::new().loss(p, target)
}

/// Mean binary cross-entropy of probabilities and its gradient.
///
/// # Errors
///
/// As [`BinaryCrossEntropy::loss`].
///
/// # Examples
///
/// ```
/// use ndarray::array;
/// let (l, g) = logits::binary_cross_entropy_and_grad(&array![0.5_f64], &array![1.0])?;
/// approx::assert_relative_eq!(l, std::f64::consts::LN_2);
/// assert_eq!(g, array![-2.0]);
/// # Ok::<(), logits::Error>(())
/// ```
pub fn binary_cross_entropy_and_grad<A: Float, D: Dimension>(
    p: &ArrayRef<A, D>,
    target: &ArrayRef<A, D>,
) -> Result<(A, Array<A, D>)> {
    BinaryCrossEntropy::new().loss_and_grad(p, target)
}

/// Mean binary cross-entropy of logits: [`BinaryCrossEntropyWithLogits::new`]'s
/// [`loss`](BinaryCrossEntropyWithLogits::loss).
///
/// # Errors
///
/// As [`BinaryCrossEntropyWithLogits::loss`].
///
/// # Examples
///
/// ```
/// let l = logits::binary_cross_entropy_with_logits(&ndarray::array![1e300_f64], &ndarray::array![0.0])?;
/// assert_eq!(l, 1e300);
/// # Ok::<(), logits::Error>(())
/// ```
pub fn binary_cross_entropy_with_logits<A: Float, D: Dimension>(
    logits: &ArrayRef<A, D>,
    target: &ArrayRef<A, D>,
) -> Result<A> {
    BinaryCrossEntropyWithLogits::new().loss(logits, target)
}

/// Mean binary cross-entropy of logits and its gradient, `(σ(x) − y) / n`, in one pass.
///
/// # Errors
///
/// As [`BinaryCrossEntropyWithLogits::loss`].
///
/// # Examples
///
/// ```
/// use ndarray::array;
/// let (l, g) = logits::binary_cross_entropy_with_logits_and_grad(&array![0.0_f32, 0.0], &array![1.0, 0.0])?;
/// assert_eq!(l, std::f32::consts::LN_2);
/// assert_eq!(g, array![-0.25, 0.25]);
/// # Ok::<(), logits::Error>(())
/// ```
pub fn binary_cross_entropy_with_logits_and_grad<A: Float, D: Dimension>(
    logits: &ArrayRef<A, D>,
    target: &ArrayRef<A, D>,
) -> Result<(A, Array<A, D>)> {
    BinaryCrossEntropyWithLogits::new().loss_and_grad(logits, target)
}

/// Mean sigmoid focal loss with `α` (or none) and `γ`: [`SigmoidFocalLoss`]'s
/// [`loss`](SigmoidFocalLoss::loss).
///
/// # Errors
///
/// As [`SigmoidFocalLoss::loss`].
///
/// # Examples
///
/// ```
/// use ndarray::array;
/// let l = logits::sigmoid_focal_loss(&array![0.0_f64], &array![1.0], Some(0.25), 2.0)?;
/// approx::assert_relative_eq!(l, 0.25 * 0.25 * std::f64::consts::LN_2);
/// # Ok::<(), logits::Error>(())
/// ```
pub fn sigmoid_focal_loss<A: Float, D: Dimension>(
    logits: &ArrayRef<A, D>,
    target: &ArrayRef<A, D>,
    alpha: Option<A>,
    gamma: A,
) -> Result<A> {
    let focal = SigmoidFocalLoss {
        alpha,
        gamma,
        reduction: Reduction::Mean,
    };
    focal.loss(logits, target)
}
