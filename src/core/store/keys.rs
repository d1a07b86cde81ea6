//! Storage key names: the prefixes and fixed keys pizhu writes, the key of an article
//! ([`article_key`]) and of a backup ([`backup_key`]), and [`parse_key`], which classifies
//! any key (for instance one named by a browser `storage` event) as a [`StorageKey`].
//!
//! | key                                 | value                                     |
//! |-------------------------------------|-------------------------------------------|
//! | `pizhu:v1:article:<article-key>`    | article envelope ([`super::envelope`])    |
//! | `pizhu:v1:labels`                   | labels envelope ([`super::envelope`])     |
//! | `pizhu:v1:last-article`             | raw text of the last opened article       |
//! | `pizhu:backup:<original key>:<ms>`  | an unreadable value, kept aside           |

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
        match crate::core::text::rfind_ascii(rest, b':').map(|i| (&rest[..i], &rest[i + 1..])) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
