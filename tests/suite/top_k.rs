//! Tests of `top_k`: reference cases, ties, NaN and infinities, `k = 0` and `k` beyond the axis,
//! strided and transposed views, any axis of 3-D arrays, and a property against a full sort.

use crate::harness::{proptest_config, same_value};
use logits::top_k;
use ndarray::{Array, Array1, Array2, Array3, ArrayD, Axis, IxDyn, array, s};
use proptest::prelude::*;

#[test]
fn reference_rows() {
    let x = array![[0.1_f32, 2.5, -1.0, 7.0, 3.0], [5.0, 4.0, 3.0, 2.0, 1.0]];
    let (v, i) = top_k(&x, 3, Axis(1));
    assert_eq!(v, array![[7.0, 3.0, 2.5], [5.0, 4.0, 3.0]]);
    assert_eq!(i, array![[3, 4, 1], [0, 1, 2]]);
}

#[test]
fn reference_columns_and_f64() {
    let x = array![[1.0_f64, 9.0], [3.0, -9.0], [2.0, 0.0]];
    let (v, i) = top_k(&x, 2, Axis(0));
    assert_eq!(v, array![[3.0, 9.0], [2.0, 0.0]]);
    assert_eq!(i, array![[1, 0], [2, 2]]);
}

#[test]
fn one_dimensional() {
    let x = array![0.2_f32, 0.5, 0.3];
    let (v, i) = top_k(&x, 1, Axis(0));
    assert_eq!((v, i), (array![0.5], array![1]));
}

#[test]
fn ties_go_by_lower_index() {
    let x = array![1.0_f32, 3.0, 2.0, 3.0, 3.0, 1.0];
    let (v, i) = top_k(&x, 6, Axis(0));
    assert_eq!(v, array![3.0, 3.0, 3.0, 2.0, 1.0, 1.0]);
    assert_eq!(i, array![1, 3, 4, 2, 0, 5]);
    // Cut inside a tie: the first two of the three.
    let (_, i) = top_k(&x, 2, Axis(0));
    assert_eq!(i, array![1, 3]);
    // Signed zeros are equal.
    let (_, i) = top_k(&array![-0.0_f64, 0.0, -0.0], 3, Axis(0));
    assert_eq!(i, array![0, 1, 2]);
}

#[test]
fn all_equal_lane_keeps_index_order() {
    let x = Array1::<f64>::from_elem(40, 0.25);
    let (_, i) = top_k(&x, 7, Axis(0));
    assert_eq!(i, Array1::from_iter(0..7));
}

#[test]
fn nan_last_infinities_in_place() {
    let nan = f32::NAN;
    let x = array![nan, 1.0, f32::NEG_INFINITY, nan, f32::INFINITY, -5.0];
    let (v, i) = top_k(&x, 6, Axis(0));
    assert_eq!(i, array![4, 1, 5, 2, 0, 3]);
    assert_eq!(
        v.slice(s![..4]),
        array![f32::INFINITY, 1.0, -5.0, f32::NEG_INFINITY]
    );
    assert!(v[4].is_nan() && v[5].is_nan());
    // A NaN never displaces a number from the top.
    let (v, i) = top_k(&x, 2, Axis(0));
    assert_eq!((v, i), (array![f32::INFINITY, 1.0], array![4, 1]));
}

#[test]
fn all_nan_lane() {
    let x = Array1::from_elem(4, f64::NAN);
    let (v, i) = top_k(&x, 3, Axis(0));
    assert!(v.iter().all(|v| v.is_nan()));
    assert_eq!(i, array![0, 1, 2]);
}

#[test]
fn k_zero_gives_an_empty_axis() {
    let x = array![[1.0_f32, 2.0], [3.0, 4.0], [5.0, 6.0]];
    let (v, i) = top_k(&x, 0, Axis(1));
    assert_eq!(v.shape(), &[3, 0]);
    assert_eq!(i.shape(), &[3, 0]);
    let (v, _) = top_k(&x, 0, Axis(0));
    assert_eq!(v.shape(), &[0, 2]);
}

