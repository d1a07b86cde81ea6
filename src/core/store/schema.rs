//! The storage schema: key names, the versioned JSON envelopes, migrations
//! from older shapes, and the label palette ([`Label`], [`default_labels`]).
//!
//! | key                                 | value                                  |
//! |-------------------------------------|----------------------------------------|
//! | `pizhu:v1:article:<article-key>`    | article envelope, [`ARTICLE_VERSION`]  |
//! | `pizhu:v1:labels`                   | labels envelope, [`LABELS_VERSION`]    |
//! | `pizhu:v1:last-article`             | raw text of the last opened article    |
//! | `pizhu:backup:<original key>:<ms>`  | an unreadable value, kept aside        |
//!
//! Value versions of an article:
//! * version 0 (legacy): a bare JSON array of annotations, no tombstones.
//! * version 1: `{"version":1,"article":"<key>","annotations":[..],"tombstones":[..]}`.
//!
//! Reading upgrades any known older version in memory; the upgraded value is
//! written back by the next save. A version newer than this build knows is
//! reported as [`StorageError::UnsupportedVersion`] and must never be
//! overwritten. See `docs/storage.md` for the full description.

use serde::{Deserialize, Serialize};

use super::merge::{ArticleState, Tombstone};
use super::StorageError;
use crate::core::annotation::Annotation;

/// Prefix shared by every key this app writes.
pub const APP_PREFIX: &str = "pizhu:";
/// Prefix of article keys; the article key follows it verbatim.
pub const ARTICLE_PREFIX: &str = "pizhu:v1:article:";
/// Key of the labels envelope.
pub const LABELS_KEY: &str = "pizhu:v1:labels";
/// Key of the raw text of the last opened article.
pub const LAST_ARTICLE_KEY: &str = "pizhu:v1:last-article";
/// Prefix of backup keys: `pizhu:backup:<original key>:<ms>`.
pub const BACKUP_PREFIX: &str = "pizhu:backup:";
/// Newest article envelope version this build reads and the one it writes.
pub const ARTICLE_VERSION: u64 = 1;
/// Newest labels envelope version this build reads and the one it writes.
pub const LABELS_VERSION: u64 = 1;

/// A parsed storage key, e.g. from a browser `storage` event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageKey {
    /// `pizhu:v1:article:<article-key>`
    Article(String),
    /// `pizhu:v1:labels`
    Labels,
    /// `pizhu:v1:last-article`
    LastArticle,
    /// `pizhu:backup:<original>:<ms>`
    Backup { original: String, at: i64 },
    /// Any other key (other apps, unknown pizhu keys).
    Other,
}

/// The storage key of an article.
pub fn article_key(article: &str) -> String {
    format!("{ARTICLE_PREFIX}{article}")
}

/// The backup key for `original` taken at `at` ms.
pub fn backup_key(original: &str, at: i64) -> String {
    format!("{BACKUP_PREFIX}{original}:{at}")
}

/// Classify a storage key.
pub fn parse_key(key: &str) -> StorageKey {
    if key == LABELS_KEY {
        StorageKey::Labels
    } else if key == LAST_ARTICLE_KEY {
        StorageKey::LastArticle
    } else if let Some(article) = key.strip_prefix(ARTICLE_PREFIX) {
        StorageKey::Article(article.to_owned())
    } else if let Some(rest) = key.strip_prefix(BACKUP_PREFIX) {
        match rest.rsplit_once(':') {
            Some((original, at)) if !original.is_empty() => match at.parse::<i64>() {
                Ok(at) => StorageKey::Backup {
                    original: original.to_owned(),
                    at,
                },
                Err(_) => StorageKey::Other,
            },
            _ => StorageKey::Other,
        }
    } else {
        StorageKey::Other
    }
}

/// Article envelope as read (version 1).
#[derive(Deserialize)]
struct ArticleEnvelopeV1 {
    version: u64,
    article: String,
    annotations: Vec<Annotation>,
    #[serde(default)]
    tombstones: Vec<Tombstone>,
}

