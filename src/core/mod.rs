//! The pure core: parsing, text offsets, anchoring, storage schema and interchange.
//! Nothing here touches the browser, so all of it is tested natively with `cargo test`.

pub mod annotation;
pub mod article;
pub mod interchange;
pub mod sort;
pub mod store;
pub mod text;
