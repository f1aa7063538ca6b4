//! The targets of a categorical loss: class indices or probabilities, from whatever the caller
//! holds them in.

use ndarray::{Array, ArrayRef, ArrayView, ArrayViewD, Dimension};

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
