//! Categorical cross-entropy and negative log-likelihood, fused with their gradients.

use std::ops::Range;

use ndarray::{
    Array, Array1, ArrayD, ArrayRef, ArrayViewD, Axis, CowArray, Dimension, IxDyn, RemoveAxis,
};

use super::shared::{Shared, shared_setters};
use super::token::{Collect, TokenOutputs, TokenStats};
use super::{IntoTargets, Reduction, Targets};
use crate::Float;
use crate::error::{Error, Result};
use crate::kernels::cross_entropy::{self as kernel, Given, IGNORED};
use crate::kernels::token::{self as kernel_token, Token};
use crate::kernels::{Columns, Isa, LONG_COLUMN};
use crate::numeric::{count, product_or_zero, reciprocal, weighted};
use crate::{parallel, validate};

/// What the input of a [`CrossEntropy`] holds along the class axis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Input {
    /// Unnormalised scores: the loss applies log-softmax itself (PyTorch's `F.cross_entropy`).
    #[default]
    Logits,
    /// Log-probabilities, e.g. from [`log_softmax`](crate::log_softmax) (PyTorch's `F.nll_loss`).
    LogProbabilities,
    /// Probabilities, e.g. from [`softmax`](crate::softmax): the tutorial's `−Σ y ln p`, made safe
    /// by clamping `ln p` at −100 as PyTorch's `binary_cross_entropy` does, with no epsilon added.
    Probabilities,
}

/// Categorical cross-entropy, with PyTorch's options, and its gradient in the same pass.
///
/// Logits are `[batch, classes]`, or any shape with a class axis (the last unless
/// [`class_axis`](Self::class_axis) says otherwise); class-index targets have the logits' shape
/// without the class axis, probability targets the logits' shape (see [`IntoTargets`]).
///
/// # The formula
///
/// With `z = x / T` the logits divided by the temperature, `log pᵢ = log_softmax(z)ᵢ`, `C`
/// classes, class weights `w` (all 1 by default) and label smoothing `ε`, each sample puts a
/// weight `aᵢ` on each class:
///
/// ```text
/// class target y:        aᵢ = (1 − ε) · w_y · [i = y]  +  ε/C · wᵢ
/// probability target q:  aᵢ = wᵢ · ((1 − ε) · qᵢ + ε/C)
///
/// loss(sample) = −Σᵢ aᵢ · log pᵢ
/// ∂loss/∂xᵢ     = (A · pᵢ − aᵢ) / T,   A = Σᵢ aᵢ
/// ```
///
/// A sample whose class is `ignore_index` has loss 0 and gradient 0 and is not counted.
/// [`Reduction::Mean`] divides the sum over samples by the summed weight of the counted samples,
/// `Σₙ w_{yₙ}` (their number when there are no weights) for class targets, and by the number of
/// samples for probability targets: exactly PyTorch's `F.cross_entropy`. Where PyTorch answers
/// NaN because that denominator is 0 (every target ignored, or an empty batch), this answers loss
/// 0 and gradient 0.
///
/// Edge cases follow [`log_softmax`](crate::log_softmax): a sample whose logits are all −inf has
/// loss +inf and gradient 0; NaN logits give that sample a NaN loss and gradient; terms with
/// `aᵢ = 0` contribute 0 even where `log pᵢ = −inf`.
///
/// Near the type's range the loss and gradient are the exact ones, rounded: `z` is formed as
/// `(x/2 − max/2) · (2/T)`, so a row spanning more than the range keeps its finite log-probabilities
/// at `T > 1`; the mean is divided in `f64` and rounded once; and where a coefficient of the
/// gradient (such as `A / (T · Σ exp z)`, over `Σw` for the mean) overflows, as with a tiny
/// temperature and large weights, the row's gradient is written entry by entry in `f64`, finite
/// wherever `(A · pᵢ − aᵢ) / T` is. The weighted sums of the loss (`w_y · z_y`, and
/// `Σ ε/C · wᵢ · zᵢ` with smoothing) form each term `w · (x − max)/2 · (2/T)` in the order whose
/// intermediate moves one way, so they overflow or underflow only where the loss does, whatever
/// the class weights and temperature.
///
/// The gradient is written in the same pass that computes the loss: each row of logits is read
/// once from memory and the gradient written once, with no softmax, log-probability or Jacobian
/// materialised; the temperature divides inside the kernel.
///
/// # Examples
///
/// ```
/// use logits::{CrossEntropy, Reduction};
/// use ndarray::array;
///
/// let logits = array![[2.0_f32, 1.0, 0.1, 0.5], [0.3, 2.2, 0.5, 1.1], [1.2, 0.7, 1.5, 0.3]];
/// let ce = CrossEntropy::new();
/// let (loss, grad) = ce.loss_and_grad(&logits, &[0, 1, 2])?;
/// approx::assert_abs_diff_eq!(loss, 0.658_979_2, epsilon = 1e-6);
/// assert_eq!(grad.dim(), (3, 4));
///
/// let weighted = CrossEntropy::new()
///     .weight(vec![1.0_f32, 2.0, 1.0, 1.0])
///     .ignore_index(3)
///     .label_smoothing(0.1)
///     .reduction(Reduction::Sum);
/// let per_sample = weighted.per_sample(&logits, &[0, 1, 3])?;
/// assert_eq!(per_sample[2], 0.0); // ignored
/// # Ok::<(), logits::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct CrossEntropy<A> {
    shared: Shared<A>,
    class_axis: Option<Axis>,
    input: Input,
}

impl<A: Float> Default for CrossEntropy<A> {
    fn default() -> Self {
        Self::new()
    }
}

/// One call, validated: the logits in C order (as they are, or with the class axis moved last)
/// and targets.
struct Call<'a, 'q, A> {
    /// Borrowed when the logits already are in that layout.
    x: CowArray<'a, A, IxDyn>,
    /// The permutation that moved the class axis last (none where `layout` is by columns).
    perm: Vec<usize>,
    layout: Layout,
    rows: usize,
    classes: usize,
    targets: TargetRows<'q, A>,
    /// Shape of the logits without the class axis, in their order.
    outer: Vec<usize>,
    /// The mean's denominator, in `f64`.
    denominator: f64,
    inv_t: A,
}

/// How the samples' lanes lie in a [`Call`]'s logits.
#[derive(Clone, Copy, Debug)]
enum Layout {
    /// Consecutive rows of `classes`: the class axis is last, or was moved last by a copy (the
    /// logits are not in C order).
    Rows,
    /// The class axis is not the last of a C-order array: the logits as they are, `rows / width`
    /// row-major blocks of `classes × width` whose columns are the samples, and the gradient in
    /// that layout too. Class-index targets over at most [`LONG_COLUMN`] classes of logits go
    /// through the column kernels.
    Columns(Columns),
    /// The same layout, for anything else (more classes, probability targets, inputs that are not
    /// logits): a tile of columns at a time laid out as rows in cache, through the row kernels,
    /// and back ([`tiles`]).
    Tiles(Columns),
}

/// The targets, one row per sample.
enum TargetRows<'a, A> {
    /// Class indices, ignored ones marked.
    Classes(Vec<usize>),
    /// C order, in the logits' layout (the class axis last for [`Layout::Rows`]); borrowed when
    /// the caller's already are.
    Probabilities(CowArray<'a, A, IxDyn>),
}

/// `v` with its axes permuted by `perm`, in C order: borrowed if it already is.
fn standard<'a, A: Float>(v: ArrayViewD<'a, A>, perm: &[usize]) -> CowArray<'a, A, IxDyn> {
    let v = v.permuted_axes(perm.to_vec());
    if v.is_standard_layout() {
        CowArray::from(v)
    } else {
        CowArray::from(v.as_standard_layout().into_owned())
    }
}

