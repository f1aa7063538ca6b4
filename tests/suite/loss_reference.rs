//! Reference values for the losses.
//!
//! The tutorial numbers (PyTorch, float32, as printed in the tutorial) are
//! regression tests at f32 precision. Every other expected number below was
//! computed with mpmath at 50 significant digits by
//! `tools/loss_reference_values.py`, which implements PyTorch's documented
//! formulas independently of this crate (its docstring cites them) and checks
//! each analytic gradient against a finite difference taken at 80 digits; the
//! results are correctly rounded to f64. Inputs are exact f32 values, so the
//! f32 and f64 tests see the same numbers.
//!
//! Regenerate with `python3 tools/loss_reference_values.py --write tests/suite/loss_reference.rs`.
#![allow(
    clippy::cast_precision_loss,
    clippy::float_cmp,
    clippy::many_single_char_names,
    clippy::needless_range_loop,
    clippy::too_many_lines
)]

use crate::harness::{TestFloat, wide};
use logits::{
    BinaryCrossEntropy, BinaryCrossEntropyWithLogits, CrossEntropy, Input, IntoTargets, KlDiv,
    Reduction, SigmoidFocalLoss, Targets, binary_cross_entropy, binary_cross_entropy_and_grad,
    cross_entropy, cross_entropy_and_grad, kl_div, nll_loss, sigmoid, sigmoid_focal_loss,
};
use ndarray::{Array1, Array2, ArrayD, IxDyn, array};

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

// Used by the generated data.
#[allow(dead_code)]
const INF: f64 = f64::INFINITY;
#[allow(dead_code)]
const NEG_INF: f64 = f64::NEG_INFINITY;
const F32_INF: f32 = f32::INFINITY;
const F32_NEG_INF: f32 = f32::NEG_INFINITY;

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

/// The `CrossEntropy` docs and DESIGN.md, in closed form: a row of all −inf has loss +inf and
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

/// The reduced loss of elements whose limit is +inf is +inf (DESIGN: "the limit loss (0 or
/// inf)"), for the sum and the mean, for BCE with logits and for a cross-entropy sample whose
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

