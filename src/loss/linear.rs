//! [`LinearCrossEntropy`]: a language-model head (`logits = h·wᵀ + b`) fused with cross-entropy,
//! so that the `[N, V]` logits and their gradient are never built whole.

use ndarray::linalg::general_mat_mul;
use ndarray::{
    Array1, Array2, ArrayRef1, ArrayRef2, ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2,
    Axis, Ix1, s,
};

use super::shared::{Shared, shared_setters};
use super::token::{Collect, Extras, Merged, TokenOutputs, TokenStats};
use super::{IntoTargets, Reduction, Targets};
use crate::Float;
use crate::edge::Edge;
use crate::error::{Error, Result};
use crate::kernels::cross_entropy::{
    self as kernel, Hard, IGNORED, Options, RowGradient, Streamed, Targets as RowTargets,
};
use crate::kernels::token::{self as tokens, Token};
use crate::kernels::{Isa, cap as soft_cap, cross_entropy::RowStats};
use crate::numeric::{Scaled, compensated_sum, narrow, product_or_zero, weighted, wide};
use crate::{parallel, validate};

/// Rows below which a panel of rows against the whole vocabulary is not worth its overhead (each
/// panel packs `w` twice and reads and writes the whole `dw` once): with fewer rows per panel,
/// the loss goes through the vocabulary in chunks and recomputes them instead.
const PANEL_MIN_ROWS: usize = 128;

/// Elements of the scratch copy of logits that the in-place gradient reads (stays in L2).
const SCRATCH: usize = 1 << 14;

/// Multiply-adds of one matrix product below which it is not split over threads.
#[cfg(feature = "rayon")]
const PARALLEL_WORK: usize = 1 << 22;

/// Fewest vocabulary entries one thread's share of a product may have.
#[cfg(feature = "rayon")]
const TASK_COLS: usize = 64;

/// Cross-entropy of a linear layer's output, `logits = h·wᵀ (+ bias)`, computed without ever
/// holding the `[N, V]` logits or their gradient: the fused head of a language model.
///
/// `h` holds `N` hidden states of dimension `d` (`[N, d]`), `w` the vocabulary's `V` embeddings
/// (`[V, d]`), the optional [`bias`](Self::bias) `V` values, and the targets one class index per
/// row of `h`. The loss is exactly [`CrossEntropy`](crate::CrossEntropy)'s on
/// `h.dot(&w.t()) + bias`, with the same options:
///
/// ```text
/// z = (h·wᵀ + b) / T,   log p = log_softmax(z) per row,   C = V classes
/// aᵢ = (1 − ε) · ω_y · [i = y]  +  ε/C · ωᵢ          (class weights ω, all 1 by default)
/// loss(row) = −Σᵢ aᵢ · log pᵢ
/// ∂loss/∂logits = G = scale / T · (A · p − a),   A = Σ a,   scale = 1 / Σ_counted ω_y or 1 (sum)
/// ∂loss/∂h = G·w,   ∂loss/∂w = Gᵀ·h,   ∂loss/∂b = Σ_rows G
/// ```
///
/// A row whose target is `ignore_index` has loss 0 and gradient 0 and is not counted;
/// [`Reduction::Mean`] divides by the summed weight of the counted rows' targets (their number
/// without [`weight`](Self::weight)s), and a batch whose rows are all ignored (or empty) has loss
/// 0 and zero gradients, where PyTorch answers NaN. Non-finite logits
/// follow [`CrossEntropy`](crate::CrossEntropy): NaN makes its row's loss and gradient NaN, a row
/// of −inf logits has loss +inf and gradient 0, and +inf logits share the probability.
///
/// # Memory and time
///
/// The unfused path holds the logits and their gradient, `2·N·V` values (4 GiB in `f32` at
/// `N = 8192`, `V = 128k`, for each). This one holds a working buffer of at most
/// `N × chunk_size` values besides `dw` (`V × d`) and `dh` (`N × d`): peak extra memory
/// `O(N·chunk_size + V·d)`. It is used in one of two ways:
///
/// - **Panels of rows** (when `N·chunk_size ≥ 128·V`, or when the whole vocabulary fits for every
///   row): the rows go through in panels of `⌊N·chunk_size / V⌋`, each against the whole
///   vocabulary. A panel's logits become its gradient in place, so the backward pass needs no
///   recomputation: three matrix products in all, the same work as the unfused path.
/// - **Chunks of the vocabulary** (otherwise): the vocabulary goes through in chunks of
///   `chunk_size` classes against all `N` rows, keeping only each row's running `(max, sum)`, as
///   [`LogSumExp`](crate::LogSumExp) does, its target logit, and, with label smoothing, the sum of
///   its logits. The backward pass recomputes each chunk's logits: a fourth product, about 4/3 of
///   the unfused time.
///
/// Every matrix product is ndarray's [`general_mat_mul`] (what `dot` calls), so enabling
/// ndarray's `blas` feature speeds it up. With this crate's `rayon` feature the products are
/// split over threads along the vocabulary.
///
/// ## Picking `chunk_size`
///
/// The buffer holds `N × chunk_size` logits: pick the largest that fits comfortably in memory
/// beside `w` and `dw` (the default, [`DEFAULT_CHUNK_SIZE`](Self::DEFAULT_CHUNK_SIZE) = 4096, is
/// 128 MiB of `f32` at `N = 8192`). Keep it at least `128·V / N` so that the rows go in panels
/// and nothing is recomputed (`V = 32000`, `N = 4096`: at least 1000). For a small batch, whose
/// `N × V` logits are small anyway, a `chunk_size` of `V` or more makes one panel of everything.
/// Below that, larger chunks make larger products, which run faster per element, and fewer
/// passes over `dh`.
///
/// At `N = 4096`, `d = 512`, `V = 32000` in `f32` on one thread (`cargo run --release --example
/// lm_head -- 4096`), the default takes the unfused path's time and 14% of its extra memory
/// (136 MiB against 1000 MiB); `chunk_size(256)`, which recomputes, 1.3× its time and 8% of its
/// memory.
///
/// # Accuracy
///
/// The loss and gradients agree with the unfused path (`h.dot(&w.t())`, then
/// [`CrossEntropy::loss_and_grad`](crate::CrossEntropy::loss_and_grad), then `G.dot(&w)` and
/// `G.t().dot(&h)`) up to rounding: the tests check every option at random sizes to within 64
/// machine epsilons of the largest value (8e-6 in `f32`, 1.5e-14 in `f64`), and at `N = 4096`,
/// `V = 32000` in `f32` the gradients differ by at most 2e-6 of their largest entry.
///
/// Near the type's range they are exact where the unfused path is not. A gradient entry whose
/// fast sum (`Σ G·w`, `Σ G·h` or `Σ G`) came out ±inf or NaN, as a sum of terms near the range
/// does on its way to a finite value (a tiny temperature makes `G` up to `1/T`; weights near
/// `3e38` make each term large), is summed again term by term in `f64` with its own exponent:
/// finite where the exact value is, ±inf where it overflows, NaN only from NaN input or `∞ − ∞`.
/// An ignored row's `dh` is 0 even against infinite weights (its terms `0 · ∞` are absent). This
/// costs a scan of the gradients; where an entry needs redoing, one more pass over the logits of
/// the rows concerned.
///
/// # Examples
///
/// ```
/// use logits::{CrossEntropy, LinearCrossEntropy};
/// use ndarray::array;
///
/// let h = array![[1.0_f64, 0.5], [-0.3, 2.0], [0.7, -1.2]]; // N = 3 rows, d = 2
/// let w = array![[0.2, -0.1], [1.5, 0.3], [-0.4, 0.8], [0.0, 1.0]]; // V = 4 classes
/// let targets = [1, 3, 0];
///
/// let fused = LinearCrossEntropy::new().chunk_size(3);
/// let grads = fused.loss_and_grad(&h, &w, &targets)?;
///
/// // The same as building the logits.
/// let (loss, g) = CrossEntropy::new().loss_and_grad(&h.dot(&w.t()), &targets)?;
/// approx::assert_relative_eq!(grads.loss, loss, max_relative = 1e-12);
/// approx::assert_abs_diff_eq!(grads.dh, g.dot(&w), epsilon = 1e-12);
/// approx::assert_abs_diff_eq!(grads.dw, g.t().dot(&h), epsilon = 1e-12);
/// # Ok::<(), logits::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct LinearCrossEntropy<A> {
    shared: Shared<A>,
    bias: Option<Array1<A>>,
    chunk_size: usize,
}

