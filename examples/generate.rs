//! Text generation with `logits::Sampler`: a character model of *Alice's Adventures in
//! Wonderland* (chapter I, bundled) writes on from a prompt under greedy decoding, temperature,
//! top-k, top-p and min-p, side by side with how many characters each step's kept set holds. The
//! same `(seed, position)` keys give the same text again; another seed gives another. The
//! model's log-probability of each generated text comes from the draws themselves.
//!
//! The model is trained by counting: the logits of the character after a context are
//! `ln(count(context, c) + 1/2 · P(c | last character))`, a four-character context backed off to
//! bigram frequencies, which is enough to write half-English.
//!
//! Run with `cargo run --release --example generate`; it writes
//! `target/examples-output/generate.svg`, the distributions each setting draws the first
//! character from.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::{BarChart, BoxResult, data_path, shown};
use logits::{Context, Key, Sampler, Workspace, softmax_with_temperature};
use ndarray::{Array1, Array2, Axis};

const ORDER: usize = 4;
const LENGTH: usize = 160;
const PROMPT: &str = "Alice was ";
const SEED: u64 = 1865;

/// The counting model.
struct Model {
    chars: Vec<char>,
    /// Counts of the next character after each context of `ORDER` characters.
    counts: HashMap<Vec<usize>, Vec<f32>>,
    /// `P(c | last character)`, with a little added to every count.
    bigram: Array2<f32>,
}

impl Model {
    fn train(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect::<BTreeSet<_>>().into_iter().collect();
        let ids: Vec<usize> = text
            .chars()
            .map(|c| chars.binary_search(&c).unwrap_or(0))
            .collect();
        let v = chars.len();
        let mut counts: HashMap<Vec<usize>, Vec<f32>> = HashMap::new();
        for w in ids.windows(ORDER + 1) {
            counts
                .entry(w[..ORDER].to_vec())
                .or_insert_with(|| vec![0.0; v])[w[ORDER]] += 1.0;
        }
        let mut bigram = Array2::from_elem((v, v), 0.01_f32);
        for w in ids.windows(2) {
            bigram[[w[0], w[1]]] += 1.0;
        }
        let totals = bigram.sum_axis(Axis(1));
        bigram /= &totals.insert_axis(Axis(1));
        Self {
            chars,
            counts,
            bigram,
        }
    }

    fn id(&self, c: char) -> usize {
        self.chars.binary_search(&c).unwrap_or(0)
    }

    /// The logits of the next character after `ids`.
    fn logits(&self, ids: &[usize]) -> Array1<f32> {
        let last = ids[ids.len() - 1];
        let context = &ids[ids.len().saturating_sub(ORDER)..];
        let counts = self.counts.get(context);
        Array1::from_shape_fn(self.chars.len(), |c| {
            let n = counts.map_or(0.0, |k| k[c]);
            (n + 0.5 * self.bigram[[last, c]]).ln()
        })
    }
}

/// The text after `PROMPT` under `sampler` with keys `(seed, position)`, its log-probability
/// under the model (summed from the draws), and the mean size of the kept sets.
fn generate(model: &Model, sampler: &Sampler<f32>, seed: u64) -> BoxResult<(String, f32, f64)> {
    let sampler = sampler.clone().raw_log_probs(true);
    let mut ws = Workspace::new();
    let mut ids: Vec<usize> = PROMPT.chars().map(|c| model.id(c)).collect();
    let (mut text, mut log_prob, mut kept) = (String::new(), 0.0, 0);
    for position in 0..LENGTH {
        let row = model.logits(&ids);
        let mut filtered = row.clone();
        kept += sampler.filter_inplace(&mut filtered, &Context::default())?;
        let draw = sampler.sample_in(
            &mut ws,
            &row,
            &Context::default(),
            Key::new(seed, position as u64),
        )?;
        log_prob += draw.raw_log_prob.unwrap_or(f32::NAN);
        ids.push(draw.token);
        text.push(model.chars[draw.token]);
    }
    Ok((text, log_prob, kept as f64 / LENGTH as f64))
}

fn main() -> BoxResult<()> {
    let path = data_path("alice.txt");
    let raw = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let model = Model::train(&text);
    println!(
        "a {ORDER}-character model of Alice, chapter I ({} characters, {} distinct), writing on from {PROMPT:?}\n",
        text.chars().count(),
        model.chars.len()
    );
    let settings: [(&str, Sampler<f32>); 6] = [
        ("greedy", Sampler::greedy()),
        ("T = 0.7", Sampler::new().temperature(0.7)),
        ("T = 1", Sampler::new()),
        ("top-k 3", Sampler::new().top_k(3)),
        ("top-p 0.7", Sampler::new().top_p(0.7)),
        ("min-p 0.2", Sampler::new().min_p(0.2)),
    ];
    println!("  {:<10} {:>6} {:>9}  text", "sampler", "kept", "ln p");
    for (name, sampler) in &settings {
        let (out, log_prob, kept) = generate(&model, sampler, SEED)?;
        println!("  {name:<10} {kept:>6.1} {log_prob:>9.1}  {PROMPT}{out}");
    }
    println!(
        "\n  kept: characters in the kept set, mean over the steps; ln p: the text's log-probability"
    );
    println!(
        "  under the model (temperature 1, nothing filtered), summed from each draw's raw_log_prob.\n"
    );

    let top_p = Sampler::new().top_p(0.7);
    let (a, _, _) = generate(&model, &top_p, SEED)?;
    let (b, _, _) = generate(&model, &top_p, SEED)?;
    let (c, _, _) = generate(&model, &top_p, SEED + 1)?;
    println!(
        "top-p 0.7 again with seed {SEED}: {}",
        if a == b {
            "the same text"
        } else {
            "a different text (a bug)"
        }
    );
    println!("and with seed {}: {PROMPT}{c}\n", SEED + 1);

    // One step's distributions: the first character after the prompt, under each setting.
    let ids: Vec<usize> = PROMPT.chars().map(|c| model.id(c)).collect();
    let row = model.logits(&ids);
    let (_, order) = logits::top_k(&row, 8, Axis(0));
    let mut series = Vec::new();
    for (name, sampler) in &settings {
        let mut filtered = row.clone();
        sampler.filter_inplace(&mut filtered, &Context::default())?;
        let t = [0.0, 0.7, 1.0, 1.0, 1.0, 1.0][series.len()];
        let p = if t == 0.0 {
            filtered.mapv(|v| if v > f32::NEG_INFINITY { 1.0 } else { 0.0 })
        } else {
            softmax_with_temperature(&filtered, Axis(0), t)?
        };
        series.push((
            (*name).to_string(),
            order.iter().map(|&c| f64::from(p[c])).collect(),
        ));
    }
    let categories = order
        .iter()
        .map(|&c| format!("'{}'", model.chars[c]))
        .collect();
    let path = BarChart {
        labels: [
            "The next character after \"Alice was \": what each sampler draws from",
            "character (the 8 most likely)",
            "probability",
        ],
        categories,
        series,
    }
    .draw("generate.svg")?;
    println!("wrote {}", shown(&path));
    Ok(())
}
