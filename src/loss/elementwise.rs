//! The elementwise losses' machinery: an element function applied over arrays of any shape and
//! layout, with weights, reductions and gradients ([`ElementwiseLoss`]), the vectorised path of
//! BCE with logits, and the methods every elementwise loss has ([`elementwise_methods`]).

use ndarray::{Array, ArrayRef, ArrayViewD, Dimension, IxDyn};

use super::Reduction;
use crate::Float;
use crate::error::{Error, Result};
use crate::kernels::Isa;
use crate::kernels::bce::{BceWithLogits, Weights, bce_with_logits};
use crate::numeric::{Total, count, mean, reciprocal, weighted};
use crate::{parallel, validate};

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
    Total,
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
        return Ok(Total::default());
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
    let mut parts = vec![Total::default(); tasks];
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
    Ok(parts.into_iter().fold(Total::default(), |mut sum, part| {
        sum.merge(part);
        sum
    }))
}

/// The losses of every element (times its weight) into `per_elem`, and their gradients times
/// `grad_scale` into `grad`, when asked; returns `Σ loss`.
pub(crate) fn elementwise<A: Float, D: Dimension>(
    e: &Elementwise<'_, A, D>,
    per_elem: Option<&mut ArrayRef<A, D>>,
    grad: Option<(&mut ArrayRef<A, D>, A)>,
) -> Result<Total> {
    let (what, x) = e.input;
    validate::same_shape("target", e.target, what, x)?;
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
        let l = weighted(wi, l);
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
    Ok(total)
}

/// An elementwise loss: how it reads its arguments, and its reduction.
pub(crate) trait ElementwiseLoss<A: Float> {
    /// The element function and its arguments, validated.
    fn describe<'a, D: Dimension>(
        &'a self,
        input: &'a ArrayRef<A, D>,
        target: &'a ArrayRef<A, D>,
    ) -> Result<Elementwise<'a, A, D>>;

    fn reduction(&self) -> Reduction;

    /// The denominator of [`Reduction::Mean`] for an input of this shape.
    fn mean_denominator(&self, shape: &[usize]) -> f64 {
        count(shape.iter().product())
    }

    /// `(loss, scale)`: the reduced loss from the sum (in `f64`, divided there and rounded once),
    /// and the gradient's multiplier. A mean over nothing is 0, with gradient 0.
    fn reduce(&self, total: Total, shape: &[usize]) -> (A, A) {
        match self.reduction() {
            Reduction::Sum => (total.value(), A::one()),
            Reduction::Mean => {
                let n = self.mean_denominator(shape);
                (mean(total, n), reciprocal(n))
            }
        }
    }

    fn loss_of<D: Dimension>(&self, input: &ArrayRef<A, D>, target: &ArrayRef<A, D>) -> Result<A> {
        let e = self.describe(input, target)?;
        let total = elementwise(&e, None, None)?;
        Ok(self.reduce(total, input.shape()).0)
    }

    fn loss_and_grad_into_of<D: Dimension>(
        &self,
        input: &ArrayRef<A, D>,
        target: &ArrayRef<A, D>,
        grad: &mut ArrayRef<A, D>,
    ) -> Result<A> {
        let e = self.describe(input, target)?;
        validate::same_shape("grad", grad, e.input.0, input)?;
        let (_, scale) = self.reduce(Total::default(), input.shape());
        let total = elementwise(&e, None, Some((grad, scale)))?;
        Ok(self.reduce(total, input.shape()).0)
    }

    fn per_sample_of<D: Dimension>(
        &self,
        input: &ArrayRef<A, D>,
        target: &ArrayRef<A, D>,
        grad: Option<&mut ArrayRef<A, D>>,
    ) -> Result<Array<A, D>> {
        let e = self.describe(input, target)?;
        let mut out = Array::zeros(input.raw_dim());
        elementwise(&e, Some(&mut out), grad.map(|g| (g, A::one())))?;
        Ok(out)
    }
}

