//! [`LogitsExt`]: the softmax family as methods on ndarray arrays.

use ndarray::{Array, ArrayRef, Axis, Dimension, RemoveAxis};

use crate::{Float, Result};

mod private {
    /// Implemented for `ArrayRef` only; it cannot be named outside the crate, so neither can
    /// [`LogitsExt`](super::LogitsExt) be implemented there.
    pub trait Sealed {}
}

impl<A: Float, D: Dimension> private::Sealed for ArrayRef<A, D> {}

/// The softmax family as methods: `x.softmax(Axis(1))` for `logits::softmax(&x, Axis(1))`, as
/// ndarray's extension crates (ndarray-stats, ndarray-linalg) offer theirs.
///
/// The trait is implemented for `ArrayRef<A, D>`, which every owned array and view derefs to
/// (`Array`, `ArrayView`, `ArrayViewMut`, `ArcArray`, `CowArray`, of any dimension and layout),
/// so importing it is all it takes. Each method has the name of the free function it forwards to
/// and does exactly what that function does, with the same results bit for bit, the same errors
/// and the same panics; the free functions stay, and either form can be used.
///
/// Should ndarray ever gain an inherent method of the same name, that method wins a call
/// `x.softmax(axis)`; the fully qualified form `LogitsExt::softmax(&*x, axis)` (on an
/// `&ArrayRef`, `LogitsExt::softmax(x, axis)`) always calls this one. The trait is sealed: it is
/// implemented for `ArrayRef` only, so that methods can be added to it without breaking anyone.
///
/// # Examples
///
/// ```
/// use logits::LogitsExt;
/// use ndarray::{array, Axis};
///
/// let x = array![[2.0_f32, 1.0, 0.1], [1000.0, 2000.0, 3000.0]];
/// let p = x.softmax(Axis(1));
/// assert_eq!(p, logits::softmax(&x, Axis(1)));
/// assert_eq!(p.row(1), array![0.0, 0.0, 1.0]);
///
/// // Views too, of any layout: here the columns of the transpose.
/// let lse = x.t().logsumexp(Axis(0));
/// assert_eq!(lse[1], 3000.0);
///
/// let (top, classes) = x.softmax_with_temperature(Axis(1), 2.0)?.top_k(1, Axis(1));
/// assert_eq!(classes, array![[0], [2]]);
/// assert!(top[[0, 0]] > 0.4);
/// # Ok::<(), logits::Error>(())
/// ```
pub trait LogitsExt<A: Float, D: Dimension>: private::Sealed {
    /// The method form of [`softmax`](crate::softmax): the softmax of `self` along `axis`, a
    /// fresh array of `self`'s shape.
    ///
    /// # Panics
    ///
    /// If `axis` is out of bounds.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LogitsExt;
    /// use ndarray::{array, Axis};
    /// let p = array![[0.0_f64, 0.0], [0.0, f64::NEG_INFINITY]].softmax(Axis(1));
    /// assert_eq!(p, array![[0.5, 0.5], [1.0, 0.0]]);
    /// ```
    #[must_use = "allocates a new array; see `softmax_inplace`"]
    fn softmax(&self, axis: Axis) -> Array<A, D>;

    /// The method form of [`log_softmax`](crate::log_softmax): the log-softmax of `self` along
    /// `axis`, computed without forming the softmax.
    ///
    /// # Panics
    ///
    /// If `axis` is out of bounds.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LogitsExt;
    /// use ndarray::{array, Axis};
    /// let lp = array![[1000.0_f64, 2000.0, 3000.0]].log_softmax(Axis(1));
    /// assert_eq!(lp, array![[-2000.0, -1000.0, 0.0]]);
    /// ```
    #[must_use = "allocates a new array; see `log_softmax_inplace`"]
    fn log_softmax(&self, axis: Axis) -> Array<A, D>;

    /// The method form of [`logsumexp`](crate::logsumexp): `ln Σ exp` of `self` along `axis`,
    /// without overflow, one value per lane (`axis` removed from the shape).
    ///
    /// # Panics
    ///
    /// If `axis` is out of bounds.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LogitsExt;
    /// use ndarray::{array, Axis};
    /// let lse = array![[1e300_f64, 1e300], [0.0, f64::NEG_INFINITY]].logsumexp(Axis(1));
    /// assert_eq!(lse, array![1e300, 0.0]);
    /// ```
    #[must_use]
    fn logsumexp(&self, axis: Axis) -> Array<A, D::Smaller>
    where
        D: RemoveAxis;

