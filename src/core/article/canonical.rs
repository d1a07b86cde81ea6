//! The canonical text: the one string every offset in pizhu counts over.
//!
//! Text units (paragraphs, headings, quote paragraphs, list items, captions) in document
//! order, joined with "\n"; a `<br>` is "\n"; images and embeds contribute nothing; empty
//! units are skipped. Offsets are Unicode code points, the W3C TextPositionSelector unit.

use super::model::Block;

/// Assign every run its code-point offset and return the canonical text and its length.
pub fn assign_offsets(blocks: &mut [Block]) -> (String, usize) {
    let mut text = String::new();
    let mut offset = 0usize;
    let mut first = true;
    for block in blocks.iter_mut() {
        for unit in block.units_mut() {
            if unit.is_empty() {
                continue;
            }
            if !first {
                text.push('\n');
                offset += 1;
            }
            first = false;
            for run in &mut unit.runs {
                run.start = offset;
                text.push_str(run.text());
                offset += run.char_len();
            }
        }
    }
    (text, offset)
}
