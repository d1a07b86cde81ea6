//! The label palette: a [`Label`] (claim type) with its colour and [`Underline`] style, the
//! built-in labels ([`default_labels`]), and the rules a label list must follow
//! ([`validate_labels`], failing with a [`LabelError`]). Storage keeps labels and import
//! creates them, but neither defines them.

use serde::{Deserialize, Serialize};

use crate::core::de::deserialize_struct;
use crate::core::text::{name_key, without_invisible};

/// Underline style of a label, as CSS `text-decoration-style` values. Stored as its
/// lowercase name (`"solid"` ... `"thick"`); serde by hand, as a string: the derived enum
/// visitor cost 1.5 KB of wasm for six names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Underline {
    Solid,
    Dashed,
    Dotted,
    Double,
    Wavy,
    /// A solid underline drawn at triple thickness: the sixth distinct cue.
    Thick,
}

impl Underline {
    /// The CSS keyword.
    pub fn as_css(self) -> &'static str {
        match self {
            Underline::Solid => "solid",
            Underline::Dashed => "dashed",
            Underline::Dotted => "dotted",
            Underline::Double => "double",
            Underline::Wavy => "wavy",
            Underline::Thick => "solid",
        }
    }

    /// Line thickness in CSS pixels.
    pub fn thickness_px(self) -> u8 {
        match self {
            Underline::Thick => 4,
            Underline::Double => 3,
            _ => 2,
        }
    }

    /// The stored name.
    pub fn name(self) -> &'static str {
        UNDERLINE_NAMES[self as usize]
    }

    pub const ALL: [Underline; 6] = [
        Underline::Solid,
        Underline::Dashed,
        Underline::Dotted,
        Underline::Double,
        Underline::Wavy,
        Underline::Thick,
    ];
}

const UNDERLINE_NAMES: [&str; 6] = ["solid", "dashed", "dotted", "double", "wavy", "thick"];

impl Serialize for Underline {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Underline {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        match UNDERLINE_NAMES.iter().position(|n| *n == name) {
            Some(at) => Ok(Underline::ALL[at]),
            None => Err(serde::de::Error::unknown_variant(&name, &UNDERLINE_NAMES)),
        }
    }
}

/// An annotation label (claim type).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Stable id referenced by `Annotation::label`.
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    /// `#rrggbb`; the UI uses it translucent as highlight background and
    /// opaque for the underline.
    pub color: String,
    pub underline: Underline,
}

deserialize_struct!(Label, "struct Label", {
    id, name_zh, name_en, color, underline,
});

/// What is wrong with a label or a label list.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    /// A label has an empty id.
    #[error("label id is empty")]
    EmptyId,
    /// A label's colour is not `#rrggbb`.
    #[error("label \"{id}\": color \"{color}\" is not #rrggbb")]
    BadColor { id: String, color: String },
    /// Two labels of one list share an id.
    #[error("duplicate label id \"{0}\"")]
    DuplicateId(String),
    /// A name longer than [`MAX_LABEL_NAME_CHARS`].
    #[error(
        "The label name “{0}…” is too long: at most {max} characters. 标签名称过长。",
        max = MAX_LABEL_NAME_CHARS
    )]
    NameTooLong(String),
    /// Two labels whose names look the same (invisible characters, spaces and ASCII case
    /// aside): a reader could not tell them apart.
    #[error("Two labels are named “{0}”: give each a name of its own. 两个标签同名，请改名。")]
    DuplicateName(String),
}

/// The longest label id kept (ids are short slugs; an import may not make them long).
pub const MAX_LABEL_ID_CHARS: usize = 64;
/// The longest label name, in either language.
pub const MAX_LABEL_NAME_CHARS: usize = 40;

/// Check the names of a label list as a reader edits it: each within
/// [`MAX_LABEL_NAME_CHARS`], and no two that look the same (see [`name_key`]). Stored lists
/// are not held to this (older ones may break it); new edits are.
pub fn check_names(labels: &[Label]) -> Result<(), LabelError> {
    // (name key, label id) of the names seen so far; a label may use one name twice.
    let mut seen: Vec<(String, &str)> = Vec::new();
    for label in labels {
        for name in [&label.name_zh, &label.name_en] {
            if name.chars().count() > MAX_LABEL_NAME_CHARS {
                return Err(LabelError::NameTooLong(name.chars().take(12).collect()));
            }
            let key = name_key(name);
            if seen.iter().any(|(k, id)| *k == key && *id != label.id) {
                let shown = without_invisible(name, false);
                return Err(LabelError::DuplicateName(shown.trim().to_owned()));
            }
            if !key.is_empty() {
                seen.push((key, &label.id));
            }
        }
    }
    Ok(())
}

impl Label {
    fn new(id: &str, zh: &str, en: &str, color: &str, underline: Underline) -> Self {
        Label {
            id: id.to_owned(),
            name_zh: zh.to_owned(),
            name_en: en.to_owned(),
            color: color.to_owned(),
            underline,
        }
    }

    /// Check the schema constraints of one label.
    pub fn validate(&self) -> Result<(), LabelError> {
        if self.id.is_empty() {
            return Err(LabelError::EmptyId);
        }
        if !is_hex_color(&self.color) {
            return Err(LabelError::BadColor {
                id: self.id.clone(),
                color: self.color.clone(),
            });
        }
        Ok(())
    }
}

