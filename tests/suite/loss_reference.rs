//! Reference values for the losses.
//!
//! The tutorial numbers (PyTorch, float32, as printed in the tutorial) are
//! regression tests at f32 precision. Every other expected number (the data
//! file `tests/data/loss_reference_values.rs`, included below) was computed
//! with mpmath at 50 significant digits by `tools/loss_reference_values.py`,
//! which implements PyTorch's documented formulas independently of this crate
//! (its docstring cites them) and checks each analytic gradient against a
//! finite difference taken at 80 digits; the results are correctly rounded to
//! f64. Inputs are exact f32 values, so the f32 and f64 tests see the same
//! numbers.
//!
//! The options beyond PyTorch's are checked the same way, against the formulas the crate
//! documents: PaLM's z-loss `ζ · logsumexp²`, the entropy bonus `−β · H` and Gemma 2's soft
//! cap `c · tanh(x / c)` (each alone and all together, with temperature, class weights,
//! `ignore_index`, label smoothing and both reductions), through `CrossEntropy` (loss, per-sample
//! losses, gradient, the per-sample backward pass) and `LinearCrossEntropy` on `h` = the logits,
//! `w` = the identity; and the per-token outputs of `loss_with` (logsumexp, entropy, the target's
//! log-probability, argmax and rank) on the same logits and on edge rows (a dominant logit, ties,
//! masked logits).
//!
//! Regenerate the data file with `python3 tools/loss_reference_values.py --write`.
#![allow(
    clippy::cast_precision_loss,
    clippy::float_cmp,
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    clippy::too_many_lines
)]

use crate::harness::{INF, NEG_INF, TestFloat, wide};
use logits::{
    BinaryCrossEntropy, BinaryCrossEntropyWithLogits, CrossEntropy, Input, IntoTargets, KlDiv,
    LinearCrossEntropy, Reduction, SigmoidFocalLoss, Targets, TokenOutputs, TokenStats,
    binary_cross_entropy, binary_cross_entropy_and_grad, cross_entropy, cross_entropy_and_grad,
    kl_div, nll_loss, sigmoid, sigmoid_focal_loss,
};
use ndarray::{Array1, Array2, ArrayD, Ix1, IxDyn, array};

// ---------------------------------------------------------------------------
// Tolerances
// ---------------------------------------------------------------------------

/// f64 results: relative error against the correctly rounded reference
/// (a few ULPs; every quantity here goes through a handful of roundings and a
/// vectorised exp/ln).
const F64_REL: f64 = 1e-14;
/// f32 results, widened, against the same f64 reference.
const F32_REL: f64 = 1e-5;
/// The tutorial values are PyTorch float32 results: 4 f32 ULPs, relative.
const TUTORIAL_REL: f64 = 4.0 * f32::EPSILON as f64;
/// The two tutorial values quoted to 4 decimals.
const TUTORIAL_4_DECIMALS: f64 = 5e-5;
/// A log-probability near 0 (a dominant logit) is `z − lse`, whose absolute
/// error is a few eps of the logits' scale, not of its own size; a
/// cross-entropy per-sample loss or total is therefore checked to
/// `rel · max(|want|, CE_LOSS_SCALE)`.
const CE_LOSS_SCALE: f64 = 1.0;

fn rel<A: TestFloat>() -> f64 {
    A::either(F32_REL, F64_REL)
}

// ---------------------------------------------------------------------------
// Case descriptions (the generated data fills them in)
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tgt {
    Classes,
    Probabilities,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WeightKind {
    Absent,
    /// One weight per position of the last axis, broadcast over the rows.
    Row,
    /// A weight of the input's shape.
    Full,
}

#[derive(Debug)]
struct CeCase {
    name: &'static str,
    input: Input,
    targets: Tgt,
    weight: bool,
    ignore: bool,
    smoothing: f32,
    temperature: f32,
    reduction: Reduction,
    loss: f64,
    per_sample: &'static [f64],
    grad: &'static [f64],
}

#[derive(Debug)]
struct BceCase {
    name: &'static str,
    weight: WeightKind,
    reduction: Reduction,
    loss: f64,
    per_sample: &'static [f64],
    grad: &'static [f64],
}

#[derive(Debug)]
struct BcelCase {
    name: &'static str,
    weight: bool,
    pos_weight: bool,
    reduction: Reduction,
    loss: f64,
    per_sample: &'static [f64],
    grad: &'static [f64],
}

#[derive(Debug)]
struct KlCase {
    name: &'static str,
    log_target: bool,
    reduction: Reduction,
    loss: f64,
    per_sample: &'static [f64],
    grad: &'static [f64],
}

#[derive(Debug)]
struct FocalCase {
    name: &'static str,
    alpha: Option<f32>,
    gamma: f32,
    reduction: Reduction,
    loss: f64,
    per_sample: &'static [f64],
    grad: &'static [f64],
}

/// Cross-entropy on `CE_X_LOGITS` with the z-loss, the entropy bonus and the soft cap.
#[derive(Debug)]
struct CeExtraCase {
    name: &'static str,
    targets: Tgt,
    z_loss: f32,
    entropy_bonus: f32,
    soft_cap: Option<f32>,
    smoothing: f32,
    temperature: f32,
    weight: bool,
    ignore: bool,
    reduction: Reduction,
    loss: f64,
    per_sample: &'static [f64],
    /// The gradient of the reduced loss.
    grad: &'static [f64],
    /// The gradient of `Σₙ CE_UPSTREAM[n] · lossₙ`.
    backward: &'static [f64],
    /// `Σₙ CE_UPSTREAM[n] · lossₙ`.
    backward_loss: f64,
}

/// The per-token outputs of `softmax(cap(x) / T)` for the rows of `x` (`CE_C` classes each).
#[derive(Debug)]
struct TokenCase {
    name: &'static str,
    x: &'static [f32],
    targets: &'static [usize],
    temperature: f32,
    soft_cap: Option<f32>,
    logsumexp: &'static [f64],
    entropy: &'static [f64],
    target_log_prob: &'static [f64],
    argmax: &'static [usize],
    rank: &'static [usize],
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn of<A: TestFloat>(v: f32) -> A {
    A::of(f64::from(v))
}

fn vec_of<A: TestFloat>(v: &[f32]) -> Vec<A> {
    v.iter().map(|&x| of(x)).collect()
}

fn arr2<A: TestFloat>(v: &[f32], rows: usize, cols: usize) -> Array2<A> {
    Array2::from_shape_vec((rows, cols), vec_of(v)).expect("data has rows * cols values")
}

/// Records a failure unless `|got − want| ≤ tol + A::MIN_NORMAL`, with `want`
/// first rounded to `A` (a reference below `A`'s range is 0 there, and
/// subnormal results carry no relative accuracy); infinities and NaN must
/// match exactly.
fn check<A: TestFloat>(fails: &mut Vec<String>, what: &str, got: A, want: f64, tol: f64) {
    let got = got.wide();
    let want = A::of(want).wide();
    let ok = if want.is_finite() {
        (got - want).abs() <= tol + A::MIN_NORMAL
    } else {
        got == want || (got.is_nan() && want.is_nan())
    };
    if !ok {
        fails.push(format!(
            "{} {what}: got {got:e}, want {want:e} (error {:e}, allowed {tol:e})",
            A::NAME,
            (got - want).abs()
        ));
    }
}

/// `check` on every entry, with `tol(i)` the allowed absolute error of entry `i`.
fn check_all<'a, A: TestFloat>(
    fails: &mut Vec<String>,
    what: &str,
    got: impl IntoIterator<Item = &'a A>,
    want: &[f64],
    tol: impl Fn(usize) -> f64,
) {
    let got: Vec<A> = got.into_iter().copied().collect();
    if got.len() != want.len() {
        fails.push(format!("{what}: {} values, want {}", got.len(), want.len()));
        return;
    }
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        check(fails, &format!("{what}[{i}]"), g, w, tol(i));
    }
}

