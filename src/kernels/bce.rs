//! Binary cross-entropy with logits: loss, gradient and per-element losses in one vectorised pass.

use num_traits::{Float as _, One as _, Zero as _};

use super::dispatch::{Compute, Kernel};
use super::loops::add_first;
use super::simd::MAX_LANES;
use super::{Isa, Simd, Storage};
use crate::numeric::Total;

/// A per-element weight read from a slice: one value per element, or one per position of the
/// last axis (repeated every row).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Weights<'a, E> {
    None,
    PerElement(&'a [E]),
    PerColumn(&'a [E]),
}

/// The arguments of [`bce_with_logits`].
pub(crate) struct BceWithLogits<'a, S: Storage> {
    /// Logits and targets, C order.
    pub x: &'a [S],
    pub y: &'a [S],
    /// Length of the last axis: rows of this length share `PerColumn` weights and `pos_weight`.
    pub row: usize,
    pub weight: Weights<'a, S>,
    /// One per position of the last axis.
    pub pos_weight: Option<&'a [S]>,
    /// Gradient of `grad_scale · Σ loss`, if wanted.
    pub grad: Option<&'a mut [S]>,
    pub grad_scale: S::Compute,
    /// Each element's weighted loss, if wanted.
    pub per_elem: Option<&'a mut [S]>,
}

/// Element loss `(1 − y)x + l·ln(1 + e⁻ˣ)`, `l = 1 + (pw − 1)y`, as `c·|x| + l·ln(1 + e^−|x|)`
/// with `c = 1 − y` for `x ≥ 0` and `pw·y` below (the same arrangement as the scalar path), and
/// its gradient `l·σ(x) − pw·y`.
#[inline(always)]
fn element<V: Simd>(x: V, y: V, pw: V) -> (V, V) {
    let one = V::splat(V::E::one());
    let a = x.abs();
    let e = V::splat(V::E::zero()).sub(a).exp();
    let lw = pw.sub(one).mul_add(y, one);
    let c = x.select_sign(one.sub(y), pw.mul(y));
    let loss = c.zero_or(c.mul(a)).add(lw.zero_or(lw.mul(e.ln_1p_unit())));
    let s = one.div(one.add(e));
    let sigma = x.select_sign(s, e.mul(s));
    (
        loss,
        lw.mul_add(sigma, V::splat(V::E::zero()).sub(pw.mul(y))),
    )
}

impl<S: Storage> Kernel for BceWithLogits<'_, S> {
    type S = S;
    type Output = Total;
    #[inline(always)]
    fn run<V: Simd<E = Compute<Self>>>(mut self) -> Self::Output {
        let w = V::LANES;
        let one = V::splat(V::E::one());
        let scale = V::splat(self.grad_scale);
        let mut total = Total::default();
        let mut acc = V::splat(V::E::zero());
        // The block's losses, kept in case their vector sum overflows.
        let mut block = [V::E::zero(); BLOCK * MAX_LANES];
        let mut pending = 0;
        let rows = self.x.len() / self.row;
        for r in 0..rows {
            let mut i = 0;
            while i < self.row {
                let n = w.min(self.row - i);
                let at = r * self.row + i;
                let zero = V::E::zero();
                let x = V::read_n(self.x, at, n, zero);
                let y = V::read_n(self.y, at, n, zero);
                // A `match`, not `map_or`, whose closure was compiled apart from the kernel's
                // instruction set and called once per vector.
                let pw = match self.pos_weight {
                    Some(p) => V::read_n(p, i, n, zero),
                    None => one,
                };
                let (mut loss, mut grad) = element(x, y, pw);
                match self.weight {
                    Weights::None => {}
                    Weights::PerElement(ws) => {
                        let wv = V::read_n(ws, at, n, zero);
                        loss = wv.zero_or(wv.mul(loss));
                        grad = wv.mul(grad);
                    }
                    Weights::PerColumn(ws) => {
                        let wv = V::read_n(ws, i, n, zero);
                        loss = wv.zero_or(wv.mul(loss));
                        grad = wv.mul(grad);
                    }
                }
                if let Some(g) = self.grad.as_deref_mut() {
                    grad.mul(scale).write_n(g, at, n);
                }
                if let Some(p) = self.per_elem.as_deref_mut() {
                    loss.write_n(p, at, n);
                }
                // Only the first `n` lanes are elements.
                if n < w {
                    loss = add_first(V::splat(zero), loss, n);
                }
                loss.store(&mut block[pending * w..]);
                acc = acc.add(loss);
                pending += 1;
                if pending == BLOCK {
                    flush(&mut total, acc, &block[..pending * w]);
                    acc = V::splat(V::E::zero());
                    pending = 0;
                }
                i += n;
            }
        }
        flush(&mut total, acc, &block[..pending * w]);
        total
    }
}

/// Loss vectors summed in the element type before a block's total goes to `f64`.
const BLOCK: usize = 16;

/// Adds a block's vector sum `acc` to `total`, or, where it overflowed (element losses near the
/// type's range, whose sum in `f64` may be in range), the block's losses one by one in `f64`.
#[inline(always)]
fn flush<V: Simd>(total: &mut Total, acc: V, block: &[V::E]) {
    let part = acc.reduce_add();
    if part.is_finite() {
        total.add(part);
    } else {
        for &v in block {
            total.add(v);
        }
    }
}

/// Binary cross-entropy with logits over contiguous slices: returns `Σ loss` and writes the
/// gradient and per-element losses where asked.
pub(crate) fn bce_with_logits<S: Storage>(isa: Isa, args: BceWithLogits<'_, S>) -> Total {
    let n = args.x.len();
    assert!(args.row > 0 && n.is_multiple_of(args.row) && args.y.len() == n);
    assert!(args.pos_weight.is_none_or(|p| p.len() == args.row));
    assert!(match args.weight {
        Weights::None => true,
        Weights::PerElement(w) => w.len() == n,
        Weights::PerColumn(w) => w.len() == args.row,
    });
    assert!(args.grad.as_ref().is_none_or(|g| g.len() == n));
    assert!(args.per_elem.as_ref().is_none_or(|p| p.len() == n));
    isa.run(args)
}
