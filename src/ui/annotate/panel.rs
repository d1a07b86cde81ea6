//! The side panel: annotations in document order with label, quote and note; filter and
//! counts per label; the open annotation's editor; orphans; undo after a delete.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::annotation::{Anchored, Annotation};
use crate::web::dom;

use super::state::{AnnotAction, AnnotState};

#[derive(Properties)]
pub struct PanelProps {
    /// The live state (a handle always reads the latest).
    pub state: UseReducerHandle<AnnotState>,
    /// The state version the panel should show; it trails the live version by one paint.
    pub version: u64,
    pub act: Callback<AnnotAction>,
    /// Open an annotation: select it, scroll its highlight into view and flash it.
    pub open: Callback<String>,
    pub on_labels: Callback<()>,
    #[prop_or_default]
    pub extra: Html,
}

/// The panel re-renders when its `version` prop moves, not on every render of the
/// workspace: its callbacks and the share controls capture only dispatchers and state
/// setters, which behave the same from any render.
impl PartialEq for PanelProps {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

fn excerpt(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out.replace('\n', " ")
}

/// The list shows this many annotations at first (and more on request), so an article with
/// thousands of annotations opens without rendering thousands of list entries.
const LIST_PAGE: usize = 300;
/// Overlapping annotations listed under "Also here" (J/K and the list reach the rest).
const MAX_OVERLAPS_LISTED: usize = 50;

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
                <button type="button" class="button" onclick={props.on_labels.reform(|_: MouseEvent| ())}>
                    { "Labels / 标签" }
                </button>
                { props.extra.clone() }
            </div>
            if state.just_deleted && state.bench.can_undo() {
                <div class="undo-bar" role="status">
                    <span>{ "Annotation deleted. 已删除。" }</span>
                    <button type="button" class="button" onclick={
                        let act = props.act.clone();
                        Callback::from(move |_: MouseEvent| act.emit(AnnotAction::Undo { now: dom::now_ms() }))
                    }>{ "Undo (Ctrl+Z) / 撤销" }</button>
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
        <li key={annotation.id.clone()} class={classes!("annotation", open.then_some("open"))}>
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

fn editor(props: &PanelProps, annotation: &Annotation) -> Html {
    let state = &props.state;
    let id = annotation.id.clone();
    let on_label = {
        let act = props.act.clone();
        let id = id.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            act.emit(AnnotAction::Update {
                id: id.clone(),
                label: Some(select.value()),
                note: None,
                now: dom::now_ms(),
            });
        })
    };
    let on_note = {
        let act = props.act.clone();
        let id = id.clone();
        Callback::from(move |event: Event| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            act.emit(AnnotAction::Update {
                id: id.clone(),
                label: None,
                note: Some(area.value()),
                now: dom::now_ms(),
            });
        })
    };
    let on_delete = {
        let act = props.act.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            act.emit(AnnotAction::Delete {
                id: id.clone(),
                now: dom::now_ms(),
            })
        })
    };
    // Other highlights overlapping this one stay reachable from here.
    let span = state.bench.anchored(&id).span();
    let overlapping: Vec<Html> = state
        .bench
        .spans()
        .iter()
        .filter(|s| s.annotation.id != id)
        .filter(|s| span.is_some_and(|(a, b)| s.start < b && a < s.end))
        .take(MAX_OVERLAPS_LISTED)
        .map(|s| {
            let open = props.open.clone();
            let other = s.annotation.id.clone();
            let name = state
                .label(&s.annotation.label)
                .map_or_else(|| s.annotation.label.clone(), |l| l.name_zh.clone());
            html! {
                <li><button type="button" class="link-button"
                    onclick={Callback::from(move |_: MouseEvent| open.emit(other.clone()))}>
                    { format!("{name}: {}", excerpt(&s.annotation.target.quote.exact, 30)) }
                </button></li>
            }
        })
        .collect();
    let note_id = format!("note-{id}");
    html! {
        <div class="editor">
            <label>{ "Label / 标签 " }
                <select onchange={on_label}>
                    { for state.labels.iter().map(|l| html! {
                        <option value={l.id.clone()} selected={l.id == annotation.label}>
                            { format!("{} {}", l.name_zh, l.name_en) }
                        </option>
                    }) }
                </select>
            </label>
            <label for={note_id.clone()}>{ "Note / 备注" }</label>
            // Uncontrolled (defaultvalue, keyed by annotation): a re-render while the reader
            // types must never reset what they typed.
            <textarea key={id.clone()} id={note_id} class="note" rows="3" defaultvalue={annotation.note.clone()}
                onchange={on_note} placeholder="Why this matters, source to check… 说明、待核实的来源…" />
            <div class="editor-actions">
                <button type="button" class="button danger" onclick={on_delete}>{ "Delete / 删除" }</button>
            </div>
            if !overlapping.is_empty() {
                <div class="overlaps">{ "Also here / 重叠的批注:" }<ul>{ for overlapping }</ul></div>
            }
        </div>
    }
}

fn orphans(props: &PanelProps) -> Html {
    let state = &props.state;
    let orphans = state.bench.orphans();
    if orphans.is_empty() {
        return Html::default();
    }
    html! {
        <section class="orphans" aria-label="Orphaned annotations">
            <h3>{ format!("Not found in this text ({}) / 未能定位", orphans.len()) }</h3>
            <p class="panel-help">{ "The article changed and these quotes are no longer in it. They are kept: \
                open one, select the new passage and choose “Attach here”, or delete it." }</p>
            <ul>
                { for orphans.iter().map(|a| {
                    let open = props.open.clone();
                    let id = a.id.clone();
                    let act = props.act.clone();
                    let delete_id = a.id.clone();
                    let selected = state.selected.as_deref() == Some(a.id.as_str());
                    html! {
                        <li class={classes!("orphan", selected.then_some("open"))}>
                            <button type="button" class="annotation-item" data-annotation-id={a.id.clone()}
                                onclick={Callback::from(move |_: MouseEvent| open.emit(id.clone()))}>
                                <q class="quote">{ excerpt(&a.target.quote.exact, 90) }</q>
                            </button>
                            <button type="button" class="button danger" onclick={Callback::from(move |_: MouseEvent|
                                act.emit(AnnotAction::Delete { id: delete_id.clone(), now: dom::now_ms() }))}>
                                { "Delete / 删除" }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