impl<A: Float> CrossEntropy<A> {
    /// Plain cross-entropy on logits: no weights, nothing ignored, no smoothing, temperature 1,
    /// mean over the batch, class axis last.
    ///
    /// ```
    /// let ce = logits::CrossEntropy::<f64>::new();
    /// let loss = ce.loss(&ndarray::array![[0.0, 0.0]], &[1])?;
    /// assert_eq!(loss, std::f64::consts::LN_2);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self {
            shared: Shared::new(),
            class_axis: None,
            input: Input::Logits,
        }
    }

    /// Weights per class (length: the number of classes), as PyTorch's `weight`.
    ///
    /// ```
    /// use ndarray::array;
    /// let ce = logits::CrossEntropy::new().weight(array![1.0_f64, 3.0]);
    /// // The weighted mean divides by the weights of the samples' classes.
    /// let loss = ce.loss(&array![[0.0, 0.0], [0.0, 0.0]], &[0, 1])?;
    /// approx::assert_relative_eq!(loss, std::f64::consts::LN_2);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn weight(mut self, weight: impl Into<Array1<A>>) -> Self {
        self.shared.set_weight(weight.into());
        self
    }

    shared_setters! {
        ignore_index: r"```
let ce = logits::CrossEntropy::new().ignore_index(0);
let x = ndarray::array![[0.0_f32, 0.0], [5.0, 0.0]];
assert_eq!(ce.loss(&x, &[1, 0])?, std::f32::consts::LN_2);
// Every target ignored: 0, where PyTorch answers NaN.
assert_eq!(ce.loss(&x, &[0, 0])?, 0.0);
# Ok::<(), logits::Error>(())
```",
        label_smoothing: r"```
let ce = logits::CrossEntropy::new().label_smoothing(1.0);
// Fully smoothed, the target is uniform, and so is the best prediction.
let (loss, grad) = ce.loss_and_grad(&ndarray::array![[0.0_f64, 0.0, 0.0]], &[2])?;
approx::assert_relative_eq!(loss, 3.0_f64.ln());
approx::assert_abs_diff_eq!(grad, ndarray::array![[0.0, 0.0, 0.0]], epsilon = 1e-16);
# Ok::<(), logits::Error>(())
```",
        temperature: r"```
use ndarray::array;
let x = array![[2.0_f64, 1.0, 0.1]];
let hot = logits::CrossEntropy::new().temperature(2.0).loss(&x, &[0])?;
let scaled = logits::cross_entropy(&(&x / 2.0), &[0])?;
approx::assert_relative_eq!(hot, scaled, max_relative = 1e-15);
# Ok::<(), logits::Error>(())
```",
        reduction: r"```
use logits::{CrossEntropy, Reduction};
let x = ndarray::array![[0.0_f32, 0.0], [0.0, 0.0]];
let sum = CrossEntropy::new().reduction(Reduction::Sum).loss(&x, &[0, 1])?;
approx::assert_relative_eq!(sum, 2.0 * std::f32::consts::LN_2);
# Ok::<(), logits::Error>(())
```",
        z_loss: r"```
use std::f64::consts::LN_2;
let x = ndarray::array![[0.0_f64, 0.0]]; // logsumexp = ln 2
let loss = logits::CrossEntropy::new().z_loss(1e-4).loss(&x, &[0])?;
approx::assert_relative_eq!(loss, LN_2 + 1e-4 * LN_2 * LN_2);
# Ok::<(), logits::Error>(())
```",
        entropy_bonus: r"```
use std::f64::consts::LN_2;
let x = ndarray::array![[0.0_f64, 0.0]]; // entropy ln 2
let loss = logits::CrossEntropy::new().entropy_bonus(0.5).loss(&x, &[0])?;
approx::assert_relative_eq!(loss, LN_2 - 0.5 * LN_2);
# Ok::<(), logits::Error>(())
```",
        soft_cap: r"```
let x = ndarray::array![[0.0_f64, 100.0, f64::NEG_INFINITY]];
let capped = x.mapv(|v| if v.is_finite() { 30.0 * (v / 30.0).tanh() } else { v });
let loss = logits::CrossEntropy::new().soft_cap(30.0).loss(&x, &[0])?;
approx::assert_relative_eq!(loss, logits::CrossEntropy::new().loss(&capped, &[0])?);
# Ok::<(), logits::Error>(())
```",
    }

    /// The axis that holds the classes (the last by default), as in `[batch, classes, time]`.
    ///
    /// ```
    /// use ndarray::{array, Axis};
    /// // Two sequences of three steps, two classes, as [batch, classes, time].
    /// let x = ndarray::Array3::<f32>::zeros((2, 2, 3));
    /// let ce = logits::CrossEntropy::new().class_axis(Axis(1));
    /// let per_sample = ce.per_sample(&x, &array![[0, 1, 1], [1, 0, 0]])?;
    /// assert_eq!(per_sample.dim(), (2, 3));
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn class_axis(mut self, axis: Axis) -> Self {
        self.class_axis = Some(axis);
        self
    }

    /// What the input holds: logits (the default), log-probabilities or probabilities.
    ///
    /// ```
    /// use logits::{CrossEntropy, Input};
    /// let p = ndarray::array![[0.25_f64, 0.75]];
    /// let loss = CrossEntropy::new().input(Input::Probabilities).loss(&p, &[1])?;
    /// approx::assert_relative_eq!(loss, -(0.75_f64.ln()));
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn input(mut self, input: Input) -> Self {
        self.input = input;
        self
    }

    /// The reduced loss.
    ///
    /// # Errors
    ///
    /// [`Error::ShapeMismatch`] if the targets' shape is wrong (class indices: the logits' shape
    /// without the class axis; probabilities: the logits' shape) or the weight's length is not
    /// the number of classes; [`Error::LabelOutOfRange`] for a class index not below the number
    /// of classes (other than `ignore_index`); [`Error::InvalidProbability`] for probability
    /// targets, or probability inputs, outside `[0, 1]`; [`Error::IgnoreIndexWithProbabilities`];
    /// [`Error::InvalidLabelSmoothing`] outside `[0, 1]`; [`Error::InvalidTemperature`]; and
    /// [`Error::InvalidOption`] for a temperature other than 1 on an input that is not logits, and
    /// for a mean whose denominator, the summed weight of the counted targets, overflows (`f64`
    /// class weights near the type's range).
    ///
    /// # Panics
    ///
    /// If the class axis is out of bounds for the logits.
    ///
    /// # Examples
    ///
    /// ```
    /// let x = ndarray::array![[0.1_f32, 1.0, 2.1], [2.0, 1.0, 0.1], [0.1, 3.0, 0.1]];
    /// let loss = logits::CrossEntropy::new().loss(&x, &[2, 0, 1])?;
    /// approx::assert_abs_diff_eq!(loss, 0.3018, epsilon = 1e-4);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[track_caller]
    pub fn loss<'t, D: RemoveAxis>(
        &self,
        logits: &ArrayRef<A, D>,
        targets: impl IntoTargets<'t, A>,
    ) -> Result<A>
    where
        A: 't,
    {
        Ok(self.loss_with(logits, targets, TokenOutputs::default())?.0)
    }

    /// The reduced loss and its gradient with respect to the logits, in one pass.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss).
    ///
    /// # Panics
    ///
    /// If the class axis is out of bounds for the logits.
    ///
    /// # Examples
    ///
    /// ```
    /// use ndarray::array;
    /// let (loss, grad) = logits::CrossEntropy::new().loss_and_grad(&array![[0.0_f64, 0.0]], &[0])?;
    /// approx::assert_relative_eq!(loss, std::f64::consts::LN_2);
    /// assert_eq!(grad, array![[-0.5, 0.5]]); // softmax − one-hot
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[track_caller]
    pub fn loss_and_grad<'t, D: RemoveAxis>(
        &self,
        logits: &ArrayRef<A, D>,
        targets: impl IntoTargets<'t, A>,
    ) -> Result<(A, Array<A, D>)>
    where
        A: 't,
    {
        let (loss, grad, _) = self.loss_and_grad_with(logits, targets, TokenOutputs::default())?;
        Ok((loss, grad))
    }

    /// The reduced loss, with its gradient written into `grad` (the logits' shape): a training
    /// loop that reuses `grad` allocates nothing for it.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss), and [`Error::ShapeMismatch`] if `grad`'s shape is not the
    /// logits'. On error `grad` is left untouched.
    ///
    /// # Panics
    ///
    /// If the class axis is out of bounds for the logits.
    ///
    /// # Examples
    ///
    /// ```
    /// use ndarray::{array, Array2};
    /// let ce = logits::CrossEntropy::new();
    /// let mut grad = Array2::zeros((1, 2));
    /// for _ in 0..3 {
    ///     let loss = ce.loss_and_grad_into(&array![[0.0_f32, 0.0]], &[1], &mut grad)?;
    ///     assert_eq!(loss, std::f32::consts::LN_2);
    /// }
    /// assert_eq!(grad, array![[0.5, -0.5]]);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[track_caller]
    pub fn loss_and_grad_into<'t, D: RemoveAxis>(
        &self,
        logits: &ArrayRef<A, D>,
        targets: impl IntoTargets<'t, A>,
        grad: &mut ArrayRef<A, D>,
    ) -> Result<A>
    where
        A: 't,
    {
        self.check_beyond(TokenOutputs::default())?;
        let capped = self.shared.capped(logits);
        let p = self.prepare(capped.as_deref().unwrap_or(logits), targets.into_targets())?;
        validate::same_shape("grad", grad, "logits", logits)?;
        let mut losses = vec![A::zero(); p.rows];
        let divisor = self.divisor(&p);
        let last = p.perm.iter().enumerate().all(|(i, &a)| i == a);
        match grad.as_slice_mut() {
            Some(g) if last => self.run(&p, &mut losses, Some(g), divisor, None),
            _ => {
                let mut buf = vec![A::zero(); p.x.len()];
                self.run(&p, &mut losses, Some(&mut buf), divisor, None);
                let src = ArrayViewD::from_shape(p.x.shape(), &buf).map_err(|_| shape_error(&p))?;
                grad.view_mut()
                    .into_dyn()
                    .permuted_axes(p.perm.clone())
                    .assign(&src);
            }
        }
        self.shared.cap_gradient(logits, grad);
        Ok(self.reduce(&p, &losses))
    }

    /// The loss of every sample, unreduced (0 for ignored samples): the logits' shape without the
    /// class axis.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss).
    ///
    /// # Panics
    ///
    /// If the class axis is out of bounds for the logits.
    ///
    /// # Examples
    ///
    /// ```
    /// let x = ndarray::array![[0.0_f64, 0.0], [0.0, 1e300]];
    /// let l = logits::CrossEntropy::new().per_sample(&x, &[0, 1])?;
    /// assert_eq!(l, ndarray::array![std::f64::consts::LN_2, 0.0]);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[track_caller]
    pub fn per_sample<'t, D: RemoveAxis>(
        &self,
        logits: &ArrayRef<A, D>,
        targets: impl IntoTargets<'t, A>,
    ) -> Result<Array<A, D::Smaller>>
    where
        A: 't,
    {
        self.check_beyond(TokenOutputs::default())?;
        let capped = self.shared.capped(logits);
        let p = self.prepare(capped.as_deref().unwrap_or(logits), targets.into_targets())?;
        let mut losses = vec![A::zero(); p.rows];
        self.run(&p, &mut losses, None, 1.0, None);
        per_sample_array::<A, D>(&p, losses)
    }

    /// The loss of every sample and the gradient of their sum, in one pass.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss).
    ///
    /// # Panics
    ///
    /// If the class axis is out of bounds for the logits.
    ///
    /// # Examples
    ///
    /// ```
    /// use ndarray::array;
    /// let (l, g) = logits::CrossEntropy::new().per_sample_and_grad(&array![[0.0_f32, 0.0]], &[1])?;
    /// assert_eq!(l, array![std::f32::consts::LN_2]);
    /// assert_eq!(g, array![[0.5, -0.5]]);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[track_caller]
    #[expect(clippy::type_complexity, reason = "a pair of arrays, as returned")]
    pub fn per_sample_and_grad<'t, D: RemoveAxis>(
        &self,
        logits: &ArrayRef<A, D>,
        targets: impl IntoTargets<'t, A>,
    ) -> Result<(Array<A, D::Smaller>, Array<A, D>)>
    where
        A: 't,
    {
        self.check_beyond(TokenOutputs::default())?;
        let capped = self.shared.capped(logits);
        let p = self.prepare(capped.as_deref().unwrap_or(logits), targets.into_targets())?;
        let mut losses = vec![A::zero(); p.rows];
        let mut grad = vec![A::zero(); p.x.len()];
        self.run(&p, &mut losses, Some(&mut grad), 1.0, None);
        let mut grad = unpermute(&p, grad)?;
        self.shared.cap_gradient(logits, &mut grad);
        Ok((per_sample_array::<A, D>(&p, losses)?, grad))
    }

    /// The reduced loss and the per-token outputs `want` asks for, from the same pass: the
    /// target's log-probability (PPO's and GRPO's importance ratios), `logsumexp`, the entropy
    /// (for an entropy bonus or monitoring), the argmax and the target's rank (top-k accuracy),
    /// each an array of the logits' shape without the class axis. All are of `softmax(x / T)`,
    /// after the soft cap if one is set. See [`TokenStats`] for rows at the edges.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss); [`Error::InvalidOption`] for per-token outputs of an input that
    /// is not logits, or a target log-probability or rank with probability targets.
    ///
    /// # Panics
    ///
    /// If the class axis is out of bounds for the logits.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::{CrossEntropy, TokenOutputs};
    /// use ndarray::array;
    /// let x = array![[2.0_f64, 1.0, 0.0], [0.0, 0.0, 0.0]];
    /// let (loss, t) = CrossEntropy::new().loss_with(&x, &[1, 2], TokenOutputs::ALL)?;
    /// let log_p = t.target_log_prob.unwrap();
    /// approx::assert_relative_eq!(loss, -(log_p[0] + log_p[1]) / 2.0);
    /// approx::assert_relative_eq!(t.entropy.unwrap()[1], 3f64.ln()); // uniform
    /// assert_eq!(t.argmax.unwrap(), array![0, 0]);
    /// assert_eq!(t.rank.unwrap(), array![1, 0]); // one logit above the first target
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[track_caller]
    pub fn loss_with<'t, D: RemoveAxis>(
        &self,
        logits: &ArrayRef<A, D>,
        targets: impl IntoTargets<'t, A>,
        want: TokenOutputs,
    ) -> Result<(A, TokenStats<A, D::Smaller>)>
    where
        A: 't,
    {
        self.check_beyond(want)?;
        let capped = self.shared.capped(logits);
        let p = self.prepare(capped.as_deref().unwrap_or(logits), targets.into_targets())?;
        let mut tokens = Self::collect(&p, want)?;
        let mut losses = vec![A::zero(); p.rows];
        self.run(&p, &mut losses, None, 1.0, tokens.as_mut());
        let stats = tokens.unwrap_or_default().into_stats(&p.outer);
        Ok((self.reduce(&p, &losses), stats))
    }

    /// [`loss_with`](Self::loss_with) and the gradient of the reduced loss, in one pass.
    ///
    /// # Errors
    ///
    /// As [`loss_with`](Self::loss_with).
    ///
    /// # Panics
    ///
    /// If the class axis is out of bounds for the logits.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::{CrossEntropy, TokenOutputs};
    /// use ndarray::array;
    /// let want = TokenOutputs { entropy: true, ..TokenOutputs::default() };
    /// let ce = CrossEntropy::new().entropy_bonus(0.01);
    /// let (loss, grad, t) = ce.loss_and_grad_with(&array![[0.0_f32, 0.0]], &[0], want)?;
    /// approx::assert_relative_eq!(t.entropy.unwrap()[0], std::f32::consts::LN_2);
    /// approx::assert_relative_eq!(loss, (1.0 - 0.01) * std::f32::consts::LN_2);
    /// assert_eq!(grad, array![[-0.5, 0.5]]); // the entropy is at its maximum: no pull
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[track_caller]
    #[expect(
        clippy::type_complexity,
        reason = "the loss, its gradient and the outputs"
    )]
    pub fn loss_and_grad_with<'t, D: RemoveAxis>(
        &self,
        logits: &ArrayRef<A, D>,
        targets: impl IntoTargets<'t, A>,
        want: TokenOutputs,
    ) -> Result<(A, Array<A, D>, TokenStats<A, D::Smaller>)>
    where
        A: 't,
    {
        self.check_beyond(want)?;
        let capped = self.shared.capped(logits);
        let p = self.prepare(capped.as_deref().unwrap_or(logits), targets.into_targets())?;
        // The outputs after the gradient: `loss_and_grad` (no outputs) then gets its gradient at
        // the same place relative to the logits, which the speed of the passes depends on.
        let mut losses = vec![A::zero(); p.rows];
        let mut grad = vec![A::zero(); p.x.len()];
        let mut tokens = Self::collect(&p, want)?;
        let divisor = self.divisor(&p);
        self.run(&p, &mut losses, Some(&mut grad), divisor, tokens.as_mut());
        let mut grad = unpermute(&p, grad)?;
        self.shared.cap_gradient(logits, &mut grad);
        let stats = tokens.unwrap_or_default().into_stats(&p.outer);
        Ok((self.reduce(&p, &losses), grad, stats))
    }

    /// The backward pass of [`per_sample`](Self::per_sample): given `upstream`, the gradient of
    /// some `L` with respect to each sample's loss (what a caller's autograd holds; the logits'
    /// shape without the class axis), `∂L/∂logits = Σₙ upstreamₙ · ∂lossₙ/∂logits`. Per-token
    /// weights `ω` are `upstream ⊙ ω`. An upstream of 0 gives 0, even where the sample's own
    /// gradient is infinite; the reduction plays no part.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss), and [`Error::ShapeMismatch`] if `upstream`'s shape is not the
    /// logits' without the class axis.
    ///
    /// # Panics
    ///
    /// If the class axis is out of bounds for the logits.
    ///
    /// # Examples
    ///
    /// ```
    /// use ndarray::array;
    /// let ce = logits::CrossEntropy::new();
    /// let x = array![[0.0_f64, 0.0], [0.0, 0.0]];
    /// let g = ce.per_sample_backward(&x, &[0, 1], &array![2.0, 0.0])?;
    /// assert_eq!(g, array![[-1.0, 1.0], [0.0, 0.0]]);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[track_caller]
    pub fn per_sample_backward<'t, D: RemoveAxis>(
        &self,
        logits: &ArrayRef<A, D>,
        targets: impl IntoTargets<'t, A>,
        upstream: &ArrayRef<A, D::Smaller>,
    ) -> Result<Array<A, D>>
    where
        A: 't,
    {
        self.check_beyond(TokenOutputs::default())?;
        let capped = self.shared.capped(logits);
        let p = self.prepare(capped.as_deref().unwrap_or(logits), targets.into_targets())?;
        let what = "logits without the class axis";
        validate::shape("upstream", upstream.shape(), what, &p.outer)?;
        let mut losses = vec![A::zero(); p.rows];
        let mut grad = vec![A::zero(); p.x.len()];
        self.run(&p, &mut losses, Some(&mut grad), 1.0, None);
        for (n, &u) in upstream.iter().enumerate() {
            for i in positions(lane(&p, n), p.classes) {
                grad[i] = product_or_zero(u, grad[i]);
            }
        }
        let mut grad = unpermute(&p, grad)?;
        self.shared.cap_gradient(logits, &mut grad);
        Ok(grad)
    }

    /// Checks that what is asked beyond the engine's cross-entropy has logits to work on.
    fn check_beyond(&self, want: TokenOutputs) -> Result<()> {
        if self.input != Input::Logits && (self.shared.beyond_engine() || want.any()) {
            return Err(Error::InvalidOption {
                name: "input",
                value: f64::NAN,
                expected: "logits for the z-loss, entropy bonus, soft cap and per-token outputs",
            });
        }
        Ok(())
    }

    /// Room for the outputs `want` of a call's samples (none if nothing is asked).
    fn collect(p: &Call<'_, '_, A>, want: TokenOutputs) -> Result<Option<Collect<A>>> {
        if want.need_classes() && matches!(p.targets, TargetRows::Probabilities(_)) {
            return Err(Error::InvalidOption {
                name: "outputs",
                value: f64::NAN,
                expected: "no target log-probability or rank with probability targets",
            });
        }
        Ok(want.any().then(|| Collect::new(want, p.rows)))
    }

    #[track_caller]
    fn prepare<'a, 'q, D: Dimension>(
        &self,
        logits: &'a ArrayRef<A, D>,
        targets: Targets<'q, A>,
    ) -> Result<Call<'a, 'q, A>> {
        let axis = self
            .class_axis
            .unwrap_or(Axis(logits.ndim().saturating_sub(1)));
        validate::axis(logits, axis);
        let classes = logits.len_of(axis);
        let inv_t = if self.input == Input::Logits {
            self.shared.inverse_temperature()?
        } else {
            let t = self.shared.temperature;
            let ok = t == A::one();
            validate::option("temperature", t, ok, "1 unless the input is logits")?;
            A::one()
        };
        self.shared.check(classes)?;
        if self.input == Input::Probabilities {
            validate::probabilities("input", logits)?;
        }
        let width: usize = logits.shape()[axis.index() + 1..].iter().product();
        // Logits in C order are read as they are (no copy); others are laid out with the classes
        // last.
        let layout = if width > 1 && logits.is_standard_layout() {
            let c = Columns::new(classes, width);
            let kernels = (1..=LONG_COLUMN).contains(&classes)
                && self.input == Input::Logits
                && matches!(targets, Targets::Classes(_));
            if kernels {
                Layout::Columns(c)
            } else {
                Layout::Tiles(c)
            }
        } else {
            Layout::Rows
        };
        let mut perm: Vec<usize> = (0..logits.ndim()).filter(|&k| k != axis.index()).collect();
        let outer: Vec<usize> = perm.iter().map(|&k| logits.shape()[k]).collect();
        if let Layout::Rows = layout {
            perm.push(axis.index());
        } else {
            perm = (0..logits.ndim()).collect();
        }
        let rows = outer.iter().product();
        let x = standard(logits.view().into_dyn(), &perm);
        let (targets, denominator) = match targets {
            Targets::Classes(t) => {
                validate::shape(
                    "targets",
                    t.shape(),
                    "logits without the class axis",
                    &outer,
                )?;
                let (flat, denominator) = self.shared.class_targets(&t, classes)?;
                (TargetRows::Classes(flat), denominator)
            }
            Targets::Probabilities(q) => {
                if self.shared.ignore_index.is_some() {
                    return Err(Error::IgnoreIndexWithProbabilities);
                }
                validate::shape("targets", q.shape(), "logits", logits.shape())?;
                validate::probabilities("targets", &q)?;
                (
                    TargetRows::Probabilities(standard(q, &perm)),
                    count::<f64>(rows),
                )
            }
        };
        Ok(Call {
            x,
            perm,
            layout,
            rows,
            classes,
            targets,
            outer,
            denominator,
            inv_t,
        })
    }

    /// The gradient's divisor for this call.
    fn divisor(&self, call: &Call<'_, '_, A>) -> f64 {
        self.shared.divisor(call.denominator)
    }

    fn reduce(&self, call: &Call<'_, '_, A>, losses: &[A]) -> A {
        self.shared.reduce(losses, call.denominator)
    }

    /// [`compute`](Self::compute), then what the options beyond the engine add (the z-loss and
    /// the entropy bonus, to the losses and the gradient) and the per-token outputs into
    /// `tokens`.
    fn run(
        &self,
        p: &Call<'_, '_, A>,
        losses: &mut [A],
        mut grad: Option<&mut [A]>,
        divisor: f64,
        tokens: Option<&mut Collect<A>>,
    ) {
        let extras = self.shared.extras();
        if let (Some(g), TargetRows::Classes(t), Layout::Rows, true) = (
            grad.as_deref_mut(),
            &p.targets,
            p.layout,
            extras.on() || tokens.is_some(),
        ) && self.input == Input::Logits
            && kernel::takes_tokens(p.classes)
        {
            return self.fused(p, t, losses, g, divisor, tokens);
        }
        self.compute(p, losses, grad.as_deref_mut(), divisor);
        self.beyond(p, losses, grad, divisor, tokens);
    }

    /// [`run`](Self::run) for rows with class targets and a gradient: each row's statistics come
    /// from the engine's own passes ([`kernel::logits_with_tokens`]), and the z-loss and the bonus
    /// are added from them (their gradient, one more pass over the row; without the bonus, the
    /// z-loss's gradient is folded into the engine's where it stays finite).
    fn fused(
        &self,
        p: &Call<'_, '_, A>,
        targets: &[usize],
        losses: &mut [A],
        grad: &mut [A],
        divisor: f64,
        tokens: Option<&mut Collect<A>>,
    ) {
        let (c, rows) = (p.classes, p.rows);
        let Some(x) = p.x.as_slice() else { return };
        let o = self.shared.kernel(c, p.inv_t, divisor);
        let (isa, extras, scale) = (Isa::detect(), self.shared.extras(), o.grad_scale);
        let needs = extras.needs(tokens.as_ref().map(|t| t.want()).unwrap_or_default());
        // Without the bonus, the z-loss's gradient folds into the engine's (`∝ exp(z)`).
        let zeta = if extras.bonus > A::zero() {
            A::zero()
        } else {
            extras.z_loss
        };
        let mut toks = vec![Token::empty(); rows];
        let k = parallel::units_per_task(rows, c);
        let tasks: Vec<_> = x
            .chunks(k * c)
            .zip(grad.chunks_mut(k * c))
            .zip(losses.chunks_mut(k).zip(toks.chunks_mut(k)))
            .zip(targets.chunks(k))
            .collect();
        parallel::run(tasks, |(((x, g), (l, tk)), t)| {
            kernel::logits_with_tokens(isa, x, c, t, l, g, tk, o, (needs, zeta));
            if !extras.on() {
                return;
            }
            let rows = x.chunks_exact(c).zip(g.chunks_exact_mut(c));
            for (((xr, gr), loss), (tk, &y)) in rows.zip(l.iter_mut()).zip(tk.iter().zip(t)) {
                if y == IGNORED {
                    continue;
                }
                let w = self.shared.class_weight(y);
                *loss += extras.loss(tk, w);
                if !tk.z_folded {
                    extras.add_gradient(isa, xr, gr, tk, p.inv_t, weighted(w, scale));
                }
            }
        });
        if let Some(out) = tokens {
            out.set_all(&toks);
        }
    }

    /// The z-loss and the entropy bonus added to each counted sample's loss and, with `grad`,
    /// their gradients (of `Σ / divisor`) to its lane's, and the per-token outputs into `tokens`:
    /// a lane at a time, rows split into tasks as the engine splits them, a strided lane gathered
    /// into a buffer (and its gradient scattered back). Nothing runs when neither is on and no
    /// output is asked for.
    fn beyond(
        &self,
        p: &Call<'_, '_, A>,
        losses: &mut [A],
        mut grad: Option<&mut [A]>,
        divisor: f64,
        tokens: Option<&mut Collect<A>>,
    ) {
        let extras = self.shared.extras();
        if !extras.on() && tokens.is_none() {
            return;
        }
        let Some(x) = p.x.as_slice() else { return };
        let c = p.classes;
        let (isa, scale) = (Isa::detect(), reciprocal::<A>(divisor));
        let needs = extras.needs(tokens.as_ref().map(|t| t.want()).unwrap_or_default());
        if c == 0 {
            // Lanes without classes: no mass, no target (every one is ignored).
            if let Some(out) = tokens {
                let none = kernel_token::lane::<A>(isa, &[], p.inv_t, None, needs);
                (0..p.rows).for_each(|n| out.set(n, &none));
            }
            return;
        }
        let mut toks = tokens.is_some().then(|| vec![Token::empty(); p.rows]);
        // Sample `n`'s lane `lx` (its gradient `g`): what the options add to its loss, and its
        // statistics.
        let one = |n: usize, lx: &[A], g: Option<&mut [A]>| {
            let sample = match &p.targets {
                TargetRows::Classes(t) if t[n] == IGNORED => None,
                TargetRows::Classes(t) => Some((Some(t[n]), self.shared.class_weight(t[n]))),
                TargetRows::Probabilities(_) => Some((None, A::one())),
            };
            let g = g.filter(|_| extras.on()).map(|g| (g, scale));
            let (add, tk) = extras.lane(isa, lx, p.inv_t, sample, g, needs);
            let add = if sample.is_some() && extras.on() {
                Some(add)
            } else {
                None
            };
            (add, tk)
        };
        if matches!(p.layout, Layout::Rows) {
            let k = parallel::units_per_task(p.rows, c);
            let tasks = p.rows.div_ceil(k);
            let grads: Vec<Option<&mut [A]>> = match grad {
                Some(g) => g.chunks_mut(k * c).map(Some).collect(),
                None => (0..tasks).map(|_| None).collect(),
            };
            let outs: Vec<Option<&mut [Token<A>]>> = match toks.as_mut() {
                Some(t) => t.chunks_mut(k).map(Some).collect(),
                None => (0..tasks).map(|_| None).collect(),
            };
            let work: Vec<_> = x
                .chunks(k * c)
                .zip(losses.chunks_mut(k))
                .zip(grads.into_iter().zip(outs))
                .enumerate()
                .collect();
            parallel::run(work, |(task, ((x, l), (mut g, mut t)))| {
                for (r, (xr, loss)) in x.chunks_exact(c).zip(l.iter_mut()).enumerate() {
                    let gr = g.as_deref_mut().map(|g| &mut g[r * c..(r + 1) * c]);
                    let (add, tk) = one(task * k + r, xr, gr);
                    if let Some(add) = add {
                        *loss += add;
                    }
                    if let Some(t) = t.as_deref_mut() {
                        t[r] = tk;
                    }
                }
            });
        } else {
            let mut lx = vec![A::zero(); c];
            let mut lg = vec![A::zero(); c];
            for (n, loss) in losses.iter_mut().enumerate() {
                let idx = positions(lane(p, n), c);
                for (v, i) in lx.iter_mut().zip(idx.clone()) {
                    *v = x[i];
                }
                let g = grad.as_deref_mut().filter(|_| extras.on());
                let (add, tk) = match g {
                    Some(g) => {
                        for (v, i) in lg.iter_mut().zip(idx.clone()) {
                            *v = g[i];
                        }
                        let r = one(n, &lx, Some(&mut lg));
                        for (&v, i) in lg.iter().zip(idx) {
                            g[i] = v;
                        }
                        r
                    }
                    None => one(n, &lx, None),
                };
                if let Some(add) = add {
                    *loss += add;
                }
                if let Some(t) = toks.as_mut() {
                    t[n] = tk;
                }
            }
        }
        if let (Some(out), Some(toks)) = (tokens, toks) {
            out.set_all(&toks);
        }
    }

    /// Per-sample losses into `losses`, and the gradient of `Σ losses / divisor` into `grad`:
    /// the samples split into tasks (one without the rayon feature or for small batches), each
    /// through the cross-entropy engine.
    fn compute(
        &self,
        call: &Call<'_, '_, A>,
        losses: &mut [A],
        grad: Option<&mut [A]>,
        divisor: f64,
    ) {
        let (c, rows) = (call.classes, call.rows);
        if c == 0 || rows == 0 {
            return;
        }
        let Some(x) = call.x.as_slice() else { return };
        let o = self.shared.kernel(c, call.inv_t, divisor);
        let isa = Isa::detect();
        let given = match self.input {
            Input::Logits => None,
            Input::LogProbabilities => Some(Given::LogProbabilities),
            Input::Probabilities => Some(Given::Probabilities),
        };
        if let Layout::Tiles(cols) = call.layout {
            return tiled(isa, x, cols, &call.targets, losses, grad, given, o);
        }
        if let (Layout::Columns(cols), TargetRows::Classes(t)) = (call.layout, &call.targets) {
            let size = cols.len * cols.width;
            let count = x.len() / size;
            if let Some(ranges) = parallel::column_ranges(count, cols.len, cols.width) {
                // Fewer blocks than threads: each block's columns split into tasks, read in place;
                // the gradient, from each lane's terms, by rows.
                let mut grads = grad.map(|g| g.chunks_exact_mut(size));
                let blocks = x
                    .chunks_exact(size)
                    .zip(losses.chunks_exact_mut(cols.width));
                for ((x, l), t) in blocks.zip(t.chunks_exact(cols.width)) {
                    let g = grads.as_mut().and_then(Iterator::next);
                    split_columns(isa, x, cols, &ranges, t, l, g, o);
                }
                return;
            }
            // Whole blocks per task.
            let k = parallel::units_per_task(x.len() / size, size);
            let grads: Vec<Option<&mut [A]>> = match grad {
                Some(g) => g.chunks_mut(k * size).map(Some).collect(),
                None => (0..x.len().div_ceil(k * size)).map(|_| None).collect(),
            };
            let tasks: Vec<_> = x
                .chunks(k * size)
                .zip(losses.chunks_mut(k * cols.width))
                .zip(t.chunks(k * cols.width))
                .zip(grads)
                .collect();
            return parallel::run(tasks, |(((x, l), t), g)| {
                kernel::logits_columns(isa, x, cols, t, l, g, o);
            });
        }
        let k = parallel::units_per_task(rows, c);
        let grads: Vec<Option<&mut [A]>> = match grad {
            Some(g) => g.chunks_mut(k * c).map(Some).collect(),
            None => (0..rows.div_ceil(k)).map(|_| None).collect(),
        };
        let tasks: Vec<_> = x
            .chunks(k * c)
            .zip(losses.chunks_mut(k))
            .zip(grads)
            .enumerate()
            .collect();
        parallel::run(tasks, |(task, ((x, l), g))| {
            let samples = task * k..task * k + l.len();
            let targets = match &call.targets {
                TargetRows::Classes(t) => kernel::Targets::Classes(&t[samples]),
                TargetRows::Probabilities(q) => {
                    let q = q.as_slice().unwrap_or_default();
                    kernel::Targets::Probabilities(&q[samples.start * c..samples.end * c])
                }
            };
            match given {
                None => kernel::logits(isa, x, c, targets, l, g, o),
                Some(kind) => kernel::given(x, c, kind, targets, l, g, &o),
            }
        });
    }
}