/// Entrywise relative tolerance.
fn relative(want: &[f64], rel: f64) -> impl Fn(usize) -> f64 + '_ {
    move |i| rel * want[i].abs()
}

/// Normwise tolerance: `rel · max_j |want_j|` for every entry (a gradient's
/// small entries come from cancellations whose error is relative to the
/// largest terms).
fn normwise(want: &[f64], rel: f64) -> impl Fn(usize) -> f64 {
    let scale = want
        .iter()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, |m, v| m.max(v.abs()));
    move |_| rel * scale
}

fn report(label: &str, fails: &[String]) {
    assert!(
        fails.is_empty(),
        "{label}: {} mismatches:\n{}",
        fails.len(),
        fails.join("\n")
    );
}

// ---------------------------------------------------------------------------
// Tutorial values (PyTorch, float32)
// ---------------------------------------------------------------------------

fn tutorial<A: TestFloat>() {
    let close = |got: A, want: f64, tol: f64, what: &str| {
        let g = got.wide();
        assert!(
            (g - want).abs() <= tol,
            "{} {what}: got {g}, want {want}",
            A::NAME
        );
    };
    let x: Array2<A> = array![
        [2.0, 1.0, 0.1, 0.5],
        [0.3, 2.2, 0.5, 1.1],
        [1.2, 0.7, 1.5, 0.3]
    ]
    .mapv(|v: f64| A::of(v));
    let want = 0.658_979_237_079_620_4;
    close(
        cross_entropy(&x, &[0, 1, 2]).unwrap(),
        want,
        TUTORIAL_REL * want,
        "cross_entropy",
    );
    let (l, g) = cross_entropy_and_grad(&x, &[0, 1, 2]).unwrap();
    close(l, want, TUTORIAL_REL * want, "cross_entropy_and_grad");
    assert_eq!(g.dim(), (3, 4));
    // Each row of the mean's gradient sums to 0 (softmax − one-hot, over 3).
    for row in g.rows() {
        assert!(
            row.sum().wide().abs() < 1e-6,
            "{} gradient row {row}",
            A::NAME
        );
    }

    let good: Array2<A> =
        array![[0.1, 1.0, 2.1], [2.0, 1.0, 0.1], [0.1, 3.0, 0.1]].mapv(|v: f64| A::of(v));
    let bad: Array2<A> =
        array![[2.1, 1.0, 0.1], [0.1, 1.0, 2.1], [0.1, 3.0, 0.1]].mapv(|v: f64| A::of(v));
    close(
        cross_entropy(&good, &[2, 0, 1]).unwrap(),
        0.3018,
        TUTORIAL_4_DECIMALS,
        "good",
    );
    close(
        cross_entropy(&bad, &[2, 0, 1]).unwrap(),
        1.6242,
        TUTORIAL_4_DECIMALS,
        "bad",
    );

    let p = sigmoid(&array![2.0, -1.0, 0.5].mapv(|v: f64| A::of(v)));
    let y = array![1.0, 0.0, 1.0].mapv(|v: f64| A::of(v));
    let want = 0.304_755_568_504_333_5;
    close(
        binary_cross_entropy(&p, &y).unwrap(),
        want,
        TUTORIAL_REL * want,
        "binary_cross_entropy",
    );
    let (l, _) = binary_cross_entropy_and_grad(&p, &y).unwrap();
    close(
        l,
        want,
        TUTORIAL_REL * want,
        "binary_cross_entropy_and_grad",
    );
}

#[test]
fn tutorial_values_f32() {
    tutorial::<f32>();
}

#[test]
fn tutorial_values_f64() {
    tutorial::<f64>();
}

// ---------------------------------------------------------------------------
// Cross-entropy, nll_loss and probability inputs: every option combination
// ---------------------------------------------------------------------------

fn run_ce<'t, A: TestFloat + 't>(
    ce: &CrossEntropy<A>,
    x: &Array2<A>,
    targets: impl IntoTargets<'t, A> + Clone,
    c: &CeCase,
    fails: &mut Vec<String>,
) {
    let r = rel::<A>();
    let name = c.name;
    let loss_tol = |want: f64| r * want.abs().max(CE_LOSS_SCALE);
    let loss = ce.loss(x, targets.clone()).unwrap();
    check(
        fails,
        &format!("{name}: loss"),
        loss.wide(),
        c.loss,
        loss_tol(c.loss),
    );
    let (loss, grad) = ce.loss_and_grad(x, targets.clone()).unwrap();
    check(
        fails,
        &format!("{name}: loss_and_grad loss"),
        loss,
        c.loss,
        loss_tol(c.loss),
    );
    check_all(
        fails,
        &format!("{name}: grad"),
        &grad,
        c.grad,
        normwise(c.grad, r),
    );
    let per = ce.per_sample(x, targets).unwrap();
    check_all(
        fails,
        &format!("{name}: per_sample"),
        &per,
        c.per_sample,
        |i| loss_tol(c.per_sample[i]),
    );
}

fn cross_entropy_cases<A: TestFloat>() {
    let mut fails = Vec::new();
    let q = arr2::<A>(data::CE_Q, data::CE_N, data::CE_C);
    for c in data::CE_CASES {
        let x = match c.input {
            Input::Logits => data::CE_X_LOGITS,
            Input::LogProbabilities => data::CE_X_LOGPROB,
            Input::Probabilities => data::CE_X_PROB,
        };
        let x = arr2::<A>(x, data::CE_N, data::CE_C);
        let mut ce = CrossEntropy::new()
            .input(c.input)
            .label_smoothing(of(c.smoothing))
            .temperature(of(c.temperature))
            .reduction(c.reduction);
        if c.weight {
            ce = ce.weight(vec_of::<A>(data::CE_W));
        }
        if c.ignore {
            ce = ce.ignore_index(data::CE_IGNORE);
        }
        match c.targets {
            Tgt::Classes => run_ce(&ce, &x, data::CE_Y, c, &mut fails),
            Tgt::Probabilities => {
                // Generic code names probability targets through `Targets` (the `IntoTargets`
                // impls for arrays are per concrete type).
                let t = Targets::Probabilities(q.view().into_dyn());
                run_ce(&ce, &x, t, c, &mut fails);
            }
        }
    }
    report(A::NAME, &fails);
}

#[test]
fn cross_entropy_every_option_f32() {
    cross_entropy_cases::<f32>();
}

#[test]
fn cross_entropy_every_option_f64() {
    cross_entropy_cases::<f64>();
}

#[test]
fn reference_covers_every_cross_entropy_combination() {
    // weight × ignore × smoothing {0, 0.1, 1} × temperature {1, 0.5, 3} × reduction for class
    // targets, the same without ignore for probability targets, on logits; temperature 1 for
    // log-probability and probability inputs.
    let count = |input: Input, targets: Tgt| {
        data::CE_CASES
            .iter()
            .filter(|c| c.input == input && c.targets == targets)
            .count()
    };
    assert_eq!(count(Input::Logits, Tgt::Classes), 2 * 2 * 3 * 3 * 2);
    assert_eq!(count(Input::Logits, Tgt::Probabilities), 2 * 3 * 3 * 2);
    for input in [Input::LogProbabilities, Input::Probabilities] {
        assert_eq!(count(input, Tgt::Classes), 2 * 2 * 3 * 2);
        assert_eq!(count(input, Tgt::Probabilities), 2 * 3 * 2);
    }
    for c in data::CE_CASES {
        assert_eq!(c.per_sample.len(), data::CE_N, "{}", c.name);
        assert_eq!(c.grad.len(), data::CE_N * data::CE_C, "{}", c.name);
        assert!(!(c.ignore && c.targets == Tgt::Probabilities), "{}", c.name);
    }
    // The ignored class occurs in the targets, and the clamp of `Input::Probabilities` is hit.
    assert!(data::CE_Y.contains(&data::CE_IGNORE));
    assert!(data::CE_X_PROB.contains(&0.0));
}

