//! The error and notice boxes. Errors use `role="alert"` so assistive technology reads them.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AlertProps {
    pub error: Option<String>,
    pub notice: Option<String>,
    pub on_dismiss: Callback<()>,
}

#[function_component(Alerts)]
pub fn alerts(props: &AlertProps) -> Html {
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <>
            if let Some(error) = &props.error {
                <div class="alert error" role="alert">
                    <span class="alert-text">{ error.clone() }</span>
                    <button type="button" class="alert-close" onclick={dismiss}
                        aria-label="Dismiss / 关闭">{ "×" }</button>
                </div>
            }
            if let Some(notice) = &props.notice {
                <div class="alert notice" role="status">{ notice.clone() }</div>
            }
        </>
    }
}
