//! One shared sort for the whole app, to keep the wasm small.
//!
//! Every `sort_by` / `sort_by_key` / `sort` call with a new element type or closure instantiates
//! the standard library's sort again (about 3 KB of wasm each, a dozen of them here). These
//! helpers sort positions (`usize`) with a `dyn` comparator instead, so the standard sort is
//! instantiated once; the per-type code left is a short loop of swaps. All sorts are stable.

use std::cmp::Ordering;

/// Stable sort of `v` by `cmp`, like [`slice::sort_by`].
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    for (i, j) in swaps(&order) {
        v.swap(i, j);
    }
}

/// Stable sort of `v` by `key`, like [`slice::sort_by_key`].
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort of `v`, like [`slice::sort`].
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..len` in sorted order.
#[inline(never)]
// The one instantiation of the standard sort that every helper here shares (the rule that
// clippy.toml's disallowed-methods enforces everywhere else).
#[allow(clippy::disallowed_methods)]
fn sorted_order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Swaps that move the element at `order[i]` to position `i`, for every `i`.
#[inline(never)]
fn swaps(order: &[usize]) -> Vec<(usize, usize)> {
    // pos[e]: where original element e is now; at[p]: which original element is at p.
    let mut pos: Vec<usize> = (0..order.len()).collect();
    let mut at = pos.clone();
    let mut out = Vec::new();
    for (i, &want) in order.iter().enumerate() {
        let j = pos[want];
        if j != i {
            out.push((i, j));
            let displaced = at[i];
            at[i] = want;
            at[j] = displaced;
            pos[want] = i;
            pos[displaced] = j;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // The standard sort is the oracle here, so this test calls it despite clippy.toml.
    #[allow(clippy::disallowed_methods)]
    fn matches_the_standard_stable_sort() {
        let mut seed = 7u32;
        for len in 0..60 {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 5, i)
                })
                .collect();
            let (mut ours, mut std) = (v.clone(), v.clone());
            sort_by_key(&mut ours, |&(k, _)| k);
            std.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std);
            let (mut ours, mut std) = (v.clone(), v);
            sort(&mut ours);
            std.sort();
            assert_eq!(ours, std);
        }
    }
}