/// The loss of a [`LinearCrossEntropy`] and its gradients with respect to each input.
///
/// ```
/// use ndarray::array;
/// let ce = logits::LinearCrossEntropy::new().bias(array![0.0_f32, 0.0]);
/// let grads = ce.loss_and_grad(&array![[1.0, 2.0]], &array![[0.0, 0.0], [0.0, 0.0]], &[1])?;
/// assert_eq!(grads.loss, std::f32::consts::LN_2);
/// assert_eq!(grads.dh, array![[0.0, 0.0]]);
/// assert_eq!(grads.dw, array![[0.5, 1.0], [-0.5, -1.0]]);
/// assert_eq!(grads.dbias, Some(array![0.5, -0.5]));
/// # Ok::<(), logits::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LinearGrads<A> {
    /// The reduced loss.
    pub loss: A,
    /// The gradient with respect to the hidden states `h`, `[N, d]`.
    pub dh: Array2<A>,
    /// The gradient with respect to the vocabulary `w`, `[V, d]`.
    pub dw: Array2<A>,
    /// The gradient with respect to the bias, `[V]`, when the loss has one.
    pub dbias: Option<Array1<A>>,
}

impl<A: Float> Default for LinearCrossEntropy<A> {
    fn default() -> Self {
        Self::new()
    }
}

/// How the logits are gone through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tiling {
    /// Panels of this many rows, each against the whole vocabulary.
    Panels(usize),
    /// Chunks of this many classes, each against every row, recomputed for the gradient.
    Chunks(usize),
}

/// One validated call.
struct Call<'a, A: Float> {
    h: ArrayView2<'a, A>,
    w: ArrayView2<'a, A>,
    bias: Option<ArrayView1<'a, A>>,
    /// A class per row, `IGNORED` for ignored rows.
    targets: Vec<usize>,
    /// The mean's denominator: the number of rows not ignored.
    denominator: f64,
    /// The cross-entropy's options, as the kernels take them.
    o: Options<'a, A>,
    isa: Isa,
    /// The z-loss and the entropy bonus.
    extras: Extras<A>,
    /// The soft cap.
    cap: Option<A>,
    /// The per-token outputs asked for.
    want: TokenOutputs,
    /// Each row's upstream gradient, for [`LinearCrossEntropy::per_sample_backward`].
    upstream: Option<Vec<A>>,
}

impl<A: Float> Call<'_, A> {
    /// Whether rows need more than the engine's cross-entropy: the z-loss or the bonus, outputs,
    /// a cap's derivative or upstream gradients.
    fn beyond(&self) -> bool {
        self.extras.on() || self.want.any() || self.cap.is_some() || self.upstream.is_some()
    }
}

/// What a block of rows needs beyond the engine, sliced as its rows are.
#[derive(Default)]
struct Side<'a, A> {
    /// Each row's statistics, when outputs are asked for.
    tokens: Option<&'a mut [Token<A>]>,
    /// Each row's upstream gradient.
    upstream: Option<&'a [A]>,
    /// The cap's derivative at each logit, for a gradient.
    deriv: Option<&'a [A]>,
}

/// The gradients being built, in buffers that start at zero.
struct Grads<'g, A> {
    dh: ArrayViewMut2<'g, A>,
    dw: ArrayViewMut2<'g, A>,
    dbias: Option<ArrayViewMut1<'g, A>>,
}

impl<A: Float> LinearCrossEntropy<A> {
    /// Vocabulary entries per chunk unless [`chunk_size`](Self::chunk_size) says otherwise.
    ///
    /// ```
    /// assert_eq!(logits::LinearCrossEntropy::<f32>::DEFAULT_CHUNK_SIZE, 4096);
    /// ```
    pub const DEFAULT_CHUNK_SIZE: usize = 4096;

