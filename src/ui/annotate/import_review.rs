//! The import summary: per article, how many annotations are new, updated, unchanged,
//! conflicting or deleted here; nothing is applied until the reader chooses.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::interchange::{ConflictChoice, Review, Skipped};

#[derive(Properties)]
pub struct ReviewProps {
    pub review: Rc<Review>,
    pub on_apply: Callback<ConflictChoice>,
    pub on_cancel: Callback<()>,
}

/// By identity: a review is made once and never changed.
impl PartialEq for ReviewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.review, &other.review)
            && self.on_apply == other.on_apply
            && self.on_cancel == other.on_cancel
    }
}

/// Entries listed in the review (the count says how many there are in all).
const MAX_LISTED: usize = 20;

/// `heading (count)`, then the first [`MAX_LISTED`] entries, each with where and why: what
/// the import changed to fit pizhu's limits, or left out.
fn entries_text(heading: &str, entries: &[Skipped]) -> String {
    let mut text = format!("{heading} ({}):", entries.len());
    for entry in entries.iter().take(MAX_LISTED) {
        text.push_str(&format!(" {}: {};", entry.path, entry.reason));
    }
    if entries.len() > MAX_LISTED {
        text.push_str(" …");
    }
    text
}

/// Bytes in words: "820 bytes", "14.2 KB", "3.1 MB" (integer arithmetic: float formatting
/// would add kilobytes to the wasm).
fn size_text(bytes: usize) -> String {
    let (unit, name) = match bytes {
        0..1_000 => return format!("{bytes} bytes"),
        1_000..1_000_000 => (100, "KB"),
        _ => (100_000, "MB"),
    };
    let tenths = (bytes + unit / 2) / unit;
    format!("{}.{} {name}", tenths / 10, tenths % 10)
}

#[function_component(ImportReview)]
pub fn import_review(props: &ReviewProps) -> Html {
    let review = &props.review;
    let conflicts: usize = review
        .groups
        .iter()
        .map(|g| g.plan.conflicting.len() + g.plan.deleted_here.len())
        .sum();
    let changes: usize = review
        .groups
        .iter()
        .map(|g| g.plan.new.len() + g.plan.updated.len())
        .sum();
    let stored: usize = review.groups.iter().map(|g| g.stored_bytes).sum();
    let choose = |choice: ConflictChoice| props.on_apply.reform(move |_: MouseEvent| choice);
    html! {
        <div class="dialog-backdrop">
            <div class="dialog import-review" role="dialog" aria-modal="true" aria-label="Import annotations / 导入批注">
                <h2>{ "Import annotations / 导入批注" }</h2>
                <table class="labels-table">
                    <thead><tr>
                        <th>{ "Article / 文章" }</th><th>{ "New 新增" }</th><th>{ "Updated 更新" }</th>
                        <th>{ "Unchanged 相同" }</th><th>{ "Conflicting 冲突" }</th><th>{ "Deleted here 已删除" }</th>
                    </tr></thead>
                    <tbody>
                        { for review.groups.iter().map(|g| html! {
                            <tr>
                                <td>
                                    { g.title.clone() }
                                    if g.open { <span class="count">{ "open 当前" }</span> }
                                    else { <div class="panel-help">{ "Another article: kept, and shown when you open it. 其他文章：已保留，打开时显示。" }</div> }
                                </td>
                                <td>{ g.plan.new.len() }</td>
                                <td>{ g.plan.updated.len() }</td>
                                <td>{ g.plan.unchanged.len() }</td>
                                <td>{ g.plan.conflicting.len() }</td>
                                <td>{ g.plan.deleted_here.len() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <p class="panel-help import-size">{ format!(
                    "Stored in the browser: about {}. 将占用存储空间约 {}。", size_text(stored), size_text(stored)) }</p>
                if !review.adjusted.is_empty() {
                    <p class="panel-help import-adjusted">{ entries_text("Changed to fit pizhu's limits / 已按限制调整", &review.adjusted) }</p>
                }
                if !review.skipped.is_empty() {
                    <p class="panel-help import-skipped">{ entries_text("Left out / 未导入", &review.skipped) }</p>
                }
                if conflicts == 0 && changes == 0 {
                    <p>{ "Everything in this file is already here. Nothing to import. 无需导入。" }</p>
                }
                <div class="dialog-actions">
                    if conflicts > 0 {
                        { crate::ui::button("button primary", "Import, keep my versions of conflicts / 导入，冲突保留我的", choose(ConflictChoice::KeepMine)) }
                        { crate::ui::button("button", "Import, take theirs / 导入，冲突采用文件中的", choose(ConflictChoice::TakeTheirs)) }
                    } else if changes > 0 {
                        { crate::ui::button("button primary", "Import / 导入", choose(ConflictChoice::KeepMine)) }
                    }
                    { crate::ui::button("button", "Cancel / 取消", props.on_cancel.reform(|_: MouseEvent| ())) }
                </div>
            </div>
        </div>
    }
}