#[test]
fn nll_loss_shortcut_matches_reference() {
    let case = data::CE_CASES
        .iter()
        .find(|c| {
            c.input == Input::LogProbabilities
                && c.targets == Tgt::Classes
                && !c.weight
                && !c.ignore
                && c.smoothing == 0.0
                && c.reduction == Reduction::Mean
        })
        .expect("plain nll case");
    let x = arr2::<f64>(data::CE_X_LOGPROB, data::CE_N, data::CE_C);
    let got = nll_loss(&x, data::CE_Y).unwrap();
    assert!(
        (got - case.loss).abs() <= F64_REL * case.loss.abs(),
        "nll_loss: got {got}, want {}",
        case.loss
    );
    let x32 = arr2::<f32>(data::CE_X_LOGPROB, data::CE_N, data::CE_C);
    let got = f64::from(nll_loss(&x32, data::CE_Y).unwrap());
    assert!(
        (got - case.loss).abs() <= F32_REL * case.loss.abs(),
        "nll_loss f32: got {got}, want {}",
        case.loss
    );
}

// ---------------------------------------------------------------------------
// Cross-entropy: the documented edge cases (closed forms)
// ---------------------------------------------------------------------------

/// One edge row: its logits, target, smoothing, loss and gradient (Sum).
type EdgeRow = ([f64; 3], usize, f64, f64, [f64; 3]);

/// Checks each edge row placed between two ordinary rows, through the class-target kernel and
/// through one-hot probability targets (the general path), per sample and with its gradient
/// (Sum); the ordinary rows must come out as they do without the edge row.
fn ce_edge_rows<A: TestFloat>(rows: &[EdgeRow], fails: &mut Vec<String>) {
    let r = rel::<A>();
    for &(x, y, eps, loss, grad) in rows {
        let ordinary = [0.5, -1.0, 2.0];
        let xs: Array2<A> = Array2::from_shape_fn((3, 3), |(i, j)| {
            A::of(if i == 1 { x[j] } else { ordinary[j] })
        });
        let ys = [0, y, 2];
        let mut q = Array2::<A>::zeros((3, 3));
        for (n, &t) in ys.iter().enumerate() {
            q[[n, t]] = A::one();
        }
        let ce = CrossEntropy::new()
            .label_smoothing(A::of(eps))
            .reduction(Reduction::Sum);
        let (plain_per, plain_grad) = {
            let xo = xs.select(ndarray::Axis(0), &[0, 2]);
            ce.per_sample_and_grad(&xo, &[0, 2][..]).unwrap()
        };
        let results = [
            ("classes", ce.per_sample_and_grad(&xs, &ys[..]).unwrap()),
            (
                "one-hot",
                ce.per_sample_and_grad(&xs, Targets::Probabilities(q.view().into_dyn()))
                    .unwrap(),
            ),
        ];
        for (path, (per, g)) in results {
            let what = format!("{x:?} target {y} eps {eps} ({path})");
            check(
                fails,
                &format!("{what}: loss"),
                per[1],
                loss,
                r * loss.abs(),
            );
            check_all(fails, &format!("{what}: grad"), g.row(1), &grad, |_| r);
            for (k, n) in [(0, 0), (1, 2)] {
                check(
                    fails,
                    &format!("{what}: row {n} loss"),
                    per[n],
                    plain_per[k].wide(),
                    r * plain_per[k].wide().abs(),
                );
                let want: Vec<f64> = plain_grad.row(k).iter().map(|v| v.wide()).collect();
                check_all(
                    fails,
                    &format!("{what}: row {n} grad"),
                    g.row(n),
                    &want,
                    |_| r,
                );
            }
        }
        // The reduced loss and gradient agree with the per-sample ones.
        let (total, g) = ce.loss_and_grad(&xs, &ys[..]).unwrap();
        let want = loss + plain_per.iter().map(|v| v.wide()).sum::<f64>();
        check(
            fails,
            &format!("{x:?} eps {eps}: Sum"),
            total,
            want,
            r * want.abs(),
        );
        check_all(
            fails,
            &format!("{x:?} eps {eps}: Sum grad"),
            g.row(1),
            &grad,
            |_| r,
        );
    }
}

/// The `CrossEntropy` docs and the README's edge cases, in closed form: a row of all −inf has loss +inf and
/// gradient 0; terms with `aᵢ = 0` contribute 0 where `log pᵢ = −inf`; +inf logits share the
/// mass equally; NaN stays in its row. The gradient is `A p − a` with
/// `a = (1 − ε) [i = y] + ε/3`, `A = 1`.
fn ce_edge_cases<A: TestFloat>() {
    let (inf, nan) = (f64::INFINITY, f64::NAN);
    let e = std::f64::consts::E;
    let p0 = 1.0 / (1.0 + e);
    let mut fails = Vec::new();
    // Rows whose Sum is finite or NaN (an infinite Sum is the subject of the ignored test).
    ce_edge_rows::<A>(
        &[
            (
                [0.0, -inf, 1.0],
                0,
                0.0,
                (1.0 + e).ln(),
                [p0 - 1.0, 0.0, 1.0 - p0],
            ),
            (
                [inf, 0.0, inf],
                2,
                0.0,
                std::f64::consts::LN_2,
                [0.5, 0.0, -0.5],
            ),
            ([nan, 0.0, 1.0], 0, 0.0, nan, [nan, nan, nan]),
        ],
        &mut fails,
    );
    // All −inf: per-sample loss +inf and gradient 0 (without the reduction).
    for (y, eps) in [(1, 0.0), (0, 0.1)] {
        let x: Array2<A> = array![[0.5, -1.0, 2.0], [-inf, -inf, -inf]].mapv(|v: f64| A::of(v));
        let ce = CrossEntropy::new().label_smoothing(A::of(eps));
        let (per, g) = ce.per_sample_and_grad(&x, &[0, y][..]).unwrap();
        check(&mut fails, "all −inf: loss", per[1], inf, 0.0);
        check_all(&mut fails, "all −inf: grad", g.row(1), &[0.0; 3], |_| 0.0);
        let (_, g) = ce.loss_and_grad(&x, &[0, y][..]).unwrap();
        check_all(
            &mut fails,
            "all −inf: mean's grad",
            g.row(1),
            &[0.0; 3],
            |_| 0.0,
        );
    }
    report(A::NAME, &fails);
}

#[test]
fn cross_entropy_documented_edge_cases_f32() {
    ce_edge_cases::<f32>();
}

#[test]
fn cross_entropy_documented_edge_cases_f64() {
    ce_edge_cases::<f64>();
}

// ---------------------------------------------------------------------------
// Binary cross-entropy on probabilities
// ---------------------------------------------------------------------------

fn bce_cases<A: TestFloat>() {
    let r = rel::<A>();
    let mut fails = Vec::new();
    let p = arr2::<A>(data::BCE_P, 3, 4);
    let y = arr2::<A>(data::BCE_Y, 3, 4);
    for c in data::BCE_CASES {
        let bce = match c.weight {
            WeightKind::Absent => BinaryCrossEntropy::new(),
            WeightKind::Row => {
                BinaryCrossEntropy::new().weight(Array1::from(vec_of::<A>(data::BCE_W_ROW)))
            }
            WeightKind::Full => BinaryCrossEntropy::new().weight(arr2::<A>(data::BCE_W_FULL, 3, 4)),
        }
        .reduction(c.reduction);
        let name = c.name;
        let loss = bce.loss(&p, &y).unwrap();
        check(
            &mut fails,
            &format!("{name}: loss"),
            loss,
            c.loss,
            r * c.loss.abs(),
        );
        let (loss, grad) = bce.loss_and_grad(&p, &y).unwrap();
        check(
            &mut fails,
            &format!("{name}: loss_and_grad loss"),
            loss,
            c.loss,
            r * c.loss.abs(),
        );
        // PyTorch's backward has no cancellation: (p − y) is exact or one rounding.
        check_all(
            &mut fails,
            &format!("{name}: grad"),
            &grad,
            c.grad,
            relative(c.grad, r),
        );
        let per = bce.per_sample(&p, &y).unwrap();
        check_all(
            &mut fails,
            &format!("{name}: per_sample"),
            &per,
            c.per_sample,
            relative(c.per_sample, r),
        );
    }
    report(A::NAME, &fails);
}

