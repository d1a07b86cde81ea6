//! pizhu's own sample article (written for pizhu; not a copied news item), shown at first start.

/// The sample, in the feed-archive file format the app reads.
pub const SAMPLE_ARTICLE: &str = include_str!("../../assets/sample.md");
pub const SAMPLE_NAME: &str = "sample.md";
