//! URL checking and resolution: the only door through which an address reaches the page.
//!
//! Browsers forgive a lot in URLs (tabs and newlines inside a scheme, leading control
//! characters, mixed case), so the check first normalises exactly as the WHATWG URL parser
//! does, then allows only the schemes pizhu renders. Relative URLs resolve against the
//! article's own URL or are dropped. Written here rather than with the `url` crate because
//! the allowlist needs only this much, and `url`'s IDNA tables would cost the build more than
//! the whole of this module does.

/// What the URL will be used for: links may also be `mailto:`; media must be http(s).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlUse {
    Link,
    Media,
}

/// Normalise, resolve and check `raw`. Returns the URL to render, or `None` to drop it.
pub fn check_url(raw: &str, base: Option<&str>, usage: UrlUse) -> Option<String> {
    if is_plain_web_url(raw) {
        return Some(raw.to_string());
    }
    check_url_in_full(raw, base, usage)
}

/// True for the usual case, an absolute `http:` or `https:` URL (scheme in lower case) with a
/// host and nothing that cleaning or encoding would change (no whitespace, control characters,
/// quotes, angle brackets or backticks): `check_url_in_full` returns such a URL unchanged.
fn is_plain_web_url(raw: &str) -> bool {
    let after_scheme = raw
        .strip_prefix("https:")
        .or_else(|| raw.strip_prefix("http:"));
    after_scheme.is_some_and(has_host)
        && raw
            .chars()
            .all(|c| c > ' ' && !c.is_control() && !matches!(c, '"' | '<' | '>' | '`'))
}

fn check_url_in_full(raw: &str, base: Option<&str>, usage: UrlUse) -> Option<String> {
    let cleaned = clean(raw);
    if cleaned.is_empty() {
        return None;
    }
    let absolute = match scheme_of(&cleaned) {
        Some(scheme) => {
            let rest = &cleaned[scheme.len() + 1..];
            format!("{}:{}", scheme.to_ascii_lowercase(), rest)
        }
        None => resolve(&cleaned, base?)?,
    };
    let scheme = scheme_of(&absolute)?.to_ascii_lowercase();
    let ok = match scheme.as_str() {
        "http" | "https" => has_host(&absolute[scheme.len() + 1..]),
        "mailto" => usage == UrlUse::Link && absolute.len() > "mailto:".len(),
        _ => false,
    };
    ok.then(|| encode_unsafe(&absolute))
}

/// Strip leading/trailing C0 controls and spaces, and remove tabs and newlines anywhere, as
/// the URL parser does; also drop any other control characters, which no good URL contains.
fn clean(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !c.is_control())
        .collect()
}

/// The scheme, if `url` starts with one (`[A-Za-z][A-Za-z0-9+.-]*:`).
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

fn has_host(after_scheme: &str) -> bool {
    let Some(rest) = after_scheme
        .strip_prefix("//")
        .or_else(|| after_scheme.strip_prefix("\\\\"))
    else {
        return false;
    };
    let host_end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let authority = &rest[..host_end];
    let host = crate::core::text::after_last(authority, b'@');
    !host.is_empty() && !host.starts_with(':')
}

/// Percent-encode what must not appear raw in an attribute-bound URL (spaces, quotes, `<>`).
fn encode_unsafe(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '"' => out.push_str("%22"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '`' => out.push_str("%60"),
            _ => out.push(c),
        }
    }
    out
}

/// Resolve a relative reference against an http(s) base (RFC 3986 section 5, simplified to
/// the forms feeds use: network-path, absolute-path, query, fragment and relative-path).
fn resolve(reference: &str, base: &str) -> Option<String> {
    let base = clean(base);
    let scheme = scheme_of(&base)?.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let after = base[scheme.len() + 1..].strip_prefix("//")?;
    let auth_end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let authority = &after[..auth_end];
    if authority.is_empty() {
        return None;
    }
    let tail = &after[auth_end..];
    let path_end = tail.find(['?', '#']).unwrap_or(tail.len());
    let base_path = if tail[..path_end].is_empty() {
        "/"
    } else {
        &tail[..path_end]
    };
    let base_query_end = tail.find('#').unwrap_or(tail.len());

    let origin = format!("{scheme}://{authority}");
    let resolved = if let Some(network) = reference.strip_prefix("//") {
        format!("{scheme}://{network}")
    } else if reference.starts_with('/') {
        format!("{origin}{}", remove_dot_segments(reference))
    } else if reference.starts_with('?') {
        format!("{origin}{base_path}{reference}")
    } else if reference.starts_with('#') {
        format!("{origin}{}{reference}", &tail[..base_query_end])
    } else {
        let dir_end = crate::core::text::rfind_ascii(base_path, b'/').map_or(0, |i| i + 1);
        let merged = format!("{}{}", &base_path[..dir_end], reference);
        format!("{origin}{}", remove_dot_segments(&merged))
    };
    Some(resolved)
}

/// Remove `.` and `..` segments from the path part (query and fragment are kept as they are).
fn remove_dot_segments(path_and_more: &str) -> String {
    let split = path_and_more
        .find(['?', '#'])
        .unwrap_or(path_and_more.len());
    let (path, more) = path_and_more.split_at(split);
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let mut joined = out.join("/");
    if !joined.starts_with('/') {
        joined.insert(0, '/');
    }
    joined + more
}

