//! App state and its reducer: which articles are open, which one is shown, and the message
//! the reader should see. Every change goes through `Action`, so the UI stays predictable.

use std::rc::Rc;

use yew::Reducible;

use crate::core::article::Article;

use super::annotate::{Incoming, IncomingFile};
use super::route::Route;

/// An article the reader opened in this session.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub name: String,
    pub article: Rc<Article>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    /// The view shown.
    pub route: Route,
    pub opened: Vec<Opened>,
    pub current: Option<usize>,
    /// An error to show in the `role="alert"` box; the current article stays readable.
    pub error: Option<String>,
    /// A non-error notice (for example, storage is unavailable).
    pub notice: Option<String>,
    /// The last annotation file handed to the open article for review.
    pub incoming: Option<Incoming>,
}

pub enum Action {
    Open(Opened),
    /// An annotation (JSON) file to import into the open article.
    Import(Vec<u8>),
    /// An annotation file too large to read whole: read in pieces by the import.
    ImportLarge(web_sys::File),
    Select(usize),
    /// The view the URL's fragment names.
    Route(Route),
    Fail(String),
    Notice(String),
    DismissError,
}

impl AppState {
    pub fn article(&self) -> Option<&Opened> {
        self.opened.get(self.current?)
    }

    /// Hand an annotation file to the open article's import (a new sequence number, so the
    /// same file handed twice is reviewed twice).
    fn hand_over(&mut self, file: IncomingFile) {
        let seq = self.incoming.as_ref().map_or(1, |i| i.seq + 1);
        self.incoming = Some(Incoming { seq, file });
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Open(opened) => {
                // Re-opening the same file replaces it rather than listing it twice.
                let same = next.opened.iter().position(|o| {
                    o.name == opened.name && o.article.meta.title == opened.article.meta.title
                });
                let index = match same {
                    Some(index) => {
                        next.opened[index] = opened;
                        index
                    }
                    None => {
                        next.opened.push(opened);
                        next.opened.len() - 1
                    }
                };
                next.current = Some(index);
                next.error = None;
                next.route = Route::Reader;
            }
            Action::Import(bytes) => next.hand_over(IncomingFile::Bytes(Rc::new(bytes))),
            Action::ImportLarge(file) => next.hand_over(IncomingFile::Large(file)),
            Action::Select(index) => {
                if index < next.opened.len() {
                    next.current = Some(index);
                }
            }
            Action::Route(route) => next.route = route,
            Action::Fail(message) => next.error = Some(message),
            Action::Notice(message) => next.notice = Some(message),
            Action::DismissError => next.error = None,
        }
        Rc::new(next)
    }
}
