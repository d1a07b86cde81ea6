//! Post-processing of the block list: what feeds add around an article that is not the
//! article (the feed advert, leaked "Array" text), and the outlet's byline and date lines,
//! which move into the metadata.

use super::model::{Block, RunKind, TextKind, TextUnit};

/// Markers of the feed archiver's trailing advert (`<hr><div>获取更多RSS：…</div>`).
const ADVERT_MARKERS: [&str; 2] = ["获取更多RSS", "獲取更多RSS"];

/// Remove the trailing feed advert and anything after it.
pub fn drop_feed_advert(blocks: &mut Vec<Block>) {
    let found = blocks.iter().rposition(|block| {
        block.units().iter().any(|unit| {
            let text = unit.plain_text();
            ADVERT_MARKERS
                .iter()
                .any(|m| text.trim_start().starts_with(m))
        })
    });
    if let Some(index) = found {
        blocks.truncate(index);
    }
}

/// Remove paragraphs that are only leaked template text (RFI's stray "Array").
pub fn drop_leaked_text(blocks: &mut Vec<Block>) {
    blocks.retain(|block| match block {
        Block::Text { unit, .. } => unit.plain_text().trim() != "Array",
        _ => true,
    });
}

/// Credit lines that follow a picture ("图像来源，EPA" in BBC bodies).
const CREDIT_MARKERS: [&str; 4] = ["图像来源", "圖像來源", "Image source", "图片来源"];
/// A caption line after a credit is short; longer text is the article resuming.
const MAX_CAPTION_CHARS: usize = 80;

/// Move a credit line, and the short caption line that follows it, into the caption of the
/// figure before them.
///
/// One pass that moves the blocks into a new list: removing the credit and caption from the
/// list in place would shift every later block, quadratic on a page with many pictures.
pub fn attach_credit_captions(blocks: &mut Vec<Block>) {
    let is_credit = |block: &Block| {
        matches!(block, Block::Text { kind: TextKind::Paragraph, unit }
            if CREDIT_MARKERS.iter().any(|m| unit.plain_text().starts_with(m)))
    };
    let is_caption = |block: &Block| {
        matches!(block, Block::Text { kind: TextKind::Paragraph, unit }
            if unit.plain_text().chars().count() <= MAX_CAPTION_CHARS)
    };
    let mut out = Vec::with_capacity(blocks.len());
    let mut rest = std::mem::take(blocks).into_iter().peekable();
    while let Some(mut block) = rest.next() {
        let empty_figure = matches!(&block, Block::Figure { caption, .. } if caption.is_empty());
        if empty_figure {
            if let Some(credit) = rest.next_if(is_credit) {
                let mut taken = vec![credit];
                if let Some(caption_line) = rest.next_if(is_caption) {
                    taken.insert(0, caption_line);
                }
                if let Block::Figure { caption, .. } = &mut block {
                    for (i, line) in taken.into_iter().enumerate() {
                        if let Block::Text { unit, .. } = line {
                            if i > 0 {
                                caption.runs.push(super::model::Run {
                                    kind: RunKind::Text(" · ".to_string()),
                                    style: Default::default(),
                                    start: 0,
                                });
                            }
                            caption.runs.extend(unit.runs);
                        }
                    }
                }
            }
        }
        out.push(block);
    }
    *blocks = out;
}

/// Byline and date line found at the top of the body.
#[derive(Debug, Default, PartialEq)]
pub struct Dateline {
    pub date: Option<String>,
    pub byline: Option<String>,
}

/// Look at the first few text blocks for a date line (ISO 8601, RFC 1123 or
/// `dd/mm/yyyy - hh:mm`), optionally preceded by a byline, and take them out of the body.
pub fn extract_dateline(blocks: &mut Vec<Block>) -> Dateline {
    let window = blocks.len().min(4);
    for index in 0..window {
        let Block::Text {
            kind: TextKind::Paragraph,
            unit,
        } = &blocks[index]
        else {
            continue;
        };
        let lines = lines_of(unit);
        if lines.is_empty() || lines.len() > 3 {
            continue;
        }
        let Some(last) = lines.last() else { continue };
        if !is_date_line(last) {
            continue;
        }
        // Joined by hand: `[String]::join` is one more copy of the join code in the wasm.
        let mut byline = String::new();
        for (i, line) in lines[..lines.len() - 1].iter().enumerate() {
            if i > 0 {
                byline.push(' ');
            }
            byline.push_str(line);
        }
        let found = Dateline {
            date: Some(last.clone()),
            byline: (!byline.is_empty()).then_some(byline),
        };
        blocks.remove(index);
        return found;
    }
    Dateline::default()
}

