//! The app shell: the header (brand, loader, switcher between opened articles), the
//! notices, and the view the route names in `<main>`. A new view is a new `Route` and one
//! more arm in `view`; opening files lives in `use_open_files`.

use yew::prelude::*;

use crate::web::dom;

use gloo::events::EventListener;

use super::annotate::Workspace;
use super::library::LibraryPage;
use super::loader::Loader;
use super::notice::{notice_box, Notice};
use super::route::{self, Route};
use super::state::{Action, AppState};
use super::use_open_files::{use_open_files, OpenFiles};

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let dragging = use_state(|| false);
    let OpenFiles {
        on_files,
        on_paste,
        on_key,
    } = use_open_files(&state);

    // The view follows the URL's fragment: at start, and on every change (links, Back).
    let shown_key = use_mut_ref(|| None::<String>);
    *shown_key.borrow_mut() = state.article().map(|o| o.article.storage_key());
    {
        let dispatch = state.dispatcher();
        let (on_key, shown_key) = (on_key.clone(), shown_key.clone());
        use_effect_with((), move |_| {
            dispatch.dispatch(Action::Route(route::current()));
            let listener = dom::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    dispatch.dispatch(Action::Route(route::current()));
                    if let Some(key) = route::article_key() {
                        if shown_key.borrow().as_deref() != Some(key.as_str()) {
                            on_key.emit(key);
                        }
                    }
                })
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

    let on_open_kept = Callback::from(|key: String| route::go(&route::article_href(&key)));

    let classes = crate::ui::class_list(&["app", if *dragging { "dragging" } else { "" }]);
    html! {
        <div class={classes} {ondragover} {ondragleave} {ondrop}>
            <header class="toolbar">
                <span class="brand" lang="zh">{ "批注" }<small>{ " pizhu" }</small></span>
                <Loader {on_files} {on_paste} />
                if state.route == Route::Library {
                    if let Some(key) = shown_key.borrow().as_deref() {
                        <a class="button" href={route::article_href(key)}>{ "Back to the article / 返回文章" }</a>
                    }
                } else {
                    <a class="button" href={route::library_href()}>{ "Library / 文章库" }</a>
                }
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
            if let Some(error) = &state.error {
                { notice_box(&Notice::Error(error.clone()), "", Some(&on_dismiss)) }
            }
            if let Some(lasting) = &state.notice {
                { notice_box(&Notice::Info(lasting.clone()), "", None) }
            }
            <main class="layout">{ view(&state, &on_open_kept) }</main>
            <div class="drop-hint" aria-hidden="true">{ "Drop files to open / 松开以打开文件" }</div>
        </div>
    }
}

/// The view `state.route` names.
fn view(state: &AppState, on_open: &Callback<String>) -> Html {
    match state.route {
        Route::Library => html! { <LibraryPage on_open={on_open.clone()} /> },
        Route::Reader => match state.article() {
            Some(opened) => html! {
                <Workspace article={opened.article.clone()} incoming={state.incoming.clone()} />
            },
            None => Html::default(),
        },
    }
}
