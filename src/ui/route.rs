//! The app's views. Today there is one, the reader with its panel; the library, search and
//! the table of all annotations become more variants here, each with its arm in the shell's
//! `view` (`ui::app`). Deliberately no URL routes yet: the page's fragment carries share
//! links (`#pizhu=...`), and a route in it must leave those working.

/// Which view `<main>` shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Route {
    /// The open article, its highlights and the annotation panel.
    #[default]
    Reader,
}
