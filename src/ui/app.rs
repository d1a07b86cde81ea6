//! The root component: wires loading, storage of the last article, and the reader view.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::file::callbacks::FileReader;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::article::ParseError;
use crate::web::{dom, storage};

use super::alert::alerts;
use super::annotate::Workspace;
use super::loader::{read_files, Loaded, Loader};
use super::open::open_bytes;
use super::sample::{SAMPLE_ARTICLE, SAMPLE_NAME};
use super::state::{Action, AppState};

const LAST_ARTICLE_KEY: &str = "pizhu:v1:last-article";
const LAST_ARTICLE_NAME_KEY: &str = "pizhu:v1:last-article-name";

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let readers: Rc<RefCell<Vec<FileReader>>> = use_mut_ref(Vec::new);
    let dragging = use_state(|| false);

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
            let done = Callback::from(move |result: Result<_, ParseError>| match result {
                Ok(opened) => {
                    dispatch.dispatch(Action::Open(opened));
                    // In a task of its own: writing a 1 MB text to localStorage takes about
                    // 10 ms, which the article's first render should not wait for.
                    if let Some(text) = remembered.clone() {
                        let (dispatch, label) = (dispatch.clone(), label.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            gloo::timers::future::TimeoutFuture::new(0).await;
                            remember_last(&dispatch, &label, &text);
                        });
                    }
                }
                Err(error) => dispatch.dispatch(Action::Fail(format!("{label}: {error}"))),
            });
            open_bytes(name, bytes, base, done);
        })
    };

    // First start: the last opened article, else the sample.
    {
        let open = open.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            match (
                storage::get(LAST_ARTICLE_KEY),
                storage::get(LAST_ARTICLE_NAME_KEY),
            ) {
                (Ok(Some(text)), Ok(name)) => {
                    open.emit((name.unwrap_or_else(|| "article".into()), text.into_bytes()))
                }
                (Err(error), _) => {
                    dispatch.dispatch(Action::Notice(error.to_string()));
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
        Callback::from(move |files: Vec<web_sys::File>| {
            read_files(files, readers.clone(), on_loaded.clone())
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

    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let on_files = on_files.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let files = dom::files_of(event.data_transfer().and_then(|d| d.files()));
            on_files.emit(files);
        })
    };
    let on_dismiss = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::DismissError))
    };
    let switcher = {
        let dispatch = state.dispatcher();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Ok(index) = select.value().parse::<usize>() {
                dispatch.dispatch(Action::Select(index));
            }
        })
    };

    let classes = classes!("app", dragging.then_some("dragging"));
    html! {
        <div class={classes} {ondragover} {ondragleave} {ondrop}>
            <header class="toolbar">
                <span class="brand" lang="zh">{ "批注" }<small>{ " pizhu" }</small></span>
                <Loader {on_files} {on_paste} />
                if state.opened.len() > 1 {
                    <label class="switcher">
                        <span class="visually-hidden">{ "Opened articles" }</span>
                        <select onchange={switcher}>
                            { for state.opened.iter().enumerate().map(|(i, o)| html! {
                                <option value={i.to_string()} selected={state.current == Some(i)}>
                                    { o.article.meta.title.clone() }
                                </option>
                            }) }
                        </select>
                    </label>
                }
            </header>
            { alerts(state.error.as_deref(), state.notice.as_deref(), &on_dismiss) }
            <main class="layout">
                if let Some(opened) = state.article() {
                    <Workspace article={opened.article.clone()} incoming={state.incoming.clone()} />
                }
            </main>
            <div class="drop-hint" aria-hidden="true">{ "Drop files to open / 松开以打开文件" }</div>
        </div>
    }
}

/// Keep the raw text of the last opened article so a reload shows it again.
fn remember_last(dispatch: &UseReducerDispatcher<AppState>, name: &str, text: &str) {
    let saved = storage::set(LAST_ARTICLE_KEY, text)
        .and_then(|_| storage::set(LAST_ARTICLE_NAME_KEY, name));
    if let Err(error) = saved {
        dispatch.dispatch(Action::Notice(error.to_string()));
    }
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
