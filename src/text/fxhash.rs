//! A fast hasher for the maps keyed by a draft's own labels, suffixes and offsets, in the manner
//! of rustc's FxHash: a rotate, a xor and a multiply per eight bytes.
//!
//! The standard library's SipHash resists keys chosen to collide (HashDoS), which matters for a
//! server's maps of untrusted input; here the keys are a few thousand short labels of one draft,
//! hashed many times over (every suffix of every label), and SipHash's rounds cost more than the
//! lookups they serve. The order of such a map's entries is arbitrary either way: no output may
//! depend on it.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The multiplier of rustc's FxHasher (64-bit).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.add(u64::from_le_bytes(
                w.try_into().expect("a chunk of eight bytes"),
            ));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub type FxHashSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash<T: Hash>(x: T) -> u64 {
        BuildHasherDefault::<FxHasher>::default().hash_one(x)
    }

    #[test]
    fn labels_that_differ_hash_apart_and_equal_ones_alike() {
        assert_eq!(hash("出口总额"), hash(String::from("出口总额")));
        assert_ne!(hash("出口"), hash("进口"));
        // Keys sharing their first eight bytes still differ in the rest.
        assert_ne!(hash("社会消费品零售总额"), hash("社会消费品零售额"));
        assert_ne!(hash((1usize, "额")), hash((2usize, "额")));
    }

    #[test]
    fn a_map_finds_what_it_holds() {
        let mut m: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, w) in ["全国", "全省", "全市", "进出口"].iter().enumerate() {
            m.insert(w, i);
        }
        assert_eq!(m.get("全省"), Some(&1));
        assert_eq!(m.get("全县"), None);
    }
}