#[test]
fn binary_cross_entropy_f32() {
    bce_cases::<f32>();
}

#[test]
fn binary_cross_entropy_f64() {
    bce_cases::<f64>();
}

// ---------------------------------------------------------------------------
// Binary cross-entropy with logits
// ---------------------------------------------------------------------------

/// The gradient `w (l σ(x) − pos_weight y) · scale` cancels where `σ(x) ≈ y`
/// (`x = 30`, `y = 1`): its error is relative to `w (l σ + pos_weight y)`.
fn bcel_grad_tol(
    w: &[f64],
    pw: &[f64],
    x: &[f64],
    y: &[f64],
    scale: f64,
    rel: f64,
) -> impl Fn(usize) -> f64 {
    let mag: Vec<f64> = (0..x.len())
        .map(|i| {
            let s = 1.0 / (1.0 + (-x[i]).exp());
            let l = 1.0 + (pw[i] - 1.0) * y[i];
            w[i] * (l * s + pw[i] * y[i]) * scale
        })
        .collect();
    move |i| rel * mag[i]
}

#[allow(clippy::too_many_arguments)]
fn run_bcel<A: TestFloat>(
    c: &BcelCase,
    x: &ArrayD<A>,
    y: &ArrayD<A>,
    w: &ArrayD<A>,
    pw: &Array1<A>,
    fails: &mut Vec<String>,
) {
    let r = rel::<A>();
    let mut bce = BinaryCrossEntropyWithLogits::new().reduction(c.reduction);
    if c.weight {
        bce = bce.weight(w.clone());
    }
    if c.pos_weight {
        bce = bce.pos_weight(pw.clone());
    }
    let name = c.name;
    let loss = bce.loss(x, y).unwrap();
    check(
        fails,
        &format!("{name}: loss"),
        loss,
        c.loss,
        r * c.loss.abs(),
    );
    let (loss, grad) = bce.loss_and_grad(x, y).unwrap();
    check(
        fails,
        &format!("{name}: loss_and_grad loss"),
        loss,
        c.loss,
        r * c.loss.abs(),
    );
    let n = x.len();
    let last = *x.shape().last().unwrap();
    let xs = wide(x.iter());
    let ys = wide(y.iter());
    let ws: Vec<f64> = (0..n)
        .map(|i| {
            if c.weight {
                w.as_slice().unwrap()[i % w.len()].wide()
            } else {
                1.0
            }
        })
        .collect();
    let pws: Vec<f64> = (0..n)
        .map(|i| {
            if c.pos_weight {
                pw[i % last].wide()
            } else {
                1.0
            }
        })
        .collect();
    let scale = match c.reduction {
        Reduction::Mean => 1.0 / n as f64,
        Reduction::Sum => 1.0,
    };
    check_all(
        fails,
        &format!("{name}: grad"),
        &grad,
        c.grad,
        bcel_grad_tol(&ws, &pws, &xs, &ys, scale, r),
    );
    let per = bce.per_sample(x, y).unwrap();
    // Every term of the stable form is ≥ 0: no cancellation in the loss.
    check_all(
        fails,
        &format!("{name}: per_sample"),
        &per,
        c.per_sample,
        relative(c.per_sample, r),
    );
    for (i, (&l, &g)) in per.iter().zip(&grad).enumerate() {
        if !(l.is_finite() && g.is_finite()) {
            fails.push(format!(
                "{name}: entry {i} (x = {}) gives loss {l}, grad {g}",
                xs[i]
            ));
        }
    }
}

fn bcel_cases<A: TestFloat>() {
    let mut fails = Vec::new();
    let x = arr2::<A>(data::BCEL_X, 4, 3).into_dyn();
    let y = arr2::<A>(data::BCEL_Y, 4, 3).into_dyn();
    let w = Array1::from(vec_of::<A>(data::BCEL_W)).into_dyn();
    let pw = Array1::from(vec_of::<A>(data::BCEL_PW));
    // ±1e4 are among the logits: they must stay finite.
    assert!(data::BCEL_X.contains(&1e4) && data::BCEL_X.contains(&-1e4));
    for c in data::BCEL_CASES {
        run_bcel(c, &x, &y, &w, &pw, &mut fails);
    }
    report(A::NAME, &fails);
}

#[test]
fn binary_cross_entropy_with_logits_f32() {
    bcel_cases::<f32>();
}

#[test]
fn binary_cross_entropy_with_logits_f64() {
    bcel_cases::<f64>();
}

#[test]
fn binary_cross_entropy_with_logits_huge_f64() {
    let mut fails = Vec::new();
    let n = data::BCEL64_X.len();
    let x = ArrayD::from_shape_vec(IxDyn(&[n]), data::BCEL64_X.to_vec()).unwrap();
    let y = ArrayD::from_shape_vec(IxDyn(&[n]), data::BCEL64_Y.to_vec()).unwrap();
    let w = ArrayD::from_shape_vec(IxDyn(&[n]), data::BCEL64_PW.to_vec()).unwrap();
    let pw = Array1::from(data::BCEL64_PW.to_vec());
    for c in data::BCEL64_CASES {
        run_bcel(c, &x, &y, &w, &pw, &mut fails);
    }
    report("f64 ±1e300", &fails);
}

fn bcel_infinite<A: TestFloat>() {
    let r = rel::<A>();
    let mut fails = Vec::new();
    let x = Array1::from(vec_of::<A>(data::BCEL_INF_X));
    let y = Array1::from(vec_of::<A>(data::BCEL_INF_Y));
    let bce = BinaryCrossEntropyWithLogits::new()
        .pos_weight(vec_of::<A>(data::BCEL_INF_PW))
        .reduction(Reduction::Sum);
    let (per, grad) = bce.per_sample_and_grad(&x, &y).unwrap();
    // The limit loss exactly: 0 or +inf.
    check_all(&mut fails, "per_sample", &per, data::BCEL_INF_PER, |_| 0.0);
    check_all(
        &mut fails,
        "grad",
        &grad,
        data::BCEL_INF_GRAD,
        relative(data::BCEL_INF_GRAD, r),
    );
    let (_, grad) = bce.loss_and_grad(&x, &y).unwrap();
    check_all(
        &mut fails,
        "loss_and_grad grad",
        &grad,
        data::BCEL_INF_GRAD,
        relative(data::BCEL_INF_GRAD, r),
    );
    // Only the entries whose limit is 0: a mean of 0, gradient 0.
    let finite: Vec<usize> = (0..x.len())
        .filter(|&i| data::BCEL_INF_PER[i] == 0.0)
        .collect();
    let xf = Array1::from_iter(finite.iter().map(|&i| x[i]));
    let yf = Array1::from_iter(finite.iter().map(|&i| y[i]));
    let (loss, grad) = BinaryCrossEntropyWithLogits::new()
        .loss_and_grad(&xf, &yf)
        .unwrap();
    check(&mut fails, "mean of the zero limits", loss, 0.0, 0.0);
    check_all(
        &mut fails,
        "its gradient",
        &grad,
        &vec![0.0; finite.len()],
        |_| 0.0,
    );
    report(A::NAME, &fails);
}

#[test]
fn binary_cross_entropy_with_logits_infinite_f32() {
    bcel_infinite::<f32>();
}

