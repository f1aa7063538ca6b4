//! The crate's error type.

use std::fmt;

/// What went wrong, and where.
///
/// Every fallible function of this crate returns [`Result`]. Bad data or configuration is never a
/// panic: a training loop can print the error and go on. Each variant carries the numbers needed to
/// find the offending input.
///
/// ```
/// use ndarray::{array, Array2, Axis};
///
/// let x = array![[1.0_f32, 2.0, 3.0]];
/// let mut out = Array2::<f32>::zeros((1, 2));
/// let err = logits::softmax_into(&x, &mut out, Axis(1)).unwrap_err();
/// assert!(matches!(err, logits::Error::ShapeMismatch { .. }));
/// assert_eq!(
///     err.to_string(),
///     "shape mismatch: `out` has shape [1, 2] but `x` has shape [1, 3]",
/// );
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// Two arrays that must have the same shape (or one must broadcast to the other) do not.
    ShapeMismatch {
        /// The argument whose shape is wrong.
        what: &'static str,
        /// Its shape.
        found: Vec<usize>,
        /// The argument it must agree with.
        against: &'static str,
        /// That argument's shape.
        expected: Vec<usize>,
    },
    /// A temperature that is not finite and positive, or whose reciprocal overflows.
    InvalidTemperature {
        /// The temperature given, widened to `f64`.
        value: f64,
    },
}

impl Error {
    pub(crate) fn shape(
        what: &'static str,
        found: &[usize],
        against: &'static str,
        expected: &[usize],
    ) -> Self {
        Self::ShapeMismatch {
            what,
            found: found.to_vec(),
            against,
            expected: expected.to_vec(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ShapeMismatch {
                what,
                found,
                against,
                expected,
            } => write!(
                f,
                "shape mismatch: `{what}` has shape {found:?} but `{against}` has shape {expected:?}"
            ),
            Self::InvalidTemperature { value } => write!(
                f,
                "invalid temperature {value}: it must be finite and > 0, with a finite reciprocal"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
