//! Mapping the labels and tags of an imported file onto label ids.
//!
//! A tag (or pizhu label id) maps to a known label when it equals its id, its Chinese
//! name, or its English name (any case), or when its slug equals the id. Anything else
//! becomes a new label: id = slug of the tag, names = the tag, colour and underline taken
//! in turn from [`NEW_LABEL_COLORS`] and the five underline styles. An annotation with no
//! tag gets the fallback label [`UNTAGGED`]. New labels are reported, never stored here.

use crate::core::label::{Label, Underline};

use super::clean::one_line;
use super::groups::Skipped;
use crate::core::label::{MAX_LABEL_ID_CHARS, MAX_LABEL_NAME_CHARS};
use crate::core::text::{clean_identifier, name_key, truncate_chars, without_invisible};

/// Id of the label given to annotations that carry no tag at all.
pub const UNTAGGED: &str = "untagged";

/// Colours of labels created by an import, in turn. Like the built-in ones they keep a
/// contrast of at least 3:1 against both a white and a `#1a1a1a` page.
pub const NEW_LABEL_COLORS: [&str; 6] = [
    "#7c3aed", "#0891b2", "#a16207", "#db2777", "#4d7c0f", "#c2410c",
];

const UNDERLINES: [Underline; 6] = Underline::ALL;

/// Longest slug kept, in characters.
const MAX_SLUG: usize = 64;

/// The labels one import knows, finds and creates.
pub(crate) struct LabelBook {
    known: Vec<Label>,
    /// Labels that are not known: defined by the file or created from tags.
    new: Vec<Label>,
    created: usize,
    /// What was changed in the file's labels to fit pizhu's limits, and why.
    pub adjusted: Vec<Skipped>,
}

impl LabelBook {
    pub fn new(known: &[Label]) -> Self {
        LabelBook {
            known: known.to_vec(),
            new: Vec::new(),
            created: 0,
            adjusted: Vec::new(),
        }
    }

    /// A label defined by the file itself (pizhu's `pizhu:labels`); a known id keeps the
    /// reader's own definition.
    pub fn define(&mut self, label: Label) {
        if self.find_id(&label.id).is_none() {
            let label = self.admit(label);
            self.new.push(label);
        }
    }

    /// A new label made fit to keep: names without disguising characters and within
    /// [`MAX_LABEL_NAME_CHARS`], and told apart from every other label's names (a name
    /// that looks like another's gets its id added).
    fn admit(&mut self, mut label: Label) -> Label {
        let id = label.id.clone();
        for name in [&mut label.name_zh, &mut label.name_en] {
            let visible = without_invisible(name, false).trim().to_owned();
            let (short, cut) = truncate_chars(&visible, MAX_LABEL_NAME_CHARS);
            if cut {
                self.adjusted.push(Skipped {
                    path: format!("label {id}"),
                    reason: format!("name cut to {MAX_LABEL_NAME_CHARS} characters"),
                });
            }
            *name = if short.is_empty() { id.clone() } else { short };
        }
        let taken = |name: &str, book: &LabelBook| {
            let key = name_key(name);
            book.all()
                .any(|l| l.id != id && (name_key(&l.name_zh) == key || name_key(&l.name_en) == key))
        };
        for name in [&mut label.name_zh, &mut label.name_en] {
            if taken(name, self) {
                let (short, _) = truncate_chars(
                    name,
                    MAX_LABEL_NAME_CHARS.saturating_sub(id.chars().count() + 3),
                );
                self.adjusted.push(Skipped {
                    path: format!("label {id}"),
                    reason: format!("renamed from “{name}”: another label has that name"),
                });
                *name = format!("{short} ({id})");
            }
        }
        label
    }

    /// The colour and underline the next created label would get.
    pub fn next_style(&self) -> (String, Underline) {
        let color = NEW_LABEL_COLORS[self.created % NEW_LABEL_COLORS.len()];
        (
            color.to_owned(),
            UNDERLINES[self.created % UNDERLINES.len()],
        )
    }

    /// A pizhu label id, kept verbatim. Unknown ids become new labels named after
    /// `name_hint` (pizhu's `"中文 / English"` label name) or the id.
    pub fn by_id(&mut self, id: &str, name_hint: Option<&str>) -> String {
        let id = clean_identifier(id, MAX_LABEL_ID_CHARS);
        if id.is_empty() {
            return self.untagged();
        }
        if self.find_id(&id).is_none() {
            let hint = name_hint.map(one_line).filter(|h| !h.is_empty());
            let (zh, en) = match hint.as_deref().and_then(|h| h.split_once(" / ")) {
                Some((zh, en)) => (zh.trim().to_owned(), en.trim().to_owned()),
                None => {
                    let name = hint.unwrap_or_else(|| id.clone());
                    (name.clone(), name)
                }
            };
            self.create(&id, &zh, &en);
        }
        id
    }

    /// A free-form tag from another tool, matched by id, name or slug.
    pub fn by_tag(&mut self, tag: &str) -> String {
        let tag = without_invisible(&one_line(tag), false);
        if tag.is_empty() {
            return self.untagged();
        }
        if let Some(id) = self.find_tag(&tag) {
            return id;
        }
        let mut id = slug(&tag);
        if id.is_empty() {
            id = "tag".to_owned();
        }
        if self.find_id(&id).is_none() {
            self.create(&id, &tag, &tag);
        }
        id
    }

