//! Large annotation files read in pieces: an "Export all" of a big library is a JSON array of
//! one collection per article, and may be tens of MB. Parsing it whole into a
//! `serde_json::Value` takes several times its size in memory (and wasm memory never
//! shrinks), so [`ImportStream`] takes the file in chunks of any size, finds each top-level
//! entry of the array, and reads it on its own, as [`import`](super::import) reads that entry
//! in a small file: memory stays at one chunk plus one entry plus what was read. Each entry
//! has the import limit ([`MAX_IMPORT_BYTES`]); the file as a whole has none here (the UI
//! bounds it, and storage bounds what is kept).

use serde_json::Value;

use crate::core::label::Label;

use super::collection::read_collection;
use super::groups::{Groups, Reader};
use super::import::{finish, looks_like_annotation, not_json, ImportSet, MAX_IMPORT_BYTES};
use super::item::read_into;
use super::labels::LabelBook;
use super::node::Node;
use super::ImportError;

/// What the entries of the array are (the first entry decides, as for a small file).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Collections,
    Annotations,
}

/// Reads one JSON array of collections (or of annotations) fed in chunks.
pub struct ImportStream {
    reader: Reader,
    kind: Option<Kind>,
    scan: Scan,
    entry: Vec<u8>,
    entries: usize,
}

/// Where the scan is in the JSON text, outside the current entry's own bytes.
#[derive(Default)]
struct Scan {
    /// Inside the array (after `[`), and after its `]`.
    opened: bool,
    closed: bool,
    /// Nesting depth inside the current entry (0: between entries).
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// Line and column (from 1) of the next byte, and where the current entry began.
    line: usize,
    column: usize,
    entry_at: (usize, usize),
    /// Bytes before the first `[` (an optional byte-order mark and whitespace).
    lead: usize,
}

impl ImportStream {
    /// A new read, with the reader's own labels as the known ones.
    pub fn new(known: &[Label]) -> Self {
        ImportStream {
            reader: Reader {
                book: LabelBook::new(known),
                groups: Groups::default(),
                skipped: Vec::new(),
                adjusted: Vec::new(),
            },
            kind: None,
            scan: Scan {
                line: 1,
                column: 1,
                ..Scan::default()
            },
            entry: Vec::new(),
            entries: 0,
        }
    }

    /// Takes the next chunk of the file; reads every entry it completes.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), ImportError> {
        for &byte in chunk {
            self.byte(byte)?;
        }
        Ok(())
    }

    /// The file has ended: what was read, or why the file is not a whole array.
    pub fn finish(self) -> Result<ImportSet, ImportError> {
        if !self.scan.closed {
            return Err(ImportError::NotJson {
                line: self.scan.line,
                column: self.scan.column,
                reason: if self.scan.opened {
                    "the file ends too early, as if it were cut off".to_owned()
                } else {
                    "a large file must be a list of annotation collections (an \"Export all\")"
                        .to_owned()
                },
            });
        }
        if self.entries == 0 {
            return Err(ImportError::Empty);
        }
        finish(self.reader)
    }

    fn byte(&mut self, byte: u8) -> Result<(), ImportError> {
        let scan = &mut self.scan;
        let at = (scan.line, scan.column);
        if byte == b'\n' {
            scan.line += 1;
            scan.column = 1;
        } else if byte & 0xC0 != 0x80 {
            // Columns count characters, as serde_json's do: continuation bytes add none.
            scan.column += 1;
        }
        if scan.depth > 0 {
            self.entry.push(byte);
            if self.entry.len() > MAX_IMPORT_BYTES {
                return Err(ImportError::EntryTooLarge {
                    index: self.entries,
                    limit: MAX_IMPORT_BYTES,
                });
            }
            let scan = &mut self.scan;
            if scan.in_string {
                match byte {
                    _ if scan.escaped => scan.escaped = false,
                    b'\\' => scan.escaped = true,
                    b'"' => scan.in_string = false,
                    _ => {}
                }
                return Ok(());
            }
            match byte {
                b'"' => scan.in_string = true,
                b'{' | b'[' => scan.depth += 1,
                b'}' | b']' => {
                    scan.depth -= 1;
                    if scan.depth == 0 {
                        return self.entry_done();
                    }
                }
                _ => {}
            }
            return Ok(());
        }
        let unexpected = |what: &str| ImportError::NotJson {
            line: at.0,
            column: at.1,
            reason: what.to_owned(),
        };
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            0xEF | 0xBB | 0xBF if !scan.opened && scan.lead < 3 => scan.lead += 1,
            b'[' if !scan.opened => scan.opened = true,
            _ if !scan.opened || scan.closed => {
                return Err(unexpected(
                    "a large file must be a list of annotation collections (an \"Export all\")",
                ))
            }
            b',' => {}
            b']' => scan.closed = true,
            b'{' => {
                scan.depth = 1;
                scan.entry_at = at;
                self.entry.push(byte);
            }
            _ => {
                return Err(unexpected(
                    "expected an object as the next entry of the list",
                ))
            }
        }
        Ok(())
    }

    /// Parses the entry just completed and reads it into the shared reader.
    fn entry_done(&mut self) -> Result<(), ImportError> {
        let index = self.entries;
        self.entries += 1;
        let bytes = std::mem::take(&mut self.entry);
        let value: Value = serde_json::from_slice(&bytes).map_err(|error| {
            // Where in the file: the entry's own line and column, moved to where it began.
            let (line, column) = self.scan.entry_at;
            match not_json(error) {
                ImportError::NotJson {
                    line: l,
                    column: c,
                    reason,
                } => ImportError::NotJson {
                    line: line + l - 1,
                    column: if l == 1 { column + c - 1 } else { c },
                    reason,
                },
                other => other,
            }
        })?;
        let node = Node {
            value: &value,
            path: format!("[{index}]"),
        };
        let kind = if node.has_type("AnnotationCollection") {
            Kind::Collections
        } else if looks_like_annotation(&value) {
            Kind::Annotations
        } else {
            return Err(node.problem("expected an AnnotationCollection or an Annotation"));
        };
        if *self.kind.get_or_insert(kind) != kind {
            return Err(node.problem("expected the same kind of entry as the first of the list"));
        }
        match kind {
            Kind::Collections => read_collection(&node, &mut self.reader),
            Kind::Annotations => read_into(&node, &mut self.reader, false, None),
        }
    }
}
