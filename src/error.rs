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
    /// A class index that is not below the number of classes (and is not the ignored index).
    LabelOutOfRange {
        /// The sample, as its position in the targets array.
        sample: Vec<usize>,
        /// The class index found.
        label: usize,
        /// Length of the class axis.
        classes: usize,
    },
    /// A label smoothing outside `[0, 1]`.
    InvalidLabelSmoothing {
        /// The smoothing given, widened to `f64`.
        value: f64,
    },
    /// A value that must be a probability lies outside `[0, 1]`.
    InvalidProbability {
        /// The argument holding it.
        what: &'static str,
        /// Its position in that argument.
        index: Vec<usize>,
        /// The value found, widened to `f64`.
        value: f64,
    },
    /// `ignore_index` was set, but the targets are probabilities, which have no class to ignore.
    IgnoreIndexWithProbabilities,
    /// An option outside its domain, or one that does not apply to this input.
    InvalidOption {
        /// The option.
        name: &'static str,
        /// The value given, widened to `f64` (NaN where the option is not a number).
        value: f64,
        /// What it must be.
        expected: &'static str,
    },
    /// A row to sample from holds NaN: it has no distribution to draw from.
    NanInRow {
        /// The row, in its batch (0 for a single row).
        row: usize,
        /// The first position of a NaN in it.
        index: usize,
    },
    /// A row to sample from has no token left to draw: every entry is −inf or masked out.
    NothingToSample {
        /// The row, in its batch (0 for a single row).
        row: usize,
    },
    /// A token id (in a logit bias or a history of tokens) that is not below the vocabulary size.
    TokenOutOfRange {
        /// The row, in its batch (0 for a single row).
        row: usize,
        /// Where the id was given: `"logit bias"` or `"history"`.
        what: &'static str,
        /// The id.
        token: usize,
        /// The vocabulary size, the length of the row.
        vocab: usize,
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
            Self::LabelOutOfRange {
                sample,
                label,
                classes,
            } => write!(
                f,
                "class index {label} at targets{sample:?} is out of range for {classes} classes"
            ),
            Self::InvalidLabelSmoothing { value } => {
                write!(f, "invalid label smoothing {value}: it must lie in [0, 1]")
            }
            Self::InvalidProbability { what, index, value } => write!(
                f,
                "`{what}`{index:?} is {value}, which is not a probability in [0, 1]"
            ),
            Self::IgnoreIndexWithProbabilities => write!(
                f,
                "ignore_index was set but the targets are probabilities, which have no class to ignore"
            ),
            Self::InvalidOption {
                name,
                value,
                expected,
            } => {
                write!(f, "invalid {name} {value}: it must be {expected}")
            }
            Self::NanInRow { row, index } => write!(
                f,
                "row {row} holds NaN at index {index}: it has no distribution to sample from"
            ),
            Self::NothingToSample { row } => write!(
                f,
                "row {row} has nothing to sample: every entry is -inf or masked out"
            ),
            Self::TokenOutOfRange {
                row,
                what,
                token,
                vocab,
            } => write!(
                f,
                "token {token} in the {what} of row {row} is out of range for a vocabulary of {vocab}"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// `Result` with this crate's [`Error`] by default.
///
/// The error type is a parameter with a default, so that a glob import of the prelude does not
/// break code that names std's two-parameter `Result`:
///
/// ```
/// use logits::prelude::*;
///
/// fn main() -> Result<(), Box<dyn std::error::Error>> {
///     let p = softmax_with_temperature(&ndarray::array![1.0_f32, 2.0], ndarray::Axis(0), 0.5)?;
///     assert!(p[1] > p[0]);
///     Ok(())
/// }
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;
