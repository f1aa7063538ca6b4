//! The vector abstraction every kernel is written against: the vector trait [`Simd`], the element
//! traits it computes in ([`Elem`]) and reads and writes ([`Storage`]), and the portable `exp`
//! built on them. (The traits refer to each other, so they live together; their implementations
//! are in `elem`, `scalar` and `x86`.)

use std::fmt::Debug;

use num_traits::{Float as _, One as _, Zero as _};

/// The widest vector any implementation has (AVX-512 with `f32`).
pub(crate) const MAX_LANES: usize = 16;

/// A SIMD vector of `LANES` elements of type `E`.
///
/// Kernels are generic over this trait and written once. The x86 implementations wrap
/// `core::arch` intrinsics that need a CPU feature; their values are only made inside
/// [`Isa::run`](super::Isa::run), which instantiates a kernel with an x86 vector type only after
/// the feature was detected. Nothing outside `kernels/` can name these types.
///
/// Semantics shared by every implementation (the scalar one included, so paths agree):
/// - `max(a, b)` / `min(a, b)` return `b` when either operand is NaN (x86's `maxps` rule);
/// - `max_nan(a, b)` returns NaN when either operand is NaN;
/// - `mul_add(a, b, c)` is `a * b + c`, fused where the ISA has FMA;
/// - `exp` maps −inf to 0, +inf to +inf and NaN to NaN.
pub trait Simd: Copy {
    /// Element type.
    type E: Elem;
    /// Elements per vector (at most [`MAX_LANES`]).
    const LANES: usize;

    fn splat(v: Self::E) -> Self;
    /// Loads the first `LANES` elements of `s`. Panics if `s` is shorter.
    fn load(s: &[Self::E]) -> Self;
    /// Stores into the first `LANES` elements of `s`. Panics if `s` is shorter.
    fn store(self, s: &mut [Self::E]);
    /// Loads the `s.len() < LANES` elements of `s`, the other lanes set to `fill`.
    #[inline(always)]
    fn load_partial(s: &[Self::E], fill: Self::E) -> Self {
        let mut buf = [fill; MAX_LANES];
        buf[..s.len()].copy_from_slice(s);
        Self::load(&buf)
    }
    /// Stores the first `s.len() < LANES` lanes into `s`.
    #[inline(always)]
    fn store_partial(self, s: &mut [Self::E]) {
        let mut buf = [Self::E::zero(); MAX_LANES];
        self.store(&mut buf);
        let n = s.len();
        s.copy_from_slice(&buf[..n]);
    }

