//! Losses: categorical and binary cross-entropy, NLL, KL divergence and focal loss, each with a
//! gradient computed in the same pass as the loss.

mod binary;
mod cross_entropy;
mod kl;
mod linear;

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

use ndarray::{Array, ArrayRef, ArrayView, ArrayViewD, Dimension, IntoDimension, IxDyn};

use crate::Float;
use crate::error::{Error, Result};
use crate::kernels::Isa;
use crate::kernels::binary::{BceWithLogits, Weights, bce_with_logits};
use crate::kernels::ops::IGNORED;
use crate::parallel;
use crate::softmax::check_same_shape;

/// How per-sample losses become one number.
///
/// ```
/// use logits::{CrossEntropy, Reduction};
/// use ndarray::array;
/// let x = array![[0.0_f64, 0.0], [0.0, 0.0]];
/// let mean = CrossEntropy::new().loss(&x, &[0, 1])?;
/// let sum = CrossEntropy::new().reduction(Reduction::Sum).loss(&x, &[0, 1])?;
/// approx::assert_relative_eq!(sum, 2.0 * mean);
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

/// Targets of a categorical loss: a class index per sample, or a probability per sample and
/// class.
///
/// Made from the types in [`IntoTargets`]; functions take `impl IntoTargets`, so this is rarely
/// named.
#[derive(Clone, Debug)]
pub enum Targets<'a, A> {
    /// Class indices: the logits' shape without the class axis.
    Classes(ArrayViewD<'a, usize>),
    /// Probabilities: the logits' shape.
    Probabilities(ArrayViewD<'a, A>),
}

/// Anything that can serve as [`Targets`]: class indices as `&[usize]`, `&Vec<usize>`,
/// `&[usize; N]`, `&Array1<usize>` (any dimension), `ArrayView<usize, _>` (or a reference to one),
/// `&ArrayRef<usize, _>`;
/// or probabilities as an array, view or `ArrayRef` of `f32` or `f64` (the logits' type).
///
/// ```
/// use logits::{cross_entropy, IntoTargets};
/// use ndarray::{array, Array1};
/// let x = array![[2.0_f32, 0.0], [0.0, 2.0]];
/// let labels: Array1<usize> = array![0, 1];
/// let a = cross_entropy(&x, &labels)?;
/// let b = cross_entropy(&x, labels.view())?;
/// let c = cross_entropy(&x, &[0, 1])?;
/// let d = cross_entropy(&x, &array![[1.0, 0.0], [0.0, 1.0]])?;
/// assert!(a == b && b == c && (c - d).abs() < 1e-6);
/// # Ok::<(), logits::Error>(())
/// ```
pub trait IntoTargets<'a, A> {
    /// The targets.
    fn into_targets(self) -> Targets<'a, A>;
}

impl<'a, A> Targets<'a, A> {
    /// Probability targets from any array of the logits' element type. Code generic over
    /// `A: Float` uses this, since the `IntoTargets` impls for arrays name `f32` and `f64`.
    ///
    /// ```
    /// fn loss<A: logits::Float>(x: &ndarray::Array2<A>, q: &ndarray::Array2<A>) -> logits::Result<A> {
    ///     logits::cross_entropy(x, logits::Targets::probabilities(q))
    /// }
    /// let l = loss(&ndarray::array![[0.0_f64, 0.0]], &ndarray::array![[0.5, 0.5]])?;
    /// approx::assert_relative_eq!(l, std::f64::consts::LN_2);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn probabilities<D: Dimension>(q: &'a ArrayRef<A, D>) -> Self {
        Self::Probabilities(q.view().into_dyn())
    }

    /// Class-index targets from any array of `usize`.
    ///
    /// ```
    /// let t = ndarray::array![1_usize, 0];
    /// let l = logits::cross_entropy(&ndarray::array![[0.0_f32, 0.0], [0.0, 0.0]], logits::Targets::classes(&t))?;
    /// approx::assert_relative_eq!(l, std::f32::consts::LN_2);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn classes<D: Dimension>(t: &'a ArrayRef<usize, D>) -> Self {
        Self::Classes(t.view().into_dyn())
    }
}

impl<'a, A> IntoTargets<'a, A> for Targets<'a, A> {
    fn into_targets(self) -> Targets<'a, A> {
        self
    }
}

impl<'a, A> IntoTargets<'a, A> for &'a [usize] {
    fn into_targets(self) -> Targets<'a, A> {
        Targets::Classes(ArrayView::from(self).into_dyn())
    }
}

impl<'a, A, const N: usize> IntoTargets<'a, A> for &'a [usize; N] {
    fn into_targets(self) -> Targets<'a, A> {
        Targets::Classes(ArrayView::from(&self[..]).into_dyn())
    }
}