/// Article envelope as written (version 1), borrowing to avoid copies.
#[derive(Serialize)]
struct ArticleEnvelopeOut<'a> {
    version: u64,
    article: &'a str,
    annotations: &'a [Annotation],
    tombstones: &'a [Tombstone],
}

/// Only the version of an object-shaped value (other fields are skipped).
#[derive(Deserialize)]
struct VersionProbe {
    version: Option<serde_json::Value>,
}

fn corrupt(key: &str, reason: impl Into<String>) -> StorageError {
    StorageError::Corrupt {
        key: key.to_owned(),
        reason: reason.into(),
    }
}

/// Parses stored JSON. Through `from_slice` rather than `from_str`: the annotation import reads
/// bytes with `from_slice`, and each reader type instantiates serde_json's whole parser again in
/// the wasm. The result is the same for any `&str`.
fn from_json<'a, T: serde::Deserialize<'a>>(raw: &'a str) -> serde_json::Result<T> {
    serde_json::from_slice(raw.as_bytes())
}

/// Read the version of an object-shaped value: `Ok(Some(v))` for an integer
/// version, `Err(Corrupt)` if it is not JSON, not an object, or has no
/// non-negative integer `version`.
fn probe_version(key: &str, raw: &str) -> Result<u64, StorageError> {
    let probe: VersionProbe = from_json(raw).map_err(|e| corrupt(key, e.to_string()))?;
    match probe.version {
        None => Err(corrupt(key, "missing \"version\"")),
        Some(v) => v.as_u64().ok_or_else(|| {
            corrupt(
                key,
                format!("\"version\" is not a non-negative integer: {v}"),
            )
        }),
    }
}

/// Decode the stored value of `article` (any known version) into a canonical
/// [`ArticleState`]. Errors: [`StorageError::Corrupt`] for anything
/// unreadable, [`StorageError::UnsupportedVersion`] for a newer version.
pub fn decode_article(article: &str, raw: &str) -> Result<ArticleState, StorageError> {
    let key = article_key(article);
    if raw.trim_start().starts_with('[') {
        let annotations: Vec<Annotation> =
            from_json(raw).map_err(|e| corrupt(&key, format!("version 0: {e}")))?;
        return Ok(migrate_v0(annotations));
    }
    // Fast path: one pass for the current shape; classify failures afterwards.
    match from_json::<ArticleEnvelopeV1>(raw) {
        Ok(env) if env.version == ARTICLE_VERSION => {
            if env.article != article {
                return Err(corrupt(
                    &key,
                    format!("envelope is for article {:?}", env.article),
                ));
            }
            Ok(ArticleState {
                annotations: env.annotations,
                tombstones: env.tombstones,
            }
            .normalized())
        }
        Ok(env) => Err(version_error(&key, env.version)),
        Err(e) => match probe_version(&key, raw)? {
            ARTICLE_VERSION => Err(corrupt(&key, e.to_string())),
            found => Err(version_error(&key, found)),
        },
    }
}

fn version_error(key: &str, found: u64) -> StorageError {
    if found > ARTICLE_VERSION {
        StorageError::UnsupportedVersion {
            key: key.to_owned(),
            found,
        }
    } else {
        corrupt(key, format!("unknown envelope version {found}"))
    }
}

/// Upgrade a version 0 value (a bare array of annotations) to the current
/// state: the annotations are kept, there are no tombstones.
pub fn migrate_v0(annotations: Vec<Annotation>) -> ArticleState {
    ArticleState {
        annotations,
        tombstones: Vec::new(),
    }
    .normalized()
}

/// Encode `state` as the current (version 1) envelope for `article`.
pub fn encode_article(article: &str, state: &ArticleState) -> Result<String, StorageError> {
    serde_json::to_string(&ArticleEnvelopeOut {
        version: ARTICLE_VERSION,
        article,
        annotations: &state.annotations,
        tombstones: &state.tombstones,
    })
    .map_err(|e| StorageError::Backend(format!("cannot encode article: {e}")))
}

