//! The app shell: the header (brand, loader, switcher between opened articles), the
//! notices, and the view the route names in `<main>`. A new view is a new `Route` and one
//! more arm in `view`; opening files lives in `use_open_files`.

use yew::prelude::*;

use crate::web::dom;

use super::annotate::Workspace;
use super::loader::Loader;
use super::notice::{notice_box, Notice};
use super::route::Route;
use super::state::{Action, AppState};
use super::use_open_files::{use_open_files, OpenFiles};

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let dragging = use_state(|| false);
    let OpenFiles { on_files, on_paste } = use_open_files(&state);

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

    let classes = crate::ui::class_list(&["app", if *dragging { "dragging" } else { "" }]);
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
            if let Some(error) = &state.error {
                { notice_box(&Notice::Error(error.clone()), "", Some(&on_dismiss)) }
            }
            if let Some(lasting) = &state.notice {
                { notice_box(&Notice::Info(lasting.clone()), "", None) }
            }
            <main class="layout">{ view(&state) }</main>
            <div class="drop-hint" aria-hidden="true">{ "Drop files to open / 松开以打开文件" }</div>
        </div>
    }
}

/// The view `state.route` names.
fn view(state: &AppState) -> Html {
    match state.route {
        Route::Reader => match state.article() {
            Some(opened) => html! {
                <Workspace article={opened.article.clone()} incoming={state.incoming.clone()} />
            },
            None => Html::default(),
        },
    }
}