/// The YouTube video id of an embed or watch URL, if it is one.
pub fn youtube_id(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let after_scheme = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .or_else(|| lower.strip_prefix("//"))?;
    let offset = url.len() - after_scheme.len();
    let host_end = after_scheme.find('/').unwrap_or(after_scheme.len());
    let host = crate::core::text::trim_prefixes(&after_scheme[..host_end], "www.");
    let path = &url[offset + host_end..];
    let candidate = match host {
        "youtube.com" | "youtube-nocookie.com" | "m.youtube.com" => path
            .strip_prefix("/embed/")
            .or_else(|| path.strip_prefix("/v/"))
            .or_else(|| path.strip_prefix("/shorts/"))
            .or_else(|| {
                path.strip_prefix("/watch?")
                    .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("v=")))
            })?,
        "youtu.be" => path.strip_prefix('/')?,
        _ => return None,
    };
    let id: String = candidate
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (id.len() >= 6 && id.len() <= 20).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Option<&str> = Some("https://www.bbc.com/zhongwen/simp/world-1?x=1#top");

    #[test]
    fn the_fast_path_agrees_with_the_full_check() {
        for raw in [
            "https://a.example/x",
            "http://a.example/x?y=1#z",
            "https://ichef.bbci.co.uk/ace/ws/800/cpsprodpb/1.jpg.webp",
            "https://a.example/中文",
            "https://user@a.example/",
            "https:/a.example",
            "https:a.example",
            "https://",
            "https://:80/x",
            "https://a.example/x y",
            "https://a.example/\"q\"",
            "https://a.example/<x>`",
            "https://a.example/\u{85}",
            " https://a.example/",
            "HTTPS://a.example/",
            "http://a.example/\tx",
            "mailto:someone@a.example",
        ] {
            for usage in [UrlUse::Link, UrlUse::Media] {
                assert_eq!(
                    check_url(raw, BASE, usage),
                    check_url_in_full(raw, BASE, usage),
                    "{raw:?}"
                );
            }
        }
        assert!(is_plain_web_url("https://a.example/x"));
        assert!(!is_plain_web_url("https://a.example/x y"));
    }

    #[test]
    fn allows_http_and_https() {
        assert_eq!(
            check_url("https://a.example/x", None, UrlUse::Media).as_deref(),
            Some("https://a.example/x")
        );
        assert_eq!(
            check_url("HTTP://A.example", None, UrlUse::Link).as_deref(),
            Some("http://A.example")
        );
    }

    #[test]
    fn rejects_script_schemes_even_disguised() {
        for raw in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "data:image/gif;base64,R0lGOD",
            "\u{0}javascript:alert(1)",
        ] {
            assert_eq!(check_url(raw, BASE, UrlUse::Link), None, "{raw:?}");
            assert_eq!(check_url(raw, BASE, UrlUse::Media), None, "{raw:?}");
        }
    }

    #[test]
    fn mailto_only_for_links() {
        assert!(check_url("mailto:a@b.c", None, UrlUse::Link).is_some());
        assert!(check_url("mailto:a@b.c", None, UrlUse::Media).is_none());
    }

    #[test]
    fn resolves_relative_forms() {
        let r = |s| check_url(s, BASE, UrlUse::Link);
        assert_eq!(
            r("/zhongwen/a").as_deref(),
            Some("https://www.bbc.com/zhongwen/a")
        );
        assert_eq!(
            r("//cdn.example/i.png").as_deref(),
            Some("https://cdn.example/i.png")
        );
        assert_eq!(
            r("b/c").as_deref(),
            Some("https://www.bbc.com/zhongwen/simp/b/c")
        );
        assert_eq!(
            r("../up").as_deref(),
            Some("https://www.bbc.com/zhongwen/up")
        );
        assert_eq!(
            r("#sec").as_deref(),
            Some("https://www.bbc.com/zhongwen/simp/world-1?x=1#sec")
        );
        assert_eq!(check_url("/a", None, UrlUse::Link), None);
        assert_eq!(check_url("/a", Some("javascript:x"), UrlUse::Link), None);
    }

    #[test]
    fn requires_a_host() {
        assert_eq!(check_url("https:///x", None, UrlUse::Link), None);
        assert_eq!(check_url("http:foo", None, UrlUse::Link), None);
    }

    #[test]
    fn encodes_spaces_and_quotes() {
        assert_eq!(
            check_url("https://a.example/x y\"z", None, UrlUse::Link).as_deref(),
            Some("https://a.example/x%20y%22z")
        );
    }

    #[test]
    fn finds_youtube_ids() {
        assert_eq!(
            youtube_id("https://www.youtube.com/embed/UQ6wM3MZepk?wmode=transparent").as_deref(),
            Some("UQ6wM3MZepk")
        );
        assert_eq!(
            youtube_id("https://youtu.be/UQ6wM3MZepk").as_deref(),
            Some("UQ6wM3MZepk")
        );
        assert_eq!(
            youtube_id("https://www.youtube.com/watch?feature=x&v=UQ6wM3MZepk").as_deref(),
            Some("UQ6wM3MZepk")
        );
        assert_eq!(youtube_id("https://evil.example/embed/UQ6wM3MZepk"), None);
        assert_eq!(
            youtube_id("https://www.youtube.com.evil.example/embed/UQ6wM3MZepk"),
            None
        );
    }
}
