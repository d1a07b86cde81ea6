//! The export and share buttons in the panel's head: W3C JSON download (this article, or
//! every stored article), copy to the clipboard, the share link (Web Share where the
//! browser has it, else copied), and the annotated HTML page. Each reports what it did, or
//! why it could not, as a [`Notice`].

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::notice::Notice;
use crate::web::transfer;

use super::exchange::{self, ExchangeError};
use super::state::AnnotState;
use super::use_persistence::RepoSlot;

/// What the buttons act on and report to.
pub struct ShareProps {
    pub state: UseReducerHandle<AnnotState>,
    pub repo: RepoSlot,
    pub notify: Callback<Notice>,
}

/// The buttons. A plain function rather than a `#[function_component]`: it has no state of
/// its own, is drawn with the panel (whose callbacks read the state the panel shows), and
/// each component type costs its own copy of Yew's component machinery in the wasm.
pub fn share_controls(props: &ShareProps) -> Html {
    let export = {
        let (state, notify) = (props.state.clone(), props.notify.clone());
        Callback::from(move |_: MouseEvent| {
            let name = exchange::export_name(&state.article, "annotations.json");
            let outcome =
                transfer::download(&name, "application/ld+json", &exchange::export_json(&state))
                    .map(|_| format!("Saved {name}. 已导出。"));
            notify.emit(Notice::of(outcome));
        })
    };
    let export_all = {
        let (state, repo, notify) = (
            props.state.clone(),
            props.repo.clone(),
            props.notify.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let json = match repo.borrow_mut().as_mut() {
                Some(repo) => exchange::export_everything(&state, repo),
                None => Err(ExchangeError::NotReady),
            };
            let outcome = json.and_then(|json| {
                transfer::download("pizhu-all.annotations.json", "application/ld+json", &json)
                    .map(|_| "Saved pizhu-all.annotations.json. 已导出全部。".to_string())
                    .map_err(ExchangeError::from)
            });
            notify.emit(Notice::of(outcome));
        })
    };
    let copy = {
        let (state, notify) = (props.state.clone(), props.notify.clone());
        Callback::from(move |_: MouseEvent| {
            let json = exchange::export_json(&state);
            let notify = notify.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = transfer::copy_text(&json).await.map(|_| {
                    "The annotations (W3C JSON) are on the clipboard. 已复制。".to_string()
                });
                notify.emit(Notice::of(outcome));
            });
        })
    };
    let link = {
        let (state, notify) = (props.state.clone(), props.notify.clone());
        Callback::from(move |_: MouseEvent| {
            let json = Rc::new(exchange::export_json(&state));
            let title = state.article.meta.title.clone();
            let notify = notify.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = match exchange::share_link(json).await {
                    Ok(url) => offer_link(&title, &url).await.map_err(ExchangeError::from),
                    Err(error) => Err(error),
                };
                notify.emit(Notice::of(outcome));
            });
        })
    };
    let html_export = {
        let (state, notify) = (props.state.clone(), props.notify.clone());
        Callback::from(move |_: MouseEvent| {
            let name = exchange::export_name(&state.article, "annotated.html");
            let outcome = transfer::download(&name, "text/html", &exchange::export_html(&state))
                .map(|_| format!("Saved {name}: readable anywhere, no scripts. 已导出 HTML。"));
            notify.emit(Notice::of(outcome));
        })
    };
    html! {
        <div class="share-controls" role="group" aria-label="Export and share / 导出与分享">
            <button type="button" class="button primary" onclick={export}>{ "Export / 导出" }</button>
            <button type="button" class="button" onclick={export_all}>{ "Export all / 全部导出" }</button>
            <button type="button" class="button" onclick={copy}>{ "Copy JSON / 复制" }</button>
            <button type="button" class="button" onclick={link}>{ "Share link / 分享链接" }</button>
            <button type="button" class="button" onclick={html_export}>{ "HTML" }</button>
        </div>
    }
}

/// Hand the share link to the system's share sheet where there is one, else copy it.
async fn offer_link(title: &str, url: &str) -> Result<String, transfer::TransferError> {
    if transfer::can_share() {
        transfer::share(title, "pizhu annotations / 批注", url)
            .await
            .map(|_| "Shared. 已分享。".to_string())
    } else {
        transfer::copy_text(url).await.map(|_| {
            format!(
                "Share link copied ({} characters). The annotations travel in the part after #, \
                 which is never sent to any server. 分享链接已复制。",
                url.chars().count()
            )
        })
    }
}
