//! Sampling: from a row of logits to a token, with the options language models and softmax
//! policies use, sort-free, batched and reproducible.
//!
//! A [`Sampler`] holds the options; a [`Key`] (`seed`, `position`) picks the randomness of one
//! draw; a [`Context`] carries what a row brings with it (the tokens so far, a logit bias, an
//! allowed-token mask). See [`Sampler`] for the stages and their order.

mod pipeline;
mod rng;
mod select;

use ndarray::{ArrayRef, Ix1, Ix2};

pub use pipeline::Workspace;
pub use rng::Key;

use crate::{Error, Float, Result, numeric::wide};

/// The order of the filter stages, as each ecosystem runs them.
///
/// - [`Order::HuggingFace`] (the default): temperature first, then top-k, top-p, min-p and
///   typical-p, each on the distribution at the sampling temperature (the order of Hugging Face
///   `transformers`' logits warpers).
/// - [`Order::LlamaCpp`]: top-k, typical-p, top-p, min-p on the distribution at temperature 1,
///   and the temperature last, for the draw (llama.cpp's default sampler chain).
///
/// Top-k gives the same set in both; top-p, min-p and typical-p differ unless the temperature is 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Order {
    /// Temperature first.
    #[default]
    HuggingFace,
    /// Temperature last.
    LlamaCpp,
}

/// One draw: the token and, if asked for, its log-probabilities.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Draw<A> {
    /// The index of the token drawn.
    pub token: usize,
    /// `ln p(token)` under the processed distribution the token was drawn from (after the
    /// processors, the filters and the temperature; 0 for greedy decoding); `Some` where
    /// [`Sampler::log_probs`] asked for it.
    pub log_prob: Option<A>,
    /// `ln softmax(logits)[token]` of the row as given (temperature 1, nothing applied), as
    /// reinforcement learning's importance ratios need it; `Some` where
    /// [`Sampler::raw_log_probs`] asked for it.
    pub raw_log_prob: Option<A>,
}

/// What a row brings besides its logits: the tokens so far (for the penalties), a sparse logit
/// bias and an allowed-token mask. All empty by default.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a, A> {
    /// The tokens generated so far (or the prompt and them, as the caller sees fit), each below
    /// the vocabulary size; the repetition, frequency and presence penalties count them.
    pub history: &'a [usize],
    /// `(token, bias)` pairs added to the logits (a token listed twice gets both); a bias of −inf
    /// forbids a token.
    pub logit_bias: &'a [(usize, A)],
    /// One flag per token of the vocabulary: `false` removes the token (a grammar's mask).
    pub allowed: Option<&'a [bool]>,
}

impl<A> Default for Context<'_, A> {
    fn default() -> Self {
        Self {
            history: &[],
            logit_bias: &[],
            allowed: None,
        }
    }
}

/// One row of a batch: its options, its randomness and its context.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a, A> {
    /// The row's options (rows may share one sampler or each have their own).
    pub sampler: &'a Sampler<A>,
    /// The row's randomness.
    pub key: Key,
    /// The row's context.
    pub context: Context<'a, A>,
}