/// The cross-entropy of one block of column lanes `c` split over threads by `ranges` of columns,
/// each task reading its columns in place: the losses, and with `grad` each lane's gradient terms,
/// then the gradient by tasks of whole rows, then the lanes whose gradient was worked out alone.
#[allow(clippy::too_many_arguments)]
fn split_columns<A: Float>(
    isa: Isa,
    x: &[A],
    c: Columns,
    ranges: &[Range<usize>],
    targets: &[usize],
    losses: &mut [A],
    grad: Option<&mut [A]>,
    o: kernel::Options<'_, A>,
) {
    let losses = parallel::split_at_ranges(losses, ranges);
    let Some(grad) = grad else {
        let tasks: Vec<_> = ranges.iter().zip(losses).collect();
        return parallel::run(tasks, |(r, l)| {
            let (x, part) = c.part(x, r);
            kernel::logits_columns(isa, x, part, &targets[r.clone()], l, None, o);
        });
    };
    // Per lane: the shift's offset, the coefficients of `exp(z)` and of the class weights, the
    // target's term and the target (`kernel::GradTerms`).
    let w = c.width;
    let mut values = vec![A::zero(); 5 * w];
    let mut edges: Vec<Vec<(usize, Vec<A>)>> = vec![Vec::new(); ranges.len()];
    {
        let mut cut = values
            .chunks_exact_mut(w)
            .map(|v| parallel::split_at_ranges(v, ranges).into_iter())
            .collect::<Vec<_>>();
        let mut next = || -> [&mut [A]; 5] {
            let mut five = cut.iter_mut().map(|v| v.next().unwrap_or_default());
            std::array::from_fn(|_| five.next().unwrap_or_default())
        };
        let tasks: Vec<_> = ranges
            .iter()
            .zip(losses)
            .zip(&mut edges)
            .map(|((r, l), e)| (r, l, e, next()))
            .collect();
        parallel::run(tasks, |(r, l, e, five)| {
            let mut terms = kernel::GradTerms::new(five);
            let t = &targets[r.clone()];
            let (x, part) = c.part(x, r);
            kernel::logits_column_terms(isa, x, part, t, l, &mut terms, o);
            *e = terms.edges;
            for (lane, _) in e.iter_mut() {
                *lane += r.start;
            }
        });
    }
    let terms = kernel::GradTerms::of(&mut values);
    let k = parallel::units_per_task(c.len, w);
    let tasks: Vec<_> = x
        .chunks(k * w)
        .zip(grad.chunks_mut(k * w))
        .enumerate()
        .collect();
    parallel::run(tasks, |(task, (x, g))| {
        kernel::gradient_with_terms(isa, x, g, task * k, &terms, o);
    });
    for (lane, values) in edges.into_iter().flatten() {
        for (row, v) in grad.chunks_exact_mut(w).zip(values) {
            row[lane] = v;
        }
    }
}

