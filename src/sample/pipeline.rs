//! One row, from logits to a token: the processors (mask, bias, penalties), the filters in their
//! stage order, and the draw. Every pass over the whole row is a vectorised kernel
//! (`kernels::sample`); the rest works on block summaries and on short candidate lists.

use ndarray::{ArrayRef, Ix1};

use super::select::{self, Cand};
use super::{Context, Draw, Order, Sampler};
use crate::kernels::sample::{self as kernel, BLOCK, MAX_LEVELS};
use crate::kernels::{Isa, Lanes, logsumexp as lse_kernel};
use crate::numeric::{narrow, wide};
use crate::{Error, Float, Result};

/// Scratch buffers for sampling rows, reused from row to row: after the first rows of a given
/// vocabulary size, sampling with the same options allocates nothing.
///
/// [`Sampler::sample_in`] takes one; the batch functions keep one per thread.
#[derive(Clone, Debug, Default)]
pub struct Workspace<A> {
    /// The processed copy of the row, where it needs one.
    vals: Vec<A>,
    /// Each block's maximum.
    maxima: Vec<A>,
    /// Each block's sum of exponentials.
    sums: Vec<f64>,
    /// The exponentials of the row, where a filter needs them all.
    exps: Vec<A>,
    /// The kept set, once a filter has cut the row.
    cand: Vec<Cand<A>>,
    /// Scratch: a copy of the maxima, or of the candidates.
    spare: Vec<Cand<A>>,
    /// Scratch: the candidates by closeness to the entropy (typical-p).
    closeness: Vec<Cand<f64>>,
    /// The history, sorted, for counting repeats.
    history: Vec<usize>,
}

impl<A: Float> Workspace<A> {
    /// An empty workspace; its buffers grow to the rows it meets.
    #[must_use]
    pub fn new() -> Self {
        Self {
            vals: Vec::new(),
            maxima: Vec::new(),
            sums: Vec::new(),
            exps: Vec::new(),
            cand: Vec::new(),
            spare: Vec::new(),
            closeness: Vec::new(),
            history: Vec::new(),
        }
    }
}

/// What a stage leaves: every finite entry of the row still in play, or the candidates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kept {
    Dense,
    Sparse,
}

/// The filters, in the order a [`Order`] runs them.
#[derive(Clone, Copy, Debug)]
enum Stage {
    TopK,
    TopP,
    MinP,
    Typical,
}

const HUGGING_FACE: [Stage; 4] = [Stage::TopK, Stage::TopP, Stage::MinP, Stage::Typical];
const LLAMA_CPP: [Stage; 4] = [Stage::TopK, Stage::Typical, Stage::TopP, Stage::MinP];

/// The row's values after the processors, and their summaries.
struct Row<'w, A> {
    x: &'w [A],
    maxima: &'w [A],
    /// The largest value (finite).
    m: A,
}

/// Checks the context against a row of `vocab` entries.
fn check_context<A: Float>(ctx: &Context<'_, A>, vocab: usize, row: usize) -> Result<()> {
    let out = |what, token| Error::TokenOutOfRange {
        row,
        what,
        token,
        vocab,
    };
    if let Some(&t) = ctx.history.iter().find(|&&t| t >= vocab) {
        return Err(out("history", t));
    }
    if let Some(&(t, _)) = ctx.logit_bias.iter().find(|&&(t, _)| t >= vocab) {
        return Err(out("logit bias", t));
    }
    if ctx.logit_bias.iter().any(|(_, b)| b.is_nan()) {
        return Err(Error::InvalidOption {
            name: "logit bias",
            value: f64::NAN,
            expected: "a number, not NaN",
        });
    }
    if let Some(allowed) = ctx.allowed
        && allowed.len() != vocab
    {
        return Err(Error::shape(
            "allowed",
            &[allowed.len()],
            "logits row",
            &[vocab],
        ));
    }
    Ok(())
}