    /// The method form of [`softmax_with_temperature`](crate::softmax_with_temperature): the
    /// softmax of `self / t` along `axis`, without a scaled copy.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidTemperature`](crate::Error::InvalidTemperature) unless `t` is finite,
    /// positive and has a finite reciprocal.
    ///
    /// # Panics
    ///
    /// If `axis` is out of bounds.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LogitsExt;
    /// use ndarray::{array, Axis};
    /// let x = array![2.0_f32, 1.0, 0.1];
    /// assert!(x.softmax_with_temperature(Axis(0), 0.1)?[0] > 0.9999);
    /// assert!(x.softmax_with_temperature(Axis(0), 0.0).is_err());
    /// # Ok::<(), logits::Error>(())
    /// ```
    fn softmax_with_temperature(&self, axis: Axis, t: A) -> Result<Array<A, D>>;

    /// The method form of [`log_softmax_with_temperature`](crate::log_softmax_with_temperature):
    /// the log-softmax of `self / t` along `axis`, without a scaled copy.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidTemperature`](crate::Error::InvalidTemperature) unless `t` is finite,
    /// positive and has a finite reciprocal.
    ///
    /// # Panics
    ///
    /// If `axis` is out of bounds.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LogitsExt;
    /// use ndarray::{array, Axis};
    /// let wide = array![3e38_f32, -3e38];
    /// assert_eq!(wide.log_softmax_with_temperature(Axis(0), 4.0)?, array![0.0, -1.5e38]);
    /// assert!(wide.log_softmax_with_temperature(Axis(0), f32::NAN).is_err());
    /// # Ok::<(), logits::Error>(())
    /// ```
    fn log_softmax_with_temperature(&self, axis: Axis, t: A) -> Result<Array<A, D>>;

    /// The method form of [`masked_softmax`](crate::masked_softmax): the softmax of `self` along
    /// `axis` over the entries where `mask` (of `self`'s shape, or one that broadcasts to it) is
    /// `true`; the others get 0, and a fully masked lane gives 0s.
    ///
    /// # Errors
    ///
    /// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `mask` does not broadcast to
    /// `self`'s shape.
    ///
    /// # Panics
    ///
    /// If `axis` is out of bounds.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LogitsExt;
    /// use ndarray::{array, Axis};
    /// let scores = array![[1.0_f32, 1.0, 9.0], [4.0, 5.0, 6.0]];
    /// let p = scores.masked_softmax(&array![true, true, false], Axis(1))?; // broadcast to rows
    /// assert_eq!(p.row(0), array![0.5, 0.5, 0.0]);
    /// assert!(scores.masked_softmax(&array![true, false], Axis(1)).is_err());
    /// # Ok::<(), logits::Error>(())
    /// ```
    fn masked_softmax<E: Dimension>(
        &self,
        mask: &ArrayRef<bool, E>,
        axis: Axis,
    ) -> Result<Array<A, D>>;

    /// The method form of [`masked_log_softmax`](crate::masked_log_softmax): the log-softmax of
    /// `self` along `axis` over the entries where `mask` (broadcast as for
    /// [`masked_softmax`](LogitsExt::masked_softmax)) is `true`; the others get −inf, and a fully
    /// masked lane gives −inf throughout.
    ///
    /// # Errors
    ///
    /// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `mask` does not broadcast to
    /// `self`'s shape.
    ///
    /// # Panics
    ///
    /// If `axis` is out of bounds.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LogitsExt;
    /// use ndarray::{array, Axis};
    /// let scores = array![[0.0_f64, 0.0, 7.0]];
    /// let lp = scores.masked_log_softmax(&array![[true, true, false]], Axis(1))?;
    /// let ln2 = std::f64::consts::LN_2;
    /// assert_eq!(lp, array![[-ln2, -ln2, f64::NEG_INFINITY]]);
    /// # Ok::<(), logits::Error>(())
    /// ```
    fn masked_log_softmax<E: Dimension>(
        &self,
        mask: &ArrayRef<bool, E>,
        axis: Axis,
    ) -> Result<Array<A, D>>;

    /// The method form of [`sigmoid`](crate::sigmoid): the logistic sigmoid `1 / (1 + e⁻ˣ)` of
    /// every element, computed without overflow.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LogitsExt;
    /// use ndarray::array;
    /// let s = array![f32::NEG_INFINITY, 0.0, f32::INFINITY].sigmoid();
    /// assert_eq!(s, array![0.0, 0.5, 1.0]);
    /// ```
    #[must_use]
    fn sigmoid(&self) -> Array<A, D>;

    /// The method form of [`log_sigmoid`](crate::log_sigmoid): `ln σ(x)` of every element,
    /// exact where `σ(x).ln()` is not.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LogitsExt;
    /// use ndarray::array;
    /// let y = array![-1e4_f32, 0.0, f32::INFINITY].log_sigmoid();
    /// assert_eq!(y, array![-1e4, -std::f32::consts::LN_2, 0.0]);
    /// ```
    #[must_use]
    fn log_sigmoid(&self) -> Array<A, D>;

