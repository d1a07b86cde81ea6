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
    let mut parse = match start_parse(bytes, fallback_base.as_deref()) {
        Ok(parse) => parse,
        Err(error) => {
            done.emit(Err(error));
            return;
        }
    };
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

/// The checks before parsing (size, UTF-8) and the parse itself, set up to run in steps.
fn start_parse(
    bytes: Vec<u8>,
    fallback_base: Option<&str>,
) -> Result<IncrementalParse, ParseError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ParseError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let text = String::from_utf8(bytes).map_err(|_| ParseError::NotText)?;
    IncrementalParse::new(&text, fallback_base)
}

/// Parse `bytes` `times` times, as `open_bytes` does from the same bytes (without its yields
/// between steps); returns the last article's length in code points, or 0 when it cannot be
/// parsed (a number, not a `Result`: that would cost the export a shim and more glue).
/// The performance budget test (tests/e2e/budgets.test.mjs) times many parses inside one
/// `performance.now()` interval with this, because a page that is not cross-origin isolated
/// reads the clock only to 0.1 ms, a third of the time the browser's own parser needs for a
/// large article.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = pizhuParseRepeatedly)]
pub fn parse_repeatedly(bytes: &[u8], times: u32) -> usize {
    let mut chars = 0;
    for _ in 0..times {
        let Ok(mut parse) = start_parse(bytes.to_vec(), None) else {
            return 0;
        };
        chars = loop {
            if let Some(article) = parse.step() {
                break article.char_len;
            }
        };
    }
    chars
}