#[test]
fn k_beyond_the_axis_gives_the_whole_axis() {
    let x = array![[1.0_f64, 3.0, 2.0]];
    let (v, i) = top_k(&x, 100, Axis(1));
    assert_eq!(v, array![[3.0, 2.0, 1.0]]);
    assert_eq!(i, array![[1, 2, 0]]);
    let (v, i) = top_k(&x, usize::MAX, Axis(0));
    assert_eq!((v, i), (x.clone(), array![[0, 0, 0]]));
}

#[test]
fn empty_axes() {
    let x = Array2::<f32>::zeros((0, 5));
    let (v, i) = top_k(&x, 2, Axis(1));
    assert_eq!((v.shape(), i.shape()), (&[0, 2][..], &[0, 2][..]));
    let (v, _) = top_k(&x, 2, Axis(0));
    assert_eq!(v.shape(), &[0, 5]);
}

#[test]
fn transposed_view_matches_a_copy() {
    let x = Array2::from_shape_fn((5, 7), |(r, c)| ((r * 7 + c) * 37 % 11) as f32 - 5.0);
    let t = x.t();
    let copy = t.to_owned();
    for axis in [Axis(0), Axis(1)] {
        let (a, ai) = top_k(&t, 3, axis);
        let (b, bi) = top_k(&copy, 3, axis);
        assert_eq!((a, ai), (b, bi));
    }
}

#[test]
fn stepped_and_reversed_views_match_a_copy() {
    let x = Array2::from_shape_fn((6, 9), |(r, c)| ((r * 9 + c) * 53 % 17) as f64 * 0.5);
    let views = [
        x.slice(s![..;2, ..;3]),
        x.slice(s![..;-1, 1..;2]),
        x.slice(s![1..5, ..;-2]),
    ];
    for v in views {
        let copy = v.to_owned();
        for axis in [Axis(0), Axis(1)] {
            assert_eq!(top_k(&v, 2, axis), top_k(&copy, 2, axis));
        }
    }
}

#[test]
fn middle_axis_of_a_3d_array() {
    let x = Array3::from_shape_fn((2, 4, 3), |(a, b, c)| {
        [[1.0_f32, 5.0, 2.0, 5.0], [0.0, -1.0, 8.0, 3.0]][a][b] + c as f32 * 10.0
    });
    let (v, i) = top_k(&x, 2, Axis(1));
    assert_eq!(v.shape(), &[2, 2, 3]);
    for c in 0..3 {
        let base = c as f32 * 10.0;
        assert_eq!(v.slice(s![0, .., c]), array![5.0 + base, 5.0 + base]);
        assert_eq!(i.slice(s![0, .., c]), array![1, 3]);
        assert_eq!(v.slice(s![1, .., c]), array![8.0 + base, 3.0 + base]);
        assert_eq!(i.slice(s![1, .., c]), array![2, 3]);
    }
}

#[test]
fn dynamic_dimension() {
    let x = ArrayD::from_shape_vec(IxDyn(&[2, 3]), vec![1.0_f32, 3.0, 2.0, 6.0, 5.0, 4.0])
        .expect("6 elements for a 2 x 3 shape");
    let (v, i) = top_k(&x, 1, Axis(1));
    assert_eq!(v.into_raw_vec_and_offset().0, vec![3.0, 6.0]);
    assert_eq!(i.into_raw_vec_and_offset().0, vec![1, 0]);
}

#[test]
fn input_is_untouched() {
    let x = array![[3.0_f32, 1.0, 2.0]];
    let before = x.clone();
    let _ = top_k(&x, 2, Axis(1));
    assert_eq!(x, before);
}

#[test]
#[should_panic(expected = "axis 2 is out of bounds for an array of 2 dimensions")]
fn axis_out_of_bounds_panics() {
    let _ = top_k(&array![[1.0_f32]], 1, Axis(2));
}