    /// Loads the first `LANES` stored elements of `s`, widened (see [`Storage`]).
    #[inline(always)]
    fn read<S: Storage<Compute = Self::E>>(s: &[S]) -> Self {
        S::load(s)
    }
    /// Loads the `n ≤ LANES` stored elements of `s` from `at`, the other lanes set to `fill`.
    #[inline(always)]
    fn read_n<S: Storage<Compute = Self::E>>(s: &[S], at: usize, n: usize, fill: Self::E) -> Self {
        if n == Self::LANES {
            S::load(&s[at..])
        } else {
            S::load_partial(&s[at..at + n], fill)
        }
    }
    /// Stores the first `n ≤ LANES` lanes into `s` from `at`, narrowed (see [`Storage`]).
    #[inline(always)]
    fn write_n<S: Storage<Compute = Self::E>>(self, s: &mut [S], at: usize, n: usize) {
        if n == Self::LANES {
            S::store(self, &mut s[at..]);
        } else {
            S::store_partial(self, &mut s[at..at + n]);
        }
    }

    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn mul(self, o: Self) -> Self;
    fn div(self, o: Self) -> Self;
    fn mul_add(self, b: Self, c: Self) -> Self;
    fn max(self, o: Self) -> Self;
    fn min(self, o: Self) -> Self;
    fn max_nan(self, o: Self) -> Self;
    /// Absolute value (clears the sign bit).
    fn abs(self) -> Self;
    /// 0 in the lanes where `self` is 0, `v` in the others: the limit convention `0 · ∞ = 0`,
    /// as in `w.zero_or(w.mul(v))` for a term whose weight `w` is 0 while `v` may be infinite.
    fn zero_or(self, v: Self) -> Self;
    /// `neg` in the lanes where the sign bit of `self` is set, `pos` in the others.
    fn select_sign(self, pos: Self, neg: Self) -> Self;
    /// `a` in the lanes where `self < lim` (false for NaN), `b` in the others.
    fn select_lt(self, lim: Self, a: Self, b: Self) -> Self;
    /// Whether `self < lim` in any lane (false for NaN).
    fn any_lt(self, lim: Self) -> bool;
    /// `self + 1` in the lanes where `lim < v` (false for NaN), `self` in the others: a count
    /// per lane, exact while below 2²⁴ (`f32`).
    #[inline(always)]
    fn count_gt(self, v: Self, lim: Self) -> Self {
        let (one, zero) = (Self::splat(Self::E::one()), Self::splat(Self::E::zero()));
        self.add(lim.select_lt(v, one, zero))
    }
    /// The first `n ≤ LANES` lanes of `self`, the others 0.
    #[inline(always)]
    fn first_lanes(self, n: usize) -> Self {
        let mut buf = [Self::E::zero(); MAX_LANES];
        self.store(&mut buf);
        buf[n.min(Self::LANES)..].fill(Self::E::zero());
        Self::load(&buf)
    }
    /// The lanes where `self` equals `o` (not where either is NaN), as bits: bit `k` for lane `k`.
    #[inline(always)]
    fn eq_bits(self, o: Self) -> u64 {
        let (mut a, mut b) = ([Self::E::zero(); MAX_LANES], [Self::E::zero(); MAX_LANES]);
        self.store(&mut a);
        o.store(&mut b);
        (0..Self::LANES)
            .filter(|&k| a[k] == b[k])
            .fold(0, |bits, k| bits | 1 << k)
    }
    /// Lanes `k < n` read `s[start + k · stride]`, the others are `fill` (`n ≤ LANES`). Panics
    /// if an index read is out of bounds.
    #[inline(always)]
    fn gather(s: &[Self::E], start: usize, stride: usize, n: usize, fill: Self::E) -> Self {
        let mut buf = [fill; MAX_LANES];
        for (k, b) in buf.iter_mut().enumerate().take(n.min(Self::LANES)) {
            *b = s[start + k * stride];
        }
        Self::load(&buf)
    }
    /// Lanes `k < n` written to `s[start + k · stride]` (`n ≤ LANES`). Panics if an index
    /// written is out of bounds.
    #[inline(always)]
    fn scatter(self, s: &mut [Self::E], start: usize, stride: usize, n: usize) {
        let mut buf = [Self::E::zero(); MAX_LANES];
        self.store(&mut buf);
        for (k, &b) in buf.iter().enumerate().take(n.min(Self::LANES)) {
            s[start + k * stride] = b;
        }
    }
    /// `self + v` in the lanes where `v ≥ l`, `self` in the others (`v`, `l` not NaN).
    #[inline(always)]
    fn add_where_ge(self, v: Self, l: Self) -> Self {
        self.add(v.sub(l).select_sign(v, Self::splat(Self::E::zero())))
    }
    /// Round to nearest integer, ties to even.
    fn round(self) -> Self;
    /// `self · 2ⁿ` for integral `n` within the range [`exp`](Simd::exp) produces.
    fn ldexp(self, n: Self) -> Self;
    fn reduce_add(self) -> Self::E;

    /// Horizontal maximum that returns NaN if any lane is NaN.
    #[inline(always)]
    fn reduce_max_nan(self) -> Self::E {
        let mut buf = [Self::E::zero(); MAX_LANES];
        self.store(&mut buf);
        buf[..Self::LANES]
            .iter()
            .fold(Self::E::neg_infinity(), |m, &v| {
                if v.is_nan() || m.is_nan() {
                    Self::E::nan()
                } else {
                    m.max(v)
                }
            })
    }

    /// `ln(1 + e)` for `e ∈ [0, 1]` (as `e^−|x|` is), accurate to a few ULPs: with
    /// `ln(1 + e) = 2 atanh(e / (2 + e))` below `√2 − 1` and `ln 2 + 2 atanh((e − 1) / (e + 3))`
    /// above, the series argument stays below 0.172 and nothing cancels.
    #[inline(always)]
    fn ln_1p_unit(self) -> Self {
        let c = Self::splat;
        let one = c(Self::E::one());
        let high = self.sub(c(Self::E::SQRT2_M1));
        let num = high.select_sign(self.sub(one), self);
        let den = high.select_sign(self.add(c(Self::E::THREE)), self.add(c(Self::E::TWO)));
        let base = high.select_sign(c(Self::E::LN2), c(Self::E::zero()));
        let s = num.div(den);
        base.add(Self::E::atanh2(s))
    }

    /// `(m, k)` with `self = m · 2ᵏ`, `m ∈ [1, 2)`, for positive normal finite lanes.
    fn mantissa_exponent(self) -> (Self, Self);