    /// Plain cross-entropy of `h·wᵀ`: no bias, nothing ignored, no smoothing, temperature 1, mean
    /// over the rows, chunks of [`DEFAULT_CHUNK_SIZE`](Self::DEFAULT_CHUNK_SIZE).
    ///
    /// ```
    /// use ndarray::array;
    /// let ce = logits::LinearCrossEntropy::<f64>::new();
    /// let loss = ce.loss(&array![[1.0, 1.0]], &array![[1.0, 0.0], [0.0, 1.0]], &[0])?;
    /// assert_eq!(loss, std::f64::consts::LN_2);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self {
            shared: Shared::new(),
            bias: None,
            chunk_size: Self::DEFAULT_CHUNK_SIZE,
        }
    }

    shared_setters! {
        ignore_index: r"```
use ndarray::array;
let ce = logits::LinearCrossEntropy::new().ignore_index(0);
let (h, w) = (array![[1.0_f32], [3.0]], array![[0.0], [0.0]]);
assert_eq!(ce.loss(&h, &w, &[1, 0])?, std::f32::consts::LN_2);
// Every row ignored: 0, where PyTorch answers NaN.
assert_eq!(ce.loss(&h, &w, &[0, 0])?, 0.0);
# Ok::<(), logits::Error>(())
```",
        label_smoothing: r"```
use ndarray::array;
let ce = logits::LinearCrossEntropy::new().label_smoothing(1.0);
let loss = ce.loss(&array![[1.0_f64]], &array![[0.0], [0.0], [0.0]], &[2])?;
approx::assert_relative_eq!(loss, 3.0_f64.ln());
# Ok::<(), logits::Error>(())
```",
        temperature: r"```
use ndarray::array;
let (h, w) = (array![[2.0_f64, 1.0]], array![[1.0, 0.0], [0.0, 1.0]]);
let hot = logits::LinearCrossEntropy::new().temperature(2.0).loss(&h, &w, &[0])?;
let scaled = logits::cross_entropy(&(h.dot(&w.t()) / 2.0), &[0])?;
approx::assert_relative_eq!(hot, scaled, max_relative = 1e-15);
# Ok::<(), logits::Error>(())
```",
        reduction: r"```
use logits::{LinearCrossEntropy, Reduction};
use ndarray::array;
let (h, w) = (array![[1.0_f32], [2.0]], array![[0.0], [0.0]]);
let sum = LinearCrossEntropy::new().reduction(Reduction::Sum).loss(&h, &w, &[0, 1])?;
approx::assert_relative_eq!(sum, 2.0 * std::f32::consts::LN_2);
# Ok::<(), logits::Error>(())
```",
        z_loss: r"```
use std::f64::consts::LN_2;
let (h, w) = (ndarray::array![[1.0_f64]], ndarray::array![[0.0], [0.0]]); // logsumexp = ln 2
let loss = logits::LinearCrossEntropy::new().z_loss(1e-4).loss(&h, &w, &[0])?;
approx::assert_relative_eq!(loss, LN_2 + 1e-4 * LN_2 * LN_2);
# Ok::<(), logits::Error>(())
```",
        entropy_bonus: r"```
use std::f64::consts::LN_2;
let (h, w) = (ndarray::array![[1.0_f64]], ndarray::array![[0.0], [0.0]]); // entropy ln 2
let loss = logits::LinearCrossEntropy::new().entropy_bonus(0.5).loss(&h, &w, &[0])?;
approx::assert_relative_eq!(loss, LN_2 - 0.5 * LN_2);
# Ok::<(), logits::Error>(())
```",
        soft_cap: r"```
let (h, w) = (ndarray::array![[1.0_f64]], ndarray::array![[0.0], [100.0]]);
let capped = ndarray::array![[0.0, 30.0 * (100.0_f64 / 30.0).tanh()]];
let loss = logits::LinearCrossEntropy::new().soft_cap(30.0).loss(&h, &w, &[0])?;
approx::assert_relative_eq!(loss, logits::CrossEntropy::new().loss(&capped, &[0])?);
# Ok::<(), logits::Error>(())
```",
    }

    /// Weights per class (length `V`, the rows of `w`), as PyTorch's `weight`: each row's loss
    /// is weighted by its target's weight (and, with label smoothing, the smoothed part by every
    /// class's), and the mean divides by the summed weight of the counted rows' targets.
    ///
    /// ```
    /// use logits::{CrossEntropy, LinearCrossEntropy};
    /// use ndarray::array;
    /// let (h, w) = (array![[1.0_f64, 0.5], [-0.3, 2.0]], array![[0.2, -0.1], [1.5, 0.3], [0.0, 1.0]]);
    /// let weight = array![1.0, 3.0, 0.5];
    /// let fused = LinearCrossEntropy::new().weight(weight.clone()).loss(&h, &w, &[1, 2])?;
    /// let unfused = CrossEntropy::new().weight(weight).loss(&h.dot(&w.t()), &[1, 2])?;
    /// approx::assert_relative_eq!(fused, unfused, max_relative = 1e-14);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn weight(mut self, weight: impl Into<Array1<A>>) -> Self {
        self.shared.set_weight(weight.into());
        self
    }

    /// A bias added to every row of logits (length `V`, the rows of `w`); its gradient comes back
    /// in [`LinearGrads::dbias`].
    ///
    /// ```
    /// use ndarray::array;
    /// let ce = logits::LinearCrossEntropy::new().bias(array![0.0_f64, 1.0]);
    /// let loss = ce.loss(&array![[0.0]], &array![[1.0], [1.0]], &[1])?;
    /// approx::assert_relative_eq!(loss, (1.0 + (-1.0_f64).exp()).ln());
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn bias(mut self, bias: impl Into<Array1<A>>) -> Self {
        self.bias = Some(bias.into());
        self
    }

    /// Vocabulary entries per chunk (at least 1): the working buffer holds `N × chunk_size`
    /// logits. See [Picking `chunk_size`](Self#picking-chunk_size).
    ///
    /// ```
    /// use logits::LinearCrossEntropy;
    /// use ndarray::Array2;
    /// let h = Array2::from_shape_fn((4, 3), |(i, j)| (i + 2 * j) as f64 * 0.1);
    /// let w = Array2::from_shape_fn((10, 3), |(i, j)| (i * j) as f64 * 0.05);
    /// let a = LinearCrossEntropy::new().chunk_size(3).loss(&h, &w, &[0, 9, 4, 5])?;
    /// let b = LinearCrossEntropy::new().loss(&h, &w, &[0, 9, 4, 5])?;
    /// approx::assert_relative_eq!(a, b, max_relative = 1e-14);
    /// # Ok::<(), logits::Error>(())
    /// ```
    #[must_use]
    pub fn chunk_size(mut self, chunk_size: usize) -> Self {
        self.chunk_size = chunk_size;
        self
    }

    /// The reduced loss of `h·wᵀ (+ bias)` against class indices, one per row of `h`.
    ///
    /// # Errors
    ///
    /// [`Error::ShapeMismatch`] if `w`'s columns are not `h`'s, the bias's or the class weights'
    /// length is not `w`'s rows, or the targets are not one per row of `h`; for the
    /// [mean](Reduction::Mean), [`Error::InvalidOption`] if finite class weights of the counted
    /// rows sum beyond `f64`'s range; [`Error::LabelOutOfRange`] for a class
    /// index not below `V` (other than `ignore_index`); [`Error::InvalidTemperature`];
    /// [`Error::InvalidLabelSmoothing`] outside `[0, 1]`; [`Error::InvalidOption`] for a
    /// `chunk_size` of 0, or for probability targets, which this loss does not take.
    ///
    /// # Examples
    ///
    /// ```
    /// use ndarray::array;
    /// let h = array![[0.5_f32, -1.0], [2.0, 0.1]];
    /// let w = array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
    /// let loss = logits::LinearCrossEntropy::new().loss(&h, &w, &[2, 0])?;
    /// let want = logits::cross_entropy(&h.dot(&w.t()), &[2, 0])?;
    /// approx::assert_relative_eq!(loss, want, max_relative = 1e-6);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn loss<'t>(
        &self,
        h: &ArrayRef2<A>,
        w: &ArrayRef2<A>,
        targets: impl IntoTargets<'t, A>,
    ) -> Result<A>
    where
        A: 't,
    {
        let call = self.prepare(h, w, targets.into_targets(), false)?;
        let losses = self.run(&call, None);
        Ok(self.reduce(&call, &losses))
    }

    /// The reduced loss and its gradients with respect to `h`, `w` and the bias.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss).
    ///
    /// # Examples
    ///
    /// ```
    /// use ndarray::array;
    /// let h = array![[0.5_f64, -1.0], [2.0, 0.1]];
    /// let w = array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
    /// let grads = logits::LinearCrossEntropy::new().loss_and_grad(&h, &w, &[2, 0])?;
    /// let (loss, g) = logits::cross_entropy_and_grad(&h.dot(&w.t()), &[2, 0])?;
    /// approx::assert_relative_eq!(grads.loss, loss, max_relative = 1e-14);
    /// approx::assert_abs_diff_eq!(grads.dh, g.dot(&w), epsilon = 1e-14);
    /// approx::assert_abs_diff_eq!(grads.dw, g.t().dot(&h), epsilon = 1e-14);
    /// assert_eq!(grads.dbias, None);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn loss_and_grad<'t>(
        &self,
        h: &ArrayRef2<A>,
        w: &ArrayRef2<A>,
        targets: impl IntoTargets<'t, A>,
    ) -> Result<LinearGrads<A>>
    where
        A: 't,
    {
        let call = self.prepare(h, w, targets.into_targets(), false)?;
        let (losses, grads) = self.run_allocating(&call);
        Ok(LinearGrads {
            loss: self.reduce(&call, &losses),
            ..grads
        })
    }

    /// The reduced loss, with its gradients written into `dh` (`h`'s shape), `dw` (`w`'s) and
    /// `dbias` (the bias's; `None` exactly when the loss has no bias), whatever they held: no
    /// gradient-sized allocation per step. The same values as
    /// [`loss_and_grad`](Self::loss_and_grad).
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss); [`Error::ShapeMismatch`] if a buffer's shape is not its input's,
    /// and [`Error::InvalidOption`] if `dbias` is given without a bias or missing with one.
    /// Nothing is written on an error.
    ///
    /// # Examples
    ///
    /// ```
    /// use ndarray::{array, Array1, Array2};
    /// let h = array![[0.5_f32, -1.0], [2.0, 0.1]];
    /// let w = array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
    /// let ce = logits::LinearCrossEntropy::new().bias(array![0.0, 0.1, -0.2]);
    /// let (mut dh, mut dw, mut db) = (Array2::zeros((2, 2)), Array2::zeros((3, 2)), Array1::zeros(3));
    /// for _ in 0..3 {
    ///     // A training step: the buffers are overwritten each time.
    ///     let loss = ce.loss_and_grad_into(&h, &w, &[2, 0], &mut dh, &mut dw, Some(&mut db))?;
    ///     assert!(loss > 0.0);
    /// }
    /// let grads = ce.loss_and_grad(&h, &w, &[2, 0])?;
    /// assert_eq!((dh, dw, Some(db)), (grads.dh, grads.dw, grads.dbias));
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn loss_and_grad_into<'t>(
        &self,
        h: &ArrayRef2<A>,
        w: &ArrayRef2<A>,
        targets: impl IntoTargets<'t, A>,
        dh: &mut ArrayRef2<A>,
        dw: &mut ArrayRef2<A>,
        dbias: Option<&mut ArrayRef1<A>>,
    ) -> Result<A>
    where
        A: 't,
    {
        let call = self.prepare(h, w, targets.into_targets(), false)?;
        validate::same_shape("dh", dh, "h", h)?;
        validate::same_shape("dw", dw, "w", w)?;
        let dbias = match (dbias, &call.bias) {
            (Some(db), Some(b)) => {
                validate::same_shape("dbias", db, "bias", b)?;
                Some(db)
            }
            (None, None) => None,
            (db, _) => {
                return Err(Error::InvalidOption {
                    name: "dbias",
                    value: f64::NAN,
                    expected: if db.is_some() {
                        "None: this loss has no bias"
                    } else {
                        "a buffer for the bias's gradient: this loss has a bias"
                    },
                });
            }
        };
        let mut grads = Grads {
            dh: dh.view_mut(),
            dw: dw.view_mut(),
            dbias: dbias.map(|b| b.view_mut()),
        };
        grads.dh.fill(A::zero());
        grads.dw.fill(A::zero());
        if let Some(b) = grads.dbias.as_mut() {
            b.fill(A::zero());
        }
        let losses = self.run(&call, Some(&mut grads));
        Ok(self.reduce(&call, &losses))
    }

    /// The loss of every row, unreduced (0 for ignored rows): `N` values.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss).
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::{CrossEntropy, LinearCrossEntropy};
    /// use ndarray::array;
    /// let h = array![[0.5_f64, -1.0], [2.0, 0.1], [0.0, 0.3]];
    /// let w = array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
    /// let ce = LinearCrossEntropy::new().ignore_index(1);
    /// let losses = ce.per_sample(&h, &w, &[2, 0, 1])?;
    /// assert_eq!(losses[2], 0.0); // ignored
    /// let want = CrossEntropy::new().ignore_index(1).per_sample(&h.dot(&w.t()), &[2, 0, 1])?;
    /// approx::assert_relative_eq!(losses, want, max_relative = 1e-14);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn per_sample<'t>(
        &self,
        h: &ArrayRef2<A>,
        w: &ArrayRef2<A>,
        targets: impl IntoTargets<'t, A>,
    ) -> Result<Array1<A>>
    where
        A: 't,
    {
        let call = self.prepare(h, w, targets.into_targets(), true)?;
        Ok(Array1::from(self.run(&call, None)))
    }

    /// The loss of every row and the gradients of their sum, whatever the
    /// [`reduction`](Self::reduction): [`LinearGrads::loss`] holds that sum. Row `n` of `dh` is the
    /// gradient of row `n`'s own loss.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss).
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::{CrossEntropy, LinearCrossEntropy};
    /// use ndarray::array;
    /// let h = array![[0.5_f64, -1.0], [2.0, 0.1]];
    /// let w = array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
    /// let (losses, grads) = LinearCrossEntropy::new().per_sample_and_grad(&h, &w, &[2, 0])?;
    /// let (want, g) = CrossEntropy::new().per_sample_and_grad(&h.dot(&w.t()), &[2, 0])?;
    /// approx::assert_relative_eq!(losses, want, max_relative = 1e-14);
    /// approx::assert_relative_eq!(grads.loss, want.sum(), max_relative = 1e-14);
    /// approx::assert_abs_diff_eq!(grads.dh, g.dot(&w), epsilon = 1e-14);
    /// approx::assert_abs_diff_eq!(grads.dw, g.t().dot(&h), epsilon = 1e-14);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn per_sample_and_grad<'t>(
        &self,
        h: &ArrayRef2<A>,
        w: &ArrayRef2<A>,
        targets: impl IntoTargets<'t, A>,
    ) -> Result<(Array1<A>, LinearGrads<A>)>
    where
        A: 't,
    {
        let call = self.prepare(h, w, targets.into_targets(), true)?;
        let (losses, grads) = self.run_allocating(&call);
        let grads = LinearGrads {
            loss: compensated_sum(&losses).value(),
            ..grads
        };
        Ok((Array1::from(losses), grads))
    }

    /// The reduced loss and the per-row outputs `want` asks for, from the same pass (see
    /// [`CrossEntropy::loss_with`](crate::CrossEntropy::loss_with)): the target's
    /// log-probability, `logsumexp`, entropy, argmax and the target's rank, each `N` values,
    /// without the `[N, V]` logits. Ignored rows have them too (their target's log-probability
    /// 0, their rank `usize::MAX`), at the cost of their logits. Without a gradient, a rank over
    /// a vocabulary gone through in chunks costs one more pass over the chunks.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss).
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::{CrossEntropy, LinearCrossEntropy, TokenOutputs};
    /// use ndarray::array;
    /// let h = array![[0.5_f64, -1.0], [2.0, 0.1]];
    /// let w = array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
    /// let (loss, t) = LinearCrossEntropy::new().loss_with(&h, &w, &[2, 0], TokenOutputs::ALL)?;
    /// let (want, u) = CrossEntropy::new().loss_with(&h.dot(&w.t()), &[2, 0], TokenOutputs::ALL)?;
    /// approx::assert_relative_eq!(loss, want, max_relative = 1e-14);
    /// approx::assert_relative_eq!(t.entropy.unwrap(), u.entropy.unwrap(), max_relative = 1e-14);
    /// assert_eq!(t.rank, u.rank);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn loss_with<'t>(
        &self,
        h: &ArrayRef2<A>,
        w: &ArrayRef2<A>,
        targets: impl IntoTargets<'t, A>,
        want: TokenOutputs,
    ) -> Result<(A, TokenStats<A, Ix1>)>
    where
        A: 't,
    {
        let mut call = self.prepare(h, w, targets.into_targets(), false)?;
        call.want = want;
        let (losses, tokens) = self.run_with(&call, None);
        Ok((
            self.reduce(&call, &losses),
            stats_of(want, tokens.as_deref(), h.nrows()),
        ))
    }

    /// [`loss_with`](Self::loss_with) and the gradients of the reduced loss, in one pass.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss).
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::{LinearCrossEntropy, TokenOutputs};
    /// use ndarray::array;
    /// let h = array![[0.5_f32, -1.0], [2.0, 0.1]];
    /// let w = array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
    /// let want = TokenOutputs { target_log_prob: true, ..TokenOutputs::default() };
    /// let ce = LinearCrossEntropy::new().z_loss(1e-4);
    /// let (grads, t) = ce.loss_and_grad_with(&h, &w, &[2, 0], want)?;
    /// assert!(t.entropy.is_none());
    /// assert!(grads.loss > -t.target_log_prob.unwrap().mean().unwrap()); // the z-loss adds
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn loss_and_grad_with<'t>(
        &self,
        h: &ArrayRef2<A>,
        w: &ArrayRef2<A>,
        targets: impl IntoTargets<'t, A>,
        want: TokenOutputs,
    ) -> Result<(LinearGrads<A>, TokenStats<A, Ix1>)>
    where
        A: 't,
    {
        let mut call = self.prepare(h, w, targets.into_targets(), false)?;
        call.want = want;
        let (losses, tokens, grads) = self.run_allocating_with(&call);
        let grads = LinearGrads {
            loss: self.reduce(&call, &losses),
            ..grads
        };
        Ok((grads, stats_of(want, tokens.as_deref(), h.nrows())))
    }

    /// The backward pass of [`per_sample`](Self::per_sample): given `upstream`, the gradient of
    /// some `L` with respect to each row's loss (`N` values: what a caller's autograd holds),
    /// the gradients `∂L/∂h`, `∂L/∂w` and `∂L/∂bias` of `L = Σₙ upstreamₙ · lossₙ`, which
    /// [`LinearGrads::loss`] holds. Per-token weights `ω` are `upstream ⊙ ω`. An upstream of 0
    /// gives its row nothing, even where the row's own gradient is infinite; the reduction
    /// plays no part.
    ///
    /// # Errors
    ///
    /// As [`loss`](Self::loss), and [`Error::ShapeMismatch`] if `upstream` is not `N` values.
    ///
    /// # Examples
    ///
    /// ```
    /// use logits::LinearCrossEntropy;
    /// use ndarray::array;
    /// let h = array![[0.5_f64, -1.0], [2.0, 0.1]];
    /// let w = array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
    /// let ce = LinearCrossEntropy::new();
    /// let up = array![0.25, 0.0]; // the second row does not reach L
    /// let grads = ce.per_sample_backward(&h, &w, &[2, 0], &up)?;
    /// let (losses, each) = ce.per_sample_and_grad(&h, &w, &[2, 0])?;
    /// approx::assert_relative_eq!(grads.loss, 0.25 * losses[0]);
    /// assert_eq!(grads.dh.row(1), array![0.0, 0.0]);
    /// approx::assert_relative_eq!(grads.dh.row(0), &each.dh.row(0) * 0.25, max_relative = 1e-14);
    /// # Ok::<(), logits::Error>(())
    /// ```
    pub fn per_sample_backward<'t>(
        &self,
        h: &ArrayRef2<A>,
        w: &ArrayRef2<A>,
        targets: impl IntoTargets<'t, A>,
        upstream: &ArrayRef1<A>,
    ) -> Result<LinearGrads<A>>
    where
        A: 't,
    {
        let mut call = self.prepare(h, w, targets.into_targets(), true)?;
        validate::shape("upstream", upstream.shape(), "rows of h", &[h.nrows()])?;
        call.upstream = Some(upstream.to_vec());
        let (losses, _, grads) = self.run_allocating_with(&call);
        let weighted_losses: Vec<A> = upstream
            .iter()
            .zip(&losses)
            .map(|(&u, &l)| product_or_zero(u, l))
            .collect();
        Ok(LinearGrads {
            loss: compensated_sum(&weighted_losses).value(),
            ..grads
        })
    }

    /// [`run_allocating`](Self::run_allocating), with the rows' statistics when asked for.
    fn run_allocating_with(
        &self,
        call: &Call<'_, A>,
    ) -> (Vec<A>, Option<Vec<Token<A>>>, LinearGrads<A>) {
        let mut dh = Array2::zeros(call.h.raw_dim());
        let mut dw = Array2::zeros(call.w.raw_dim());
        let mut dbias = call.bias.map(|b| Array1::zeros(b.raw_dim()));
        let (losses, tokens) = self.run_with(
            call,
            Some(&mut Grads {
                dh: dh.view_mut(),
                dw: dw.view_mut(),
                dbias: dbias.as_mut().map(|b| b.view_mut()),
            }),
        );
        let grads = LinearGrads {
            loss: A::zero(),
            dh,
            dw,
            dbias,
        };
        (losses, tokens, grads)
    }

    /// The per-row losses and the gradients, in fresh arrays (`loss` left 0).
    fn run_allocating(&self, call: &Call<'_, A>) -> (Vec<A>, LinearGrads<A>) {
        let (losses, _, grads) = self.run_allocating_with(call);
        (losses, grads)
    }

    /// Checks a call; its gradients are those of the reduced loss, or with `sum` of the sum of
    /// the rows' losses.
    fn prepare<'a>(
        &'a self,
        h: &'a ArrayRef2<A>,
        w: &'a ArrayRef2<A>,
        targets: Targets<'_, A>,
        sum: bool,
    ) -> Result<Call<'a, A>> {
        let inv_t = self.shared.inverse_temperature()?;
        let (rows, classes) = (h.nrows(), w.nrows());
        self.shared.check(classes)?;
        if self.chunk_size == 0 {
            return Err(Error::InvalidOption {
                name: "chunk_size",
                value: 0.0,
                expected: "at least 1",
            });
        }
        if w.ncols() != h.ncols() {
            return Err(Error::shape("w", w.shape(), "h", h.shape()));
        }
        if let Some(b) = &self.bias {
            validate::shape("bias", b.shape(), "rows of w", &[classes])?;
        }
        let Targets::Classes(t) = targets else {
            return Err(Error::InvalidOption {
                name: "targets",
                value: f64::NAN,
                expected: "class indices (LinearCrossEntropy takes no probability targets)",
            });
        };
        validate::shape("targets", t.shape(), "rows of h", &[rows])?;
        let (targets, denominator) = self.shared.class_targets(&t, classes)?;
        let divisor = if sum {
            1.0
        } else {
            self.shared.divisor(denominator)
        };
        Ok(Call {
            h: h.view(),
            w: w.view(),
            bias: self.bias.as_ref().map(|b| b.view()),
            targets,
            denominator,
            o: self.shared.kernel(classes, inv_t, divisor),
            isa: Isa::detect(),
            extras: self.shared.extras(),
            cap: self.shared.soft_cap,
            want: TokenOutputs::default(),
            upstream: None,
        })
    }

    fn reduce(&self, call: &Call<'_, A>, losses: &[A]) -> A {
        self.shared.reduce(losses, call.denominator)
    }

    /// The tiling of `rows × classes` logits within `rows × chunk_size` values.
    fn tiling(&self, rows: usize, classes: usize) -> Tiling {
        let panel = rows.saturating_mul(self.chunk_size) / classes.max(1);
        if panel >= rows.min(PANEL_MIN_ROWS) {
            Tiling::Panels(panel.min(rows))
        } else {
            Tiling::Chunks(self.chunk_size)
        }
    }

    /// The per-row losses, and the gradients into `grads` (zero to begin with) when asked.
    fn run(&self, call: &Call<'_, A>, grads: Option<&mut Grads<'_, A>>) -> Vec<A> {
        self.run_with(call, grads).0
    }

    /// [`run`](Self::run), and each row's statistics when outputs are asked for.
    fn run_with(
        &self,
        call: &Call<'_, A>,
        grads: Option<&mut Grads<'_, A>>,
    ) -> (Vec<A>, Option<Vec<Token<A>>>) {
        let (rows, classes) = (call.h.nrows(), call.w.nrows());
        let mut losses = vec![A::zero(); rows];
        let mut tokens = call.want.any().then(|| vec![Token::empty(); rows]);
        // Nothing counted (which includes no rows, and no classes): loss 0, gradients 0 (and
        // outputs only where asked for, ignored rows' included).
        let all_ignored = call.targets.iter().all(|&y| y == IGNORED);
        if classes == 0 {
            // Rows without classes: no mass, no target (every one is ignored).
            let needs = call.extras.needs(call.want);
            let none = tokens::lane::<A>(call.isa, &[], call.o.inv_t, None, needs);
            return (losses, tokens.map(|t| vec![none; t.len()]));
        }
        if (all_ignored && tokens.is_none()) || rows == 0 {
            return (losses, tokens);
        }
        // Every row ignored: the gradients stay 0, only the outputs are computed.
        let mut grads = grads.filter(|_| !all_ignored);
        let t = tokens.as_deref_mut();
        match self.tiling(rows, classes) {
            Tiling::Panels(panel) => panels(call, panel, grads.as_deref_mut(), &mut losses, t),
            Tiling::Chunks(width) => chunks(call, width, grads.as_deref_mut(), &mut losses, t),
        }
        if all_ignored {
            return (losses, tokens);
        }
        if let Some(g) = grads {
            // Rows of the whole vocabulary within the chunk's budget of values.
            let group = rows.saturating_mul(self.chunk_size) / classes;
            redo_overflowed(call, &losses, g, group.clamp(1, rows));
        }
        (losses, tokens)
    }
}

