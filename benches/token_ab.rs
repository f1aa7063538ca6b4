//! Interleaved A/B of what the per-token outputs and the z-loss cost: `CrossEntropy::loss_and_grad`
//! against `loss_and_grad_with` (every output, and each output alone) and against
//! `loss_and_grad` with `z_loss(1e-4)`, at [4096, 1000] and [256, 32000] `f32`, and
//! `LinearCrossEntropy::loss_and_grad` against `loss_and_grad_with` (every output) at N = 4096,
//! d = 512, V = 32000; one thread.
//!
//! The passes' speed depends on where the gradient lies relative to the logits (loads that share
//! their low 12 address bits with recent stores wait on them): so the logits are copied to 16
//! placements 256 bytes apart, and at each placement the two calls alternate, 15 calls each.
//! Printed: for each comparison, the median over placements of the ratio of the calls' median
//! times, and the range of those ratios. This machine drifts within seconds; alternating calls
//! puts both sides of a ratio under the same drift. The LM head's calls take seconds of matrix
//! products, where the placement of its inputs does not show: they alternate five times each,
//! and the range is that of the five pairs' ratios.
//!
//! `cargo bench --bench token_ab` (about two minutes, plus one for the LM head on a slow core).

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Instant;

use logits::{CrossEntropy, LinearCrossEntropy, TokenOutputs};
use ndarray::ArrayView2;

fn input(n: usize, scale: f32, seed: u64) -> Vec<f32> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            ((s >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * scale
        })
        .collect()
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; a filter, if any, picks the comparisons by name.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let one = |f: fn(&mut TokenOutputs)| {
        let mut o = TokenOutputs::default();
        f(&mut o);
        o
    };
    // `None`: `loss_and_grad` with the z-loss.
    let wants = [
        ("all", Some(TokenOutputs::ALL)),
        ("target_log_prob", Some(one(|o| o.target_log_prob = true))),
        ("entropy", Some(one(|o| o.entropy = true))),
        ("argmax", Some(one(|o| o.argmax = true))),
        ("rank", Some(one(|o| o.rank = true))),
        ("z_loss", None),
    ];
    let ce = CrossEntropy::new();
    let z = CrossEntropy::new().z_loss(1e-4);
    for (rows, cols) in [(4096, 1000), (256, 32000)] {
        let n = rows * cols;
        let x = input(n, 4.0, 0x2545_F491_4F6C_DD1D);
        let targets: Vec<usize> = (0..rows).map(|i| (i * 7919) % cols).collect();
        let (_, g) = ce
            .loss_and_grad(
                &ArrayView2::from_shape((rows, cols), &x[..]).unwrap(),
                &targets,
            )
            .unwrap();
        let at = g.as_ptr() as usize;
        drop(g);
        let mut room = vec![0f32; n + 1024];
        for (name, want) in wants {
            let label = format!("ce/f32/{rows}x{cols}/{name}");
            if filter.as_ref().is_some_and(|f| !label.contains(f.as_str())) {
                continue;
            }
            let mut ratios = Vec::new();
            for k in 0..16 {
                // The logits start k · 256 bytes (mod 4 KiB) below where the gradient goes.
                let base = room.as_ptr() as usize;
                let start = ((at.wrapping_sub(k * 256) % 4096 + 4096 - base % 4096) % 4096) / 4;
                room[start..start + n].copy_from_slice(&x);
                let logits = ArrayView2::from_shape((rows, cols), &room[start..start + n]).unwrap();
                let (mut a, mut b) = (Vec::new(), Vec::new());
                for _ in 0..15 {
                    let t = Instant::now();
                    black_box(ce.loss_and_grad(black_box(&logits), &targets).unwrap());
                    a.push(t.elapsed().as_secs_f64());
                    let t = Instant::now();
                    match want {
                        Some(want) => drop(black_box(
                            ce.loss_and_grad_with(black_box(&logits), &targets, want)
                                .unwrap(),
                        )),
                        None => drop(black_box(
                            z.loss_and_grad(black_box(&logits), &targets).unwrap(),
                        )),
                    }
                    b.push(t.elapsed().as_secs_f64());
                }
                ratios.push(median(&mut b) / median(&mut a));
            }
            let mid = median(&mut ratios);
            println!(
                "{label}: with it / without = {mid:.3} (range {:.3}-{:.3}, 16 placements)",
                ratios[0], ratios[15]
            );
        }
    }
    let label = "lm_head/f32/4096x512x32000/all";
    if filter.as_ref().is_none_or(|f| label.contains(f.as_str())) {
        lm_head(label);
    }
}

fn lm_head(label: &str) {
    const N: usize = 4096;
    const D: usize = 512;
    const V: usize = 32000;
    let h = input(N * D, 1.0, 0x2545_F491_4F6C_DD1D);
    let w = input(V * D, 3.0 / (D as f32).sqrt(), 0x9E37_79B9_7F4A_7C15);
    let (h, w) = (
        ArrayView2::from_shape((N, D), &h[..]).unwrap(),
        ArrayView2::from_shape((V, D), &w[..]).unwrap(),
    );
    let targets: Vec<usize> = (0..N).map(|i| (i * 7919) % V).collect();
    let fused = LinearCrossEntropy::new();
    let (mut a, mut b, mut pairs) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        black_box(fused.loss_and_grad(&h, &w, &targets).unwrap());
        a.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        drop(black_box(
            fused
                .loss_and_grad_with(&h, &w, &targets, TokenOutputs::ALL)
                .unwrap(),
        ));
        b.push(t.elapsed().as_secs_f64());
        pairs.push(b[b.len() - 1] / a[a.len() - 1]);
    }
    pairs.sort_by(f64::total_cmp);
    let (tb, ta) = (median(&mut b), median(&mut a));
    println!(
        "{label}: with it / without = {:.3} (range {:.3}-{:.3}, 5 pairs; {ta:.2} s / {tb:.2} s)",
        tb / ta,
        pairs[0],
        pairs[4]
    );
}