/// The cross-entropy of blocks of column lanes `c` that [`tiles`] computes (`Layout::Tiles`):
/// tasks of whole blocks, or where there are fewer blocks than threads, each block's columns split
/// into tasks (read in place, each task writing its piece of every row of the gradient).
#[allow(clippy::too_many_arguments)]
fn tiled<A: Float>(
    isa: Isa,
    x: &[A],
    c: Columns,
    targets: &TargetRows<'_, A>,
    losses: &mut [A],
    grad: Option<&mut [A]>,
    given: Option<Given>,
    o: kernel::Options<'_, A>,
) {
    let size = c.len * c.width;
    // Block `b`'s targets (its lanes' class indices, or its probabilities in the logits' layout).
    let of_block = |b: usize| match targets {
        TargetRows::Classes(t) => kernel::Targets::Classes(&t[b * c.width..(b + 1) * c.width]),
        TargetRows::Probabilities(q) => {
            let q = q.as_slice().unwrap_or_default();
            kernel::Targets::Probabilities(&q[b * size..(b + 1) * size])
        }
    };
    let blocks = x.len() / size;
    let soft = matches!(targets, TargetRows::Probabilities(_));
    if let Some(ranges) = parallel::column_ranges(blocks, c.len, c.width) {
        // One set of tile buffers per range, for every block.
        let mut buffers: Vec<_> = ranges
            .iter()
            .map(|r| Buffers::new(c.len, r.len(), soft, grad.is_some()))
            .collect();
        let mut grads = grad.map(|g| g.chunks_exact_mut(size));
        let each = x.chunks_exact(size).zip(losses.chunks_exact_mut(c.width));
        for (b, (x, l)) in each.enumerate() {
            // Each task's piece of every row of the block's gradient.
            let mut pieces: Vec<Vec<&mut [A]>> = ranges.iter().map(|_| Vec::new()).collect();
            if let Some(g) = grads.as_mut().and_then(Iterator::next) {
                for row in g.chunks_exact_mut(c.width) {
                    let cut = parallel::split_at_ranges(row, &ranges);
                    for (p, row) in pieces.iter_mut().zip(cut) {
                        p.push(row);
                    }
                }
            }
            let targets = of_block(b);
            let l = parallel::split_at_ranges(l, &ranges);
            let tasks: Vec<_> = ranges.iter().zip(l).zip(pieces).zip(&mut buffers).collect();
            parallel::run(tasks, |(((r, l), rows), buffers)| {
                let (x, part) = c.part(x, r);
                let targets = match targets {
                    kernel::Targets::Classes(t) => kernel::Targets::Classes(&t[r.clone()]),
                    kernel::Targets::Probabilities(q) => {
                        kernel::Targets::Probabilities(c.part(q, r).0)
                    }
                };
                let mut rows = rows;
                let g = (!rows.is_empty()).then_some(rows.as_mut_slice());
                tiles(isa, x, part, targets, l, g, given, o, buffers);
            });
        }
        return;
    }
    let k = parallel::units_per_task(blocks, size);
    let grads: Vec<Option<&mut [A]>> = match grad {
        Some(g) => g.chunks_mut(k * size).map(Some).collect(),
        None => (0..blocks.div_ceil(k)).map(|_| None).collect(),
    };
    let tasks: Vec<_> = x
        .chunks(k * size)
        .zip(losses.chunks_mut(k * c.width))
        .zip(grads)
        .enumerate()
        .collect();
    parallel::run(tasks, |(task, ((x, l), mut g))| {
        let mut buffers = Buffers::new(c.len, c.width, soft, g.is_some());
        let each = x.chunks_exact(size).zip(l.chunks_exact_mut(c.width));
        for (b, (x, l)) in each.enumerate() {
            let mut rows: Vec<&mut [A]> = match g.as_deref_mut() {
                Some(g) => g[b * size..(b + 1) * size].chunks_mut(c.width).collect(),
                None => Vec::new(),
            };
            let g = (!rows.is_empty()).then_some(rows.as_mut_slice());
            let targets = of_block(task * k + b);
            tiles(isa, x, c, targets, l, g, given, o, &mut buffers);
        }
    });
}