    /// The method form of [`top_k`](crate::top_k): the `k` largest values along `axis` and their
    /// indices, both sorted from the largest down (ties by lower index, NaN last), with `axis`
    /// shortened to `min(k, len)`.
    ///
    /// # Panics
    ///
    /// If `axis` is out of bounds.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LogitsExt;
    /// use ndarray::{array, Axis};
    /// let (values, indices) = array![[0.5_f32, 3.0, -1.0, 3.0]].top_k(2, Axis(1));
    /// assert_eq!(values, array![[3.0, 3.0]]);
    /// assert_eq!(indices, array![[1, 3]]);
    /// ```
    #[must_use = "returns the values and indices; `self` is not changed"]
    fn top_k(&self, k: usize, axis: Axis) -> (Array<A, D>, Array<usize, D>)
    where
        D: RemoveAxis;

    /// The method form of [`softmax_inplace`](crate::softmax_inplace): replaces `self` with its
    /// softmax along `axis`, allocating nothing.
    ///
    /// # Panics
    ///
    /// If `axis` is out of bounds.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LogitsExt;
    /// use ndarray::{array, Axis};
    /// let mut x = array![[0.0_f32, 0.0], [0.0, f32::NEG_INFINITY]];
    /// x.softmax_inplace(Axis(1));
    /// assert_eq!(x, array![[0.5, 0.5], [1.0, 0.0]]);
    /// ```
    fn softmax_inplace(&mut self, axis: Axis);

    /// The method form of [`log_softmax_inplace`](crate::log_softmax_inplace): replaces `self`
    /// with its log-softmax along `axis`, allocating nothing.
    ///
    /// # Panics
    ///
    /// If `axis` is out of bounds.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LogitsExt;
    /// use ndarray::{array, Axis};
    /// let mut x = array![[0.0_f64, 5.0], [0.0, 5.0]];
    /// x.column_mut(0).log_softmax_inplace(Axis(0)); // a strided view, written in place
    /// assert_eq!(x.column(0), array![-std::f64::consts::LN_2, -std::f64::consts::LN_2]);
    /// assert_eq!(x.column(1), array![5.0, 5.0]);
    /// ```
    fn log_softmax_inplace(&mut self, axis: Axis);
}

impl<A: Float, D: Dimension> LogitsExt<A, D> for ArrayRef<A, D> {
    #[track_caller]
    fn softmax(&self, axis: Axis) -> Array<A, D> {
        crate::softmax(self, axis)
    }

    #[track_caller]
    fn log_softmax(&self, axis: Axis) -> Array<A, D> {
        crate::log_softmax(self, axis)
    }

    #[track_caller]
    fn logsumexp(&self, axis: Axis) -> Array<A, D::Smaller>
    where
        D: RemoveAxis,
    {
        crate::logsumexp(self, axis)
    }

    #[track_caller]
    fn softmax_with_temperature(&self, axis: Axis, t: A) -> Result<Array<A, D>> {
        crate::softmax_with_temperature(self, axis, t)
    }

    #[track_caller]
    fn log_softmax_with_temperature(&self, axis: Axis, t: A) -> Result<Array<A, D>> {
        crate::log_softmax_with_temperature(self, axis, t)
    }

    #[track_caller]
    fn masked_softmax<E: Dimension>(
        &self,
        mask: &ArrayRef<bool, E>,
        axis: Axis,
    ) -> Result<Array<A, D>> {
        crate::masked_softmax(self, mask, axis)
    }

    #[track_caller]
    fn masked_log_softmax<E: Dimension>(
        &self,
        mask: &ArrayRef<bool, E>,
        axis: Axis,
    ) -> Result<Array<A, D>> {
        crate::masked_log_softmax(self, mask, axis)
    }

    fn sigmoid(&self) -> Array<A, D> {
        crate::sigmoid(self)
    }

    fn log_sigmoid(&self) -> Array<A, D> {
        crate::log_sigmoid(self)
    }

    #[track_caller]
    fn top_k(&self, k: usize, axis: Axis) -> (Array<A, D>, Array<usize, D>)
    where
        D: RemoveAxis,
    {
        crate::top_k(self, k, axis)
    }

    #[track_caller]
    fn softmax_inplace(&mut self, axis: Axis) {
        crate::softmax_inplace(self, axis);
    }

    #[track_caller]
    fn log_softmax_inplace(&mut self, axis: Axis) {
        crate::log_softmax_inplace(self, axis);
    }
}
