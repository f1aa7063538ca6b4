//! What both cross-entropies give per token besides the loss ([`TokenOutputs`], [`TokenStats`]),
//! and the options built on those statistics: the z-loss, the entropy bonus and logit
//! soft-capping. The lane statistics and gradient terms are `kernels::token`'s; this module
//! turns them into losses, gradients and arrays.

use ndarray::{Array, ArrayD, Dimension, IxDyn};

use crate::Float;
use crate::edge::Edge;
use crate::kernels::token::Needs;
use crate::kernels::{Isa, token};
use crate::numeric::{narrow, product_or_zero, weighted, wide};

/// Which per-token outputs a pass returns besides its loss: nothing is computed that is not
/// asked for. All off by default; [`TokenOutputs::ALL`] asks for everything.
///
/// ```
/// use logits::TokenOutputs;
/// let want = TokenOutputs { entropy: true, rank: true, ..TokenOutputs::default() };
/// assert!(!want.logsumexp);
/// assert_eq!(TokenOutputs::ALL.entropy, true);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "one independent switch per output, as a caller names them"
)]
pub struct TokenOutputs {
    /// `log pᵧ`, the target's log-probability under `softmax(x / T)` (0 for an ignored sample).
    pub target_log_prob: bool,
    /// `logsumexp(x / T)`.
    pub logsumexp: bool,
    /// `H = −Σ p log p` of `softmax(x / T)`, in `[0, ln C]`.
    pub entropy: bool,
    /// The first index of the largest logit.
    pub argmax: bool,
    /// How many classes have a logit greater than the target's: 0 when the target is the argmax
    /// (ties go the target's way), so the top-k accuracy is the share of ranks below `k`
    /// (`usize::MAX` for an ignored sample, never below any `k`).
    pub rank: bool,
}

impl TokenOutputs {
    /// Every output.
    pub const ALL: Self = Self {
        target_log_prob: true,
        logsumexp: true,
        entropy: true,
        argmax: true,
        rank: true,
    };

    /// Whether any output is asked for.
    pub(crate) fn any(self) -> bool {
        self != Self::default()
    }

    /// Whether an output needs a class-index target.
    pub(crate) fn need_classes(self) -> bool {
        self.target_log_prob || self.rank
    }
}

/// The per-token outputs of a pass: one value per sample (the logits' shape without the class
/// axis), each present where [`TokenOutputs`] asked for it.
///
/// Edge cases, never NaN where the row has no NaN: a fully masked row (every logit −inf) has
/// `logsumexp` −inf, entropy 0, argmax 0 and a target log-probability of −inf; a row with
/// `k` logits at +inf has `logsumexp` +inf, entropy `ln k`, the first of them as argmax, and a
/// target log-probability of `−ln k` at one of them (−inf elsewhere). A row holding NaN gives NaN
/// (its argmax is the first NaN).
#[derive(Clone, Debug, PartialEq)]
pub struct TokenStats<A, D: Dimension> {
    /// [`TokenOutputs::target_log_prob`].
    pub target_log_prob: Option<Array<A, D>>,
    /// [`TokenOutputs::logsumexp`].
    pub logsumexp: Option<Array<A, D>>,
    /// [`TokenOutputs::entropy`].
    pub entropy: Option<Array<A, D>>,
    /// [`TokenOutputs::argmax`].
    pub argmax: Option<Array<usize, D>>,
    /// [`TokenOutputs::rank`].
    pub rank: Option<Array<usize, D>>,
}

/// The outputs asked for, one slot per sample, filled as the lanes go.
#[derive(Clone, Debug, Default)]
pub(crate) struct Collect<A> {
    log_prob: Option<Vec<A>>,
    lse: Option<Vec<A>>,
    entropy: Option<Vec<A>>,
    argmax: Option<Vec<usize>>,
    rank: Option<Vec<usize>>,
}