impl<'a, A> IntoTargets<'a, A> for &'a Vec<usize> {
    fn into_targets(self) -> Targets<'a, A> {
        Targets::Classes(ArrayView::from(self.as_slice()).into_dyn())
    }
}

impl<'a, A, D: Dimension> IntoTargets<'a, A> for ArrayView<'a, usize, D> {
    fn into_targets(self) -> Targets<'a, A> {
        Targets::Classes(self.into_dyn())
    }
}

impl<'a, A, D: Dimension> IntoTargets<'a, A> for &'a ArrayView<'_, usize, D> {
    fn into_targets(self) -> Targets<'a, A> {
        Targets::Classes(self.view().into_dyn())
    }
}

impl<'a, A, D: Dimension> IntoTargets<'a, A> for &'a Array<usize, D> {
    fn into_targets(self) -> Targets<'a, A> {
        Targets::Classes(self.view().into_dyn())
    }
}

impl<'a, A, D: Dimension> IntoTargets<'a, A> for &'a ArrayRef<usize, D> {
    fn into_targets(self) -> Targets<'a, A> {
        Targets::Classes(self.view().into_dyn())
    }
}

/// Probability targets of one element type, from owned arrays, views and `ArrayRef`s.
macro_rules! probability_targets {
    ($t:ty) => {
        impl<'a, D: Dimension> IntoTargets<'a, $t> for &'a Array<$t, D> {
            fn into_targets(self) -> Targets<'a, $t> {
                Targets::Probabilities(self.view().into_dyn())
            }
        }

        impl<'a, D: Dimension> IntoTargets<'a, $t> for ArrayView<'a, $t, D> {
            fn into_targets(self) -> Targets<'a, $t> {
                Targets::Probabilities(self.into_dyn())
            }
        }

        impl<'a, D: Dimension> IntoTargets<'a, $t> for &'a ArrayView<'_, $t, D> {
            fn into_targets(self) -> Targets<'a, $t> {
                Targets::Probabilities(self.view().into_dyn())
            }
        }

        impl<'a, D: Dimension> IntoTargets<'a, $t> for &'a ArrayRef<$t, D> {
            fn into_targets(self) -> Targets<'a, $t> {
                Targets::Probabilities(self.view().into_dyn())
            }
        }
    };
}

probability_targets!(f32);
probability_targets!(f64);

/// `Σ xᵢ` in `f64` with Neumaier's compensation, returned in `A`.
pub(crate) fn compensated_sum<A: Float>(xs: impl IntoIterator<Item = A>) -> A {
    let mut total = Total::default();
    xs.into_iter().for_each(|x| total.add(x));
    total.value()
}

/// The value as `f64`, for error messages.
pub(crate) fn wide<A: Float>(v: A) -> f64 {
    v.to_f64().unwrap_or(f64::NAN)
}

/// Checks a label smoothing: it must lie in `[0, 1]` (NaN does not).
pub(crate) fn check_smoothing<A: Float>(epsilon: A) -> Result<()> {
    if epsilon >= A::zero() && epsilon <= A::one() {
        Ok(())
    } else {
        Err(Error::InvalidLabelSmoothing {
            value: wide(epsilon),
        })
    }
}

/// Class-index targets in logical (C) order, `IGNORED` for `ignore`, each checked against
/// `classes`; with the summed weight of the counted ones (their number without `weight`), the
/// denominator of a weighted mean.
pub(crate) fn flatten_classes<A: Float>(
    t: &ArrayViewD<'_, usize>,
    classes: usize,
    ignore: Option<usize>,
    weight: Option<&ndarray::Array1<A>>,
) -> Result<(Vec<usize>, A)> {
    let mut flat = Vec::with_capacity(t.len());
    let mut denominator = Total::default();
    for &label in t {
        if Some(label) == ignore {
            flat.push(IGNORED);
        } else if label < classes {
            flat.push(label);
            denominator.add(weight.map_or(A::one(), |w| w[label]));
        } else {
            // Found again with its position, only on this error path.
            let index = t
                .indexed_iter()
                .nth(flat.len())
                .map(|(i, _)| i.slice().to_vec());
            return Err(Error::LabelOutOfRange {
                sample: index.unwrap_or_default(),
                label,
                classes,
            });
        }
    }
    Ok((flat, denominator.value()))
}

/// Checks that every element of `x` lies in `[0, 1]` (NaN passes: it is data, not an error).
pub(crate) fn check_probabilities<A: Float, D: Dimension>(
    what: &'static str,
    x: &ArrayRef<A, D>,
) -> Result<()> {
    let outside = |v: &A| *v < A::zero() || *v > A::one();
    // A plain pass over the memory first (it vectorises); positions only on the error path.
    let any_outside = match x.as_slice_memory_order() {
        Some(s) => s.iter().fold(false, |bad, v| bad | outside(v)),
        None => x.iter().any(outside),
    };
    if !any_outside {
        return Ok(());
    }
    match x.indexed_iter().find(|(_, v)| outside(v)) {
        None => Ok(()),
        Some((index, &v)) => Err(Error::InvalidProbability {
            what,
            index: index.into_dimension().slice().to_vec(),
            value: wide(v),
        }),
    }
}

