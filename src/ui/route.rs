//! The app's views and their place in the URL's fragment: `#/library` is the library,
//! `#/article/<key>` (the key percent-encoded) the reader on that article, anything else
//! (no fragment, or a share link's `#pizhu=...`, which the reader reads and clears) the
//! reader on the article at hand. A bookmark or a reload restores the view, and the
//! browser's Back goes from an article opened in the library back to the library.

use crate::web::dom;

/// Which view `<main>` shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Route {
    /// The open article, its highlights and the annotation panel.
    #[default]
    Reader,
    /// Every kept article, its search and the folder import.
    Library,
}

const LIBRARY: &str = "#/library";
const ARTICLE: &str = "#/article/";

/// The view the page's fragment names.
pub fn current() -> Route {
    if fragment() == LIBRARY {
        Route::Library
    } else {
        Route::Reader
    }
}

/// The article key in `#/article/<key>`, if the fragment is one.
pub fn article_key() -> Option<String> {
    let encoded = fragment().strip_prefix(ARTICLE)?.to_string();
    js_sys::decode_uri_component(&encoded)
        .ok()
        .and_then(|key| key.as_string())
        .filter(|key| !key.is_empty())
}

/// The fragment of the library view.
pub fn library_href() -> &'static str {
    LIBRARY
}

/// The fragment of the reader on the article `key`.
pub fn article_href(key: &str) -> String {
    format!(
        "{ARTICLE}{}",
        String::from(js_sys::encode_uri_component(key))
    )
}

/// Go to `href` as a new history entry (Back returns).
pub fn go(href: &str) {
    if let Some(window) = dom::window() {
        let _ = window.location().set_hash(href);
    }
}

/// Name the article `key` in the address bar without a new history entry, unless the
/// fragment holds something else (a share link not yet read).
pub fn show_article(key: &str) {
    let now = fragment();
    if !(now.is_empty() || now.starts_with("#/")) {
        return;
    }
    let Some(window) = dom::window() else { return };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&article_href(key)),
        );
    }
}

fn fragment() -> String {
    crate::web::transfer::fragment().unwrap_or_default()
}
