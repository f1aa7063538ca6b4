//! Handwritten digits: scikit-learn's 1,797 8×8 images of the digits 0–9 (bundled), classified by
//! softmax regression and by a small ReLU network, both trained with `logits::CrossEntropy` by
//! minibatch gradient descent with momentum. The loss and its gradient with respect to the logits
//! come from one call; the rest of the backward pass is a few matrix products.
//!
//! The network is trained twice, with and without label smoothing (ε = 0.1), to show what
//! smoothing does: the same accuracy, less confident probabilities. The program prints the test
//! accuracy, the cross-entropy and the mean top probability of each model, and draws the smoothed
//! network's confusion matrix and the test digits it gets wrong, each with its three most likely
//! classes.
//!
//! It writes the network's test-set logits (`f32`, `[355, 10]`) and the true digits (`i64`,
//! `[355]`) as `.npy` files with `ndarray-npy`, the way a Python user would save them from NumPy,
//! and checks them against the copies committed in `examples/data/`, which the `classify` example
//! reads. `cargo run --release --example digits -- --write-data` replaces those copies.
//!
//! Run with `cargo run --release --example digits`; it writes `digits_confusion.svg`,
//! `digits_mistakes.svg` and the two `.npy` files to `target/examples-output/`.

mod common;

use std::path::PathBuf;

use common::{BoxResult, PALETTE, data_path, output_path, pale, save, shown};
use logits::{CrossEntropy, LogitsExt};
use ndarray::{Array1, Array2, ArrayView2, Axis};
use ndarray_npy::{read_npy, write_npy};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;

const SEED: u64 = 1797;
const CLASSES: usize = 10;
const SIDE: usize = 8;
const PIXELS: usize = SIDE * SIDE;
/// One image in five of each digit is held out for testing.
const TEST_SHARE: usize = 5;
const BATCH: usize = 32;
const MOMENTUM: f32 = 0.9;
/// How far the freshly trained logits may be from the committed ones, relative to their largest
/// magnitude: the matrix products may round differently on another CPU.
const TOLERANCE: f32 = 1e-3;

/// The images (one row of 64 pixels in `[0, 1]` each) and their digits.
struct Digits {
    x: Array2<f32>,
    y: Vec<usize>,
}

/// Reads `digits.csv` with the `csv` crate: one image per line, 64 pixel values 0..=16 (row by
/// row) and the digit, no header.
fn load() -> BoxResult<Digits> {
    let path = data_path("digits.csv");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let (mut pixels, mut y) = (Vec::new(), Vec::new());
    for (i, record) in reader.records().enumerate() {
        let (record, line) = (record?, i + 1);
        if record.len() != PIXELS + 1 {
            let found = record.len();
            return Err(
                format!("digits.csv line {line}: {found} fields, not {}", PIXELS + 1).into(),
            );
        }
        for field in record.iter().take(PIXELS) {
            let v: u8 = field.parse()?;
            if v > 16 {
                return Err(format!("digits.csv line {line}: pixel {v} is above 16").into());
            }
            pixels.push(f32::from(v) / 16.0);
        }
        let digit: usize = record[PIXELS].parse()?;
        if digit >= CLASSES {
            return Err(format!("digits.csv line {line}: {digit} is not a digit").into());
        }
        y.push(digit);
    }
    let x = Array2::from_shape_vec((y.len(), PIXELS), pixels)?;
    Ok(Digits { x, y })
}

/// A stratified split: one image in [`TEST_SHARE`] of each digit, drawn at random, for testing.
fn split(y: &[usize], rng: &mut StdRng) -> (Vec<usize>, Vec<usize>) {
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for digit in 0..CLASSES {
        let mut members: Vec<usize> = (0..y.len()).filter(|&i| y[i] == digit).collect();
        members.shuffle(rng);
        let held = members.len() / TEST_SHARE;
        test.extend_from_slice(&members[..held]);
        train.extend_from_slice(&members[held..]);
    }
    test.sort_unstable();
    (train, test)
}