#[test]
fn binary_cross_entropy_with_logits_infinite_f64() {
    bcel_infinite::<f64>();
}

/// The reduced loss of elements whose limit is +inf is +inf (the README: "at ±inf the loss is
/// its limit (0 or inf)"), for the sum and the mean, for BCE with logits and for a cross-entropy sample whose
/// logits are all −inf (documented per-sample loss +inf); and a smoothed cross-entropy sample
/// with a −inf logit has per-sample loss +inf.
fn infinite_totals<A: TestFloat>() {
    let mut fails = Vec::new();
    let x = Array1::from(vec_of::<A>(data::BCEL_INF_X));
    let y = Array1::from(vec_of::<A>(data::BCEL_INF_Y));
    for reduction in [Reduction::Sum, Reduction::Mean] {
        let bce = BinaryCrossEntropyWithLogits::new()
            .pos_weight(vec_of::<A>(data::BCEL_INF_PW))
            .reduction(reduction);
        let loss = bce.loss(&x, &y).unwrap();
        check(
            &mut fails,
            &format!("BCE with logits {reduction:?} loss"),
            loss,
            INF,
            0.0,
        );
        let (loss, _) = bce.loss_and_grad(&x, &y).unwrap();
        check(
            &mut fails,
            &format!("BCE with logits {reduction:?} loss_and_grad"),
            loss,
            INF,
            0.0,
        );
        let ce = CrossEntropy::new().reduction(reduction);
        let logits: Array2<A> =
            array![[0.0, 1.0], [f64::NEG_INFINITY, f64::NEG_INFINITY]].mapv(|v: f64| A::of(v));
        let per = ce.per_sample(&logits, &[0, 1]).unwrap();
        check(
            &mut fails,
            "CE per-sample loss of an all −inf row",
            per[1],
            INF,
            0.0,
        );
        let loss = ce.loss(&logits, &[0, 1]).unwrap();
        check(
            &mut fails,
            &format!("CE {reduction:?} loss with an all −inf row"),
            loss,
            INF,
            0.0,
        );
    }
    // Smoothing puts weight ε/C on a class with p = 0 (logit −inf): the per-sample loss is
    // +inf (PyTorch: +inf too), the gradient finite; and rows of all −inf under a Sum.
    let e = std::f64::consts::E;
    let p0 = 1.0 / (1.0 + e);
    ce_edge_rows::<A>(
        &[
            (
                [0.0, NEG_INF, 1.0],
                0,
                0.3,
                INF,
                [p0 - 0.8, -0.1, 1.0 - p0 - 0.1],
            ),
            ([NEG_INF, NEG_INF, NEG_INF], 1, 0.0, INF, [0.0, 0.0, 0.0]),
            ([NEG_INF, NEG_INF, NEG_INF], 0, 0.1, INF, [0.0, 0.0, 0.0]),
        ],
        &mut fails,
    );
    report(A::NAME, &fails);
}

#[test]

fn infinite_element_losses_sum_to_infinity_f32() {
    infinite_totals::<f32>();
}

#[test]

fn infinite_element_losses_sum_to_infinity_f64() {
    infinite_totals::<f64>();
}

// ---------------------------------------------------------------------------
// KL divergence
// ---------------------------------------------------------------------------

fn kl_cases<A: TestFloat>() {
    let r = rel::<A>();
    let mut fails = Vec::new();
    let x = arr2::<A>(data::KL_X, 3, 4);
    for c in data::KL_CASES {
        let raw = if c.log_target {
            data::KL_TL
        } else {
            data::KL_T
        };
        let t = arr2::<A>(raw, 3, 4);
        let kl = KlDiv::new().log_target(c.log_target).reduction(c.reduction);
        // `t (ln t − x)` cancels where `ln t ≈ x`: its error is relative to
        // `|t| (|ln t| + |x|)` (with log targets, `e^t (|t| + |x|)`).
        let mag: Vec<f64> = raw
            .iter()
            .zip(data::KL_X)
            .map(|(&t, &x)| {
                let (t, x) = (f64::from(t), f64::from(x));
                if c.log_target {
                    t.exp() * (t.abs() + x.abs())
                } else if t == 0.0 {
                    0.0
                } else {
                    t * (t.ln().abs() + x.abs())
                }
            })
            .collect();
        let scale = match c.reduction {
            Reduction::Mean => 1.0 / 3.0,
            Reduction::Sum => 1.0,
        };
        let total_tol = r * mag.iter().sum::<f64>() * scale;
        let name = c.name;
        let loss = kl.loss(&x, &t).unwrap();
        check(
            &mut fails,
            &format!("{name}: loss"),
            loss,
            c.loss,
            total_tol,
        );
        let (loss, grad) = kl.loss_and_grad(&x, &t).unwrap();
        check(
            &mut fails,
            &format!("{name}: loss_and_grad loss"),
            loss,
            c.loss,
            total_tol,
        );
        check_all(
            &mut fails,
            &format!("{name}: grad"),
            &grad,
            c.grad,
            relative(c.grad, r),
        );
        let per = kl.per_sample(&x, &t).unwrap();
        check_all(
            &mut fails,
            &format!("{name}: per_sample"),
            &per,
            c.per_sample,
            |i| r * mag[i],
        );
        if !c.log_target && c.reduction == Reduction::Mean {
            let short = kl_div(&x, &t).unwrap().wide();
            check(
                &mut fails,
                &format!("{name}: kl_div"),
                short,
                c.loss,
                total_tol,
            );
        }
    }
    report(A::NAME, &fails);
}

#[test]
fn kl_div_f32() {
    kl_cases::<f32>();
}

#[test]
fn kl_div_f64() {
    kl_cases::<f64>();
}

// ---------------------------------------------------------------------------
// Sigmoid focal loss
// ---------------------------------------------------------------------------

fn focal_cases<A: TestFloat>() {
    let r = rel::<A>();
    let mut fails = Vec::new();
    let x = Array1::from(vec_of::<A>(data::FOCAL_X));
    let y = Array1::from(vec_of::<A>(data::FOCAL_Y));
    for c in data::FOCAL_CASES {
        let mut focal = SigmoidFocalLoss::new()
            .gamma(of(c.gamma))
            .reduction(c.reduction);
        focal = match c.alpha {
            Some(a) => focal.alpha(of(a)),
            None => focal.without_alpha(),
        };
        let name = c.name;
        let loss = focal.loss(&x, &y).unwrap();
        check(
            &mut fails,
            &format!("{name}: loss"),
            loss,
            c.loss,
            r * c.loss.abs(),
        );
        let (loss, grad) = focal.loss_and_grad(&x, &y).unwrap();
        check(
            &mut fails,
            &format!("{name}: loss_and_grad loss"),
            loss,
            c.loss,
            r * c.loss.abs(),
        );
        check_all(
            &mut fails,
            &format!("{name}: grad"),
            &grad,
            c.grad,
            normwise(c.grad, r),
        );
        let per = focal.per_sample(&x, &y).unwrap();
        check_all(
            &mut fails,
            &format!("{name}: per_sample"),
            &per,
            c.per_sample,
            relative(c.per_sample, r),
        );
        if c.reduction == Reduction::Mean {
            let short = sigmoid_focal_loss(&x, &y, c.alpha.map(of::<A>), of(c.gamma))
                .unwrap()
                .wide();
            check(
                &mut fails,
                &format!("{name}: sigmoid_focal_loss"),
                short,
                c.loss,
                r * c.loss.abs(),
            );
        }
    }
    report(A::NAME, &fails);
}

#[test]
fn sigmoid_focal_loss_f32() {
    focal_cases::<f32>();
}

#[test]
fn sigmoid_focal_loss_f64() {
    focal_cases::<f64>();
}

// ---------------------------------------------------------------------------
// Cross-entropy: z-loss, entropy bonus, soft cap; per-token outputs
// ---------------------------------------------------------------------------