impl<A: Float> Collect<A> {
    /// Room for `n` samples' outputs of `want`.
    pub(crate) fn new(want: TokenOutputs, n: usize) -> Self {
        let v = |on: bool| on.then(|| vec![A::zero(); n]);
        let u = |on: bool| on.then(|| vec![0; n]);
        Self {
            log_prob: v(want.target_log_prob),
            lse: v(want.logsumexp),
            entropy: v(want.entropy),
            argmax: u(want.argmax),
            rank: u(want.rank),
        }
    }

    /// What is asked for.
    pub(crate) fn want(&self) -> TokenOutputs {
        TokenOutputs {
            target_log_prob: self.log_prob.is_some(),
            logsumexp: self.lse.is_some(),
            entropy: self.entropy.is_some(),
            argmax: self.argmax.is_some(),
            rank: self.rank.is_some(),
        }
    }

    /// Sample `n`'s outputs from its lane's statistics.
    pub(crate) fn set(&mut self, n: usize, t: &token::Token<A>) {
        let put = |v: &mut Option<Vec<A>>, x: A| {
            if let Some(v) = v {
                v[n] = x;
            }
        };
        put(&mut self.log_prob, t.log_prob);
        put(&mut self.lse, t.lse);
        put(&mut self.entropy, t.entropy);
        if let Some(v) = &mut self.argmax {
            v[n] = t.argmax;
        }
        if let Some(v) = &mut self.rank {
            v[n] = t.rank;
        }
    }

    /// Every sample's outputs, sample `n` from `tokens[n]`.
    pub(crate) fn set_all(&mut self, tokens: &[token::Token<A>]) {
        for (n, t) in tokens.iter().enumerate() {
            self.set(n, t);
        }
    }

    /// The outputs as arrays of the samples' `shape`.
    pub(crate) fn into_stats<D: Dimension>(self, shape: &[usize]) -> TokenStats<A, D> {
        fn array<T, D: Dimension>(shape: &[usize], v: Option<Vec<T>>) -> Option<Array<T, D>> {
            let a = ArrayD::from_shape_vec(IxDyn(shape), v?)
                .unwrap_or_else(|_| unreachable!("one output per sample"));
            Some(
                a.into_dimensionality::<D>()
                    .unwrap_or_else(|_| unreachable!("the samples' shape has D's rank")),
            )
        }
        TokenStats {
            target_log_prob: array(shape, self.log_prob),
            logsumexp: array(shape, self.lse),
            entropy: array(shape, self.entropy),
            argmax: array(shape, self.argmax),
            rank: array(shape, self.rank),
        }
    }
}

/// The losses built on the per-token statistics: `ζ · logsumexp²` and `−β · H` per counted
/// sample, each times the sample's weight.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Extras<A> {
    /// `ζ ≥ 0`.
    pub z_loss: A,
    /// `β ≥ 0`.
    pub bonus: A,
}

/// A counted sample: its class target (none for probability targets) and weight.
pub(crate) type Sample<A> = (Option<usize>, A);

impl<A: Float> Extras<A> {
    /// Whether either loss is on (a coefficient of 0 computes nothing: the old bits).
    pub(crate) fn on(self) -> bool {
        self.z_loss > A::zero() || self.bonus > A::zero()
    }

    /// The statistics a lane needs for the outputs `want` and these options: `Σ exp(z) z` for
    /// the entropy or the bonus.
    pub(crate) fn needs(self, want: TokenOutputs) -> Needs {
        Needs {
            ez: want.entropy || self.bonus > A::zero(),
            rank: want.rank,
            argmax: want.argmax,
        }
    }

    /// The statistics (`needs`) of the lane `x` at `1 / inv_t`; for a counted `sample`, the loss that the
    /// z-loss and the bonus add to its own, and with `grad` (holding the lane's gradient so far
    /// and `scale`, the reduction's factor `1 / divisor`) their gradient added to it.
    pub(crate) fn lane(
        self,
        isa: Isa,
        x: &[A],
        inv_t: A,
        sample: Option<Sample<A>>,
        grad: Option<(&mut [A], A)>,
        needs: Needs,
    ) -> (A, token::Token<A>) {
        let target = sample.and_then(|(y, _)| y);
        let tk = token::lane(isa, x, inv_t, target, needs);
        let Some((_, w)) = sample else {
            return (A::zero(), tk);
        };
        if let Some((g, scale)) = grad {
            self.add_gradient(isa, x, g, &tk, inv_t, weighted(w, scale));
        }
        (self.loss(&tk, w), tk)
    }