// BEGIN GENERATED by tools/loss_reference_values.py; do not edit by hand.
// mpmath 1.3.0, mp.dps = 50; expected values correctly rounded to f64.
#[rustfmt::skip]
#[allow(clippy::unreadable_literal, clippy::excessive_precision, clippy::approx_constant)]
mod data {
#[allow(unused_imports)]
use super::{BceCase, BcelCase, CeCase, FocalCase, KlCase, Tgt, WeightKind, F32_INF, F32_NEG_INF, INF, NEG_INF};
use logits::{Input, Reduction};

// Cross-entropy: F.cross_entropy / F.nll_loss formulas (see the script).
pub const CE_N: usize = 5;
pub const CE_C: usize = 4;
pub const CE_IGNORE: usize = 2;
pub const CE_Y: &[usize] = &[3, 0, 2, 1, 2];
pub const CE_W: &[f32] = &[
    0.5, 2.0, 1.5, 0.25,
];
pub const CE_X_LOGITS: &[f32] = &[
    2.0, 1.0, 0.1, 0.5, 0.3, 2.2, 0.5, 1.1, -1.25, 0.7, 1.5, 0.3, 8.5, -3.25, 0.0, 12.0, -0.6,
    -0.6, 0.45, -2.0,
];
pub const CE_X_LOGPROB: &[f32] = &[
    -0.4, -1.4, -2.3, -1.9, -2.2, -0.3, -2.0, -1.4, -3.1, -1.2, -0.4, -1.6, -12.0, -15.5, -12.5,
    0.0, -1.5, -1.5, -0.6, -3.0,
];
pub const CE_X_PROB: &[f32] = &[
    0.5, 0.25, 0.125, 0.125, 0.1, 0.6, 0.2, 0.1, 0.0, 0.3, 0.7, 0.0, 1e-44, 1e-30, 0.25, 0.75, 0.2,
    0.2, 0.5, 0.1,
];
pub const CE_Q: &[f32] = &[
    0.1, 0.2, 0.3, 0.4, 0.0, 0.0, 1.0, 0.0, 0.25, 0.25, 0.25, 0.25, 0.7, 0.0, 0.3, 0.0, 0.05, 0.15,
    0.6, 0.2,
];
pub const CE_PER_SAMPLE_0: &[f64] = &[
    2.0542173688081404, 2.4098991534408345, 0.5957829621706068, 15.279756613618922,
    0.5800731461746841,
];
pub const CE_GRAD_0: &[f64] = &[
    0.11490434478265177, 0.04227094614681267, 0.017186084217432077, -0.1743613751468965,
    -0.18203512948152137, 0.12011123225127524, 0.021942342139687005, 0.039981555090559145,
    0.007046523709595748, 0.04952781309354609, -0.08977382354758963, 0.03319948674444779,
    0.005862409830499695, -0.19999995374954457, 1.19281496668374e-6, 0.1941363511040782,
    0.03918304816333944, 0.03918304816333944, -0.08802851727210619, 0.009662420945427309,
];
pub const CE_GRAD_1: &[f64] = &[
    0.5745217239132588, 0.21135473073406333, 0.08593042108716038, -0.8718068757344826,
    -0.9101756474076069, 0.6005561612563761, 0.10971171069843502, 0.19990777545279573,
    0.035232618547978746, 0.24763906546773046, -0.44886911773794813, 0.16599743372223896,
    0.029312049152498475, -0.9999997687477229, 5.964074833418699e-6, 0.970681755520391,
    0.19591524081669717, 0.19591524081669717, -0.4401425863605309, 0.04831210472713655,
];
pub const CE_PER_SAMPLE_1: &[f64] = &[
    3.1885464117269775, 3.9540483376337385, 0.25982353190125523, 30.500911466491548,
    0.2250293192678263,
];
pub const CE_GRAD_2: &[f64] = &[
    0.33126482644598876, 0.04483181911339524, 0.007410649878480964, -0.383507295437865,
    -0.39232923607525017, 0.3428922579303626, 0.011443434799884715, 0.037993543345002836,
    0.0012606670872737616, 0.06228004013318709, -0.0915249344730767, 0.027984227252615852,
    0.00036442047774649266, -0.3999999999999773, 1.5086780813204154e-11, 0.39963557950714407,
    0.039112229929248885, 0.039112229929248885, -0.08060287712331908, 0.0023784172648213192,
];
pub const CE_GRAD_3: &[f64] = &[
    1.6563241322299438, 0.2241590955669762, 0.03705324939240482, -1.9175364771893249,
    -1.9616461803762508, 1.7144612896518132, 0.057217173999423575, 0.1899677167250142,
    0.0063033354363688085, 0.31140020066593543, -0.4576246723653835, 0.13992113626307925,
    0.0018221023887324632, -1.9999999999998865, 7.543390406602077e-11, 1.9981778975357203,
    0.1955611496462444, 0.1955611496462444, -0.4030143856165954, 0.011892086324106597,
];
pub const CE_PER_SAMPLE_2: &[f64] = &[
    1.5486799698775784, 1.6598313668703748, 1.042429177312584, 5.3729520841916765,
    1.0477674499119505,
];
pub const CE_GRAD_4: &[f64] = &[
    0.023359998832988678, 0.016738170578803564, 0.012399941751815455, -0.0524981111636077,
    -0.053988596897569706, 0.0238839588617339, 0.01355208450772856, 0.016552553528107247,
    0.00939905576689979, 0.018004275004132504, -0.043160192008585195, 0.0157568612375529,
    0.015540035981597212, -0.06635730585448073, 0.0009140100856339526, 0.049903259787249556,
    0.016476541202988658, 0.016476541202988658, -0.04328534163953671, 0.010332259233559396,
];
pub const CE_GRAD_5: &[f64] = &[
    0.1167999941649434, 0.08369085289401783, 0.061999708759077274, -0.2624905558180385,
    -0.26994298448784854, 0.1194197943086695, 0.0677604225386428, 0.08276276764053622,
    0.04699527883449895, 0.09002137502066251, -0.21580096004292598, 0.07878430618776451,
    0.07770017990798606, -0.3317865292724036, 0.004570050428169763, 0.24951629893624777,
    0.0823827060149433, 0.0823827060149433, -0.21642670819768356, 0.05166129616779698,
];
pub const CE_PER_SAMPLE_3: &[f64] = &[
    2.014217368174841, 2.3373991514664305, 0.7145329639401197, 14.523506602349919,
    0.6938231481677144,
];
pub const CE_GRAD_6: &[f64] = &[
    0.10990434470814596, 0.03727094607230686, 0.01218608414292627, -0.1593613749233791,
    -0.16703512925800396, 0.11511123217676943, 0.0169423420651812, 0.03498155501605334,
    0.0020465236350899426, 0.04452781301904028, -0.07477382332407222, 0.028199486669941983,
    0.000862409755993889, -0.18499995352602716, -0.004998807259539122, 0.18913635102957238,
    0.03418304808883363, 0.03418304808883363, -0.07302851704858876, 0.004662420870921504,
];
pub const CE_GRAD_7: &[f64] = &[
    0.5495217235407298, 0.1863547303615343, 0.06093042071463135, -0.7968068746168955,
    -0.8351756462900198, 0.5755561608838471, 0.08471171032590599, 0.1749077750802667,
    0.010232618175449713, 0.22263906509520143, -0.37386911662036104, 0.14099743334970993,
    0.004312048779969445, -0.9249997676301358, -0.024994036297695612, 0.945681755147862,
    0.17091524044416814, 0.17091524044416814, -0.3651425852429438, 0.023312104354607517,
];
pub const CE_PER_SAMPLE_4: &[f64] = &[
    3.108546410460379, 3.8090483336849306, 0.497323535440281, 28.98841144395354,
    0.45252932325388695,
];
pub const CE_GRAD_8: &[f64] = &[
    0.32126482629697717, 0.03483181896438362, -0.002589350270530648, -0.3535072949908301,
    -0.36232923562821534, 0.332892257781351, 0.001443434650873103, 0.027993543195991226,
    -0.008739333061737851, 0.05228003998417548, -0.061524934026041866, 0.017984227103604238,
    -0.00963557967126512, -0.3699999995529425, -0.010000000133924832, 0.3896355793581324,
    0.02911222978023727, 0.02911222978023727, -0.05060287667628425, -0.007621582884190293,
];
pub const CE_GRAD_9: &[f64] = &[
    1.6063241314848857, 0.17415909482191813, -0.012946751352653241, -1.7675364749541507,
    -1.8116461781410766, 1.6644612889067552, 0.007217173254365514, 0.13996771597995614,
    -0.04369666530868925, 0.2614001999208774, -0.30762467013020933, 0.0899211355180212,
    -0.0481778983563256, -1.8499999977647124, -0.05000000066962416, 1.9481778967906622,
    0.14556114890118635, 0.14556114890118635, -0.25301438338142124, -0.03810791442095146,
];
pub const CE_PER_SAMPLE_5: &[f64] = &[
    1.5353466363331452, 1.6356646995455735, 1.0820125112357548, 5.120868747102009,
    1.0856841172429605,
];
pub const CE_GRAD_10: &[f64] = &[
    0.02169333214148674, 0.01507150388730163, 0.010733275060313519, -0.04749811108910189,
    -0.0489885968230639, 0.022217292170231964, 0.011885417816226623, 0.01488588683660531,
    0.007732389075397855, 0.016337608312630567, -0.038160191934079386, 0.014090194546050967,
    0.013873369290095276, -0.06135730577997491, -0.0007526566058679827, 0.04823659309574762,
    0.014809874511486723, 0.014809874511486723, -0.03828534156503091, 0.008665592542057461,
];
pub const CE_GRAD_11: &[f64] = &[
    0.10846666070743372, 0.07535751943650815, 0.05366637530156759, -0.23749055544550945,
    -0.24494298411531948, 0.11108646085115982, 0.059427089081133116, 0.07442943418302655,
    0.038661945376989276, 0.08168804156315285, -0.19080095967039695, 0.07045097273025483,
    0.06936684645047639, -0.30678652889987457, -0.003763283029339914, 0.2411829654787381,
    0.07404937255743362, 0.07404937255743362, -0.19142670782515453, 0.043327962710287306,
];
pub const CE_PER_SAMPLE_6: &[f64] = &[
    1.6542173684356114, 1.6848991445001378, 1.7832829621706068, 7.717256613618922,
    1.7175731491549164,
];
pub const CE_GRAD_12: &[f64] = &[
    0.06490434478265177, -0.007729053853187333, -0.032813915782567926, -0.024361375146896513,
    -0.03203512948152138, 0.07011123225127523, -0.028057657860312994, -0.010018444909440857,
    -0.042953476290404254, -0.00047218690645390974, 0.06022617645241037, -0.01680051325555221,
    -0.04413759016950031, -0.04999995374954458, -0.049998807185033314, 0.1441363511040782,
    -0.010816951836660564, -0.010816951836660564, 0.061971482727893816, -0.04033757905457269,
];
pub const CE_GRAD_13: &[f64] = &[
    0.32452172391325884, -0.038645269265936665, -0.16406957891283963, -0.12180687573448257,
    -0.1601756474076069, 0.3505561612563762, -0.14028828930156498, -0.050092224547204287,
    -0.21476738145202126, -0.0023609345322695486, 0.30113088226205187, -0.08400256627776105,
    -0.22068795084750154, -0.2499997687477229, -0.24999403592516659, 0.720681755520391,
    -0.05408475918330282, -0.05408475918330282, 0.3098574136394691, -0.20168789527286346,
];
pub const CE_PER_SAMPLE_7: &[f64] = &[
    2.3885464109819194, 2.504048319752345, 2.6348235319012554, 15.375911466491548,
    2.5000293252282906,
];
pub const CE_GRAD_14: &[f64] = &[
    0.23126482644598878, -0.055168180886604766, -0.09258935012151903, -0.08350729543786498,
    -0.09232923607525018, 0.24289225793036262, -0.08855656520011529, -0.06200645665499716,
    -0.09873933291272624, -0.03771995986681291, 0.2084750655269233, -0.07201577274738415,
    -0.0996355795222535, -0.09999999999997732, -0.09999999998491321, 0.29963557950714403,
    -0.060887770070751114, -0.060887770070751114, 0.21939712287668092, -0.09762158273517868,
];
pub const CE_GRAD_15: &[f64] = &[
    1.1563241322299438, -0.27584090443302384, -0.46294675060759516, -0.41753647718932485,
    -0.4616461803762509, 1.2144612896518132, -0.44278282600057645, -0.3100322832749858,
    -0.4936966645636312, -0.18859979933406454, 1.0423753276346164, -0.3600788637369208,
    -0.4981778976112675, -0.4999999999998866, -0.4999999999245661, 1.4981778975357203,
    -0.30443885035375556, -0.30443885035375556, 1.0969856143834045, -0.4881079136758934,
];
pub const CE_PER_SAMPLE_8: &[f64] = &[
    1.4153466364200686, 1.4181646972234758, 1.4382625106459173, 2.8521187508583434,
    1.4269341175720278,
];
pub const CE_GRAD_16: &[f64] = &[
    0.0066933321663220115, 7.150391213689815e-5, -0.0042667249148512125, -0.002498111163607697,
    -0.003988596897569704, 0.007217292195067233, -0.0031145821589381078, -0.00011411313855942147,
    -0.007267610899766876, 0.001337608337465837, 0.006839807991414804, -0.0009098054291137652,
    -0.0011266306850694547, -0.01635730585448072, -0.015752656581032715, 0.03323659312058289,
    -0.00019012546367800764, -0.00019012546367800764, 0.006714658360463285, -0.00633440743310727,
];
pub const CE_GRAD_17: &[f64] = &[
    0.033466660831610054, 0.00035751956068449074, -0.021333624574256062, -0.012490555818038485,
    -0.019942984487848522, 0.03608646097533617, -0.01557291079469054, -0.0005705656927971074,
    -0.036338054498834385, 0.0066880416873291845, 0.034199039957074025, -0.004549027145568826,
    -0.005633153425347273, -0.08178652927240361, -0.07876328290516357, 0.16618296560291446,
    -0.0009506273183900382, -0.0009506273183900382, 0.03357329180231643, -0.03167203716553635,
];
pub const CE_PER_SAMPLE_9: &[f64] = &[
    2.0542173688081404, 2.4098991534408345, 0.0, 15.279756613618922, 0.0,
];
pub const CE_GRAD_18: &[f64] = &[
    0.19150724130441962, 0.07045157691135445, 0.028643473695720126, -0.29060229191149417,
    -0.3033918824692023, 0.20018538708545872, 0.036570570232811676, 0.0666359251509319, 0.0, 0.0,
    0.0, 0.0, 0.009770683050832825, -0.333333256249241, 1.9880249444729e-6, 0.32356058517346364,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_19: &[f64] = &[
    0.5745217239132588, 0.21135473073406333, 0.08593042108716038, -0.8718068757344826,
    -0.9101756474076069, 0.6005561612563761, 0.10971171069843502, 0.19990777545279573, 0.0, 0.0,
    0.0, 0.0, 0.029312049152498475, -0.9999997687477229, 5.964074833418699e-6, 0.970681755520391,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_10: &[f64] = &[
    3.1885464117269775, 3.9540483376337385, 0.0, 30.500911466491548, 0.0,
];
pub const CE_GRAD_20: &[f64] = &[
    0.5521080440766479, 0.07471969852232539, 0.012351083130801606, -0.6391788257297749,
    -0.6538820601254169, 0.5714870965506044, 0.019072391333141193, 0.0633225722416714, 0.0, 0.0,
    0.0, 0.0, 0.000607367462910821, -0.6666666666666289, 2.514463468867359e-11, 0.6660592991785734,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_21: &[f64] = &[
    1.6563241322299438, 0.2241590955669762, 0.03705324939240482, -1.9175364771893249,
    -1.9616461803762508, 1.7144612896518132, 0.057217173999423575, 0.1899677167250142, 0.0, 0.0,
    0.0, 0.0, 0.0018221023887324632, -1.9999999999998865, 7.543390406602077e-11,
    1.9981778975357203, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_11: &[f64] = &[
    1.5486799698775784, 1.6598313668703748, 0.0, 5.3729520841916765, 0.0,
];
pub const CE_GRAD_22: &[f64] = &[
    0.038933331388314465, 0.02789695096467261, 0.02066656958635909, -0.08749685193934616,
    -0.08998099482928285, 0.039806598102889834, 0.022586807512880933, 0.027587589213512075, 0.0,
    0.0, 0.0, 0.0, 0.025900059969328686, -0.11059550975746787, 0.0015233501427232544,
    0.08317209964541593, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_23: &[f64] = &[
    0.1167999941649434, 0.08369085289401783, 0.061999708759077274, -0.2624905558180385,
    -0.26994298448784854, 0.1194197943086695, 0.0677604225386428, 0.08276276764053622, 0.0, 0.0,
    0.0, 0.0, 0.07770017990798606, -0.3317865292724036, 0.004570050428169763, 0.24951629893624777,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_12: &[f64] = &[
    2.014217368174841, 2.3373991514664305, 0.0, 14.523506602349919, 0.0,
];
pub const CE_GRAD_24: &[f64] = &[
    0.18317390784690993, 0.06211824345384477, 0.020310140238210452, -0.26560229153896514,
    -0.27839188209667326, 0.19185205362794905, 0.028237236775302, 0.05830259169342223, 0.0, 0.0,
    0.0, 0.0, 0.0014373495933231483, -0.30833325587671195, -0.008331345432565205,
    0.315227251715954, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_25: &[f64] = &[
    0.5495217235407298, 0.1863547303615343, 0.06093042071463135, -0.7968068746168955,
    -0.8351756462900198, 0.5755561608838471, 0.08471171032590599, 0.1749077750802667, 0.0, 0.0,
    0.0, 0.0, 0.004312048779969445, -0.9249997676301358, -0.024994036297695612, 0.945681755147862,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_13: &[f64] = &[
    3.108546410460379, 3.8090483336849306, 0.0, 28.98841144395354, 0.0,
];
pub const CE_GRAD_26: &[f64] = &[
    0.5354413771616287, 0.058053031607306044, -0.004315583784217747, -0.5891788249847169,
    -0.6038820593803589, 0.554820429635585, 0.002405724418121838, 0.04665590532665204, 0.0, 0.0,
    0.0, 0.0, -0.016059299452108534, -0.6166666659215708, -0.01666666688987472, 0.649392632263554,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_27: &[f64] = &[
    1.6063241314848857, 0.17415909482191813, -0.012946751352653241, -1.7675364749541507,
    -1.8116461781410766, 1.6644612889067552, 0.007217173254365514, 0.13996771597995614, 0.0, 0.0,
    0.0, 0.0, -0.0481778983563256, -1.8499999977647124, -0.05000000066962416, 1.9481778967906622,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_14: &[f64] = &[
    1.5353466363331452, 1.6356646995455735, 0.0, 5.120868747102009, 0.0,
];
pub const CE_GRAD_28: &[f64] = &[
    0.03615555356914457, 0.025119173145502716, 0.0178887917671892, -0.07916351848183649,
    -0.08164766137177316, 0.03702882028371994, 0.01980902969371104, 0.02480981139434218, 0.0, 0.0,
    0.0, 0.0, 0.023122282150158796, -0.1022621762999582, -0.0012544276764466379,
    0.08039432182624603, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_29: &[f64] = &[
    0.10846666070743372, 0.07535751943650815, 0.05366637530156759, -0.23749055544550945,
    -0.24494298411531948, 0.11108646085115982, 0.059427089081133116, 0.07442943418302655, 0.0, 0.0,
    0.0, 0.0, 0.06936684645047639, -0.30678652889987457, -0.003763283029339914, 0.2411829654787381,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_15: &[f64] = &[
    1.6542173684356114, 1.6848991445001378, 0.0, 7.717256613618922, 0.0,
];
pub const CE_GRAD_30: &[f64] = &[
    0.10817390797108628, -0.012881756421978889, -0.054689859637613206, -0.04060229191149419,
    -0.0533918824692023, 0.11685205375212539, -0.04676276310052166, -0.016697408182401428, 0.0,
    0.0, 0.0, 0.0, -0.0735626502825005, -0.08333325624924096, -0.08333134530838886,
    0.24022725184013033, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_31: &[f64] = &[
    0.32452172391325884, -0.038645269265936665, -0.16406957891283963, -0.12180687573448257,
    -0.1601756474076069, 0.3505561612563762, -0.14028828930156498, -0.050092224547204287, 0.0, 0.0,
    0.0, 0.0, -0.22068795084750154, -0.2499997687477229, -0.24999403592516659, 0.720681755520391,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_16: &[f64] = &[
    2.3885464109819194, 2.504048319752345, 0.0, 15.375911466491548, 0.0,
];
pub const CE_GRAD_32: &[f64] = &[
    0.3854413774099813, -0.09194696814434127, -0.15431558353586505, -0.13917882572977497,
    -0.15388206012541697, 0.4048204298839377, -0.14759427533352548, -0.10334409442499527, 0.0, 0.0,
    0.0, 0.0, -0.16605929920375584, -0.16666666666662885, -0.16666666664152202,
    0.49939263251190674, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_33: &[f64] = &[
    1.1563241322299438, -0.27584090443302384, -0.46294675060759516, -0.41753647718932485,
    -0.4616461803762509, 1.2144612896518132, -0.44278282600057645, -0.3100322832749858, 0.0, 0.0,
    0.0, 0.0, -0.4981778976112675, -0.4999999999998866, -0.4999999999245661, 1.4981778975357203,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_17: &[f64] = &[
    1.4153466364200686, 1.4181646972234758, 0.0, 2.8521187508583434, 0.0,
];
pub const CE_GRAD_34: &[f64] = &[
    0.011155553610536686, 0.00011917318689483025, -0.007111208191418687, -0.004163518606012828,
    -0.006647661495949507, 0.012028820325112056, -0.005190970264896846, -0.00019018856426570246,
    0.0, 0.0, 0.0, 0.0, -0.0018777178084490912, -0.027262176424134536, -0.026254427635054523,
    0.05539432186763815, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_35: &[f64] = &[
    0.033466660831610054, 0.00035751956068449074, -0.021333624574256062, -0.012490555818038485,
    -0.019942984487848522, 0.03608646097533617, -0.01557291079469054, -0.0005705656927971074, 0.0,
    0.0, 0.0, 0.0, -0.005633153425347273, -0.08178652927240361, -0.07876328290516357,
    0.16618296560291446, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_18: &[f64] = &[
    0.5135543422020351, 1.2049495767204172, 0.8936744432559102, 30.559513227237844,
    0.8701097192620262,
];
pub const CE_GRAD_36: &[f64] = &[
    0.024979205387532993, 0.00918933611887232, 0.003736105264659147, -0.03790464677106446,
    -0.07914570847022669, 0.052222274891858794, 0.009540148756385654, 0.017383284821982235,
    0.009191117882081412, 0.06460149533940794, -0.11709629158381256, 0.043303678362323204,
    0.010195495357390774, -0.3478260065209471, 2.0744608116238953e-6, 0.33762843670274467,
    0.05110832369131231, 0.05110832369131231, -0.1148198051375298, 0.012603157754905185,
];
pub const CE_GRAD_37: &[f64] = &[
    0.1436304309783147, 0.05283868268351583, 0.021482605271790096, -0.21795171893362064,
    -0.45508782370380346, 0.30027808062818806, 0.05485585534921751, 0.09995388772639786,
    0.052848927821968116, 0.37145859820159566, -0.6733036766069223, 0.24899615058335842,
    0.05862409830499695, -1.9999995374954458, 1.1928149666837399e-5, 1.941363511040782,
    0.29387286122504575, 0.29387286122504575, -0.6602138795407964, 0.07246815709070482,
];
pub const CE_PER_SAMPLE_19: &[f64] = &[
    0.7971366029317444, 1.9770241688168693, 0.3897352978518828, 61.001822932983096,
    0.3375439789017394,
];
pub const CE_GRAD_38: &[f64] = &[
    0.07201409270564973, 0.00974604763334679, 0.0016110108431480357, -0.08337115118214455,
    -0.17057792872836963, 0.1490835904045055, 0.004975406434732484, 0.016518931889131668,
    0.0016443483747049065, 0.08123483495633099, -0.11938034931270874, 0.03650116598167285,
    0.0006337747439069438, -0.695652173913004, 2.6237879675137657e-11, 0.6950183991428592,
    0.05101595208162898, 0.05101595208162898, -0.10513418755215533, 0.003102283388897373,
];
pub const CE_GRAD_39: &[f64] = &[
    0.41408103305748595, 0.05603977389174405, 0.009263312348101205, -0.4793841192973312,
    -0.9808230901881254, 0.8572306448259066, 0.028608586999711787, 0.0949838583625071,
    0.009455003154553212, 0.4671003009989032, -0.6864370085480753, 0.20988170439461887,
    0.0036442047774649265, -3.999999999999773, 1.5086780813204154e-10, 3.9963557950714406,
    0.2933417244693666, 0.2933417244693666, -0.6045215784248932, 0.017838129486159895,
];
pub const CE_PER_SAMPLE_20: &[f64] = &[
    0.3871699924693946, 0.8299156834351874, 1.5636437659688758, 10.745904168383353,
    1.5716511748679256,
];
pub const CE_GRAD_40: &[f64] = &[
    0.005078260615867104, 0.003638732734522514, 0.002695639511264229, -0.011412632861653848,
    -0.02347330299894335, 0.010384329939884305, 0.005892210655534156, 0.0071967624035248895,
    0.012259637956825813, 0.02348383696191196, -0.056295902619893735, 0.020552427701155958,
    0.027026149533212543, -0.1154040101817056, 0.0015895827576242654, 0.08678827789086879,
    0.021491140699550423, 0.021491140699550423, -0.056459141268960934, 0.013476859869860082,
];
pub const CE_GRAD_41: &[f64] = &[
    0.02919999854123585, 0.020922713223504457, 0.015499927189769318, -0.06562263895450962,
    -0.13497149224392427, 0.05970989715433475, 0.0338802112693214, 0.04138138382026811,
    0.07049291825174843, 0.13503206253099378, -0.32370144006438895, 0.11817645928164676,
    0.1554003598159721, -0.6635730585448072, 0.009140100856339525, 0.49903259787249554,
    0.12357405902241494, 0.12357405902241494, -0.32464006229652537, 0.07749194425169548,
];
pub const CE_PER_SAMPLE_21: &[f64] = &[
    0.6517095054204894, 1.2330064031039332, 0.9494839400141131, 28.762973517940544,
    0.9256690206153341,
];
pub const CE_GRAD_42: &[f64] = &[
    0.030923534183580355, 0.0034802180985202924, -0.0015713997338493992, -0.03283235254825125,
    -0.07174525273676485, 0.04940162860124896, 0.004091676279855692, 0.018251947855660196,
    0.006749130530653996, 0.054021632727109935, -0.10172446111109613, 0.04095369785333221,
    0.0075436684295195205, -0.32173905338089964, -0.006519762007156638, 0.32071514695853676,
    0.04744375115223105, 0.04092201192461478, -0.0995143721871527, 0.011148609110306858,
];
pub const CE_GRAD_43: &[f64] = &[
    0.17781032155558704, 0.020011254066491683, -0.009035548469634044, -0.1887860271524447,
    -0.41253520323639786, 0.28405936445718155, 0.02352713860917023, 0.10494870017004612,
    0.038807500551260476, 0.3106243881808821, -0.5849156513888027, 0.2354837626566602,
    0.04337609346973724, -1.8499995569401728, -0.037488631541150674, 1.8441120950115863,
    0.27280156912532855, 0.235301568566535, -0.572207640076128, 0.06410450238426443,
];
pub const CE_PER_SAMPLE_22: &[f64] = &[
    0.9987060017764207, 1.9844393850880417, 0.5421180216449637, 57.41423742954032,
    0.4895739497902996,
];
pub const CE_GRAD_44: &[f64] = &[
    0.09107084703199714, -0.004477791445593305, -0.010908889080259462, -0.07568416650614437,
    -0.15715924985818341, 0.1484641899679565, -0.007508338788251973, 0.01620339867847891,
    -0.002751437938682828, 0.06147418096115523, -0.091985378571277, 0.0332626355488046,
    -0.0037437595994005597, -0.6434782600920758, -0.013043478430224558, 0.6602654981217009,
    0.045180160638664875, 0.03213668218343234, -0.07815472986826469, 0.000837887046167471,
];
pub const CE_GRAD_45: &[f64] = &[
    0.5236573704339835, -0.025747300812161505, -0.06272611221149191, -0.4351839574103301,
    -0.9036656866845547, 0.8536690923157498, -0.043172948032448845, 0.09316954240125373,
    -0.01582076814742626, 0.35347654052664257, -0.5289159267848428, 0.19126015440562644,
    -0.02152661769655322, -3.6999999955294354, -0.07500000097379121, 3.79652661419978,
    0.25978592367232306, 0.18478592255473594, -0.44938969674252194, 0.004817850515462958,
];
pub const CE_PER_SAMPLE_23: &[f64] = &[
    0.5034169084022021, 0.8874478648737388, 1.545329156029055, 10.120835734509471,
    1.552790515543416,
];
pub const CE_GRAD_46: &[f64] = &[
    0.006004057648659943, 0.0019227701230348148, 0.0013978092896076658, -0.009324637061302423,
    -0.020679266935994443, 0.008654016307699925, 0.004381171288287247, 0.00764407934000727,
    0.011177427485799448, 0.019900340939153598, -0.0506684314632475, 0.019590663038294456,
    0.025034661063008293, -0.10673357751002124, -0.0006588420111217724, 0.08235775845813473,
    0.02013967806118242, 0.017965764985310332, -0.0508269089849793, 0.01272146593848654,
];
pub const CE_GRAD_47: &[f64] = &[
    0.034523331479794674, 0.011055928207450185, 0.008037403415244077, -0.053616663102488936,
    -0.11890578488196805, 0.04976059376927457, 0.02519173490765167, 0.043953456205041805,
    0.06427020804334682, 0.11442696040013318, -0.2913434809136731, 0.11264631247019312,
    0.1439493011122977, -0.6137180706826222, -0.003788341563950191, 0.4735571111342747,
    0.11580314885179892, 0.1033031486655344, -0.29225472666363095, 0.0731484291462976,
];
pub const CE_PER_SAMPLE_24: &[f64] = &[
    1.8951059537998556, 1.4855178363747834, 1.451769402521676, 12.594116401970105,
    1.4257027245161245,
];
pub const CE_GRAD_48: &[f64] = &[
    0.08442249246223262, -0.04790184323392308, -0.04933894392954645, 0.012818294701236917,
    -0.005141152238362144, 0.02401581240606951, -0.04494457519702831, 0.026069915029320948,
    -0.015228755268308275, -0.04119712920704981, 0.03662201085277045, 0.019803873622587634,
    -0.01632277352616876, -0.0869564790077314, -0.06521628924704165, 0.1684955417809418,
    0.01446259884656361, -0.05075479245778421, 0.03823452208555407, -0.0019423284743334643,
];
pub const CE_GRAD_49: &[f64] = &[
    0.4854293316578375, -0.27543559859505773, -0.28369892759489207, 0.07370519453211227,
    -0.029561625370582326, 0.13809092133489967, -0.2584313073829128, 0.14990201141859544,
    -0.08756534279277259, -0.2368834929405364, 0.2105765624034301, 0.11387227332987888,
    -0.09385594777547038, -0.4999997542944556, -0.3749936631704895, 0.9688493652404154,
    0.08315994336774075, -0.29184005663225926, 0.21984850199193592, -0.01116838872741742,
];
pub const CE_PER_SAMPLE_25: &[f64] = &[
    2.812830561342327, 2.051176330423641, 1.9135625130758964, 25.12596843314727,
    1.8578436651331105,
];
pub const CE_GRAD_50: &[f64] = &[
    0.26258163312944616, -0.132492341036537, -0.1235879865253165, -0.0065013055675926384,
    -0.03639114202604636, 0.1428895861313133, -0.11986204393488913, 0.013363599829622189,
    -0.04231351410414924, -0.11637170205085975, 0.15456935401944, 0.004115862135568992,
    -0.043141568036864655, -0.1739130434782399, -0.13043478259475677, 0.34748939410986135,
    -0.0073419614784113576, -0.13777674408710702, 0.16466038526649868, -0.019541679700980304,
];
pub const CE_GRAD_51: &[f64] = &[
    1.5098443904943153, -0.7618309609600878, -0.7106309225205699, -0.037382507013657675,
    -0.20924906664976659, 0.8216151202550515, -0.6892067526256125, 0.07684069902032759,
    -0.24330270609885815, -0.6691372867924436, 0.88877378561178, 0.023666207279521706,
    -0.24806401621197174, -0.9999999999998795, -0.7499999999198514, 1.9980640161317027,
    -0.042216278500865304, -0.7922162785008653, 0.9467972152823674, -0.11236465828063674,
];
pub const CE_PER_SAMPLE_26: &[f64] = &[
    1.549639134475329, 1.4052374892477388, 1.380497669299756, 4.49521992278699, 1.3830445844332881,
];
pub const CE_GRAD_52: &[f64] = &[
    0.014336230805840988, -0.013520893124656127, -0.010282662511909634, 0.009467324830724773,
    0.004467057214201904, -0.006918806124122665, -0.009218182791772528, 0.011669931701693288,
    0.0014375334078240815, -0.012351122731689172, -2.119189198994496e-5, 0.010934781215855036,
    0.00711126512792496, -0.028699684756857188, -0.020894664594794717, 0.042483084223726944,
    0.007976514517254014, -0.013762615917528594, -0.00013681926841254424, 0.005922920668687124,
];
pub const CE_GRAD_53: &[f64] = &[
    0.08243332713358568, -0.07774513546677272, -0.0591253094434804, 0.054437117776667446,
    0.025685578981660948, -0.03978313521370532, -0.05300455105269203, 0.06710210728473641,
    0.008265817094988468, -0.07101895570721274, -0.00012185337894218353, 0.06287499199116646,
    0.04088977448556852, -0.16502318735192884, -0.12014432142006963, 0.24427773428642993,
    0.045864958474210585, -0.07913504152578942, -0.0007867107933721294, 0.03405679384495096,
];
pub const CE_PER_SAMPLE_27: &[f64] = &[
    0.5135543422020351, 1.2049495767204172, 0.0, 30.559513227237844, 0.0,
];
pub const CE_GRAD_54: &[f64] = &[
    0.052229247628478075, 0.019214066430369395, 0.007811856462469125, -0.0792551705213166,
    -0.1654864813468376, 0.10919202931934112, 0.019947583763351824, 0.036346868264144676, 0.0, 0.0,
    0.0, 0.0, 0.0213178539290898, -0.727272559089253, 4.337508969759054e-6, 0.7059503676511935,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_55: &[f64] = &[
    0.1436304309783147, 0.05283868268351583, 0.021482605271790096, -0.21795171893362064,
    -0.45508782370380346, 0.30027808062818806, 0.05485585534921751, 0.09995388772639786, 0.0, 0.0,
    0.0, 0.0, 0.05862409830499695, -1.9999995374954458, 1.1928149666837399e-5, 1.941363511040782,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_28: &[f64] = &[
    0.7971366029317444, 1.9770241688168693, 0.0, 61.001822932983096, 0.0,
];
pub const CE_GRAD_56: &[f64] = &[
    0.1505749211118131, 0.020378099596997833, 0.0033684772174913473, -0.17432149792630225,
    -0.3566629418865911, 0.31172023448214786, 0.01040312254534974, 0.03453958485909349, 0.0, 0.0,
    0.0, 0.0, 0.0013251653736236096, -1.454545454545372, 5.4861021138924195e-11,
    1.4532202891168875, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_57: &[f64] = &[
    0.41408103305748595, 0.05603977389174405, 0.009263312348101205, -0.4793841192973312,
    -0.9808230901881254, 0.8572306448259066, 0.028608586999711787, 0.0949838583625071, 0.0, 0.0,
    0.0, 0.0, 0.0036442047774649265, -3.999999999999773, 1.5086780813204154e-10,
    3.9963557950714406, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_29: &[f64] = &[
    0.3871699924693946, 0.8299156834351874, 0.0, 10.745904168383353, 0.0,
];
pub const CE_GRAD_58: &[f64] = &[
    0.010618181287722126, 0.007608259354001621, 0.005636337159916116, -0.023862777801639864,
    -0.049080542634154276, 0.021712689874303547, 0.012320076825207782, 0.015047775934642951, 0.0,
    0.0, 0.0, 0.0, 0.05650922175126259, -0.24129929401629352, 0.0033236730386689184,
    0.181466399226362, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_59: &[f64] = &[
    0.02919999854123585, 0.020922713223504457, 0.015499927189769318, -0.06562263895450962,
    -0.13497149224392427, 0.05970989715433475, 0.0338802112693214, 0.04138138382026811, 0.0, 0.0,
    0.0, 0.0, 0.1554003598159721, -0.6635730585448072, 0.009140100856339525, 0.49903259787249554,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_30: &[f64] = &[
    0.6517095054204894, 1.2330064031039332, 0.0, 28.762973517940544, 0.0,
];
pub const CE_GRAD_60: &[f64] = &[
    0.0646582987474862, 0.00727681966054243, -0.0032856539889578344, -0.0686494644190708,
    -0.15001280117687196, 0.10329431434806602, 0.008555323130607357, 0.03816316369819859, 0.0, 0.0,
    0.0, 0.0, 0.01577312489808627, -0.6727271116146083, -0.013632229651327517, 0.6705862163678495,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_61: &[f64] = &[
    0.17781032155558704, 0.020011254066491683, -0.009035548469634044, -0.1887860271524447,
    -0.41253520323639786, 0.28405936445718155, 0.02352713860917023, 0.10494870017004612, 0.0, 0.0,
    0.0, 0.0, 0.04337609346973724, -1.8499995569401728, -0.037488631541150674, 1.8441120950115863,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_31: &[f64] = &[
    0.9987060017764207, 1.9844393850880417, 0.0, 57.41423742954032, 0.0,
];
pub const CE_GRAD_62: &[f64] = &[
    0.190420861975994, -0.009362654840786001, -0.022809495349633422, -0.1582487117855746,
    -0.328605704248929, 0.3104251244784545, -0.0156992538299814, 0.033879833600455905, 0.0, 0.0,
    0.0, 0.0, -0.007827860980564807, -1.3454545438288856, -0.02727272762683317, 1.3805551324362837,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_63: &[f64] = &[
    0.5236573704339835, -0.025747300812161505, -0.06272611221149191, -0.4351839574103301,
    -0.9036656866845547, 0.8536690923157498, -0.043172948032448845, 0.09316954240125373, 0.0, 0.0,
    0.0, 0.0, -0.02152661769655322, -3.6999999955294354, -0.07500000097379121, 3.79652661419978,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_32: &[f64] = &[
    0.5034169084022021, 0.8874478648737388, 0.0, 10.120835734509471, 0.0,
];
pub const CE_GRAD_64: &[f64] = &[
    0.012553938719925335, 0.004020337529981885, 0.0029226921509978468, -0.019496968400905066,
    -0.043238467229806565, 0.0180947613706453, 0.009160630875509697, 0.015983074983651566, 0.0,
    0.0, 0.0, 0.0, 0.05234520040447189, -0.2231702075209535, -0.0013775787505273423,
    0.17220258586700898, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_65: &[f64] = &[
    0.034523331479794674, 0.011055928207450185, 0.008037403415244077, -0.053616663102488936,
    -0.11890578488196805, 0.04976059376927457, 0.02519173490765167, 0.043953456205041805, 0.0, 0.0,
    0.0, 0.0, 0.1439493011122977, -0.6137180706826222, -0.003788341563950191, 0.4735571111342747,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_33: &[f64] = &[
    1.8951059537998556, 1.4855178363747834, 0.0, 12.594116401970105, 0.0,
];
pub const CE_GRAD_66: &[f64] = &[
    0.17651975696648636, -0.1001583994891119, -0.10316324639814257, 0.0268018889207681,
    -0.010749681952939027, 0.05021488048541806, -0.09397502086651374, 0.05450982233403471, 0.0,
    0.0, 0.0, 0.0, -0.0341294355547165, -0.18181809247071112, -0.1363613320619962,
    0.3523088600874238, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_67: &[f64] = &[
    0.4854293316578375, -0.27543559859505773, -0.28369892759489207, 0.07370519453211227,
    -0.029561625370582326, 0.13809092133489967, -0.2584313073829128, 0.14990201141859544, 0.0, 0.0,
    0.0, 0.0, -0.09385594777547038, -0.4999997542944556, -0.3749936631704895, 0.9688493652404154,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_34: &[f64] = &[
    2.812830561342327, 2.051176330423641, 0.0, 25.12596843314727, 0.0,
];
pub const CE_GRAD_68: &[f64] = &[
    0.5490343238161147, -0.27702944034912286, -0.2584112445529345, -0.013593638914057335,
    -0.07609056969082421, 0.29876913463820054, -0.2506206373184045, 0.027942072371028213, 0.0, 0.0,
    0.0, 0.0, -0.09020509680435336, -0.3636363636363198, -0.2727272726981278, 0.726568733138801,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_69: &[f64] = &[
    1.5098443904943153, -0.7618309609600878, -0.7106309225205699, -0.037382507013657675,
    -0.20924906664976659, 0.8216151202550515, -0.6892067526256125, 0.07684069902032759, 0.0, 0.0,
    0.0, 0.0, -0.24806401621197174, -0.9999999999998795, -0.7499999999198514, 1.9980640161317027,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_35: &[f64] = &[
    1.549639134475329, 1.4052374892477388, 0.0, 4.49521992278699, 0.0,
];
pub const CE_GRAD_70: &[f64] = &[
    0.029975755321303886, -0.02827095835155372, -0.021500112524901964, 0.019795315555151797,
    0.009340210538785799, -0.014466594623165572, -0.01927438220097892, 0.024400766285358692, 0.0,
    0.0, 0.0, 0.0, 0.014869008903843099, -0.060008431764337754, -0.04368884415275259,
    0.08882826701324725, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_71: &[f64] = &[
    0.08243332713358568, -0.07774513546677272, -0.0591253094434804, 0.054437117776667446,
    0.025685578981660948, -0.03978313521370532, -0.05300455105269203, 0.06710210728473641, 0.0,
    0.0, 0.0, 0.0, 0.04088977448556852, -0.16502318735192884, -0.12014432142006963,
    0.24427773428642993, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_36: &[f64] = &[
    1.924217415319523, 2.2098991653617635, 1.7832829621706068, 6.079756714946818,
    1.2800731799655196,
];
pub const CE_GRAD_72: &[f64] = &[
    0.09490434705294079, 0.002270946495595493, -0.0428139177826148, -0.05436137576592149,
    0.017964870518478622, 0.12011123225127524, -0.178057657860313, 0.039981555090559145,
    -0.042953476290404254, -0.00047218690645390974, 0.06022617645241037, -0.01680051325555221,
    -0.1341375877853145, 4.62504554229839e-8, -0.05999880956921911, 0.1941363511040782,
    0.029183049328041888, 0.009183048284960603, -0.008028518286341258, -0.030337579326661233,
];
pub const CE_GRAD_73: &[f64] = &[
    0.474521735264704, 0.011354732477977464, -0.21406958891307398, -0.2718068788296074,
    0.0898243525923931, 0.6005561612563761, -0.890288289301565, 0.19990777545279573,
    -0.21476738145202126, -0.0023609345322695486, 0.30113088226205187, -0.08400256627776105,
    -0.6706879389265725, 2.3125227711491949e-7, -0.2999940478460955, 0.970681755520391,
    0.14591524664020944, 0.045915241424803015, -0.040142591431706294, -0.15168789663330615,
];
pub const CE_PER_SAMPLE_37: &[f64] = &[
    2.9285464841886366, 3.5540483614755964, 2.6348235319012554, 12.10091166914734,
    1.6250293554972575,
];
pub const CE_GRAD_74: &[f64] = &[
    0.2912648332542882, -0.03516818107662841, -0.11258935472424969, -0.1435072974534101,
    0.00767076392474982, 0.3428922579303626, -0.3885565652001153, 0.037993543345002836,
    -0.09873933291272624, -0.03771995986681291, 0.2084750655269233, -0.07201577274738415,
    -0.2796355747538819, 2.2682057570433177e-14, -0.1200000047532848, 0.39963557950714407,
    0.019112230942565357, -0.02088777114359721, 0.07939712404856078, -0.07762158384752893,
];
pub const CE_GRAD_75: &[f64] = &[
    1.456324166271441, -0.17584090538314207, -0.5629467736212485, -0.7175364872670504,
    0.0383538196237491, 1.7144612896518132, -1.9427828260005764, 0.1899677167250142,
    -0.4936966645636312, -0.18859979933406454, 1.0423753276346164, -0.3600788637369208,
    -1.3981778737694097, 1.1341028785216588e-13, -0.600000023766424, 1.9981778975357203,
    0.09556115471282678, -0.10443885571798606, 0.39698562024280387, -0.3881079192376446,
];
pub const CE_PER_SAMPLE_38: &[f64] = &[
    1.505346671358622, 1.5931647041773511, 1.4382625106459173, 2.3062854513009756,
    1.2811008231552141,
];
pub const CE_GRAD_76: &[f64] = &[
    0.0166933325891176, 0.003404837420915349, -0.007600058765752846, -0.0124981112442801,
    0.012678069769096963, 0.0238839588617339, -0.053114582158938106, 0.016552553528107247,
    -0.007267610899766876, 0.001337608337465837, 0.006839807991414804, -0.0009098054291137652,
    -0.031126629890340856, 0.0003093608121859456, -0.019085990709094645, 0.049903259787249556,
    0.01314320837240388, 0.006476541358043452, -0.016618675778407234, -0.0030010739520401003,
];
pub const CE_GRAD_77: &[f64] = &[
    0.083466662945588, 0.017024187104576746, -0.038000293828764235, -0.062490556221400505,
    0.0633903488454848, 0.1194197943086695, -0.26557291079469053, 0.08276276764053622,
    -0.036338054498834385, 0.0066880416873291845, 0.034199039957074025, -0.004549027145568826,
    -0.15563314945170428, 0.001546804060929728, -0.09542995354547322, 0.24951629893624777,
    0.0657160418620194, 0.032382706790217264, -0.08309337889203616, -0.0150053697602005,
];
pub const CE_PER_SAMPLE_39: &[f64] = &[
    1.8972174102288004, 2.15739916249329, 1.7832829621706068, 6.2435067072540935,
    1.323823177536385,
];
pub const CE_GRAD_78: &[f64] = &[
    0.0919043467812084, 0.0012709464458160486, -0.04181391756770895, -0.051361375659315506,
    0.012964870443972815, 0.11511123217676943, -0.16305765763679558, 0.03498155501605334,
    -0.042953476290404254, -0.00047218690645390974, 0.06022617645241037, -0.01680051325555221,
    -0.12513758788962265, -0.004999953824050383, -0.05899880931589936, 0.18913635102957238,
    0.025183049151966994, 0.007183048242996164, -0.0010285180806096212, -0.03133757931435354,
];
pub const CE_GRAD_79: &[f64] = &[
    0.459521733906042, 0.006354732229080244, -0.20906958783854473, -0.2568068782965775,
    0.06482435221986407, 0.5755561608838471, -0.8152882881839779, 0.1749077750802667,
    -0.21476738145202126, -0.0023609345322695486, 0.30113088226205187, -0.08400256627776105,
    -0.6256879394481132, -0.024999769120251914, -0.2949940465794968, 0.945681755147862,
    0.12591524575983498, 0.03591524121498082, -0.005142590403048105, -0.15668789657176768,
];
pub const CE_PER_SAMPLE_40: &[f64] = &[
    2.874546476063302, 3.449048355738649, 2.6348235319012554, 12.428411653761891,
    1.7125293537742123,
];
pub const CE_GRAD_80: &[f64] = &[
    0.28526483248405127, -0.03716818108742837, -0.11058935423417429, -0.1375072971624486,
    -0.0023292362242617916, 0.332892257781351, -0.35855656475308045, 0.027993543195991226,
    -0.09873933291272624, -0.03771995986681291, 0.2084750655269233, -0.07201577274738415,
    -0.2616355749624982, -0.010000000148988929, -0.11800000424664531, 0.3896355793581324,
    0.011112230722024418, -0.024887771095917246, 0.09339712413998905, -0.07962158376609622,
];
pub const CE_GRAD_81: &[f64] = &[
    1.4263241624202563, -0.18584090543714185, -0.5529467711708714, -0.687536485812243,
    -0.011646181121308958, 1.6644612889067552, -1.7927828237654022, 0.13996771597995614,
    -0.4936966645636312, -0.18859979933406454, 1.0423753276346164, -0.3600788637369208,
    -1.308177874812491, -0.05000000074494465, -0.5900000212332266, 1.9481778967906622,
    0.05556115361012209, -0.12443885547958622, 0.46698562069994526, -0.3981079188304811,
];
pub const CE_PER_SAMPLE_41: &[f64] = &[
    1.4963466677306563, 1.5756647032211932, 1.4382625106459173, 2.3608687820700673,
    1.295684152814204,
];
pub const CE_GRAD_82: &[f64] = &[
    0.015693332531936877, 0.00307150406507045, -0.007266725375695628, -0.0114981112213117,
    0.011011403077595027, 0.022217292170231964, -0.048114582084432304, 0.01488588683660531,
    -0.007267610899766876, 0.001337608337465837, 0.006839807991414804, -0.0009098054291137652,
    -0.028126629925110235, -0.0013573058793159897, -0.018752657291321397, 0.04823659309574762,
    0.011809874968927476, 0.005809874665937199, -0.014285342329750803, -0.0033344073051138714,
];
pub const CE_GRAD_83: &[f64] = &[
    0.0784666626596844, 0.01535752032535225, -0.036333626878478145, -0.057490556106558496,
    0.05505701538797514, 0.11108646085115982, -0.2405729104221615, 0.07442943418302655,
    -0.036338054498834385, 0.0066880416873291845, 0.034199039957074025, -0.004549027145568826,
    -0.14063314962555118, -0.006786529396579949, -0.09376328645660698, 0.2411829654787381,
    0.059049374844637376, 0.029049373329685994, -0.07142671164875401, -0.016672036525569357,
];
pub const CE_PER_SAMPLE_42: &[f64] = &[
    1.6542173684356114, 1.6848991445001378, 1.7832829621706068, 7.717256613618922,
    1.7175731491549164,
];
pub const CE_GRAD_84: &[f64] = &[
    0.06490434478265177, -0.007729053853187333, -0.032813915782567926, -0.024361375146896513,
    -0.03203512948152138, 0.07011123225127523, -0.028057657860312994, -0.010018444909440857,
    -0.042953476290404254, -0.00047218690645390974, 0.06022617645241037, -0.01680051325555221,
    -0.04413759016950031, -0.04999995374954458, -0.049998807185033314, 0.1441363511040782,
    -0.010816951836660564, -0.010816951836660564, 0.061971482727893816, -0.04033757905457269,
];
pub const CE_GRAD_85: &[f64] = &[
    0.32452172391325884, -0.038645269265936665, -0.16406957891283963, -0.12180687573448257,
    -0.1601756474076069, 0.3505561612563762, -0.14028828930156498, -0.050092224547204287,
    -0.21476738145202126, -0.0023609345322695486, 0.30113088226205187, -0.08400256627776105,
    -0.22068795084750154, -0.2499997687477229, -0.24999403592516659, 0.720681755520391,
    -0.05408475918330282, -0.05408475918330282, 0.3098574136394691, -0.20168789527286346,
];
pub const CE_PER_SAMPLE_43: &[f64] = &[
    2.3885464109819194, 2.504048319752345, 2.6348235319012554, 15.375911466491548,
    2.5000293252282906,
];
pub const CE_GRAD_86: &[f64] = &[
    0.23126482644598878, -0.055168180886604766, -0.09258935012151903, -0.08350729543786498,
    -0.09232923607525018, 0.24289225793036262, -0.08855656520011529, -0.06200645665499716,
    -0.09873933291272624, -0.03771995986681291, 0.2084750655269233, -0.07201577274738415,
    -0.0996355795222535, -0.09999999999997732, -0.09999999998491321, 0.29963557950714403,
    -0.060887770070751114, -0.060887770070751114, 0.21939712287668092, -0.09762158273517868,
];
pub const CE_GRAD_87: &[f64] = &[
    1.1563241322299438, -0.27584090443302384, -0.46294675060759516, -0.41753647718932485,
    -0.4616461803762509, 1.2144612896518132, -0.44278282600057645, -0.3100322832749858,
    -0.4936966645636312, -0.18859979933406454, 1.0423753276346164, -0.3600788637369208,
    -0.4981778976112675, -0.4999999999998866, -0.4999999999245661, 1.4981778975357203,
    -0.30443885035375556, -0.30443885035375556, 1.0969856143834045, -0.4881079136758934,
];
pub const CE_PER_SAMPLE_44: &[f64] = &[
    1.4153466364200686, 1.4181646972234758, 1.4382625106459173, 2.8521187508583434,
    1.4269341175720278,
];
pub const CE_GRAD_88: &[f64] = &[
    0.0066933321663220115, 7.150391213689815e-5, -0.0042667249148512125, -0.002498111163607697,
    -0.003988596897569704, 0.007217292195067233, -0.0031145821589381078, -0.00011411313855942147,
    -0.007267610899766876, 0.001337608337465837, 0.006839807991414804, -0.0009098054291137652,
    -0.0011266306850694547, -0.01635730585448072, -0.015752656581032715, 0.03323659312058289,
    -0.00019012546367800764, -0.00019012546367800764, 0.006714658360463285, -0.00633440743310727,
];
pub const CE_GRAD_89: &[f64] = &[
    0.033466660831610054, 0.00035751956068449074, -0.021333624574256062, -0.012490555818038485,
    -0.019942984487848522, 0.03608646097533617, -0.01557291079469054, -0.0005705656927971074,
    -0.036338054498834385, 0.0066880416873291845, 0.034199039957074025, -0.004549027145568826,
    -0.005633153425347273, -0.08178652927240361, -0.07876328290516357, 0.16618296560291446,
    -0.0009506273183900382, -0.0009506273183900382, 0.03357329180231643, -0.03167203716553635,
];
pub const CE_PER_SAMPLE_45: &[f64] = &[
    1.9592174247602183, 3.314848748042645, 1.451769402521676, 6.64880548496496, 1.2033433076928264,
];
pub const CE_GRAD_90: &[f64] = &[
    0.10490434763000445, -0.03772905394297941, -0.07281391891068455, 0.005638625223659506,
    0.026947305777717933, 0.18016684837691285, -0.2670864867904695, 0.05997233263583871,
    -0.01751306855855452, -0.04737669858810728, 0.04211531248068602, 0.022774454665975778,
    -0.06531007087362198, 3.700036488973551e-8, -0.08999904932429112, 0.15530908319754821,
    0.04495838824593578, -0.010041614063744207, -0.037236361210138506, 0.0023195870279469387,
];
pub const CE_GRAD_91: &[f64] = &[
    0.5245217381500222, -0.18864526971489703, -0.3640695945534227, 0.02819312611829753,
    0.13473652888858967, 0.9008342418845643, -1.3354324339523476, 0.29986166317919355,
    -0.08756534279277259, -0.2368834929405364, 0.2105765624034301, 0.11387227332987888,
    -0.32655035436810986, 1.8500182444867756e-7, -0.4499952466214556, 0.7765454159877411,
    0.22479194122967888, -0.050208070318721036, -0.18618180605069254, 0.011597935139734694,
];
pub const CE_PER_SAMPLE_46: &[f64] = &[
    2.9985464996431763, 5.331072542213394, 1.9135625130758964, 13.250729560634294,
    1.21441242907176,
];
pub const CE_GRAD_92: &[f64] = &[
    0.31126483478636907, -0.11516818210170977, -0.17258935708082865, -0.023507295603830636,
    0.01150614588712473, 0.5143383868955439, -0.5828348478001729, 0.05699031501750426,
    -0.048660541219771626, -0.13382745735848872, 0.177754757122356, 0.004733241455904341,
    -0.13970846122927277, 1.8145646326737738e-14, -0.18000000714048794, 0.3197084683697426,
    0.0398680949195085, -0.07013190969985147, 0.04723133294964916, -0.01696751816930618,
];
pub const CE_GRAD_93: &[f64] = &[
    1.5563241739318452, -0.5758409105085488, -0.8629467854041433, -0.11753647801915318,
    0.05753072943562365, 2.5716919344777196, -2.9141742390008645, 0.2849515750875213,
    -0.24330270609885815, -0.6691372867924436, 0.88877378561178, 0.023666207279521706,
    -0.6985423061463639, 9.072823163368869e-14, -0.9000000357024397, 1.598542341848713,
    0.19934047459754248, -0.3506595484992574, 0.23615666474824581, -0.0848375908465309,
];
pub const CE_PER_SAMPLE_47: &[f64] = &[
    1.5170133443906175, 2.389747056266027, 1.380497669299756, 2.440028402044231, 1.490486889107413,
];
pub const CE_GRAD_94: &[f64] = &[
    0.020026666059144247, -0.00992849604874559, -0.017600059116923764, 0.007501889106525105,
    0.019017104653645443, 0.03582593829260085, -0.07967187323840716, 0.024828830292160868,
    0.0016531634189976938, -0.014203791141442549, -2.4370675788436704e-5, 0.01257499839823329,
    -0.010901303965439601, 0.00024748865343662477, -0.029268793112689883, 0.03992260842469286,
    0.019340924146385285, 0.0010075900431586215, -0.030188811833555977, 0.009840297644012072,
];
pub const CE_GRAD_95: &[f64] = &[
    0.10013333029572123, -0.04964248024372794, -0.08800029558461882, 0.03750944553262552,
    0.09508552326822722, 0.17912969146300425, -0.3983593661920358, 0.12414415146080433,
    0.008265817094988468, -0.07101895570721274, -0.00012185337894218353, 0.06287499199116646,
    -0.054506519827198, 0.0012374432671831237, -0.14634396556344942, 0.19961304212346428,
    0.09670462073192641, 0.005037950215793107, -0.1509440591677799, 0.04920148822006036,
];
pub const CE_PER_SAMPLE_48: &[f64] = &[
    1.9528062775686486, 3.1319156541499433, 1.451769402521676, 7.243336585524678,
    1.2255792497064975,
];
pub const CE_GRAD_96: &[f64] = &[
    0.10412249948851031, -0.039464860546448155, -0.0712065055475616, 0.006548866605499454,
    0.023661342643569828, 0.16491198173860433, -0.24554646393810944, 0.05697313955593529,
    -0.01751306855855452, -0.04737669858810728, 0.04211531248068602, 0.022774454665975778,
    -0.06065618267242085, -0.009999961934572305, -0.08849901763291959, 0.15915516223991275,
    0.04212574824648739, -0.014874253862026916, -0.029115754928279478, 0.0018642605438190032,
];
pub const CE_GRAD_97: &[f64] = &[
    0.5206124974425516, -0.19732430273224077, -0.356032527737808, 0.03274433302749727,
    0.11830671321784914, 0.8245599086930216, -1.2277323196905472, 0.28486569777967646,
    -0.08756534279277259, -0.2368834929405364, 0.2105765624034301, 0.11387227332987888,
    -0.3032809133621043, -0.04999980967286152, -0.4424950881645979, 0.7957758111995636,
    0.21062874123243694, -0.07437126931013457, -0.1455787746413974, 0.009321302719095016,
];
pub const CE_PER_SAMPLE_49: &[f64] = &[
    2.979974905536353, 5.003082916146993, 1.9135625130758964, 14.438253465581077,
    1.2787555536366824,
];
pub const CE_GRAD_98: &[f64] = &[
    0.3103352391037664, -0.1188879831661699, -0.16954303977776353, -0.02190421615983298,
    0.006170549885910351, 0.47933685008952703, -0.5383354974095759, 0.05282809743413851,
    -0.048660541219771626, -0.13382745735848872, 0.177754757122356, 0.004733241455904341,
    -0.13069889529633194, -0.020000000298004483, -0.1770000063801327, 0.3276989019744691,
    0.03503695978555082, -0.0789630444314778, 0.06144414417211898, -0.017518059526192002,
];
pub const CE_GRAD_99: &[f64] = &[
    1.551676195518832, -0.5944399158308495, -0.8477151988888176, -0.10952108079916491,
    0.030852749429551754, 2.396684250447635, -2.6916774870478797, 0.26414048717069255,
    -0.24330270609885815, -0.6691372867924436, 0.88877378561178, 0.023666207279521706,
    -0.6534944764816597, -0.10000000149002242, -0.8850000319006635, 1.6384945098723456,
    0.1751847989277541, -0.39481522215738896, 0.3072207208605949, -0.08759029763096002,
];
pub const CE_PER_SAMPLE_50: &[f64] = &[
    1.520275923447705, 2.291296098097164, 1.380497669299756, 2.645547557180981, 1.479742658479899,
];
pub const CE_GRAD_100: &[f64] = &[
    0.019672665990626524, -0.010490549161581729, -0.017022559385495576, 0.007840442556450783,
    0.017629105747231325, 0.03144768169382555, -0.07276477683269653, 0.023687989391639654,
    0.0016531634189976938, -0.014203791141442549, -2.4370675788436704e-5, 0.01257499839823329,
    -0.008993378050753958, -0.0030777240084951434, -0.028744800222014186, 0.040815902281263285,
    0.018324130886079565, -0.0006758698167585354, -0.027185664821317446, 0.009537403751996415,
];
pub const CE_GRAD_101: &[f64] = &[
    0.09836332995313261, -0.052452745807908645, -0.08511279692747789, 0.039202212782253915,
    0.08814552873615662, 0.15723840846912776, -0.36382388416348266, 0.11843994695819828,
    0.008265817094988468, -0.07101895570721274, -0.00012185337894218353, 0.06287499199116646,
    -0.04496689025376979, -0.015388620042475718, -0.14372400111007094, 0.20407951140631644,
    0.09162065443039784, -0.003379349083792677, -0.13592832410658723, 0.04768701875998207,
];
pub const CE_PER_SAMPLE_51: &[f64] = &[
    1.8951059537998556, 1.4855178363747834, 1.451769402521676, 12.594116401970105,
    1.4257027245161245,
];
pub const CE_GRAD_102: &[f64] = &[
    0.0970858663315675, -0.05508711971901154, -0.05673978551897842, 0.014741038906422454,
    -0.005912325074116465, 0.02761818426697993, -0.051686261476582555, 0.02998040228371909,
    -0.01751306855855452, -0.04737669858810728, 0.04211531248068602, 0.022774454665975778,
    -0.018771189555094075, -0.09999995085889112, -0.0749987326340979, 0.19376987304808307,
    0.01663198867354815, -0.05836801132645185, 0.043969700398387185, -0.002233677745483484,
];
pub const CE_GRAD_103: &[f64] = &[
    0.4854293316578375, -0.27543559859505773, -0.28369892759489207, 0.07370519453211227,
    -0.029561625370582326, 0.13809092133489967, -0.2584313073829128, 0.14990201141859544,
    -0.08756534279277259, -0.2368834929405364, 0.2105765624034301, 0.11387227332987888,
    -0.09385594777547038, -0.4999997542944556, -0.3749936631704895, 0.9688493652404154,
    0.08315994336774075, -0.29184005663225926, 0.21984850199193592, -0.01116838872741742,
];
pub const CE_PER_SAMPLE_52: &[f64] = &[
    2.812830561342327, 2.051176330423641, 1.9135625130758964, 25.12596843314727,
    1.8578436651331105,
];
pub const CE_GRAD_104: &[f64] = &[
    0.3019688780988631, -0.15236619219201755, -0.142126184504114, -0.007476501402731534,
    -0.041849813329953314, 0.1643230240510103, -0.1378413505251225, 0.015368139804065517,
    -0.048660541219771626, -0.13382745735848872, 0.177754757122356, 0.004733241455904341,
    -0.04961280324239435, -0.1999999999999759, -0.1499999999839703, 0.3996128032263406,
    -0.00844325570017306, -0.15844325570017306, 0.18935944305647348, -0.02247293165612735,
];
pub const CE_GRAD_105: &[f64] = &[
    1.5098443904943153, -0.7618309609600878, -0.7106309225205699, -0.037382507013657675,
    -0.20924906664976659, 0.8216151202550515, -0.6892067526256125, 0.07684069902032759,
    -0.24330270609885815, -0.6691372867924436, 0.88877378561178, 0.023666207279521706,
    -0.24806401621197174, -0.9999999999998795, -0.7499999999198514, 1.9980640161317027,
    -0.042216278500865304, -0.7922162785008653, 0.9467972152823674, -0.11236465828063674,
];
pub const CE_PER_SAMPLE_53: &[f64] = &[
    1.549639134475329, 1.4052374892477388, 1.380497669299756, 4.49521992278699, 1.3830445844332881,
];
pub const CE_GRAD_106: &[f64] = &[
    0.01648666542671714, -0.015549027093354546, -0.01182506188869608, 0.01088742355533349,
    0.00513711579633219, -0.007956627042741065, -0.010600910210538406, 0.013420421456947282,
    0.0016531634189976938, -0.014203791141442549, -2.4370675788436704e-5, 0.01257499839823329,
    0.008177954897113704, -0.03300463747038577, -0.024028864284013924, 0.048855546857285985,
    0.009172991694842116, -0.01582700830515788, -0.00015734215867442588, 0.006811358768990192,
];
pub const CE_GRAD_107: &[f64] = &[
    0.08243332713358568, -0.07774513546677272, -0.0591253094434804, 0.054437117776667446,
    0.025685578981660948, -0.03978313521370532, -0.05300455105269203, 0.06710210728473641,
    0.008265817094988468, -0.07101895570721274, -0.00012185337894218353, 0.06287499199116646,
    0.04088977448556852, -0.16502318735192884, -0.12014432142006963, 0.24427773428642993,
    0.045864958474210585, -0.07913504152578942, -0.0007867107933721294, 0.03405679384495096,
];
pub const CE_PER_SAMPLE_54: &[f64] = &[
    1.899999976158142, 2.200000047683716, 0.4000000059604645, 15.5, 0.6000000238418579,
];
pub const CE_GRAD_108: &[f64] = &[
    0.0, 0.0, 0.0, -0.2, -0.2, 0.0, 0.0, 0.0, 0.0, 0.0, -0.2, 0.0, 0.0, -0.2, 0.0, 0.0, 0.0, 0.0,
    -0.2, 0.0,
];
pub const CE_GRAD_109: &[f64] = &[
    0.0, 0.0, 0.0, -1.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 0.0,
    -1.0, 0.0,
];
pub const CE_PER_SAMPLE_55: &[f64] = &[
    1.8599999757111072, 2.1275000427290798, 0.5175000066682696, 14.949999991804361,
    0.7050000236183405,
];
pub const CE_GRAD_110: &[f64] = &[
    -0.005000000074505806, -0.005000000074505806, -0.005000000074505806, -0.18499999977648257,
    -0.18499999977648257, -0.005000000074505806, -0.005000000074505806, -0.005000000074505806,
    -0.005000000074505806, -0.005000000074505806, -0.18499999977648257, -0.005000000074505806,
    -0.005000000074505806, -0.18499999977648257, -0.005000000074505806, -0.005000000074505806,
    -0.005000000074505806, -0.005000000074505806, -0.18499999977648257, -0.005000000074505806,
];
pub const CE_GRAD_111: &[f64] = &[
    -0.02500000037252903, -0.02500000037252903, -0.02500000037252903, -0.9249999988824129,
    -0.9249999988824129, -0.02500000037252903, -0.02500000037252903, -0.02500000037252903,
    -0.02500000037252903, -0.02500000037252903, -0.9249999988824129, -0.02500000037252903,
    -0.02500000037252903, -0.9249999988824129, -0.02500000037252903, -0.02500000037252903,
    -0.02500000037252903, -0.02500000037252903, -0.9249999988824129, -0.02500000037252903,
];
pub const CE_PER_SAMPLE_56: &[f64] = &[
    1.4999999776482582, 1.4750000089406967, 1.5749999955296516, 10.0, 1.6500000059604645,
];
pub const CE_GRAD_112: &[f64] = &[
    -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05,
    -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05,
];
pub const CE_GRAD_113: &[f64] = &[
    -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25,
    -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25,
];
pub const CE_PER_SAMPLE_57: &[f64] = &[
    1.899999976158142, 2.200000047683716, 0.0, 15.5, 0.0,
];
pub const CE_GRAD_114: &[f64] = &[
    0.0, 0.0, 0.0, -0.3333333333333333, -0.3333333333333333, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.0, -0.3333333333333333, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_115: &[f64] = &[
    0.0, 0.0, 0.0, -1.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 0.0,
    0.0, 0.0,
];
pub const CE_PER_SAMPLE_58: &[f64] = &[
    1.8599999757111072, 2.1275000427290798, 0.0, 14.949999991804361, 0.0,
];
pub const CE_GRAD_116: &[f64] = &[
    -0.008333333457509676, -0.008333333457509676, -0.008333333457509676, -0.3083333329608043,
    -0.3083333329608043, -0.008333333457509676, -0.008333333457509676, -0.008333333457509676, 0.0,
    0.0, 0.0, 0.0, -0.008333333457509676, -0.3083333329608043, -0.008333333457509676,
    -0.008333333457509676, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_117: &[f64] = &[
    -0.02500000037252903, -0.02500000037252903, -0.02500000037252903, -0.9249999988824129,
    -0.9249999988824129, -0.02500000037252903, -0.02500000037252903, -0.02500000037252903, 0.0,
    0.0, 0.0, 0.0, -0.02500000037252903, -0.9249999988824129, -0.02500000037252903,
    -0.02500000037252903, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_59: &[f64] = &[
    1.4999999776482582, 1.4750000089406967, 0.0, 10.0, 0.0,
];
pub const CE_GRAD_118: &[f64] = &[
    -0.08333333333333333, -0.08333333333333333, -0.08333333333333333, -0.08333333333333333,
    -0.08333333333333333, -0.08333333333333333, -0.08333333333333333, -0.08333333333333333, 0.0,
    0.0, 0.0, 0.0, -0.08333333333333333, -0.08333333333333333, -0.08333333333333333,
    -0.08333333333333333, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_119: &[f64] = &[
    -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, 0.0, 0.0, 0.0, 0.0, -0.25, -0.25,
    -0.25, -0.25, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_60: &[f64] = &[
    0.4749999940395355, 1.100000023841858, 0.6000000089406967, 31.0, 0.9000000357627869,
];
pub const CE_GRAD_120: &[f64] = &[
    0.0, 0.0, 0.0, -0.043478260869565216, -0.08695652173913043, 0.0, 0.0, 0.0, 0.0, 0.0,
    -0.2608695652173913, 0.0, 0.0, -0.34782608695652173, 0.0, 0.0, 0.0, 0.0, -0.2608695652173913,
    0.0,
];
pub const CE_GRAD_121: &[f64] = &[
    0.0, 0.0, 0.0, -0.25, -0.5, 0.0, 0.0, 0.0, 0.0, 0.0, -1.5, 0.0, 0.0, -2.0, 0.0, 0.0, 0.0, 0.0,
    -1.5, 0.0,
];
pub const CE_PER_SAMPLE_61: &[f64] = &[
    0.6006249934528023, 1.1162500227428973, 0.663750010561198, 29.293749974574894,
    0.9450000337511301,
];
pub const CE_GRAD_122: &[f64] = &[
    -0.0021739130758720894, -0.008695652303488358, -0.006521739227616269, -0.04021739125575708,
    -0.08043478251151416, -0.008695652303488358, -0.006521739227616269, -0.0010869565379360447,
    -0.0021739130758720894, -0.008695652303488358, -0.2413043475345425, -0.0010869565379360447,
    -0.0021739130758720894, -0.32173913004605664, -0.006521739227616269, -0.0010869565379360447,
    -0.0021739130758720894, -0.008695652303488358, -0.2413043475345425, -0.0010869565379360447,
];
pub const CE_GRAD_123: &[f64] = &[
    -0.012500000186264515, -0.05000000074505806, -0.037500000558793545, -0.23124999972060323,
    -0.46249999944120646, -0.05000000074505806, -0.037500000558793545, -0.0062500000931322575,
    -0.012500000186264515, -0.05000000074505806, -1.3874999983236194, -0.0062500000931322575,
    -0.012500000186264515, -1.8499999977648258, -0.037500000558793545, -0.0062500000931322575,
    -0.012500000186264515, -0.05000000074505806, -1.3874999983236194, -0.0062500000931322575,
];
pub const CE_PER_SAMPLE_62: &[f64] = &[
    1.7312499694526196, 1.2625000104308128, 1.2375000156462193, 13.9375, 1.3500000089406967,
];
pub const CE_GRAD_124: &[f64] = &[
    -0.021739130434782608, -0.08695652173913043, -0.06521739130434782, -0.010869565217391304,
    -0.021739130434782608, -0.08695652173913043, -0.06521739130434782, -0.010869565217391304,
    -0.021739130434782608, -0.08695652173913043, -0.06521739130434782, -0.010869565217391304,
    -0.021739130434782608, -0.08695652173913043, -0.06521739130434782, -0.010869565217391304,
    -0.021739130434782608, -0.08695652173913043, -0.06521739130434782, -0.010869565217391304,
];
pub const CE_GRAD_125: &[f64] = &[
    -0.125, -0.5, -0.375, -0.0625, -0.125, -0.5, -0.375, -0.0625, -0.125, -0.5, -0.375, -0.0625,
    -0.125, -0.5, -0.375, -0.0625, -0.125, -0.5, -0.375, -0.0625,
];
pub const CE_PER_SAMPLE_63: &[f64] = &[
    0.4749999940395355, 1.100000023841858, 0.0, 31.0, 0.0,
];
pub const CE_GRAD_126: &[f64] = &[
    0.0, 0.0, 0.0, -0.09090909090909091, -0.18181818181818182, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.0, -0.7272727272727273, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_127: &[f64] = &[
    0.0, 0.0, 0.0, -0.25, -0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -2.0, 0.0, 0.0, 0.0, 0.0,
    0.0, 0.0,
];
pub const CE_PER_SAMPLE_64: &[f64] = &[
    0.6006249934528023, 1.1162500227428973, 0.0, 29.293749974574894, 0.0,
];
pub const CE_GRAD_128: &[f64] = &[
    -0.004545454613187097, -0.018181818452748386, -0.013636363839561289, -0.08409090898931026,
    -0.16818181797862053, -0.018181818452748386, -0.013636363839561289, -0.0022727273065935483,
    0.0, 0.0, 0.0, 0.0, -0.004545454613187097, -0.6727272719144821, -0.013636363839561289,
    -0.0022727273065935483, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_129: &[f64] = &[
    -0.012500000186264515, -0.05000000074505806, -0.037500000558793545, -0.23124999972060323,
    -0.46249999944120646, -0.05000000074505806, -0.037500000558793545, -0.0062500000931322575, 0.0,
    0.0, 0.0, 0.0, -0.012500000186264515, -1.8499999977648258, -0.037500000558793545,
    -0.0062500000931322575, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_65: &[f64] = &[
    1.7312499694526196, 1.2625000104308128, 0.0, 13.9375, 0.0,
];
pub const CE_GRAD_130: &[f64] = &[
    -0.045454545454545456, -0.18181818181818182, -0.13636363636363635, -0.022727272727272728,
    -0.045454545454545456, -0.18181818181818182, -0.13636363636363635, -0.022727272727272728, 0.0,
    0.0, 0.0, 0.0, -0.045454545454545456, -0.18181818181818182, -0.13636363636363635,
    -0.022727272727272728, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_131: &[f64] = &[
    -0.125, -0.5, -0.375, -0.0625, -0.125, -0.5, -0.375, -0.0625, 0.0, 0.0, 0.0, 0.0, -0.125, -0.5,
    -0.375, -0.0625, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_66: &[f64] = &[
    1.7700000154972069, 2.0, 1.5749999955296516, 12.150000005960464, 1.2600000476092106,
];
pub const CE_GRAD_132: &[f64] = &[
    -0.020000000298023225, -0.04000000059604645, -0.06000000238418579, -0.0800000011920929, 0.0,
    0.0, -0.2, 0.0, -0.05, -0.05, -0.05, -0.05, -0.13999999761581422, 0.0, -0.06000000238418579,
    0.0, -0.010000000149011612, -0.030000001192092896, -0.12000000476837158, -0.04000000059604645,
];
pub const CE_GRAD_133: &[f64] = &[
    -0.10000000149011612, -0.20000000298023224, -0.30000001192092896, -0.4000000059604645, 0.0,
    0.0, -1.0, 0.0, -0.25, -0.25, -0.25, -0.25, -0.699999988079071, 0.0, -0.30000001192092896, 0.0,
    -0.05000000074505806, -0.15000000596046448, -0.6000000238418579, -0.20000000298023224,
];
pub const CE_PER_SAMPLE_67: &[f64] = &[
    1.7430000113099806, 1.9475000001117588, 1.5749999955296516, 11.935000002160669,
    1.2990000440254812,
];
pub const CE_GRAD_134: &[f64] = &[
    -0.023000000312924384, -0.041000000551342966, -0.05900000213086605, -0.07700000102818012,
    -0.005000000074505806, -0.005000000074505806, -0.18499999977648257, -0.005000000074505806,
    -0.05, -0.05, -0.05, -0.05, -0.13099999772012233, -0.005000000074505806, -0.05900000213086605,
    -0.005000000074505806, -0.014000000193715095, -0.03200000110268593, -0.11300000418722629,
    -0.041000000551342966,
];
pub const CE_GRAD_135: &[f64] = &[
    -0.11500000156462192, -0.20500000275671482, -0.29500001065433024, -0.3850000051409006,
    -0.02500000037252903, -0.02500000037252903, -0.9249999988824129, -0.02500000037252903, -0.25,
    -0.25, -0.25, -0.25, -0.6549999886006117, -0.02500000037252903, -0.29500001065433024,
    -0.02500000037252903, -0.07000000096857548, -0.16000000551342963, -0.5650000209361314,
    -0.20500000275671482,
];
pub const CE_PER_SAMPLE_68: &[f64] = &[
    1.4999999776482582, 1.4750000089406967, 1.5749999955296516, 10.0, 1.6500000059604645,
];
pub const CE_GRAD_136: &[f64] = &[
    -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05,
    -0.05, -0.05, -0.05, -0.05, -0.05, -0.05, -0.05,
];
pub const CE_GRAD_137: &[f64] = &[
    -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25,
    -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25,
];
pub const CE_PER_SAMPLE_69: &[f64] = &[
    1.80500001952052, 3.0, 1.2375000156462193, 9.825000151991844, 1.1775000635907062,
];
pub const CE_GRAD_138: &[f64] = &[
    -0.010000000149011612, -0.0800000011920929, -0.09000000357627869, -0.020000000298023225, 0.0,
    0.0, -0.3, 0.0, -0.025, -0.1, -0.075, -0.0125, -0.06999999880790711, 0.0, -0.09000000357627869,
    0.0, -0.005000000074505806, -0.06000000238418579, -0.18000000715255737, -0.010000000149011612,
];
pub const CE_GRAD_139: &[f64] = &[
    -0.05000000074505806, -0.4000000059604645, -0.45000001788139343, -0.10000000149011612, 0.0,
    0.0, -1.5, 0.0, -0.125, -0.5, -0.375, -0.0625, -0.3499999940395355, 0.0, -0.45000001788139343,
    0.0, -0.02500000037252903, -0.30000001192092896, -0.9000000357627869, -0.05000000074505806,
];
pub const CE_PER_SAMPLE_70: &[f64] = &[
    1.797625014403834, 2.8262499984540046, 1.2375000156462193, 10.236250142920762,
    1.1947500583827502,
];
pub const CE_GRAD_140: &[f64] = &[
    -0.011500000156462192, -0.08200000110268593, -0.08850000319629907, -0.01925000025704503,
    -0.002500000037252903, -0.010000000149011612, -0.2774999996647239, -0.0012500000186264515,
    -0.025, -0.1, -0.075, -0.0125, -0.06549999886006116, -0.010000000149011612,
    -0.08850000319629907, -0.0012500000186264515, -0.007000000096857547, -0.06400000220537186,
    -0.16950000628083944, -0.010250000137835742,
];
pub const CE_GRAD_141: &[f64] = &[
    -0.05750000078231096, -0.41000000551342963, -0.44250001598149535, -0.09625000128522515,
    -0.012500000186264515, -0.05000000074505806, -1.3874999983236194, -0.0062500000931322575,
    -0.125, -0.5, -0.375, -0.0625, -0.32749999430030585, -0.05000000074505806,
    -0.44250001598149535, -0.0062500000931322575, -0.03500000048428774, -0.32000001102685927,
    -0.8475000314041972, -0.051250000689178704,
];
pub const CE_PER_SAMPLE_71: &[f64] = &[
    1.7312499694526196, 1.2625000104308128, 1.2375000156462193, 13.9375, 1.3500000089406967,
];
pub const CE_GRAD_142: &[f64] = &[
    -0.025, -0.1, -0.075, -0.0125, -0.025, -0.1, -0.075, -0.0125, -0.025, -0.1, -0.075, -0.0125,
    -0.025, -0.1, -0.075, -0.0125, -0.025, -0.1, -0.075, -0.0125,
];
pub const CE_GRAD_143: &[f64] = &[
    -0.125, -0.5, -0.375, -0.0625, -0.125, -0.5, -0.375, -0.0625, -0.125, -0.5, -0.375, -0.0625,
    -0.125, -0.5, -0.375, -0.0625, -0.125, -0.5, -0.375, -0.0625,
];
pub const CE_PER_SAMPLE_72: &[f64] = &[
    2.0794415416798357, 2.3025850780928847, 0.35667496096863105, 69.07755278665029,
    0.6931471805599453,
];
pub const CE_GRAD_144: &[f64] = &[
    0.0, 0.0, 0.0, -1.6, -1.999999970197678, 0.0, 0.0, 0.0, 0.0, 0.0, -0.2857142905799711, 0.0,
    0.0, -1.9999999936578465e29, 0.0, 0.0, 0.0, 0.0, -0.4, 0.0,
];
pub const CE_GRAD_145: &[f64] = &[
    0.0, 0.0, 0.0, -8.0, -9.99999985098839, 0.0, 0.0, 0.0, 0.0, 0.0, -1.4285714528998554, 0.0, 0.0,
    -9.999999968289232e29, 0.0, 0.0, 0.0, 0.0, -2.0, 0.0,
];
pub const CE_PER_SAMPLE_73: &[f64] = &[
    2.0274555023631877, 2.240462410301603, 5.360023732566427, 66.43858569916713,
    0.7791976651291707,
];
pub const CE_GRAD_146: &[f64] = &[
    -0.010000000149011612, -0.020000000298023225, -0.04000000059604645, -1.4799999982118606,
    -1.8499999701976781, -0.00833333312637277, -0.025, -0.05, 0.0, -0.01666666625274554,
    -0.26428571846716264, 0.0, 0.0, -1.8499999918983338e29, -0.020000000298023225,
    -0.0066666667660077415, -0.025, -0.025, -0.36999999955296514, -0.05,
];
pub const CE_GRAD_147: &[f64] = &[
    -0.05000000074505806, -0.10000000149011612, -0.20000000298023224, -7.399999991059303,
    -9.24999985098839, -0.041666665631863845, -0.125, -0.25, 0.0, -0.08333333126372769,
    -1.3214285923358133, 0.0, 0.0, -9.249999959491668e29, -0.10000000149011612,
    -0.033333333830038704, -0.125, -0.125, -1.8499999977648258, -0.25,
];
pub const CE_PER_SAMPLE_74: &[f64] = &[
    1.559581156259877, 1.6813584094370675, 50.390161931389535, 42.68788230505549,
    1.5536520134296772,
];
pub const CE_GRAD_148: &[f64] = &[
    -0.1, -0.2, -0.4, -0.4, -0.4999999925494195, -0.08333333002196432, -0.24999999627470976,
    -0.4999999925494195, 0.0, -0.16666666004392863, -0.07142857264499278, 0.0, 0.0,
    -4.999999984144616e28, -0.2, -0.06666666666666667, -0.24999999627470976, -0.24999999627470976,
    -0.1, -0.4999999925494195,
];
pub const CE_GRAD_149: &[f64] = &[
    -0.5, -1.0, -2.0, -2.0, -2.4999999627470975, -0.41666665010982157, -1.2499999813735487,
    -2.4999999627470975, 0.0, -0.8333333002196431, -0.35714286322496386, 0.0, 0.0,
    -2.499999992072308e29, -1.0, -0.3333333333333333, -1.2499999813735487, -1.2499999813735487,
    -0.5, -2.4999999627470975,
];
pub const CE_PER_SAMPLE_75: &[f64] = &[
    2.0794415416798357, 2.3025850780928847, 0.0, 69.07755278665029, 0.0,
];
pub const CE_GRAD_150: &[f64] = &[
    0.0, 0.0, 0.0, -2.6666666666666665, -3.333333283662797, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    -3.333333322763077e29, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_151: &[f64] = &[
    0.0, 0.0, 0.0, -8.0, -9.99999985098839, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    -9.999999968289232e29, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_76: &[f64] = &[
    2.0274555023631877, 2.240462410301603, 0.0, 66.43858569916713, 0.0,
];
pub const CE_GRAD_152: &[f64] = &[
    -0.016666666915019352, -0.033333333830038704, -0.06666666766007741, -2.4666666636864343,
    -3.083333283662797, -0.013888888543954616, -0.041666666666666664, -0.08333333333333333, 0.0,
    0.0, 0.0, 0.0, 0.0, -3.083333319830556e29, -0.033333333830038704, -0.011111111276679568, 0.0,
    0.0, 0.0, 0.0,
];
pub const CE_GRAD_153: &[f64] = &[
    -0.05000000074505806, -0.10000000149011612, -0.20000000298023224, -7.399999991059303,
    -9.24999985098839, -0.041666665631863845, -0.125, -0.25, 0.0, 0.0, 0.0, 0.0, 0.0,
    -9.249999959491668e29, -0.10000000149011612, -0.033333333830038704, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_77: &[f64] = &[
    1.559581156259877, 1.6813584094370675, 0.0, 42.68788230505549, 0.0,
];
pub const CE_GRAD_154: &[f64] = &[
    -0.16666666666666666, -0.3333333333333333, -0.6666666666666666, -0.6666666666666666,
    -0.8333333209156992, -0.1388888833699405, -0.4166666604578496, -0.8333333209156992, 0.0, 0.0,
    0.0, 0.0, 0.0, -8.333333306907693e28, -0.3333333333333333, -0.1111111111111111, 0.0, 0.0, 0.0,
    0.0,
];
pub const CE_GRAD_155: &[f64] = &[
    -0.5, -1.0, -2.0, -2.0, -2.4999999627470975, -0.41666665010982157, -1.2499999813735487,
    -2.4999999627470975, 0.0, 0.0, 0.0, 0.0, 0.0, -2.499999992072308e29, -1.0, -0.3333333333333333,
    0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_78: &[f64] = &[
    0.5198603854199589, 1.1512925390464424, 0.5350124414529466, 138.15510557330057,
    1.0397207708399179,
];
pub const CE_GRAD_156: &[f64] = &[
    0.0, 0.0, 0.0, -0.34782608695652173, -0.869565204433773, 0.0, 0.0, 0.0, 0.0, 0.0,
    -0.3726708137999623, 0.0, 0.0, -3.4782608585353846e29, 0.0, 0.0, 0.0, 0.0, -0.5217391304347826,
    0.0,
];
pub const CE_GRAD_157: &[f64] = &[
    0.0, 0.0, 0.0, -2.0, -4.999999925494195, 0.0, 0.0, 0.0, 0.0, 0.0, -2.1428571793497833, 0.0,
    0.0, -1.9999999936578464e30, 0.0, 0.0, 0.0, 0.0, -3.0, 0.0,
];
pub const CE_PER_SAMPLE_79: &[f64] = &[
    0.6368289738824175, 1.1652319559227164, 2.430085174812235, 129.0972565718254,
    1.0767227389121856,
];
pub const CE_GRAD_158: &[f64] = &[
    -0.004347826151744179, -0.03478260921395343, -0.05217391382093015, -0.32173913004605664,
    -0.8043478131294253, -0.01449275326325699, -0.03260869565217391, -0.010869565217391304, 0.0,
    -0.02898550652651398, -0.344720502348473, 0.0, 0.0, -3.217391290257971e29,
    -0.026086956910465076, -0.0014492753839147263, -0.010869565217391304, -0.043478260869565216,
    -0.482608695069085, -0.010869565217391304,
];
pub const CE_GRAD_159: &[f64] = &[
    -0.02500000037252903, -0.20000000298023224, -0.30000000447034836, -1.8499999977648258,
    -4.624999925494195, -0.08333333126372769, -0.1875, -0.0625, 0.0, -0.16666666252745538,
    -1.9821428885037198, 0.0, 0.0, -1.8499999918983337e30, -0.15000000223517418,
    -0.008333333457509676, -0.0625, -0.25, -2.7749999966472387, -0.0625,
];
pub const CE_PER_SAMPLE_80: &[f64] = &[
    1.6895462526148668, 1.2906867057320488, 19.48573949265799, 47.576616908273344,
    1.4097404460488718,
];
pub const CE_GRAD_160: &[f64] = &[
    -0.043478260869565216, -0.34782608695652173, -0.5217391304347826, -0.08695652173913043,
    -0.21739130110844326, -0.1449275304729814, -0.3260869516626649, -0.10869565055422163, 0.0,
    -0.2898550609459628, -0.09316770344999058, 0.0, 0.0, -8.695652146338462e28,
    -0.2608695652173913, -0.014492753623188406, -0.10869565055422163, -0.4347826022168865,
    -0.13043478260869565, -0.10869565055422163,
];
pub const CE_GRAD_161: &[f64] = &[
    -0.25, -2.0, -3.0, -0.5, -1.2499999813735487, -0.8333333002196431, -1.8749999720603232,
    -0.6249999906867744, 0.0, -1.6666666004392863, -0.5357142948374458, 0.0, 0.0,
    -4.999999984144616e29, -1.5, -0.08333333333333333, -0.6249999906867744, -2.4999999627470975,
    -0.75, -0.6249999906867744,
];
pub const CE_PER_SAMPLE_81: &[f64] = &[
    0.5198603854199589, 1.1512925390464424, 0.0, 138.15510557330057, 0.0,
];
pub const CE_GRAD_162: &[f64] = &[
    0.0, 0.0, 0.0, -0.7272727272727273, -1.8181817910887983, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.0, -7.272727249664895e29, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_GRAD_163: &[f64] = &[
    0.0, 0.0, 0.0, -2.0, -4.999999925494195, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    -1.9999999936578464e30, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_82: &[f64] = &[
    0.6368289738824175, 1.1652319559227164, 0.0, 129.0972565718254, 0.0,
];
pub const CE_GRAD_164: &[f64] = &[
    -0.009090909226374193, -0.07272727381099355, -0.10909091071649031, -0.6727272719144821,
    -1.6818181547251618, -0.030303029550446434, -0.06818181818181818, -0.022727272727272728, 0.0,
    0.0, 0.0, 0.0, 0.0, -6.727272697812122e29, -0.054545455358245155, -0.003030303075458064, 0.0,
    0.0, 0.0, 0.0,
];
pub const CE_GRAD_165: &[f64] = &[
    -0.02500000037252903, -0.20000000298023224, -0.30000000447034836, -1.8499999977648258,
    -4.624999925494195, -0.08333333126372769, -0.1875, -0.0625, 0.0, 0.0, 0.0, 0.0, 0.0,
    -1.8499999918983337e30, -0.15000000223517418, -0.008333333457509676, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_83: &[f64] = &[
    1.6895462526148668, 1.2906867057320488, 0.0, 47.576616908273344, 0.0,
];
pub const CE_GRAD_166: &[f64] = &[
    -0.09090909090909091, -0.7272727272727273, -1.0909090909090908, -0.18181818181818182,
    -0.4545454477721996, -0.3030302909889611, -0.6818181716582994, -0.2272727238860998, 0.0, 0.0,
    0.0, 0.0, 0.0, -1.818181812416224e29, -0.5454545454545454, -0.030303030303030304, 0.0, 0.0,
    0.0, 0.0,
];
pub const CE_GRAD_167: &[f64] = &[
    -0.25, -2.0, -3.0, -0.5, -1.2499999813735487, -0.8333333002196431, -1.8749999720603232,
    -0.6249999906867744, 0.0, 0.0, 0.0, 0.0, 0.0, -4.999999984144616e29, -1.5,
    -0.08333333333333333, 0.0, 0.0, 0.0, 0.0,
];
pub const CE_PER_SAMPLE_84: &[f64] = &[
    1.802182711803519, 1.6094378975329393, 50.390161931389535, 70.41588713276899,
    1.1982929376414089,
];
pub const CE_GRAD_168: &[f64] = &[
    -0.04000000059604645, -0.1600000023841858, -0.48000001907348633, -0.6400000095367432, 0.0, 0.0,
    -0.999999985098839, 0.0, 0.0, -0.16666666004392863, -0.07142857264499278, 0.0, 0.0, 0.0,
    -0.24000000953674316, 0.0, -0.05, -0.15000000372529024, -0.24000000953674316, -0.4,
];
pub const CE_GRAD_169: &[f64] = &[
    -0.20000000298023224, -0.800000011920929, -2.4000000953674316, -3.200000047683716, 0.0, 0.0,
    -4.999999925494195, 0.0, 0.0, -0.8333333002196431, -0.35714286322496386, 0.0, 0.0, 0.0,
    -1.2000000476837158, 0.0, -0.25, -0.7500000186264513, -1.2000000476837158, -2.0,
];
pub const CE_PER_SAMPLE_85: &[f64] = &[
    1.7779225558876504, 1.616629948830522, 50.390161931389535, 67.6430866086797, 1.233828845749762,
];
pub const CE_GRAD_170: &[f64] = &[
    -0.04600000062584877, -0.16400000220537186, -0.4720000170469284, -0.616000008225441, -0.05,
    -0.00833333312637277, -0.9249999850988391, -0.05, 0.0, -0.16666666004392863,
    -0.07142857264499278, 0.0, 0.0, -5.000000058650422e27, -0.2360000085234642,
    -0.0066666667660077415, -0.06999999992549419, -0.16000000312924378, -0.22600000837445258,
    -0.40999999940395354,
];
pub const CE_GRAD_171: &[f64] = &[
    -0.23000000312924385, -0.8200000110268593, -2.360000085234642, -3.080000041127205, -0.25,
    -0.041666665631863845, -4.624999925494195, -0.25, 0.0, -0.8333333002196431,
    -0.35714286322496386, 0.0, 0.0, -2.5000000293252107e28, -1.180000042617321,
    -0.033333333830038704, -0.34999999962747097, -0.800000015646219, -1.1300000418722629,
    -2.0499999970197678,
];
pub const CE_PER_SAMPLE_86: &[f64] = &[
    1.559581156259877, 1.6813584094370675, 50.390161931389535, 42.68788230505549,
    1.5536520134296772,
];
pub const CE_GRAD_172: &[f64] = &[
    -0.1, -0.2, -0.4, -0.4, -0.4999999925494195, -0.08333333002196432, -0.24999999627470976,
    -0.4999999925494195, 0.0, -0.16666666004392863, -0.07142857264499278, 0.0, 0.0,
    -4.999999984144616e28, -0.2, -0.06666666666666667, -0.24999999627470976, -0.24999999627470976,
    -0.1, -0.4999999925494195,
];
pub const CE_GRAD_173: &[f64] = &[
    -0.5, -1.0, -2.0, -2.0, -2.4999999627470975, -0.41666665010982157, -1.2499999813735487,
    -2.4999999627470975, 0.0, -0.8333333002196431, -0.35714286322496386, 0.0, 0.0,
    -2.499999992072308e29, -1.0, -0.3333333333333333, -1.2499999813735487, -1.2499999813735487,
    -0.5, -2.4999999627470975,
];
pub const CE_PER_SAMPLE_87: &[f64] = &[
    1.732868000461178, 2.414156846299409, 19.48573949265799, 35.623831891246375,
    1.2620290793967919,
];
pub const CE_GRAD_174: &[f64] = &[
    -0.020000000298023225, -0.3200000047683716, -0.7200000286102295, -0.1600000023841858, 0.0, 0.0,
    -1.4999999776482584, 0.0, 0.0, -0.33333332008785727, -0.10714285896748915, 0.0, 0.0, 0.0,
    -0.36000001430511475, 0.0, -0.025, -0.3000000074505805, -0.36000001430511475, -0.1,
];
pub const CE_GRAD_175: &[f64] = &[
    -0.10000000149011612, -1.600000023841858, -3.6000001430511475, -0.800000011920929, 0.0, 0.0,
    -7.499999888241293, 0.0, 0.0, -1.6666666004392863, -0.5357142948374458, 0.0, 0.0, 0.0,
    -1.8000000715255737, 0.0, -0.125, -1.5000000372529025, -1.8000000715255737, -0.5,
];
pub const CE_PER_SAMPLE_88: &[f64] = &[
    1.7285358256119925, 2.301809830568572, 19.48573949265799, 36.81911041076011, 1.276800216282107,
];
pub const CE_GRAD_176: &[f64] = &[
    -0.023000000312924384, -0.32800000441074373, -0.7080000255703925, -0.15400000205636025, -0.025,
    -0.01666666625274554, -1.3874999776482586, -0.0125, 0.0, -0.33333332008785727,
    -0.10714285896748915, 0.0, 0.0, -1.0000000117300843e28, -0.35400001278519627,
    -0.0016666666915019354, -0.034999999962747094, -0.32000000625848757, -0.3390000125616789,
    -0.10249999985098839,
];
pub const CE_GRAD_177: &[f64] = &[
    -0.11500000156462192, -1.6400000220537185, -3.540000127851963, -0.7700000102818012, -0.125,
    -0.08333333126372769, -6.937499888241293, -0.0625, 0.0, -1.6666666004392863,
    -0.5357142948374458, 0.0, 0.0, -5.0000000586504215e28, -1.7700000639259814,
    -0.008333333457509676, -0.17499999981373549, -1.600000031292438, -1.6950000628083943,
    -0.5124999992549419,
];
pub const CE_PER_SAMPLE_89: &[f64] = &[
    1.6895462526148668, 1.2906867057320488, 19.48573949265799, 47.576616908273344,
    1.4097404460488718,
];
pub const CE_GRAD_178: &[f64] = &[
    -0.05, -0.4, -0.6, -0.1, -0.24999999627470976, -0.16666666004392863, -0.3749999944120646,
    -0.12499999813735488, 0.0, -0.33333332008785727, -0.10714285896748915, 0.0, 0.0,
    -9.999999968289232e28, -0.3, -0.016666666666666666, -0.12499999813735488, -0.4999999925494195,
    -0.15, -0.12499999813735488,
];
pub const CE_GRAD_179: &[f64] = &[
    -0.25, -2.0, -3.0, -0.5, -1.2499999813735487, -0.8333333002196431, -1.8749999720603232,
    -0.6249999906867744, 0.0, -1.6666666004392863, -0.5357142948374458, 0.0, 0.0,
    -4.999999984144616e29, -1.5, -0.08333333333333333, -0.6249999906867744, -2.4999999627470975,
    -0.75, -0.6249999906867744,
];

pub const CE_CASES: &[CeCase] = &[
    CeCase { name: "Logits Classes weight=false ignore=false eps=0 T=1.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 4.1839458488426375, per_sample: CE_PER_SAMPLE_0, grad: CE_GRAD_0 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=0 T=1.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 20.919729244213187, per_sample: CE_PER_SAMPLE_0, grad: CE_GRAD_1 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=0 T=0.5 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.0, temperature: 0.5, reduction: Reduction::Mean, loss: 7.625671813404269, per_sample: CE_PER_SAMPLE_1, grad: CE_GRAD_2 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=0 T=0.5 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.0, temperature: 0.5, reduction: Reduction::Sum, loss: 38.12835906702134, per_sample: CE_PER_SAMPLE_1, grad: CE_GRAD_3 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=0 T=3.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.0, temperature: 3.0, reduction: Reduction::Mean, loss: 2.134332009632833, per_sample: CE_PER_SAMPLE_2, grad: CE_GRAD_4 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=0 T=3.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.0, temperature: 3.0, reduction: Reduction::Sum, loss: 10.671660048164163, per_sample: CE_PER_SAMPLE_2, grad: CE_GRAD_5 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=0.100000001 T=1.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 4.056695846819805, per_sample: CE_PER_SAMPLE_3, grad: CE_GRAD_6 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=0.100000001 T=1.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 20.283479234099026, per_sample: CE_PER_SAMPLE_3, grad: CE_GRAD_7 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=0.100000001 T=0.5 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.1, temperature: 0.5, reduction: Reduction::Mean, loss: 7.371171809358604, per_sample: CE_PER_SAMPLE_4, grad: CE_GRAD_8 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=0.100000001 T=0.5 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.1, temperature: 0.5, reduction: Reduction::Sum, loss: 36.85585904679302, per_sample: CE_PER_SAMPLE_4, grad: CE_GRAD_9 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=0.100000001 T=3.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.1, temperature: 3.0, reduction: Reduction::Mean, loss: 2.091915342291889, per_sample: CE_PER_SAMPLE_5, grad: CE_GRAD_10 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=0.100000001 T=3.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.1, temperature: 3.0, reduction: Reduction::Sum, loss: 10.459576711459443, per_sample: CE_PER_SAMPLE_5, grad: CE_GRAD_11 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=1 T=1.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 2.9114458475760387, per_sample: CE_PER_SAMPLE_6, grad: CE_GRAD_12 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=1 T=1.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 14.557229237880195, per_sample: CE_PER_SAMPLE_6, grad: CE_GRAD_13 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=1 T=0.5 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 1.0, temperature: 0.5, reduction: Reduction::Mean, loss: 5.080671810871071, per_sample: CE_PER_SAMPLE_7, grad: CE_GRAD_14 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=1 T=0.5 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 1.0, temperature: 0.5, reduction: Reduction::Sum, loss: 25.40335905435536, per_sample: CE_PER_SAMPLE_7, grad: CE_GRAD_15 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=1 T=3.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 1.0, temperature: 3.0, reduction: Reduction::Mean, loss: 1.7101653425439667, per_sample: CE_PER_SAMPLE_8, grad: CE_GRAD_16 },
    CeCase { name: "Logits Classes weight=false ignore=false eps=1 T=3.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 1.0, temperature: 3.0, reduction: Reduction::Sum, loss: 8.550826712719832, per_sample: CE_PER_SAMPLE_8, grad: CE_GRAD_17 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=0 T=1.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 6.581291045289299, per_sample: CE_PER_SAMPLE_9, grad: CE_GRAD_18 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=0 T=1.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 19.743873135867897, per_sample: CE_PER_SAMPLE_9, grad: CE_GRAD_19 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=0 T=0.5 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.0, temperature: 0.5, reduction: Reduction::Mean, loss: 12.547835405284088, per_sample: CE_PER_SAMPLE_10, grad: CE_GRAD_20 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=0 T=0.5 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.0, temperature: 0.5, reduction: Reduction::Sum, loss: 37.64350621585226, per_sample: CE_PER_SAMPLE_10, grad: CE_GRAD_21 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=0 T=3.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.0, temperature: 3.0, reduction: Reduction::Mean, loss: 2.8604878069798767, per_sample: CE_PER_SAMPLE_11, grad: CE_GRAD_22 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=0 T=3.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.0, temperature: 3.0, reduction: Reduction::Sum, loss: 8.58146342093963, per_sample: CE_PER_SAMPLE_11, grad: CE_GRAD_23 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=0.100000001 T=1.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 6.291707707330397, per_sample: CE_PER_SAMPLE_12, grad: CE_GRAD_24 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=0.100000001 T=1.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 18.87512312199119, per_sample: CE_PER_SAMPLE_12, grad: CE_GRAD_25 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=0.100000001 T=0.5 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.1, temperature: 0.5, reduction: Reduction::Mean, loss: 11.968668729366284, per_sample: CE_PER_SAMPLE_13, grad: CE_GRAD_26 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=0.100000001 T=0.5 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.1, temperature: 0.5, reduction: Reduction::Sum, loss: 35.90600618809885, per_sample: CE_PER_SAMPLE_13, grad: CE_GRAD_27 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=0.100000001 T=3.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.1, temperature: 3.0, reduction: Reduction::Mean, loss: 2.7639600276602425, per_sample: CE_PER_SAMPLE_14, grad: CE_GRAD_28 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=0.100000001 T=3.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.1, temperature: 3.0, reduction: Reduction::Sum, loss: 8.291880082980727, per_sample: CE_PER_SAMPLE_14, grad: CE_GRAD_29 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=1 T=1.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 3.685457708851557, per_sample: CE_PER_SAMPLE_15, grad: CE_GRAD_30 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=1 T=1.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 11.056373126554671, per_sample: CE_PER_SAMPLE_15, grad: CE_GRAD_31 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=1 T=0.5 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 1.0, temperature: 0.5, reduction: Reduction::Mean, loss: 6.756168732408604, per_sample: CE_PER_SAMPLE_16, grad: CE_GRAD_32 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=1 T=0.5 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 1.0, temperature: 0.5, reduction: Reduction::Sum, loss: 20.26850619722581, per_sample: CE_PER_SAMPLE_16, grad: CE_GRAD_33 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=1 T=3.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 1.0, temperature: 3.0, reduction: Reduction::Mean, loss: 1.8952100281672961, per_sample: CE_PER_SAMPLE_17, grad: CE_GRAD_34 },
    CeCase { name: "Logits Classes weight=false ignore=true eps=1 T=3.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 1.0, temperature: 3.0, reduction: Reduction::Sum, loss: 5.685630084501888, per_sample: CE_PER_SAMPLE_17, grad: CE_GRAD_35 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=0 T=1.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 5.920313271074475, per_sample: CE_PER_SAMPLE_18, grad: CE_GRAD_36 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=0 T=1.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 34.04180130867823, per_sample: CE_PER_SAMPLE_18, grad: CE_GRAD_37 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=0 T=0.5 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.0, temperature: 0.5, reduction: Reduction::Mean, loss: 11.217958779388754, per_sample: CE_PER_SAMPLE_19, grad: CE_GRAD_38 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=0 T=0.5 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.0, temperature: 0.5, reduction: Reduction::Sum, loss: 64.50326298148534, per_sample: CE_PER_SAMPLE_19, grad: CE_GRAD_39 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=0 T=3.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.0, temperature: 3.0, reduction: Reduction::Mean, loss: 2.625788658282563, per_sample: CE_PER_SAMPLE_20, grad: CE_GRAD_40 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=0 T=3.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.0, temperature: 3.0, reduction: Reduction::Sum, loss: 15.098284785124736, per_sample: CE_PER_SAMPLE_20, grad: CE_GRAD_41 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=0.100000001 T=1.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 5.656146502103376, per_sample: CE_PER_SAMPLE_21, grad: CE_GRAD_42 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=0.100000001 T=1.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 32.522842387094414, per_sample: CE_PER_SAMPLE_21, grad: CE_GRAD_43 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=0.100000001 T=0.5 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.1, temperature: 0.5, reduction: Reduction::Mean, loss: 10.683317354406965, per_sample: CE_PER_SAMPLE_22, grad: CE_GRAD_44 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=0.100000001 T=0.5 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.1, temperature: 0.5, reduction: Reduction::Sum, loss: 61.42907478784005, per_sample: CE_PER_SAMPLE_22, grad: CE_GRAD_45 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=0.100000001 T=3.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.1, temperature: 3.0, reduction: Reduction::Mean, loss: 2.5408382920622405, per_sample: CE_PER_SAMPLE_23, grad: CE_GRAD_46 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=0.100000001 T=3.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.1, temperature: 3.0, reduction: Reduction::Sum, loss: 14.609820179357884, per_sample: CE_PER_SAMPLE_23, grad: CE_GRAD_47 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=1 T=1.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 3.278645620727399, per_sample: CE_PER_SAMPLE_24, grad: CE_GRAD_48 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=1 T=1.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 18.852212319182545, per_sample: CE_PER_SAMPLE_24, grad: CE_GRAD_49 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=1 T=0.5 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 1.0, temperature: 0.5, reduction: Reduction::Mean, loss: 5.871544609238651, per_sample: CE_PER_SAMPLE_25, grad: CE_GRAD_50 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=1 T=0.5 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 1.0, temperature: 0.5, reduction: Reduction::Sum, loss: 33.761381503122244, per_sample: CE_PER_SAMPLE_25, grad: CE_GRAD_51 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=1 T=3.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 1.0, temperature: 3.0, reduction: Reduction::Mean, loss: 1.7762850087379307, per_sample: CE_PER_SAMPLE_26, grad: CE_GRAD_52 },
    CeCase { name: "Logits Classes weight=true ignore=false eps=1 T=3.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 1.0, temperature: 3.0, reduction: Reduction::Sum, loss: 10.213638800243102, per_sample: CE_PER_SAMPLE_26, grad: CE_GRAD_53 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=0 T=1.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 11.737460780421927, per_sample: CE_PER_SAMPLE_27, grad: CE_GRAD_54 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=0 T=1.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 32.278017146160295, per_sample: CE_PER_SAMPLE_27, grad: CE_GRAD_55 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=0 T=0.5 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.0, temperature: 0.5, reduction: Reduction::Mean, loss: 23.191266801720623, per_sample: CE_PER_SAMPLE_28, grad: CE_GRAD_56 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=0 T=0.5 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.0, temperature: 0.5, reduction: Reduction::Sum, loss: 63.77598370473171, per_sample: CE_PER_SAMPLE_28, grad: CE_GRAD_57 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=0 T=3.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.0, temperature: 3.0, reduction: Reduction::Mean, loss: 4.350178125195613, per_sample: CE_PER_SAMPLE_29, grad: CE_GRAD_58 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=0 T=3.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.0, temperature: 3.0, reduction: Reduction::Sum, loss: 11.962989844287936, per_sample: CE_PER_SAMPLE_29, grad: CE_GRAD_59 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=0.100000001 T=1.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 11.144614336896352, per_sample: CE_PER_SAMPLE_30, grad: CE_GRAD_60 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=0.100000001 T=1.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 30.647689426464964, per_sample: CE_PER_SAMPLE_30, grad: CE_GRAD_61 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=0.100000001 T=0.5 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.1, temperature: 0.5, reduction: Reduction::Mean, loss: 21.96268466051083, per_sample: CE_PER_SAMPLE_31, grad: CE_GRAD_62 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=0.100000001 T=0.5 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.1, temperature: 0.5, reduction: Reduction::Sum, loss: 60.397382816404786, per_sample: CE_PER_SAMPLE_31, grad: CE_GRAD_63 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=0.100000001 T=3.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.1, temperature: 3.0, reduction: Reduction::Mean, loss: 4.186072911921968, per_sample: CE_PER_SAMPLE_32, grad: CE_GRAD_64 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=0.100000001 T=3.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.1, temperature: 3.0, reduction: Reduction::Sum, loss: 11.511700507785413, per_sample: CE_PER_SAMPLE_32, grad: CE_GRAD_65 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=1 T=1.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 5.80899643350718, per_sample: CE_PER_SAMPLE_33, grad: CE_GRAD_66 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=1 T=1.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 15.974740192144743, per_sample: CE_PER_SAMPLE_33, grad: CE_GRAD_67 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=1 T=0.5 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 1.0, temperature: 0.5, reduction: Reduction::Mean, loss: 10.905445572695722, per_sample: CE_PER_SAMPLE_34, grad: CE_GRAD_68 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=1 T=0.5 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 1.0, temperature: 0.5, reduction: Reduction::Sum, loss: 29.989975324913235, per_sample: CE_PER_SAMPLE_34, grad: CE_GRAD_69 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=1 T=3.0 Mean", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 1.0, temperature: 3.0, reduction: Reduction::Mean, loss: 2.7091260169127485, per_sample: CE_PER_SAMPLE_35, grad: CE_GRAD_70 },
    CeCase { name: "Logits Classes weight=true ignore=true eps=1 T=3.0 Sum", input: Input::Logits, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 1.0, temperature: 3.0, reduction: Reduction::Sum, loss: 7.450096546510058, per_sample: CE_PER_SAMPLE_35, grad: CE_GRAD_71 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=0 T=1.0 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 2.655445887552846, per_sample: CE_PER_SAMPLE_36, grad: CE_GRAD_72 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=0 T=1.0 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 13.27722943776423, per_sample: CE_PER_SAMPLE_36, grad: CE_GRAD_73 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=0 T=0.5 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.0, temperature: 0.5, reduction: Reduction::Mean, loss: 4.568671880442017, per_sample: CE_PER_SAMPLE_37, grad: CE_GRAD_74 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=0 T=0.5 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.0, temperature: 0.5, reduction: Reduction::Sum, loss: 22.843359402210087, per_sample: CE_PER_SAMPLE_37, grad: CE_GRAD_75 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=0 T=3.0 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.0, temperature: 3.0, reduction: Reduction::Mean, loss: 1.624832032127616, per_sample: CE_PER_SAMPLE_38, grad: CE_GRAD_76 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=0 T=3.0 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.0, temperature: 3.0, reduction: Reduction::Sum, loss: 8.12416016063808, per_sample: CE_PER_SAMPLE_38, grad: CE_GRAD_77 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=0.100000001 T=1.0 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 2.681045883936635, per_sample: CE_PER_SAMPLE_39, grad: CE_GRAD_78 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=0.100000001 T=1.0 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 13.405229419683176, per_sample: CE_PER_SAMPLE_39, grad: CE_GRAD_79 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=0.100000001 T=0.5 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.1, temperature: 0.5, reduction: Reduction::Mean, loss: 4.6198718742478615, per_sample: CE_PER_SAMPLE_40, grad: CE_GRAD_80 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=0.100000001 T=0.5 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.1, temperature: 0.5, reduction: Reduction::Sum, loss: 23.09935937123931, per_sample: CE_PER_SAMPLE_40, grad: CE_GRAD_81 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=0.100000001 T=3.0 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.1, temperature: 3.0, reduction: Reduction::Mean, loss: 1.6333653632964076, per_sample: CE_PER_SAMPLE_41, grad: CE_GRAD_82 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=0.100000001 T=3.0 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.1, temperature: 3.0, reduction: Reduction::Sum, loss: 8.166826816482038, per_sample: CE_PER_SAMPLE_41, grad: CE_GRAD_83 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=1 T=1.0 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 2.9114458475760387, per_sample: CE_PER_SAMPLE_42, grad: CE_GRAD_84 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=1 T=1.0 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 14.557229237880195, per_sample: CE_PER_SAMPLE_42, grad: CE_GRAD_85 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=1 T=0.5 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 1.0, temperature: 0.5, reduction: Reduction::Mean, loss: 5.080671810871071, per_sample: CE_PER_SAMPLE_43, grad: CE_GRAD_86 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=1 T=0.5 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 1.0, temperature: 0.5, reduction: Reduction::Sum, loss: 25.40335905435536, per_sample: CE_PER_SAMPLE_43, grad: CE_GRAD_87 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=1 T=3.0 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 1.0, temperature: 3.0, reduction: Reduction::Mean, loss: 1.7101653425439667, per_sample: CE_PER_SAMPLE_44, grad: CE_GRAD_88 },
    CeCase { name: "Logits Probabilities weight=false ignore=false eps=1 T=3.0 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 1.0, temperature: 3.0, reduction: Reduction::Sum, loss: 8.550826712719832, per_sample: CE_PER_SAMPLE_44, grad: CE_GRAD_89 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=0 T=1.0 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 2.9155968735964652, per_sample: CE_PER_SAMPLE_45, grad: CE_GRAD_90 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=0 T=1.0 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 14.577984367982326, per_sample: CE_PER_SAMPLE_45, grad: CE_GRAD_91 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=0 T=0.5 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.0, temperature: 0.5, reduction: Reduction::Mean, loss: 4.941664708927704, per_sample: CE_PER_SAMPLE_46, grad: CE_GRAD_92 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=0 T=0.5 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.0, temperature: 0.5, reduction: Reduction::Sum, loss: 24.70832354463852, per_sample: CE_PER_SAMPLE_46, grad: CE_GRAD_93 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=0 T=3.0 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.0, temperature: 3.0, reduction: Reduction::Mean, loss: 1.843554672221609, per_sample: CE_PER_SAMPLE_47, grad: CE_GRAD_94 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=0 T=3.0 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.0, temperature: 3.0, reduction: Reduction::Sum, loss: 9.217773361108044, per_sample: CE_PER_SAMPLE_47, grad: CE_GRAD_95 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=0.100000001 T=1.0 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 3.0010814338942886, per_sample: CE_PER_SAMPLE_48, grad: CE_GRAD_96 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=0.100000001 T=1.0 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 15.005407169471443, per_sample: CE_PER_SAMPLE_48, grad: CE_GRAD_97 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=0.100000001 T=0.5 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.1, temperature: 0.5, reduction: Reduction::Mean, loss: 5.1227258707954, per_sample: CE_PER_SAMPLE_49, grad: CE_GRAD_98 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=0.100000001 T=0.5 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.1, temperature: 0.5, reduction: Reduction::Sum, loss: 25.613629353977, per_sample: CE_PER_SAMPLE_49, grad: CE_GRAD_99 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=0.100000001 T=3.0 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.1, temperature: 3.0, reduction: Reduction::Mean, loss: 1.8634719813011011, per_sample: CE_PER_SAMPLE_50, grad: CE_GRAD_100 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=0.100000001 T=3.0 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.1, temperature: 3.0, reduction: Reduction::Sum, loss: 9.317359906505505, per_sample: CE_PER_SAMPLE_50, grad: CE_GRAD_101 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=1 T=1.0 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 3.770442463836509, per_sample: CE_PER_SAMPLE_51, grad: CE_GRAD_102 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=1 T=1.0 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 18.852212319182545, per_sample: CE_PER_SAMPLE_51, grad: CE_GRAD_103 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=1 T=0.5 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 1.0, temperature: 0.5, reduction: Reduction::Mean, loss: 6.752276300624449, per_sample: CE_PER_SAMPLE_52, grad: CE_GRAD_104 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=1 T=0.5 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 1.0, temperature: 0.5, reduction: Reduction::Sum, loss: 33.761381503122244, per_sample: CE_PER_SAMPLE_52, grad: CE_GRAD_105 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=1 T=3.0 Mean", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 1.0, temperature: 3.0, reduction: Reduction::Mean, loss: 2.0427277600486202, per_sample: CE_PER_SAMPLE_53, grad: CE_GRAD_106 },
    CeCase { name: "Logits Probabilities weight=true ignore=false eps=1 T=3.0 Sum", input: Input::Logits, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 1.0, temperature: 3.0, reduction: Reduction::Sum, loss: 10.213638800243102, per_sample: CE_PER_SAMPLE_53, grad: CE_GRAD_107 },
    CeCase { name: "LogProbabilities Classes weight=false ignore=false eps=0 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 4.120000010728836, per_sample: CE_PER_SAMPLE_54, grad: CE_GRAD_108 },
    CeCase { name: "LogProbabilities Classes weight=false ignore=false eps=0 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 20.60000005364418, per_sample: CE_PER_SAMPLE_54, grad: CE_GRAD_109 },
    CeCase { name: "LogProbabilities Classes weight=false ignore=false eps=0.100000001 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 4.032000008106231, per_sample: CE_PER_SAMPLE_55, grad: CE_GRAD_110 },
    CeCase { name: "LogProbabilities Classes weight=false ignore=false eps=0.100000001 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 20.16000004053116, per_sample: CE_PER_SAMPLE_55, grad: CE_GRAD_111 },
    CeCase { name: "LogProbabilities Classes weight=false ignore=false eps=1 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 3.239999997615814, per_sample: CE_PER_SAMPLE_56, grad: CE_GRAD_112 },
    CeCase { name: "LogProbabilities Classes weight=false ignore=false eps=1 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 16.19999998807907, per_sample: CE_PER_SAMPLE_56, grad: CE_GRAD_113 },
    CeCase { name: "LogProbabilities Classes weight=false ignore=true eps=0 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 6.53333334128062, per_sample: CE_PER_SAMPLE_57, grad: CE_GRAD_114 },
    CeCase { name: "LogProbabilities Classes weight=false ignore=true eps=0 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 19.600000023841858, per_sample: CE_PER_SAMPLE_57, grad: CE_GRAD_115 },
    CeCase { name: "LogProbabilities Classes weight=false ignore=true eps=0.100000001 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 6.31250000341485, per_sample: CE_PER_SAMPLE_58, grad: CE_GRAD_116 },
    CeCase { name: "LogProbabilities Classes weight=false ignore=true eps=0.100000001 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 18.93750001024455, per_sample: CE_PER_SAMPLE_58, grad: CE_GRAD_117 },
    CeCase { name: "LogProbabilities Classes weight=false ignore=true eps=1 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 4.324999995529652, per_sample: CE_PER_SAMPLE_59, grad: CE_GRAD_118 },
    CeCase { name: "LogProbabilities Classes weight=false ignore=true eps=1 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 12.974999986588955, per_sample: CE_PER_SAMPLE_59, grad: CE_GRAD_119 },
    CeCase { name: "LogProbabilities Classes weight=true ignore=false eps=0 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 5.926086967406065, per_sample: CE_PER_SAMPLE_60, grad: CE_GRAD_120 },
    CeCase { name: "LogProbabilities Classes weight=true ignore=false eps=0 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 34.07500006258488, per_sample: CE_PER_SAMPLE_60, grad: CE_GRAD_121 },
    CeCase { name: "LogProbabilities Classes weight=true ignore=false eps=0.100000001 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 5.672934788710073, per_sample: CE_PER_SAMPLE_61, grad: CE_GRAD_122 },
    CeCase { name: "LogProbabilities Classes weight=true ignore=false eps=0.100000001 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 32.619375035082925, per_sample: CE_PER_SAMPLE_61, grad: CE_GRAD_123 },
    CeCase { name: "LogProbabilities Classes weight=true ignore=false eps=1 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 3.3945652181687564, per_sample: CE_PER_SAMPLE_62, grad: CE_GRAD_124 },
    CeCase { name: "LogProbabilities Classes weight=true ignore=false eps=1 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 19.51875000447035, per_sample: CE_PER_SAMPLE_62, grad: CE_GRAD_125 },
    CeCase { name: "LogProbabilities Classes weight=true ignore=true eps=0 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 11.84545455195687, per_sample: CE_PER_SAMPLE_63, grad: CE_GRAD_126 },
    CeCase { name: "LogProbabilities Classes weight=true ignore=true eps=0 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 32.57500001788139, per_sample: CE_PER_SAMPLE_63, grad: CE_GRAD_127 },
    CeCase { name: "LogProbabilities Classes weight=true ignore=true eps=0.100000001 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 11.27659090573476, per_sample: CE_PER_SAMPLE_64, grad: CE_GRAD_128 },
    CeCase { name: "LogProbabilities Classes weight=true ignore=true eps=0.100000001 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 31.010624990770594, per_sample: CE_PER_SAMPLE_64, grad: CE_GRAD_129 },
    CeCase { name: "LogProbabilities Classes weight=true ignore=true eps=1 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 6.156818174503067, per_sample: CE_PER_SAMPLE_65, grad: CE_GRAD_130 },
    CeCase { name: "LogProbabilities Classes weight=true ignore=true eps=1 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 16.931249979883432, per_sample: CE_PER_SAMPLE_65, grad: CE_GRAD_131 },
    CeCase { name: "LogProbabilities Probabilities weight=false ignore=false eps=0 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 3.751000012919307, per_sample: CE_PER_SAMPLE_66, grad: CE_GRAD_132 },
    CeCase { name: "LogProbabilities Probabilities weight=false ignore=false eps=0 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 18.755000064596533, per_sample: CE_PER_SAMPLE_66, grad: CE_GRAD_133 },
    CeCase { name: "LogProbabilities Probabilities weight=false ignore=false eps=0.100000001 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 3.699900010627508, per_sample: CE_PER_SAMPLE_67, grad: CE_GRAD_134 },
    CeCase { name: "LogProbabilities Probabilities weight=false ignore=false eps=0.100000001 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 18.49950005313754, per_sample: CE_PER_SAMPLE_67, grad: CE_GRAD_135 },
    CeCase { name: "LogProbabilities Probabilities weight=false ignore=false eps=1 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 3.239999997615814, per_sample: CE_PER_SAMPLE_68, grad: CE_GRAD_136 },
    CeCase { name: "LogProbabilities Probabilities weight=false ignore=false eps=1 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 16.19999998807907, per_sample: CE_PER_SAMPLE_68, grad: CE_GRAD_137 },
    CeCase { name: "LogProbabilities Probabilities weight=true ignore=false eps=0 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 3.409000050149858, per_sample: CE_PER_SAMPLE_69, grad: CE_GRAD_138 },
    CeCase { name: "LogProbabilities Probabilities weight=true ignore=false eps=0 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 17.04500025074929, per_sample: CE_PER_SAMPLE_69, grad: CE_GRAD_139 },
    CeCase { name: "LogProbabilities Probabilities weight=true ignore=false eps=0.100000001 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 3.458475045961514, per_sample: CE_PER_SAMPLE_70, grad: CE_GRAD_140 },
    CeCase { name: "LogProbabilities Probabilities weight=true ignore=false eps=0.100000001 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 17.29237522980757, per_sample: CE_PER_SAMPLE_70, grad: CE_GRAD_141 },
    CeCase { name: "LogProbabilities Probabilities weight=true ignore=false eps=1 T=1.0 Mean", input: Input::LogProbabilities, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 3.9037500008940698, per_sample: CE_PER_SAMPLE_71, grad: CE_GRAD_142 },
    CeCase { name: "LogProbabilities Probabilities weight=true ignore=false eps=1 T=1.0 Sum", input: Input::LogProbabilities, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 19.51875000447035, per_sample: CE_PER_SAMPLE_71, grad: CE_GRAD_143 },
    CeCase { name: "Probabilities Classes weight=false ignore=false eps=0 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 14.901880309590318, per_sample: CE_PER_SAMPLE_72, grad: CE_GRAD_144 },
    CeCase { name: "Probabilities Classes weight=false ignore=false eps=0 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 74.5094015479516, per_sample: CE_PER_SAMPLE_72, grad: CE_GRAD_145 },
    CeCase { name: "Probabilities Classes weight=false ignore=false eps=0.100000001 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 15.369145001905506, per_sample: CE_PER_SAMPLE_73, grad: CE_GRAD_146 },
    CeCase { name: "Probabilities Classes weight=false ignore=false eps=0.100000001 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 76.84572500952753, per_sample: CE_PER_SAMPLE_73, grad: CE_GRAD_147 },
    CeCase { name: "Probabilities Classes weight=false ignore=false eps=1 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 19.57452716311433, per_sample: CE_PER_SAMPLE_74, grad: CE_GRAD_148 },
    CeCase { name: "Probabilities Classes weight=false ignore=false eps=1 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Classes, weight: false, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 97.87263581557164, per_sample: CE_PER_SAMPLE_74, grad: CE_GRAD_149 },
    CeCase { name: "Probabilities Classes weight=false ignore=true eps=0 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 24.48652646880767, per_sample: CE_PER_SAMPLE_75, grad: CE_GRAD_150 },
    CeCase { name: "Probabilities Classes weight=false ignore=true eps=0 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 73.45957940642302, per_sample: CE_PER_SAMPLE_75, grad: CE_GRAD_151 },
    CeCase { name: "Probabilities Classes weight=false ignore=true eps=0.100000001 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 23.56883453727731, per_sample: CE_PER_SAMPLE_76, grad: CE_GRAD_152 },
    CeCase { name: "Probabilities Classes weight=false ignore=true eps=0.100000001 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 70.70650361183193, per_sample: CE_PER_SAMPLE_76, grad: CE_GRAD_153 },
    CeCase { name: "Probabilities Classes weight=false ignore=true eps=1 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 15.309607290250812, per_sample: CE_PER_SAMPLE_77, grad: CE_GRAD_154 },
    CeCase { name: "Probabilities Classes weight=false ignore=true eps=1 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Classes, weight: false, ignore: true, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 45.92882187075244, per_sample: CE_PER_SAMPLE_77, grad: CE_GRAD_155 },
    CeCase { name: "Probabilities Classes weight=true ignore=false eps=0 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 24.591476819140844, per_sample: CE_PER_SAMPLE_78, grad: CE_GRAD_156 },
    CeCase { name: "Probabilities Classes weight=true ignore=false eps=0 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 141.40099171005986, per_sample: CE_PER_SAMPLE_78, grad: CE_GRAD_157 },
    CeCase { name: "Probabilities Classes weight=true ignore=false eps=0.100000001 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 23.374978333105208, per_sample: CE_PER_SAMPLE_79, grad: CE_GRAD_158 },
    CeCase { name: "Probabilities Classes weight=true ignore=false eps=0.100000001 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 134.40612541535495, per_sample: CE_PER_SAMPLE_79, grad: CE_GRAD_159 },
    CeCase { name: "Probabilities Classes weight=true ignore=false eps=1 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 12.42649214005689, per_sample: CE_PER_SAMPLE_80, grad: CE_GRAD_160 },
    CeCase { name: "Probabilities Classes weight=true ignore=false eps=1 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Classes, weight: true, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 71.45232980532712, per_sample: CE_PER_SAMPLE_80, grad: CE_GRAD_161 },
    CeCase { name: "Probabilities Classes weight=true ignore=true eps=0 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 50.84591218100618, per_sample: CE_PER_SAMPLE_81, grad: CE_GRAD_162 },
    CeCase { name: "Probabilities Classes weight=true ignore=true eps=0 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 139.826258497767, per_sample: CE_PER_SAMPLE_81, grad: CE_GRAD_163 },
    CeCase { name: "Probabilities Classes weight=true ignore=true eps=0.100000001 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 47.59975181877474, per_sample: CE_PER_SAMPLE_82, grad: CE_GRAD_164 },
    CeCase { name: "Probabilities Classes weight=true ignore=true eps=0.100000001 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 130.89931750163052, per_sample: CE_PER_SAMPLE_82, grad: CE_GRAD_165 },
    CeCase { name: "Probabilities Classes weight=true ignore=true eps=1 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 18.384309042407367, per_sample: CE_PER_SAMPLE_83, grad: CE_GRAD_166 },
    CeCase { name: "Probabilities Classes weight=true ignore=true eps=1 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Classes, weight: true, ignore: true, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 50.556849866620254, per_sample: CE_PER_SAMPLE_83, grad: CE_GRAD_167 },
    CeCase { name: "Probabilities Probabilities weight=false ignore=false eps=0 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 25.08319252222728, per_sample: CE_PER_SAMPLE_84, grad: CE_GRAD_168 },
    CeCase { name: "Probabilities Probabilities weight=false ignore=false eps=0 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 125.4159626111364, per_sample: CE_PER_SAMPLE_84, grad: CE_GRAD_169 },
    CeCase { name: "Probabilities Probabilities weight=false ignore=false eps=0.100000001 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 24.532325978107433, per_sample: CE_PER_SAMPLE_85, grad: CE_GRAD_170 },
    CeCase { name: "Probabilities Probabilities weight=false ignore=false eps=0.100000001 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 122.66162989053716, per_sample: CE_PER_SAMPLE_85, grad: CE_GRAD_171 },
    CeCase { name: "Probabilities Probabilities weight=false ignore=false eps=1 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 19.57452716311433, per_sample: CE_PER_SAMPLE_86, grad: CE_GRAD_172 },
    CeCase { name: "Probabilities Probabilities weight=false ignore=false eps=1 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Probabilities, weight: false, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 97.87263581557164, per_sample: CE_PER_SAMPLE_86, grad: CE_GRAD_173 },
    CeCase { name: "Probabilities Probabilities weight=true ignore=false eps=0 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Mean, loss: 12.10372506201235, per_sample: CE_PER_SAMPLE_87, grad: CE_GRAD_174 },
    CeCase { name: "Probabilities Probabilities weight=true ignore=false eps=0 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.0, temperature: 1.0, reduction: Reduction::Sum, loss: 60.51862531006174, per_sample: CE_PER_SAMPLE_87, grad: CE_GRAD_175 },
    CeCase { name: "Probabilities Probabilities weight=true ignore=false eps=0.100000001 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Mean, loss: 12.322399155176155, per_sample: CE_PER_SAMPLE_88, grad: CE_GRAD_176 },
    CeCase { name: "Probabilities Probabilities weight=true ignore=false eps=0.100000001 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 0.1, temperature: 1.0, reduction: Reduction::Sum, loss: 61.61199577588077, per_sample: CE_PER_SAMPLE_88, grad: CE_GRAD_177 },
    CeCase { name: "Probabilities Probabilities weight=true ignore=false eps=1 T=1.0 Mean", input: Input::Probabilities, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Mean, loss: 14.290465961065424, per_sample: CE_PER_SAMPLE_89, grad: CE_GRAD_178 },
    CeCase { name: "Probabilities Probabilities weight=true ignore=false eps=1 T=1.0 Sum", input: Input::Probabilities, targets: Tgt::Probabilities, weight: true, ignore: false, smoothing: 1.0, temperature: 1.0, reduction: Reduction::Sum, loss: 71.45232980532712, per_sample: CE_PER_SAMPLE_89, grad: CE_GRAD_179 },
];

// BCE: F.binary_cross_entropy (log clamped at -100) and its backward.
pub const BCE_P: &[f32] = &[
    0.0, 1.0, 0.5, 0.1, 1e-44, 0.999, 1e-7, 0.7, 0.3, 0.02, 0.9, 0.45,
];
pub const BCE_Y: &[f32] = &[
    0.0, 1.0, 1.0, 0.0, 0.25, 0.0, 1.0, 0.7, 1.0, 0.5, 0.0, 0.45,
];
pub const BCE_W_ROW: &[f32] = &[
    1.0, 0.5, 2.0, 0.0,
];
pub const BCE_W_FULL: &[f32] = &[
    0.5, 1.0, 1.5, 2.0, 0.25, 3.0, 1.0, 0.125, 1.0, 0.0, 0.75, 1.25,
];
pub const BCE_ABSENT_PER: &[f64] = &[
    0.0, 0.0, 0.6931471805599453, 0.10536051731351088, 25.0, 6.907768153668287, 16.118095639272223,
    0.6108643121554708, 1.2039727645895069, 1.9661128673206247, 2.302584854575495,
    0.6881388113214071,
];
pub const BCE_ABSENT_MEAN_GRAD: &[f64] = &[
    0.0, 0.0, -0.16666666666666666, 0.09259259274589672, -20833333333.333332, 83.33440623075242,
    -833333.3235949189, 0.0, -0.277777766739881, -2.0408163731161366, 0.8333331346512315, 0.0,
];
pub const BCE_ABSENT_SUM_GRAD: &[f64] = &[
    0.0, 0.0, -2.0, 1.1111111129507607, -250000000000.0, 1000.012874769029, -9999999.883139027,
    0.0, -3.3333332008785725, -24.48979647739364, 9.999997615814777, 0.0,
];
pub const BCE_ROW_PER: &[f64] = &[
    0.0, 0.0, 1.3862943611198906, 0.0, 25.0, 3.4538840768341434, 32.236191278544446, 0.0,
    1.2039727645895069, 0.9830564336603124, 4.60516970915099, 0.0,
];
pub const BCE_ROW_MEAN_GRAD: &[f64] = &[
    0.0, 0.0, -0.3333333333333333, 0.0, -20833333333.333332, 41.66720311537621,
    -1666666.6471898379, 0.0, -0.277777766739881, -1.0204081865580683, 1.666666269302463, 0.0,
];
pub const BCE_ROW_SUM_GRAD: &[f64] = &[
    0.0, 0.0, -4.0, 0.0, -250000000000.0, 500.0064373845145, -19999999.766278055, 0.0,
    -3.3333332008785725, -12.24489823869682, 19.999995231629555, 0.0,
];
pub const BCE_FULL_PER: &[f64] = &[
    0.0, 0.0, 1.0397207708399179, 0.21072103462702177, 6.25, 20.72330446100486, 16.118095639272223,
    0.07635803901943385, 1.2039727645895069, 0.0, 1.7269386409316212, 0.8601735141517588,
];
pub const BCE_FULL_MEAN_GRAD: &[f64] = &[
    0.0, 0.0, -0.25, 0.18518518549179344, -5208333333.333333, 250.00321869225726,
    -833333.3235949189, 0.0, -0.277777766739881, 0.0, 0.6249998509884236, 0.0,
];
pub const BCE_FULL_SUM_GRAD: &[f64] = &[
    0.0, 0.0, -3.0, 2.2222222259015214, -62500000000.0, 3000.038624307087, -9999999.883139027, 0.0,
    -3.3333332008785725, 0.0, 7.499998211861083, 0.0,
];

pub const BCE_CASES: &[BceCase] = &[
    BceCase { name: "BCE_ABSENT_MEAN", weight: WeightKind::Absent, reduction: Reduction::Mean, loss: 4.633003758398039, per_sample: BCE_ABSENT_PER, grad: BCE_ABSENT_MEAN_GRAD },
    BceCase { name: "BCE_ABSENT_SUM", weight: WeightKind::Absent, reduction: Reduction::Sum, loss: 55.59604510077647, per_sample: BCE_ABSENT_PER, grad: BCE_ABSENT_SUM_GRAD },
    BceCase { name: "BCE_ROW_MEAN", weight: WeightKind::Row, reduction: Reduction::Mean, loss: 5.739047385324941, per_sample: BCE_ROW_PER, grad: BCE_ROW_MEAN_GRAD },
    BceCase { name: "BCE_ROW_SUM", weight: WeightKind::Row, reduction: Reduction::Sum, loss: 68.8685686238993, per_sample: BCE_ROW_PER, grad: BCE_ROW_SUM_GRAD },
    BceCase { name: "BCE_FULL_MEAN", weight: WeightKind::Full, reduction: Reduction::Mean, loss: 4.017440405369696, per_sample: BCE_FULL_PER, grad: BCE_FULL_MEAN_GRAD },
    BceCase { name: "BCE_FULL_SUM", weight: WeightKind::Full, reduction: Reduction::Sum, loss: 48.20928486443634, per_sample: BCE_FULL_PER, grad: BCE_FULL_SUM_GRAD },
];

// BCE with logits: F.binary_cross_entropy_with_logits with weight, pos_weight.
pub const BCEL_X: &[f32] = &[
    0.0, 2.5, -1.25, 1e4, -1e4, 3e1, -3e1, 0.3, -88.0, 1e2, 3.0, -0.5,
];
pub const BCEL_Y: &[f32] = &[
    1.0, 0.0, 0.25, 0.0, 1.0, 1.0, 0.0, 0.6, 1.0, 0.5, 1.0, 0.0,
];
pub const BCEL_W: &[f32] = &[
    2.0, 0.5, 1.25,
];
pub const BCEL_PW: &[f32] = &[
    3.0, 0.25, 1.0,
];
pub const BCEL_W0_PW0_PER: &[f64] = &[
    0.6931471805599453, 2.5788897342925496, 0.5644290813453728, 10000.0, 10000.0,
    9.357622968839737e-14, 9.357622968839737e-14, 0.6743552370113005, 88.0, 50.0,
    0.04858735157374206, 0.4740769841801067,
];
pub const BCEL_W0_PW0_MEAN_GRAD: &[f64] = &[
    -0.041666666666666664, 0.07701181833156304, -0.0022749884312242624, 0.08333333333333333,
    -0.08333333333333333, -7.798019140699416e-15, 7.798019140699416e-15, -0.0021297920096690634,
    -0.08333333333333333, 0.041666666666666664, -0.003952156098130565, 0.03146172239984545,
];
pub const BCEL_W0_PW0_SUM_GRAD: &[f64] = &[
    -0.5, 0.9241418199787564, -0.02729986117469115, 1.0, -1.0, -9.357622968839299e-14,
    9.357622968839299e-14, -0.025557504116028758, -1.0, 0.5, -0.04742587317756678,
    0.37754066879814546,
];
pub const BCEL_W0_PW1_PER: &[f64] = &[
    2.0794415416798357, 2.5788897342925496, 0.5644290813453728, 10000.0, 2500.0,
    9.357622968839737e-14, 9.357622968839737e-14, 0.42489536937068745, 88.0, 50.0,
    0.012146837893435515, 0.4740769841801067,
];
pub const BCEL_W0_PW1_MEAN_GRAD: &[f64] = &[
    -0.125, 0.07701181833156304, -0.0022749884312242624, 0.08333333333333333,
    -0.020833333333333332, -7.798019140699416e-15, 7.798019140699416e-15, 0.013828614134742404,
    -0.08333333333333333, 0.041666666666666664, -0.0009880390245326413, 0.03146172239984545,
];
pub const BCEL_W0_PW1_SUM_GRAD: &[f64] = &[
    -1.5, 0.9241418199787564, -0.02729986117469115, 1.0, -0.25, -9.357622968839299e-14,
    9.357622968839299e-14, 0.16594336961690886, -1.0, 0.5, -0.011856468294391695,
    0.37754066879814546,
];
pub const BCEL_W1_PW0_PER: &[f64] = &[
    1.3862943611198906, 1.2894448671462748, 0.7055363516817161, 20000.0, 5000.0,
    1.169702871104967e-13, 1.8715245937679474e-13, 0.33717761850565026, 110.0, 100.0,
    0.02429367578687103, 0.5925962302251333,
];
pub const BCEL_W1_PW0_MEAN_GRAD: &[f64] = &[
    -0.08333333333333333, 0.03850590916578152, -0.0028437355390303278, 0.16666666666666666,
    -0.041666666666666664, -9.74752392587427e-15, 1.559603828139883e-14, -0.0010648960048345317,
    -0.10416666666666667, 0.08333333333333333, -0.0019760780490652827, 0.03932715299980682,
];
pub const BCEL_W1_PW0_SUM_GRAD: &[f64] = &[
    -1.0, 0.4620709099893782, -0.034124826468363935, 2.0, -0.5, -1.1697028711049123e-13,
    1.8715245937678598e-13, -0.012778752058014379, -1.25, 1.0, -0.02371293658878339,
    0.4719258359976818,
];
pub const BCEL_W1_PW1_PER: &[f64] = &[
    4.1588830833596715, 1.2894448671462748, 0.7055363516817161, 20000.0, 1250.0,
    1.169702871104967e-13, 1.8715245937679474e-13, 0.21244768468534372, 110.0, 100.0,
    0.006073418946717758, 0.5925962302251333,
];
pub const BCEL_W1_PW1_MEAN_GRAD: &[f64] = &[
    -0.25, 0.03850590916578152, -0.0028437355390303278, 0.16666666666666666, -0.010416666666666666,
    -9.74752392587427e-15, 1.559603828139883e-14, 0.006914307067371202, -0.10416666666666667,
    0.08333333333333333, -0.0004940195122663207, 0.03932715299980682,
];
pub const BCEL_W1_PW1_SUM_GRAD: &[f64] = &[
    -3.0, 0.4620709099893782, -0.034124826468363935, 2.0, -0.125, -1.1697028711049123e-13,
    1.8715245937678598e-13, 0.08297168480845443, -1.25, 1.0, -0.005928234147195848,
    0.4719258359976818,
];

pub const BCEL_CASES: &[BcelCase] = &[
    BcelCase { name: "BCEL_W0_PW0_MEAN", weight: false, pos_weight: false, reduction: Reduction::Mean, loss: 1678.5861237974136, per_sample: BCEL_W0_PW0_PER, grad: BCEL_W0_PW0_MEAN_GRAD },
    BcelCase { name: "BCEL_W0_PW0_SUM", weight: false, pos_weight: false, reduction: Reduction::Sum, loss: 20143.03348556896, per_sample: BCEL_W0_PW0_PER, grad: BCEL_W0_PW0_SUM_GRAD },
    BcelCase { name: "BCEL_W0_PW1_MEAN", weight: false, pos_weight: true, reduction: Reduction::Mean, loss: 1053.6778232957301, per_sample: BCEL_W0_PW1_PER, grad: BCEL_W0_PW1_MEAN_GRAD },
    BcelCase { name: "BCEL_W0_PW1_SUM", weight: false, pos_weight: true, reduction: Reduction::Sum, loss: 12644.133879548763, per_sample: BCEL_W0_PW1_PER, grad: BCEL_W0_PW1_SUM_GRAD },
    BcelCase { name: "BCEL_W1_PW0_MEAN", weight: true, pos_weight: false, reduction: Reduction::Mean, loss: 2101.194611925372, per_sample: BCEL_W1_PW0_PER, grad: BCEL_W1_PW0_MEAN_GRAD },
    BcelCase { name: "BCEL_W1_PW0_SUM", weight: true, pos_weight: false, reduction: Reduction::Sum, loss: 25214.335343104467, per_sample: BCEL_W1_PW0_PER, grad: BCEL_W1_PW0_SUM_GRAD },
    BcelCase { name: "BCEL_W1_PW1_MEAN", weight: true, pos_weight: true, reduction: Reduction::Mean, loss: 1788.9137484696705, per_sample: BCEL_W1_PW1_PER, grad: BCEL_W1_PW1_MEAN_GRAD },
    BcelCase { name: "BCEL_W1_PW1_SUM", weight: true, pos_weight: true, reduction: Reduction::Sum, loss: 21466.964981636043, per_sample: BCEL_W1_PW1_PER, grad: BCEL_W1_PW1_SUM_GRAD },
];

// f64 only: logits of +-1e300 (shape [6], weight = pos_weight = BCEL64_PW).
pub const BCEL64_X: &[f64] = &[
    1e300, -1e300, 1e300, -1e300, 5e-300, -2.5e299,
];
pub const BCEL64_Y: &[f64] = &[
    1.0, 0.0, 0.0, 1.0, 0.5, 0.25,
];
pub const BCEL64_PW: &[f64] = &[
    2.0, 0.5, 1.0, 3.0, 1.0, 0.5,
];
pub const BCEL64_W0_PW0_PER: &[f64] = &[
    0.0, 0.0, 1e300, 1e300, 0.6931471805599453, 6.25e298,
];
pub const BCEL64_W0_PW0_MEAN_GRAD: &[f64] = &[
    0.0, 0.0, 0.16666666666666666, -0.16666666666666666, 0.0, -0.041666666666666664,
];
pub const BCEL64_W0_PW0_SUM_GRAD: &[f64] = &[
    0.0, 0.0, 1.0, -1.0, 0.0, -0.25,
];
pub const BCEL64_W0_PW1_PER: &[f64] = &[
    0.0, 0.0, 1e300, 3e300, 0.6931471805599453, 3.125e298,
];
pub const BCEL64_W0_PW1_MEAN_GRAD: &[f64] = &[
    0.0, 0.0, 0.16666666666666666, -0.5, 0.0, -0.020833333333333332,
];
pub const BCEL64_W0_PW1_SUM_GRAD: &[f64] = &[
    0.0, 0.0, 1.0, -3.0, 0.0, -0.125,
];
pub const BCEL64_W1_PW0_PER: &[f64] = &[
    0.0, 0.0, 1e300, 3e300, 0.6931471805599453, 3.125e298,
];
pub const BCEL64_W1_PW0_MEAN_GRAD: &[f64] = &[
    0.0, 0.0, 0.16666666666666666, -0.5, 0.0, -0.020833333333333332,
];
pub const BCEL64_W1_PW0_SUM_GRAD: &[f64] = &[
    0.0, 0.0, 1.0, -3.0, 0.0, -0.125,
];
pub const BCEL64_W1_PW1_PER: &[f64] = &[
    0.0, 0.0, 1e300, 9.000000000000001e300, 0.6931471805599453, 1.5625e298,
];
pub const BCEL64_W1_PW1_MEAN_GRAD: &[f64] = &[
    0.0, 0.0, 0.16666666666666666, -1.5, 0.0, -0.010416666666666666,
];
pub const BCEL64_W1_PW1_SUM_GRAD: &[f64] = &[
    0.0, 0.0, 1.0, -9.0, 0.0, -0.0625,
];

pub const BCEL64_CASES: &[BcelCase] = &[
    BcelCase { name: "BCEL64_W0_PW0_MEAN", weight: false, pos_weight: false, reduction: Reduction::Mean, loss: 3.4375e299, per_sample: BCEL64_W0_PW0_PER, grad: BCEL64_W0_PW0_MEAN_GRAD },
    BcelCase { name: "BCEL64_W0_PW0_SUM", weight: false, pos_weight: false, reduction: Reduction::Sum, loss: 2.0625e300, per_sample: BCEL64_W0_PW0_PER, grad: BCEL64_W0_PW0_SUM_GRAD },
    BcelCase { name: "BCEL64_W0_PW1_MEAN", weight: false, pos_weight: true, reduction: Reduction::Mean, loss: 6.71875e299, per_sample: BCEL64_W0_PW1_PER, grad: BCEL64_W0_PW1_MEAN_GRAD },
    BcelCase { name: "BCEL64_W0_PW1_SUM", weight: false, pos_weight: true, reduction: Reduction::Sum, loss: 4.03125e300, per_sample: BCEL64_W0_PW1_PER, grad: BCEL64_W0_PW1_SUM_GRAD },
    BcelCase { name: "BCEL64_W1_PW0_MEAN", weight: true, pos_weight: false, reduction: Reduction::Mean, loss: 6.71875e299, per_sample: BCEL64_W1_PW0_PER, grad: BCEL64_W1_PW0_MEAN_GRAD },
    BcelCase { name: "BCEL64_W1_PW0_SUM", weight: true, pos_weight: false, reduction: Reduction::Sum, loss: 4.03125e300, per_sample: BCEL64_W1_PW0_PER, grad: BCEL64_W1_PW0_SUM_GRAD },
    BcelCase { name: "BCEL64_W1_PW1_MEAN", weight: true, pos_weight: true, reduction: Reduction::Mean, loss: 1.6692708333333334e300, per_sample: BCEL64_W1_PW1_PER, grad: BCEL64_W1_PW1_MEAN_GRAD },
    BcelCase { name: "BCEL64_W1_PW1_SUM", weight: true, pos_weight: true, reduction: Reduction::Sum, loss: 1.0015625000000001e301, per_sample: BCEL64_W1_PW1_PER, grad: BCEL64_W1_PW1_SUM_GRAD },
];

// Infinite logits: the limits of the loss (0 or inf) and of its gradient.
pub const BCEL_INF_X: &[f32] = &[
    F32_INF, F32_INF, F32_INF, F32_NEG_INF, F32_NEG_INF, F32_NEG_INF,
];
pub const BCEL_INF_Y: &[f32] = &[
    1.0, 0.0, 0.5, 0.0, 1.0, 0.25,
];
pub const BCEL_INF_PW: &[f32] = &[
    2.0, 2.0, 2.0, 2.0, 2.0, 2.0,
];
pub const BCEL_INF_PER: &[f64] = &[
    0.0, INF, INF, 0.0, INF, INF,
];
pub const BCEL_INF_GRAD: &[f64] = &[
    0.0, 1.0, 0.5, 0.0, -2.0, -0.5,
];

// KL: F.kl_div, reductions 'batchmean' (Mean) and 'sum'.
pub const KL_X: &[f32] = &[
    -1.2, -0.5, -3.0, -2.25, -0.1, -4.0, -2.5, -3.5, -1.4, -1.4, -1.4, -1.4,
];
pub const KL_T: &[f32] = &[
    0.2, 0.5, 0.05, 0.25, 0.9, 0.0, 0.1, 0.0, 0.25, 0.25, 0.25, 0.25,
];
pub const KL_TL: &[f32] = &[
    -1.6, -0.7, -3.0, -1.4, -0.1, -9.0, -2.3, -2e1, -1.4, -1.3, -1.5, -1.45,
];
pub const KL_LOG0_PER: &[f64] = &[
    -0.08188757119006457, -0.09657359027997266, 0.00021338707053821955, 0.21592640972002736,
    -0.0048244864649921405, 0.0, 0.019741492484882696, 0.0, 0.0034264037595628676,
    0.0034264037595628676, 0.0034264037595628676, 0.0034264037595628676,
];
pub const KL_LOG0_MEAN_GRAD: &[f64] = &[
    -0.06666666766007741, -0.16666666666666666, -0.016666666915019352, -0.08333333333333333,
    -0.29999999205271405, 0.0, -0.033333333830038704, 0.0, -0.08333333333333333,
    -0.08333333333333333, -0.08333333333333333, -0.08333333333333333,
];
pub const KL_LOG0_SUM_GRAD: &[f64] = &[
    -0.20000000298023224, -0.5, -0.05000000074505806, -0.25, -0.8999999761581421, 0.0,
    -0.10000000149011612, 0.0, -0.25, -0.25, -0.25, -0.25,
];
pub const KL_LOG1_PER: &[f64] = &[
    -0.08075860045883897, -0.09931705602247534, 0.0, 0.2096074302271258, 0.0,
    -0.0006170490204333978, 0.020051774481418053, -3.4009034770236203e-8, 0.0,
    0.027253187100598743, -0.022313021334680556, -0.011728530623204385,
];
pub const KL_LOG1_MEAN_GRAD: &[f64] = &[
    -0.06729883772702246, -0.16552843657038924, -0.01659568945595465, -0.0821989899403121,
    -0.3016124722292156, -4.1136601362226516e-5, -0.03341961616783935, -6.870512074795193e-10,
    -0.0821989899403121, -0.09084393534311383, -0.07437672004947661, -0.07819009230287166,
];
pub const KL_LOG1_SUM_GRAD: &[f64] = &[
    -0.20189651318106738, -0.49658530971116766, -0.049787068367863944, -0.24659696982093632,
    -0.9048374166876467, -0.00012340980408667956, -0.10025884850351806, -2.061153622438558e-9,
    -0.24659696982093632, -0.27253180602934146, -0.22313016014842982, -0.23457027690861496,
];

pub const KL_CASES: &[KlCase] = &[
    KlCase { name: "KL_LOG0_MEAN", log_target: false, reduction: Reduction::Mean, loss: 0.022100418792890122, per_sample: KL_LOG0_PER, grad: KL_LOG0_MEAN_GRAD },
    KlCase { name: "KL_LOG0_SUM", log_target: false, reduction: Reduction::Sum, loss: 0.06630125637867036, per_sample: KL_LOG0_PER, grad: KL_LOG0_SUM_GRAD },
    KlCase { name: "KL_LOG1_MEAN", log_target: true, reduction: Reduction::Mean, loss: 0.01405936678015839, per_sample: KL_LOG1_PER, grad: KL_LOG1_MEAN_GRAD },
    KlCase { name: "KL_LOG1_SUM", log_target: true, reduction: Reduction::Sum, loss: 0.04217810034047517, per_sample: KL_LOG1_PER, grad: KL_LOG1_SUM_GRAD },
];

// Sigmoid focal loss: torchvision.ops.sigmoid_focal_loss.
pub const FOCAL_X: &[f32] = &[
    -3.0, -0.5, 0.0, 0.75, 2.0, 5.0, 3e1, -3e1, 1e4, -1e4, 1.5, -2.25,
];
pub const FOCAL_Y: &[f32] = &[
    0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.3, 0.8,
];
pub const FOCAL_ANONE_G0P0_PER: &[f64] = &[
    0.04858735157374206, 0.9740769841801067, 0.6931471805599453, 1.1368710061148999,
    0.1269280110429725, 5.006715348489118, 9.357622968839737e-14, 30.000000000000092, 10000.0,
    10000.0, 1.251413260101359, 1.9002065857388373,
];
pub const FOCAL_ANONE_G0P0_MEAN_GRAD: &[f64] = &[
    0.003952156098130565, -0.05187161093348788, -0.041666666666666664, 0.05659822493128275,
    -0.009933576835176462, 0.08277559575630959, -7.798019140699416e-15, -0.08333333333332553,
    0.08333333333333333, -0.08333333333333333, 0.043131205356059556, -0.05872087891848495,
];
pub const FOCAL_ANONE_G0P0_SUM_GRAD: &[f64] = &[
    0.04742587317756678, -0.6224593312018546, -0.5, 0.679178699175393, -0.11920292202211756,
    0.9933071490757152, -9.357622968839299e-14, -0.9999999999999064, 1.0, -1.0, 0.5175744642727147,
    -0.7046505470218195,
];
pub const FOCAL_ANONE_G0P5_PER: &[f64] = &[
    0.010581101849395962, 0.7685086723022159, 0.4901290717342736, 0.9369215304095099,
    0.04382288099120443, 4.989932620547676, 2.862518580549126e-20, 29.99999999999869, 10000.0,
    10000.0, 0.9909342453442523, 1.6376984567179105,
];
pub const FOCAL_ANONE_G0P5_MEAN_GRAD: &[f64] = &[
    0.0012806502521417787, -0.05301397707033585, -0.039673804877236846, 0.05916824757972414,
    -0.005037938900804477, 0.08388966481826449, -3.578148225686184e-21, -0.0833333333334386,
    0.08333333333333333, -0.08333333333333333, 0.03808196014088624, -0.05536327834417338,
];
pub const FOCAL_ANONE_G0P5_SUM_GRAD: &[f64] = &[
    0.015367803025701345, -0.6361677248440303, -0.47608565852684215, 0.7100189709566896,
    -0.06045526680965372, 1.0066759778191738, -4.293777870823421e-20, -1.0000000000012632, 1.0,
    -1.0, 0.4569835216906349, -0.6643593401300806,
];
pub const FOCAL_ANONE_G1P0_PER: &[f64] = &[
    0.0023042975737701406, 0.6063233081118686, 0.34657359027997264, 0.7721385710633379,
    0.015130189802777926, 4.973206149041352, 8.756510762695292e-27, 29.999999999997286, 10000.0,
    10000.0, 0.7846733848069096, 1.4114550782347648,
];
pub const FOCAL_ANONE_G1P0_MEAN_GRAD: &[f64] = &[
    0.0003703523079939826, -0.051363943854393246, -0.03527389959499886, 0.05908351718324769,
    -0.0022946636321790493, 0.08499533498134963, -1.4594184604491127e-27, -0.08333333333355168,
    0.08333333333333333, -0.08333333333333333, 0.033266011553981005, -0.05181269710209337,
];
pub const FOCAL_ANONE_G1P0_SUM_GRAD: &[f64] = &[
    0.004444227695927791, -0.616367326252719, -0.42328679513998635, 0.7090022061989723,
    -0.027535963586148588, 1.0199440197761955, -1.7513021525389352e-26, -1.0000000000026201, 1.0,
    -1.0, 0.39919213864777203, -0.6217523652251205,
];
pub const FOCAL_ANONE_G2P0_PER: &[f64] = &[
    0.00010928332449699753, 0.3774116008594098, 0.17328679513998632, 0.5244200702779446,
    0.0018035628352403754, 4.939921221670081, 8.194012623988598e-40, 29.99999999999448, 10000.0,
    10000.0, 0.4920135821275079, 1.0484151843417056,
];
pub const FOCAL_ANONE_G2P0_MEAN_GRAD: &[f64] = &[
    2.6239320540690108e-5, -0.04384598515621525, -0.024857232928332192, 0.05414869377031698,
    -0.0004059116829493972, 0.08718165356792222, -2.04850315599699e-40, -0.08333333333377782,
    0.08333333333333333, -0.08333333333333333, 0.024759821482916382, -0.04457343134331673,
];
pub const FOCAL_ANONE_G2P0_SUM_GRAD: &[f64] = &[
    0.0003148718464882813, -0.526151821874583, -0.29828679513998635, 0.6497843252438038,
    -0.004870940195392767, 1.0461798428150666, -2.458203787196388e-39, -1.000000000005334, 1.0,
    -1.0, 0.2971178577949966, -0.5348811761198008,
];
pub const FOCAL_ANONE_G3P5_PER: &[f64] = &[
    1.128695780751589e-6, 0.18534535991188936, 0.0612661339667842, 0.29353195671586296,
    7.422695238391948e-5, 4.890411060025108, 2.345551338542036e-59, 29.99999999999027, 10000.0,
    10000.0, 0.24429205684968922, 0.6711701987929408,
];
pub const FOCAL_ANONE_G3P5_MEAN_GRAD: &[f64] = &[
    4.053997293761927e-7, -0.030279518080073446, -0.01261749235550263, 0.04207988696792984,
    -2.4877953615841016e-5, 0.09039922797642644, -8.795817519531904e-60, -0.08333333333411704,
    0.08333333333333333, -0.08333333333333333, 0.015199007018248072, -0.03438040850196766,
];
pub const FOCAL_ANONE_G3P5_SUM_GRAD: &[f64] = &[
    4.864796752514312e-6, -0.3633542169608813, -0.15140990826603157, 0.5049586436151581,
    -0.0002985354433900922, 1.0847907357171171, -1.0554981023438285e-58, -1.0000000000094045, 1.0,
    -1.0, 0.18238808421897687, -0.41256490202361196,
];
pub const FOCAL_A0P25_G0P0_PER: &[f64] = &[
    0.03644051368030654, 0.24351924604502667, 0.17328679513998632, 0.8526532545861749,
    0.031732002760743123, 3.7550365113668387, 2.3394057422099342e-14, 7.500000000000023, 7500.0,
    2500.0, 0.7508479486018111, 0.6650722936824792,
];
pub const FOCAL_A0P25_G0P0_MEAN_GRAD: &[f64] = &[
    0.002964117073597924, -0.01296790273337197, -0.010416666666666666, 0.04244866869846206,
    -0.0024833942087941156, 0.0620816968172322, -1.949504785174854e-15, -0.020833333333331382,
    0.0625, -0.020833333333333332, 0.025878722956553718, -0.020552307271466022,
];
pub const FOCAL_A0P25_G0P0_SUM_GRAD: &[f64] = &[
    0.03556940488317509, -0.15561483280046365, -0.125, 0.5093840243815447, -0.02980073050552939,
    0.7449803618067864, -2.3394057422098247e-14, -0.2499999999999766, 0.75, -0.25,
    0.3105446754786446, -0.24662768725759227,
];
pub const FOCAL_A0P25_G0P5_PER: &[f64] = &[
    0.00793582638704697, 0.19212716807555397, 0.1225322679335684, 0.7026911478071325,
    0.010955720247801108, 3.7424494654107567, 7.156296451372815e-21, 7.499999999999672, 7500.0,
    2500.0, 0.594560541300123, 0.5731944500898253,
];
pub const FOCAL_A0P25_G0P5_MEAN_GRAD: &[f64] = &[
    0.0009604876891063341, -0.013253494267583963, -0.009918451219309211, 0.0443761856847931,
    -0.0012594847252011192, 0.06291724861369836, -8.94537056421546e-22, -0.02083333333335965,
    0.0625, -0.020833333333333332, 0.022849175857545572, -0.01937714709046983,
];
pub const FOCAL_A0P25_G0P5_SUM_GRAD: &[f64] = &[
    0.011525852269276009, -0.15904193121100757, -0.11902141463171054, 0.5325142282175173,
    -0.01511381670241343, 0.7550069833643803, -1.0734444677058552e-20, -0.2500000000003158, 0.75,
    -0.25, 0.27419011029054685, -0.23252576508563796,
];
pub const FOCAL_A0P25_G1P0_PER: &[f64] = &[
    0.0017282231803276054, 0.15158082702796716, 0.08664339756999316, 0.5791039282975035,
    0.0037825474506944816, 3.7299046117810137, 2.189127690673823e-27, 7.499999999999321, 7500.0,
    2500.0, 0.4708040262071279, 0.49400926896923986,
];
pub const FOCAL_A0P25_G1P0_MEAN_GRAD: &[f64] = &[
    0.00027776423099548696, -0.012840985963598311, -0.008818474898749715, 0.044312637887435766,
    -0.0005736659080447623, 0.06374650123601222, -3.6485461511227817e-28, -0.02083333333338792,
    0.0625, -0.020833333333333332, 0.019959606734107724, -0.01813444367690494,
];
pub const FOCAL_A0P25_G1P0_SUM_GRAD: &[f64] = &[
    0.0033331707719458435, -0.15409183156317974, -0.10582169878499659, 0.5317516546492292,
    -0.006883990896537147, 0.7649580148321466, -4.378255381347338e-27, -0.25000000000065503, 0.75,
    -0.25, 0.23951528080929266, -0.21761332412285928,
];
pub const FOCAL_A0P25_G2P0_PER: &[f64] = &[
    8.196249337274815e-5, 0.09435290021485244, 0.04332169878499658, 0.39331505270845846,
    0.00045089070881009386, 3.7049409162525606, 2.0485031559971495e-40, 7.49999999999862, 7500.0,
    2500.0, 0.29520814634387527, 0.3669453082705555,
];
pub const FOCAL_A0P25_G2P0_MEAN_GRAD: &[f64] = &[
    1.9679490405517582e-5, -0.010961496289053813, -0.006214308232083048, 0.04061152032773774,
    -0.0001014779207373493, 0.06538624017594166, -5.121257889992475e-41, -0.020833333333444455,
    0.0625, -0.020833333333333332, 0.014855892742169793, -0.015600700704482502,
];
pub const FOCAL_A0P25_G2P0_SUM_GRAD: &[f64] = &[
    0.00023615388486621097, -0.13153795546864575, -0.07457169878499659, 0.48733824393285285,
    -0.0012177350488481917, 0.7846348821113, -6.14550946799097e-40, -0.2500000000013335, 0.75,
    -0.25, 0.17827071290603752, -0.18720840845379003,
];
pub const FOCAL_A0P25_G3P5_PER: &[f64] = &[
    8.465218355636918e-7, 0.04633633997797234, 0.01531653349169605, 0.22014896753689722,
    1.855673809597987e-5, 3.667808295018831, 5.86387834635509e-60, 7.499999999997567, 7500.0,
    2500.0, 0.1465752326537194, 0.23490956557704318,
];
pub const FOCAL_A0P25_G3P5_MEAN_GRAD: &[f64] = &[
    3.040497970321445e-7, -0.0075698795200183615, -0.0031543730888756575, 0.03155991522594738,
    -6.219488403960254e-6, 0.06779942098231982, -2.198954379882976e-60, -0.02083333333352926,
    0.0625, -0.020833333333333332, 0.009119404120355702, -0.01203314277076548,
];
pub const FOCAL_A0P25_G3P5_SUM_GRAD: &[f64] = &[
    3.648597564385734e-6, -0.09083855424022033, -0.03785247706650789, 0.37871898271136856,
    -7.463386084752306e-5, 0.8135930517878379, -2.6387452558595713e-59, -0.2500000000023511, 0.75,
    -0.25, 0.10943284944426843, -0.14439771324918574,
];
pub const FOCAL_A0P8_G0P0_PER: &[f64] = &[
    0.009717469735542045, 0.7792615989559879, 0.5545177527109145, 0.2273741876704215,
    0.1015424103474778, 1.0013430100131258, 7.486098486623348e-14, 24.000000357627943,
    1999.9998807907104, 8000.00011920929, 0.4755370418221185, 1.2921405054850832,
];
pub const FOCAL_A0P8_G0P0_MEAN_GRAD: &[f64] = &[
    0.0007904311725127409, -0.04149728936514809, -0.033333333830038704, 0.01131964431155313,
    -0.007946861586558635, 0.01655511816449992, -6.2384154055191645e-15, -0.06666666766007118,
    0.01666666567325592, -0.06666666766007741, 0.01638985813813545, -0.0399301985045787,
];
pub const FOCAL_A0P8_G0P0_SUM_GRAD: &[f64] = &[
    0.009485174070152891, -0.49796747238177713, -0.4000000059604645, 0.13583573173863758,
    -0.09536233903870361, 0.19866141797399908, -7.486098486622998e-14, -0.8000000119208541,
    0.19999998807907104, -0.800000011920929, 0.19667829765762543, -0.4791623820549444,
];
pub const FOCAL_A0P8_G0P5_PER: &[f64] = &[
    0.002116220243742629, 0.61480694700311, 0.3921032632302127, 0.187384294912927,
    0.035058305315372996, 0.9979864646249029, 2.2900148985631812e-20, 24.00000035762682,
    1999.9998807907104, 8000.00011920929, 0.3765550155933875, 1.113634973995644,
];
pub const FOCAL_A0P8_G0P5_MEAN_GRAD: &[f64] = &[
    0.0002561300351618151, -0.04241118228824454, -0.03173904437473809, 0.011833648810604351,
    -0.004030351180700493, 0.016777931963610163, -2.862518623203798e-21, -0.06666666766016163,
    0.01666666567325592, -0.06666666766007741, 0.01447114494433125, -0.03764703006601596,
];
pub const FOCAL_A0P8_G0P5_SUM_GRAD: &[f64] = &[
    0.003073560421941781, -0.5089341874589345, -0.38086853249685704, 0.14200378572725222,
    -0.04836421416840592, 0.20133518356332195, -3.435022347844558e-20, -0.8000000119219396,
    0.19999998807907104, -0.800000011920929, 0.173653739331975, -0.45176436079219157,
];
pub const FOCAL_A0P8_G1P0_PER: &[f64] = &[
    0.00046085948728466047, 0.485058653717432, 0.27725887635545726, 0.15442770500805855,
    0.01210415202258826, 0.9946411705230331, 7.005208714541976e-27, 24.000000357625698,
    1999.9998807907104, 8000.00011920929, 0.298175888097433, 0.9597894733906673,
];
pub const FOCAL_A0P8_G1P0_MEAN_GRAD: &[f64] = &[
    7.407045718385296e-5, -0.04109115569582052, -0.028219120096496738, 0.011816702732319127,
    -0.0018357309330977614, 0.016999065983046575, -1.167534785756914e-27, -0.06666666766025209,
    0.01666666567325592, -0.06666666766007741, 0.012641084469825143, -0.03523263477061008,
];
pub const FOCAL_A0P8_G1P0_SUM_GRAD: &[f64] = &[
    0.0008888454862062356, -0.4930938683498463, -0.3386294411579609, 0.14180043278782953,
    -0.022028771197173138, 0.2039887917965589, -1.4010417429082967e-26, -0.8000000119230251,
    0.19999998807907104, -0.800000011920929, 0.15169301363790172, -0.422791617247321,
];
pub const FOCAL_A0P8_G2P0_PER: &[f64] = &[
    2.1856663596640758e-5, 0.3019292851866247, 0.13862943817772863, 0.10488400780401452,
    0.0014428502896924448, 0.9879841854455663, 6.555210196871121e-40, 24.000000357623453,
    1999.9998807907104, 8000.00011920929, 0.18696516238150493, 0.7129223403500596,
];
pub const FOCAL_A0P8_G2P0_MEAN_GRAD: &[f64] = &[
    5.247863795340945e-6, -0.03507678864765708, -0.019885786638987064, 0.010829738108560664,
    -0.0003247293511983621, 0.017436329674298146, -1.6388025492176525e-40, -0.066666667660433,
    0.01666666567325592, -0.06666666766007741, 0.009408732222540246, -0.030309933951083442,
];
pub const FOCAL_A0P8_G2P0_SUM_GRAD: &[f64] = &[
    6.297436554409134e-5, -0.42092146377188494, -0.23862943966784475, 0.129956857302728,
    -0.0038967522143803454, 0.20923595609157775, -1.966563059061183e-39, -0.800000011925196,
    0.19999998807907104, -0.800000011920929, 0.11290478667048297, -0.3637192074130013,
];
pub const FOCAL_A0P8_G3P5_PER: &[f64] = &[
    2.257391426952156e-7, 0.14827629013900034, 0.04901290790377659, 0.058706387843998994,
    5.938156279198981e-5, 0.9780821537067789, 1.87644109879478e-59, 24.000000357620085,
    1999.9998807907104, 8000.00011920929, 0.09283098218531963, 0.45639574478036665,
];
pub const FOCAL_A0P8_G3P5_MEAN_GRAD: &[f64] = &[
    8.107994104249716e-8, -0.024223614825018742, -0.010093994034814334, 0.008415976891954625,
    -1.990236318924113e-5, 0.018079844517642513, -7.036654120479839e-60, -0.06666666766070438,
    0.01666666567325592, -0.06666666766007741, 0.005775622703171528, -0.02337867827315371,
];
pub const FOCAL_A0P8_G3P5_SUM_GRAD: &[f64] = &[
    9.72959292509966e-7, -0.2906833779002249, -0.12112792841777202, 0.1009917227034555,
    -0.00023882835827089357, 0.21695813421171015, -8.443984944575808e-59, -0.8000000119284525,
    0.19999998807907104, -0.800000011920929, 0.06930747243805833, -0.2805441392778445,
];
pub const FOCAL_A0P0_G0P0_PER: &[f64] = &[
    0.04858735157374206, 0.0, 0.0, 1.1368710061148999, 0.0, 5.006715348489118, 0.0, 0.0, 10000.0,
    0.0, 0.8759892671529427, 0.38004129449553975,
];
pub const FOCAL_A0P0_G0P0_MEAN_GRAD: &[f64] = &[
    0.003952156098130565, 0.0, 0.0, 0.05659822493128275, 0.0, 0.08277559575630959, 0.0, 0.0,
    0.08333333333333333, 0.0, 0.030191843235077655, -0.011744175083689565,
];
pub const FOCAL_A0P0_G0P0_SUM_GRAD: &[f64] = &[
    0.04742587317756678, 0.0, 0.0, 0.679178699175393, 0.0, 0.9933071490757152, 0.0, 0.0, 1.0, 0.0,
    0.3623021188209319, -0.14093010100427478,
];
pub const FOCAL_A0P0_G0P5_PER: &[f64] = &[
    0.010581101849395962, 0.0, 0.0, 0.9369215304095099, 0.0, 4.989932620547676, 0.0, 0.0, 10000.0,
    0.0, 0.6936539599281198, 0.32753967182069516,
];
pub const FOCAL_A0P0_G0P5_MEAN_GRAD: &[f64] = &[
    0.0012806502521417787, 0.0, 0.0, 0.05916824757972414, 0.0, 0.08388966481826449, 0.0, 0.0,
    0.08333333333333333, 0.0, 0.026657371644648025, -0.011072655008852968,
];
pub const FOCAL_A0P0_G0P5_SUM_GRAD: &[f64] = &[
    0.015367803025701345, 0.0, 0.0, 0.7100189709566896, 0.0, 1.0066759778191738, 0.0, 0.0, 1.0,
    0.0, 0.3198884597357763, -0.1328718601062356,
];
pub const FOCAL_A0P0_G1P0_PER: &[f64] = &[
    0.0023042975737701406, 0.0, 0.0, 0.7721385710633379, 0.0, 4.973206149041352, 0.0, 0.0, 10000.0,
    0.0, 0.549271360010801, 0.28229099882109726,
];
pub const FOCAL_A0P0_G1P0_MEAN_GRAD: &[f64] = &[
    0.0003703523079939826, 0.0, 0.0, 0.05908351718324769, 0.0, 0.08499533498134963, 0.0, 0.0,
    0.08333333333333333, 0.0, 0.02328620769122494, -0.010362538802763194,
];
pub const FOCAL_A0P0_G1P0_SUM_GRAD: &[f64] = &[
    0.004444227695927791, 0.0, 0.0, 0.7090022061989723, 0.0, 1.0199440197761955, 0.0, 0.0, 1.0,
    0.0, 0.2794344922946993, -0.12435046563315832,
];
pub const FOCAL_A0P0_G2P0_PER: &[f64] = &[
    0.00010928332449699753, 0.0, 0.0, 0.5244200702779446, 0.0, 4.939921221670081, 0.0, 0.0,
    10000.0, 0.0, 0.3444095016239966, 0.20968302437025818,
];
pub const FOCAL_A0P0_G2P0_MEAN_GRAD: &[f64] = &[
    2.6239320540690108e-5, 0.0, 0.0, 0.05414869377031698, 0.0, 0.08718165356792222, 0.0, 0.0,
    0.08333333333333333, 0.0, 0.017331874742881396, -0.008914685737306638,
];
pub const FOCAL_A0P0_G2P0_SUM_GRAD: &[f64] = &[
    0.0003148718464882813, 0.0, 0.0, 0.6497843252438038, 0.0, 1.0461798428150666, 0.0, 0.0, 1.0,
    0.0, 0.20798249691457674, -0.10697622884767966,
];
pub const FOCAL_A0P0_G3P5_PER: &[f64] = &[
    1.128695780751589e-6, 0.0, 0.0, 0.29353195671586296, 0.0, 4.890411060025108, 0.0, 0.0, 10000.0,
    0.0, 0.1710044368825942, 0.13423403175761592,
];
pub const FOCAL_A0P0_G3P5_MEAN_GRAD: &[f64] = &[
    4.053997293761927e-7, 0.0, 0.0, 0.04207988696792984, 0.0, 0.09039922797642644, 0.0, 0.0,
    0.08333333333333333, 0.0, 0.010639304731587368, -0.0068760812905471255,
];
pub const FOCAL_A0P0_G3P5_SUM_GRAD: &[f64] = &[
    4.864796752514312e-6, 0.0, 0.0, 0.5049586436151581, 0.0, 1.0847907357171171, 0.0, 0.0, 1.0,
    0.0, 0.1276716567790484, -0.08251297548656551,
];
pub const FOCAL_A1P0_G0P0_PER: &[f64] = &[
    0.0, 0.9740769841801067, 0.6931471805599453, 0.0, 0.1269280110429725, 0.0,
    9.357622968839737e-14, 30.000000000000092, 0.0, 10000.0, 0.3754239929484163,
    1.5201652912432977,
];
pub const FOCAL_A1P0_G0P0_MEAN_GRAD: &[f64] = &[
    0.0, -0.05187161093348788, -0.041666666666666664, 0.0, -0.009933576835176462, 0.0,
    -7.798019140699416e-15, -0.08333333333332553, 0.0, -0.08333333333333333, 0.012939362120981903,
    -0.04697670383479539,
];
pub const FOCAL_A1P0_G0P0_SUM_GRAD: &[f64] = &[
    0.0, -0.6224593312018546, -0.5, 0.0, -0.11920292202211756, 0.0, -9.357622968839299e-14,
    -0.9999999999999064, 0.0, -1.0, 0.15527234545178284, -0.5637204460175447,
];
pub const FOCAL_A1P0_G0P5_PER: &[f64] = &[
    0.0, 0.7685086723022159, 0.4901290717342736, 0.0, 0.04382288099120443, 0.0,
    2.862518580549126e-20, 29.99999999999869, 0.0, 10000.0, 0.29728028541613244,
    1.3101587848972154,
];
pub const FOCAL_A1P0_G0P5_MEAN_GRAD: &[f64] = &[
    0.0, -0.05301397707033585, -0.039673804877236846, 0.0, -0.005037938900804477, 0.0,
    -3.578148225686184e-21, -0.0833333333334386, 0.0, -0.08333333333333333, 0.011424588496238213,
    -0.04429062333532041,
];
pub const FOCAL_A1P0_G0P5_SUM_GRAD: &[f64] = &[
    0.0, -0.6361677248440303, -0.47608565852684215, 0.0, -0.06045526680965372, 0.0,
    -4.293777870823421e-20, -1.0000000000012632, 0.0, -1.0, 0.13709506195485854,
    -0.5314874800238449,
];
pub const FOCAL_A1P0_G1P0_PER: &[f64] = &[
    0.0, 0.6063233081118686, 0.34657359027997264, 0.0, 0.015130189802777926, 0.0,
    8.756510762695292e-27, 29.999999999997286, 0.0, 10000.0, 0.23540202479610856,
    1.1291640794136675,
];
pub const FOCAL_A1P0_G1P0_MEAN_GRAD: &[f64] = &[
    0.0, -0.051363943854393246, -0.03527389959499886, 0.0, -0.0022946636321790493, 0.0,
    -1.4594184604491127e-27, -0.08333333333355168, 0.0, -0.08333333333333333, 0.009979803862756062,
    -0.04145015829933018,
];
pub const FOCAL_A1P0_G1P0_SUM_GRAD: &[f64] = &[
    0.0, -0.616367326252719, -0.42328679513998635, 0.0, -0.027535963586148588, 0.0,
    -1.7513021525389352e-26, -1.0000000000026201, 0.0, -1.0, 0.11975764635307273,
    -0.4974018995919621,
];
pub const FOCAL_A1P0_G2P0_PER: &[f64] = &[
    0.0, 0.3774116008594098, 0.17328679513998632, 0.0, 0.0018035628352403754, 0.0,
    8.194012623988598e-40, 29.99999999999448, 0.0, 10000.0, 0.14760408050351134,
    0.8387321599714473,
];
pub const FOCAL_A1P0_G2P0_MEAN_GRAD: &[f64] = &[
    0.0, -0.04384598515621525, -0.024857232928332192, 0.0, -0.0004059116829493972, 0.0,
    -2.04850315599699e-40, -0.08333333333377782, 0.0, -0.08333333333333333, 0.007427946740034988,
    -0.035658745606010095,
];
pub const FOCAL_A1P0_G2P0_SUM_GRAD: &[f64] = &[
    0.0, -0.526151821874583, -0.29828679513998635, 0.0, -0.004870940195392767, 0.0,
    -2.458203787196388e-39, -1.000000000005334, 0.0, -1.0, 0.08913536088041984,
    -0.42790494727212114,
];
pub const FOCAL_A1P0_G3P5_PER: &[f64] = &[
    0.0, 0.18534535991188936, 0.0612661339667842, 0.0, 7.422695238391948e-5, 0.0,
    2.345551338542036e-59, 29.99999999999027, 0.0, 10000.0, 0.07328761996709501,
    0.5369361670353249,
];
pub const FOCAL_A1P0_G3P5_MEAN_GRAD: &[f64] = &[
    0.0, -0.030279518080073446, -0.01261749235550263, 0.0, -2.4877953615841016e-5, 0.0,
    -8.795817519531904e-60, -0.08333333333411704, 0.0, -0.08333333333333333, 0.004559702286660704,
    -0.02750432721142054,
];
pub const FOCAL_A1P0_G3P5_SUM_GRAD: &[f64] = &[
    0.0, -0.3633542169608813, -0.15140990826603157, 0.0, -0.0002985354433900922, 0.0,
    -1.0554981023438285e-58, -1.0000000000094045, 0.0, -1.0, 0.05471642743992845,
    -0.33005192653704646,
];

pub const FOCAL_CASES: &[FocalCase] = &[
    FocalCase { name: "FOCAL_ANONE_G0P0_MEAN", alpha: None, gamma: 0.0, reduction: Reduction::Mean, loss: 1670.0948288106501, per_sample: FOCAL_ANONE_G0P0_PER, grad: FOCAL_ANONE_G0P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_ANONE_G0P0_SUM", alpha: None, gamma: 0.0, reduction: Reduction::Sum, loss: 20041.1379457278, per_sample: FOCAL_ANONE_G0P0_PER, grad: FOCAL_ANONE_G0P0_SUM_GRAD },
    FocalCase { name: "FOCAL_ANONE_G0P5_MEAN", alpha: None, gamma: 0.5, reduction: Reduction::Mean, loss: 1669.9890440483246, per_sample: FOCAL_ANONE_G0P5_PER, grad: FOCAL_ANONE_G0P5_MEAN_GRAD },
    FocalCase { name: "FOCAL_ANONE_G0P5_SUM", alpha: None, gamma: 0.5, reduction: Reduction::Sum, loss: 20039.868528579897, per_sample: FOCAL_ANONE_G0P5_PER, grad: FOCAL_ANONE_G0P5_SUM_GRAD },
    FocalCase { name: "FOCAL_ANONE_G1P0_MEAN", alpha: None, gamma: 1.0, reduction: Reduction::Mean, loss: 1669.9093170474093, per_sample: FOCAL_ANONE_G1P0_PER, grad: FOCAL_ANONE_G1P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_ANONE_G1P0_SUM", alpha: None, gamma: 1.0, reduction: Reduction::Sum, loss: 20038.911804568914, per_sample: FOCAL_ANONE_G1P0_PER, grad: FOCAL_ANONE_G1P0_SUM_GRAD },
    FocalCase { name: "FOCAL_ANONE_G2P0_MEAN", alpha: None, gamma: 2.0, reduction: Reduction::Mean, loss: 1669.7964484417143, per_sample: FOCAL_ANONE_G2P0_PER, grad: FOCAL_ANONE_G2P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_ANONE_G2P0_SUM", alpha: None, gamma: 2.0, reduction: Reduction::Sum, loss: 20037.557381300572, per_sample: FOCAL_ANONE_G2P0_PER, grad: FOCAL_ANONE_G2P0_SUM_GRAD },
    FocalCase { name: "FOCAL_ANONE_G3P5_MEAN", alpha: None, gamma: 3.5, reduction: Reduction::Mean, loss: 1669.695507676825, per_sample: FOCAL_ANONE_G3P5_PER, grad: FOCAL_ANONE_G3P5_MEAN_GRAD },
    FocalCase { name: "FOCAL_ANONE_G3P5_SUM", alpha: None, gamma: 3.5, reduction: Reduction::Sum, loss: 20036.3460921219, per_sample: FOCAL_ANONE_G3P5_PER, grad: FOCAL_ANONE_G3P5_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P25_G0P0_MEAN", alpha: Some(0.25), gamma: 0.0, reduction: Reduction::Mean, loss: 834.5007157138219, per_sample: FOCAL_A0P25_G0P0_PER, grad: FOCAL_A0P25_G0P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P25_G0P0_SUM", alpha: Some(0.25), gamma: 0.0, reduction: Reduction::Sum, loss: 10014.008588565863, per_sample: FOCAL_A0P25_G0P0_PER, grad: FOCAL_A0P25_G0P0_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P25_G0P5_MEAN", alpha: Some(0.25), gamma: 0.5, reduction: Reduction::Mean, loss: 834.4538705489376, per_sample: FOCAL_A0P25_G0P5_PER, grad: FOCAL_A0P25_G0P5_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P25_G0P5_SUM", alpha: Some(0.25), gamma: 0.5, reduction: Reduction::Sum, loss: 10013.446446587252, per_sample: FOCAL_A0P25_G0P5_PER, grad: FOCAL_A0P25_G0P5_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P25_G1P0_MEAN", alpha: Some(0.25), gamma: 1.0, reduction: Reduction::Mean, loss: 834.4181297358735, per_sample: FOCAL_A0P25_G1P0_PER, grad: FOCAL_A0P25_G1P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P25_G1P0_SUM", alpha: Some(0.25), gamma: 1.0, reduction: Reduction::Sum, loss: 10013.017556830484, per_sample: FOCAL_A0P25_G1P0_PER, grad: FOCAL_A0P25_G1P0_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P25_G2P0_MEAN", alpha: Some(0.25), gamma: 2.0, reduction: Reduction::Mean, loss: 834.3665514063147, per_sample: FOCAL_A0P25_G2P0_PER, grad: FOCAL_A0P25_G2P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P25_G2P0_SUM", alpha: Some(0.25), gamma: 2.0, reduction: Reduction::Sum, loss: 10012.398616875776, per_sample: FOCAL_A0P25_G2P0_PER, grad: FOCAL_A0P25_G2P0_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P25_G3P5_MEAN", alpha: Some(0.25), gamma: 3.5, reduction: Reduction::Mean, loss: 834.3192595281262, per_sample: FOCAL_A0P25_G3P5_PER, grad: FOCAL_A0P25_G3P5_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P25_G3P5_SUM", alpha: Some(0.25), gamma: 3.5, reduction: Reduction::Sum, loss: 10011.831114337514, per_sample: FOCAL_A0P25_G3P5_PER, grad: FOCAL_A0P25_G3P5_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P8_G0P0_MEAN", alpha: Some(0.8), gamma: 0.0, reduction: Reduction::Mean, loss: 835.7034528611974, per_sample: FOCAL_A0P8_G0P0_PER, grad: FOCAL_A0P8_G0P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P8_G0P0_SUM", alpha: Some(0.8), gamma: 0.0, reduction: Reduction::Sum, loss: 10028.441434334369, per_sample: FOCAL_A0P8_G0P0_PER, grad: FOCAL_A0P8_G0P0_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P8_G0P5_MEAN", alpha: Some(0.8), gamma: 0.5, reduction: Reduction::Mean, loss: 835.6433038202122, per_sample: FOCAL_A0P8_G0P5_PER, grad: FOCAL_A0P8_G0P5_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P8_G0P5_SUM", alpha: Some(0.8), gamma: 0.5, reduction: Reduction::Sum, loss: 10027.719645842546, per_sample: FOCAL_A0P8_G0P5_PER, grad: FOCAL_A0P8_G0P5_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P8_G1P0_MEAN", alpha: Some(0.8), gamma: 1.0, reduction: Reduction::Mean, loss: 835.5984930946856, per_sample: FOCAL_A0P8_G1P0_PER, grad: FOCAL_A0P8_G1P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P8_G1P0_SUM", alpha: Some(0.8), gamma: 1.0, reduction: Reduction::Sum, loss: 10027.181917136228, per_sample: FOCAL_A0P8_G1P0_PER, grad: FOCAL_A0P8_G1P0_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P8_G2P0_MEAN", alpha: Some(0.8), gamma: 2.0, reduction: Reduction::Mean, loss: 835.5362316236602, per_sample: FOCAL_A0P8_G2P0_PER, grad: FOCAL_A0P8_G2P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P8_G2P0_SUM", alpha: Some(0.8), gamma: 2.0, reduction: Reduction::Sum, loss: 10026.434779483921, per_sample: FOCAL_A0P8_G2P0_PER, grad: FOCAL_A0P8_G2P0_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P8_G3P5_MEAN", alpha: Some(0.8), gamma: 3.5, reduction: Reduction::Mean, loss: 835.4819470359568, per_sample: FOCAL_A0P8_G3P5_PER, grad: FOCAL_A0P8_G3P5_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P8_G3P5_SUM", alpha: Some(0.8), gamma: 3.5, reduction: Reduction::Sum, loss: 10025.783364431481, per_sample: FOCAL_A0P8_G3P5_PER, grad: FOCAL_A0P8_G3P5_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P0_G0P0_MEAN", alpha: Some(0.0), gamma: 0.0, reduction: Reduction::Mean, loss: 833.9540170223189, per_sample: FOCAL_A0P0_G0P0_PER, grad: FOCAL_A0P0_G0P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P0_G0P0_SUM", alpha: Some(0.0), gamma: 0.0, reduction: Reduction::Sum, loss: 10007.448204267826, per_sample: FOCAL_A0P0_G0P0_PER, grad: FOCAL_A0P0_G0P0_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P0_G0P5_MEAN", alpha: Some(0.0), gamma: 0.5, reduction: Reduction::Mean, loss: 833.913219073713, per_sample: FOCAL_A0P0_G0P5_PER, grad: FOCAL_A0P0_G0P5_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P0_G0P5_SUM", alpha: Some(0.0), gamma: 0.5, reduction: Reduction::Sum, loss: 10006.958628884555, per_sample: FOCAL_A0P0_G0P5_PER, grad: FOCAL_A0P0_G0P5_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P0_G1P0_MEAN", alpha: Some(0.0), gamma: 1.0, reduction: Reduction::Mean, loss: 833.8816009480425, per_sample: FOCAL_A0P0_G1P0_PER, grad: FOCAL_A0P0_G1P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P0_G1P0_SUM", alpha: Some(0.0), gamma: 1.0, reduction: Reduction::Sum, loss: 10006.579211376511, per_sample: FOCAL_A0P0_G1P0_PER, grad: FOCAL_A0P0_G1P0_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P0_G2P0_MEAN", alpha: Some(0.0), gamma: 2.0, reduction: Reduction::Mean, loss: 833.8348785917723, per_sample: FOCAL_A0P0_G2P0_PER, grad: FOCAL_A0P0_G2P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P0_G2P0_SUM", alpha: Some(0.0), gamma: 2.0, reduction: Reduction::Sum, loss: 10006.018543101267, per_sample: FOCAL_A0P0_G2P0_PER, grad: FOCAL_A0P0_G2P0_SUM_GRAD },
    FocalCase { name: "FOCAL_A0P0_G3P5_MEAN", alpha: Some(0.0), gamma: 3.5, reduction: Reduction::Mean, loss: 833.7907652178397, per_sample: FOCAL_A0P0_G3P5_PER, grad: FOCAL_A0P0_G3P5_MEAN_GRAD },
    FocalCase { name: "FOCAL_A0P0_G3P5_SUM", alpha: Some(0.0), gamma: 3.5, reduction: Reduction::Sum, loss: 10005.489182614077, per_sample: FOCAL_A0P0_G3P5_PER, grad: FOCAL_A0P0_G3P5_SUM_GRAD },
    FocalCase { name: "FOCAL_A1P0_G0P0_MEAN", alpha: Some(1.0), gamma: 0.0, reduction: Reduction::Mean, loss: 836.1408117883312, per_sample: FOCAL_A1P0_G0P0_PER, grad: FOCAL_A1P0_G0P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_A1P0_G0P0_SUM", alpha: Some(1.0), gamma: 0.0, reduction: Reduction::Sum, loss: 10033.689741459975, per_sample: FOCAL_A1P0_G0P0_PER, grad: FOCAL_A1P0_G0P0_SUM_GRAD },
    FocalCase { name: "FOCAL_A1P0_G0P5_MEAN", alpha: Some(1.0), gamma: 0.5, reduction: Reduction::Mean, loss: 836.0758249746117, per_sample: FOCAL_A1P0_G0P5_PER, grad: FOCAL_A1P0_G0P5_MEAN_GRAD },
    FocalCase { name: "FOCAL_A1P0_G0P5_SUM", alpha: Some(1.0), gamma: 0.5, reduction: Reduction::Sum, loss: 10032.90989969534, per_sample: FOCAL_A1P0_G0P5_PER, grad: FOCAL_A1P0_G0P5_SUM_GRAD },
    FocalCase { name: "FOCAL_A1P0_G1P0_MEAN", alpha: Some(1.0), gamma: 1.0, reduction: Reduction::Mean, loss: 836.0277160993668, per_sample: FOCAL_A1P0_G1P0_PER, grad: FOCAL_A1P0_G1P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_A1P0_G1P0_SUM", alpha: Some(1.0), gamma: 1.0, reduction: Reduction::Sum, loss: 10032.332593192401, per_sample: FOCAL_A1P0_G1P0_PER, grad: FOCAL_A1P0_G1P0_SUM_GRAD },
    FocalCase { name: "FOCAL_A1P0_G2P0_MEAN", alpha: Some(1.0), gamma: 2.0, reduction: Reduction::Mean, loss: 835.961569849942, per_sample: FOCAL_A1P0_G2P0_PER, grad: FOCAL_A1P0_G2P0_MEAN_GRAD },
    FocalCase { name: "FOCAL_A1P0_G2P0_SUM", alpha: Some(1.0), gamma: 2.0, reduction: Reduction::Sum, loss: 10031.538838199303, per_sample: FOCAL_A1P0_G2P0_PER, grad: FOCAL_A1P0_G2P0_SUM_GRAD },
    FocalCase { name: "FOCAL_A1P0_G3P5_MEAN", alpha: Some(1.0), gamma: 3.5, reduction: Reduction::Mean, loss: 835.9047424589853, per_sample: FOCAL_A1P0_G3P5_PER, grad: FOCAL_A1P0_G3P5_MEAN_GRAD },
    FocalCase { name: "FOCAL_A1P0_G3P5_SUM", alpha: Some(1.0), gamma: 3.5, reduction: Reduction::Sum, loss: 10030.856909507824, per_sample: FOCAL_A1P0_G3P5_PER, grad: FOCAL_A1P0_G3P5_SUM_GRAD },
];
}
// END GENERATED
