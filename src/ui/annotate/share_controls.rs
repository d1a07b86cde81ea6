//! The export and share buttons in the panel's head: W3C JSON download (this article, or
//! every stored article), copy to the clipboard, the share link (Web Share where the
//! browser has it, else copied), and the annotated HTML page. Each reports what it did, or
//! why it could not, as a [`Notice`].

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::notice::Notice;
use crate::web::transfer::{self, Offered};

use super::exchange::{self, ExchangeError};
use super::state::AnnotState;
use super::use_persistence::RepoSlot;

/// What the buttons act on and report to.
pub struct ShareProps {
    pub state: UseReducerHandle<AnnotState>,
    pub repo: RepoSlot,
    pub notify: Callback<Notice>,
}

/// The buttons' actions. One callback and one future serve them all: each closure and each
/// future type is a copy of its machinery in the wasm.
#[derive(Clone, Copy)]
enum Share {
    Export,
    ExportAll,
    Copy,
    Link,
    Html,
}

/// The buttons. A plain function rather than a `#[function_component]`: it has no state of
/// its own, is drawn with the panel (whose callbacks read the state the panel shows), and
/// each component type costs its own copy of Yew's component machinery in the wasm.
pub fn share_controls(props: &ShareProps) -> Html {
    let act = {
        let (state, repo, notify) = (
            props.state.clone(),
            props.repo.clone(),
            props.notify.clone(),
        );
        Callback::from(move |action: Share| match action {
            Share::Copy | Share::Link => {
                let json = exchange::export_json(&state);
                let title = state.article.meta.title.clone();
                let notify = notify.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = match action {
                        Share::Link => share(json, &title).await,
                        _ => transfer::copy_text(&json)
                            .await
                            .map(|_| {
                                "The annotations (W3C JSON) are on the clipboard. 已复制。".into()
                            })
                            .map_err(ExchangeError::from),
                    };
                    notify.emit(Notice::of(outcome));
                });
            }
            _ => notify.emit(Notice::of(save(action, &state, &repo))),
        })
    };
    let button = |action: Share, class: &'static str, text: &'static str| {
        html! {
            <button type="button" class={crate::ui::class_list(&["button", class])}
                onclick={act.reform(move |_: MouseEvent| action)}>{ text }</button>
        }
    };
    html! {
        <div class="share-controls" role="group" aria-label="Export and share / 导出与分享">
            { button(Share::Export, "primary", "Export / 导出") }
            { button(Share::ExportAll, "", "Export all / 全部导出") }
            { button(Share::Copy, "", "Copy JSON / 复制") }
            { button(Share::Link, "", "Share link / 分享链接") }
            { button(Share::Html, "", "HTML") }
        </div>
    }
}

/// A download: this article's annotations, every stored article's, or the annotated HTML.
fn save(action: Share, state: &AnnotState, repo: &RepoSlot) -> Result<String, ExchangeError> {
    let (name, mime, contents) = match action {
        Share::ExportAll => {
            let json = match repo.borrow_mut().as_mut() {
                Some(repo) => exchange::export_everything(state, repo)?,
                None => return Err(ExchangeError::NotReady),
            };
            (
                "pizhu-all.annotations.json".to_string(),
                "application/ld+json",
                json,
            )
        }
        Share::Html => (
            exchange::export_name(&state.article, "annotated.html"),
            "text/html",
            exchange::export_html(state),
        ),
        _ => (
            exchange::export_name(&state.article, "annotations.json"),
            "application/ld+json",
            exchange::export_json(state),
        ),
    };
    transfer::download(&name, mime, &contents)?;
    Ok(match action {
        Share::ExportAll => "Saved pizhu-all.annotations.json. 已导出全部。".to_string(),
        Share::Html => format!("Saved {name}: readable anywhere, no scripts. 已导出 HTML。"),
        _ => format!("Saved {name}. 已导出。"),
    })
}

/// The share link, handed to the system's share sheet where there is one, else copied.
async fn share(json: String, title: &str) -> Result<String, ExchangeError> {
    let url = exchange::share_link(Rc::new(json)).await?;
    Ok(
        match transfer::offer_link(title, "pizhu annotations / 批注", &url).await? {
            Offered::Shared => "Shared. 已分享。".to_string(),
            Offered::Copied => format!(
                "Share link copied ({} characters). The annotations travel in the part after #, \
                 which is never sent to any server. 分享链接已复制。",
                url.chars().count()
            ),
        },
    )
}
