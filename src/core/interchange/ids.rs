//! Annotation ids in files and in the store.
//!
//! The store keeps bare ids (a UUID for annotations made in pizhu). In a file a UUID is
//! written `urn:uuid:<uuid>`, an id that is already an IRI is written as it is, and any
//! other id as `urn:pizhu:annotation:<id>`; reading strips those two prefixes again, so
//! every id the store can hold survives export and import. An item without an id gets
//! one derived from its content, so importing the same file twice gives the same ids.

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::clean::one_line;
use super::hash::hex;

const UUID_PREFIX: &str = "urn:uuid:";
const PIZHU_PREFIX: &str = "urn:pizhu:annotation:";

/// The id as written in an export.
pub(crate) fn export_id(id: &str) -> String {
    if is_uuid(id) {
        format!("{UUID_PREFIX}{id}")
    } else if has_scheme(id) {
        id.to_owned()
    } else {
        format!("{PIZHU_PREFIX}{id}")
    }
}

/// The id to store for an id read from a file (`None` if it is blank).
pub(crate) fn import_id(raw: &str) -> Option<String> {
    let id = one_line(raw);
    let bare = id
        .strip_prefix(UUID_PREFIX)
        .or_else(|| id.strip_prefix(PIZHU_PREFIX))
        .unwrap_or(&id);
    (!bare.is_empty()).then(|| bare.to_owned())
}

/// A UUID-shaped id derived from the item's JSON (keys sorted, so stable).
pub(crate) fn derived_id(item: &Value) -> String {
    let text = serde_json::to_string(item).unwrap_or_default();
    let h = hex(&Sha256::digest(text.as_bytes()));
    let part = |a: usize, b: usize| h.get(a..b).unwrap_or("0");
    format!(
        "{}-{}-8{}-8{}-{}",
        part(0, 8),
        part(8, 12),
        part(13, 16),
        part(17, 20),
        part(20, 32)
    )
}

fn is_uuid(id: &str) -> bool {
    id.len() == 36
        && id.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

fn has_scheme(id: &str) -> bool {
    let Some((scheme, rest)) = id.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    !rest.is_empty()
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_survive_export_and_import() {
        for id in [
            "0f8fad5b-d9cb-469f-a165-70867728950e",
            "https://example.org/anno/1",
            "Hx7dQbLbEe6xvYt6sUo3aA",
            "just text",
        ] {
            assert_eq!(import_id(&export_id(id)).as_deref(), Some(id), "{id}");
        }
        assert_eq!(
            export_id("0f8fad5b-d9cb-469f-a165-70867728950e"),
            "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"
        );
        assert_eq!(import_id(" urn:uuid: "), None);
    }

    #[test]
    fn derived_ids_are_stable_uuids() {
        let item = serde_json::json!({"b": 1, "a": "x"});
        let id = derived_id(&item);
        assert!(is_uuid(&id), "{id}");
        assert_eq!(id, derived_id(&serde_json::json!({"a": "x", "b": 1})));
    }
}
