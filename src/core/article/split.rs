//! Very long paragraphs are shown as several, cut at sentence ends.
//!
//! The browser lays out a paragraph as one piece: a single `<p>` of megabytes (a feed that
//! lost its paragraph breaks) takes seconds to lay out, faster than linearly with its length
//! in justified Latin text, and again after every highlight in it. Pieces of a few thousand
//! characters keep both bounded. Nothing of the text is lost: a cut goes after the sentence's
//! closing punctuation and the space that follows it, so the rendered text (what a peer reads,
//! `core::text::RenderedText`) is unchanged; the canonical text gains a separator there.

use super::model::{Block, Run, RunKind, TextKind, TextUnit};
use crate::core::text::floor_boundary;

/// A paragraph longer than this (in code points) is cut at the first sentence end after it.
pub const PIECE_CHARS: usize = 4_000;
/// No piece is longer than this: without a sentence end it is cut at the last space, else
/// at a grapheme boundary.
pub const MAX_PIECE_CHARS: usize = 8_000;

/// Cuts every paragraph and quote longer than [`PIECE_CHARS`]; returns whether any was.
pub fn split_long_paragraphs(blocks: &mut Vec<Block>) -> bool {
    let long =
        |block: &Block| matches!(block, Block::Text { kind, unit } if long_text(*kind, unit));
    if !blocks.iter().any(long) {
        return false;
    }
    let mut out = Vec::with_capacity(blocks.len() + 8);
    for block in blocks.drain(..) {
        match block {
            Block::Text { kind, unit } if long_text(kind, &unit) => out.extend(
                pieces(unit)
                    .into_iter()
                    .map(|unit| Block::Text { kind, unit }),
            ),
            other => out.push(other),
        }
    }
    *blocks = out;
    true
}

fn long_text(kind: TextKind, unit: &TextUnit) -> bool {
    matches!(kind, TextKind::Paragraph | TextKind::Quote) && char_len(unit) > PIECE_CHARS
}

fn char_len(unit: &TextUnit) -> usize {
    unit.runs.iter().map(Run::char_len).sum()
}

fn pieces(unit: TextUnit) -> Vec<TextUnit> {
    let mut done = Vec::new();
    let mut piece = TextUnit::default();
    let mut len = 0;
    for run in unit.runs {
        let RunKind::Text(text) = &run.kind else {
            len += 1;
            piece.runs.push(run);
            continue;
        };
        let mut rest = text.as_str();
        while let Some(cut) = cut_point(rest, len) {
            let (head, tail) = rest.split_at(cut);
            if !head.is_empty() {
                piece.runs.push(Run {
                    kind: RunKind::Text(head.to_owned()),
                    ..run.clone()
                });
            }
            done.push(std::mem::take(&mut piece));
            len = 0;
            rest = tail;
        }
        if !rest.is_empty() {
            len += rest.chars().count();
            piece.runs.push(Run {
                kind: RunKind::Text(rest.to_owned()),
                ..run.clone()
            });
        }
    }
    if !piece.runs.is_empty() {
        done.push(piece);
    }
    done
}

/// Where in `text` the current piece (already `len` code points long) ends, if it ends in
/// `text`: just after a sentence's end and its space once the piece is long enough, or at
/// the hard limit. Never at 0 of an empty piece, never at the end of `text`.
fn cut_point(text: &str, len: usize) -> Option<usize> {
    let mut last_space = None;
    let mut ended = false;
    let mut previous = '\0';
    for (count, (i, c)) in (len..).zip(text.char_indices()) {
        if count >= PIECE_CHARS && i > 0 && ended && !c.is_whitespace() && !closes(c) {
            let after_space = previous.is_whitespace();
            let after_cjk_end = matches!(previous, '。' | '！' | '？' | '…') || closes(previous);
            if after_space || after_cjk_end {
                return Some(i);
            }
        }
        if count >= MAX_PIECE_CHARS {
            let cut = last_space.unwrap_or_else(|| floor_boundary(text, i));
            return (cut > 0 || len > 0).then_some(cut);
        }
        match c {
            '.' | '!' | '?' | '。' | '！' | '？' | '…' => ended = true,
            _ if c.is_whitespace() => last_space = Some(i + c.len_utf8()),
            _ if closes(c) => {}
            _ => ended = false,
        }
        previous = c;
    }
    None
}

