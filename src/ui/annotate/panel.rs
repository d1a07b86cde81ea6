//! The side panel: annotations in document order with label, quote and note; filter and
//! counts per label; the open annotation's editor; orphans; undo after a delete.

use yew::prelude::*;

use crate::core::annotation::{Anchored, Annotation};
use crate::web::dom;

use super::panel_editor::{editor, excerpt, orphans};
use super::state::{AnnotAction, AnnotState};

#[derive(Properties)]
pub struct PanelProps {
    /// The live state (a handle always reads the latest).
    pub state: UseReducerHandle<AnnotState>,
    /// The state revision the panel should show; it trails the live one by one paint.
    pub state_revision: u64,
    pub act: Callback<AnnotAction>,
    /// Open an annotation: select it, scroll its highlight into view and flash it.
    pub open: Callback<String>,
    pub on_labels: Callback<()>,
    #[prop_or_default]
    pub extra: Html,
}

/// The panel re-renders when its `state_revision` prop moves, not on every render of the
/// workspace: its callbacks and the share controls capture only dispatchers and state
/// setters, which behave the same from any render.
impl PartialEq for PanelProps {
    fn eq(&self, other: &Self) -> bool {
        self.state_revision == other.state_revision
    }
}

/// The list shows this many annotations at first (and more on request), so an article with
/// thousands of annotations opens without rendering thousands of list entries.
const LIST_PAGE: usize = 300;

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let shown = use_state(|| LIST_PAGE);
    let state = &props.state;
    let spans = state.bench.spans();
    let counts = state.bench.counts();
    let total = state.bench.doc.annotations.len();
    let visible: Vec<&Annotation> = spans
        .iter()
        .map(|s| s.annotation)
        .filter(|a| state.filter.as_ref().is_none_or(|f| *f == a.label))
        .collect();
    let visible_ids: Vec<String> = visible.iter().map(|a| a.id.clone()).collect();
    let limit = *shown;
    // The open annotation is always listed: past the entries shown, on its own after them.
    // Listing every entry up to it instead (on an article with 1,000 annotations, the 700 in
    // between after a new highlight near the end) cost a 74 ms frame of style and layout.
    let beyond = state
        .selected
        .as_ref()
        .and_then(|id| visible_ids.iter().position(|v| v == id))
        .filter(|&position| position >= limit)
        .and_then(|position| visible.get(position).copied());

    // An entry to focus once the list has been redrawn: the next entry past the ones shown is
    // only listed after the panel's next render (it becomes the open one).
    let focus_after_render = use_mut_ref(|| None::<String>);
    {
        let focus_after_render = focus_after_render.clone();
        use_effect(move || {
            if let Some(id) = focus_after_render.borrow_mut().take() {
                focus_item(&id);
            }
        });
    }

    let onkeydown = {
        let open = props.open.clone();
        let selected = state.selected.clone();
        let focus_after_render = focus_after_render.clone();
        Callback::from(move |event: KeyboardEvent| {
            let step: isize = match event.key().as_str() {
                "ArrowDown" => 1,
                "ArrowUp" => -1,
                _ => return,
            };
            event.prevent_default();
            let current = selected
                .as_ref()
                .and_then(|id| visible_ids.iter().position(|v| v == id));
            let next = match current {
                Some(i) => (i as isize + step).clamp(0, visible_ids.len() as isize - 1),
                None => 0,
            };
            if let Some(id) = visible_ids.get(next as usize) {
                open.emit(id.clone());
                if !focus_item(id) {
                    *focus_after_render.borrow_mut() = Some(id.clone());
                }
            }
        })
    };

    let filter_chip = |label: Option<&str>, text: String, count: usize| {
        let act = props.act.clone();
        let value = label.map(str::to_string);
        let pressed = state.filter.as_deref() == label;
        let onclick =
            Callback::from(move |_: MouseEvent| act.emit(AnnotAction::Filter(value.clone())));
        html! {
            <button type="button" class="filter-chip label-chip" data-label={label.map(str::to_string)}
                aria-pressed={pressed.to_string()} {onclick}>
                { text }<span class="count">{ count }</span>
            </button>
        }
    };

    html! {
        <aside class="panel" aria-label="Annotations / 批注">
            <div class="panel-head">
                <h2>{ "批注 Annotations" }<span class="count">{ total }</span></h2>
                { crate::ui::button("button", "Labels / 标签", props.on_labels.reform(|_: MouseEvent| ())) }
                { props.extra.clone() }
            </div>
            if state.just_deleted && state.bench.can_undo() {
                <div class="undo-bar" role="status">
                    <span>{ "Annotation deleted. 已删除。" }</span>
                    { crate::ui::button("button", "Undo (Ctrl+Z) / 撤销", {
                        let act = props.act.clone();
                        Callback::from(move |_: MouseEvent| act.emit(AnnotAction::Undo { now: dom::now_ms() }))
                    }) }
                </div>
            }
            <div class="filters" role="group" aria-label="Filter by label / 按标签筛选">
                { filter_chip(None, "All 全部".into(), total) }
                { for state.labels.iter().map(|l| filter_chip(Some(&l.id), l.name_zh.clone(),
                    counts.get(l.id.as_str()).copied().unwrap_or(0))) }
            </div>
            if total == 0 {
                <p class="panel-empty">{ "Select text in the article, then pick a label (or press 1-6). \
                    选中文章中的文字，然后选择标签（或按数字键 1-6）。" }</p>
            }
            <ol class="annotation-list" {onkeydown}>
                { for visible.iter().take(limit).map(|a| item(props, a)) }
                if let Some(open) = beyond {
                    <li key={"\ngap"} class="list-gap" aria-hidden="true">{ "⋯" }</li>
                    { item(props, open) }
                }
            </ol>
            if visible.len() > limit {
                <button type="button" class="button more" onclick={
                    let shown = shown.clone();
                    Callback::from(move |_: MouseEvent| shown.set(limit + LIST_PAGE))
                }>{ format!("Show more ({limit} of {}) / 显示更多", visible.len()) }</button>
            }
            { orphans(props) }
            <p class="panel-help">{ "Keys: S / Shift+S select the next / previous sentence · Shift+→/← move its end, \
                Shift+↓/↑ by a sentence, [ ] its start · 1-9 label the selection · J/K next/previous annotation · \
                Ctrl+Z undo · Esc close. 键盘：S 选下一句，Shift+方向键调整结尾，[ ] 调整开头。" }</p>
        </aside>
    }
}

