//! The last step of an image classifier: read a batch of logits saved by NumPy or PyTorch
//! (`numpy.save`, a `[rows, classes]` array of `f32` or `f64`), turn them into probabilities with
//! `logits::softmax`, and print the five most likely classes of each row with `logits::top_k`.
//!
//! Run with `cargo run --release --example classify [LOGITS.npy [LABELS.txt]]`. The defaults are
//! the bundled `examples/data/logits.npy` (4 made-up rows over the 10 CIFAR-10 classes, one of
//! them with logits near 2000, where a naive `exp` overflows) and `examples/data/labels.txt`, one
//! class name per line. Without a labels file the classes are shown by index.

mod common;

use std::path::{Path, PathBuf};

use common::{BoxResult, Npy, data_path, read_npy, shown};
use logits::{Float, softmax, top_k};
use ndarray::{ArrayD, Axis, Ix2};

const TOP: usize = 5;

/// One name per non-empty line. A missing file is an error only if the user named it.
fn read_labels(path: &Path, named: bool) -> BoxResult<Option<Vec<String>>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
        )),
        Err(e) if named => Err(format!("cannot read labels {}: {e}", path.display()).into()),
        Err(_) => Ok(None),
    }
}

/// Prints the top classes of each row. Labels that do not match the number of classes are an
/// error if the user named the file, and are skipped (with a note) if they are the default.
fn report<A: Float>(x: ArrayD<A>, labels: Option<&[String]>, named: bool) -> BoxResult<()> {
    let x = match x.ndim() {
        1 => x.insert_axis(Axis(0)),
        2 => x,
        n => return Err(format!("expected logits of shape [rows, classes], got {n} axes").into()),
    }
    .into_dimensionality::<Ix2>()?;
    let classes = x.ncols();
    let mut labels = labels;
    if let Some(names) = labels
        && names.len() != classes
    {
        let problem = format!(
            "the labels file names {} classes but the logits have {classes}",
            names.len()
        );
        if named {
            return Err(problem.into());
        }
        println!("({problem}: showing class indices)\n");
        labels = None;
    }
    let name = |i: usize| labels.map_or_else(|| format!("class {i}"), |n| n[i].clone());
    let probs = softmax(&x, Axis(1));
    let (top_p, top_i) = top_k(&probs, TOP, Axis(1));
    for (r, (ps, is)) in top_p.rows().into_iter().zip(top_i.rows()).enumerate() {
        let largest = x.row(r).fold(A::neg_infinity(), |m, &v| m.max(v));
        println!("row {r} (largest logit {largest:.1})");
        for (rank, (&p, &i)) in ps.iter().zip(&is).enumerate() {
            println!(
                "  {}. {:<12} {:>7.2}%   logit {:>8.2}",
                rank + 1,
                name(i),
                p * A::from(100.0).unwrap_or_else(A::one),
                x[[r, i]]
            );
        }
    }
    Ok(())
}

fn main() -> BoxResult<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let logits_path = args
        .first()
        .map_or_else(|| data_path("logits.npy"), PathBuf::from);
    let labels_path = args
        .get(1)
        .map_or_else(|| data_path("labels.txt"), PathBuf::from);
    let named = args.len() > 1;
    let labels = read_labels(&labels_path, named)?;
    let npy = read_npy(&logits_path)?;
    let (shape, dtype) = match &npy {
        Npy::F32(a) => (a.shape().to_vec(), "f32"),
        Npy::F64(a) => (a.shape().to_vec(), "f64"),
    };
    println!(
        "{}: {dtype} logits of shape {shape:?}; labels from {}\n",
        shown(&logits_path),
        if labels.is_some() {
            shown(&labels_path)
        } else {
            "nowhere (showing indices)".into()
        }
    );
    match npy {
        Npy::F32(a) => report(a, labels.as_deref(), named),
        Npy::F64(a) => report(a, labels.as_deref(), named),
    }
}