/// The `TokenCase` of the rows `x` at temperature `t` and soft cap `cap`.
fn token_case(x: &[f32], t: f32, cap: Option<f32>) -> &'static TokenCase {
    data::CE_TOKEN_CASES
        .iter()
        .find(|c| c.x == x && c.temperature == t && c.soft_cap == cap)
        .expect("a token case for every temperature and cap of the option cases")
}

/// The field `field` of some outputs, which must be present exactly when `on` (asked for).
fn present<'a, T>(
    fails: &mut Vec<String>,
    what: &str,
    field: &str,
    value: Option<&'a Array1<T>>,
    on: bool,
    len: usize,
) -> Option<&'a Array1<T>> {
    match (value, on) {
        (Some(v), true) if v.len() == len => Some(v),
        (Some(v), true) => {
            fails.push(format!(
                "{what}: {field} has {} values, want {len}",
                v.len()
            ));
            None
        }
        (None, false) => None,
        (v, _) => {
            fails.push(format!(
                "{what}: {field} present: {}, asked for: {on}",
                v.is_some()
            ));
            None
        }
    }
}

/// Checks the outputs `got` of the samples `rows` of the case `c` (in that order), those whose
/// target is `ignore` being ignored (target log-probability 0, rank `usize::MAX`), and that
/// exactly the outputs `want` asked for are present.
///
/// `logsumexp = m / T + ln s` cancels where the maximum `m` is negative: the loss tolerance
/// `rel · max(|want|, CE_LOSS_SCALE)`. Without a cap the logits are exact and nothing cancels
/// in the entropy (`ln s` and `−Σ e^z z / s`, both ≥ 0) nor in the log-probability
/// (`z_y − ln s`, both ≤ 0), `ln s` being taken as `ln(1 + tail)` where `s < 2`: an entrywise
/// relative tolerance, down to the dominant row's entropy (5e-16 at `T = 0.5`) and
/// log-probability (−1.3e-17). The capped logits carry the rounding of `c · tanh(x / c)`, an
/// absolute error of the cap's scale: the loss tolerance.
fn check_tokens<A: TestFloat>(
    fails: &mut Vec<String>,
    what: &str,
    got: &TokenStats<A, Ix1>,
    c: &TokenCase,
    rows: &[usize],
    ignore: Option<usize>,
    want: TokenOutputs,
) {
    let r = rel::<A>();
    let scaled = |v: f64| r * v.abs().max(CE_LOSS_SCALE);
    let fine = |v: f64| {
        if c.soft_cap.is_none() {
            r * v.abs()
        } else {
            scaled(v)
        }
    };
    let ignored = |n: usize| Some(c.targets[n]) == ignore;
    let len = rows.len();
    let what = format!("{what} ({})", c.name);
    let lse = present(
        fails,
        &what,
        "logsumexp",
        got.logsumexp.as_ref(),
        want.logsumexp,
        len,
    );
    if let Some(v) = lse {
        for (k, &n) in rows.iter().enumerate() {
            let w = c.logsumexp[n];
            check(
                fails,
                &format!("{what}: logsumexp[{n}]"),
                v[k],
                w,
                scaled(w),
            );
        }
    }
    if let Some(v) = present(
        fails,
        &what,
        "entropy",
        got.entropy.as_ref(),
        want.entropy,
        len,
    ) {
        for (k, &n) in rows.iter().enumerate() {
            let w = c.entropy[n];
            check(fails, &format!("{what}: entropy[{n}]"), v[k], w, fine(w));
        }
    }
    let on = want.target_log_prob;
    if let Some(v) = present(
        fails,
        &what,
        "target_log_prob",
        got.target_log_prob.as_ref(),
        on,
        len,
    ) {
        for (k, &n) in rows.iter().enumerate() {
            let w = if ignored(n) {
                0.0
            } else {
                c.target_log_prob[n]
            };
            check(
                fails,
                &format!("{what}: target_log_prob[{n}]"),
                v[k],
                w,
                fine(w),
            );
        }
    }
    if let Some(v) = present(
        fails,
        &what,
        "argmax",
        got.argmax.as_ref(),
        want.argmax,
        len,
    ) {
        for (k, &n) in rows.iter().enumerate() {
            if v[k] != c.argmax[n] {
                fails.push(format!(
                    "{} {what}: argmax[{n}] = {}, want {}",
                    A::NAME,
                    v[k],
                    c.argmax[n]
                ));
            }
        }
    }
    if let Some(v) = present(fails, &what, "rank", got.rank.as_ref(), want.rank, len) {
        for (k, &n) in rows.iter().enumerate() {
            let w = if ignored(n) { usize::MAX } else { c.rank[n] };
            if v[k] != w {
                fails.push(format!(
                    "{} {what}: rank[{n}] = {}, want {w}",
                    A::NAME,
                    v[k]
                ));
            }
        }
    }
}

/// The outputs a case's targets allow: all with class targets; neither the target's
/// log-probability nor its rank with probability targets (an error there).
fn outputs_for(targets: Tgt) -> TokenOutputs {
    match targets {
        Tgt::Classes => TokenOutputs::ALL,
        Tgt::Probabilities => TokenOutputs {
            logsumexp: true,
            entropy: true,
            argmax: true,
            ..TokenOutputs::default()
        },
    }
}

fn ce_extra_of<A: TestFloat>(c: &CeExtraCase) -> CrossEntropy<A> {
    let mut ce = CrossEntropy::new()
        .z_loss(of(c.z_loss))
        .entropy_bonus(of(c.entropy_bonus))
        .label_smoothing(of(c.smoothing))
        .temperature(of(c.temperature))
        .reduction(c.reduction);
    if let Some(cap) = c.soft_cap {
        ce = ce.soft_cap(of(cap));
    }
    if c.weight {
        ce = ce.weight(vec_of::<A>(data::CE_W));
    }
    if c.ignore {
        ce = ce.ignore_index(data::CE_IGNORE);
    }
    ce
}

fn linear_extra_of<A: TestFloat>(c: &CeExtraCase, chunk: Option<usize>) -> LinearCrossEntropy<A> {
    let mut ce = LinearCrossEntropy::new()
        .z_loss(of(c.z_loss))
        .entropy_bonus(of(c.entropy_bonus))
        .label_smoothing(of(c.smoothing))
        .temperature(of(c.temperature))
        .reduction(c.reduction);
    if let Some(cap) = c.soft_cap {
        ce = ce.soft_cap(of(cap));
    }
    if c.weight {
        ce = ce.weight(vec_of::<A>(data::CE_W));
    }
    if c.ignore {
        ce = ce.ignore_index(data::CE_IGNORE);
    }
    if let Some(k) = chunk {
        ce = ce.chunk_size(k);
    }
    ce
}

