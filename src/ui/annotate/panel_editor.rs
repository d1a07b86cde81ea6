//! The open annotation's editor in the panel (label, note, delete, the highlights that
//! overlap it) and the list of orphans, annotations whose quote is no longer in the text.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::annotation::Annotation;
use crate::core::annotation::MAX_NOTE_CHARS;
use crate::core::text::without_invisible;
use crate::web::dom;

use super::panel::PanelProps;
use super::state::AnnotAction;

// The note field's `maxlength="10000"` is the limit an import applies too.
const _: () = assert!(MAX_NOTE_CHARS == 10_000);

/// Overlapping annotations listed under "Also here" (J/K and the list reach the rest).
const MAX_OVERLAPS_LISTED: usize = 50;

/// At most `max` characters of `text` on one line, with an ellipsis when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out.replace('\n', " ")
}

pub fn editor(props: &PanelProps, annotation: &Annotation) -> Html {
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
                note: Some(without_invisible(&area.value(), true)),
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
                maxlength="10000"
                onchange={on_note} placeholder="Why this matters, source to check… 说明、待核实的来源…" />
            <div class="editor-actions">
                { crate::ui::button("button danger", "Delete / 删除", on_delete) }
            </div>
            if !overlapping.is_empty() {
                <div class="overlaps">{ "Also here / 重叠的批注:" }<ul>{ for overlapping }</ul></div>
            }
        </div>
    }
}

pub fn orphans(props: &PanelProps) -> Html {
    let state = &props.state;
    let orphans = state.bench.orphans();
    if orphans.is_empty() {
        return Html::default();
    }
    html! {
        <section class="orphans" aria-label="Orphaned annotations">
            <h3>{ format!("Not found in this text ({}) / 未能定位", orphans.len()) }</h3>
            <p class="panel-help">{ "The article changed and these quotes are no longer in it. They are kept: \
                open one, select the new passage and choose “Attach the open orphan here”, or delete it. \
                文章已更改，这些引文已不在其中，但仍被保留：可“重新定位”或删除。" }</p>
            <ul>
                { for orphans.iter().map(|a| {
                    let open = props.open.clone();
                    let id = a.id.clone();
                    let act = props.act.clone();
                    let delete_id = a.id.clone();
                    let selected = state.selected.as_deref() == Some(a.id.as_str());
                    html! {
                        <li class={crate::ui::class_list(&["orphan", if selected { "open" } else { "" }])}>
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
