//! Turning raw bytes into an opened article, with User Timing around the parse.

use std::rc::Rc;

use crate::core::article::{self, ParseError};
use crate::web::timing;

use super::state::Opened;

/// Parse `bytes` named `name`, measured as `pizhu:parse`, and mark the start of rendering.
pub fn open_bytes(
    name: &str,
    bytes: &[u8],
    fallback_base: Option<&str>,
) -> Result<Opened, ParseError> {
    timing::mark("pizhu:parse-start");
    let parsed = match std::str::from_utf8(bytes) {
        Ok(text) => article::parse_with_base(text, fallback_base),
        Err(_) => article::parse_bytes(bytes),
    };
    timing::measure("pizhu:parse", "pizhu:parse-start");
    timing::mark("pizhu:render-start");
    let article = parsed?;
    Ok(Opened {
        name: name.to_string(),
        article: Rc::new(article),
    })
}