/// Elements of logits that a tile of [`tiles`] aims at (256 KiB of `f32`; 16 to 64 lanes of
/// `f32` whatever the classes): the tile, its probability targets and its gradient stay in L2.
/// Tiles of 128 lanes and of 32 measured alike or slower at `[16, 1000, 256]` along axis 1.
const TILE: usize = 1 << 16;

/// The buffers of [`tiles`]: a tile of logits, of probability targets and of the gradient, as
/// rows (empty where not needed). Made once per task, not per block: each tile overwrites what it
/// uses.
struct Buffers<A> {
    x: Vec<A>,
    q: Vec<A>,
    grad: Vec<A>,
}

impl<A: Float> Buffers<A> {
    /// For lanes of `len` of a block `width` lanes wide.
    fn new(len: usize, width: usize, soft: bool, grad: bool) -> Self {
        let n = tile_width::<A>(len).min(width) * len;
        let buf = |on: bool| vec![A::zero(); if on { n } else { 0 }];
        Self {
            x: buf(true),
            q: buf(soft),
            grad: buf(grad),
        }
    }
}

/// Lanes per tile for lanes of `len`: at least a cache line of columns, so that each line of
/// logits is read once, and at most four.
fn tile_width<A>(len: usize) -> usize {
    let line = 64 / size_of::<A>();
    (TILE / len.max(1)).clamp(line, 4 * line)
}