/// A fully connected layer `x W + b`, with the velocities of momentum.
struct Dense {
    w: Array2<f32>,
    b: Array1<f32>,
    vw: Array2<f32>,
    vb: Array1<f32>,
}

impl Dense {
    /// Weights from N(0, gain² / fan_in): gain √2 before a ReLU (He), smaller for the output.
    fn new(inputs: usize, outputs: usize, gain: f64, rng: &mut StdRng) -> Self {
        let scale = gain / (inputs as f64).sqrt();
        let w = Array2::from_shape_simple_fn((inputs, outputs), || {
            (rng.sample::<f64, _>(StandardNormal) * scale) as f32
        });
        Self {
            w,
            b: Array1::zeros(outputs),
            vw: Array2::zeros((inputs, outputs)),
            vb: Array1::zeros(outputs),
        }
    }

    fn forward(&self, x: &ArrayView2<f32>) -> Array2<f32> {
        x.dot(&self.w) + &self.b
    }

    /// One step of gradient descent with momentum, given the layer's input and the gradient of
    /// the loss with respect to its output.
    fn update(&mut self, x: &ArrayView2<f32>, dz: &Array2<f32>, lr: f32) {
        let (gw, gb) = (x.t().dot(dz), dz.sum_axis(Axis(0)));
        self.vw.zip_mut_with(&gw, |v, &g| *v = MOMENTUM * *v + g);
        self.vb.zip_mut_with(&gb, |v, &g| *v = MOMENTUM * *v + g);
        self.w.scaled_add(-lr, &self.vw);
        self.b.scaled_add(-lr, &self.vb);
    }
}

/// Dense layers with a ReLU between each two: one layer is softmax regression.
struct Network {
    layers: Vec<Dense>,
}

impl Network {
    fn new(widths: &[usize], rng: &mut StdRng) -> Self {
        let last = widths.len() - 2;
        let layers = (widths.windows(2).enumerate())
            .map(|(i, io)| Dense::new(io[0], io[1], if i < last { 2_f64.sqrt() } else { 0.5 }, rng))
            .collect();
        Self { layers }
    }

    fn logits(&self, x: &ArrayView2<f32>) -> Array2<f32> {
        let mut a = self.layers[0].forward(x);
        for layer in &self.layers[1..] {
            a.mapv_inplace(|v| v.max(0.0));
            a = layer.forward(&a.view());
        }
        a
    }

    /// One minibatch step; returns the loss before it.
    fn step(
        &mut self,
        x: &ArrayView2<f32>,
        y: &[usize],
        loss: &CrossEntropy<f32>,
        lr: f32,
    ) -> logits::Result<f32> {
        // Forward, keeping each layer's input (after the ReLU).
        let mut inputs = vec![x.to_owned()];
        let mut z = self.layers[0].forward(x);
        for layer in &self.layers[1..] {
            let a = z.mapv(|v| v.max(0.0));
            z = layer.forward(&a.view());
            inputs.push(a);
        }
        // The mean loss and dL/dz = (softmax(z) − target distribution) / batch, in one pass.
        let (value, mut grad) = loss.loss_and_grad(&z, y)?;
        for (i, layer) in self.layers.iter_mut().enumerate().rev() {
            let input = inputs[i].view();
            // Back through this layer to its input, and through the ReLU that made the input
            // (gradient 1 where it was positive), before the weights change.
            let below = (i > 0).then(|| {
                let mut g = grad.dot(&layer.w.t());
                g.zip_mut_with(&input, |g, &a| {
                    if a <= 0.0 {
                        *g = 0.0;
                    }
                });
                g
            });
            layer.update(&input, &grad, lr);
            if let Some(g) = below {
                grad = g;
            }
        }
        Ok(value)
    }
}

/// The arg-max of each row, by `top_k` with `k = 1` (ties to the lower class).
fn predict(logits: &Array2<f32>) -> Vec<usize> {
    logits.top_k(1, Axis(1)).1.column(0).to_vec()
}