/// Whether `s` is `#rrggbb` (hex digits, either case).
pub fn is_hex_color(s: &str) -> bool {
    match s.strip_prefix('#') {
        Some(hex) => hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()),
        None => false,
    }
}

/// Check a whole label list: each label valid, ids unique.
pub fn validate_labels(labels: &[Label]) -> Result<(), LabelError> {
    let mut seen = std::collections::HashSet::new();
    for label in labels {
        label.validate()?;
        if !seen.insert(label.id.as_str()) {
            return Err(LabelError::DuplicateId(label.id.clone()));
        }
    }
    Ok(())
}

/// The built-in labels, in display order.
///
/// Colours: relative luminance between 0.14 and 0.27, so each has a contrast
/// of at least 3:1 against both a white page and a `#1a1a1a` dark page (the
/// underline stays visible, and a ~25–35 % alpha tint stays readable under
/// either theme's text colour). Hues are spread around the wheel; the pairs
/// that collapse under red-green colour blindness (policy/quote,
/// fact/opinion) have different underline styles. Each of the six labels has
/// its own underline (the sixth is a thick solid line), so no label relies on
/// colour alone.
pub fn default_labels() -> Vec<Label> {
    vec![
        Label::new(
            "policy",
            "政策表态",
            "Policy statement",
            "#2563eb",
            Underline::Solid,
        ),
        Label::new(
            "fact",
            "事实陈述",
            "Factual claim",
            "#16a34a",
            Underline::Dashed,
        ),
        Label::new("quote", "引语", "Quote", "#c026d3", Underline::Dotted),
        Label::new(
            "commitment",
            "承诺/预测",
            "Commitment or prediction",
            "#ea580c",
            Underline::Thick,
        ),
        Label::new(
            "statistic",
            "数据",
            "Statistic",
            "#0d9488",
            Underline::Double,
        ),
        Label::new("opinion", "观点", "Opinion", "#e11d48", Underline::Wavy),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0)) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: f64, b: f64) -> f64 {
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn default_label_colours_work_on_light_and_dark() {
        let (white, dark) = (luminance("#ffffff"), luminance("#1a1a1a"));
        for label in default_labels() {
            assert!(is_hex_color(&label.color), "{}", label.id);
            let l = luminance(&label.color);
            assert!(contrast(l, white) >= 3.0, "{} on white", label.id);
            assert!(contrast(l, dark) >= 3.0, "{} on dark", label.id);
        }
    }

    #[test]
    fn default_labels_are_distinct_and_valid() {
        let labels = default_labels();
        assert_eq!(validate_labels(&labels), Ok(()));
        let mut colours: Vec<_> = labels.iter().map(|l| l.color.clone()).collect();
        crate::core::sort::sort(&mut colours);
        colours.dedup();
        assert_eq!(colours.len(), 6);
        let mut styles: Vec<_> = labels.iter().map(|l| l.underline.as_css()).collect();
        crate::core::sort::sort(&mut styles);
        styles.dedup();
        assert_eq!(styles.len(), 5, "every underline style is used");
    }

    #[test]
    fn label_errors_say_what_is_wrong() {
        let mut labels = default_labels();
        labels[1].id = labels[0].id.clone();
        assert_eq!(
            validate_labels(&labels),
            Err(LabelError::DuplicateId("policy".into()))
        );
        assert_eq!(
            LabelError::DuplicateId("policy".into()).to_string(),
            "duplicate label id \"policy\""
        );
        let mut label = default_labels().remove(0);
        label.color = "blue".into();
        assert_eq!(
            label.validate().map_err(|e| e.to_string()),
            Err("label \"policy\": color \"blue\" is not #rrggbb".to_owned())
        );
        label.id.clear();
        assert_eq!(label.validate(), Err(LabelError::EmptyId));
        assert_eq!(LabelError::EmptyId.to_string(), "label id is empty");
    }

    #[test]
    fn names_must_be_short_and_tell_apart() {
        let labels = default_labels();
        assert_eq!(check_names(&labels), Ok(()));
        let mut twin = labels.clone();
        twin[1].name_zh = "政策表态\u{200b}".into();
        assert_eq!(
            check_names(&twin),
            Err(LabelError::DuplicateName("政策表态".into()))
        );
        let mut cased = labels.clone();
        cased[2].name_en = " policy STATEMENT ".into();
        assert!(matches!(
            check_names(&cased),
            Err(LabelError::DuplicateName(_))
        ));
        let mut long = labels;
        long[0].name_en = "x".repeat(MAX_LABEL_NAME_CHARS + 1);
        assert!(matches!(
            check_names(&long),
            Err(LabelError::NameTooLong(_))
        ));
    }

    #[test]
    fn underlines_are_stored_by_name() {
        for underline in Underline::ALL {
            let json = serde_json::to_string(&underline).unwrap();
            assert_eq!(json, format!("\"{}\"", underline.name()));
            assert_eq!(serde_json::from_str::<Underline>(&json).unwrap(), underline);
        }
        let wrong = serde_json::from_str::<Underline>("\"zigzag\"").unwrap_err();
        assert!(
            wrong.to_string().contains("unknown variant `zigzag`"),
            "{wrong}"
        );
    }
}
