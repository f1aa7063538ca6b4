//! Splitting work over lanes into tasks for rayon (feature `rayon`), or running it in one piece.
//!
//! Work is split into whole units (rows, or blocks of column lanes) of at least `MIN_TASK`
//! elements per task, so small inputs run as one task on the calling thread and never pay for
//! the thread pool. Blocks whose columns are the lanes (axis 0 of a matrix is one such block)
//! split by columns where there are fewer blocks than threads ([`column_ranges`]): each task
//! reads its columns in place and writes values per column (a reduction, or what the output
//! pass of softmax or of a cross-entropy gradient needs, which then runs by rows).

use std::ops::Range;

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

/// Threads that tasks run on: rayon's pool with the feature, else 1.
fn threads() -> usize {
    #[cfg(feature = "rayon")]
    return rayon::current_num_threads();
    #[cfg(not(feature = "rayon"))]
    1
}

/// Column ranges for splitting `count` row-major blocks of `len` rows and `width` columns (whose
/// columns are lanes) by columns rather than by whole blocks: where there are fewer blocks than
/// threads (axis 0 of a matrix is one block) and enough columns and work to share. Ranges are
/// whole cache lines of `f32` (16 columns), the last excepted, and for long lanes one per
/// thread; none where one task does it all.
pub(crate) fn column_ranges(count: usize, len: usize, width: usize) -> Option<Vec<Range<usize>>> {
    const LINE: usize = 16;
    if count >= threads() {
        return None;
    }
    let mut k = units_per_task(width, len);
    if len > crate::kernels::LONG_COLUMN && k < width {
        // Long lanes are read a row at a time: the wider each task's piece of a row, the better
        // the prefetchers stream it, so one task per thread.
        k = k.max(width.div_ceil(threads()));
    }
    let k = k.next_multiple_of(LINE);
    (k < width).then(|| {
        (0..width)
            .step_by(k)
            .map(|j| j..(j + k).min(width))
            .collect()
    })
}

/// `out` (one value per column) cut at the ends of `ranges` (consecutive, from 0).
pub(crate) fn split_at_ranges<'a, A>(
    mut out: &'a mut [A],
    ranges: &[Range<usize>],
) -> Vec<&'a mut [A]> {
    ranges
        .iter()
        .map(|cols| {
            let (head, rest) = std::mem::take(&mut out).split_at_mut(cols.len());
            out = rest;
            head
        })
        .collect()
}