/// Whether the processors change the row.
fn processes<A: Float>(s: &Sampler<A>, ctx: &Context<'_, A>) -> bool {
    ctx.allowed.is_some()
        || !ctx.logit_bias.is_empty()
        || (!ctx.history.is_empty()
            && (s.repetition_penalty != A::one()
                || s.frequency_penalty != A::zero()
                || s.presence_penalty != A::zero()))
}

/// Copies `x` into `vals` and applies the processors: the mask, the logit bias, the penalties.
fn process<A: Float>(
    s: &Sampler<A>,
    ctx: &Context<'_, A>,
    x: &ArrayRef<A, Ix1>,
    vals: &mut Vec<A>,
    history: &mut Vec<usize>,
) {
    vals.clear();
    vals.extend(x.iter().copied());
    if let Some(allowed) = ctx.allowed {
        for (v, &ok) in vals.iter_mut().zip(allowed) {
            if !ok {
                *v = A::neg_infinity();
            }
        }
    }
    for &(t, b) in ctx.logit_bias {
        vals[t] += b;
    }
    let penalised = s.repetition_penalty != A::one()
        || s.frequency_penalty != A::zero()
        || s.presence_penalty != A::zero();
    if penalised && !ctx.history.is_empty() {
        history.clear();
        history.extend_from_slice(ctx.history);
        history.sort_unstable();
        for run in history.chunk_by(|a, b| a == b) {
            let (t, count) = (run[0], run.len());
            let mut v = vals[t];
            if s.repetition_penalty != A::one() {
                v = if v > A::zero() {
                    v / s.repetition_penalty
                } else {
                    v * s.repetition_penalty
                };
            }
            let n = narrow::<A>(count as f64);
            v = v - n * s.frequency_penalty - s.presence_penalty;
            vals[t] = v;
        }
    }
}

/// The first index of a NaN in `x` (which holds one).
fn first_nan<A: Float>(x: &[A]) -> usize {
    x.iter().position(|v| v.is_nan()).unwrap_or(0)
}

/// `z = (x − m) / T` as the kernels form it.
fn z<A: Float>(x: A, m: A, inv_t: A) -> A {
    crate::kernels::sample::z(x, m, inv_t)
}

impl<A: Float> Sampler<A> {
    /// Samples one row with scratch buffers `ws`: the engine behind every sampling method.
    ///
    /// `uniform` gives the one uniform number in `[0, 1)` the draw needs; it is called only when
    /// a draw needs it (not for greedy decoding).
    pub(crate) fn run_row(
        &self,
        ws: &mut Workspace<A>,
        x: &ArrayRef<A, Ix1>,
        ctx: &Context<'_, A>,
        row: usize,
        uniform: impl FnOnce() -> f64,
    ) -> Result<Draw<A>> {
        self.check()?;
        let vocab = x.len();
        check_context(ctx, vocab, row)?;
        let isa = Isa::detect();
        let Workspace {
            vals,
            maxima,
            sums,
            exps,
            cand,
            spare,
            closeness,
            history,
        } = ws;
        // The row: the input itself where it is contiguous and unprocessed, else a copy.
        let copied = processes(self, ctx) || x.as_slice().is_none();
        if copied {
            process(self, ctx, x, vals, history);
        }
        let mut data: &[A] = if copied {
            vals
        } else {
            x.as_slice().unwrap_or(&[])
        };
        kernel::block_maxima(isa, data, maxima);
        let mut m = A::neg_infinity();
        for (b, &bm) in maxima.iter().enumerate() {
            if bm.is_nan() {
                let at = b * BLOCK + first_nan(&data[b * BLOCK..]);
                return Err(Error::NanInRow { row, index: at });
            }
            m = m.max(bm);
        }
        if m == A::neg_infinity() {
            return Err(Error::NothingToSample { row });
        }
        let stand_in = m == A::infinity();
        if stand_in {
            // +inf entries share the mass: the row stands in as 0 there, −inf elsewhere.
            if !copied {
                vals.clear();
                vals.extend(x.iter().copied());
            }
            for v in vals.iter_mut() {
                *v = if *v == A::infinity() {
                    A::zero()
                } else {
                    A::neg_infinity()
                };
            }
            data = vals;
            kernel::block_maxima(isa, data, maxima);
            m = A::zero();
        }
        let row_data = Row { x: data, maxima, m };
        let raw =
            |token: usize| -> Option<A> { self.raw_log_probs.then(|| raw_log_prob(isa, x, token)) };

        if self.temperature == A::zero() {
            let token = argmax(&row_data);
            return Ok(Draw {
                token,
                log_prob: self.log_probs.then(A::zero),
                raw_log_prob: raw(token),
            });
        }
        let inv_t = A::one() / self.temperature;
        let filter_inv_t = match self.order {
            Order::HuggingFace => inv_t,
            Order::LlamaCpp => A::one(),
        };
        let (kept, mut unit_total) = self.filter(
            isa,
            &row_data,
            filter_inv_t,
            exps,
            sums,
            cand,
            (spare, closeness),
        );
        let u = uniform();
        let (token, log_prob) = match kept {
            Kept::Dense => {
                let (token, log_prob, total) = draw_dense(isa, &row_data, inv_t, u, sums, exps);
                if inv_t == A::one() {
                    unit_total = Some(total);
                }
                (token, log_prob)
            }
            Kept::Sparse => draw_sparse(cand, inv_t, u),
        };
        let known = (!copied && !stand_in && size_of::<A>() == 4).then_some((data, m));
        let raw_log_prob = self
            .raw_log_probs
            .then(|| raw_log_prob_known(isa, x, token, known, unit_total, sums));
        Ok(Draw {
            token,
            log_prob: self.log_probs.then_some(log_prob),
            raw_log_prob,
        })
    }

