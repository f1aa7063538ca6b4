//! How fast this core computes `exp` with the crate's f32 algorithm (Cody–Waite reduction,
//! Cephes' degree-5 polynomial, scaling by 2ⁿ, the clamps and the below-normal check), on data
//! that stays in L1: the floor under any kernel that takes one `exp` per element, such as
//! softmax and cross-entropy on short rows.
//!
//! Needs AVX-512F. Build and run (about ten seconds):
//!
//! ```sh
//! rustc -C opt-level=3 -C target-cpu=native -o /tmp/exp_bound tools/exp_bound.rs && /tmp/exp_bound
//! ```
//!
//! Prints ns per element (median and range of 31 repetitions) for: `exp` alone (read, exp,
//! store); `exp` and a sum (read, exp, add: logsumexp's inner loop); `exp` of `x − m`, a sum and
//! a store, then a scaling pass (the row softmax); a load and store (the copy, in L1).

#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::*;
use std::hint::black_box;
use std::time::Instant;

const N: usize = 4096; // 16 KiB of f32: input and output both stay in L1 (48 KiB).
const REPS: usize = 20_000; // of N elements' work

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn exp16(x: __m512) -> __m512 {
    let c = _mm512_set1_ps;
    // The below-normal check the crate makes on every vector (taken only for tiny arguments).
    let low = _mm512_cmp_ps_mask::<_CMP_LT_OQ>(x, c(-86.0));
    let x = if low != 0 {
        _mm512_mask_blend_ps(low, x, c(0.0))
    } else {
        x
    };
    let x = _mm512_min_ps(c(89.0), _mm512_max_ps(c(-104.0), x));
    let n = _mm512_roundscale_ps::<{ _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC }>(
        _mm512_mul_ps(x, c(std::f32::consts::LOG2_E)),
    );
    let r = _mm512_fmadd_ps(n, c(-0.693_359_4), x);
    let r = _mm512_fmadd_ps(n, c(2.121_944_4e-4), r);
    let p = _mm512_fmadd_ps(c(1.987_569_1e-4), r, c(1.398_199_9e-3));
    let p = _mm512_fmadd_ps(p, r, c(8.333_452e-3));
    let p = _mm512_fmadd_ps(p, r, c(4.166_579_6e-2));
    let p = _mm512_fmadd_ps(p, r, c(1.666_666_5e-1));
    let p = _mm512_fmadd_ps(p, r, c(5e-1));
    let e = _mm512_add_ps(_mm512_fmadd_ps(p, _mm512_mul_ps(r, r), r), c(1.0));
    let e = _mm512_scalef_ps(e, n);
    if low != 0 {
        _mm512_mask_blend_ps(low, e, c(0.0))
    } else {
        e
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn exp_store(x: &[f32], y: &mut [f32]) {
    for (xs, ys) in x.chunks_exact(16).zip(y.chunks_exact_mut(16)) {
        // SAFETY: both chunks hold 16 f32.
        unsafe { _mm512_storeu_ps(ys.as_mut_ptr(), exp16(_mm512_loadu_ps(xs.as_ptr()))) }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn exp_sum(x: &[f32]) -> f32 {
    let mut s = [_mm512_setzero_ps(); 4];
    for (k, xs) in x.chunks_exact(16).enumerate() {
        // SAFETY: the chunk holds 16 f32.
        let e = exp16(unsafe { _mm512_loadu_ps(xs.as_ptr()) });
        s[k % 4] = _mm512_add_ps(s[k % 4], e);
    }
    _mm512_reduce_add_ps(_mm512_add_ps(
        _mm512_add_ps(s[0], s[1]),
        _mm512_add_ps(s[2], s[3]),
    ))
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn softmax_row(x: &[f32], y: &mut [f32]) {
    let mut m = _mm512_set1_ps(f32::NEG_INFINITY);
    for xs in x.chunks_exact(16) {
        // SAFETY: the chunk holds 16 f32.
        m = _mm512_max_ps(m, unsafe { _mm512_loadu_ps(xs.as_ptr()) });
    }
    let m = _mm512_set1_ps(_mm512_reduce_max_ps(m));
    let mut s = [_mm512_setzero_ps(); 4];
    for (k, (xs, ys)) in x.chunks_exact(16).zip(y.chunks_exact_mut(16)).enumerate() {
        // SAFETY: both chunks hold 16 f32.
        let e = exp16(_mm512_sub_ps(unsafe { _mm512_loadu_ps(xs.as_ptr()) }, m));
        unsafe { _mm512_storeu_ps(ys.as_mut_ptr(), e) };
        s[k % 4] = _mm512_add_ps(s[k % 4], e);
    }
    let total = _mm512_reduce_add_ps(_mm512_add_ps(
        _mm512_add_ps(s[0], s[1]),
        _mm512_add_ps(s[2], s[3]),
    ));
    let r = _mm512_set1_ps(1.0 / total);
    for ys in y.chunks_exact_mut(16) {
        // SAFETY: the chunk holds 16 f32.
        unsafe { _mm512_storeu_ps(ys.as_mut_ptr(), _mm512_mul_ps(_mm512_loadu_ps(ys.as_ptr()), r)) }
    }
}

fn median_ns_per_elem(mut f: impl FnMut()) -> (f64, f64, f64) {
    let mut t: Vec<f64> = (0..31)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..REPS {
                f();
            }
            start.elapsed().as_secs_f64() * 1e9 / (REPS * N) as f64
        })
        .collect();
    t.sort_by(f64::total_cmp);
    (t[15], t[0], t[30])
}

fn main() {
    #[cfg(target_arch = "x86_64")]
    {
        assert!(
            is_x86_feature_detected!("avx512f"),
            "this measure needs AVX-512F"
        );
        // Logits spread as a softmax sees them: within a few units of each other.
        let x: Vec<f32> = (0..N).map(|i| ((i * 7919) % 1000) as f32 / 125.0 - 4.0).collect();
        let mut y = vec![0f32; N];
        let report = |name: &str, (med, lo, hi): (f64, f64, f64)| {
            println!("{name:<44} {med:.3} ns/elem (range {lo:.3}..{hi:.3})")
        };
        // SAFETY (all four): AVX-512F was checked above.
        report(
            "copy (load, store)",
            median_ns_per_elem(|| y.copy_from_slice(black_box(&x))),
        );
        report(
            "exp (load, exp, store)",
            median_ns_per_elem(|| unsafe { exp_store(black_box(&x), &mut y) }),
        );
        let mut acc = 0f32;
        report(
            "exp and sum (logsumexp's pass)",
            median_ns_per_elem(|| acc += unsafe { exp_sum(black_box(&x)) }),
        );
        report(
            "row softmax (max; exp, store, sum; scale)",
            median_ns_per_elem(|| unsafe { softmax_row(black_box(&x), &mut y) }),
        );
        // The same rows as `cargo bench --bench softmax -- 64x1000`: 64 rows of 1000 (L2), each
        // taken as 62 whole vectors (the tail of 8 left out).
        let rows: Vec<f32> = (0..64 * 1000).map(|i| x[i % N]).collect();
        let mut out = vec![0f32; 64 * 1000];
        let (med, lo, hi) = median_ns_per_elem(|| {
            for (r, o) in rows.chunks_exact(1000).zip(out.chunks_exact_mut(1000)) {
                // SAFETY: AVX-512F was checked above.
                unsafe { softmax_row(black_box(&r[..992]), &mut o[..992]) }
            }
        });
        let per = |t: f64| t * N as f64 / (64.0 * 992.0);
        report(
            "row softmax, 64 rows of 992 (L2)",
            (per(med), per(lo), per(hi)),
        );
        black_box((acc, &y, &out));
    }
}