    /// `ln x` for positive normal finite lanes (sums of exponentials, which are ≥ 1), NaN for NaN:
    /// from `x = m · 2ᵏ`, with `m` halved above √2, `ln x = k ln 2 + 2 atanh((m − 1) / (m + 1))`.
    #[inline(always)]
    fn ln(self) -> Self {
        let c = Self::splat;
        let one = c(Self::E::one());
        let (m, k) = self.mantissa_exponent();
        let high = c(Self::E::SQRT2_M1 + Self::E::one()).sub(m);
        let m = high.select_sign(m, m.mul(c(Self::E::one() / Self::E::TWO)));
        let k = high.select_sign(k, k.add(one));
        let s = m.sub(one).div(m.add(one));
        // `x − x` is 0, or NaN where `x` is NaN, which the bit-level split would lose.
        k.mul_add(c(Self::E::LN2), Self::E::atanh2(s))
            .add(self.sub(self))
    }

    /// `eˣ` for every lane.
    #[inline(always)]
    fn exp(self) -> Self {
        exp_poly(self)
    }
}

/// `eˣ` by Cody–Waite reduction `x = n·ln2 + r`, `|r| ≤ ln2/2`, a polynomial for `eʳ`, and an exact
/// scaling by `2ⁿ`. Arguments are clamped first so that large negative `x` gives 0, large
/// positive `x` gives +inf, and NaN stays NaN (the clamp keeps NaN: see `max`/`min` above).
/// Lanes below `EXP_LO` (−inf among them) are set to 0 without being scaled: scaling into the
/// subnormal range takes a microcode assist on some cores (hundreds of cycles on Zen 4), which
/// the masked entries of a row, or the unused lanes of a partial vector, would otherwise pay.
#[inline(always)]
pub(crate) fn exp_poly<V: Simd>(x: V) -> V {
    let c = V::splat;
    if x.any_lt(c(V::E::EXP_NORMAL)) {
        let lo = c(V::E::EXP_LO);
        let zero = c(V::E::zero());
        let e = exp_scaled(x.select_lt(lo, zero, x));
        return x.select_lt(lo, zero, e);
    }
    exp_scaled(x)
}

/// [`exp_poly`] without its care for arguments below `EXP_LO`.
#[inline(always)]
fn exp_scaled<V: Simd>(x: V) -> V {
    let c = V::splat;
    let x = c(V::E::EXP_HI).min(c(V::E::EXP_LO).max(x));
    let n = x.mul(c(V::E::LOG2E)).round();
    let r = n.mul_add(c(-V::E::LN2_HI), x);
    let r = n.mul_add(c(-V::E::LN2_LO), r);
    V::E::exp_reduced(r).ldexp(n)
}

/// An element type the kernels compute in: `f32` or `f64`.
///
/// Carries the constants of the vectorised `exp` and `ln` and, per instruction set, its vector
/// type. A compute element is also stored as itself, so that kernels keep scratch buffers of it.
pub trait Elem:
    num_traits::Float + Default + Debug + Send + Sync + Storage<Compute = Self> + 'static
{
    /// AVX2+FMA vector of this element.
    #[cfg(target_arch = "x86_64")]
    #[doc(hidden)]
    type Avx2: Simd<E = Self>;
    /// AVX-512F vector of this element.
    #[cfg(target_arch = "x86_64")]
    #[doc(hidden)]
    type Avx512: Simd<E = Self>;
    /// Below this, `exp` is 0 (its argument is clamped here).
    #[doc(hidden)]
    const EXP_LO: Self;
    /// Above this, `exp`'s scaling stays in the normal range.
    #[doc(hidden)]
    const EXP_NORMAL: Self;
    /// Above this, `exp` is +inf (its argument is clamped here).
    #[doc(hidden)]
    const EXP_HI: Self;
    /// log₂ e.
    #[doc(hidden)]
    const LOG2E: Self;
    /// High part of ln 2, exact in few bits so that `n · LN2_HI` is exact.
    #[doc(hidden)]
    const LN2_HI: Self;
    /// ln 2 − `LN2_HI`.
    #[doc(hidden)]
    const LN2_LO: Self;
    /// √2 − 1.
    #[doc(hidden)]
    const SQRT2_M1: Self;
    /// ln 2.
    #[doc(hidden)]
    const LN2: Self;
    /// 2.
    #[doc(hidden)]
    const TWO: Self;
    /// 3.
    #[doc(hidden)]
    const THREE: Self;
    /// `eʳ` for `|r| ≤ ln2 / 2`.
    #[doc(hidden)]
    fn exp_reduced<V: Simd<E = Self>>(r: V) -> V;
    /// `2 atanh(s) = ln((1 + s) / (1 − s))` for `|s| ≤ 0.172`.
    #[doc(hidden)]
    fn atanh2<V: Simd<E = Self>>(s: V) -> V;
    /// Where `tanh` switches from [`tanh_small`](Elem::tanh_small) to `1 − 2/(e²ᵃ + 1)`.
    #[doc(hidden)]
    const TANH_SWITCH: Self;
    /// `tanh a` for `0 ≤ a < TANH_SWITCH` (Cephes's approximation).
    #[doc(hidden)]
    fn tanh_small<V: Simd<E = Self>>(a: V) -> V;
    /// Round to nearest, ties to even.
    #[doc(hidden)]
    fn round_ties_even(self) -> Self;
}