/// How to turn a row of logits into a token: the options, with the defaults of plain sampling
/// (temperature 1, every filter off).
///
/// # Stages
///
/// 1. **Processors**, in this order: the allowed-token mask ([`Context::allowed`]: −inf where
///    `false`), the logit bias (added), the repetition penalty (Hugging Face's: a logit `x > 0`
///    of a token in the history becomes `x / r`, any other `x · r`), and the frequency and
///    presence penalties (OpenAI's: `x − n·f − p` for a token seen `n > 0` times).
/// 2. **Filters**, in the stage [`Order`]: top-k (the `k` largest; `k = 0` is off), top-p
///    (nucleus: the shortest run from the top whose probability reaches `p`), min-p (the tokens
///    whose probability is at least `min_p` times the largest's) and typical-p (the tokens
///    whose information `−ln p` is closest to the entropy, up to probability `typical_p`). Each
///    keeps at least `min_keep` tokens, and works on what the stages before it kept,
///    renormalised.
/// 3. **The draw**: one uniform number `u` in `[0, 1)` and a running sum of the kept tokens'
///    probabilities in index order; the first token where the sum passes `u`.
///
/// Temperature 0 is greedy decoding: the first index of the largest processed logit, with no
/// random number used (the softmax functions keep rejecting 0).
///
/// # Order and ties
///
/// The sampler's order is: larger logit first, and among equal logits the lower index first.
/// Top-k keeps exactly the `k` first in this order (Hugging Face keeps every token tied with the
/// `k`-th; llama.cpp breaks ties as its sort does). Top-p keeps the shortest prefix in this order
/// whose probability, summed in `f64` along it, reaches `p` (the token that crosses `p` is
/// kept); the sum of a group of tokens that all come first may be taken group by group, which
/// can differ from the sum along the order by a few units in the last place of `f64`, so a `p`
/// within that of a boundary may keep one token more or less. Min-p keeps `z − z_max ≥ ln
/// min_p`, with `z = x / T` as the softmax functions form it, in the element type. Typical-p
/// orders by `|−ln p − H|` with `ln p = z − ln Σ exp(z)`, rounded to the element type (so
/// logits, or closenesses, that the element type cannot tell apart tie), ties by lower index.
///
/// # Edge cases and errors
///
/// `+inf` logits share the mass equally, as in [`softmax`](crate::softmax); `−inf` ones are
/// never drawn. A row holding NaN ([`Error::NanInRow`]) or with nothing left after the mask
/// ([`Error::NothingToSample`]) is an error, as is a token id out of range in the context
/// ([`Error::TokenOutOfRange`]), an allowed mask of the wrong length, and an option out of range
/// (checked when sampling: [`Error::InvalidOption`], naming it). In a batch, each row succeeds or
/// fails on its own.
///
/// # Examples
///
/// ```
/// use logits::{Key, Sampler};
/// use ndarray::array;
///
/// let row = array![1.0_f32, 3.0, 2.5, -1.0, 0.0];
/// let sampler = Sampler::new().temperature(0.7).top_k(3).top_p(0.9).log_probs(true);
/// let draw = sampler.sample(&row, Key::new(42, 0))?;
/// assert!([1, 2].contains(&draw.token)); // top-p at 0.9 keeps tokens 1 and 2 here
/// assert!(draw.log_prob.unwrap() < 0.0);
///
/// // The same key gives the same token, alone or in any batch.
/// assert_eq!(sampler.sample(&row, Key::new(42, 0))?.token, draw.token);
///
/// // Greedy decoding.
/// assert_eq!(Sampler::greedy().sample(&row, Key::new(0, 0))?.token, 1);
/// # Ok::<(), logits::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Sampler<A> {
    temperature: A,
    top_k: usize,
    top_p: A,
    min_p: A,
    typical_p: A,
    min_keep: usize,
    repetition_penalty: A,
    frequency_penalty: A,
    presence_penalty: A,
    order: Order,
    log_probs: bool,
    raw_log_probs: bool,
}

impl<A: Float> Default for Sampler<A> {
    fn default() -> Self {
        Self::new()
    }
}

impl<A: Float> Sampler<A> {
    /// Plain sampling from `softmax(logits)`: temperature 1, every filter and penalty off, no
    /// log-probabilities.
    #[must_use]
    pub fn new() -> Self {
        Self {
            temperature: A::one(),
            top_k: 0,
            top_p: A::one(),
            min_p: A::zero(),
            typical_p: A::one(),
            min_keep: 1,
            repetition_penalty: A::one(),
            frequency_penalty: A::zero(),
            presence_penalty: A::zero(),
            order: Order::HuggingFace,
            log_probs: false,
            raw_log_probs: false,
        }
    }

    /// Greedy decoding: temperature 0, the first index of the largest logit.
    #[must_use]
    pub fn greedy() -> Self {
        Self::new().temperature(A::zero())
    }

    /// The temperature `T ≥ 0` the logits are divided by (default 1); 0 is greedy decoding.
    #[must_use]
    pub fn temperature(mut self, t: A) -> Self {
        self.temperature = t;
        self
    }

    /// Keep the `k` most likely tokens (default 0: off).
    #[must_use]
    pub fn top_k(mut self, k: usize) -> Self {
        self.top_k = k;
        self
    }

    /// Nucleus sampling: keep the shortest run of most likely tokens whose probability reaches
    /// `p ∈ (0, 1]` (default 1: off).
    #[must_use]
    pub fn top_p(mut self, p: A) -> Self {
        self.top_p = p;
        self
    }

    /// Keep the tokens whose probability is at least `min_p ∈ [0, 1]` times the largest
    /// (default 0: off).
    #[must_use]
    pub fn min_p(mut self, min_p: A) -> Self {
        self.min_p = min_p;
        self
    }

    /// Typical sampling: keep the tokens closest to the expected information, up to probability
    /// `typical_p ∈ (0, 1]` (default 1: off).
    #[must_use]
    pub fn typical_p(mut self, typical_p: A) -> Self {
        self.typical_p = typical_p;
        self
    }

