//! The pure core: parsing, text offsets, the annotation model and anchoring, labels,
//! storage, interchange and the library. Nothing here touches the browser, so all of it is
//! tested natively with `cargo test`.
//!
//! Layering: `article` and `text` know nothing of annotations; `annotation` (the model,
//! anchoring, the article state and its merge) and `label` (the palette) are the domain;
//! `store` persists them and `interchange` reads and writes them as files (its import review
//! stores other articles' annotations through `store`'s repository; `store` never imports
//! `interchange`). `library` (records, folder import, search, the library view) reads
//! `article`, `annotation`, `text` and `interchange`'s content hash; nothing imports it.
//! No module here imports one that imports it.

pub mod annotation;
pub mod article;
pub(crate) mod de;
pub mod interchange;
pub mod label;
/// The library: article records, folder import decisions, search, the library view's order.
pub mod library;
pub mod sort;
pub mod store;
pub mod text;