/// The outputs `want` of `rows` rows from their statistics.
fn stats_of<A: Float>(
    want: TokenOutputs,
    tokens: Option<&[Token<A>]>,
    rows: usize,
) -> TokenStats<A, Ix1> {
    let mut out = Collect::new(want, rows);
    out.set_all(tokens.unwrap_or_default());
    out.into_stats(&[rows])
}

/// `z = bias + h·wᵀ` for `h` `[rows, d]`, `w` `[cols, d]`, `z` `[rows, cols]`, split over
/// threads along the columns.
fn logits_into<A: Float>(
    h: &ArrayView2<'_, A>,
    w: &ArrayView2<'_, A>,
    bias: Option<&ArrayView1<'_, A>>,
    mut z: ArrayViewMut2<'_, A>,
) {
    let cols = w.nrows();
    let k = cols
        .div_ceil(column_tasks(h.nrows(), cols, h.ncols()))
        .max(1);
    let block = |z: &mut ArrayViewMut2<'_, A>, lo: usize| {
        let hi = lo + z.ncols();
        let beta = match bias {
            Some(b) => {
                z.assign(&b.slice(s![lo..hi]));
                A::one()
            }
            None => A::zero(),
        };
        general_mat_mul(A::one(), h, &w.slice(s![lo..hi, ..]).t(), beta, z);
    };
    if k >= cols {
        return block(&mut z, 0);
    }
    let tasks: Vec<_> = z
        .axis_chunks_iter_mut(Axis(1), k)
        .enumerate()
        .map(|(i, z)| (i * k, z))
        .collect();
    parallel::run(tasks, |(lo, mut z)| block(&mut z, lo));
}

