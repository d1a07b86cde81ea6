//! Parsing a large article in slices, so the page never blocks for long: the body is fed to
//! html5ever a chunk at a time, then the DOM's top-level elements are walked a batch at a
//! time. The caller (the UI) yields to the browser between `step`s; the result is exactly
//! what `parse_with_base` returns for the same input.

use pizhu_dom::{Dom, NodeId, Parser};

use super::walk::Walker;
use super::{
    content_root, finish, parse_prepared, prepare, Article, Meta, ParseError, Parts, Route,
};

/// Bytes of markup handed to the tokenizer per step.
const CHUNK_BYTES: usize = 48 * 1024;
/// Top-level elements walked per step.
const WALK_BATCH: usize = 400;
/// Inputs up to this size are parsed in one step: splitting them gains nothing.
const SMALL_INPUT: usize = 128 * 1024;

enum Stage {
    Feeding {
        parser: Box<Parser>,
        pos: usize,
    },
    Walking {
        dom: Box<Dom>,
        children: Vec<NodeId>,
        next: usize,
        walker: Box<Walker>,
        page_title: Option<String>,
    },
    Finished(Box<Article>),
    Taken,
}

/// An article being parsed step by step. Create with `new`, call `step` until it returns
/// the article.
pub struct IncrementalParse {
    meta: Meta,
    body: String,
    base: Option<String>,
    stage: Stage,
}

impl IncrementalParse {
    pub fn new(input: &str, fallback_base: Option<&str>) -> Result<Self, ParseError> {
        let prepared = prepare(input, fallback_base)?;
        if prepared.route != Route::Html || input.len() <= SMALL_INPUT {
            let article = parse_prepared(prepared);
            return Ok(Self {
                meta: Meta::default(),
                body: String::new(),
                base: None,
                stage: Stage::Finished(Box::new(article)),
            });
        }
        Ok(Self {
            meta: prepared.meta,
            body: prepared.body.to_string(),
            base: prepared.base,
            stage: Stage::Feeding {
                parser: Box::default(),
                pos: 0,
            },
        })
    }

    /// Do one slice of work. Returns the article once parsing is complete.
    pub fn step(&mut self) -> Option<Article> {
        match std::mem::replace(&mut self.stage, Stage::Taken) {
            Stage::Feeding { mut parser, pos } => {
                let mut end = (pos + CHUNK_BYTES).min(self.body.len());
                while !self.body.is_char_boundary(end) {
                    end += 1;
                }
                parser.feed(&self.body[pos..end]);
                self.stage = if end < self.body.len() {
                    Stage::Feeding { parser, pos: end }
                } else {
                    let dom = parser.finish();
                    let (root, page_title) = content_root(&dom);
                    let children: Vec<NodeId> = dom.children(root).collect();
                    Stage::Walking {
                        dom: Box::new(dom),
                        children,
                        next: 0,
                        walker: Box::new(Walker::new(self.base.as_deref())),
                        page_title,
                    }
                };
                None
            }
            Stage::Walking {
                dom,
                children,
                next,
                mut walker,
                page_title,
            } => {
                let end = (next + WALK_BATCH).min(children.len());
                for &child in &children[next..end] {
                    // Depth 1: the children of the content root, as in a one-shot walk.
                    walker.node(&dom, child, 1);
                }
                if end < children.len() {
                    self.stage = Stage::Walking {
                        dom,
                        children,
                        next: end,
                        walker,
                        page_title,
                    };
                    return None;
                }
                let early_time = walker.early_time.take();
                let (blocks, byline) = walker.builder.finish();
                let parts = Parts {
                    blocks,
                    byline,
                    early_time,
                    page_title,
                };
                Some(finish(std::mem::take(&mut self.meta), Route::Html, parts))
            }
            Stage::Finished(article) => Some(*article),
            Stage::Taken => None,
        }
    }
}