/// Underline style of a label, as CSS `text-decoration-style` values.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
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

    pub const ALL: [Underline; 6] = [
        Underline::Solid,
        Underline::Dashed,
        Underline::Dotted,
        Underline::Double,
        Underline::Wavy,
        Underline::Thick,
    ];
}

/// An annotation label (claim type).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
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
    pub fn validate(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("label id is empty".into());
        }
        if !is_hex_color(&self.color) {
            return Err(format!(
                "label {:?}: color {:?} is not #rrggbb",
                self.id, self.color
            ));
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
pub fn validate_labels(labels: &[Label]) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for label in labels {
        label.validate()?;
        if !seen.insert(label.id.as_str()) {
            return Err(format!("duplicate label id {:?}", label.id));
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

#[derive(Deserialize)]
struct LabelsEnvelopeV1 {
    version: u64,
    labels: Vec<Label>,
}

#[derive(Serialize)]
struct LabelsEnvelopeOut<'a> {
    version: u64,
    labels: &'a [Label],
}

/// Decode the labels envelope.
pub fn decode_labels(raw: &str) -> Result<Vec<Label>, StorageError> {
    match from_json::<LabelsEnvelopeV1>(raw) {
        Ok(env) if env.version == LABELS_VERSION => {
            validate_labels(&env.labels).map_err(|r| corrupt(LABELS_KEY, r))?;
            Ok(env.labels)
        }
        Ok(env) => Err(labels_version_error(env.version)),
        Err(e) => match probe_version(LABELS_KEY, raw)? {
            LABELS_VERSION => Err(corrupt(LABELS_KEY, e.to_string())),
            found => Err(labels_version_error(found)),
        },
    }
}

fn labels_version_error(found: u64) -> StorageError {
    if found > LABELS_VERSION {
        StorageError::UnsupportedVersion {
            key: LABELS_KEY.to_owned(),
            found,
        }
    } else {
        corrupt(LABELS_KEY, format!("unknown labels version {found}"))
    }
}

/// Encode labels as the current envelope, after validating them.
pub fn encode_labels(labels: &[Label]) -> Result<String, StorageError> {
    validate_labels(labels).map_err(StorageError::Invalid)?;
    serde_json::to_string(&LabelsEnvelopeOut {
        version: LABELS_VERSION,
        labels,
    })
    .map_err(|e| StorageError::Backend(format!("cannot encode labels: {e}")))
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
    fn keys_round_trip() {
        assert_eq!(
            parse_key(&article_key("a:b")),
            StorageKey::Article("a:b".into())
        );
        assert_eq!(parse_key(LABELS_KEY), StorageKey::Labels);
        assert_eq!(parse_key(LAST_ARTICLE_KEY), StorageKey::LastArticle);
        assert_eq!(
            parse_key(&backup_key("pizhu:v1:article:x:y", 42)),
            StorageKey::Backup {
                original: "pizhu:v1:article:x:y".into(),
                at: 42
            }
        );
        assert_eq!(parse_key("pizhu:backup:nots"), StorageKey::Other);
        assert_eq!(parse_key("other"), StorageKey::Other);
    }

    #[test]
    fn labels_round_trip_and_reject_bad_values() {
        let raw = encode_labels(&default_labels()).unwrap_or_default();
        assert_eq!(decode_labels(&raw), Ok(default_labels()));
        let mut bad = default_labels();
        bad[0].color = "blue".into();
        assert!(matches!(encode_labels(&bad), Err(StorageError::Invalid(_))));
        let bad_style = raw.replace("\"wavy\"", "\"zigzag\"");
        assert!(matches!(
            decode_labels(&bad_style),
            Err(StorageError::Corrupt { .. })
        ));
        assert!(matches!(
            decode_labels(r#"{"version":2,"labels":"new shape"}"#),
            Err(StorageError::UnsupportedVersion { found: 2, .. })
        ));
    }
}
