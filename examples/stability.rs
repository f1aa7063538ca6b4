//! Why softmax and cross-entropy need care: the textbook formulas overflow to NaN, or round a
//! small probability to 0 and the loss to infinity, and the usual epsilon patch silently caps the
//! loss. `logits` gives the exact answer in each case.
//!
//! Run with `cargo run --release --example stability`; it also writes
//! `target/examples-output/stability.svg`, the loss of a wrong prediction as it grows more
//! confident, computed three ways.

mod common;

use common::{BoxResult, LinePlot, shown};
use logits::{cross_entropy, logsumexp, softmax};
use ndarray::{Array1, ArrayRef, Axis, Ix1, array};

/// The textbook softmax, `exp(x) / Σ exp(x)`, with no shift.
fn naive_softmax(x: &ArrayRef<f32, Ix1>) -> Array1<f32> {
    let e = x.mapv(f32::exp);
    &e / e.sum()
}

/// The tutorial's "stable" softmax: shift by the maximum first. Right for overflow, but the
/// probabilities it returns can still round to 0, and `ln 0 = −inf`.
fn shifted_softmax(x: &ArrayRef<f32, Ix1>) -> Array1<f32> {
    let m = x.fold(f32::NEG_INFINITY, |a, &b| a.max(b));
    let e = x.mapv(|v| (v - m).exp());
    &e / e.sum()
}

/// The tutorial's loss: `−ln(p + 1e−7)` on the probability of the true class.
fn epsilon_loss(p: f32) -> f32 {
    -(p + 1e-7).ln()
}

/// The tutorial's other patch: clip `p` into `[1e−7, 1 − 1e−7]`, then `−ln p`.
fn clipped_loss(p: f32) -> f32 {
    -p.clamp(1e-7, 1.0 - 1e-7).ln()
}

fn show(label: &str, v: &ArrayRef<f32, Ix1>) {
    let cells: Vec<String> = v.iter().map(|x| format!("{x:>10.4}")).collect();
    println!("  {label:<34}[{}]", cells.join(""));
}

fn softmax_overflow() {
    println!("1. softmax of large (and very negative) logits, in f32\n");
    for x in [
        array![1000.0_f32, 2000.0, 3000.0],
        array![-1000.0_f32, -2000.0, -3000.0],
    ] {
        println!("  logits {x}");
        show("naive exp(x) / sum exp(x)", &naive_softmax(&x));
        show("logits::softmax", &softmax(&x, Axis(0)));
        println!(
            "  {:<34}{} (naive ln(sum exp(x)): {})\n",
            "logits::logsumexp",
            logsumexp(&x, Axis(0)),
            x.mapv(f32::exp).sum().ln()
        );
    }
    println!("  exp(1000) overflows to inf and inf / inf is NaN; exp(-1000) underflows to 0 and");
    println!("  0 / 0 is NaN. Shifting by the maximum fixes both, and logits::softmax does that");
    println!("  in one pass over the row.\n");
}

/// The cross-entropy of one sample whose true class is 0, from logits `[0, margin]`: the model
/// favours the wrong class by `margin`. The exact loss is `ln(1 + e^margin)`.
fn wrong_and_confident(margin: f32) -> BoxResult<[f64; 5]> {
    let x = array![0.0_f32, margin];
    let naive = -naive_softmax(&x)[0].ln();
    let shifted = -shifted_softmax(&x)[0].ln();
    let eps = epsilon_loss(shifted_softmax(&x)[0]);
    let ours = cross_entropy(&x.view().insert_axis(Axis(0)), &[0])?;
    let exact = f64::from(margin).max(0.0) + (-f64::from(margin).abs()).exp().ln_1p();
    Ok([
        f64::from(naive),
        f64::from(shifted),
        f64::from(eps),
        f64::from(ours),
        exact,
    ])
}

fn cross_entropy_near_zero_and_one() -> BoxResult<()> {
    println!("2. cross-entropy when the true class has probability near 0 (a confident mistake)\n");
    println!(
        "  {:>7} {:>12} {:>12} {:>12} {:>14} {:>14}",
        "margin", "naive", "shifted", "-ln(p+1e-7)", "logits", "exact (f64)"
    );
    for margin in [1.0_f32, 10.0, 20.0, 50.0, 90.0, 200.0, 1000.0] {
        let [naive, shifted, eps, ours, exact] = wrong_and_confident(margin)?;
        println!(
            "  {margin:>7} {naive:>12.4} {shifted:>12.4} {eps:>12.4} {ours:>14.4} {exact:>14.4}"
        );
    }
    println!(
        "\n  The naive loss is inf once exp(margin) overflows (margin > 88 in f32); the shifted"
    );
    println!("  one once exp(-margin) underflows (margin > 103). The epsilon patch never exceeds");
    println!(
        "  -ln(1e-7) = 16.12, however wrong the model is, so its gradient vanishes exactly when"
    );
    println!(
        "  it matters. logits::cross_entropy works from the logits, ln p = x - logsumexp(x).\n"
    );

    println!("3. cross-entropy when the true class has probability near 1 (a confident success)\n");
    println!(
        "  {:>7} {:>13} {:>13} {:>13} {:>13} {:>13}",
        "margin", "-ln(p+1e-7)", "clipped", "logits f32", "logits f64", "exact"
    );
    for margin in [5.0_f32, 10.0, 20.0, 30.0] {
        // True class 0 with logits [margin, 0]: the exact loss is ln(1 + e^-margin).
        let x = array![[margin, 0.0]];
        let p = shifted_softmax(&x.row(0))[0];
        let ours = cross_entropy(&x, &[0])?;
        let ours64 = cross_entropy(&x.mapv(f64::from), &[0])?;
        let exact = (-f64::from(margin)).exp().ln_1p();
        println!(
            "  {margin:>7} {:>13.4e} {:>13.4e} {ours:>13.4e} {ours64:>13.4e} {exact:>13.4e}",
            epsilon_loss(p),
            clipped_loss(p)
        );
    }
    println!("\n  Here the loss is below the resolution of f32 (1 + 2e-9 rounds to 1), and every");
    println!(
        "  method rounds. The patches round the wrong way: adding 1e-7 makes the loss negative,"
    );
    println!(
        "  clipping sets a floor of 1.2e-7 that no model can get under. logits never goes below"
    );
    println!(
        "  0, stays within the rounding of the logits, and in f64 resolves the loss to ~1e-15.\n"
    );
    Ok(())
}

fn plot() -> BoxResult<()> {
    let margins: Vec<f32> = (0..=240).map(|i| i as f32 * 0.5).collect();
    // The naive curve last, on top of the others, so that its end at margin 88 shows.
    let mut series = vec![
        ("logits::cross_entropy".to_string(), Vec::new()),
        ("-ln(p + 1e-7)".to_string(), Vec::new()),
        ("naive -ln p (inf past 88)".to_string(), Vec::new()),
    ];
    for &m in &margins {
        let [naive, _, eps, ours, _] = wrong_and_confident(m)?;
        for (s, v) in series.iter_mut().zip([ours, eps, naive]) {
            s.1.push((f64::from(m), v));
        }
    }
    let path = LinePlot {
        labels: [
            "Cross-entropy of a wrong prediction, logits [0, margin], true class 0 (f32)",
            "margin by which the wrong class leads",
            "loss",
        ],
        series,
        log_x: false,
        log_y: false,
    }
    .draw("stability.svg")?;
    println!("wrote {}", shown(&path));
    Ok(())
}

fn main() -> BoxResult<()> {
    softmax_overflow();
    cross_entropy_near_zero_and_one()?;
    plot()
}
