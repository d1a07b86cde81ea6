//! The error and notice boxes. Errors use `role="alert"` so assistive technology reads them.
//!
//! A plain function rather than a `#[function_component]`: it has no state, and each component
//! type costs its own copy of Yew's component machinery in the wasm.

use yew::prelude::*;

pub fn alerts(error: Option<&str>, notice: Option<&str>, on_dismiss: &Callback<()>) -> Html {
    let dismiss = on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <>
            if let Some(error) = error {
                <div class="alert error" role="alert">
                    <span class="alert-text">{ error.to_owned() }</span>
                    <button type="button" class="alert-close" onclick={dismiss}
                        aria-label="Dismiss / 关闭">{ "×" }</button>
                </div>
            }
            if let Some(notice) = notice {
                <div class="alert notice" role="status">{ notice.to_owned() }</div>
            }
        </>
    }
}