/// Closing quotes and brackets that may follow a sentence's end.
fn closes(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | '」' | '』' | ')' | '）' | '》')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Vec<Block> {
        vec![Block::Text {
            kind: TextKind::Paragraph,
            unit: TextUnit {
                runs: vec![Run {
                    kind: RunKind::Text(text.to_owned()),
                    style: Default::default(),
                    start: 0,
                }],
            },
        }]
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .flat_map(Block::units)
            .map(TextUnit::plain_text)
            .collect()
    }

    #[test]
    fn short_paragraphs_stay_whole() {
        let mut blocks = paragraph("One sentence. Another one.");
        assert!(!split_long_paragraphs(&mut blocks));
        assert_eq!(texts(&blocks).len(), 1);
    }

    #[test]
    fn long_latin_text_is_cut_after_sentence_ends_and_keeps_every_character() {
        let sentence = "The minister said the plan will start next year. ";
        let text = sentence.repeat(2_000);
        let mut blocks = paragraph(&text);
        assert!(split_long_paragraphs(&mut blocks));
        let pieces = texts(&blocks);
        assert!(pieces.len() > 20, "{} pieces", pieces.len());
        assert_eq!(pieces.concat(), text, "nothing lost, spaces kept");
        for piece in &pieces[..pieces.len() - 1] {
            let n = piece.chars().count();
            assert!(
                (PIECE_CHARS..PIECE_CHARS + sentence.len()).contains(&n),
                "{n}"
            );
            assert!(
                piece.ends_with("year. "),
                "{:?}",
                &piece[piece.len() - 10..]
            );
        }
    }

    #[test]
    fn chinese_is_cut_after_a_full_stop_and_its_closing_quote() {
        let text = "他说：“我们将继续推进改革。”".repeat(1_000);
        let mut blocks = paragraph(&text);
        assert!(split_long_paragraphs(&mut blocks));
        let pieces = texts(&blocks);
        assert_eq!(pieces.concat(), text);
        assert!(pieces[..pieces.len() - 1]
            .iter()
            .all(|p| p.ends_with("。”")));
    }

    #[test]
    fn text_without_sentence_ends_is_cut_at_spaces_then_anywhere() {
        let words = "word ".repeat(5_000);
        let mut blocks = paragraph(&words);
        split_long_paragraphs(&mut blocks);
        let pieces = texts(&blocks);
        assert_eq!(pieces.concat(), words);
        assert!(pieces.iter().all(|p| p.chars().count() <= MAX_PIECE_CHARS));
        assert!(pieces[..pieces.len() - 1].iter().all(|p| p.ends_with(' ')));

        let solid = "字".repeat(20_000);
        let mut blocks = paragraph(&solid);
        split_long_paragraphs(&mut blocks);
        let pieces = texts(&blocks);
        assert_eq!(pieces.concat(), solid);
        assert_eq!(pieces.len(), 3);
    }

    #[test]
    fn styles_and_breaks_survive_the_cut() {
        let mut runs = Vec::new();
        for i in 0..400 {
            runs.push(Run {
                kind: RunKind::Text("Short sentence here. ".to_owned()),
                style: crate::core::article::model::Style {
                    emphasis: i % 2 == 0,
                    ..Default::default()
                },
                start: 0,
            });
            if i % 50 == 0 {
                runs.push(Run {
                    kind: RunKind::Break,
                    style: Default::default(),
                    start: 0,
                });
            }
        }
        let before: String = runs.iter().map(Run::text).collect();
        let mut blocks = vec![Block::Text {
            kind: TextKind::Quote,
            unit: TextUnit { runs },
        }];
        assert!(split_long_paragraphs(&mut blocks));
        assert!(blocks.len() > 1);
        assert!(blocks.iter().all(|b| matches!(
            b,
            Block::Text {
                kind: TextKind::Quote,
                ..
            }
        )));
        assert_eq!(texts(&blocks).concat(), before);
    }
}
