//! Scaled dot-product attention weights with `logits::masked_softmax`, and their backward pass
//! with `logits::softmax_backward`.
//!
//! 1. Causal self-attention over one sequence: each position attends to itself and the past.
//! 2. A left-padded batch, as in batched generation: combined with the causal mask, the first
//!    query rows of the shorter sequence may attend to nothing. `masked_softmax` gives those rows
//!    weights of 0; a naive softmax of −inf scores gives NaN, which then spreads through the
//!    output and every gradient, and the usual −1e9 fill quietly attends to padding.
//! 3. The gradient of a loss with respect to the scores, given the upstream gradient on the
//!    weights, checked against central finite differences.
//!
//! Run with `cargo run --release --example attention`.

mod common;

use common::BoxResult;
use logits::{masked_softmax, softmax_backward};
use ndarray::{Array2, Array3, ArrayView2, Axis, s};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rand_distr::StandardNormal;

/// Sequence length and head dimension.
const T: usize = 5;
const D: usize = 4;

fn random(rng: &mut StdRng, shape: (usize, usize, usize)) -> Array3<f64> {
    Array3::from_shape_fn(shape, |_| rng.sample::<f64, _>(StandardNormal))
}

fn print_matrix(title: &str, m: &ArrayView2<f64>) {
    println!("  {title}");
    for row in m.rows() {
        // `+ 0.0` turns −0 (0 times a negative number) into 0 for printing.
        let cells: Vec<String> = row.iter().map(|v| format!("{:>8.4}", v + 0.0)).collect();
        println!("    [{} ]", cells.join(""));
    }
}

/// `Q Kᵀ / √d` for each sequence of a batch: `[batch, T, T]`.
fn scores(q: &Array3<f64>, k: &Array3<f64>) -> Array3<f64> {
    let mut out = Array3::zeros((q.len_of(Axis(0)), T, T));
    for (b, mut o) in out.outer_iter_mut().enumerate() {
        o.assign(&(q.slice(s![b, .., ..]).dot(&k.slice(s![b, .., ..]).t()) / (D as f64).sqrt()));
    }
    out
}

/// `W V` for each sequence of a batch.
fn apply(w: &Array3<f64>, v: &Array3<f64>) -> Array3<f64> {
    let mut out = Array3::zeros(v.raw_dim());
    for (b, mut o) in out.outer_iter_mut().enumerate() {
        o.assign(&w.slice(s![b, .., ..]).dot(&v.slice(s![b, .., ..])));
    }
    out
}

/// The textbook softmax along the last axis, as a tutorial writes it: shift by the max, exp,
/// divide by the sum. Masked scores are set to `fill` first.
fn naive_masked_softmax(x: &Array3<f64>, mask: &Array3<bool>, fill: f64) -> Array3<f64> {
    let mut out = x.clone();
    out.zip_mut_with(mask, |v, &keep| {
        if !keep {
            *v = fill;
        }
    });
    for mut row in out.lanes_mut(Axis(2)) {
        let m = row.fold(f64::NEG_INFINITY, |a, &b| a.max(b));
        row.mapv_inplace(|v| (v - m).exp());
        let total = row.sum();
        row.mapv_inplace(|v| v / total);
    }
    out
}

fn causal() -> BoxResult<()> {
    println!("1. causal self-attention, one sequence of {T} positions, head dimension {D}\n");
    let mut rng = StdRng::seed_from_u64(1);
    let (q, k) = (random(&mut rng, (1, T, D)), random(&mut rng, (1, T, D)));
    let s = scores(&q, &k);
    // Position i may attend to positions j <= i. A [T, T] mask broadcasts over the batch.
    let mask = Array2::from_shape_fn((T, T), |(i, j)| j <= i);
    let w = masked_softmax(&s, &mask, Axis(2))?;
    print_matrix("scores Q K^T / sqrt(d)", &s.slice(s![0, .., ..]));
    print_matrix(
        "weights = masked_softmax(scores, causal mask)",
        &w.slice(s![0, .., ..]),
    );
    println!("  row sums {}\n", w.sum_axis(Axis(2)).slice(s![0, ..]));
    Ok(())
}

/// The masks of a left-padded batch: sequence 0 is full, sequence 1 has `pad` padding tokens
/// first. `mask[b, i, j]`: query `i` of sequence `b` may attend to key `j`.
fn padded_mask(pad: usize) -> Array3<bool> {
    Array3::from_shape_fn((2, T, T), |(b, i, j)| {
        let key_is_token = b == 0 || j >= pad;
        j <= i && key_is_token
    })
}

