//! The only module with `unsafe`: the SIMD kernels, one file per op, and their run-time dispatch.
//!
//! - Ops (each exports its entry points, which take an [`Isa`] and contiguous slices):
//!   [`softmax`] (softmax and log-softmax), [`logsumexp`], [`cross_entropy`] (the engine of both
//!   cross-entropies), [`vjp`] (the softmax family's vector–Jacobian products), [`sigmoid`],
//!   [`bce`] (binary cross-entropy with logits), [`token`] (per-token statistics of a lane and the
//!   gradient terms of the losses built on them). Each holds its lane, column-panel and short-row
//!   variants and its choice among them.
//! - Toolkits beneath them, which import no op: `loops` (folds, sums and maps over slices),
//!   `stats` (a lane's maximum, sum and `ln` of the sum), `columns` (column strips and panels,
//!   the short-row threshold).
//! - The machinery: `dispatch` ([`Isa`], detected once, and the [`Kernel`](dispatch::Kernel)
//!   trait every op implements once, generic over the vector type), `simd` (the `Simd` trait and
//!   the vectorised `exp`), `elem` (compute and storage elements), `scalar` and `x86` (the vector
//!   types, one file per instruction set).
//!
//! ARCHITECTURE.md at the root of the repository walks through them.

#![expect(
    clippy::inline_always,
    reason = "kernels must inline into the `#[target_feature]` entry point to be compiled for its ISA"
)]

pub(crate) mod bce;
pub(crate) mod cap;
pub(crate) mod cross_entropy;
pub(crate) mod logsumexp;
pub(crate) mod sample;
pub(crate) mod sigmoid;
pub(crate) mod softmax;
pub(crate) mod token;
pub(crate) mod vjp;

mod columns;
mod dispatch;
mod elem;
mod loops;
mod scalar;
mod simd;
mod stats;
#[cfg(target_arch = "x86_64")]
mod x86;

pub(crate) use columns::{Columns, LONG_COLUMN};
pub(crate) use dispatch::Isa;
use simd::Simd;
pub use simd::{Elem, Storage};

/// How the lanes of a contiguous buffer lie, as the ops' entry points take them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lanes {
    /// Consecutive rows of this many elements, one lane each.
    Rows(usize),
    /// One row-major block whose columns are the lanes (strided: some of a wider block's).
    Columns(Columns),
}

impl Lanes {
    /// Whether a buffer of `n` elements holds whole lanes of this layout.
    pub(crate) fn fits(self, n: usize) -> bool {
        match self {
            Lanes::Rows(len) => len > 0 && n.is_multiple_of(len),
            Lanes::Columns(c) => c.blocks(n).is_some(),
        }
    }

    /// The number of lanes in a buffer of `n` elements.
    pub(crate) fn count(self, n: usize) -> usize {
        match self {
            Lanes::Rows(len) => n / len,
            Lanes::Columns(c) => c.blocks(n).unwrap_or(0) * c.width,
        }
    }
}

#[cfg(test)]
mod tests;