/// An optional per-element weight, broadcast to `shape`.
pub(crate) fn broadcast_weight<'a, A>(
    what: &'static str,
    w: Option<&'a Array<A, IxDyn>>,
    shape: &[usize],
) -> Result<Option<ArrayViewD<'a, A>>> {
    w.map(|w| {
        w.broadcast(IxDyn(shape))
            .ok_or_else(|| Error::shape(what, w.shape(), "input", shape))
    })
    .transpose()
}

/// One element of an elementwise loss: its value and its derivative in the input.
pub(crate) type Pointwise<A> = fn(x: A, y: A, pos_weight: A, param: [A; 2]) -> (A, A);

/// What an elementwise loss is asked for.
pub(crate) struct Elementwise<'a, A, D: Dimension> {
    pub input: (&'static str, &'a ArrayRef<A, D>),
    pub target: &'a ArrayRef<A, D>,
    pub weight: Option<ArrayViewD<'a, A>>,
    pub pos_weight: Option<ArrayViewD<'a, A>>,
    pub param: [A; 2],
    pub f: Pointwise<A>,
    /// Whether `f` is BCE with logits, which has a vectorised kernel for contiguous arrays.
    pub bce_with_logits: bool,
}

/// A weight broadcast to the input's shape, as the kernel reads it: `None` if it is neither a
/// contiguous array of the input's shape nor one value per position of the last axis.
fn kernel_weights<'a, A>(w: Option<&'a ArrayViewD<'_, A>>) -> Option<Weights<'a, A>> {
    let Some(w) = w else {
        return Some(Weights::None);
    };
    if let Some(s) = w.as_slice() {
        return Some(Weights::PerElement(s));
    }
    let (last, outer) = w.strides().split_last()?;
    if *last == 1 && outer.iter().all(|&s| s == 0) {
        let lane = w.lanes(ndarray::Axis(w.ndim() - 1)).into_iter().next()?;
        return lane.to_slice().map(Weights::PerColumn);
    }
    None
}