    /// The fewest tokens each filter keeps (default 1; 0 counts as 1).
    #[must_use]
    pub fn min_keep(mut self, n: usize) -> Self {
        self.min_keep = n;
        self
    }

    /// Hugging Face's repetition penalty `r > 0` on the tokens of [`Context::history`]
    /// (default 1: off; above 1 discourages repeats).
    #[must_use]
    pub fn repetition_penalty(mut self, r: A) -> Self {
        self.repetition_penalty = r;
        self
    }

    /// OpenAI's frequency penalty: `n · f` subtracted from the logit of a token seen `n` times
    /// in [`Context::history`] (default 0).
    #[must_use]
    pub fn frequency_penalty(mut self, f: A) -> Self {
        self.frequency_penalty = f;
        self
    }

    /// OpenAI's presence penalty: `p` subtracted from the logit of every token seen in
    /// [`Context::history`] (default 0).
    #[must_use]
    pub fn presence_penalty(mut self, p: A) -> Self {
        self.presence_penalty = p;
        self
    }

    /// The stage order (default [`Order::HuggingFace`]).
    #[must_use]
    pub fn order(mut self, order: Order) -> Self {
        self.order = order;
        self
    }

    /// Whether each [`Draw`] carries the token's log-probability under the processed
    /// distribution (default `false`: not computed).
    #[must_use]
    pub fn log_probs(mut self, on: bool) -> Self {
        self.log_probs = on;
        self
    }

    /// Whether each [`Draw`] carries the token's log-probability under the raw logits (default
    /// `false`: not computed; one more pass over the row).
    #[must_use]
    pub fn raw_log_probs(mut self, on: bool) -> Self {
        self.raw_log_probs = on;
        self
    }

    /// Checks every option.
    fn check(&self) -> Result<()> {
        let bad = |name, value: A, expected| {
            Err(Error::InvalidOption {
                name,
                value: wide(value),
                expected,
            })
        };
        let t = self.temperature;
        if !(t >= A::zero() && t.is_finite() && (t == A::zero() || (A::one() / t).is_finite())) {
            return bad(
                "temperature",
                t,
                "finite and ≥ 0 (0 is greedy), with a finite reciprocal",
            );
        }
        if !(self.top_p > A::zero() && self.top_p <= A::one()) {
            return bad("top_p", self.top_p, "in (0, 1]");
        }
        if !(self.min_p >= A::zero() && self.min_p <= A::one()) {
            return bad("min_p", self.min_p, "in [0, 1]");
        }
        if !(self.typical_p > A::zero() && self.typical_p <= A::one()) {
            return bad("typical_p", self.typical_p, "in (0, 1]");
        }
        let r = self.repetition_penalty;
        if !(r > A::zero() && r.is_finite()) {
            return bad("repetition_penalty", r, "finite and > 0");
        }
        if !self.frequency_penalty.is_finite() {
            return bad("frequency_penalty", self.frequency_penalty, "finite");
        }
        if !self.presence_penalty.is_finite() {
            return bad("presence_penalty", self.presence_penalty, "finite");
        }
        Ok(())
    }

    /// Draws a token from `logits` (one row), with the randomness of `key`.
    ///
    /// # Errors
    ///
    /// See [`Sampler`]: NaN in the row, nothing left to draw, an option out of range.
    pub fn sample(&self, logits: &ArrayRef<A, Ix1>, key: Key) -> Result<Draw<A>> {
        self.run_row(
            &mut Workspace::new(),
            logits,
            &Context::default(),
            0,
            || key.uniform(),
        )
    }

    /// Draws a token from `logits` with a context and scratch buffers `ws`: after the first rows
    /// of a vocabulary size, this allocates nothing (for rows in contiguous memory).
    ///
    /// # Errors
    ///
    /// As [`sample`](Sampler::sample), and for a context that does not fit the row.
    pub fn sample_in(
        &self,
        ws: &mut Workspace<A>,
        logits: &ArrayRef<A, Ix1>,
        context: &Context<'_, A>,
        key: Key,
    ) -> Result<Draw<A>> {
        self.run_row(ws, logits, context, 0, || key.uniform())
    }