/// Where the backward products of one block of `G` go.
struct Outputs<'a, A> {
    /// `dh` of the block's rows, set (`beta` 0) or accumulated (`beta` 1).
    dh: ArrayViewMut2<'a, A>,
    dh_beta: A,
    /// `dw` of the block's columns, likewise.
    dw: ArrayViewMut2<'a, A>,
    dw_beta: A,
    /// The bias's gradient of the block's columns, accumulated.
    dbias: Option<ArrayViewMut1<'a, A>>,
}

/// For a block `g` `[rows, cols]` of the logits' gradient, with `w` `[cols, d]` and `h`
/// `[rows, d]` its slices of the inputs: `dh (+)= g·w`, `dw (+)= gᵀ·h`, `dbias += Σ_rows g`;
/// split over threads along the columns (each thread's share of `dh` summed afterwards).
fn backprop<A: Float>(
    g: &ArrayView2<'_, A>,
    w: &ArrayView2<'_, A>,
    h: &ArrayView2<'_, A>,
    out: Outputs<'_, A>,
) {
    let Outputs {
        mut dh,
        dh_beta,
        dw,
        dw_beta,
        dbias,
    } = out;
    let cols = g.ncols();
    let k = cols
        .div_ceil(column_tasks(g.nrows(), cols, h.ncols()))
        .max(1);
    let block =
        |lo: usize, dh: &mut ArrayViewMut2<'_, A>, beta: A, mut dw: ArrayViewMut2<'_, A>| {
            let hi = lo + dw.nrows();
            let g = g.slice(s![.., lo..hi]);
            general_mat_mul(A::one(), &g, &w.slice(s![lo..hi, ..]), beta, dh);
            general_mat_mul(A::one(), &g.t(), h, dw_beta, &mut dw);
        };
    if k >= cols {
        block(0, &mut dh, dh_beta, dw);
        if let Some(db) = dbias {
            add_column_sums(g, db);
        }
        return;
    }
    let mut partials: Vec<Array2<A>> = (0..cols.div_ceil(k))
        .map(|_| Array2::zeros(dh.raw_dim()))
        .collect();
    let mut dbs: Vec<Option<ArrayViewMut1<'_, A>>> = match dbias {
        Some(db) => db.into_axis_chunks_iter_mut(Axis(0), k).map(Some).collect(),
        None => Vec::new(),
    };
    dbs.resize_with(partials.len(), || None);
    let tasks: Vec<_> = partials
        .iter_mut()
        .zip(dw.into_axis_chunks_iter_mut(Axis(0), k))
        .zip(dbs)
        .enumerate()
        .collect();
    parallel::run(tasks, |(i, ((part, dw), db))| {
        let lo = i * k;
        let mut part = part.view_mut();
        block(lo, &mut part, A::zero(), dw);
        if let Some(db) = db {
            let hi = lo + db.len();
            add_column_sums(&g.slice(s![.., lo..hi]), db);
        }
    });
    if dh_beta == A::zero() {
        dh.fill(A::zero());
    }
    for part in &partials {
        dh += part;
    }
}