    /// Runs the filters in the stage order on `row`; the kept set ends in `cand` unless no filter
    /// ran (then it is every finite entry of the row). Also returns `Σ exp(x − m)` over the row
    /// where a pass computed it at temperature 1.
    #[allow(
        clippy::too_many_arguments,
        reason = "the workspace's buffers, borrowed one by one"
    )]
    fn filter(
        &self,
        isa: Isa,
        row_data: &Row<'_, A>,
        filter_inv_t: A,
        exps: &mut Vec<A>,
        sums: &mut Vec<f64>,
        cand: &mut Vec<Cand<A>>,
        (spare, closeness): (&mut Vec<Cand<A>>, &mut Vec<Cand<f64>>),
    ) -> (Kept, Option<f64>) {
        let mut unit_total = None;
        let stages = match self.order {
            Order::HuggingFace => HUGGING_FACE,
            Order::LlamaCpp => LLAMA_CPP,
        };
        let min_keep = self.min_keep.max(1);
        let mut kept = Kept::Dense;
        for stage in stages {
            match stage {
                Stage::TopK if self.top_k > 0 => {
                    let k = self.top_k.max(min_keep);
                    if kept == Kept::Dense {
                        dense_top_k(row_data, k, cand, spare);
                        kept = Kept::Sparse;
                    } else {
                        select::keep_first(cand, k);
                    }
                }
                Stage::TopP if self.top_p < A::one() => {
                    let p = wide(self.top_p);
                    if kept == Kept::Dense {
                        let total = dense_top_p(isa, row_data, filter_inv_t, p, exps, sums, cand);
                        if filter_inv_t == A::one() {
                            unit_total = Some(total);
                        }
                        if cand.len() < min_keep {
                            dense_top_k(row_data, min_keep, cand, spare);
                        }
                        kept = Kept::Sparse;
                    } else {
                        sparse_top_p(cand, filter_inv_t, p, min_keep);
                    }
                }
                Stage::MinP if self.min_p > A::zero() => {
                    let ln_q = wide(self.min_p).ln();
                    if kept == Kept::Dense {
                        gather(row_data, filter_inv_t, ln_q, cand);
                        if cand.len() < min_keep {
                            dense_top_k(row_data, min_keep, cand, spare);
                        }
                        kept = Kept::Sparse;
                    } else {
                        sparse_min_p(cand, filter_inv_t, ln_q, min_keep);
                    }
                }
                Stage::Typical if self.typical_p < A::one() => {
                    let tau = wide(self.typical_p);
                    if kept == Kept::Dense {
                        let total = dense_typical(
                            isa,
                            row_data,
                            filter_inv_t,
                            (tau, min_keep),
                            exps,
                            cand,
                            closeness,
                        );
                        if filter_inv_t == A::one() {
                            unit_total = Some(total);
                        }
                        kept = Kept::Sparse;
                    } else {
                        typical(row_data.x, cand, filter_inv_t, (tau, min_keep), closeness);
                    }
                }
                _ => {}
            }
        }
        (kept, unit_total)
    }

    /// The kept set of one row, as [`Sampler::filter_inplace`] reports it: writes −inf outside it
    /// into `x` and returns its size.
    pub(crate) fn filter_row(
        &self,
        ws: &mut Workspace<A>,
        x: &mut ArrayRef<A, Ix1>,
        ctx: &Context<'_, A>,
    ) -> Result<usize> {
        // The sampler's own pipeline, with a draw that records the kept set instead.
        let greedy = self.temperature == A::zero();
        let draw = self.run_row(ws, &*x, ctx, 0, || 0.0)?;
        let keep: &mut Vec<Cand<A>> = &mut ws.spare;
        keep.clear();
        if greedy {
            keep.push(Cand {
                key: A::zero(),
                index: draw.token,
                weight: 0.0,
            });
        } else if ws.cand.is_empty() || !self.filters() {
            // No filter ran: every entry that the processors left finite stays (or, with +inf
            // entries, the +inf ones).
            let data: Vec<(usize, A)> = if processes(self, ctx) || x.as_slice().is_none() {
                ws.vals.iter().copied().enumerate().collect()
            } else {
                x.iter().copied().enumerate().collect()
            };
            let top = data.iter().fold(A::neg_infinity(), |m, &(_, v)| m.max(v));
            for (index, v) in data {
                let stays = if top == A::infinity() {
                    v == A::infinity()
                } else {
                    v > A::neg_infinity()
                };
                if stays {
                    keep.push(Cand {
                        key: v,
                        index,
                        weight: 0.0,
                    });
                }
            }
        } else {
            keep.extend_from_slice(&ws.cand);
        }
        let mut flags = vec![false; x.len()];
        for c in keep.iter() {
            flags[c.index] = true;
        }
        let processed = processes(self, ctx);
        for (i, (v, &f)) in x.iter_mut().zip(&flags).enumerate() {
            if !f {
                *v = A::neg_infinity();
            } else if processed {
                *v = ws.vals[i];
            }
        }
        Ok(keep.len())
    }

    /// Whether any filter is on (at a temperature above 0).
    fn filters(&self) -> bool {
        self.top_k > 0
            || self.top_p < A::one()
            || self.min_p > A::zero()
            || self.typical_p < A::one()
    }
}

