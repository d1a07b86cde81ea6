//! Helpers shared by the integration tests: annotation builders and repos
//! over a shared in-memory store.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use pizhu::core::annotation::{
    Annotation, ArticleState, Target, TextPositionSelector, TextQuoteSelector,
};
use pizhu::core::store::{AnnotationRepo, MemoryStore};

pub type Shared = Rc<RefCell<MemoryStore>>;

pub fn ann(id: &str, modified: i64) -> Annotation {
    ann_in("art", id, modified, "")
}

pub fn ann_in(article: &str, id: &str, modified: i64, note: &str) -> Annotation {
    Annotation {
        id: id.to_owned(),
        article: article.to_owned(),
        label: "fact".to_owned(),
        note: note.to_owned(),
        created: 1,
        modified,
        target: Target {
            quote: TextQuoteSelector {
                exact: format!("quote {id}"),
                prefix: "before ".to_owned(),
                suffix: " after".to_owned(),
            },
            position: TextPositionSelector { start: 10, end: 20 },
        },
    }
}

pub fn state(annotations: Vec<Annotation>) -> ArticleState {
    ArticleState {
        annotations,
        tombstones: Vec::new(),
    }
}

pub fn ids(state: &ArticleState) -> Vec<&str> {
    state.annotations.iter().map(|a| a.id.as_str()).collect()
}

pub fn shared() -> Shared {
    Rc::new(RefCell::new(MemoryStore::new()))
}

pub fn tab(store: &Shared) -> AnnotationRepo<Shared> {
    AnnotationRepo::new(Rc::clone(store), || 1_700_000_000_000)
}

pub fn raw(store: &Shared, key: &str) -> Option<String> {
    use pizhu::core::store::KeyValue;
    store.get(key).ok().flatten()
}

pub fn put(store: &Shared, key: &str, value: &str) {
    use pizhu::core::store::KeyValue;
    let mut handle = Rc::clone(store);
    handle.set(key, value).unwrap();
}
