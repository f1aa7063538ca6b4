//! The main job of `logits` in one page: probabilities from logits, stably, and the pieces around
//! them. Run with `cargo run --release --example quickstart`.

use logits::prelude::*;
use ndarray::{Array1, ArrayRef, Axis, Ix1, array, s};

fn show(label: &str, v: &ArrayRef<f32, Ix1>) {
    let cells: Vec<String> = v.iter().map(|x| format!("{x:>11.4}")).collect();
    println!("  {label:<26}[{}]", cells.join(""));
}

fn main() -> Result<()> {
    println!(
        "logits {} (kernels: {})\n",
        env!("CARGO_PKG_VERSION"),
        logits::kernel_isa()
    );

    // The classic first example: three scores become three probabilities.
    let scores = array![2.0_f32, 1.0, 0.1];
    let p = softmax(&scores, Axis(0));
    println!("softmax of [2.0, 1.0, 0.1]");
    show("probabilities", &p);
    println!("  {:<26}{:.6}\n", "sum", p.sum());

    // A batch: one row per example, one column per class.
    let batch = array![
        [2.0_f32, 1.0, 0.1, 0.5],
        [0.3, 2.2, 0.5, 1.1],
        [1.2, 0.7, 1.5, 0.3],
        [1000.0, 2000.0, 3000.0, 0.0],
    ];
    // The same functions as methods (`LogitsExt`, in the prelude): `batch.softmax(Axis(1))` is
    // `softmax(&batch, Axis(1))`.
    let probs = batch.softmax(Axis(1));
    let log_probs = batch.log_softmax(Axis(1));
    let lse = batch.logsumexp(Axis(1));
    println!("a batch of 4 rows x 4 classes (the last row would overflow a naive exp)");
    for (i, row) in probs.rows().into_iter().enumerate() {
        show(&format!("row {i} softmax"), &row);
    }
    show("row 3 log_softmax", &log_probs.row(3));
    show("logsumexp per row", &lse);
    // The most likely class of each row: top_k with k = 1 (ties go to the lower class).
    let predicted: Array1<usize> = probs.top_k(1, Axis(1)).1.column(0).to_owned();
    println!("  {:<26}{predicted}\n", "predicted class");

    // Cross-entropy against the true classes, and its gradient, in one pass over the logits.
    let labels = [0, 1, 2, 2];
    let (loss, grad) = cross_entropy_and_grad(&batch, &labels)?;
    println!("cross-entropy against classes {labels:?}: {loss:.4}");
    println!("  gradient (softmax - one-hot) / batch:");
    for row in grad.rows() {
        show("", &row);
    }
    let plain = cross_entropy(&batch.slice(s![..3, ..]), &labels[..3])?;
    let smoothed = CrossEntropy::new()
        .label_smoothing(0.1)
        .loss(&batch.slice(s![..3, ..]), &labels[..3])?;
    println!("  first three rows: {plain:.4}, with label smoothing 0.1: {smoothed:.4}");

    // Binary cross-entropy straight from logits: finite even at +-1e4.
    let bin_logits = array![2.0_f32, -1.0, 0.5, 1e4, -1e4];
    let bin_targets = array![1.0_f32, 0.0, 1.0, 1.0, 1.0];
    let (bce, bce_grad) = binary_cross_entropy_with_logits_and_grad(&bin_logits, &bin_targets)?;
    println!("\nbinary cross-entropy with logits {bin_logits} against {bin_targets}: {bce:.4}");
    show("gradient", &bce_grad);
    println!();

    // Temperature: below 1 sharpens, above 1 flattens.
    println!("temperature on [2.0, 1.0, 0.1]");
    for t in [0.5_f32, 1.0, 2.0] {
        show(
            &format!("T = {t}"),
            &softmax_with_temperature(&scores, Axis(0), t)?,
        );
    }
    println!();

    // Masking: excluded entries get probability 0; a fully masked row is all 0, not NaN.
    let mask = array![[true, true, false], [false, false, false]];
    let attn = masked_softmax(
        &array![[1.0_f32, 2.0, 3.0], [1.0, 2.0, 3.0]],
        &mask,
        Axis(1),
    )?;
    println!("masked softmax (second row fully masked)");
    show("row 0", &attn.row(0));
    show("row 1", &attn.row(1));
    println!();

    // Gradients: the Jacobian of softmax, and the cheap vector-Jacobian product.
    let j = softmax_jacobian(&p);
    println!("softmax Jacobian at p = softmax([2.0, 1.0, 0.1])");
    for row in j.rows() {
        show("", &row);
    }
    let upstream = array![1.0_f32, 0.0, 0.0];
    let dx = softmax_backward(&p, &upstream, Axis(0))?;
    show("backward of g = [1, 0, 0]", &dx);

    // Errors are values, not panics.
    let err = softmax_with_temperature(&scores, Axis(0), 0.0).unwrap_err();
    println!("\nan invalid temperature is an error: {err}");
    Ok(())
}
