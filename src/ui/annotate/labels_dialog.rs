//! Managing labels: rename, recolour, change the underline cue, add, and remove (a label in
//! use asks whether to move its annotations to another label or delete them).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::core::label::{check_names, Label, Underline, MAX_LABEL_NAME_CHARS};
use crate::core::text::without_invisible;
use crate::ui::notice::{notice_box, Notice};
use crate::web::dom;

use super::state::{AnnotAction, AnnotState};

#[derive(Properties)]
pub struct LabelsProps {
    pub state: UseReducerHandle<AnnotState>,
    pub act: Callback<AnnotAction>,
    pub close: Callback<()>,
}

/// By the state's revision: comparing states by value would walk every annotation (and
/// its derived comparison was 1.5 KB of wasm).
impl PartialEq for LabelsProps {
    fn eq(&self, other: &Self) -> bool {
        self.state.state_revision == other.state.state_revision
            && self.act == other.act
            && self.close == other.close
    }
}

// The name fields' `maxlength="40"` is what `check_names` allows.
const _: () = assert!(MAX_LABEL_NAME_CHARS == 40);

const PALETTE: [&str; 6] = [
    "#7c3aed", "#0891b2", "#65a30d", "#db2777", "#b45309", "#475569",
];

fn underline_name(u: Underline) -> &'static str {
    match u {
        Underline::Solid => "solid 实线",
        Underline::Dashed => "dashed 虚线",
        Underline::Dotted => "dotted 点线",
        Underline::Double => "double 双线",
        Underline::Wavy => "wavy 波浪线",
        Underline::Thick => "thick 粗线",
    }
}

#[function_component(LabelsDialog)]
pub fn labels_dialog(props: &LabelsProps) -> Html {
    let draft = use_state(|| props.state.labels.clone());
    let removing = use_state(|| None::<String>);
    let problem = use_state(|| None::<String>);
    let counts = props.state.bench.counts();

    let edit = |index: usize, apply: fn(&mut Label, String)| {
        let draft = draft.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| {
                    event
                        .target_dyn_into::<HtmlSelectElement>()
                        .map(|s| s.value())
                })
                .unwrap_or_default();
            let mut next = (*draft).clone();
            if let Some(label) = next.get_mut(index) {
                apply(label, value);
            }
            draft.set(next);
        })
    };
    let save = {
        let act = props.act.clone();
        let draft = draft.clone();
        let close = props.close.clone();
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| {
            let labels: Vec<Label> = draft
                .iter()
                .filter(|l| !l.name_zh.trim().is_empty() || !l.name_en.trim().is_empty())
                .cloned()
                .collect();
            if let Err(error) = check_names(&labels) {
                problem.set(Some(error.to_string()));
                return;
            }
            act.emit(AnnotAction::Labels {
                labels,
                removed: None,
                now: dom::now_ms(),
            });
            close.emit(());
        })
    };
    let add = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*draft).clone();
            let n = next.len();
            let mut id = format!("label-{}", n + 1);
            while next.iter().any(|l| l.id == id) {
                id.push('x');
            }
            next.push(Label {
                id,
                name_zh: format!("标签{}", n + 1),
                name_en: format!("Label {}", n + 1),
                color: PALETTE[n % PALETTE.len()].to_string(),
                underline: Underline::ALL[n % Underline::ALL.len()],
            });
            draft.set(next);
        })
    };

    let rows = draft.iter().enumerate().map(|(index, label)| {
        let in_use = counts.get(label.id.as_str()).copied().unwrap_or(0);
        let remove = {
            let draft = draft.clone();
            let removing = removing.clone();
            let act = props.act.clone();
            let id = label.id.clone();
            Callback::from(move |_: MouseEvent| {
                if in_use > 0 {
                    removing.set(Some(id.clone()));
                } else {
                    let next: Vec<Label> = draft.iter().filter(|l| l.id != id).cloned().collect();
                    act.emit(AnnotAction::Labels {
                        labels: next.clone(),
                        removed: None,
                        now: dom::now_ms(),
                    });
                    draft.set(next);
                }
            })
        };
        html! {
            <tr>
                <td><span class="label-chip" data-label={label.id.clone()}>{ index + 1 }</span></td>
                <td><input aria-label="Chinese name" value={label.name_zh.clone()} maxlength="40"
                    onchange={edit(index, |l, v| l.name_zh = without_invisible(&v, false))} /></td>
                <td><input aria-label="English name" value={label.name_en.clone()} maxlength="40"
                    onchange={edit(index, |l, v| l.name_en = without_invisible(&v, false))} /></td>
                <td><input type="color" aria-label="Colour" value={label.color.clone()}
                    onchange={edit(index, |l, v| l.color = v)} /></td>
                <td><select aria-label="Underline" onchange={edit(index, |l, v| {
                        if let Some(u) = Underline::ALL.iter().find(|u| underline_name(**u) == v) {
                            l.underline = *u;
                        }
                    })}>
                    { for Underline::ALL.iter().map(|u| html! {
                        <option value={underline_name(*u)} selected={*u == label.underline}>{ underline_name(*u) }</option>
                    }) }
                </select></td>
                <td class="count">{ in_use }</td>
                <td>{ crate::ui::button("button danger", "Remove / 删除", remove) }</td>
            </tr>
        }
    });

    let confirm = removing.as_ref().map(|id| {
        let count = counts.get(id.as_str()).copied().unwrap_or(0);
        let others: Vec<Label> = draft.iter().filter(|l| l.id != *id).cloned().collect();
        let decide = |to: Option<String>| {
            let act = props.act.clone();
            let removing = removing.clone();
            let draft = draft.clone();
            let from = id.clone();
            let others = others.clone();
            Callback::from(move |_: MouseEvent| {
                act.emit(AnnotAction::Labels {
                    labels: others.clone(),
                    removed: Some((from.clone(), to.clone())),
                    now: dom::now_ms(),
                });
                draft.set(others.clone());
                removing.set(None);
            })
        };
        // Annotations of a removed label can move to the first remaining label.
        let move_to = others.first().cloned();
        html! {
            <div class="confirm" role="alertdialog" aria-label="Remove a label in use">
                <p>{ format!("{count} annotation(s) use this label. What should happen to them? / 有 {count} 条批注使用此标签。") }</p>
                if let Some(first) = move_to {
                    { crate::ui::button("button", format!("Move them to “{}” / 改为“{}”", first.name_en, first.name_zh), decide(Some(first.id.clone()))) }
                }
                { crate::ui::button("button danger", "Delete them / 一并删除", decide(None)) }
                { crate::ui::button("button", "Cancel / 取消", {
                    let removing = removing.clone();
                    Callback::from(move |_: MouseEvent| removing.set(None))
                }) }
            </div>
        }
    });

    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-label="Labels / 标签">
                <h2>{ "Labels / 标签" }</h2>
                <table class="labels-table">
                    <thead><tr><th>{ "Key" }</th><th>{ "中文" }</th><th>{ "English" }</th>
                        <th>{ "Colour" }</th><th>{ "Underline" }</th><th>{ "Used" }</th><th></th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                { confirm.unwrap_or_default() }
                if let Some(error) = &*problem {
                    { notice_box(&Notice::Error(error.clone()), "labels-problem", None) }
                }
                <div class="dialog-actions">
                    { crate::ui::button("button", "Add a label / 新增标签", add) }
                    { crate::ui::button("button primary", "Save / 保存", save) }
                    { crate::ui::button("button", "Close / 关闭", props.close.reform(|_: MouseEvent| ())) }
                </div>
            </div>
        </div>
    }
}
