//! The cross-entropy surface over two logits: logits `[x, y, 0]`, target class 0, for x and y
//! in [−10, 10], as a heat map with a colour scale, and the same surface as the tutorial computes
//! it, `−ln(softmax + 1e−7)`, whose epsilon flattens the corner where the model is most wrong.
//!
//! The whole grid is one `[101², 3]` batch through `CrossEntropy::per_sample`.
//!
//! Run with `cargo run --release --example landscape`; it writes
//! `target/examples-output/landscape.svg` and `target/examples-output/landscape_epsilon.svg`.

mod common;

use common::{BoxResult, HeatMap, shown};
use logits::{CrossEntropy, softmax};
use ndarray::{Array2, Axis, array};

const GRID: usize = 101;
const RANGE: (f64, f64) = (-10.0, 10.0);

fn at(i: usize) -> f64 {
    RANGE.0 + (RANGE.1 - RANGE.0) * i as f64 / (GRID - 1) as f64
}

/// The tutorial's loss: `−ln(p₀ + 1e−7)` with `p` the softmax of the logits.
fn epsilon_loss(x: f64, y: f64) -> f64 {
    let p = softmax(&array![x, y, 0.0], Axis(0));
    -(p[0] + 1e-7).ln()
}

fn main() -> BoxResult<()> {
    // Row r, column c of the grid is the point (x = at(c), y = at(r)): one batch row each.
    let batch = Array2::from_shape_fn((GRID * GRID, 3), |(i, k)| match k {
        0 => at(i % GRID),
        1 => at(i / GRID),
        _ => 0.0,
    });
    let targets = vec![0_usize; GRID * GRID];
    let ce = CrossEntropy::new();
    let (losses, grads) = ce.per_sample_and_grad(&batch, &targets)?;
    let surface = losses.into_shape_with_order((GRID, GRID))?;

    println!("cross-entropy of logits [x, y, 0] with target class 0\n");
    println!(
        "  {:>6} {:>6}   {:>12}   {:>14}   {:>24}",
        "x", "y", "logits", "-ln(p + 1e-7)", "gradient (p - onehot)"
    );
    for (x, y) in [
        (0.0, 0.0),
        (10.0, 0.0),
        (10.0, -10.0),
        (0.0, 10.0),
        (-10.0, 0.0),
        (-10.0, 10.0),
    ] {
        let row = array![[x, y, 0.0]];
        let (l, g) = ce.per_sample_and_grad(&row, &[0])?;
        let grad: Vec<String> = g.row(0).iter().map(|v| format!("{v:>7.4}")).collect();
        println!(
            "  {x:>6} {y:>6}   {:>12.6}   {:>14.6}   [{}]",
            l[0],
            epsilon_loss(x, y),
            grad.join(", ")
        );
    }
    let (lo, hi) = surface
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    println!("\n  over the grid the loss runs from {lo:.2e} to {hi:.4}; the epsilon version");
    println!("  stops at -ln(1e-7) = 16.1181, and its gradient there is 0 instead of [-1, 1, 0].");
    println!("  Far from the origin the surface is nearly the plane max(x, y, 0) - x.");
    let steepest = grads
        .rows()
        .into_iter()
        .map(|g| g.dot(&g).sqrt())
        .fold(0.0_f64, f64::max);
    println!("  The gradient never exceeds {steepest:.4} in length (at most sqrt(2)).\n");

    let path = HeatMap {
        labels: [
            "Cross-entropy of logits [x, y, 0], target class 0 (logits)",
            "x: logit of the target class",
            "y: logit of class 1",
        ],
        colour_label: "loss (nats)",
        x_range: RANGE,
        y_range: RANGE,
        value_range: Some((0.0, hi)),
        values: surface,
    }
    .draw("landscape.svg")?;
    println!("wrote {}", shown(&path));

    let hacked = Array2::from_shape_fn((GRID, GRID), |(r, c)| epsilon_loss(at(c), at(r)));
    let path = HeatMap {
        labels: [
            "The tutorial's -ln(softmax + 1e-7): capped at 16.1",
            "x: logit of the target class",
            "y: logit of class 1",
        ],
        colour_label: "loss (nats)",
        x_range: RANGE,
        y_range: RANGE,
        // The same colour scale as the exact surface, so that the cap shows.
        value_range: Some((0.0, hi)),
        values: hacked,
    }
    .draw("landscape_epsilon.svg")?;
    println!("wrote {}", shown(&path));
    Ok(())
}