/// The four public methods every elementwise loss has, delegating to [`ElementwiseLoss`].
macro_rules! elementwise_methods {
    ($input:literal, $setup:literal) => {
        /// The reduced loss.
        ///
        /// # Errors
        ///
        /// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if the target's shape differs from the input's, or a weight
        /// does not broadcast to it; the type's documentation lists its other errors.
        ///
        /// # Examples
        ///
        #[doc = concat!("```\nuse ndarray::array;\n", $setup, "\nlet total = loss.loss(&", $input, ", &target)?;\nassert!(total.is_finite() && total >= 0.0);\n# Ok::<(), logits::Error>(())\n```")]
        pub fn loss<D: Dimension>(&self, input: &ArrayRef<A, D>, target: &ArrayRef<A, D>) -> Result<A> {
            self.loss_of(input, target)
        }

        /// The reduced loss and its gradient with respect to the input, in one pass.
        ///
        /// # Errors
        ///
        /// As [`loss`](Self::loss).
        ///
        /// # Examples
        ///
        #[doc = concat!("```\nuse ndarray::array;\n", $setup, "\nlet (total, grad) = loss.loss_and_grad(&", $input, ", &target)?;\nassert_eq!(grad.shape(), target.shape());\n# Ok::<(), logits::Error>(())\n```")]
        pub fn loss_and_grad<D: Dimension>(
            &self,
            input: &ArrayRef<A, D>,
            target: &ArrayRef<A, D>,
        ) -> Result<(A, Array<A, D>)> {
            let mut grad = Array::zeros(input.raw_dim());
            let total = self.loss_and_grad_into_of(input, target, &mut grad)?;
            Ok((total, grad))
        }

        /// The reduced loss, with its gradient written into `grad` (the input's shape).
        ///
        /// # Errors
        ///
        /// As [`loss`](Self::loss), and [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `grad`'s shape is not the
        /// input's.
        ///
        /// # Examples
        ///
        #[doc = concat!("```\nuse ndarray::array;\n", $setup, "\nlet mut grad = target.clone();\nlet total = loss.loss_and_grad_into(&", $input, ", &target, &mut grad)?;\nassert_eq!(total, loss.loss(&", $input, ", &target)?);\n# Ok::<(), logits::Error>(())\n```")]
        pub fn loss_and_grad_into<D: Dimension>(
            &self,
            input: &ArrayRef<A, D>,
            target: &ArrayRef<A, D>,
            grad: &mut ArrayRef<A, D>,
        ) -> Result<A> {
            self.loss_and_grad_into_of(input, target, grad)
        }

        /// The (weighted) loss of every element, unreduced.
        ///
        /// # Errors
        ///
        /// As [`loss`](Self::loss).
        ///
        /// # Examples
        ///
        #[doc = concat!("```\nuse ndarray::array;\n", $setup, "\nlet each = loss.per_sample(&", $input, ", &target)?;\nassert_eq!(each.shape(), target.shape());\n# Ok::<(), logits::Error>(())\n```")]
        pub fn per_sample<D: Dimension>(&self, input: &ArrayRef<A, D>, target: &ArrayRef<A, D>) -> Result<Array<A, D>> {
            self.per_sample_of(input, target, None)
        }

        /// The loss of every element and its gradient (of their sum), in one pass.
        ///
        /// # Errors
        ///
        /// As [`loss`](Self::loss).
        ///
        /// # Examples
        ///
        #[doc = concat!("```\nuse ndarray::array;\n", $setup, "\nlet (each, grad) = loss.per_sample_and_grad(&", $input, ", &target)?;\nassert_eq!(each.shape(), grad.shape());\n# Ok::<(), logits::Error>(())\n```")]
        pub fn per_sample_and_grad<D: Dimension>(
            &self,
            input: &ArrayRef<A, D>,
            target: &ArrayRef<A, D>,
        ) -> Result<(Array<A, D>, Array<A, D>)> {
            let mut grad = Array::zeros(input.raw_dim());
            let each = self.per_sample_of(input, target, Some(&mut grad))?;
            Ok((each, grad))
        }

        /// How element losses are combined: the mean over all elements (the default) or the sum.
        ///
        /// # Examples
        ///
        #[doc = concat!("```\nuse ndarray::array;\n", $setup, "\nlet sum = loss.clone().reduction(logits::Reduction::Sum).loss(&", $input, ", &target)?;\nlet mean = loss.loss(&", $input, ", &target)?;\napprox::assert_relative_eq!(sum, mean * target.len() as f64, max_relative = 1e-12);\n# Ok::<(), logits::Error>(())\n```")]
        #[must_use]
        pub fn reduction(mut self, reduction: Reduction) -> Self {
            self.reduction = reduction;
            self
        }
    };
}

pub(crate) use elementwise_methods;