/// The cross-entropy of the lanes that are the columns `c` of a block (`x` from its first lane's
/// column, class indices one per lane, probabilities in the logits' layout), a tile of columns
/// at a time: each tile laid out as rows in a buffer that stays in cache (its probability targets
/// too), through the row kernels ([`kernel::logits`], [`kernel::given`]), and its gradient laid
/// back into `grad`, the block's rows from the first lane's column. A lane gets the bits it gets
/// as a row of a C-order array.
#[allow(clippy::too_many_arguments)]
fn tiles<A: Float>(
    isa: Isa,
    x: &[A],
    c: Columns,
    targets: kernel::Targets<'_, A>,
    losses: &mut [A],
    mut grad: Option<&mut [&mut [A]]>,
    given: Option<Given>,
    o: kernel::Options<'_, A>,
    buffers: &mut Buffers<A>,
) {
    let n = c.len;
    let w = tile_width::<A>(n).min(c.width);
    let Buffers {
        x: xt,
        q: qt,
        grad: gt,
    } = buffers;
    for j in (0..c.width).step_by(w) {
        let lanes = j..(j + w).min(c.width);
        let len = lanes.len() * n;
        kernel::tile_in(isa, x, c.stride, j, n, &mut xt[..len]);
        let t = match targets {
            kernel::Targets::Classes(t) => kernel::Targets::Classes(&t[lanes.clone()]),
            kernel::Targets::Probabilities(q) => {
                kernel::tile_in(isa, q, c.stride, j, n, &mut qt[..len]);
                kernel::Targets::Probabilities(&qt[..len])
            }
        };
        let (xt, l) = (&xt[..len], &mut losses[lanes.clone()]);
        let g = grad.is_some().then(|| &mut gt[..len]);
        match given {
            None => kernel::logits(isa, xt, n, t, l, g, o),
            Some(kind) => kernel::given(xt, n, kind, t, l, g, &o),
        }
        if let Some(grad) = grad.as_deref_mut() {
            kernel::tile_out(isa, &gt[..len], n, grad, j);
        }
    }
}