    /// What the z-loss and the bonus add to the loss of a sample of weight `w` whose row's
    /// statistics are `tk`.
    pub(crate) fn loss(self, tk: &token::Token<A>, w: A) -> A {
        if !self.on() {
            return A::zero();
        }
        let mut add = A::zero();
        if self.z_loss > A::zero() {
            // No mass: nothing to pull towards 0.
            if tk.edge != Some(Edge::NoMass) {
                add += self.z_loss * tk.lse * tk.lse;
            }
        }
        if self.bonus > A::zero() {
            add -= self.bonus * tk.entropy;
        }
        weighted(w, add)
    }

    /// Adds the gradient of the z-loss and the bonus, times `f` (the sample's weight times the
    /// reduction's factor), to `g`, the gradient of the lane `x` (or of a part of a row, `tk`
    /// being the whole row's statistics).
    pub(crate) fn add_gradient(
        self,
        isa: Isa,
        x: &[A],
        g: &mut [A],
        tk: &token::Token<A>,
        inv_t: A,
        f: A,
    ) {
        let scale = f;
        let f = weighted(f, inv_t);
        if !self.on() || f == A::zero() {
            return;
        }
        match tk.edge {
            None => {
                let (two, b) = (A::one() + A::one(), self.bonus);
                let alpha = f * (two * self.z_loss * tk.lse + b * (tk.entropy - tk.ln_s));
                let gamma = f * b;
                if alpha.is_finite() && gamma.is_finite() {
                    token::add_terms(isa, x, g, *tk, inv_t, (alpha, gamma));
                } else {
                    self.careful(x, g, tk, inv_t, scale);
                }
            }
            // The z-loss pulls the +inf logits with an infinite force, and none other (the
            // bonus's gradient is 0 on a stand-in: uniform over the +inf logits).
            Some(Edge::Infinite) if self.z_loss > A::zero() => {
                for (gj, &xj) in g.iter_mut().zip(x) {
                    if xj == A::infinity() {
                        *gj += A::infinity();
                    }
                }
            }
            // NaN lanes' gradients are NaN already; lanes without mass add nothing.
            Some(_) => {}
        }
    }
}

impl<A: Float> Extras<A> {
    /// [`add_gradient`](Self::add_gradient) where its coefficients overflow (a tiny temperature
    /// with large weights): each term `p (2ζ lse + β (z − ln s + H))` in `f64`, then times the
    /// sample's factor `scale` and `1 / T`, a term of 0 adding 0.
    fn careful(self, x: &[A], g: &mut [A], tk: &token::Token<A>, inv_t: A, scale: A) {
        let (lse, ln_s, h) = (wide(tk.lse), wide(tk.ln_s), wide(tk.entropy));
        let (zeta, beta) = (wide(self.z_loss), wide(self.bonus));
        for (gj, &xj) in g.iter_mut().zip(x) {
            let z = wide(token::z(xj, tk.max, inv_t));
            let p = (z - ln_s).exp();
            if p == 0.0 {
                continue;
            }
            let term = p * (2.0 * zeta * lse + beta * (z - ln_s + h));
            let v = product_or_zero(product_or_zero(term, wide(scale)), wide(inv_t));
            *gj += narrow::<A>(v);
        }
    }
}

/// A row's statistics merged from those of its parts (chunks of a vocabulary) as they come:
/// `Σ exp(z)` and `Σ exp(z) z` moved to the largest maximum, the first argmax, and the edge.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Merged<A> {
    max: A,
    sum: A,
    ez: A,
    argmax: usize,
    edge: Option<Edge>,
}

impl<A: Float> Merged<A> {
    pub(crate) fn new() -> Self {
        Self {
            max: A::neg_infinity(),
            sum: A::zero(),
            ez: A::zero(),
            argmax: 0,
            edge: Some(Edge::NoMass),
        }
    }