/// Every method of `ce` on one case: the loss (alone, with its gradient, with the outputs), the
/// per-sample losses, the per-sample backward pass; with the tolerances of `run_ce`.
fn run_ce_extra<'t, A: TestFloat + 't>(
    ce: &CrossEntropy<A>,
    x: &Array2<A>,
    targets: impl IntoTargets<'t, A> + Clone,
    c: &CeExtraCase,
    fails: &mut Vec<String>,
) {
    let r = rel::<A>();
    let name = c.name;
    let loss_tol = |want: f64| r * want.abs().max(CE_LOSS_SCALE);
    let loss = ce.loss(x, targets.clone()).unwrap();
    check(
        fails,
        &format!("{name}: loss"),
        loss,
        c.loss,
        loss_tol(c.loss),
    );
    let (loss, grad) = ce.loss_and_grad(x, targets.clone()).unwrap();
    let what = format!("{name}: loss_and_grad");
    check(
        fails,
        &format!("{what} loss"),
        loss,
        c.loss,
        loss_tol(c.loss),
    );
    check_all(
        fails,
        &format!("{what} grad"),
        &grad,
        c.grad,
        normwise(c.grad, r),
    );
    let want = outputs_for(c.targets);
    let (loss, grad, stats) = ce.loss_and_grad_with(x, targets.clone(), want).unwrap();
    let what = format!("{name}: loss_and_grad_with");
    check(
        fails,
        &format!("{what} loss"),
        loss,
        c.loss,
        loss_tol(c.loss),
    );
    check_all(
        fails,
        &format!("{what} grad"),
        &grad,
        c.grad,
        normwise(c.grad, r),
    );
    let tc = token_case(data::CE_X_LOGITS, c.temperature, c.soft_cap);
    let ignore = c.ignore.then_some(data::CE_IGNORE);
    let rows: Vec<usize> = (0..data::CE_N).collect();
    check_tokens(fails, &what, &stats, tc, &rows, ignore, want);
    let (loss, stats) = ce.loss_with(x, targets.clone(), want).unwrap();
    let what = format!("{name}: loss_with");
    check(
        fails,
        &format!("{what} loss"),
        loss,
        c.loss,
        loss_tol(c.loss),
    );
    check_tokens(fails, &what, &stats, tc, &rows, ignore, want);
    let per = ce.per_sample(x, targets.clone()).unwrap();
    check_all(
        fails,
        &format!("{name}: per_sample"),
        &per,
        c.per_sample,
        |i| loss_tol(c.per_sample[i]),
    );
    let upstream = Array1::from(vec_of::<A>(data::CE_UPSTREAM));
    let back = ce.per_sample_backward(x, targets, &upstream).unwrap();
    check_all(
        fails,
        &format!("{name}: per_sample_backward"),
        &back,
        c.backward,
        normwise(c.backward, r),
    );
}

fn cross_entropy_extra_cases<A: TestFloat>() {
    let mut fails = Vec::new();
    let x = arr2::<A>(data::CE_X_LOGITS, data::CE_N, data::CE_C);
    let q = arr2::<A>(data::CE_Q, data::CE_N, data::CE_C);
    for c in data::CE_EXTRA_CASES {
        let ce = ce_extra_of::<A>(c);
        match c.targets {
            Tgt::Classes => run_ce_extra(&ce, &x, data::CE_Y, c, &mut fails),
            Tgt::Probabilities => {
                let t = Targets::Probabilities(q.view().into_dyn());
                run_ce_extra(&ce, &x, t, c, &mut fails);
            }
        }
    }
    report(A::NAME, &fails);
}

#[test]
fn cross_entropy_z_loss_entropy_bonus_soft_cap_f32() {
    cross_entropy_extra_cases::<f32>();
}

#[test]
fn cross_entropy_z_loss_entropy_bonus_soft_cap_f64() {
    cross_entropy_extra_cases::<f64>();
}

/// `LinearCrossEntropy` on `h` = the logits and `w` = the identity (`h·wᵀ` = the logits exactly,
/// so `dh` = the logits' gradient), on one panel and in chunks of 3 and 1 classes.
fn linear_extra_cases<A: TestFloat>() {
    let r = rel::<A>();
    let loss_tol = |want: f64| r * want.abs().max(CE_LOSS_SCALE);
    let mut fails = Vec::new();
    let h = arr2::<A>(data::CE_X_LOGITS, data::CE_N, data::CE_C);
    let w = Array2::<A>::eye(data::CE_C);
    let upstream = Array1::from(vec_of::<A>(data::CE_UPSTREAM));
    let rows: Vec<usize> = (0..data::CE_N).collect();
    let classes = data::CE_EXTRA_CASES
        .iter()
        .filter(|c| c.targets == Tgt::Classes);
    for c in classes {
        let tc = token_case(data::CE_X_LOGITS, c.temperature, c.soft_cap);
        let ignore = c.ignore.then_some(data::CE_IGNORE);
        for chunk in [None, Some(3), Some(1)] {
            let ce = linear_extra_of::<A>(c, chunk);
            let name = format!("{} (linear, chunk {chunk:?})", c.name);
            let y = data::CE_Y;
            let loss = ce.loss(&h, &w, y).unwrap();
            check(
                &mut fails,
                &format!("{name}: loss"),
                loss,
                c.loss,
                loss_tol(c.loss),
            );
            let per = ce.per_sample(&h, &w, y).unwrap();
            check_all(
                &mut fails,
                &format!("{name}: per_sample"),
                &per,
                c.per_sample,
                |i| loss_tol(c.per_sample[i]),
            );
            let g = ce.loss_and_grad(&h, &w, y).unwrap();
            let what = format!("{name}: loss_and_grad");
            check(
                &mut fails,
                &format!("{what} loss"),
                g.loss,
                c.loss,
                loss_tol(c.loss),
            );
            check_all(
                &mut fails,
                &format!("{what} dh"),
                &g.dh,
                c.grad,
                normwise(c.grad, r),
            );
            let (loss, stats) = ce.loss_with(&h, &w, y, TokenOutputs::ALL).unwrap();
            let what = format!("{name}: loss_with");
            check(
                &mut fails,
                &format!("{what} loss"),
                loss,
                c.loss,
                loss_tol(c.loss),
            );
            check_tokens(
                &mut fails,
                &what,
                &stats,
                tc,
                &rows,
                ignore,
                TokenOutputs::ALL,
            );
            let (g, stats) = ce.loss_and_grad_with(&h, &w, y, TokenOutputs::ALL).unwrap();
            let what = format!("{name}: loss_and_grad_with");
            check(
                &mut fails,
                &format!("{what} loss"),
                g.loss,
                c.loss,
                loss_tol(c.loss),
            );
            check_all(
                &mut fails,
                &format!("{what} dh"),
                &g.dh,
                c.grad,
                normwise(c.grad, r),
            );
            check_tokens(
                &mut fails,
                &what,
                &stats,
                tc,
                &rows,
                ignore,
                TokenOutputs::ALL,
            );
            let g = ce.per_sample_backward(&h, &w, y, &upstream).unwrap();
            let what = format!("{name}: per_sample_backward");
            // `Σ uₙ · lossₙ` cancels (an upstream entry is negative): its error is relative to
            // the sum of its terms' tolerances.
            let tol: f64 = (0..data::CE_N)
                .map(|n| f64::from(data::CE_UPSTREAM[n]).abs() * loss_tol(c.per_sample[n]))
                .sum();
            check(
                &mut fails,
                &format!("{what} loss"),
                g.loss,
                c.backward_loss,
                tol,
            );
            let tol = normwise(c.backward, r);
            check_all(&mut fails, &format!("{what} dh"), &g.dh, c.backward, tol);
        }
    }
    report(A::NAME, &fails);
}

#[test]
fn linear_cross_entropy_z_loss_entropy_bonus_soft_cap_f32() {
    linear_extra_cases::<f32>();
}

#[test]
fn linear_cross_entropy_z_loss_entropy_bonus_soft_cap_f64() {
    linear_extra_cases::<f64>();
}

/// The reference loss of `loss_with` on a token case, without and with `ignore_index`: the
/// plain cross-entropy's (mean), where a case of the same options has it; +inf for the edge
/// rows, one of whose targets is a masked logit.
fn token_case_loss(c: &TokenCase, ignore: bool) -> Option<f64> {
    if c.x == data::CE_TOKEN_EDGE_X {
        return Some(INF);
    }
    let plain = data::CE_CASES.iter().find(|k| {
        c.soft_cap.is_none()
            && k.input == Input::Logits
            && k.targets == Tgt::Classes
            && !k.weight
            && k.ignore == ignore
            && k.smoothing == 0.0
            && k.temperature == c.temperature
            && k.reduction == Reduction::Mean
    });
    let capped = data::CE_EXTRA_CASES.iter().find(|k| {
        k.soft_cap == c.soft_cap
            && k.targets == Tgt::Classes
            && k.z_loss == 0.0
            && k.entropy_bonus == 0.0
            && k.smoothing == 0.0
            && !k.weight
            && k.ignore == ignore
            && k.temperature == c.temperature
            && k.reduction == Reduction::Mean
    });
    plain.map(|k| k.loss).or(capped.map(|k| k.loss))
}