    /// The label of an annotation with these tags (pizhu keeps one label per annotation):
    /// the first tag that names a label the reader knows, else the first tag, else
    /// [`UNTAGGED`]. The other tags are not kept.
    pub fn pick_tag<S: AsRef<str>>(&mut self, tags: &[S]) -> String {
        let known = tags.iter().find(|t| {
            let tag = one_line(t.as_ref());
            let slug = slug(&tag);
            self.known
                .iter()
                .any(|l| matches_label(l, &tag) || l.id == slug)
        });
        match known.or(tags.first()) {
            Some(tag) => self.by_tag(tag.as_ref()),
            None => self.untagged(),
        }
    }

    /// The fallback label for an annotation without a tag.
    pub fn untagged(&mut self) -> String {
        if self.find_id(UNTAGGED).is_none() {
            self.new.push(Label {
                id: UNTAGGED.to_owned(),
                name_zh: "未分类".to_owned(),
                name_en: "Untagged".to_owned(),
                color: "#6b7280".to_owned(),
                underline: Underline::Dotted,
            });
        }
        UNTAGGED.to_owned()
    }

    /// The labels among `used` (in first-use order) that the reader does not know yet.
    pub fn new_labels<'s>(&self, used: impl IntoIterator<Item = &'s str>) -> Vec<Label> {
        let mut out: Vec<Label> = Vec::new();
        for id in used {
            if out.iter().any(|l| l.id == id) {
                continue;
            }
            if let Some(label) = self.new.iter().find(|l| l.id == id) {
                out.push(label.clone());
            }
        }
        out
    }

    fn create(&mut self, id: &str, zh: &str, en: &str) {
        let (color, underline) = self.next_style();
        self.created += 1;
        let label = self.admit(Label {
            id: id.to_owned(),
            name_zh: zh.to_owned(),
            name_en: en.to_owned(),
            color,
            underline,
        });
        self.new.push(label);
    }

    fn all(&self) -> impl Iterator<Item = &Label> {
        self.known.iter().chain(&self.new)
    }

    fn find_id(&self, id: &str) -> Option<&Label> {
        self.all().find(|l| l.id == id)
    }

    fn find_tag(&self, tag: &str) -> Option<String> {
        if let Some(label) = self.all().find(|l| matches_label(l, tag)) {
            return Some(label.id.clone());
        }
        let slug = slug(tag);
        self.find_id(&slug).map(|l| l.id.clone())
    }
}

fn matches_label(label: &Label, tag: &str) -> bool {
    label.id == tag || label.name_zh == tag || label.name_en.eq_ignore_ascii_case(tag)
}

/// Lowercase letters and digits of any script; every other run of characters becomes
/// one `-`; no `-` at either end; at most [`MAX_SLUG`] characters.
pub fn slug(tag: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in tag.chars() {
        if crate::core::text::is_alphanumeric(c) {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            crate::core::text::push_lowercase(&mut out, c);
        } else {
            dash = true;
        }
    }
    out.chars().take(MAX_SLUG).collect::<String>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::label::default_labels;

    #[test]
    fn tags_map_to_known_labels_or_new_ones() {
        let mut book = LabelBook::new(&default_labels());
        assert_eq!(book.by_tag("政策表态"), "policy");
        assert_eq!(book.by_tag("factual CLAIM"), "fact");
        assert_eq!(book.by_tag("Quote"), "quote");
        assert_eq!(book.by_tag("Human rights!"), "human-rights");
        assert_eq!(book.by_tag("human rights"), "human-rights");
        assert_eq!(book.by_tag("台湾"), "台湾");
        assert_eq!(book.by_tag(""), UNTAGGED);
        assert_eq!(book.pick_tag(&["台湾", "Opinion"]), "opinion");
        assert_eq!(book.pick_tag(&["新标签", "另一个"]), "新标签");
        assert_eq!(book.pick_tag::<&str>(&[]), UNTAGGED);
        let new = book.new_labels(["policy", "human-rights", "台湾", UNTAGGED, "台湾", "新标签"]);
        let ids: Vec<_> = new.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["human-rights", "台湾", UNTAGGED, "新标签"]);
        assert_eq!(new[0].color, NEW_LABEL_COLORS[0]);
        assert_eq!(new[1].color, NEW_LABEL_COLORS[1]);
        assert_eq!(new[1].underline, Underline::Dashed);
    }

    #[test]
    fn pizhu_ids_are_kept_verbatim() {
        let mut book = LabelBook::new(&default_labels());
        assert_eq!(book.by_id("fact", None), "fact");
        assert_eq!(book.by_id("My Label", Some("我的 / Mine")), "My Label");
        let new = book.new_labels(["My Label"]);
        assert_eq!(
            (new[0].name_zh.as_str(), new[0].name_en.as_str()),
            ("我的", "Mine")
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("  --Hello, World--  "), "hello-world");
        assert_eq!(slug("!!!"), "");
        assert_eq!(slug("COVID-19 政策"), "covid-19-政策");
    }
}