/// Test accuracy, cross-entropy (unsmoothed) and mean top probability of a model's test logits.
fn scores(logits: &Array2<f32>, y: &[usize]) -> logits::Result<(f32, f32, f32)> {
    let hits = predict(logits)
        .iter()
        .zip(y)
        .filter(|(p, t)| p == t)
        .count();
    let loss = CrossEntropy::new().loss(logits, y)?;
    let top = logits
        .softmax(Axis(1))
        .map_axis(Axis(1), |p| p.fold(0.0_f32, |m, &q| m.max(q)));
    Ok((
        hits as f32 / y.len() as f32,
        loss,
        top.mean().unwrap_or(0.0),
    ))
}

/// Trains a network of the given widths on the training rows, printing the mean training loss
/// every `every` epochs; returns it with its test logits.
fn train(
    name: &str,
    widths: &[usize],
    smoothing: f32,
    (epochs, lr, every): (usize, f32, usize),
    data: (&Digits, &[usize], &[usize]),
) -> BoxResult<(Network, Array2<f32>)> {
    let (digits, train_rows, test_rows) = data;
    let mut rng = StdRng::seed_from_u64(SEED);
    let mut net = Network::new(widths, &mut rng);
    let loss = CrossEntropy::new().label_smoothing(smoothing);
    let x_test = digits.x.select(Axis(0), test_rows);
    let mut order = train_rows.to_vec();
    println!("{name}");
    for epoch in 1..=epochs {
        order.shuffle(&mut rng);
        let mut total = 0.0;
        for batch in order.chunks(BATCH) {
            let x = digits.x.select(Axis(0), batch);
            let y: Vec<usize> = batch.iter().map(|&i| digits.y[i]).collect();
            total += net.step(&x.view(), &y, &loss, lr)? * batch.len() as f32;
        }
        if epoch % every == 0 {
            let y_test: Vec<usize> = test_rows.iter().map(|&i| digits.y[i]).collect();
            let (accuracy, _, _) = scores(&net.logits(&x_test.view()), &y_test)?;
            let mean = total / order.len() as f32;
            println!("  epoch {epoch:>3}   training loss {mean:.4}   test accuracy {accuracy:.3}");
        }
    }
    let logits = net.logits(&x_test.view());
    Ok((net, logits))
}

/// Writes the test logits and digits to `target/examples-output/`, then copies them to
/// `examples/data/` (with `--write-data`) or checks them against the copies there.
fn save_logits(logits: &Array2<f32>, y: &[usize], write_data: bool) -> BoxResult<()> {
    let targets: Array1<i64> = y.iter().map(|&d| d as i64).collect();
    let files = ["digits_test_logits.npy", "digits_test_targets.npy"];
    let (logits_out, targets_out) = (output_path(files[0])?, output_path(files[1])?);
    write_npy(&logits_out, logits)?;
    write_npy(&targets_out, &targets)?;
    println!("wrote {} and {}", shown(&logits_out), shown(&targets_out));
    let committed: [PathBuf; 2] = files.map(data_path);
    if write_data {
        std::fs::copy(&logits_out, &committed[0])?;
        std::fs::copy(&targets_out, &committed[1])?;
        println!("and copied them to {}", shown(&data_path("")));
        return Ok(());
    }
    let stale = "; `cargo run --release --example digits -- --write-data` renews it";
    let kept: Array2<f32> = read_npy(&committed[0])
        .map_err(|e| format!("cannot read {}: {e}{stale}", committed[0].display()))?;
    let kept_targets: Array1<i64> = read_npy(&committed[1])
        .map_err(|e| format!("cannot read {}: {e}{stale}", committed[1].display()))?;
    if kept.dim() != logits.dim() || kept_targets != targets {
        return Err(format!("{} holds another test set{stale}", committed[1].display()).into());
    }
    let scale = logits.fold(0.0_f32, |m, v| m.max(v.abs()));
    let diff = (&kept - logits).fold(0.0_f32, |m, v| m.max(v.abs()));
    if diff > TOLERANCE * scale {
        return Err(format!(
            "{} differs from this run by {diff:.2e} (largest logit {scale:.1}){stale}",
            committed[0].display()
        )
        .into());
    }
    println!(
        "the committed {} matches this run (largest difference {diff:.1e}, largest logit {scale:.1})",
        shown(&committed[0])
    );
    Ok(())
}

