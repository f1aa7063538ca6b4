//! Run-time dispatch: which instruction set the CPU has, and running a kernel with its vectors.

use std::sync::OnceLock;

use super::{Elem, Simd, Storage, scalar::Scalar};

/// A computation over slices of storage elements `S`, generic over the vector type it runs with
/// (vectors of `S`'s compute element).
pub(crate) trait Kernel {
    /// The element the kernel reads and writes.
    type S: Storage;
    type Output;
    /// Runs with vectors `V`. Implementations are `#[inline(always)]` so that they are compiled
    /// inside the `#[target_feature]` entry point that calls them.
    fn run<V: Simd<E = Compute<Self>>>(self) -> Self::Output;
}

/// The compute element of a kernel.
pub(crate) type Compute<K> = <<K as Kernel>::S as Storage>::Compute;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Scalar,
    #[cfg(target_arch = "x86_64")]
    Avx2Fma,
    #[cfg(target_arch = "x86_64")]
    Avx512,
}

/// An instruction set that this CPU was seen to support.
///
/// Only [`Isa::available`] makes one with a SIMD kind, after checking the CPU, so holding an
/// `Isa` is the proof that running its kernels is sound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Isa(Kind);

impl Isa {
    /// The portable scalar path, available everywhere.
    #[cfg(test)]
    pub(crate) const SCALAR: Self = Self(Kind::Scalar);

    /// Every instruction set this CPU supports, scalar first; detected once per process.
    pub(crate) fn available() -> &'static [Self] {
        static ALL: OnceLock<Vec<Isa>> = OnceLock::new();
        ALL.get_or_init(|| {
            let mut all = vec![Self(Kind::Scalar)];
            #[cfg(target_arch = "x86_64")]
            {
                if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
                    all.push(Self(Kind::Avx2Fma));
                    if is_x86_feature_detected!("avx512f") {
                        all.push(Self(Kind::Avx512));
                    }
                }
            }
            all
        })
    }

    /// The best available instruction set, capped by the environment variable `LOGITS_ISA`
    /// (`scalar`, `avx2` or `avx512`) when it is set; decided once per process.
    pub(crate) fn detect() -> Self {
        static BEST: OnceLock<Isa> = OnceLock::new();
        *BEST.get_or_init(|| {
            let all = Self::available();
            let cap = std::env::var("LOGITS_ISA").ok();
            all.iter()
                .rev()
                .find(|isa| cap.as_deref().is_none_or(|c| isa.0 <= Self::parse(c)))
                .copied()
                .unwrap_or(Self(Kind::Scalar))
        })
    }

    fn parse(name: &str) -> Kind {
        match name.to_ascii_lowercase().as_str() {
            #[cfg(target_arch = "x86_64")]
            "avx2" | "avx2fma" => Kind::Avx2Fma,
            #[cfg(target_arch = "x86_64")]
            "avx512" | "avx512f" => Kind::Avx512,
            "scalar" => Kind::Scalar,
            _ => Self::available().last().map_or(Kind::Scalar, |isa| isa.0),
        }
    }

    /// A short name: `scalar`, `avx2` or `avx512`.
    pub(crate) fn name(self) -> &'static str {
        match self.0 {
            Kind::Scalar => "scalar",
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2Fma => "avx2",
            #[cfg(target_arch = "x86_64")]
            Kind::Avx512 => "avx512",
        }
    }

    /// Runs `k` with this instruction set's vectors.
    #[inline]
    pub(crate) fn run<K: Kernel>(self, k: K) -> K::Output {
        match self.0 {
            Kind::Scalar => k.run::<Scalar<Compute<K>>>(),
            #[cfg(target_arch = "x86_64")]
            // SAFETY: an `Isa` of this kind exists only if `available` saw AVX2 and FMA.
            Kind::Avx2Fma => unsafe { run_avx2(k) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: an `Isa` of this kind exists only if `available` saw AVX-512F, AVX2 and FMA.
            Kind::Avx512 => unsafe { run_avx512(k) },
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn run_avx2<K: Kernel>(k: K) -> K::Output {
    k.run::<<Compute<K> as Elem>::Avx2>()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx2,fma")]
fn run_avx512<K: Kernel>(k: K) -> K::Output {
    k.run::<<Compute<K> as Elem>::Avx512>()
}
