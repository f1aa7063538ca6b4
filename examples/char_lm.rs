//! A character-level bigram language model: a `[vocab, vocab]` table of logits, where row `c`
//! holds the scores of the character after `c`. Training looks up one row per position of the
//! text, giving a `[positions, vocab]` batch of logits, and `CrossEntropy::loss_and_grad`
//! returns the mean loss and its gradient for that batch in one pass; the gradient rows are
//! added back into the table rows they came from.
//!
//! The text is chapter I, "Down the Rabbit-Hole", of Lewis Carroll's *Alice's Adventures in
//! Wonderland* (1865, public domain), about 11 500 characters bundled in `examples/data/alice.txt`,
//! taken verbatim from the Canterbury corpus's `alice29.txt` as the Brotli 1.2.1 package on PyPI
//! ships it (see `examples/data/README.md`), with each run of whitespace read as one space.
//! It prints the loss every 50 epochs beside the best loss a bigram model can reach on this text
//! (that of the counts). After training it samples text at several temperatures with
//! `logits::Sampler`.
//!
//! Run with `cargo run --release --example char_lm`; it writes
//! `target/examples-output/char_lm_loss.svg`.

mod common;

use std::collections::BTreeSet;

use common::{BoxResult, LinePlot, data_path, shown};
use logits::{CrossEntropy, Key, Sampler, softmax, top_k};
use ndarray::{Array2, Axis};

const EPOCHS: usize = 300;
const LEARNING_RATE: f32 = 0.1;

/// The characters of the text, sorted, and the text as indices into them.
struct Corpus {
    chars: Vec<char>,
    ids: Vec<usize>,
}

fn corpus() -> BoxResult<Corpus> {
    let path = data_path("alice.txt");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    // One space for every run of whitespace: paragraph breaks are not worth learning here.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = text.chars().collect::<BTreeSet<_>>().into_iter().collect();
    if chars.is_empty() {
        return Err(format!("{} holds no text", path.display()).into());
    }
    let ids = text
        .chars()
        .map(|c| chars.binary_search(&c).unwrap_or(0))
        .collect();
    Ok(Corpus { chars, ids })
}

/// The lowest mean cross-entropy any bigram model can reach on this text: that of the counts,
/// `−(1/N) Σ ln(count(a, b) / count(a))`.
fn count_optimum(ids: &[usize], vocab: usize) -> f64 {
    let mut counts = Array2::<f64>::zeros((vocab, vocab));
    for pair in ids.windows(2) {
        counts[[pair[0], pair[1]]] += 1.0;
    }
    let rows = counts.sum_axis(Axis(1));
    let pairs = ids.windows(2).len();
    -ids.windows(2)
        .map(|p| (counts[[p[0], p[1]]] / rows[p[0]]).ln())
        .sum::<f64>()
        / pairs as f64
}

/// Adam's moment estimates for one parameter array.
struct Adam {
    m: Array2<f32>,
    v: Array2<f32>,
    t: i32,
}

impl Adam {
    fn step(&mut self, w: &mut Array2<f32>, g: &Array2<f32>, lr: f32) {
        let (b1, b2, eps) = (0.9_f32, 0.999_f32, 1e-8_f32);
        self.t += 1;
        let (c1, c2) = (1.0 - b1.powi(self.t), 1.0 - b2.powi(self.t));
        self.m
            .zip_mut_with(g, |m, &g| *m = b1 * *m + (1.0 - b1) * g);
        self.v
            .zip_mut_with(g, |v, &g| *v = b2 * *v + (1.0 - b2) * g * g);
        ndarray::Zip::from(w)
            .and(&self.m)
            .and(&self.v)
            .for_each(|w, &m, &v| {
                *w -= lr * (m / c1) / ((v / c2).sqrt() + eps);
            });
    }
}

/// `(epoch, loss)` pairs.
type Curve = Vec<(f64, f64)>;