/// `x[token] − logsumexp(x)` of the raw row.
fn raw_log_prob<A: Float>(isa: Isa, x: &ArrayRef<A, Ix1>, token: usize) -> A {
    let lse = if let Some(s) = x.as_slice() {
        let mut out = [A::zero()];
        lse_kernel::logsumexp(isa, s, &mut out, Lanes::Rows(s.len()), A::one());
        out[0]
    } else {
        crate::logsumexp(x, ndarray::Axis(0)).into_scalar()
    };
    let v = x[token];
    if lse.is_nan() {
        // NaN in the raw row (masked out, or there would be no draw): no distribution there.
        return lse;
    }
    if v == A::infinity() {
        // Among n entries at +inf, each has probability 1/n.
        let n = x.iter().filter(|&&e| e == A::infinity()).count();
        return narrow(-(n as f64).ln());
    }
    v - lse
}

/// The raw row's log-probability at `token`. Where the row is the unprocessed `f32` input
/// (`known`: its data and maximum m), its logsumexp is m + ln Σ exp(x − m), the sum in `f64`
/// (exact enough for `f32`) taken from a pass that already summed it at temperature 1
/// (`unit_total`) or else by one pass of block sums; otherwise [`raw_log_prob`] (`f64` rows take
/// the kernel's logsumexp, exact also where the sum is within rounding of 1).
fn raw_log_prob_known<A: Float>(
    isa: Isa,
    x: &ArrayRef<A, Ix1>,
    token: usize,
    known: Option<(&[A], A)>,
    unit_total: Option<f64>,
    sums: &mut Vec<f64>,
) -> A {
    let Some((data, m)) = known else {
        return raw_log_prob(isa, x, token);
    };
    let total = unit_total.unwrap_or_else(|| {
        kernel::block_sums(isa, data, m, A::one(), sums);
        sums.iter().sum()
    });
    narrow(wide(x[token]) - wide(m) - total.ln())
}