/// `CrossEntropy::loss_with` and `loss_and_grad_with` (every output), and `LinearCrossEntropy`'s
/// on the rows without infinities (`h·wᵀ` with `w` the identity would be NaN at ±inf), in one
/// panel and in chunks, against every token case, with and without `ignore_index`.
fn token_cases<A: TestFloat>() {
    let r = rel::<A>();
    let mut fails = Vec::new();
    let all = TokenOutputs::ALL;
    for c in data::CE_TOKEN_CASES {
        let n = c.targets.len();
        let x = arr2::<A>(c.x, n, data::CE_C);
        let rows: Vec<usize> = (0..n).collect();
        let finite: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|&i| x.row(i).iter().all(|v| v.is_finite()))
            .collect();
        let h = x.select(ndarray::Axis(0), &finite);
        let y: Vec<usize> = finite.iter().map(|&i| c.targets[i]).collect();
        let w = Array2::<A>::eye(data::CE_C);
        for ignore in [None, Some(data::CE_IGNORE)] {
            let mut ce = CrossEntropy::new().temperature(of(c.temperature));
            if let Some(cap) = c.soft_cap {
                ce = ce.soft_cap(of(cap));
            }
            if let Some(i) = ignore {
                ce = ce.ignore_index(i);
            }
            let what = format!("CrossEntropy ignore {ignore:?}");
            let (loss, stats) = ce.loss_with(&x, c.targets, all).unwrap();
            check_tokens(
                &mut fails,
                &format!("{what} loss_with"),
                &stats,
                c,
                &rows,
                ignore,
                all,
            );
            if let Some(want) = token_case_loss(c, ignore.is_some()) {
                let tol = r * want.abs().max(CE_LOSS_SCALE);
                check(
                    &mut fails,
                    &format!("{what} {}: loss", c.name),
                    loss,
                    want,
                    tol,
                );
            }
            let (_, _, stats) = ce.loss_and_grad_with(&x, c.targets, all).unwrap();
            let what = format!("{what} loss_and_grad_with");
            check_tokens(&mut fails, &what, &stats, c, &rows, ignore, all);
            for chunk in [None, Some(3), Some(1)] {
                let mut lce = LinearCrossEntropy::new().temperature(of(c.temperature));
                if let Some(cap) = c.soft_cap {
                    lce = lce.soft_cap(of(cap));
                }
                if let Some(i) = ignore {
                    lce = lce.ignore_index(i);
                }
                if let Some(k) = chunk {
                    lce = lce.chunk_size(k);
                }
                let what = format!("LinearCrossEntropy chunk {chunk:?} ignore {ignore:?}");
                let (_, stats) = lce.loss_with(&h, &w, &y[..], all).unwrap();
                let at = format!("{what} loss_with");
                check_tokens(&mut fails, &at, &stats, c, &finite, ignore, all);
                let (_, stats) = lce.loss_and_grad_with(&h, &w, &y[..], all).unwrap();
                let at = format!("{what} loss_and_grad_with");
                check_tokens(&mut fails, &at, &stats, c, &finite, ignore, all);
            }
        }
    }
    report(A::NAME, &fails);
}

#[test]
fn per_token_outputs_f32() {
    token_cases::<f32>();
}

#[test]
fn per_token_outputs_f64() {
    token_cases::<f64>();
}

#[test]
fn reference_covers_the_token_options() {
    // z-loss, bonus, cap, all three (and with smoothing: 5 sets) × temperature {1, 0.5} ×
    // weight × ignore × reduction for class targets, the same without ignore for probability
    // targets.
    let count = |targets: Tgt| {
        data::CE_EXTRA_CASES
            .iter()
            .filter(|c| c.targets == targets)
            .count()
    };
    assert_eq!(count(Tgt::Classes), 5 * 2 * 2 * 2 * 2);
    assert_eq!(count(Tgt::Probabilities), 5 * 2 * 2 * 2);
    let n = data::CE_N * data::CE_C;
    for c in data::CE_EXTRA_CASES {
        assert_eq!(c.per_sample.len(), data::CE_N, "{}", c.name);
        assert_eq!((c.grad.len(), c.backward.len()), (n, n), "{}", c.name);
        assert!(!(c.ignore && c.targets == Tgt::Probabilities), "{}", c.name);
    }
    // Each option alone, and all of them together.
    let on = |c: &CeExtraCase| (c.z_loss > 0.0, c.entropy_bonus > 0.0, c.soft_cap.is_some());
    for want in [
        (true, false, false),
        (false, true, false),
        (false, false, true),
        (true, true, true),
    ] {
        assert!(
            data::CE_EXTRA_CASES.iter().any(|c| on(c) == want),
            "{want:?}"
        );
    }
    // The upstream gradient has a 0 and a negative entry, and one per sample.
    assert_eq!(data::CE_UPSTREAM.len(), data::CE_N);
    assert!(data::CE_UPSTREAM.contains(&0.0) && data::CE_UPSTREAM.iter().any(|&u| u < 0.0));
    // Both inputs × temperature {1, 0.5, 3} × cap {none, 2, 3}.
    assert_eq!(data::CE_TOKEN_CASES.len(), 2 * 3 * 3);
    for c in data::CE_TOKEN_CASES {
        let rows = c.targets.len();
        assert_eq!(c.x.len(), rows * data::CE_C, "{}", c.name);
        for v in [c.logsumexp, c.entropy, c.target_log_prob] {
            assert_eq!(v.len(), rows, "{}", c.name);
        }
        assert_eq!((c.argmax.len(), c.rank.len()), (rows, rows), "{}", c.name);
    }
    assert_eq!(data::CE_TOKEN_EDGE_Y.len(), data::CE_TOKEN_EDGE_N);
    // The edges: an entropy below 1e-15 and a log-probability above −1e-16 (the dominant
    // logit at T = 0.5), a tie at the maximum that is not the argmax's first index, a masked
    // target (log-probability −inf), and a target ranked behind ties.
    let edge = token_case(data::CE_TOKEN_EDGE_X, 0.5, None);
    assert!(edge.entropy.iter().any(|&h| h > 0.0 && h < 1e-15));
    assert!(edge.target_log_prob.iter().any(|&l| l < 0.0 && l > -1e-16));
    assert!(edge.target_log_prob.contains(&NEG_INF));
    assert!(edge.rank.contains(&3));
    let tie = (0..data::CE_TOKEN_EDGE_N).any(|n| {
        let row = &data::CE_TOKEN_EDGE_X[n * data::CE_C..(n + 1) * data::CE_C];
        let y = data::CE_TOKEN_EDGE_Y[n];
        edge.rank[n] == 0 && edge.argmax[n] != y && row[edge.argmax[n]] == row[y]
    });
    assert!(tie, "a tied target of rank 0 that is not the argmax");
    // The ignored class occurs among the targets of both inputs.
    assert!(data::CE_TOKEN_EDGE_Y.contains(&data::CE_IGNORE));
}

// ---------------------------------------------------------------------------
// The generated data
// ---------------------------------------------------------------------------

/// The expected values, generated by `tools/loss_reference_values.py` into
/// `tests/data/loss_reference_values.rs`.
#[allow(
    clippy::unreadable_literal,
    clippy::excessive_precision,
    clippy::approx_constant
)]
mod data {
    #[allow(unused_imports)]
    use super::{
        BceCase, BcelCase, CeCase, CeExtraCase, FocalCase, KlCase, Tgt, TokenCase, WeightKind,
    };
    #[allow(unused_imports)]
    use crate::harness::{F32_INF, F32_NEG_INF, INF, NEG_INF};
    use logits::{Input, Reduction};

    include!("../data/loss_reference_values.rs");
}
