//! Memory layouts: a logical array cut out of a backing array as a view that is standard,
//! transposed, rotated, step-sliced or reversed, in any combination.

use ndarray::{
    ArrayBase, ArrayD, ArrayRef, ArrayViewD, ArrayViewMutD, Axis, IxDyn, RawData, Slice,
};
use proptest::prelude::*;

/// How a logical array sits in memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// 0: axes as they are; 1: reversed (a transpose, `.t()`); 2: rotated by one.
    pub perm: u8,
    /// Every other element of the first and last axes of a twice-larger array
    /// (`s![..;2, .., ..;2]`).
    pub step: bool,
    /// Which axes are read backwards.
    pub rev: Rev,
}

/// The axes a [`Layout`] reads backwards (negative strides).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rev {
    /// None: every axis forwards.
    None,
    /// The first axis (`s![..;-1, ..]`).
    First,
    /// The first and last axes (`s![..;-1, .., ..;-1]`).
    FirstAndLast,
}

impl Layout {
    /// `view = backing.permuted_axes(order)`.
    fn order(self, n: usize) -> Vec<usize> {
        match self.perm {
            1 => (0..n).rev().collect(),
            2 => (0..n).map(|j| (j + 1) % n).collect(),
            _ => (0..n).collect(),
        }
    }

    /// The shape of the backing array from which a view of `shape` is cut.
    pub fn backing_shape(self, shape: &[usize]) -> Vec<usize> {
        let n = shape.len();
        let mut s = shape.to_vec();
        if self.step && n > 0 {
            s[0] *= 2;
            if n > 1 {
                s[n - 1] *= 2;
            }
        }
        let order = self.order(n);
        let mut b = vec![0; n];
        for j in 0..n {
            b[order[j]] = s[j];
        }
        b
    }
}

/// Every layout: each permutation, stepped or not, read forwards or backwards along the first
/// axis or the first and last: the standard layout, transposes, rotations, step-sliced and
/// reversed views, in all their combinations. A superset of both generators it replaces: the
/// property suite's (transposed, stepped, first and last axes reversed) and the robustness
/// suite's (transposed or rotated, stepped, first axis reversed).
pub fn layout_strategy() -> impl Strategy<Value = Layout> {
    (
        0_u8..3,
        any::<bool>(),
        prop_oneof![Just(Rev::None), Just(Rev::First), Just(Rev::FirstAndLast)],
    )
        .prop_map(|(perm, step, rev)| Layout { perm, step, rev })
}

/// Cuts the logical array out of a backing array of [`Layout::backing_shape`]; for shared and
/// mutable views alike.
pub fn arrange<S: RawData>(v: ArrayBase<S, IxDyn>, l: Layout) -> ArrayBase<S, IxDyn> {
    let n = v.ndim();
    if n == 0 {
        return v;
    }
    let mut v = v.permuted_axes(l.order(n));
    if l.step {
        v.slice_axis_inplace(Axis(0), Slice::new(0, None, 2));
        if n > 1 {
            v.slice_axis_inplace(Axis(n - 1), Slice::new(0, None, 2));
        }
    }
    if l.rev != Rev::None {
        v.slice_axis_inplace(Axis(0), Slice::new(0, None, -1));
        if l.rev == Rev::FirstAndLast && n > 1 {
            v.slice_axis_inplace(Axis(n - 1), Slice::new(0, None, -1));
        }
    }
    v
}

/// A logical array placed in a backing array of some layout; the gaps hold `fill` (NaN, for
/// floats, so that a stray read shows).
#[derive(Clone, Debug)]
pub struct Placed<T> {
    pub backing: ArrayD<T>,
    layout: Layout,
}

impl<T: Clone> Placed<T> {
    pub fn new(logical: &ArrayD<T>, layout: Layout, fill: T) -> Self {
        let mut backing = ArrayD::from_elem(IxDyn(&layout.backing_shape(logical.shape())), fill);
        arrange(backing.view_mut(), layout).assign(logical);
        Self { backing, layout }
    }

    pub fn view(&self) -> ArrayViewD<'_, T> {
        arrange(self.backing.view(), self.layout)
    }

    pub fn view_mut(&mut self) -> ArrayViewMutD<'_, T> {
        arrange(self.backing.view_mut(), self.layout)
    }

    /// The backing array with `values` written where the view is: what a correct `_inplace`
    /// or `_into` leaves behind.
    pub fn with(&self, values: &ArrayRef<T, IxDyn>) -> ArrayD<T> {
        let mut b = self.backing.clone();
        arrange(b.view_mut(), self.layout).assign(values);
        b
    }
}