/// Centred text in a given colour.
fn centred(
    text: String,
    at: (f64, f64),
    size: f64,
    colour: RGBColor,
) -> Text<'static, (f64, f64), String> {
    let style = ("sans-serif", size)
        .into_font()
        .color(&colour)
        .pos(Pos::new(HPos::Center, VPos::Center));
    Text::new(text, at, style)
}

/// The confusion matrix as a grid of counts, shaded by the share of each true digit's row.
fn draw_confusion(confusion: &Array2<usize>) -> BoxResult<PathBuf> {
    save("digits_confusion.svg", (560, 560), |root| {
        let area = root.titled(
            "Test set: true digit (rows) by predicted digit",
            ("sans-serif", 18),
        )?;
        let top = CLASSES as f64 - 0.5;
        let mut chart = ChartBuilder::on(&area)
            .margin(15)
            .x_label_area_size(45)
            .y_label_area_size(55)
            .build_cartesian_2d(-0.5..top, -0.5..top)?;
        // Row 0 at the top: the y axis counts down.
        let digit = |v: &f64| {
            let i = v.round();
            if (v - i).abs() < 1e-9 && (0.0..CLASSES as f64).contains(&i) {
                format!("{i}")
            } else {
                String::new()
            }
        };
        let flipped = |v: &f64| digit(&(CLASSES as f64 - 1.0 - v));
        chart
            .configure_mesh()
            .disable_mesh()
            .x_labels(CLASSES + 1)
            .y_labels(CLASSES + 1)
            .x_label_formatter(&digit)
            .y_label_formatter(&flipped)
            .x_desc("predicted digit")
            .y_desc("true digit")
            .axis_desc_style(("sans-serif", 14))
            .label_style(("sans-serif", 13))
            .draw()?;
        for ((t, p), &count) in confusion.indexed_iter() {
            let total = confusion.row(t).sum().max(1);
            let share = count as f64 / total as f64;
            let (x, y) = (p as f64, (CLASSES - 1 - t) as f64);
            let fill = pale(PALETTE[0], 1.0 - share);
            chart.draw_series([Rectangle::new(
                [(x - 0.5, y - 0.5), (x + 0.5, y + 0.5)],
                fill.filled(),
            )])?;
            if count > 0 {
                let ink = if share > 0.5 { WHITE } else { BLACK };
                chart.draw_series([centred(count.to_string(), (x, y), 15.0, ink)])?;
            }
        }
        Ok(())
    })
}

/// The misclassified test digits, each drawn in grey levels with its true digit and the model's
/// three most likely digits and their probabilities.
fn draw_mistakes(x: &Array2<f32>, y: &[usize], probs: &Array2<f32>) -> BoxResult<PathBuf> {
    let (top_p, top_d) = probs.top_k(3, Axis(1));
    let wrong: Vec<usize> = (0..y.len()).filter(|&i| top_d[[i, 0]] != y[i]).collect();
    let cols = 5;
    let rows = wrong.len().div_ceil(cols).max(1);
    let height = 40 + 120 * rows as u32;
    save("digits_mistakes.svg", (5 * 170, height), |root| {
        let title = format!(
            "The {} test digits the network gets wrong, with its top 3",
            wrong.len()
        );
        let area = root.titled(&title, ("sans-serif", 18))?;
        let tiles = area.split_evenly((rows, cols));
        let px = 11;
        for (tile, &i) in tiles.iter().zip(&wrong) {
            let (x0, y0) = (10, 6);
            for (k, &v) in x.row(i).iter().enumerate() {
                let (r, c) = ((k / SIDE) as i32, (k % SIDE) as i32);
                let grey = (255.0 * (1.0 - v)).round() as u8;
                let corners = [
                    (x0 + c * px, y0 + r * px),
                    (x0 + (c + 1) * px, y0 + (r + 1) * px),
                ];
                tile.draw(&Rectangle::new(
                    corners,
                    RGBColor(grey, grey, grey).filled(),
                ))?;
            }
            let edge = SIDE as i32 * px;
            tile.draw(&Rectangle::new(
                [(x0, y0), (x0 + edge, y0 + edge)],
                BLACK.stroke_width(1),
            ))?;
            let text_x = x0 + edge + 10;
            tile.draw(&Text::new(
                format!("true {}", y[i]),
                (text_x, y0),
                ("sans-serif", 14),
            ))?;
            for rank in 0..3 {
                let (d, p) = (top_d[[i, rank]], top_p[[i, rank]]);
                let colour = if d == y[i] {
                    PALETTE[4]
                } else if rank == 0 {
                    PALETTE[2]
                } else {
                    BLACK
                };
                let line = format!("{d}  {:>3.0}%", 100.0 * p);
                let style = TextStyle::from(("sans-serif", 14).into_font()).color(&colour);
                tile.draw(&Text::new(
                    line,
                    (text_x, y0 + 22 + 20 * rank as i32),
                    style,
                ))?;
            }
        }
        Ok(())
    })
}