fn lines_of(unit: &TextUnit) -> Vec<String> {
    let mut lines = vec![String::new()];
    for run in &unit.runs {
        match &run.kind {
            RunKind::Break => lines.push(String::new()),
            RunKind::Text(text) => {
                if let Some(line) = lines.last_mut() {
                    line.push_str(text);
                }
            }
        }
    }
    lines
        .into_iter()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// True for the date lines feeds put at the top of a body.
pub fn is_date_line(line: &str) -> bool {
    let line = line.trim();
    if line.chars().count() > 40 {
        return false;
    }
    is_iso_datetime(line) || is_rfc1123(line) || is_dmy_time(line)
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `2024-05-13T14:07:27.973Z`, `2024-05-13 14:07`, `2024-05-13`.
fn is_iso_datetime(s: &str) -> bool {
    let date = s.get(..10).unwrap_or("");
    let parts: Vec<&str> = date.split('-').collect();
    let date_ok = parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| digits(p));
    let rest = s.get(10..).unwrap_or("");
    date_ok
        && (rest.is_empty()
            || ((rest.starts_with('T') || rest.starts_with(' '))
                && rest[1..].chars().take(2).all(|c| c.is_ascii_digit())))
}

/// `Thu, 24 Feb 2022 14:04:41 GMT`.
fn is_rfc1123(s: &str) -> bool {
    const DAYS: [&str; 7] = ["Mon,", "Tue,", "Wed,", "Thu,", "Fri,", "Sat,", "Sun,"];
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 5 && DAYS.contains(&words[0]) && digits(words[1]) && digits(words[3])
}

/// `18/01/2022 - 16:49` (RFI).
fn is_dmy_time(s: &str) -> bool {
    let date = s.split_whitespace().next().unwrap_or("");
    let parts: Vec<&str> = date.split('/').collect();
    parts.len() == 3 && parts[2].len() == 4 && parts.iter().all(|p| digits(p)) && s.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_date_lines() {
        assert!(is_date_line("2024-05-13T14:07:27.973Z"));
        assert!(is_date_line("Thu, 24 Feb 2022 14:04:41 GMT"));
        assert!(is_date_line("18/01/2022 - 16:49"));
        assert!(!is_date_line("2024年是选举年"));
        assert!(!is_date_line("美国官员表示"));
    }

    fn para(text: &str) -> Block {
        Block::Text {
            kind: TextKind::Paragraph,
            unit: TextUnit {
                runs: vec![super::super::model::Run {
                    kind: RunKind::Text(text.to_string()),
                    style: Default::default(),
                    start: 0,
                }],
            },
        }
    }

    fn figure(src: &str) -> Block {
        Block::Figure {
            image: super::super::model::Image {
                src: src.to_string(),
                alt: String::new(),
            },
            caption: TextUnit::default(),
        }
    }

    fn caption_of(block: &Block) -> String {
        match block {
            Block::Figure { caption, .. } => caption.plain_text(),
            _ => "(not a figure)".to_string(),
        }
    }

    #[test]
    fn credit_lines_move_into_the_figure_before_them() {
        let long = "正文".repeat(50);
        let mut blocks = vec![
            figure("a"),
            para("图像来源，EPA"),
            para("短说明"),
            para(&long),
            figure("b"),
            para("图像来源，Getty"),
            para(&long),
            para("图像来源，孤立"),
            figure("c"),
            para("普通段落"),
            figure("d"),
            para("Image source, Reuters"),
        ];
        attach_credit_captions(&mut blocks);
        assert_eq!(blocks.len(), 8);
        assert_eq!(caption_of(&blocks[0]), "短说明 · 图像来源，EPA");
        assert_eq!(blocks[1], para(&long));
        assert_eq!(caption_of(&blocks[2]), "图像来源，Getty");
        assert_eq!(blocks[3], para(&long));
        assert_eq!(blocks[4], para("图像来源，孤立"));
        assert_eq!(caption_of(&blocks[5]), "");
        assert_eq!(blocks[6], para("普通段落"));
        assert_eq!(caption_of(&blocks[7]), "Image source, Reuters");
    }

    #[test]
    fn many_credited_figures_in_one_pass() {
        let mut blocks = Vec::new();
        for i in 0..20_000 {
            blocks.push(figure(&i.to_string()));
            blocks.push(para("图像来源，EPA"));
            blocks.push(para("说明"));
        }
        attach_credit_captions(&mut blocks);
        assert_eq!(blocks.len(), 20_000);
        assert!(blocks
            .iter()
            .all(|b| caption_of(b) == "说明 · 图像来源，EPA"));
    }
}