/// `db += Σ_rows g`, row after row (as `sum_axis(Axis(0))` adds them).
fn add_column_sums<A: Float>(g: &ArrayView2<'_, A>, mut db: ArrayViewMut1<'_, A>) {
    for row in g.rows() {
        db.zip_mut_with(&row, |d, &x| *d += x);
    }
}

/// Threads to split a `[rows, depth]·[depth, cols]` product over, along `cols`: one without
/// the rayon feature, or when the product is small.
#[cfg_attr(
    not(feature = "rayon"),
    expect(unused_variables, reason = "one task without rayon")
)]
fn column_tasks(rows: usize, cols: usize, depth: usize) -> usize {
    #[cfg(feature = "rayon")]
    {
        let threads = rayon::current_num_threads();
        let work = rows.saturating_mul(cols).saturating_mul(depth.max(1));
        if threads > 1 && work >= PARALLEL_WORK {
            return threads.min(cols / TASK_COLS).max(1);
        }
    }
    1
}

/// A contiguous `[rows, cols]` view of the front of `buf`.
fn matrix<A>(buf: &mut [A], rows: usize, cols: usize) -> ArrayViewMut2<'_, A> {
    ArrayViewMut2::from_shape((rows, cols), &mut buf[..rows * cols])
        .unwrap_or_else(|_| unreachable!("the buffer holds rows × cols values"))
}

/// The panel tiling: rows `panel` at a time, each against the whole vocabulary; the panel's
/// logits become its gradient in place, so nothing is recomputed.
fn panels<A: Float>(
    call: &Call<'_, A>,
    panel: usize,
    mut grads: Option<&mut Grads<'_, A>>,
    losses: &mut [A],
    mut tokens: Option<&mut [Token<A>]>,
) {
    let (rows, classes) = (call.h.nrows(), call.w.nrows());
    let mut buf = vec![A::zero(); panel * classes];
    let with_deriv = call.cap.is_some() && grads.is_some();
    let mut deriv = vec![A::zero(); if with_deriv { panel * classes } else { 0 }];
    for r0 in (0..rows).step_by(panel) {
        let r1 = (r0 + panel).min(rows);
        let targets = &call.targets[r0..r1];
        // Loss 0 and gradient 0: these rows add nothing (but their outputs, when asked for).
        let all_ignored = targets.iter().all(|&y| y == IGNORED);
        if all_ignored && tokens.is_none() {
            continue;
        }
        let h = call.h.slice(s![r0..r1, ..]);
        logits_into(
            &h,
            &call.w,
            call.bias.as_ref(),
            matrix(&mut buf, r1 - r0, classes),
        );
        let z = &mut buf[..(r1 - r0) * classes];
        let d = with_deriv.then(|| &mut deriv[..z.len()]);
        cap_logits(call, z, d);
        let losses = &mut losses[r0..r1];
        let side = Side {
            tokens: tokens.as_deref_mut().map(|t| &mut t[r0..r1]),
            upstream: call.upstream.as_deref().map(|u| &u[r0..r1]),
            deriv: with_deriv.then(|| &deriv[..z.len()]),
        };
        let Some(g) = grads.as_deref_mut().filter(|_| !all_ignored) else {
            cross_entropy_rows(call, z, classes, targets, losses, false, side);
            continue;
        };
        cross_entropy_rows(call, z, classes, targets, losses, true, side);
        let gz = ArrayView2::from_shape((r1 - r0, classes), &*z)
            .unwrap_or_else(|_| unreachable!("the panel holds rows × classes values"));
        let out = Outputs {
            dh: g.dh.slice_mut(s![r0..r1, ..]),
            dh_beta: A::zero(),
            dw: g.dw.view_mut(),
            dw_beta: A::one(),
            dbias: g.dbias.as_mut().map(|b| b.view_mut()),
        };
        backprop(&gz, &call.w, &h, out);
    }
}

/// The crate's fused cross-entropy of rows of `len` logits, split over threads by rows; with
/// `grad`, the gradient overwrites the logits (read from a small scratch copy).
fn cross_entropy_rows<A: Float>(
    call: &Call<'_, A>,
    z: &mut [A],
    len: usize,
    targets: &[usize],
    losses: &mut [A],
    grad: bool,
    side: Side<'_, A>,
) {
    let (isa, o, needs) = (call.isa, call.o, call.extras.needs(call.want));
    let k = parallel::units_per_task(targets.len(), len);
    let sides = side.split(k, len, targets.len().div_ceil(k));
    let tasks: Vec<_> = z
        .chunks_mut(k * len)
        .zip(targets.chunks(k))
        .zip(losses.chunks_mut(k))
        .zip(sides)
        .collect();
    parallel::run(tasks, |(((z, targets), losses), side)| {
        if !grad {
            kernel::logits(isa, z, len, RowTargets::Classes(targets), losses, None, o);
            return rows_beyond(call, z, None, len, targets, losses, side);
        }
        let group = (SCRATCH / len).max(1);
        let mut scratch = vec![A::zero(); group.min(targets.len()) * len];
        let side_tokens = side.tokens.is_some();
        let sides = side.split(group, len, targets.len().div_ceil(group));
        let pieces = z
            .chunks_mut(group * len)
            .zip(targets.chunks(group))
            .zip(losses.chunks_mut(group))
            .zip(sides);
        let fuse = (call.extras.on() || side_tokens) && kernel::takes_tokens(len);
        let mut own = vec![Token::empty(); if fuse { group.min(targets.len()) } else { 0 }];
        for (((z, targets), losses), mut side) in pieces {
            let x = &mut scratch[..z.len()];
            x.copy_from_slice(z);
            if !fuse {
                kernel::logits(
                    isa,
                    x,
                    len,
                    RowTargets::Classes(targets),
                    losses,
                    Some(&mut *z),
                    o,
                );
                rows_beyond(call, x, Some(z), len, targets, losses, side);
                continue;
            }
            // The rows' statistics from the engine's own passes.
            let tk = match side.tokens.take() {
                Some(t) => t,
                None => &mut own[..targets.len()],
            };
            kernel::logits_with_tokens(isa, x, len, targets, losses, z, tk, o, (needs, A::zero()));
            rows_with_tokens(call, x, z, len, targets, losses, tk, &side);
        }
    });
}

impl<'a, A> Side<'a, A> {
    /// The side of each block of `k` rows of `len` logits, `blocks` of them.
    fn split(self, k: usize, len: usize, blocks: usize) -> Vec<Side<'a, A>> {
        let mut out: Vec<Side<'a, A>> = (0..blocks).map(|_| Side::default_side()).collect();
        if let Some(t) = self.tokens {
            for (o, t) in out.iter_mut().zip(t.chunks_mut(k)) {
                o.tokens = Some(t);
            }
        }
        if let Some(u) = self.upstream {
            for (o, u) in out.iter_mut().zip(u.chunks(k)) {
                o.upstream = Some(u);
            }
        }
        if let Some(d) = self.deriv {
            for (o, d) in out.iter_mut().zip(d.chunks(k * len)) {
                o.deriv = Some(d);
            }
        }
        out
    }

    fn default_side() -> Self {
        Side {
            tokens: None,
            upstream: None,
            deriv: None,
        }
    }
}

/// What rows of logits `x` (`len` each) need beyond the engine's cross-entropy, which has written
/// their losses and, with `g`, their gradient: the z-loss and the bonus (losses and gradient),
/// the statistics asked for, the cap's derivative and the upstream gradients.
fn rows_beyond<A: Float>(
    call: &Call<'_, A>,
    x: &[A],
    mut g: Option<&mut [A]>,
    len: usize,
    targets: &[usize],
    losses: &mut [A],
    mut side: Side<'_, A>,
) {
    if !call.beyond() {
        return;
    }
    let (extras, o) = (call.extras, &call.o);
    for (r, (xr, &y)) in x.chunks_exact(len).zip(targets).enumerate() {
        let mut gr = g.as_deref_mut().map(|g| &mut g[r * len..(r + 1) * len]);
        if extras.on() || side.tokens.is_some() {
            let sample = (y != IGNORED).then(|| (Some(y), o.w(y)));
            let gs = gr.as_deref_mut().map(|g| (g, o.grad_scale));
            let (add, tk) = extras.lane(
                call.isa,
                xr,
                o.inv_t,
                sample,
                gs,
                call.extras.needs(call.want),
            );
            if sample.is_some() && extras.on() {
                losses[r] += add;
            }
            if let Some(t) = side.tokens.as_deref_mut() {
                t[r] = tk;
            }
        }
        if let Some(gr) = gr {
            finish_gradient(
                gr,
                side.deriv.map(|d| &d[r * len..(r + 1) * len]),
                side.upstream.map(|u| u[r]),
            );
        }
    }
}

