//! The sampler's randomness: one uniform number per `(seed, position)`, from ChaCha8 keyed by the
//! seed, in the stream numbered by the position.

use chacha20::ChaCha8Rng;
use rand_core::{Rng as _, SeedableRng as _};

/// The randomness of one draw: a `seed` (per request, per user, per experiment) and a `position`
/// (the token's place in its sequence, or the step of an episode).
///
/// The uniform number a draw uses is a pure function of the key: the first 53 bits of the ChaCha8
/// stream numbered `position` under the 256-bit key made of `seed` (little-endian, then zeros).
/// So the same key gives the same token whatever else is in the batch, in whatever order and on
/// however many threads; consecutive positions give independent draws, and nothing needs to be
/// carried from one step to the next.
///
/// ```
/// use logits::Key;
/// let u = Key::new(7, 0).uniform();
/// assert!((0.0..1.0).contains(&u));
/// assert_eq!(u, Key::new(7, 0).uniform());
/// assert_ne!(u, Key::new(7, 1).uniform());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Key {
    /// The seed.
    pub seed: u64,
    /// The position.
    pub position: u64,
}

impl Key {
    /// The key of `position` under `seed`.
    #[must_use]
    pub fn new(seed: u64, position: u64) -> Self {
        Self { seed, position }
    }

    /// The key's uniform number in `[0, 1)`, a multiple of 2⁻⁵³.
    #[must_use]
    pub fn uniform(self) -> f64 {
        let mut bytes = [0_u8; 32];
        bytes[..8].copy_from_slice(&self.seed.to_le_bytes());
        let mut rng = ChaCha8Rng::from_seed(bytes);
        rng.set_stream(self.position);
        unit(rng.next_u64())
    }
}

/// The top 53 bits of `bits` as a number in `[0, 1)`.
pub(crate) fn unit(bits: u64) -> f64 {
    (bits >> 11) as f64 * (1.0 / (1_u64 << 53) as f64)
}