/// Asks the caches for the line holding `s[at]`, ahead of its use; nothing where `at` is out of
/// bounds or the target has no such instruction. Column strips read one line from each of many
/// rows a page or more apart, more streams than the hardware prefetchers follow.
#[inline(always)]
pub(crate) fn prefetch<T>(s: &[T], at: usize) {
    if let Some(v) = s.get(at) {
        prefetch_at(std::ptr::from_ref(v), false);
    }
}

/// As [`prefetch`], for a line to be written.
#[inline(always)]
pub(crate) fn prefetch_write<T>(s: &[T], at: usize) {
    if let Some(v) = s.get(at) {
        prefetch_at(std::ptr::from_ref(v), true);
    }
}

/// Asks the caches for the line holding `p`, to be written (`write`) or read; nothing where the
/// target has no such instruction. `p` need not point into anything: a prefetch is a hint, which
/// reads nothing the program sees and never faults.
#[inline(always)]
pub(crate) fn prefetch_at<T>(p: *const T, write: bool) {
    #[cfg(target_arch = "x86_64")]
    {
        use core::arch::x86_64::{_MM_HINT_ET0, _MM_HINT_T0, _mm_prefetch};
        #[allow(
            unused_unsafe,
            reason = "safe to call from Rust 1.87 on, unsafe before"
        )]
        // SAFETY: a prefetch changes no state the program sees and does not fault, whatever the
        // address; SSE, which it needs, is part of x86_64 (a processor without PREFETCHW takes
        // the write hint as a no-op).
        unsafe {
            if write {
                _mm_prefetch::<_MM_HINT_ET0>(p.cast());
            } else {
                _mm_prefetch::<_MM_HINT_T0>(p.cast());
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (p, write);
}

/// An element as it lies in memory: the type of the slices a kernel reads and writes.
///
/// Kernels load storage elements into vectors of its compute element ([`Storage::Compute`]),
/// compute there, and store back; scalar code reads through [`Storage::widen`] and writes
/// through [`Storage::narrow`]. This is the seam for narrower inputs: today `f32` and `f64` are
/// each their own compute element, and a half-precision type (`bf16`, `f16`) would be one more
/// implementation whose loads widen to `f32` and whose stores round back, behind a feature,
/// with no kernel rewritten.
pub trait Storage: Copy + Debug + Send + Sync + 'static {
    /// The element the kernels compute in.
    #[doc(hidden)]
    type Compute: Elem;
    /// This element in the compute type (exact).
    #[doc(hidden)]
    fn widen(self) -> Self::Compute;
    /// A compute value rounded to this type.
    #[doc(hidden)]
    fn narrow(v: Self::Compute) -> Self;
    /// Loads the first `LANES` elements of `s`. Panics if `s` is shorter.
    #[doc(hidden)]
    fn load<V: Simd<E = Self::Compute>>(s: &[Self]) -> V;
    /// Loads the `s.len() < LANES` elements of `s`, the other lanes set to `fill`.
    #[doc(hidden)]
    fn load_partial<V: Simd<E = Self::Compute>>(s: &[Self], fill: Self::Compute) -> V;
    /// Stores into the first `LANES` elements of `s`. Panics if `s` is shorter.
    #[doc(hidden)]
    fn store<V: Simd<E = Self::Compute>>(v: V, s: &mut [Self]);
    /// Stores the first `s.len() < LANES` lanes of `v` into `s`.
    #[doc(hidden)]
    fn store_partial<V: Simd<E = Self::Compute>>(v: V, s: &mut [Self]);
    /// Lanes `k < n` read `s[start + k · stride]`, the others are `fill`: see [`Simd::gather`].
    #[doc(hidden)]
    fn gather<V: Simd<E = Self::Compute>>(
        s: &[Self],
        start: usize,
        stride: usize,
        n: usize,
        fill: Self::Compute,
    ) -> V;
    /// Lanes `k < n` of `v` written to `s[start + k · stride]`: see [`Simd::scatter`].
    #[doc(hidden)]
    fn scatter<V: Simd<E = Self::Compute>>(
        v: V,
        s: &mut [Self],
        start: usize,
        stride: usize,
        n: usize,
    );
}
