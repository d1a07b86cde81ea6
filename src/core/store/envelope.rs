//! The versioned JSON envelopes stored under the keys of [`super::keys`]: decoding any
//! known version of an article's value into an [`ArticleState`] ([`decode_article`], with
//! the migration [`migrate_v0`]) and of the labels value ([`decode_labels`]), and encoding
//! the current version ([`encode_article`], [`encode_labels`]).
//!
//! Value versions of an article:
//! * version 0 (legacy): a bare JSON array of annotations, no tombstones.
//! * version 1: `{"version":1,"article":"<key>","annotations":[..],"tombstones":[..]}`.
//!
//! Labels: `{"version":1,"labels":[..]}`, each label valid ([`validate_labels`]).
//!
//! Reading upgrades any known older version in memory; the upgraded value is
//! written back by the next save. A version newer than this build knows is
//! reported as [`StorageError::UnsupportedVersion`] and must never be
//! overwritten. See `docs/storage.md` for the full description.

use serde::Serialize;

use super::keys::{article_key, LABELS_KEY};
use super::StorageError;
use crate::core::annotation::{Annotation, ArticleState, Tombstone};
use crate::core::de::deserialize_struct;
use crate::core::label::{validate_labels, Label};

/// Newest article envelope version this build reads and the one it writes.
pub const ARTICLE_VERSION: u64 = 1;
/// Newest labels envelope version this build reads and the one it writes.
pub const LABELS_VERSION: u64 = 1;

/// Article envelope as read (version 1).
struct ArticleEnvelopeV1 {
    version: u64,
    article: String,
    annotations: Vec<Annotation>,
    tombstones: Vec<Tombstone>,
}

deserialize_struct!(ArticleEnvelopeV1, "struct ArticleEnvelopeV1", {
    version, article, annotations, tombstones(default),
});

/// Article envelope as written (version 1), borrowing to avoid copies.
#[derive(Serialize)]
struct ArticleEnvelopeOut<'a> {
    version: u64,
    article: &'a str,
    annotations: &'a [Annotation],
    tombstones: &'a [Tombstone],
}

/// Only the version of an object-shaped value (other fields are skipped).
struct VersionProbe {
    version: Option<serde_json::Value>,
}

// A missing `version` is `None`, as the derive reads a missing `Option` field.
deserialize_struct!(VersionProbe, "struct VersionProbe", { version(default) });

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
        // `to_string` writes what `{v}` (Value's Display) writes, through the compact writer
        // the rest of the app already has; Display would be one more copy of it in the wasm.
        Some(v) => v.as_u64().ok_or_else(|| {
            let shown = serde_json::to_string(&v).unwrap_or_default();
            corrupt(
                key,
                format!("\"version\" is not a non-negative integer: {shown}"),
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
                    format!("envelope is for article \"{}\"", env.article),
                ));
            }
            Ok(ArticleState {
                annotations: env.annotations,
                tombstones: env.tombstones,
            }
            .normalized())
        }
        Ok(env) => Err(version_error(
            &key,
            env.version,
            ARTICLE_VERSION,
            "envelope",
        )),
        Err(e) => match probe_version(&key, raw)? {
            ARTICLE_VERSION => Err(corrupt(&key, e.to_string())),
            found => Err(version_error(&key, found, ARTICLE_VERSION, "envelope")),
        },
    }
}

/// A version this build cannot read: newer ones are left untouched, older unknown ones are
/// corrupt. `what` names the envelope in the message.
fn version_error(key: &str, found: u64, current: u64, what: &str) -> StorageError {
    if found > current {
        StorageError::UnsupportedVersion {
            key: key.to_owned(),
            found,
        }
    } else {
        corrupt(key, format!("unknown {what} version {found}"))
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

struct LabelsEnvelopeV1 {
    version: u64,
    labels: Vec<Label>,
}

deserialize_struct!(LabelsEnvelopeV1, "struct LabelsEnvelopeV1", { version, labels });

#[derive(Serialize)]
struct LabelsEnvelopeOut<'a> {
    version: u64,
    labels: &'a [Label],
}

/// Decode the labels envelope.
pub fn decode_labels(raw: &str) -> Result<Vec<Label>, StorageError> {
    match from_json::<LabelsEnvelopeV1>(raw) {
        Ok(env) if env.version == LABELS_VERSION => {
            validate_labels(&env.labels).map_err(|r| corrupt(LABELS_KEY, r.to_string()))?;
            Ok(env.labels)
        }
        Ok(env) => Err(version_error(
            LABELS_KEY,
            env.version,
            LABELS_VERSION,
            "labels",
        )),
        Err(e) => match probe_version(LABELS_KEY, raw)? {
            LABELS_VERSION => Err(corrupt(LABELS_KEY, e.to_string())),
            found => Err(version_error(LABELS_KEY, found, LABELS_VERSION, "labels")),
        },
    }
}

/// Encode labels as the current envelope, after validating them.
pub fn encode_labels(labels: &[Label]) -> Result<String, StorageError> {
    validate_labels(labels).map_err(|r| StorageError::Invalid(r.to_string()))?;
    serde_json::to_string(&LabelsEnvelopeOut {
        version: LABELS_VERSION,
        labels,
    })
    .map_err(|e| StorageError::Backend(format!("cannot encode labels: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::label::default_labels;

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
