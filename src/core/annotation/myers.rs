//! Myers' bit-parallel edit distance (with Hyyrö's block extension) over
//! symbol ids: O(n * ceil(m / 64)) for a pattern of m code points against n.

use super::symbols::Symbols;

/// Pattern preprocessed for bit-parallel matching against one text.
pub(crate) struct Myers {
    len: usize,
    blocks: usize,
    /// Bit of the last pattern row inside the last block.
    last_bit: u64,
    /// Match mask of each text symbol, `blocks` words per symbol.
    peq: Vec<u64>,
    /// Symbols whose masks are non-zero, to clear them on release.
    used: Vec<u32>,
}

/// All-zero mask buffers reused across patterns, so preparing a pattern
/// costs O(m) instead of zeroing a table the size of the text's alphabet.
#[derive(Default)]
pub(crate) struct MaskPool(Vec<Vec<u64>>);

impl MaskPool {
    fn take(&mut self, len: usize) -> Vec<u64> {
        let mut buffer = self.0.pop().unwrap_or_default();
        buffer.resize(len, 0);
        buffer
    }

    fn give(&mut self, buffer: Vec<u64>) {
        self.0.push(buffer);
    }
}

/// How row 0 (the empty pattern prefix) behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Start {
    /// A match may start anywhere in the text (D[0][j] = 0).
    Free,
    /// A match starts at text position 0 (D[0][j] = j).
    Anchored,
}

impl Myers {
    /// Preprocesses `pattern` for texts over `symbols`; `None` if empty.
    /// Pattern chars absent from the text simply never match. Give the
    /// buffer back with [`Myers::release`].
    pub fn new(pattern: &[char], symbols: &Symbols, pool: &mut MaskPool) -> Option<Self> {
        let len = pattern.len();
        let last_row = len.checked_sub(1)?;
        let blocks = len.div_ceil(64);
        let mut peq = pool.take(symbols.alphabet_len() * blocks);
        let mut used = Vec::with_capacity(len);
        for (row, &c) in pattern.iter().enumerate() {
            let Some(id) = symbols.id(c) else {
                continue;
            };
            if let Some(word) = peq.get_mut(id as usize * blocks + row / 64) {
                *word |= 1 << (row % 64);
                used.push(id);
            }
        }
        Some(Self {
            len,
            blocks,
            last_bit: 1 << (last_row % 64),
            peq,
            used,
        })
    }

    /// Clears the masks and returns the buffer to `pool`.
    pub fn release(self, pool: &mut MaskPool) {
        let Self {
            mut peq,
            used,
            blocks,
            ..
        } = self;
        for id in used {
            let at = id as usize * blocks;
            if let Some(words) = peq.get_mut(at..at + blocks) {
                words.fill(0);
            }
        }
        pool.give(peq);
    }

    /// Pattern length in code points.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Work units (text chars times 64-row blocks) to scan `chars` chars.
    pub fn cost(&self, chars: usize) -> usize {
        chars.saturating_mul(self.blocks)
    }

    /// Feeds `text` symbol by symbol and reports, after each one (0-based
    /// `j`), the edit distance between the whole pattern and the best text
    /// substring ending there (starting anywhere for [`Start::Free`], at 0
    /// for [`Start::Anchored`]).
    pub fn scan(
        &self,
        text: impl Iterator<Item = u32>,
        start: Start,
        mut report: impl FnMut(usize, usize),
    ) {
        let top = match start {
            Start::Free => 0,
            Start::Anchored => 1,
        };
        let mut score = self.len;
        if self.blocks == 1 {
            let (mut pv, mut mv) = (u64::MAX, 0u64);
            for (j, sym) in text.enumerate() {
                let eq = self.peq.get(sym as usize).copied().unwrap_or(0);
                let h = advance(&mut pv, &mut mv, eq, top, self.last_bit);
                score = score.saturating_add_signed(isize::from(h));
                report(j, score);
            }
            return;
        }
        let mut pv = vec![u64::MAX; self.blocks];
        let mut mv = vec![0u64; self.blocks];
        let last = self.blocks - 1;
        for (j, sym) in text.enumerate() {
            let at = sym as usize * self.blocks;
            let eqs = self.peq.get(at..at + self.blocks).unwrap_or(&[]);
            let mut hin = top;
            for (b, (p, m)) in pv.iter_mut().zip(mv.iter_mut()).enumerate() {
                let eq = eqs.get(b).copied().unwrap_or(0);
                let out = if b == last { self.last_bit } else { 1 << 63 };
                hin = advance(p, m, eq, hin, out);
            }
            score = score.saturating_add_signed(isize::from(hin));
            report(j, score);
        }
    }
}

/// One column step of one 64-row block (edlib's `calculateBlock`).
/// `hin` and the result are the horizontal deltas entering at the top and
/// leaving at row `out` of the block.
#[inline]
fn advance(pv: &mut u64, mv: &mut u64, eq: u64, hin: i8, out: u64) -> i8 {
    let hin_neg = u64::from(hin < 0);
    let xv = eq | *mv;
    let eq = eq | hin_neg;
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let mut ph = *mv | !(xh | *pv);
    let mut mh = *pv & xh;
    let hout = i8::from(ph & out != 0) - i8::from(mh & out != 0);
    ph = (ph << 1) | u64::from(hin > 0);
    mh = (mh << 1) | hin_neg;
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    hout
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Plain DP: last row of the edit-distance matrix.
    fn reference(pattern: &[char], text: &[char], start: Start) -> Vec<usize> {
        let mut col: Vec<usize> = (0..=pattern.len()).collect();
        let mut out = Vec::new();
        for (j, &t) in text.iter().enumerate() {
            let mut next = vec![if start == Start::Free { 0 } else { j + 1 }];
            for (i, &p) in pattern.iter().enumerate() {
                let sub = col[i] + usize::from(p != t);
                next.push(sub.min(col[i + 1] + 1).min(next[i] + 1));
            }
            out.push(next[pattern.len()]);
            col = next;
        }
        out
    }

    fn chars() -> impl Strategy<Value = Vec<char>> {
        prop::collection::vec(
            prop::sample::select(vec!['a', 'b', '中', '文', '𠀀', 'é', 'z']),
            0..150,
        )
    }

    proptest! {
        #[test]
        fn matches_plain_dp(pattern in chars(), text in chars(), anchored in any::<bool>()) {
            let start = if anchored { Start::Anchored } else { Start::Free };
            let expected = reference(&pattern, &text, start);
            let t: String = text.iter().collect();
            let symbols = Symbols::new(&t);
            let mut pool = MaskPool::default();
            match Myers::new(&pattern, &symbols, &mut pool) {
                None => prop_assert!(pattern.is_empty()),
                Some(myers) => {
                    let mut got = Vec::new();
                    let ids = symbols.ids(0, symbols.len()).unwrap();
                    myers.scan(ids.iter().copied(), start, |_, d| got.push(d));
                    prop_assert_eq!(got, expected);
                    myers.release(&mut pool);
                    let buffer = pool.take(0);
                    prop_assert!(buffer.is_empty());
                    pool.give(buffer);
                    // Released buffers come back all zero.
                    let buffer = pool.take(symbols.alphabet_len() * pattern.len().div_ceil(64));
                    prop_assert!(buffer.iter().all(|&w| w == 0));
                }
            }
        }
    }
}
