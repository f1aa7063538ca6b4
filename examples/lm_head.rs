//! A language-model head, fused and unfused, side by side: loss, time and peak memory.
//!
//! The unfused path builds the logits `h·wᵀ` (`[N, V]`), takes `CrossEntropy::loss_and_grad`
//! (another `[N, V]`), then the two products `dh = G·w` and `dw = Gᵀ·h`. `LinearCrossEntropy`
//! computes the same loss and gradients holding at most `N × chunk_size` logits at a time.
//!
//! ```sh
//! cargo run --release --example lm_head           # N = 2048, d = 512, V = 32000, f32
//! cargo run --release --example lm_head -- 4096   # another N
//! ```
//!
//! Peak memory is counted by a global allocator that wraps the system's: the most bytes held at
//! once during each path, beyond what was held before it (the inputs `h` and `w`).

// `GlobalAlloc` is an unsafe trait: the counting allocator below implements it by forwarding every
// call to `System` unchanged. It is the only unsafe code, and exists only to measure memory.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use logits::{CrossEntropy, LinearCrossEntropy, LinearGrads};
use ndarray::{Array2, Axis};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

/// The system allocator, counting the bytes held now and the most held since the last reset.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = HELD.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    HELD.fetch_sub(bytes, Ordering::Relaxed);
}

// SAFETY: every method forwards its arguments unchanged to `System`, which upholds the
// `GlobalAlloc` contract; the counters are only bookkeeping and never touch the memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees for `alloc` are passed on unchanged.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`; zeroed memory keeps the system's lazily mapped zero pages.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator, that is by `System`, with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from `System` with `layout`; the caller guarantees `new_size`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            shrank(layout.size());
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f`, returning its result, its time and the most bytes it held at once beyond what was
/// held before.
fn measure<T>(f: impl FnOnce() -> T) -> (T, Duration, usize) {
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let start = Instant::now();
    let out = black_box(f());
    let time = start.elapsed();
    (out, time, PEAK.load(Ordering::Relaxed) - before)
}

fn unfused(h: &Array2<f32>, w: &Array2<f32>, targets: &[usize]) -> LinearGrads<f32> {
    let logits = h.dot(&w.t());
    let (loss, g) = CrossEntropy::new()
        .loss_and_grad(&logits, targets)
        .expect("valid inputs");
    drop(logits);
    LinearGrads {
        loss,
        dh: g.dot(w),
        dw: g.t().dot(h),
        dbias: None,
    }
}

/// `max |a − b| / max |b|`.
fn rel_diff(a: &Array2<f32>, b: &Array2<f32>) -> f32 {
    let scale = b.iter().fold(0.0_f32, |m, v| m.max(v.abs()));
    let diff = (a - b).iter().fold(0.0_f32, |m, v| m.max(v.abs()));
    diff / scale
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / f64::from(1 << 20)
}

fn main() -> logits::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2048);
    let (d, v) = (512, 32000);
    let threads = if cfg!(feature = "rayon") {
        "rayon"
    } else {
        "one thread"
    };
    println!(
        "LM head: N = {n}, d = {d}, V = {v}, f32 ({}, {threads})",
        logits::kernel_isa()
    );
    let mut rng = StdRng::seed_from_u64(2048);
    let h = Array2::from_shape_simple_fn((n, d), || rng.random_range(-1.0..1.0));
    let scale = 1.0 / (d as f32).sqrt();
    let w = Array2::from_shape_simple_fn((v, d), || rng.random_range(-1.0..1.0) * 3.0 * scale);
    let targets: Vec<usize> = (0..n).map(|i| (i * 7919 + i * i * 31) % v).collect();
    let inputs = (h.len() + w.len()) * size_of::<f32>();
    println!(
        "inputs h and w: {:.1} MiB; the logits alone would be {:.1} MiB\n",
        mib(inputs),
        mib(n * v * size_of::<f32>())
    );

    println!(
        "{:<56}{:>10}{:>10}{:>22}",
        "path", "loss", "time", "peak memory (extra)"
    );
    let row = |name: &str, loss: f32, time: Duration, peak: usize| {
        println!(
            "{name:<56}{loss:>10.5}{:>9.2}s{:>13.1} MiB",
            time.as_secs_f64(),
            mib(peak)
        );
    };
    let (base, base_time, base_peak) = measure(|| unfused(&h, &w, &targets));
    row(
        "unfused: h·wᵀ, CrossEntropy, G·w, Gᵀ·h",
        base.loss,
        base_time,
        base_peak,
    );

    let mut fused_runs = Vec::new();
    for chunk in [LinearCrossEntropy::<f32>::DEFAULT_CHUNK_SIZE, 256] {
        let ce = LinearCrossEntropy::new().chunk_size(chunk);
        let (grads, time, peak) = measure(|| ce.loss_and_grad(&h, &w, &targets));
        let grads = grads?;
        // The tiling, by the rule in `LinearCrossEntropy`'s docs.
        let tiling = if n * chunk >= v * n.min(128) {
            format!("panels of {} rows", (n * chunk / v).min(n))
        } else {
            "vocabulary chunks, recomputed".to_string()
        };
        row(
            &format!("fused: chunk_size {chunk} ({tiling})"),
            grads.loss,
            time,
            peak,
        );
        fused_runs.push((chunk, grads, time, peak));
    }

    println!();
    for (chunk, grads, time, peak) in &fused_runs {
        println!(
            "chunk_size {chunk:>4}: time {:.2}x unfused, peak memory {:.3}x ({:.3}x counting h and w); \
             |Δloss| = {:.1e}, max|ΔdH|/max|dH| = {:.1e}, max|ΔdW|/max|dW| = {:.1e}",
            time.as_secs_f64() / base_time.as_secs_f64(),
            *peak as f64 / base_peak as f64,
            (*peak + inputs) as f64 / (base_peak + inputs) as f64,
            (grads.loss - base.loss).abs(),
            rel_diff(&grads.dh, &base.dh),
            rel_diff(&grads.dw, &base.dw),
        );
    }
    // The gradient of the mean loss sums to 0 over the vocabulary for each row of logits, so
    // Σ_v dW[v] = Σ_rows (Σ_v G[row, v]) h[row] = 0: a check that needs no reference.
    let col_sum = fused_runs[0].1.dw.sum_axis(Axis(0));
    println!(
        "\ncheck: max |Σ_v dW[v, :]| = {:.1e} (0 up to rounding)",
        col_sum.iter().fold(0.0_f32, |m, x| m.max(x.abs()))
    );
    Ok(())
}