/// Where sample `n`'s lane lies in a call's logits (and gradient): its first position and the
/// step between its classes.
fn lane<A>(p: &Call<'_, '_, A>, n: usize) -> (usize, usize) {
    let width = match p.layout {
        Layout::Rows => 1,
        Layout::Columns(c) | Layout::Tiles(c) => c.width,
    };
    ((n / width) * p.classes * width + n % width, width)
}

/// The positions of the lane at `(start, step)` of `len` classes.
fn positions((start, step): (usize, usize), len: usize) -> std::iter::StepBy<Range<usize>> {
    (start..start + len * step).step_by(step)
}

fn shape_error<A>(p: &Call<'_, '_, A>) -> Error {
    Error::shape("gradient", p.x.shape(), "logits", p.x.shape())
}

/// The flat gradient, in the prepared (class axis last) order, as an array of the logits' shape.
fn unpermute<A: Float, D: Dimension>(p: &Call<'_, '_, A>, grad: Vec<A>) -> Result<Array<A, D>> {
    let mut inverse = vec![0; p.perm.len()];
    for (i, &a) in p.perm.iter().enumerate() {
        inverse[a] = i;
    }
    ArrayD::from_shape_vec(p.x.raw_dim(), grad)
        .map_err(|_| shape_error(p))?
        .permuted_axes(inverse)
        .into_dimensionality::<D>()
        .map_err(|_| shape_error(p))
}

fn per_sample_array<A: Float, D: RemoveAxis>(
    p: &Call<'_, '_, A>,
    losses: Vec<A>,
) -> Result<Array<A, D::Smaller>> {
    ArrayD::from_shape_vec(IxDyn(&p.outer), losses)
        .map_err(|_| shape_error(p))?
        .into_dimensionality::<D::Smaller>()
        .map_err(|_| shape_error(p))
}