/// Trains the table; returns it and the loss curve.
fn train(corpus: &Corpus) -> logits::Result<(Array2<f32>, Curve)> {
    let vocab = corpus.chars.len();
    let inputs = &corpus.ids[..corpus.ids.len() - 1];
    let targets = &corpus.ids[1..];
    // Zeros: every next character equally likely, loss ln(vocab).
    let mut table = Array2::<f32>::zeros((vocab, vocab));
    let mut adam = Adam {
        m: table.clone(),
        v: table.clone(),
        t: 0,
    };
    let ce = CrossEntropy::new();
    let mut curve = Vec::with_capacity(EPOCHS + 1);
    for epoch in 0..=EPOCHS {
        let batch = table.select(Axis(0), inputs); // [positions, vocab]
        let (loss, grad) = ce.loss_and_grad(&batch, targets)?;
        curve.push((epoch as f64, f64::from(loss)));
        if epoch % 50 == 0 {
            println!("  epoch {epoch:>4}   loss {loss:.4} nats/char");
        }
        // Scatter-add: the gradient of a looked-up row goes back to the row of the table.
        let mut d_table = Array2::<f32>::zeros((vocab, vocab));
        for (row, &c) in grad.rows().into_iter().zip(inputs) {
            let mut dst = d_table.row_mut(c);
            dst += &row;
        }
        adam.step(&mut table, &d_table, LEARNING_RATE);
    }
    Ok((table, curve))
}

fn show(c: char) -> String {
    if c == ' ' {
        "' '".to_string()
    } else {
        c.to_string()
    }
}

fn sample(table: &Array2<f32>, corpus: &Corpus) -> BoxResult<()> {
    let start = corpus.chars.binary_search(&'A').unwrap_or(0);
    for t in [0.3_f32, 0.7, 1.0, 1.5] {
        // The row of the last character is the next one's logits; the sampler divides them by
        // T and draws, with the randomness of (seed, position).
        let sampler = Sampler::new().temperature(t);
        let mut c = start;
        let mut text = String::from(corpus.chars[c]);
        for position in 0..90 {
            c = sampler
                .sample(&table.row(c), Key::new(1865, position))?
                .token;
            text.push(corpus.chars[c]);
        }
        println!("  T = {t:<4} {text}");
    }
    println!("\n  most likely next characters, from top_k of each row of softmax(table)");
    let probs = softmax(table, Axis(1));
    let (top_p, top_i) = top_k(&probs, 4, Axis(1));
    for after in ['q', 'h', ' ', '.'] {
        if let Ok(row) = corpus.chars.binary_search(&after) {
            let cells: Vec<String> = top_i
                .row(row)
                .iter()
                .zip(top_p.row(row))
                .map(|(&i, p)| format!("{} {p:.2}", show(corpus.chars[i])))
                .collect();
            println!("    after {:<4} {}", show(after), cells.join(",  "));
        }
    }
    Ok(())
}

fn main() -> BoxResult<()> {
    let corpus = corpus()?;
    let vocab = corpus.chars.len();
    println!(
        "Alice's Adventures in Wonderland, chapter I: {} characters, vocabulary of {vocab}\n",
        corpus.ids.len()
    );
    println!("training a {vocab} x {vocab} bigram table with Adam (learning rate {LEARNING_RATE})");
    println!(
        "  uniform guessing: ln {vocab} = {:.4} nats/char",
        (vocab as f64).ln()
    );
    let (table, curve) = train(&corpus)?;
    let best = count_optimum(&corpus.ids, vocab);
    println!("  the best any bigram model can do (the counts): {best:.4} nats/char\n");

    println!("samples of 90 characters after 'A'");
    sample(&table, &corpus)?;

    let path = LinePlot {
        labels: [
            "Bigram model of Alice: training loss",
            "epoch",
            "cross-entropy (nats per character)",
        ],
        series: vec![
            ("Adam on the table".to_string(), curve),
            (
                "count optimum".to_string(),
                vec![(0.0, best), (EPOCHS as f64, best)],
            ),
        ],
        log_x: false,
        log_y: false,
    }
    .draw("char_lm_loss.svg")?;
    println!("\nwrote {}", shown(&path));
    Ok(())
}