/// [`rows_beyond`] for rows whose statistics `tokens` the engine gave with their gradient `g`:
/// the z-loss and the bonus from them, then the cap's derivative and the upstream gradients.
#[allow(clippy::too_many_arguments)]
fn rows_with_tokens<A: Float>(
    call: &Call<'_, A>,
    x: &[A],
    g: &mut [A],
    len: usize,
    targets: &[usize],
    losses: &mut [A],
    tokens: &[Token<A>],
    side: &Side<'_, A>,
) {
    let (extras, o) = (call.extras, &call.o);
    let rows = x.chunks_exact(len).zip(g.chunks_exact_mut(len));
    for (r, ((xr, gr), (&y, tk))) in rows.zip(targets.iter().zip(tokens)).enumerate() {
        if y != IGNORED && extras.on() {
            losses[r] += extras.loss(tk, o.w(y));
            let f = weighted(o.w(y), o.grad_scale);
            extras.add_gradient(call.isa, xr, gr, tk, o.inv_t, f);
        }
        let d = side.deriv.map(|d| &d[r * len..(r + 1) * len]);
        finish_gradient(gr, d, side.upstream.map(|u| u[r]));
    }
}

/// A row's gradient times the cap's derivative and its upstream gradient, where given.
fn finish_gradient<A: Float>(g: &mut [A], deriv: Option<&[A]>, upstream: Option<A>) {
    if let Some(d) = deriv {
        for (gv, &dv) in g.iter_mut().zip(d) {
            *gv *= dv;
        }
    }
    if let Some(u) = upstream {
        for gv in g {
            *gv = product_or_zero(u, *gv);
        }
    }
}

/// Soft-caps logits in place where the call has a cap, with the cap's derivative into `deriv`
/// when given.
fn cap_logits<A: Float>(call: &Call<'_, A>, z: &mut [A], deriv: Option<&mut [A]>) {
    let Some(c) = call.cap else { return };
    soft_cap::soft_cap(call.isa, z, deriv, c);
}

/// The chunk tiling: the vocabulary `width` classes at a time against every row, keeping each
/// row's statistics as the cross-entropy engine merges them; the gradient recomputes each
/// chunk's logits.
fn chunks<A: Float>(
    call: &Call<'_, A>,
    width: usize,
    mut grads: Option<&mut Grads<'_, A>>,
    losses: &mut [A],
    tokens: Option<&mut [Token<A>]>,
) {
    let (rows, classes) = (call.h.nrows(), call.w.nrows());
    let width = width.min(classes);
    let (o, extras) = (call.o, call.extras);
    let mut buf = vec![A::zero(); rows * width];
    let mut stats = vec![Streamed::NEW; rows];
    // The target's logit of each row, as it comes by.
    let mut target = vec![A::nan(); rows];
    // Beyond the engine: each row's statistics for the z-loss, the bonus and the outputs, merged
    // chunk by chunk (every row's, ignored ones too, when outputs are asked for).
    let merging = extras.on() || tokens.is_some();
    let seen = |y: usize| y != IGNORED || tokens.is_some();
    let mut merged = vec![Merged::new(); if merging { rows } else { 0 }];
    // Ranks are counted once the targets' logits are known.
    let part_needs = tokens::Needs {
        rank: false,
        ..extras.needs(call.want)
    };
    let logits = |buf: &mut [A], v0: usize, v1: usize| {
        let w = call.w.slice(s![v0..v1, ..]);
        let bias = call.bias.as_ref().map(|b| b.slice(s![v0..v1]));
        logits_into(&call.h, &w, bias.as_ref(), matrix(buf, rows, v1 - v0));
    };
    for v0 in (0..classes).step_by(width) {
        let v1 = (v0 + width).min(classes);
        logits(&mut buf, v0, v1);
        cap_logits(call, &mut buf[..rows * (v1 - v0)], None);
        let (po, weight) = o.part(v0..v1);
        let z = buf[..rows * (v1 - v0)].chunks_exact(v1 - v0);
        for (r, (x, st)) in z.zip(&mut stats).enumerate() {
            let y = call.targets[r];
            if seen(y) {
                st.push(
                    kernel::part_stats(call.isa, x, po, weight),
                    o.inv_t,
                    o.share,
                );
            }
            if seen(y) && merging {
                merged[r].push(
                    &tokens::lane(call.isa, x, o.inv_t, None, part_needs),
                    v0,
                    o.inv_t,
                );
            }
            if y != IGNORED && (v0..v1).contains(&y) {
                target[r] = x[y - v0];
            }
        }
    }
    let coefs = row_coefs(call, &stats, &target, losses);
    let mut toks = if merging {
        whole_rows(call, &merged, &stats, &target, losses)
    } else {
        Vec::new()
    };
    // The ranks need the targets' logits, known now: counted as the gradient goes, or in a pass
    // of their own without one.
    let ranks = tokens.is_some() && call.want.rank;
    if grads.is_some() || ranks {
        let with_deriv = call.cap.is_some() && grads.is_some();
        let mut deriv = vec![A::zero(); if with_deriv { rows * width } else { 0 }];
        let mut row = vec![A::zero(); if extras.on() { width } else { 0 }];
        for v0 in (0..classes).step_by(width) {
            let v1 = (v0 + width).min(classes);
            let n = v1 - v0;
            logits(&mut buf, v0, v1);
            let z = &mut buf[..rows * n];
            cap_logits(call, z, with_deriv.then(|| &mut deriv[..rows * n]));
            if ranks {
                count_ranks(call, z, n, &target, &mut toks);
            }
            let Some(g) = grads.as_deref_mut() else {
                continue;
            };
            let (po, _) = o.part(v0..v1);
            let rows_of = z.chunks_exact_mut(n).zip(&coefs).zip(&call.targets);
            for (r, ((x, coef), &y)) in rows_of.enumerate() {
                let tk = toks.get(r);
                let d = with_deriv.then(|| &deriv[r * n..(r + 1) * n]);
                let up = call.upstream.as_deref().map(|u| u[r]);
                chunk_gradient(call, x, *coef, (y, v0), po, tk, &mut row, d, up);
            }
            let gz = ArrayView2::from_shape((rows, n), &*z)
                .unwrap_or_else(|_| unreachable!("the chunk holds rows × width values"));
            let out = Outputs {
                dh: g.dh.view_mut(),
                dh_beta: if v0 == 0 { A::zero() } else { A::one() },
                dw: g.dw.slice_mut(s![v0..v1, ..]),
                dw_beta: A::zero(),
                dbias: g.dbias.as_mut().map(|b| b.slice_mut(s![v0..v1])),
            };
            backprop(&gz, &call.w.slice(s![v0..v1, ..]), &call.h, out);
        }
    }
    if let Some(t) = tokens {
        t.copy_from_slice(&toks);
    }
}

/// The gradient of one row's chunk `x` (its logits, from class `v0`) in place: the engine's from
/// the row's coefficient, that of the z-loss and the bonus from the row's statistics `tk` (`row`
/// holds a copy of the logits for it), then times the cap's derivative and the upstream gradient.
#[allow(clippy::too_many_arguments)]
fn chunk_gradient<A: Float>(
    call: &Call<'_, A>,
    x: &mut [A],
    coef: Coef<A>,
    (y, v0): (usize, usize),
    po: Options<'_, A>,
    tk: Option<&Token<A>>,
    row: &mut [A],
    deriv: Option<&[A]>,
    upstream: Option<A>,
) {
    let (o, n) = (&call.o, x.len());
    let extra = call.extras.on() && y != IGNORED;
    if extra {
        row[..n].copy_from_slice(x);
    }
    let local = (v0..v0 + n).contains(&y).then(|| y - v0);
    match coef {
        Coef::Fill(v) => x.fill(v),
        Coef::Row { m, gradient } => {
            kernel::part_gradient(call.isa, x, m, gradient, local, po);
        }
        Coef::StandIn { gradient } => {
            for v in x.iter_mut() {
                *v = Edge::stand_in(*v);
            }
            kernel::part_gradient(call.isa, x, A::zero(), gradient, local, po);
        }
    }
    if let (true, Some(tk)) = (extra, tk) {
        let f = weighted(o.w(y), o.grad_scale);
        call.extras
            .add_gradient(call.isa, &row[..n], x, tk, o.inv_t, f);
    }
    finish_gradient(x, deriv, upstream);
}