    /// Draws a token with any generator of `rand_core` (`rand`'s `StdRng`, `SmallRng`, …): one
    /// `u64` from `rng` per draw (none for greedy decoding).
    ///
    /// # Errors
    ///
    /// As [`sample`](Sampler::sample).
    ///
    /// ```
    /// use logits::Sampler;
    /// use rand_core::SeedableRng;
    /// let mut rng = chacha20::ChaCha8Rng::seed_from_u64(7);
    /// let draw = Sampler::new().sample_with_rng(&ndarray::array![0.0_f64, 0.0], &mut rng)?;
    /// assert!(draw.token < 2);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn sample_with_rng<R: rand_core::Rng + ?Sized>(
        &self,
        logits: &ArrayRef<A, Ix1>,
        rng: &mut R,
    ) -> Result<Draw<A>> {
        self.run_row(
            &mut Workspace::new(),
            logits,
            &Context::default(),
            0,
            || rng::unit(rng.next_u64()),
        )
    }

    /// Draws one token per row of `logits` (`[batch, vocab]`), row `i` with `keys[i]`; rows are
    /// sampled independently (in parallel with the `rayon` feature), each with the same token it
    /// would get alone.
    ///
    /// # Errors
    ///
    /// The outer `Err` if `keys` does not have one key per row ([`Error::ShapeMismatch`]); each
    /// row's own `Result` otherwise, so one bad row does not cost the others their tokens.
    pub fn sample_rows(
        &self,
        logits: &ArrayRef<A, Ix2>,
        keys: &[Key],
    ) -> Result<Vec<Result<Draw<A>>>> {
        let requests: Vec<Request<'_, A>> = keys
            .iter()
            .map(|&key| Request {
                sampler: self,
                key,
                context: Context::default(),
            })
            .collect();
        sample_batch(logits, &requests)
    }

    /// The filters alone: applies the processors and the filters to `logits` (one row) in
    /// place, writing −inf outside the kept set, and returns the kept set's size. The
    /// temperature orders the filters' distribution as in sampling but is not applied to the
    /// values; at temperature 0 only the first maximum is kept.
    ///
    /// # Errors
    ///
    /// As [`sample_in`](Sampler::sample_in); `logits` is unchanged on error.
    ///
    /// ```
    /// use logits::{Context, Sampler};
    /// let mut row = ndarray::array![1.0_f32, 3.0, 2.0, 0.0];
    /// let kept = Sampler::new().top_k(2).filter_inplace(&mut row, &Context::default())?;
    /// assert_eq!(kept, 2);
    /// assert_eq!(row, ndarray::array![f32::NEG_INFINITY, 3.0, 2.0, f32::NEG_INFINITY]);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn filter_inplace(
        &self,
        logits: &mut ArrayRef<A, Ix1>,
        context: &Context<'_, A>,
    ) -> Result<usize> {
        self.filter_row(&mut Workspace::new(), logits, context)
    }
}

/// Draws one token per row of `logits` (`[batch, vocab]`), row `i` as `requests[i]` says (its
/// own options, key and context); rows are independent (in parallel with the `rayon` feature)
/// and each gets the token it would get alone.
///
/// # Errors
///
/// The outer `Err` if there is not one request per row; each row's own `Result` otherwise.
///
/// # Examples
///
/// ```
/// use logits::{Context, Key, Request, Sampler, sample_batch};
/// let logits = ndarray::array![[0.0_f32, 5.0, 1.0], [2.0, 0.0, f32::NAN]];
/// let (greedy, hot) = (Sampler::greedy(), Sampler::new().temperature(2.0));
/// let requests = [
///     Request { sampler: &greedy, key: Key::new(1, 0), context: Context::default() },
///     Request { sampler: &hot, key: Key::new(2, 0), context: Context::default() },
/// ];
/// let draws = sample_batch(&logits, &requests)?;
/// assert_eq!(draws[0].as_ref().unwrap().token, 1);
/// assert!(draws[1].is_err()); // NaN in row 1: that row fails, row 0 does not
/// # Ok::<(), logits::Error>(())
/// ```
pub fn sample_batch<A: Float>(
    logits: &ArrayRef<A, Ix2>,
    requests: &[Request<'_, A>],
) -> Result<Vec<Result<Draw<A>>>> {
    let rows = logits.nrows();
    if requests.len() != rows {
        return Err(Error::shape(
            "requests",
            &[requests.len()],
            "logits rows",
            &[rows],
        ));
    }
    let one = |ws: &mut Workspace<A>, (i, r): (usize, &Request<'_, A>)| {
        r.sampler
            .run_row(ws, &logits.row(i), &r.context, i, || r.key.uniform())
    };
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        Ok(requests
            .par_iter()
            .enumerate()
            .map_init(Workspace::new, one)
            .collect())
    }
    #[cfg(not(feature = "rayon"))]
    {
        let mut ws = Workspace::new();
        Ok(requests
            .iter()
            .enumerate()
            .map(|ir| one(&mut ws, ir))
            .collect())
    }
}