/// The vectorised path of BCE with logits, if every array is contiguous and the weights are
/// per element or per position of the last axis; otherwise the arguments come back unused.
#[expect(clippy::type_complexity, reason = "the unused arguments, handed back")]
fn bce_kernel<'g, A: Float, D: Dimension>(
    e: &Elementwise<'_, A, D>,
    per_elem: Option<&'g mut ArrayRef<A, D>>,
    grad: Option<(&'g mut ArrayRef<A, D>, A)>,
) -> std::result::Result<
    A,
    (
        Option<&'g mut ArrayRef<A, D>>,
        Option<(&'g mut ArrayRef<A, D>, A)>,
    ),
> {
    let (x, y) = (e.input.1, e.target);
    let weight = kernel_weights(e.weight.as_ref());
    let pos_weight = match kernel_weights(e.pos_weight.as_ref()) {
        Some(Weights::None) => Some(None),
        Some(Weights::PerColumn(p)) => Some(Some(p)),
        _ => None,
    };
    let usable = e.bce_with_logits
        && x.is_standard_layout()
        && y.is_standard_layout()
        && per_elem.as_ref().is_none_or(|p| p.is_standard_layout())
        && grad.as_ref().is_none_or(|(g, _)| g.is_standard_layout());
    let (Some(xs), Some(ys), Some(weight), Some(pos_weight), true) =
        (x.as_slice(), y.as_slice(), weight, pos_weight, usable)
    else {
        return Err((per_elem, grad));
    };
    if xs.is_empty() {
        return Ok(A::zero());
    }
    let grad_scale = grad.as_ref().map_or(A::zero(), |(_, s)| *s);
    // Rows matter only to weights that repeat along the last axis; without them, each task is
    // one long row.
    let per_column = pos_weight.is_some() || matches!(weight, Weights::PerColumn(_));
    let unit = if per_column {
        x.shape().last().copied().unwrap_or(1).max(1)
    } else {
        1
    };
    // Whole rows per task (one task without the rayon feature or for small inputs).
    let per_task = parallel::units_per_task(xs.len() / unit, unit) * unit;
    let tasks = xs.len().div_ceil(per_task);
    let mut grads: Vec<Option<&mut [A]>> = match grad.and_then(|(g, _)| g.as_slice_mut()) {
        Some(g) => g.chunks_mut(per_task).map(Some).collect(),
        None => (0..tasks).map(|_| None).collect(),
    };
    let mut pers: Vec<Option<&mut [A]>> = match per_elem.and_then(|p| p.as_slice_mut()) {
        Some(p) => p.chunks_mut(per_task).map(Some).collect(),
        None => (0..tasks).map(|_| None).collect(),
    };
    let isa = Isa::detect();
    let mut parts = vec![A::zero(); tasks];
    let jobs: Vec<_> = parts
        .iter_mut()
        .enumerate()
        .zip(grads.iter_mut().zip(pers.iter_mut()))
        .map(|((t, part), (g, p))| (t, part, g.take(), p.take()))
        .collect();
    parallel::run(jobs, |(t, part, grad, per_elem)| {
        let range = t * per_task..((t + 1) * per_task).min(xs.len());
        let weight = match weight {
            Weights::PerElement(w) => Weights::PerElement(&w[range.clone()]),
            other => other,
        };
        let args = BceWithLogits {
            x: &xs[range.clone()],
            y: &ys[range.clone()],
            row: if per_column { unit } else { range.len() },
            weight,
            pos_weight,
            grad,
            grad_scale,
            per_elem,
        };
        *part = bce_with_logits(isa, args);
    });
    Ok(compensated_sum(parts))
}

/// Neumaier's compensated running sum in `f64` of values of any float type.
#[derive(Clone, Copy, Default)]
pub(crate) struct Total(crate::kernels::loops::Total);

impl Total {
    pub(crate) fn add<A: Float>(&mut self, x: A) {
        self.0.add(wide(x));
    }

    pub(crate) fn value<A: Float>(self) -> A {
        A::from(self.0.value()).unwrap_or_else(A::nan)
    }
}

/// The losses of every element (times its weight) into `per_elem`, and their gradients times
/// `grad_scale` into `grad`, when asked; returns `Σ loss`.
pub(crate) fn elementwise<A: Float, D: Dimension>(
    e: &Elementwise<'_, A, D>,
    per_elem: Option<&mut ArrayRef<A, D>>,
    grad: Option<(&mut ArrayRef<A, D>, A)>,
) -> Result<A> {
    let (what, x) = e.input;
    check_same_shape("target", e.target, what, x)?;
    // Outputs that are not in C order are written through C-order buffers: the loss is then
    // summed in the same order whatever the outputs' layout, and with or without them.
    let standard =
        |a: &Option<&mut ArrayRef<A, D>>| a.as_ref().is_none_or(|a| a.is_standard_layout());
    let grad_standard = grad.as_ref().is_none_or(|(g, _)| g.is_standard_layout());
    if !standard(&per_elem) || !grad_standard {
        let mut p_buf = per_elem.as_ref().map(|_| Array::zeros(x.raw_dim()));
        let mut g_buf = grad.as_ref().map(|(_, s)| (Array::zeros(x.raw_dim()), *s));
        let total = elementwise(
            e,
            p_buf.as_deref_mut(),
            g_buf.as_mut().map(|(b, s)| (&mut **b, *s)),
        )?;
        if let (Some(p), Some(b)) = (per_elem, &p_buf) {
            p.assign(b);
        }
        if let (Some((g, _)), Some((b, _))) = (grad, &g_buf) {
            g.assign(b);
        }
        return Ok(total);
    }
    let (per_elem, grad) = match bce_kernel(e, per_elem, grad) {
        Ok(total) => return Ok(total),
        Err(unused) => unused,
    };
    let shape = IxDyn(x.shape());
    let one = ndarray::arr0(A::one()).into_dyn();
    let ones = one
        .broadcast(shape.clone())
        .ok_or_else(|| Error::shape("ones", &[], what, x.shape()))?;
    let w = e.weight.clone().unwrap_or_else(|| ones.clone());
    let pw = e.pos_weight.clone().unwrap_or_else(|| ones.clone());
    let mut total = Total::default();
    let (f, param) = (e.f, e.param);
    let mut step = |xi: A, yi: A, wi: A, pwi: A| {
        let (l, d) = f(xi, yi, pwi, param);
        let l = crate::kernels::ops::mul0(wi, l);
        total.add(l);
        (l, wi * d)
    };
    // In logical (C) order, whatever the layouts, so that the sum does not depend on them.
    let inputs = x.iter().zip(e.target.iter()).zip(w.iter().zip(pw.iter()));
    let mut per_elem = per_elem.map(|p| p.iter_mut());
    let (mut grad, scale) = match grad {
        Some((g, scale)) => (Some(g.iter_mut()), scale),
        None => (None, A::zero()),
    };
    for ((&xi, &yi), (&wi, &pwi)) in inputs {
        let (l, d) = step(xi, yi, wi, pwi);
        if let Some(pe) = per_elem.as_mut().and_then(Iterator::next) {
            *pe = l;
        }
        if let Some(ge) = grad.as_mut().and_then(Iterator::next) {
            *ge = d * scale;
        }
    }
    Ok(total.value())
}