fn main() -> BoxResult<()> {
    let write_data = std::env::args().any(|a| a == "--write-data");
    let digits = load()?;
    let mut rng = StdRng::seed_from_u64(SEED);
    let (train_rows, test_rows) = split(&digits.y, &mut rng);
    let y_test: Vec<usize> = test_rows.iter().map(|&i| digits.y[i]).collect();
    println!(
        "digits: {} images of 8x8 pixels, {} for training, {} for testing (seed {SEED})\n",
        digits.y.len(),
        train_rows.len(),
        test_rows.len()
    );
    let data = (&digits, train_rows.as_slice(), test_rows.as_slice());
    let (_, regression) = train(
        "softmax regression (64 -> 10)",
        &[PIXELS, CLASSES],
        0.0,
        (30, 0.05, 10),
        data,
    )?;
    let (_, plain) = train(
        "network 64 -> 64 -> 10, ReLU",
        &[PIXELS, 64, CLASSES],
        0.0,
        (30, 0.02, 10),
        data,
    )?;
    let (_, smoothed) = train(
        "the same network, label smoothing 0.1",
        &[PIXELS, 64, CLASSES],
        0.1,
        (30, 0.02, 10),
        data,
    )?;

    println!(
        "\n  {:<38}{:>9}{:>15}{:>17}",
        "test set", "accuracy", "cross-entropy", "mean top prob."
    );
    for (name, logits) in [
        ("softmax regression", &regression),
        ("network", &plain),
        ("network, label smoothing 0.1", &smoothed),
    ] {
        let (accuracy, loss, top) = scores(logits, &y_test)?;
        println!("  {name:<38}{accuracy:>9.3}{loss:>15.4}{top:>17.3}");
    }
    println!(
        "\n  Smoothing keeps the accuracy and lowers the confidence: the smoothed target puts"
    );
    println!(
        "  1 - 0.1 + 0.1/10 = 0.91 on the true digit, not 1, so the network stops short of certainty.\n"
    );

    let probs = smoothed.softmax(Axis(1));
    let mut confusion = Array2::<usize>::zeros((CLASSES, CLASSES));
    for (&t, &p) in y_test.iter().zip(&predict(&smoothed)) {
        confusion[[t, p]] += 1;
    }
    println!("  confusion of the smoothed network (rows: true digit, columns: predicted)");
    println!(
        "       {}",
        (0..CLASSES)
            .map(|d| format!("{d:>3}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    for (t, row) in confusion.rows().into_iter().enumerate() {
        println!(
            "    {t:>2} {}",
            row.iter()
                .map(|c| format!("{c:>3}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    println!();
    println!("wrote {}", shown(&draw_confusion(&confusion)?));
    let x_test = digits.x.select(Axis(0), &test_rows);
    println!("wrote {}", shown(&draw_mistakes(&x_test, &y_test, &probs)?));
    save_logits(&smoothed, &y_test, write_data)
}
