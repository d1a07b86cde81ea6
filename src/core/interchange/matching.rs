//! Which article an imported group belongs to: the one the file names by key, URL or content
//! hash, or the open one when the file does not say.

use super::export::ArticleInfo;
use super::groups::ImportedArticle;

/// True when `group` is about the article described by `info`.
pub fn is_for(group: &ImportedArticle, info: &ArticleInfo) -> bool {
    let key = group.key();
    key.is_empty()
        || key == info.key
        || (group.url.is_some() && group.url == info.url)
        || group.content_hash.as_deref() == Some(info.content_hash.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info() -> ArticleInfo {
        ArticleInfo {
            key: "https://a.example/1".into(),
            url: Some("https://a.example/1".into()),
            title: "t".into(),
            published_ms: None,
            content_hash: "sha256:00".into(),
        }
    }

    fn group(url: Option<&str>, key: Option<&str>, hash: Option<&str>) -> ImportedArticle {
        ImportedArticle {
            url: url.map(str::to_string),
            key_hint: key.map(str::to_string),
            title: None,
            content_hash: hash.map(str::to_string),
            annotations: Vec::new(),
            new_labels: Vec::new(),
        }
    }

    #[test]
    fn matches_by_key_url_hash_or_silence() {
        assert!(is_for(
            &group(None, Some("https://a.example/1"), None),
            &info()
        ));
        assert!(is_for(
            &group(Some("https://a.example/1"), None, None),
            &info()
        ));
        assert!(is_for(
            &group(Some("https://b.example"), Some("text:1"), Some("sha256:00")),
            &info()
        ));
        assert!(is_for(&group(None, None, None), &info()));
        assert!(!is_for(
            &group(Some("https://b.example/2"), None, Some("sha256:ff")),
            &info()
        ));
    }
}
