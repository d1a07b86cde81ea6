//! pizhu (批注): read raw news-article feed files in the browser and annotate their claims.
//!
//! `core` is plain Rust (parsing, offsets, anchoring, storage schema, interchange) and is
//! tested natively; `web` and `ui` are the thin browser layers, compiled only for wasm32.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