/// Focuses the list entry of annotation `id`; false if it is not in the page.
fn focus_item(id: &str) -> bool {
    let selector = format!(
        ".annotation-item[data-annotation-id=\"{}\"]",
        id.replace('"', "")
    );
    let Some(Ok(Some(element))) = dom::document().map(|d| d.query_selector(&selector)) else {
        return false;
    };
    match wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
        Ok(element) => element.focus().is_ok(),
        Err(_) => false,
    }
}

fn item(props: &PanelProps, annotation: &Annotation) -> Html {
    let state = &props.state;
    let open = state.selected.as_deref() == Some(annotation.id.as_str());
    let label_name = state
        .label(&annotation.label)
        .map_or_else(|| annotation.label.clone(), |l| l.name_zh.clone());
    let moved = matches!(state.bench.anchored(&annotation.id), Anchored::Moved { .. });
    html! {
        <li key={annotation.id.clone()} class={crate::ui::class_list(&["annotation", if open { "open" } else { "" }])}>
            <ItemButton annotation={annotation.clone()} {label_name} {open} {moved}
                on_open={props.open.clone()} />
            if open {
                { editor(props, annotation) }
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    annotation: Annotation,
    label_name: String,
    open: bool,
    moved: bool,
    on_open: Callback<String>,
}

/// One entry of the list; re-rendered only when its own annotation changes, so a list of
/// hundreds costs nothing when one is added.
#[function_component(ItemButton)]
fn item_button(props: &ItemProps) -> Html {
    let annotation = &props.annotation;
    let onclick = {
        let open = props.on_open.clone();
        let id = annotation.id.clone();
        Callback::from(move |_: MouseEvent| open.emit(id.clone()))
    };
    html! {
        <button type="button" class="annotation-item" data-annotation-id={annotation.id.clone()}
            aria-expanded={props.open.to_string()} {onclick}>
            <span class="label-chip" data-label={annotation.label.clone()}>{ props.label_name.clone() }</span>
            if props.moved {
                <span class="moved" title="The article text changed; this highlight was found again nearby.">
                    { "re-anchored" }
                </span>
            }
            <q class="quote">{ excerpt(&annotation.target.quote.exact, 90) }</q>
            if !annotation.note.is_empty() && !props.open {
                <span class="note-preview">{ excerpt(&annotation.note, 80) }</span>
            }
        </button>
    }
}
