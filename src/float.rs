//! [`Float`]: the element types the crate is generic over.

use ndarray::NdFloat;

use crate::kernels::Elem;

/// `f32` or `f64`: the element types every function of this crate accepts.
///
/// The trait is sealed (its supertrait `Elem` cannot be named outside the crate): each type
/// routes to its own SIMD kernels, so new kernel hooks are never breaking changes.
///
/// ```
/// fn total_probability<A: logits::Float>(x: &ndarray::Array1<A>) -> A {
///     logits::softmax(x, ndarray::Axis(0)).sum()
/// }
/// assert!((total_probability(&ndarray::array![1.0_f32, 2.0]) - 1.0).abs() < 1e-6);
/// assert!((total_probability(&ndarray::array![1.0_f64, 2.0]) - 1.0).abs() < 1e-15);
/// ```
pub trait Float: NdFloat + Elem {}

impl Float for f32 {}
impl Float for f64 {}
