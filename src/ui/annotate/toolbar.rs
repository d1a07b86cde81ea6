//! The small label toolbar that appears at a selection. Number keys 1-9 do the same.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::core::label::Label;

use super::state::Pending;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub pending: Pending,
    pub labels: Vec<Label>,
    pub on_label: Callback<String>,
    /// Offered when an orphan is open: attach it to this selection instead.
    #[prop_or_default]
    pub reattach: Option<Callback<()>>,
}

#[function_component(SelectionToolbar)]
pub fn selection_toolbar(props: &ToolbarProps) -> Html {
    let node = use_node_ref();
    {
        // Position with the CSSOM (inline style attributes are blocked by the CSP).
        let node = node.clone();
        let rect = props.pending.rect;
        use_effect_with(rect, move |&(left, top, _width, height)| {
            if let Some(element) = node.cast::<HtmlElement>() {
                let style = element.style();
                let window_width = web_sys::window()
                    .and_then(|w| w.inner_width().ok())
                    .and_then(|v| v.as_f64())
                    .unwrap_or(1024.0);
                let toolbar_width = f64::from(element.offset_width());
                let x = left
                    .max(8.0)
                    .min((window_width - toolbar_width - 8.0).max(8.0));
                let above = top - f64::from(element.offset_height()) - 8.0;
                let y = if above > 56.0 {
                    above
                } else {
                    top + height + 8.0
                };
                let _ = style.set_property("left", &format!("{}px", x as i32));
                let _ = style.set_property("top", &format!("{}px", y as i32));
            }
        });
    }
    // Keep the selection: a mousedown on a button would otherwise clear it first.
    let keep_selection = Callback::from(|event: MouseEvent| event.prevent_default());
    html! {
        <div class="selection-toolbar" ref={node} role="toolbar"
            aria-label="Label the selection / 为选中文字加标签" onmousedown={keep_selection}>
            { for props.labels.iter().take(9).enumerate().map(|(i, label)| {
                let on_label = props.on_label.clone();
                let id = label.id.clone();
                let onclick = Callback::from(move |_: MouseEvent| on_label.emit(id.clone()));
                html! {
                    <button type="button" class="label-chip" data-label={label.id.clone()} {onclick}
                        title={format!("{} / {} (key {})", label.name_zh, label.name_en, i + 1)}>
                        <kbd>{ i + 1 }</kbd>{ label.name_zh.clone() }
                    </button>
                }
            }) }
            if let Some(reattach) = &props.reattach {
                { crate::ui::button("button reattach", "Attach the open orphan here / 重新定位", reattach.reform(|_: MouseEvent| ())) }
            }
        </div>
    }
}
