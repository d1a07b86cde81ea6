//! Opening articles and annotation files, as one hook: files from the picker or a drop are
//! read, pasted text is opened (Ctrl+V anywhere outside a text field too), a JSON file is
//! handed to the annotations' import, and at first start the last opened article (else the
//! sample) opens. The raw text of the last article is kept so a reload shows it again, and
//! every opened article (not the sample) is kept in the library (IndexedDB).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::file::callbacks::FileReader;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::article::{Article, ParseError};
use crate::core::store::keys::LAST_ARTICLE_KEY;
use crate::core::store::StorageError;
use crate::web::dom;
use crate::web::idb::{IdbError, Library};
use crate::web::storage;

use super::annotate::persist;
use super::loader::{read_files, Loaded};
use super::open::open_bytes;
use super::route;
use super::sample::{SAMPLE_ARTICLE, SAMPLE_NAME};
use super::state::{Action, AppState, Opened};

const LAST_ARTICLE_NAME_KEY: &str = "pizhu:v1:last-article-name";

/// What the header's loader and the page's drop target hand files and text to.
pub struct OpenFiles {
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_paste: Callback<String>,
    /// Open the library's article with this key (its text read from IndexedDB).
    pub on_key: Callback<String>,
}

#[hook]
pub fn use_open_files(state: &UseReducerHandle<AppState>) -> OpenFiles {
    let readers: Rc<RefCell<Vec<FileReader>>> = use_mut_ref(Vec::new);
    // The key of the article shown last: keeping runs in the background, and when several
    // files open at once the address must name the one on screen, whichever keep ends last.
    let shown: Rc<RefCell<String>> = use_mut_ref(String::new);
    let open = {
        let dispatch = state.dispatcher();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            // A JSON file is annotations to import, recognised by its content, not its name.
            if looks_like_json(&bytes) {
                dispatch.dispatch(Action::Import(bytes));
                return;
            }
            let base = (name == SAMPLE_NAME).then(dom::page_base).flatten();
            let dispatch = dispatch.clone();
            let remembered: Option<Rc<str>> = std::str::from_utf8(&bytes).ok().map(Rc::from);
            let label = name.clone();
            let shown = shown.clone();
            let done = Callback::from(move |result: Result<Opened, ParseError>| match result {
                Ok(opened) => {
                    let article = opened.article.clone();
                    let key = article.storage_key();
                    shown.borrow_mut().clone_from(&key);
                    dispatch.dispatch(Action::Open(opened));
                    // In a task of its own: writing a 1 MB text to localStorage takes about
                    // 10 ms, which the article's first render should not wait for.
                    if let Some(text) = remembered.clone() {
                        let (dispatch, label) = (dispatch.clone(), label.clone());
                        let shown = shown.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            gloo::timers::future::TimeoutFuture::new(0).await;
                            if *shown.borrow() == key {
                                remember_last(&dispatch, &label, &text);
                            }
                            if label != SAMPLE_NAME {
                                match keep(&article, &text).await {
                                    Ok(()) if *shown.borrow() == key => route::show_article(&key),
                                    Ok(()) => {}
                                    Err(error) => {
                                        dispatch.dispatch(Action::Notice(error.to_string()))
                                    }
                                }
                            }
                        });
                    }
                }
                Err(error) => dispatch.dispatch(Action::Fail(format!("{label}: {error}"))),
            });
            open_bytes(name, bytes, base, done);
        })
    };

    let on_key = {
        let open = open.clone();
        let dispatch = state.dispatcher();
        Callback::from(move |key: String| {
            let (open, dispatch) = (open.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match open_kept(&key).await {
                    Ok(Some(text)) => open.emit((key, text.into_bytes())),
                    Ok(None) => dispatch.dispatch(Action::Fail(format!(
                        "This article is not in the library of this browser ({key}). 文章库中没有这篇文章。"
                    ))),
                    Err(error) => dispatch.dispatch(Action::Fail(error.to_string())),
                }
            });
        })
    };

    // First start: the article the address names (`#/article/<key>`), else the last opened
    // article, else the sample.
    {
        let open = open.clone();
        let dispatch = state.dispatcher();
        let on_key = on_key.clone();
        use_effect_with((), move |_| {
            if let Some(key) = route::article_key() {
                on_key.emit(key);
                return;
            }
            // The library at start: an article opens when the reader picks one.
            if route::current() == route::Route::Library {
                return;
            }
            match (
                storage::get(LAST_ARTICLE_KEY),
                storage::get(LAST_ARTICLE_NAME_KEY),
            ) {
                (Ok(Some(text)), Ok(name)) => {
                    open.emit((name.unwrap_or_else(|| "article".into()), text.into_bytes()))
                }
                (Err(error), _) => {
                    dispatch.dispatch(Action::Notice(persist::message(&error)));
                    open.emit((SAMPLE_NAME.into(), SAMPLE_ARTICLE.as_bytes().to_vec()));
                }
                _ => open.emit((SAMPLE_NAME.into(), SAMPLE_ARTICLE.as_bytes().to_vec())),
            }
        });
    }

    let on_loaded = {
        let open = open.clone();
        let dispatch = state.dispatcher();
        Callback::from(move |loaded: Loaded| match loaded {
            Ok(file) => open.emit(file),
            Err(message) => dispatch.dispatch(Action::Fail(message)),
        })
    };
    let on_files = {
        let readers = readers.clone();
        let on_loaded = on_loaded.clone();
        let dispatch = state.dispatcher();
        let on_large = Callback::from(move |file| dispatch.dispatch(Action::ImportLarge(file)));
        Callback::from(move |files: Vec<web_sys::File>| {
            read_files(files, readers.clone(), on_loaded.clone(), on_large.clone())
        })
    };
    let on_paste = {
        let open = open.clone();
        Callback::from(move |text: String| open.emit(("pasted text".into(), text.into_bytes())))
    };

    // Ctrl+V anywhere outside a text field opens the clipboard's text as an article.
    {
        let on_paste = on_paste.clone();
        use_effect_with((), move |_| {
            let listener = dom::document().map(|document| {
                EventListener::new_with_options(
                    &document,
                    "paste",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::ClipboardEvent>() else {
                            return;
                        };
                        if in_text_field(event.target()) {
                            return;
                        }
                        let text = event
                            .clipboard_data()
                            .and_then(|data| data.get_data("text/plain").ok())
                            .unwrap_or_default();
                        if !text.trim().is_empty() {
                            event.prevent_default();
                            on_paste.emit(text);
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }

    OpenFiles {
        on_files,
        on_paste,
        on_key,
    }
}

/// Keeps an opened article in the library (IndexedDB).
async fn keep(article: &Article, raw: &str) -> Result<(), IdbError> {
    let library = Library::open().await?;
    super::library::keep::keep(&library, article, raw, dom::now_ms()).await
}

/// The raw text of the library's article `key`, if it is kept.
async fn open_kept(key: &str) -> Result<Option<String>, IdbError> {
    Library::open().await?.text(key).await
}

/// Keep the raw text of the last opened article so a reload shows it again.
/// A cache: when it cannot be written it is removed (never left half-written, never
/// holding space annotations need), and the reader is told just that.
fn remember_last(dispatch: &UseReducerDispatcher<AppState>, name: &str, text: &str) {
    let saved = storage::set(LAST_ARTICLE_KEY, text)
        .and_then(|_| storage::set(LAST_ARTICLE_NAME_KEY, name));
    if let Err(error) = saved {
        forget_last();
        let notice = match error {
            StorageError::QuotaExceeded => {
                "This article will not reopen by itself after a reload: storage is too full to \
                 keep a copy of it. Your annotations are not affected. 存储空间不足，无法保存文章副本；批注不受影响。"
                    .to_string()
            }
            other => persist::message(&other),
        };
        dispatch.dispatch(Action::Notice(notice));
    }
}

/// Remove the copy of the last article (to make room for annotations); true if there was one.
/// Its name stands for it (written after it, removed with it): reading the copy itself to
/// find out would read up to 4 MB on a save that storage has just refused.
pub fn forget_last() -> bool {
    let had = storage::get(LAST_ARTICLE_NAME_KEY).ok().flatten().is_some();
    let _ = storage::remove(LAST_ARTICLE_KEY);
    let _ = storage::remove(LAST_ARTICLE_NAME_KEY);
    had
}

fn looks_like_json(bytes: &[u8]) -> bool {
    let first = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF);
    matches!(first, Some(b'{') | Some(b'['))
}

fn in_text_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    tag == "input" || tag == "textarea" || element.has_attribute("contenteditable")
}
