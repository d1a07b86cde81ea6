//! Text offsets over the canonical article text.
//!
//! Annotation offsets count Unicode code points (`char`s), as the W3C Web
//! Annotation `TextPositionSelector` requires; the DOM speaks UTF-16 and Rust
//! slices by byte. This module owns the conversions between the three, the
//! grapheme-aware widening of ranges, whitespace trimming, moving a selection by keyboard
//! (sentences, single characters), and the map to the rendered text a DOM-reading peer sees.

mod ascii;
mod case;
mod graphemes;
mod index;
mod moves;
mod offsets;
mod rendered;
mod visible;
mod whitespace;

pub use ascii::{after_last, rfind_ascii, trim_prefixes};
pub use case::{is_alphanumeric, push_lowercase};
pub use graphemes::{snap_to_graphemes, snap_to_graphemes_in};
pub use index::CharIndex;
pub use moves::{clean_range, move_selection, sentence_spans, SelectionMove};
pub use offsets::{byte_to_char, char_to_byte, char_to_utf16_offset, utf16_to_char_offset};
pub use rendered::{without_separators, RenderedText};
pub use visible::{
    clean_identifier, is_disguising, last_chars, name_key, truncate_chars, without_invisible,
};
pub use whitespace::{is_trimmable, trim_whitespace, trim_whitespace_in};

pub(crate) use graphemes::{ceil_boundary, floor_boundary};