/// Each counted row's loss into `losses`, from its merged statistics and its target's logit, and
/// its gradient's maximum and coefficient (or the one value of its whole gradient, at an edge).
fn row_coefs<A: Float>(
    call: &Call<'_, A>,
    stats: &[Streamed<A>],
    target: &[A],
    losses: &mut [A],
) -> Vec<Coef<A>> {
    let o = call.o;
    let mut coefs = vec![Coef::Fill(A::zero()); losses.len()];
    for (((loss, st), &y), (&t, coef)) in losses
        .iter_mut()
        .zip(stats)
        .zip(&call.targets)
        .zip(target.iter().zip(&mut coefs))
    {
        if y == IGNORED {
            continue;
        }
        let (l, c) = finish(st, t, o.w(y), &o);
        (*loss, *coef) = (l, c);
    }
    coefs
}

/// Adds to each counted row's rank its logits in the chunk `z` (`n` per row) above its target's.
fn count_ranks<A: Float>(
    call: &Call<'_, A>,
    z: &[A],
    n: usize,
    target: &[A],
    toks: &mut [Token<A>],
) {
    for (r, x) in z.chunks_exact(n).enumerate() {
        if call.targets[r] != IGNORED {
            let xy = target[r];
            toks[r].rank += x.iter().filter(|&&v| v > xy).count();
        }
    }
}

/// Each row's statistics whole, from those merged over its chunks and the engine's (`stats`,
/// for an exact `ln s`), its target's logit `target`; what the z-loss and the bonus add to each
/// counted row's loss is added to `losses`.
fn whole_rows<A: Float>(
    call: &Call<'_, A>,
    merged: &[Merged<A>],
    stats: &[Streamed<A>],
    target: &[A],
    losses: &mut [A],
) -> Vec<Token<A>> {
    let o = &call.o;
    let mut toks = Vec::with_capacity(merged.len());
    for (r, (m, st)) in merged.iter().zip(stats).enumerate() {
        let y = call.targets[r];
        let ln_s = st
            .stats
            .filter(|s| s.max.is_finite())
            .map_or(A::zero(), |s: RowStats<A>| tokens::ln_of_sum(s.sum, s.tail));
        let tk = m.token(ln_s, o.inv_t, (y != IGNORED).then(|| target[r]));
        if y != IGNORED {
            losses[r] += call.extras.loss(&tk, o.w(y));
        }
        toks.push(tk);
    }
    toks
}

/// Redoes, entry by entry with [`Scaled`] sums, the gradients whose fast products came out
/// non-finite where the exact ones need not be: a sum that overflowed on its way to a finite
/// value (a gradient near the type's range, from a tiny temperature or huge weights), or
/// `0 · ∞` in an ignored row. Costs a scan of the gradients unless such entries exist; then one
/// more pass over the logits of the rows concerned (of every counted row, for `dw` or the bias's
/// gradient), `group` rows at a time.
///
/// An ignored row's `dh` is 0; a row whose loss is NaN keeps its NaN gradient, and makes every
/// entry of `dw` and of the bias's gradient NaN, so that those are left as they are.
fn redo_overflowed<A: Float>(call: &Call<'_, A>, losses: &[A], g: &mut Grads<'_, A>, group: usize) {
    let (classes, d) = (call.w.nrows(), call.h.ncols());
    let finite = |v: &A| v.is_finite();
    let counted = |i: usize| call.targets[i] != IGNORED;
    let mut rows = Vec::new();
    for (i, mut dh) in g.dh.rows_mut().into_iter().enumerate() {
        if dh.iter().all(finite) {
            continue;
        }
        if !counted(i) {
            dh.fill(A::zero());
        } else if !losses[i].is_nan() {
            rows.push(i);
        }
    }
    let nan_row = (0..losses.len()).any(|i| counted(i) && losses[i].is_nan());
    let cols: Vec<usize> = if nan_row {
        Vec::new()
    } else {
        let db = g.dbias.as_ref();
        (0..classes)
            .filter(|&v| !g.dw.row(v).iter().all(finite) || db.is_some_and(|b| !b[v].is_finite()))
            .collect()
    };
    if rows.is_empty() && cols.is_empty() {
        return;
    }
    let mut dh_sums = vec![Scaled::default(); rows.len() * d];
    let mut dw_sums = vec![Scaled::default(); cols.len() * d];
    let mut db_sums = vec![Scaled::default(); cols.len()];
    let needed: Vec<usize> = if cols.is_empty() {
        rows.clone()
    } else {
        (0..losses.len()).filter(|&i| counted(i)).collect()
    };
    let mut buf = vec![A::zero(); group.min(needed.len()) * classes];
    let mut scratch = vec![A::zero(); group];
    let cap_len = if call.cap.is_some() { buf.len() } else { 0 };
    let mut deriv = vec![A::zero(); cap_len];
    for part in needed.chunks(group) {
        let n = part.len();
        let h = call.h.select(Axis(0), part);
        logits_into(
            &h.view(),
            &call.w,
            call.bias.as_ref(),
            matrix(&mut buf, n, classes),
        );
        let targets: Vec<usize> = part.iter().map(|&i| call.targets[i]).collect();
        let z = &mut buf[..n * classes];
        cap_logits(
            call,
            z,
            call.cap.is_some().then(|| &mut deriv[..n * classes]),
        );
        let upstream: Option<Vec<A>> = call
            .upstream
            .as_ref()
            .map(|u| part.iter().map(|&i| u[i]).collect());
        let side = Side {
            tokens: None,
            upstream: upstream.as_deref(),
            deriv: call.cap.is_some().then(|| &deriv[..n * classes]),
        };
        cross_entropy_rows(call, z, classes, &targets, &mut scratch[..n], true, side);
        for (gi, &i) in z.chunks_exact(classes).zip(part) {
            if let Ok(r) = rows.binary_search(&i) {
                for (j, sum) in dh_sums[r * d..(r + 1) * d].iter_mut().enumerate() {
                    for (&gv, &wv) in gi.iter().zip(call.w.column(j)) {
                        sum.add_product(wide(gv), wide(wv));
                    }
                }
            }
            for (c, &v) in cols.iter().enumerate() {
                let gv = wide(gi[v]);
                for (sum, &hv) in dw_sums[c * d..(c + 1) * d].iter_mut().zip(call.h.row(i)) {
                    sum.add_product(gv, wide(hv));
                }
                db_sums[c].add_product(gv, 1.0);
            }
        }
    }
    for (sums, &i) in dh_sums.chunks_exact(d.max(1)).zip(&rows) {
        for (out, sum) in g.dh.row_mut(i).iter_mut().zip(sums) {
            *out = narrow(sum.value());
        }
    }
    for (c, &v) in cols.iter().enumerate() {
        for (out, sum) in g.dw.row_mut(v).iter_mut().zip(&dw_sums[c * d..(c + 1) * d]) {
            *out = narrow(sum.value());
        }
        if let Some(b) = g.dbias.as_mut() {
            b[v] = narrow(db_sums[c].value());
        }
    }
}

/// How a row's gradient comes from its logits, chunk by chunk.
#[derive(Clone, Copy, Debug)]
enum Coef<A> {
    /// One value throughout (0 for ignored rows and rows without mass, NaN for NaN rows).
    Fill(A),
    /// The engine's gradient of a row of maximum `m`.
    Row { m: A, gradient: RowGradient<A> },
    /// The gradient of the row's stand-in (a row with +inf logits), of maximum 0.
    StandIn { gradient: RowGradient<A> },
}

/// The loss of a row from its merged statistics and its target's logit `x_y` (of class weight
/// `w_y`), and how its gradient comes, following [`Edge`] where the row has no finite maximum.
fn finish<A: Float>(st: &Streamed<A>, x_y: A, w_y: A, o: &Options<'_, A>) -> (A, Coef<A>) {
    let (stats, x_y, infinite) = match (st.stats, st.edge) {
        (_, Some(Edge::Nan)) => return (A::nan(), Coef::Fill(A::nan())),
        (None, _) => return (A::zero(), Coef::Fill(A::zero())),
        (Some(stats), Some(Edge::Infinite)) => (stats, Edge::stand_in(x_y), true),
        (Some(stats), _) => (stats, x_y, false),
    };
    if let Err(edge) = Edge::of(stats.max) {
        let (loss, fill) = edge
            .cross_entropy::<A>()
            .unwrap_or_else(|| unreachable!("a stand-in's maximum is finite"));
        return (loss, Coef::Fill(fill));
    }
    let (loss, gradient) = kernel::finish_row(stats, Hard::class(x_y, w_y, stats.max, o), o);
    let coef = if infinite {
        Coef::StandIn { gradient }
    } else {
        Coef::Row {
            m: stats.max,
            gradient,
        }
    };
    (loss, coef)
}