fn padded(rng: &mut StdRng) -> BoxResult<()> {
    println!("2. a left-padded batch: sequence 1 starts with 2 padding tokens\n");
    let (q, k, v) = (
        random(rng, (2, T, D)),
        random(rng, (2, T, D)),
        random(rng, (2, T, D)),
    );
    let s = scores(&q, &k);
    let mask = padded_mask(2);
    let w = masked_softmax(&s, &mask, Axis(2))?;
    print_matrix(
        "logits::masked_softmax, sequence 1 (rows 0 and 1 may attend to nothing)",
        &w.slice(s![1, .., ..]),
    );
    let naive = naive_masked_softmax(&s, &mask, f64::NEG_INFINITY);
    print_matrix(
        "naive softmax with -inf scores: 0/0",
        &naive.slice(s![1, .., ..]),
    );
    let filled = naive_masked_softmax(&s, &mask, -1e9);
    print_matrix(
        "naive softmax with -1e9 scores: uniform over padding and the future",
        &filled.slice(s![1, .., ..]),
    );
    let out = apply(&w, &v);
    let naive_out = apply(&naive, &v);
    let nan_rows = |o: &Array3<f64>| {
        o.lanes(Axis(2))
            .into_iter()
            .filter(|r| r.iter().any(|x| x.is_nan()))
            .count()
    };
    println!(
        "  output W V: {} NaN rows with logits, {} with the naive softmax (of {} rows)\n",
        nan_rows(&out),
        nan_rows(&naive_out),
        2 * T
    );
    Ok(())
}

/// `L(scores) = Σ dO ⊙ (masked_softmax(scores) V)`: a scalar whose gradient we know.
fn loss(
    s: &Array3<f64>,
    mask: &Array3<bool>,
    v: &Array3<f64>,
    d_out: &Array3<f64>,
) -> BoxResult<f64> {
    Ok((apply(&masked_softmax(s, mask, Axis(2))?, v) * d_out).sum())
}

fn backward(rng: &mut StdRng) -> BoxResult<()> {
    println!("3. backward: the gradient with respect to the scores\n");
    let (q, k, v) = (
        random(rng, (2, T, D)),
        random(rng, (2, T, D)),
        random(rng, (2, T, D)),
    );
    let d_out = random(rng, (2, T, D)); // the upstream gradient on the output W V
    let s = scores(&q, &k);
    let mask = padded_mask(2);
    let w = masked_softmax(&s, &mask, Axis(2))?;
    // Output O = W V, so dL/dW = dO Vᵀ; then through the softmax: dS = W ⊙ (dW − Σ dW ⊙ W).
    let mut d_w = Array3::zeros(w.raw_dim());
    for (b, mut g) in d_w.outer_iter_mut().enumerate() {
        g.assign(&d_out.slice(s![b, .., ..]).dot(&v.slice(s![b, .., ..]).t()));
    }
    let d_s = softmax_backward(&w, &d_w, Axis(2))?;
    print_matrix(
        "dL/dscores, sequence 1 (softmax_backward)",
        &d_s.slice(s![1, .., ..]),
    );

    // Central differences, one score at a time.
    let h = 1e-6;
    let mut numeric = Array3::zeros(s.raw_dim());
    for (idx, g) in numeric.indexed_iter_mut() {
        let (mut plus, mut minus) = (s.clone(), s.clone());
        plus[idx] += h;
        minus[idx] -= h;
        *g = (loss(&plus, &mask, &v, &d_out)? - loss(&minus, &mask, &v, &d_out)?) / (2.0 * h);
    }
    print_matrix(
        "central differences, sequence 1",
        &numeric.slice(s![1, .., ..]),
    );
    let worst = (&d_s - &numeric)
        .iter()
        .fold(0.0_f64, |a, &b| a.max(b.abs()));
    println!("  max |softmax_backward - finite difference| over both sequences: {worst:.2e}");
    println!(
        "  masked scores and fully masked rows get gradient exactly 0: {}",
        d_s.iter().zip(&mask).all(|(&g, &keep)| keep || g == 0.0)
    );
    Ok(())
}

fn main() -> BoxResult<()> {
    causal()?;
    let mut rng = StdRng::seed_from_u64(2);
    padded(&mut rng)?;
    backward(&mut rng)
}
