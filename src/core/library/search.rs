//! Search across the library as the reader types: article titles and texts, annotation
//! quotes and notes, by substring of the folded text (Chinese has no spaces between words;
//! see [`super::fold`] for what folding equates).
//!
//! A [`SearchIndex`] holds every article's texts with their folded copies, made once when
//! an article enters it, so a keystroke costs a substring scan of the folded texts and the
//! offset mapping and snippets of the hits it returns. Results come in a fixed order: title
//! hits first, then by article (most recent first) its text hits by position and then its
//! annotations' quote and note hits in document order; at most `limit` of them.

use super::fold::Folded;
use super::snippet::snippet;
use super::ArticleRecord;
use crate::core::annotation::Annotation;
use crate::core::sort::{sort_by, sort_by_key};

/// Where in an article a search hit is; annotation hits name the annotation and its label id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Title,
    Text,
    Quote { id: String, label: String },
    Note { id: String, label: String },
}

/// One match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The article's key.
    pub key: String,
    pub place: Place,
    /// Code-point range of the match in the text it was found in (the title, the canonical
    /// text, the quote or the note), end exclusive.
    pub range: (usize, usize),
    /// The match with some context around it.
    pub snippet: String,
    /// Code-point range of the match in `snippet`.
    pub snippet_range: (usize, usize),
}

/// The hits of one search, and whether there were more than the limit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    pub more: bool,
}

/// A searchable text: as written and folded.
#[derive(Clone, Debug)]
struct Field {
    original: String,
    folded: Folded,
}

impl Field {
    fn new(text: &str) -> Self {
        Self {
            original: text.to_string(),
            folded: Folded::new(text),
        }
    }
}

#[derive(Clone, Debug)]
struct Marked {
    id: String,
    label: String,
    quote: Field,
    note: Field,
}

#[derive(Clone, Debug)]
struct Doc {
    key: String,
    date: i64,
    title: Field,
    text: Field,
    /// The article's annotations in document order.
    marks: Vec<Marked>,
}

/// The library's texts ready for search, most recent article first.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    docs: Vec<Doc>,
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Adds `record` with its live `annotations`, replacing the article with its key.
    pub fn insert(&mut self, record: &ArticleRecord, annotations: &[Annotation]) {
        self.remove(&record.key);
        self.push(record, &record.text, annotations);
        self.sort();
    }

    /// Adds an article that is not in the index yet, searched in `text`, out of order: a
    /// run of these ends with [`Self::sort`]. Building a library's index this way sorts once,
    /// where inserting each article in its place would shift the list each time.
    pub fn push(&mut self, record: &ArticleRecord, text: &str, annotations: &[Annotation]) {
        self.docs.push(Doc {
            key: record.key.clone(),
            date: record.date_ms(),
            title: Field::new(&record.title),
            text: Field::new(text),
            marks: marks(annotations),
        });
    }

    /// Puts the articles in the order results come in: most recent first, then by key, so
    /// the order never depends on the order they were added in.
    pub fn sort(&mut self) {
        sort_by(&mut self.docs, |a, b| {
            b.date.cmp(&a.date).then_with(|| a.key.cmp(&b.key))
        });
    }

    /// Replaces the annotations of the article `key`; false if it is not in the index.
    pub fn set_annotations(&mut self, key: &str, annotations: &[Annotation]) -> bool {
        match self.docs.iter_mut().find(|d| d.key == key) {
            Some(doc) => {
                doc.marks = marks(annotations);
                true
            }
            None => false,
        }
    }

    /// Removes the article `key`; false if it was not there.
    pub fn remove(&mut self, key: &str) -> bool {
        let before = self.docs.len();
        self.docs.retain(|d| d.key != key);
        self.docs.len() != before
    }

    /// The first `limit` hits of `query` (folded as the texts are); none for a query that
    /// is empty or only spaces.
    pub fn search(&self, query: &str, limit: usize) -> SearchResults {
        let needle = Folded::new(query).text;
        let mut found = Found {
            needle_chars: needle.chars().count(),
            needle: &needle,
            limit,
            results: SearchResults::default(),
        };
        if needle.trim().is_empty() {
            return found.results;
        }
        if self
            .docs
            .iter()
            .all(|doc| found.scan(&doc.key, &doc.title, || Place::Title))
        {
            self.docs.iter().all(|doc| found.scan_article(doc));
        }
        found.results
    }
}

/// The searchable part of `annotations`, in document order.
fn marks(annotations: &[Annotation]) -> Vec<Marked> {
    let mut sorted: Vec<&Annotation> = annotations.iter().collect();
    sort_by_key(&mut sorted, |a| {
        (a.target.position.start, a.target.position.end)
    });
    sorted
        .into_iter()
        .map(|a| Marked {
            id: a.id.clone(),
            label: a.label.clone(),
            quote: Field::new(&a.target.quote.exact),
            note: Field::new(&a.note),
        })
        .collect()
}

/// One search under way.
struct Found<'a> {
    needle: &'a str,
    needle_chars: usize,
    limit: usize,
    results: SearchResults,
}

impl Found<'_> {
    /// Adds the hits in the text and the annotations of `doc`; false once past the limit.
    fn scan_article(&mut self, doc: &Doc) -> bool {
        self.scan(&doc.key, &doc.text, || Place::Text)
            && doc.marks.iter().all(|m| {
                let (id, label) = (&m.id, &m.label);
                self.scan(&doc.key, &m.quote, || Place::Quote {
                    id: id.clone(),
                    label: label.clone(),
                }) && self.scan(&doc.key, &m.note, || Place::Note {
                    id: id.clone(),
                    label: label.clone(),
                })
            })
    }

    /// Adds the hits in `field`; false once the limit is reached and one more hit was seen.
    fn scan(&mut self, key: &str, field: &Field, place: impl Fn() -> Place) -> bool {
        let folded = &field.folded;
        // Cursors over the folded and the original text: hits come in order, so each text
        // is walked once however many hits it has.
        let (mut folded_byte, mut folded_char) = (0, 0);
        let mut original = field.original.char_indices().enumerate().peekable();
        let mut byte_of = |at: usize| {
            while original.next_if(|(i, _)| *i < at).is_some() {}
            original
                .peek()
                .map_or(field.original.len(), |(_, (b, _))| *b)
        };
        for (byte, _) in folded.text.match_indices(self.needle) {
            if self.results.hits.len() == self.limit {
                self.results.more = true;
                return false;
            }
            folded_char += folded.text[folded_byte..byte].chars().count();
            folded_byte = byte;
            let start = folded.original(folded_char, false);
            let end = folded.original(folded_char + self.needle_chars, true);
            // Only starts move the cursor: a match ending inside one code point's expansion
            // ends after it, where the next match may start.
            let start_byte = byte_of(start);
            let end_byte = field.original[start_byte..]
                .char_indices()
                .nth(end - start)
                .map_or(field.original.len(), |(at, _)| start_byte + at);
            let (snippet, snippet_range) = snippet(&field.original, start_byte, end_byte);
            self.results.hits.push(Hit {
                key: key.to_string(),
                place: place(),
                range: (start, end),
                snippet,
                snippet_range,
            });
        }
        true
    }
}