/// The first index holding the row's maximum.
fn argmax<A: Float>(row: &Row<'_, A>) -> usize {
    let b = row.maxima.iter().position(|&bm| bm == row.m).unwrap_or(0);
    let start = b * BLOCK;
    start + row.x[start..].iter().position(|&v| v == row.m).unwrap_or(0)
}

/// The `k` first entries of the row in the sampler's order, into `cand`: the `k`-th largest block
/// maximum bounds the `k`-th largest entry from below (the `k` largest block maxima are `k`
/// entries at least as large), so only blocks whose maximum reaches it are read.
fn dense_top_k<A: Float>(
    row: &Row<'_, A>,
    k: usize,
    cand: &mut Vec<Cand<A>>,
    spare: &mut Vec<Cand<A>>,
) {
    let threshold = if k < row.maxima.len() {
        spare.clear();
        spare.extend(row.maxima.iter().map(|&key| Cand {
            key,
            index: 0,
            weight: 0.0,
        }));
        spare.select_nth_unstable_by(k - 1, |a, b| {
            b.key
                .partial_cmp(&a.key)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        spare[k - 1].key
    } else {
        A::neg_infinity()
    };
    cand.clear();
    for (b, &bm) in row.maxima.iter().enumerate() {
        if bm >= threshold && bm > A::neg_infinity() {
            let start = b * BLOCK;
            let block = &row.x[start..row.x.len().min(start + BLOCK)];
            for (i, &v) in block.iter().enumerate() {
                if v >= threshold && v > A::neg_infinity() {
                    cand.push(Cand {
                        key: v,
                        index: start + i,
                        weight: 0.0,
                    });
                }
            }
        }
    }
    select::keep_first(cand, k);
}

/// The entries whose `z = (x − m) / T` is at least `ln_q` (every finite entry for −inf), into
/// `cand`.
fn gather<A: Float>(row: &Row<'_, A>, inv_t: A, ln_q: f64, cand: &mut Vec<Cand<A>>) {
    cand.clear();
    let passes = |v: A| v > A::neg_infinity() && wide(z(v, row.m, inv_t)) >= ln_q;
    for (b, &bm) in row.maxima.iter().enumerate() {
        // z is monotone in x: a block whose maximum fails holds nothing that passes.
        if passes(bm) {
            let start = b * BLOCK;
            let block = &row.x[start..row.x.len().min(start + BLOCK)];
            for (i, &v) in block.iter().enumerate() {
                if passes(v) {
                    cand.push(Cand {
                        key: v,
                        index: start + i,
                        weight: 0.0,
                    });
                }
            }
        }
    }
}

/// Thresholds on `e = exp(z)` for a first cut of top-p, decreasing: `2^-1, 2^-2, 2^-4, 2^-9,
/// 2^-15, 2^-23, 2^-33`, then 1e-30.
const LEVELS: [f64; MAX_LEVELS] = [
    0.5,
    0.25,
    0.0625,
    1.953_125e-3,
    3.051_757_812_5e-5,
    1.192_092_895_507_812_5e-7,
    1.164_153_218_269_348_1e-10,
    1e-30,
];

/// Top-p over the whole row: the exponentials, the masses above a few thresholds (an estimate),
/// the candidates above the highest threshold whose mass surely reaches `p` of the total, and
/// among them the shortest prefix whose mass does. Returns the total, `Σ exp((x − m) / T)`.
fn dense_top_p<A: Float>(
    isa: Isa,
    row: &Row<'_, A>,
    inv_t: A,
    p: f64,
    exps: &mut Vec<A>,
    sums: &mut Vec<f64>,
    cand: &mut Vec<Cand<A>>,
) -> f64 {
    exps.resize(row.x.len(), A::zero());
    kernel::exps(isa, row.x, row.m, inv_t, exps);
    let total = sum_wide(exps);
    let levels: [A; MAX_LEVELS] = LEVELS.map(narrow);
    sums.clear();
    sums.resize(MAX_LEVELS, 0.0);
    kernel::masses_above(isa, exps, &levels, sums);
    // The first (highest) level whose estimated mass clears the target with room to spare.
    let level = sums
        .iter()
        .position(|&mass| mass >= p * total * (1.0 + 1e-4))
        .map_or(f64::NEG_INFINITY, |j| LEVELS[j].ln());
    gather(row, inv_t, level, cand);
    let mut mass = 0.0;
    for c in cand.iter_mut() {
        c.weight = wide(exps[c.index]);
        mass += c.weight;
    }
    if mass < p * total {
        gather(row, inv_t, f64::NEG_INFINITY, cand);
        for c in cand.iter_mut() {
            c.weight = wide(exps[c.index]);
        }
    }
    let n = select::mass_prefix(cand, p * total, |c| c.weight);
    cand.truncate(n);
    total
}

/// `Σ e` in `f64`, in eight interleaved sums (which vectorise).
fn sum_wide<A: Float>(e: &[A]) -> f64 {
    let mut acc = [0.0_f64; 8];
    let mut chunks = e.chunks_exact(8);
    for c in &mut chunks {
        for (a, &v) in acc.iter_mut().zip(c) {
            *a += wide(v);
        }
    }
    let tail: f64 = chunks.remainder().iter().map(|&v| wide(v)).sum();
    acc.iter().sum::<f64>() + tail
}

/// The candidates' largest key.
fn top<A: Float>(cand: &[Cand<A>]) -> A {
    cand.iter().fold(A::neg_infinity(), |m, c| m.max(c.key))
}

/// Each candidate's `exp((key − m) / T)` in `f64` against their maximum `m`.
fn weight<A: Float>(c: &Cand<A>, m: A, inv_t: A) -> f64 {
    wide(z(c.key, m, inv_t).exp())
}

/// Top-p over the candidates: the shortest prefix, in the sampler's order, whose mass reaches
/// `p` of theirs, and at least `min_keep`.
fn sparse_top_p<A: Float>(cand: &mut Vec<Cand<A>>, inv_t: A, p: f64, min_keep: usize) {
    let m = top(cand);
    let mut total = 0.0;
    for c in cand.iter_mut() {
        c.weight = weight(c, m, inv_t);
        total += c.weight;
    }
    // `mass_prefix` only reorders: every candidate is still there for `min_keep`.
    let n = select::mass_prefix(cand, p * total, |c| c.weight);
    if n >= min_keep {
        cand.truncate(n);
    } else {
        select::keep_first(cand, min_keep);
    }
}

/// Min-p over the candidates: those whose `z` against the largest reaches `ln q`, at least
/// `min_keep`.
fn sparse_min_p<A: Float>(cand: &mut Vec<Cand<A>>, inv_t: A, ln_q: f64, min_keep: usize) {
    let m = top(cand);
    let passes = |c: &Cand<A>| wide(z(c.key, m, inv_t)) >= ln_q;
    if cand.iter().filter(|c| passes(c)).count() >= min_keep {
        cand.retain(passes);
    } else {
        select::keep_first(cand, min_keep);
    }
}

/// Typical sampling (Meister et al.) over the candidates: the entropy `H` of their
/// distribution, then [`typical_prefix`]. The candidates' keys are the row's values at their
/// indices, and are again on return.
fn typical<A: Float>(
    row: &[A],
    cand: &mut Vec<Cand<A>>,
    inv_t: A,
    (tau, min_keep): (f64, usize),
    closeness: &mut Vec<Cand<f64>>,
) {
    let m = top(cand);
    // With e = exp(z) and S = Σ e: p = e / S, ln p = z − ln S, H = ln S − Σ e z / S.
    let (mut total, mut ez) = (0.0, 0.0);
    for c in cand.iter_mut() {
        let zc = wide(z(c.key, m, inv_t));
        c.weight = zc.exp();
        total += c.weight;
        if c.weight > 0.0 {
            ez += c.weight * zc;
        }
    }
    let ln_total = total.ln();
    let entropy = ln_total - ez / total;
    typical_prefix(
        row,
        cand,
        (m, inv_t),
        (ln_total, entropy, total),
        (tau, min_keep),
        closeness,
    );
}

/// Typical-p over the whole row: the exponentials, their sum `S` and the entropy `H` of the
/// row, then only the entries within a band of `z` around `c = ln S − H` (where `−ln p = H`)
/// whose mass reaches `tau` of the whole: the most typical prefix lies within it. The band
/// widens until it does, up to the whole row. Returns `S = Σ exp((x − m) / T)`.
fn dense_typical<A: Float>(
    isa: Isa,
    row: &Row<'_, A>,
    inv_t: A,
    (tau, min_keep): (f64, usize),
    exps: &mut Vec<A>,
    cand: &mut Vec<Cand<A>>,
    closeness: &mut Vec<Cand<f64>>,
) -> f64 {
    exps.resize(row.x.len(), A::zero());
    kernel::exps(isa, row.x, row.m, inv_t, exps);
    // S and Σ e z in f64, in eight interleaved sums (which vectorise), z formed in f64; e = 0
    // adds nothing (its z may be −inf).
    let (m, scale) = (wide(row.m), wide(inv_t));
    let (mut total, mut ez) = ([0.0_f64; 8], [0.0_f64; 8]);
    let mut xs = row.x.chunks_exact(8);
    let mut es = exps.chunks_exact(8);
    for (xc, ec) in (&mut xs).zip(&mut es) {
        for j in 0..8 {
            let e = wide(ec[j]);
            let term = e * ((wide(xc[j]) - m) * scale);
            total[j] += e;
            ez[j] += if e > 0.0 { term } else { 0.0 };
        }
    }
    for (&x, &e) in xs.remainder().iter().zip(es.remainder()) {
        let e = wide(e);
        total[0] += e;
        if e > 0.0 {
            ez[0] += e * ((wide(x) - m) * scale);
        }
    }
    let total: f64 = total.iter().sum();
    let ln_total = total.ln();
    let entropy = ln_total - ez.iter().sum::<f64>() / total;
    let centre = ln_total - entropy;
    let stats = (ln_total, entropy, total);
    // Bands of half-width d: the candidates are the entries with z ≥ c − d − margin (so that
    // every entry whose closeness could round to at most d is among them); their mass within d
    // decides.
    for d in [1.0, 2.0, 4.0, 8.0, 16.0, f64::INFINITY] {
        let margin = 1e-3 * (1.0 + d + centre.abs());
        gather(row, inv_t, centre - d - margin, cand);
        let gathered = cand.len();
        let mut band = 0.0;
        for c in cand.iter_mut() {
            c.weight = wide(exps[c.index]);
            if (wide(z(c.key, row.m, inv_t)) - centre).abs() <= d {
                band += c.weight;
            }
        }
        if d.is_finite() && band < tau * total * (1.0 + 1e-4) {
            continue;
        }
        let n = typical_prefix(
            row.x,
            cand,
            (row.m, inv_t),
            stats,
            (tau, min_keep),
            closeness,
        );
        // The `min_keep` most typical may lie outside a band: then over the whole row.
        if n >= min_keep || d.is_infinite() || gathered == row.x.len() {
            break;
        }
    }
    total
}

/// The candidates ordered by how close their information `−ln p` is to the entropy `H`
/// (closest first, ties by lower index), the shortest prefix whose probability reaches `tau`,
/// at least `min_keep`. `p = exp(z) / S` with `z = (key − m) / T`; the candidates' weights are
/// `exp(z)`, `stats` is `(ln S, H, S)`. The closeness is computed in `f64` and rounded to the
/// element type (so that two computations of it agree up to ties, which go by index), and kept
/// in a scratch list of `f64` keys (`closeness`). Returns the prefix's length before `min_keep`.
fn typical_prefix<A: Float>(
    row: &[A],
    cand: &mut Vec<Cand<A>>,
    (m, inv_t): (A, A),
    (ln_total, entropy, total): (f64, f64, f64),
    (tau, min_keep): (f64, usize),
    closeness: &mut Vec<Cand<f64>>,
) -> usize {
    closeness.clear();
    closeness.extend(cand.iter().map(|c| {
        let zc = wide(z(c.key, m, inv_t));
        // Rounded to the element type: closeness the type cannot tell apart ties.
        Cand {
            key: wide(narrow::<A>(-(ln_total - zc - entropy).abs())),
            index: c.index,
            weight: c.weight,
        }
    }));
    let n = select::mass_prefix(closeness, tau * total, |c| c.weight);
    if n >= min_keep {
        closeness.truncate(n);
    } else {
        // The `min_keep` most typical.
        select::keep_first(closeness, min_keep);
    }
    cand.clear();
    cand.extend(closeness.iter().map(|c| Cand {
        key: row[c.index],
        index: c.index,
        weight: c.weight,
    }));
    n
}

/// The draw over the whole row: block sums, then one block's exponentials. Returns the token,
/// its log-probability `z − ln S` and `S`.
fn draw_dense<A: Float>(
    isa: Isa,
    row: &Row<'_, A>,
    inv_t: A,
    u: f64,
    sums: &mut Vec<f64>,
    exps: &mut Vec<A>,
) -> (usize, A, f64) {
    kernel::block_sums(isa, row.x, row.m, inv_t, sums);
    let total: f64 = sums.iter().sum();
    let target = u * total;
    let mut before = 0.0;
    let mut last = None;
    let mut pick = None;
    for (b, &s) in sums.iter().enumerate() {
        if s > 0.0 {
            last = Some(b);
            if before + s > target {
                pick = Some(b);
                break;
            }
        }
        before += s;
    }
    let b = pick.or(last).unwrap_or(0);
    let start = b * BLOCK;
    let block = &row.x[start..row.x.len().min(start + BLOCK)];
    exps.resize(block.len(), A::zero());
    kernel::exps(isa, block, row.m, inv_t, &mut exps[..block.len()]);
    let mut token = None;
    let mut last_positive = 0;
    let mut running = before;
    for (i, &e) in exps[..block.len()].iter().enumerate() {
        if e > A::zero() {
            last_positive = i;
            running += wide(e);
            if pick.is_some() && running > target {
                token = Some(i);
                break;
            }
        }
    }
    let i = token.unwrap_or(last_positive);
    let log_prob = wide(z(block[i], row.m, inv_t)) - total.ln();
    (start + i, narrow(log_prob), total)
}

/// The draw over the candidates, in index order.
fn draw_sparse<A: Float>(cand: &mut [Cand<A>], inv_t: A, u: f64) -> (usize, A) {
    cand.sort_unstable_by_key(|c| c.index);
    let m = top(cand);
    let total: f64 = cand.iter().map(|c| weight(c, m, inv_t)).sum();
    let target = u * total;
    let mut running = 0.0;
    let mut pick = None;
    for c in cand.iter() {
        let w = weight(c, m, inv_t);
        if w > 0.0 {
            running += w;
            pick = Some(c);
            if running > target {
                break;
            }
        }
    }
    let c = pick.copied().unwrap_or(cand[0]);
    let log_prob = wide(z(c.key, m, inv_t)) - total.ln();
    (c.index, narrow(log_prob))
}