/// The reference: a stable sort of all indices by value, descending, NaN last, cut at `k`.
fn by_sorting(lane: &[f64], k: usize) -> (Vec<f64>, Vec<usize>) {
    let mut order: Vec<usize> = (0..lane.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (lane[i], lane[j]);
        match (a.is_nan(), b.is_nan()) {
            (true, true) => std::cmp::Ordering::Equal,
            (true, false) => std::cmp::Ordering::Greater,
            (false, true) => std::cmp::Ordering::Less,
            (false, false) => b.partial_cmp(&a).expect("neither is NaN"),
        }
    });
    order.truncate(k);
    (order.iter().map(|&i| lane[i]).collect(), order)
}

/// Values from a small set, so that ties, infinities and NaN are common.
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => (-4_i32..=4).prop_map(f64::from),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        3 => (-1e3..1e3_f32).prop_map(f64::from),
    ]
}

proptest! {
    #![proptest_config(proptest_config(256))]

    #[test]
    fn agrees_with_a_sort(
        rows in 1_usize..5,
        data in prop::collection::vec(value(), 0..60),
        k in 0_usize..20,
        transpose in any::<bool>(),
    ) {
        let cols = data.len() / rows;
        let x = Array::from_shape_vec((rows, cols), data[..rows * cols].to_vec())
            .expect("rows * cols elements");
        // The same lanes, in C order or as the columns of a transposed copy.
        let xt = x.t().as_standard_layout().into_owned();
        let (v, i) = if transpose {
            top_k(&xt.t(), k, Axis(1))
        } else {
            top_k(&x, k, Axis(1))
        };
        prop_assert_eq!(v.dim(), (rows, k.min(cols)));
        for (r, lane) in x.outer_iter().enumerate() {
            let (want_v, want_i) = by_sorting(&lane.to_vec(), k);
            prop_assert_eq!(i.row(r).to_vec(), want_i);
            for (g, w) in v.row(r).iter().zip(&want_v) {
                prop_assert!(same_value(*g, *w), "row {r}: {g} vs {w}");
            }
        }
        // f32 gives the same indices.
        let (_, i32s) = top_k(&x.mapv(|v| v as f32), k, Axis(1));
        prop_assert_eq!(i32s, i);
    }
}

/// Long lanes take the block-maxima shortcut: the same answer as a full sort, with ties,
/// infinities, masked (−inf) stretches and NaN (which turns the shortcut off).
#[test]
fn long_lanes_match_a_full_sort() {
    let mut rng = crate::harness::SplitMix(21);
    for case in 0..24 {
        let len = [131_072, 50_000, 262_144][case % 3];
        let row: Vec<f32> = (0..len)
            .map(|i| match (case / 3, rng.below(1000)) {
                (0, _) => rng.uniform(-5.0, 5.0) as f32,
                (1, _) => (rng.below(8) as f32) * 0.5, // heavy ties
                (2, r) if r < 990 => f32::NEG_INFINITY, // masked almost everywhere
                (3, 0) => f32::INFINITY,
                (4, 0) if i % 7 == 0 => f32::NAN,
                (5, _) => -(i as f32), // descending: every block maximum at its start
                (6, _) => i as f32 * 1e-3, // ascending
                _ => rng.uniform(-1.0, 1.0) as f32,
            })
            .collect();
        let x = ndarray::Array1::from(row.clone());
        for k in [1, 5, 50, 100] {
            let (values, indices) = logits::top_k(&x, k, Axis(0));
            let mut want: Vec<usize> = (0..len).collect();
            want.sort_by(|&a, &b| {
                let (va, vb) = (row[a], row[b]);
                match (va.is_nan(), vb.is_nan()) {
                    (true, true) => std::cmp::Ordering::Equal,
                    (true, false) => std::cmp::Ordering::Greater,
                    (false, true) => std::cmp::Ordering::Less,
                    _ => vb.partial_cmp(&va).unwrap(),
                }
                .then(a.cmp(&b))
            });
            assert_eq!(indices.to_vec(), want[..k], "case {case}, k {k}");
            for (v, &i) in values.iter().zip(&want[..k]) {
                assert!(v.to_bits() == row[i].to_bits(), "case {case}, k {k}");
            }
        }
    }
}
