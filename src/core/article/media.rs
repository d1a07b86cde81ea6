//! Images, pictures, iframes and videos: choosing one good, checked source for each.
//!
//! Feeds lazy-load (`data-src`), offer `srcset` candidates, use `data:` placeholders and
//! 1x1 trackers. Only http(s) sources pass; YouTube iframes become click-to-load embeds and
//! every other iframe or video becomes a link card.

use pizhu_dom::{Dom, NodeId};

use super::model::{Block, Image, TextUnit};
use super::url::{check_url, youtube_id, UrlUse};

const LAZY_SOURCES: [&str; 4] = ["data-src", "data-original", "data-lazy-src", "data-url"];

/// The best checked source of an `<img>`, or None for placeholders, trackers and bad URLs.
pub fn image(dom: &Dom, handle: NodeId, base: Option<&str>) -> Option<Image> {
    if is_tracker(dom, handle) {
        return None;
    }
    let alt = dom
        .attr(handle, "alt")
        .unwrap_or_default()
        .trim()
        .to_string();
    let candidates = std::iter::once(dom.attr(handle, "src"))
        .chain(LAZY_SOURCES.iter().map(|name| dom.attr(handle, name)))
        .flatten()
        .chain(
            ["srcset", "data-srcset"]
                .iter()
                .filter_map(|name| dom.attr(handle, name))
                .filter_map(largest_candidate),
        );
    let src = candidates
        .filter_map(|raw| check_url(raw, base, UrlUse::Media))
        .next()
        .filter(|src| !is_interface_icon(src))?;
    Some(Image { src, alt })
}

/// A `<picture>`: its `<img>` if usable, else the largest `<source srcset>` candidate.
pub fn picture(dom: &Dom, handle: NodeId, base: Option<&str>) -> Option<Image> {
    let img = dom.children(handle).find(|&c| dom.tag(c) == Some("img"));
    if let Some(found) = img.and_then(|i| image(dom, i, base)) {
        return Some(found);
    }
    let alt = img
        .and_then(|i| dom.attr(i, "alt"))
        .unwrap_or_default()
        .trim()
        .to_string();
    dom.children(handle)
        .filter(|&c| dom.tag(c) == Some("source"))
        .filter_map(|s| dom.attr(s, "srcset"))
        .filter_map(largest_candidate)
        .find_map(|raw| check_url(raw, base, UrlUse::Media))
        .map(|src| Image { src, alt })
}

/// An `<iframe>`: YouTube stays an embed, anything else with a usable URL becomes a link.
pub fn iframe(dom: &Dom, handle: NodeId, base: Option<&str>) -> Option<Block> {
    let raw = dom
        .attr(handle, "src")
        .or_else(|| dom.attr(handle, "data-src"))?;
    let url = check_url(raw, base, UrlUse::Media)?;
    if let Some(id) = youtube_id(&url) {
        return Some(Block::YouTube {
            id,
            caption: TextUnit::default(),
        });
    }
    Some(Block::VideoLink {
        url,
        poster: None,
        caption: TextUnit::default(),
    })
}

/// A `<video>`: a link card to its source, with its poster when that is a usable image.
pub fn video(dom: &Dom, handle: NodeId, base: Option<&str>) -> Option<Block> {
    let direct = dom.attr(handle, "src");
    let from_source = || {
        dom.children(handle)
            .filter(|&c| dom.tag(c) == Some("source"))
            .find_map(|c| dom.attr(c, "src"))
    };
    let raw = direct.or_else(from_source)?;
    let url = check_url(raw, base, UrlUse::Media)?;
    if let Some(id) = youtube_id(&url) {
        return Some(Block::YouTube {
            id,
            caption: TextUnit::default(),
        });
    }
    let poster = dom
        .attr(handle, "poster")
        .and_then(|p| check_url(p, base, UrlUse::Media));
    Some(Block::VideoLink {
        url,
        poster,
        caption: TextUnit::default(),
    })
}

/// The widest candidate of a `srcset` ("url 240w, url 800w" or "url 1x, url 2x").
fn largest_candidate(srcset: &str) -> Option<&str> {
    srcset
        .split(',')
        .filter_map(|candidate| {
            let mut parts = candidate.split_whitespace();
            let url = parts.next()?;
            let weight = parts
                .next()
                .and_then(|d| descriptor_milli(d.trim_end_matches(['w', 'x'])))
                .unwrap_or(1000);
            Some((url, weight))
        })
        .fold(
            None,
            |best: Option<(&str, u64)>, (url, weight)| match best {
                Some((_, w)) if w >= weight => best,
                _ => Some((url, weight)),
            },
        )
        .map(|(url, _)| url)
}

/// The number of a `srcset` descriptor ("800" of "800w", "1.5" of "1.5x") in thousandths.
/// A small decimal reader rather than `str::parse::<f64>`: the float parser and its tables
/// are used nowhere else and cost over 10 KB of wasm. Exponents ("1e1x", valid but not seen in
/// feeds) are not read; such a candidate counts as 1x, like any unreadable descriptor.
fn descriptor_milli(number: &str) -> Option<u64> {
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    let digits = || int.bytes().chain(frac.bytes());
    if int.is_empty() && frac.is_empty() || !digits().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let int = int.bytes().fold(0u64, |v, b| {
        v.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    });
    let frac = frac
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
    Some(int.saturating_mul(1000).saturating_add(frac))
}

/// 1x1 (or 0x0) images are counters, not pictures.
fn is_tracker(dom: &Dom, handle: NodeId) -> bool {
    let tiny = |name| {
        dom.attr(handle, name)
            .and_then(|v| {
                // `trim_end_matches("px")` by hand: a string pattern searched from the end
                // is the standard library's backward substring search, 1 KB of wasm.
                let mut v = v.trim();
                while let Some(rest) = v.strip_suffix("px") {
                    v = rest;
                }
                v.parse::<u32>().ok()
            })
            .is_some_and(|v| v <= 1)
    };
    dom.tag(handle).is_some() && tiny("width") && tiny("height")
}

/// Site chrome that feeds leak into bodies (zoom icons and the like), not article images.
fn is_interface_icon(src: &str) -> bool {
    let path = src.split(['?', '#']).next().unwrap_or(src);
    let file = crate::core::text::after_last(path, b'/').to_ascii_lowercase();
    file.starts_with("icon-") || file.starts_with("icon_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_descriptors() {
        assert_eq!(descriptor_milli("800"), Some(800_000));
        assert_eq!(descriptor_milli("1.5"), Some(1_500));
        assert_eq!(descriptor_milli(".25"), Some(250));
        assert_eq!(descriptor_milli("2."), Some(2_000));
        assert_eq!(descriptor_milli("1.23456"), Some(1_234));
        assert_eq!(descriptor_milli(""), None);
        assert_eq!(descriptor_milli("."), None);
        assert_eq!(descriptor_milli("1e3"), None);
        assert_eq!(descriptor_milli("-1"), None);
        assert_eq!(
            largest_candidate("a.jpg 240w, b.jpg 800w, c.jpg 640w"),
            Some("b.jpg")
        );
        assert_eq!(
            largest_candidate("a.jpg, b.jpg 1.5x, c.jpg 2x"),
            Some("c.jpg")
        );
        assert_eq!(largest_candidate("a.jpg 2x, b.jpg 1.75x"), Some("a.jpg"));
    }
}