/// Mean cross-entropy of `logits` (class axis last) against `targets`: [`CrossEntropy::new`]'s
/// [`loss`](CrossEntropy::loss).
///
/// # Errors
///
/// As [`CrossEntropy::loss`].
///
/// # Panics
///
/// If `logits` has no axis.
///
/// # Examples
///
/// ```
/// let x = ndarray::array![[2.1_f32, 1.0, 0.1], [0.1, 1.0, 2.1], [0.1, 3.0, 0.1]];
/// let loss = logits::cross_entropy(&x, &[2, 0, 1])?;
/// approx::assert_abs_diff_eq!(loss, 1.6242, epsilon = 1e-4);
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn cross_entropy<'t, A: Float + 't, D: RemoveAxis>(
    logits: &ArrayRef<A, D>,
    targets: impl IntoTargets<'t, A>,
) -> Result<A> {
    CrossEntropy::new().loss(logits, targets)
}

/// Mean cross-entropy and its gradient with respect to `logits`, in one pass:
/// [`CrossEntropy::new`]'s [`loss_and_grad`](CrossEntropy::loss_and_grad).
///
/// # Errors
///
/// As [`CrossEntropy::loss`].
///
/// # Panics
///
/// If `logits` has no axis.
///
/// # Examples
///
/// ```
/// use ndarray::array;
/// let (loss, grad) = logits::cross_entropy_and_grad(&array![[0.0_f64, 0.0], [0.0, 0.0]], &[0, 1])?;
/// approx::assert_relative_eq!(loss, std::f64::consts::LN_2);
/// assert_eq!(grad, array![[-0.25, 0.25], [0.25, -0.25]]);
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn cross_entropy_and_grad<'t, A: Float + 't, D: RemoveAxis>(
    logits: &ArrayRef<A, D>,
    targets: impl IntoTargets<'t, A>,
) -> Result<(A, Array<A, D>)> {
    CrossEntropy::new().loss_and_grad(logits, targets)
}

/// Mean negative log-likelihood of log-probabilities (class axis last), as PyTorch's
/// `F.nll_loss`: `CrossEntropy::new().input(Input::LogProbabilities)`.
///
/// # Errors
///
/// As [`CrossEntropy::loss`].
///
/// # Panics
///
/// If `log_probs` has no axis.
///
/// # Examples
///
/// ```
/// use ndarray::{array, Axis};
/// let x = array![[2.0_f64, 1.0, 0.1]];
/// let nll = logits::nll_loss(&logits::log_softmax(&x, Axis(1)), &[0])?;
/// approx::assert_relative_eq!(nll, logits::cross_entropy(&x, &[0])?, max_relative = 1e-15);
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn nll_loss<'t, A: Float + 't, D: RemoveAxis>(
    log_probs: &ArrayRef<A, D>,
    targets: impl IntoTargets<'t, A>,
) -> Result<A> {
    CrossEntropy::new()
        .input(Input::LogProbabilities)
        .loss(log_probs, targets)
}

/// Mean negative log-likelihood and its gradient with respect to the log-probabilities.
///
/// # Errors
///
/// As [`CrossEntropy::loss`].
///
/// # Panics
///
/// If `log_probs` has no axis.
///
/// # Examples
///
/// ```
/// use ndarray::array;
/// let (nll, grad) = logits::nll_loss_and_grad(&array![[-0.5_f32, -1.0], [-2.0, -0.1]], &[0, 1])?;
/// approx::assert_relative_eq!(nll, 0.3);
/// assert_eq!(grad, array![[-0.5, 0.0], [0.0, -0.5]]);
/// # Ok::<(), logits::Error>(())
/// ```
#[track_caller]
pub fn nll_loss_and_grad<'t, A: Float + 't, D: RemoveAxis>(
    log_probs: &ArrayRef<A, D>,
    targets: impl IntoTargets<'t, A>,
) -> Result<(A, Array<A, D>)> {
    CrossEntropy::new()
        .input(Input::LogProbabilities)
        .loss_and_grad(log_probs, targets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, array};

    /// The fused kernel (class targets) against the row-by-row path (one-hot probability
    /// targets), which shares none of its code, with every option on.
    #[test]
    fn kernel_matches_rowwise_path_with_every_option() {
        let x: Array2<f64> =
            Array2::from_shape_fn((5, 7), |(i, j)| ((i * 7 + j) as f64 * 1.7).sin() * 4.0);
        let labels = [3_usize, 0, 6, 2, 5];
        let one_hot =
            Array2::from_shape_fn((5, 7), |(i, j)| if labels[i] == j { 1.0 } else { 0.0 });
        let ce = CrossEntropy::new()
            .weight(vec![0.5, 1.0, 2.0, 1.5, 0.25, 1.0, 3.0])
            .label_smoothing(0.2)
            .temperature(0.7)
            .reduction(Reduction::Sum);
        let (a, ga) = ce.loss_and_grad(&x, &labels).unwrap();
        let (b, gb) = ce.loss_and_grad(&x, &one_hot).unwrap();
        approx::assert_relative_eq!(a, b, max_relative = 1e-13);
        approx::assert_abs_diff_eq!(ga, gb, epsilon = 1e-13);
    }

    /// Central differences of the fused kernel's loss match its gradient.
    #[test]
    fn kernel_gradient_matches_finite_differences() {
        let x: Array2<f64> =
            Array2::from_shape_fn((3, 5), |(i, j)| ((i * 5 + j) as f64 * 0.9).cos() * 3.0);
        let labels = array![4_usize, 1, 9];
        let ce = CrossEntropy::new()
            .weight(vec![1.0, 2.0, 0.5, 1.0, 3.0])
            .label_smoothing(0.1)
            .temperature(1.3)
            .ignore_index(9);
        let (_, g) = ce.loss_and_grad(&x, &labels).unwrap();
        let h = 1e-6;
        for ((i, j), &gij) in g.indexed_iter() {
            let (mut up, mut down) = (x.clone(), x.clone());
            up[(i, j)] += h;
            down[(i, j)] -= h;
            let fd =
                (ce.loss(&up, &labels).unwrap() - ce.loss(&down, &labels).unwrap()) / (2.0 * h);
            assert!((fd - gij).abs() < 1e-8, "({i}, {j}): {fd} vs {gij}");
        }
        assert!(g.row(2).iter().all(|&v| v == 0.0));
    }

    /// The loss is the same number with and without its gradient (the sums run in one order).
    #[test]
    fn loss_alone_equals_loss_with_gradient() {
        for classes in [1, 5, 17, 33, 64, 65, 100, 257, 1000] {
            let x: Array2<f32> = Array2::from_shape_fn((3, classes), |(i, j)| {
                ((i * classes + j) as f32 * 0.77).sin() * 6.0
            });
            let labels = [0, classes / 2, classes - 1];
            for ce in [
                CrossEntropy::new(),
                CrossEntropy::new().label_smoothing(0.2).temperature(1.7),
            ] {
                let alone = ce.loss(&x, &labels).unwrap();
                let (with, _) = ce.loss_and_grad(&x, &labels).unwrap();
                assert_eq!(alone, with, "{classes} classes");
            }
        }
    }

    /// A confident, correct prediction keeps its tiny loss: `ln s` with `s` near 1 is taken as
    /// `ln(1 + tail)` (the exact value is ln(1 + e⁻²⁰) = 2.0611536e-9).
    #[test]
    fn tiny_losses_keep_their_relative_precision() {
        let want = (-20.0_f64).exp().ln_1p();
        for rows in [1, 3] {
            let x = Array2::from_shape_fn((rows, 2), |(_, j)| if j == 0 { 20.0_f32 } else { 0.0 });
            let targets = vec![0; rows];
            let (loss, _) = CrossEntropy::new().loss_and_grad(&x, &targets).unwrap();
            assert!(
                (f64::from(loss) - want).abs() < 1e-6 * want,
                "{rows} rows: {loss} vs {want}"
            );
            let lp = crate::log_softmax(&x, ndarray::Axis(1));
            assert!(
                (f64::from(-lp[(0, 0)]) - want).abs() < 1e-6 * want,
                "{}",
                lp[(0, 0)]
            );
        }
    }
}
