//! Turning raw bytes into an opened article, with User Timing around the parse. Large
//! articles are parsed in slices with a yield to the browser between them, so the page stays
//! responsive; `pizhu:parse` then measures the whole, yields included, and one more yield
//! separates the parse's last slice from the first render.

use std::rc::Rc;

use yew::Callback;

use crate::core::article::{IncrementalParse, ParseError, MAX_INPUT_BYTES};
use crate::web::timing;

use super::state::Opened;

/// Parse `bytes` named `name` and report the result through `done` (at once for small
/// inputs, after a few animation-free yields for large ones).
pub fn open_bytes(
    name: String,
    bytes: Vec<u8>,
    fallback_base: Option<String>,
    done: Callback<Result<Opened, ParseError>>,
) {
    timing::mark("pizhu:parse-start");
    if bytes.len() > MAX_INPUT_BYTES {
        done.emit(Err(ParseError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        }));
        return;
    }
    let Ok(text) = String::from_utf8(bytes) else {
        done.emit(Err(ParseError::NotText));
        return;
    };
    let mut parse = match IncrementalParse::new(&text, fallback_base.as_deref()) {
        Ok(parse) => parse,
        Err(error) => {
            done.emit(Err(error));
            return;
        }
    };
    drop(text);
    // `pizhu:render` runs from here to the first paint, so parse + render is the whole open.
    let parsed = || {
        timing::measure("pizhu:parse", "pizhu:parse-start");
        timing::mark("pizhu:render-start");
    };
    let finish = move |article| {
        done.emit(Ok(Opened {
            name,
            article: Rc::new(article),
        }));
    };
    if let Some(article) = parse.step() {
        parsed();
        finish(article);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            gloo::timers::future::TimeoutFuture::new(0).await;
            if let Some(article) = parse.step() {
                parsed();
                // The last slice (the rest of the walk, cleanup, canonical text) is a task of
                // its own; opening the article in the same one could pass 50 ms.
                gloo::timers::future::TimeoutFuture::new(0).await;
                finish(article);
                return;
            }
        }
    });
}