    /// Adds the part at `offset` whose statistics at `1 / inv_t` are `tk`: after a NaN nothing
    /// counts, and after a +inf only other +inf (each part's stand-in sums count them).
    pub(crate) fn push(&mut self, tk: &token::Token<A>, offset: usize, inv_t: A) {
        let rank = |e: Option<Edge>| match e {
            Some(Edge::Nan) => 3,
            Some(Edge::Infinite) => 2,
            None => 1,
            Some(Edge::NoMass) => 0,
        };
        let (mine, theirs) = (rank(self.edge), rank(tk.edge));
        if theirs == 0 || theirs < mine || (mine == 3) {
            return;
        }
        if theirs > mine {
            *self = Self {
                max: tk.max,
                sum: tk.sum,
                ez: tk.ez,
                argmax: offset + tk.argmax,
                edge: tk.edge,
            };
            return;
        }
        // Same kind: finite maxima, or stand-ins (maximum 0).
        let (seen, part) = ((self.max, self.sum, self.ez), (tk.max, tk.sum, tk.ez));
        let (hi, lo) = if tk.max > self.max {
            self.argmax = offset + tk.argmax;
            (part, seen)
        } else {
            (seen, part)
        };
        // The smaller part's z all move by δ ≤ 0: exp(z + δ) = f exp(z).
        let delta = token::z(lo.0, hi.0, inv_t);
        let f = delta.exp();
        self.max = hi.0;
        self.sum = hi.1 + f * lo.1;
        self.ez = hi.2 + weighted(f, lo.2 + weighted(lo.1, delta));
    }

    /// The row's statistics: `ln s` and the maximum from the engine's merged statistics
    /// (`ln_s`, exact where `s < 2`), the target's logit `x_y` if counted, the rank not yet
    /// known.
    pub(crate) fn token(&self, ln_s: A, inv_t: A, x_y: Option<A>) -> token::Token<A> {
        let zero = A::zero();
        let mut tk = token::Token {
            max: self.max,
            sum: self.sum,
            ez: self.ez,
            argmax: self.argmax,
            edge: self.edge,
            rank: if x_y.is_some() { 0 } else { usize::MAX },
            ..token::Token::empty()
        };
        match self.edge {
            Some(Edge::Nan) => {
                let nan = A::nan();
                (tk.lse, tk.ln_s, tk.entropy) = (nan, nan, nan);
                tk.log_prob = x_y.map_or(zero, |_| nan);
            }
            Some(Edge::NoMass) => {
                (tk.lse, tk.ln_s) = (A::neg_infinity(), A::neg_infinity());
                tk.log_prob = x_y.map_or(zero, |_| A::neg_infinity());
            }
            Some(Edge::Infinite) => {
                tk.lse = A::infinity();
                tk.ln_s = ln_s;
                tk.entropy = ln_s - self.ez / self.sum;
                tk.log_prob = x_y.map_or(zero, |x| {
                    if x == A::infinity() {
                        -ln_s
                    } else {
                        A::neg_infinity()
                    }
                });
            }
            None => {
                tk.lse = self.max * inv_t + ln_s;
                tk.ln_s = ln_s;
                tk.entropy = ln_s - self.ez / self.sum;
                tk.log_prob = x_y.map_or(zero, |x| token::z(x, self.max, inv_t) - ln_s);
            }
        }
        tk
    }
}

/// `(c · tanh(x / c), d(c · tanh(x / c))/dx)`: Gemma 2's soft cap at `c`, with its derivative
/// `1 − tanh²` as `(1 − t)(1 + t)`. A logit that is not finite passes unchanged (a masked −inf
/// stays masked), with derivative 0.
pub(crate) fn cap<A: Float>(x: A, c: A) -> (A, A) {
    if !x.is_finite() {
        return (x, A::zero());
    }
    let t = (x / c).tanh();
    let one = A::one();
    (c * t, (one - t) * (one + t))
}
