//! Splitting work over lanes into tasks for rayon (feature `rayon`), or running it in one piece.
//!
//! Work is split into whole units (rows, or blocks of column lanes) of at least `MIN_TASK`
//! elements per task, so small inputs run as one task on the calling thread and never pay for
//! the thread pool.

/// Elements per task below which splitting does not pay: about 30 µs of softmax work, measured
/// with `cargo bench --features rayon` (README, Speed).
#[cfg(feature = "rayon")]
const MIN_TASK: usize = 1 << 15;

/// Units per task: all of them in one task unless the rayon feature is on and there is enough
/// work for two tasks or more.
#[cfg_attr(
    not(feature = "rayon"),
    expect(unused_variables, reason = "one task without rayon")
)]
pub(crate) fn units_per_task(units: usize, unit_elems: usize) -> usize {
    #[cfg(feature = "rayon")]
    {
        let threads = rayon::current_num_threads();
        let total = units * unit_elems.max(1);
        if threads > 1 && total >= 2 * MIN_TASK {
            let by_size = MIN_TASK.div_ceil(unit_elems.max(1));
            // Several tasks per thread balance uneven lanes; never fewer units than `by_size`.
            let by_threads = units.div_ceil(4 * threads);
            return by_size.max(by_threads).max(1);
        }
    }
    units.max(1)
}

/// Calls `f` on matching pieces of `x` (units of `ux` elements) and `out` (units of `uo`).
pub(crate) fn zip<A: Send + Sync, B: Send + Sync>(
    x: &[A],
    ux: usize,
    out: &mut [B],
    uo: usize,
    f: impl Fn(&[A], &mut [B]) + Sync + Send,
) {
    let units = x.len().checked_div(ux).unwrap_or(0);
    let k = units_per_task(units, ux);
    if k >= units {
        return f(x, out);
    }
    let tasks: Vec<(&[A], &mut [B])> = x.chunks(k * ux).zip(out.chunks_mut(k * uo)).collect();
    run(tasks, |(a, b)| f(a, b));
}

/// Runs `f` on every task, in parallel with the rayon feature.
pub(crate) fn run<T: Send>(tasks: Vec<T>, f: impl Fn(T) + Sync + Send) {
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        tasks.into_par_iter().for_each(f);
    }
    #[cfg(not(feature = "rayon"))]
    tasks.into_iter().for_each(f);
}

/// Calls `f` on matching pieces of `a` and `b` (units of `ua` elements) and `out` (units of
/// `uo`).
pub(crate) fn zip2<A: Send + Sync>(
    a: &[A],
    b: &[A],
    ua: usize,
    out: &mut [A],
    uo: usize,
    f: impl Fn(&[A], &[A], &mut [A]) + Sync + Send,
) {
    let units = a.len().checked_div(ua).unwrap_or(0);
    let k = units_per_task(units, ua);
    if k >= units {
        return f(a, b, out);
    }
    let tasks: Vec<_> = a
        .chunks(k * ua)
        .zip(b.chunks(k * ua))
        .zip(out.chunks_mut(k * uo))
        .collect();
    run(tasks, |((a, b), o)| f(a, b, o));
}

/// Calls `f` on pieces of `x` (units of `ux` elements), in place.
pub(crate) fn each_mut<A: Send + Sync>(x: &mut [A], ux: usize, f: impl Fn(&mut [A]) + Sync + Send) {
    let units = x.len().checked_div(ux).unwrap_or(0);
    let k = units_per_task(units, ux);
    if k >= units {
        return f(x);
    }
    run(x.chunks_mut(k * ux).collect(), f);
}
