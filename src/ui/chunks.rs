//! Which blocks of a long article are in the page yet. Building the DOM of thousands of
//! paragraphs in one go blocks the page for well over 50 ms (a 1 MB article: 4,800
//! paragraphs, 115-160 ms), so the article view renders its blocks as a fixed list of
//! chunk components. An article of up to `EAGER_BLOCKS` blocks (a normal one: a few dozen to
//! a few hundred) renders whole with the article, one render exactly as before; a longer one
//! renders its first chunk, and the other chunks, empty at first, are filled in order, one
//! per frame, after the first paint.
//!
//! A chunk only ever goes from no nodes to its blocks, so filling one inserts new nodes after
//! the rendered ones and never moves, replaces or re-renders a node that is already there:
//! the reader's selection, made while the rest is still arriving, stays as it is
//! (`tests/e2e/annotate.test.mjs` checks this in Chromium). Work that needs a block that is
//! not in the page yet (scrolling to a highlight) asks for its chunk out of turn.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use gloo::render::AnimationFrame;
use gloo::timers::callback::Timeout;
use yew::functional::UseForceUpdateHandle;

use crate::web::timing;

/// Blocks per chunk component. Measured on the 1 MB article (release build, Chromium trace):
/// rendering 150 paragraphs takes 3-6 ms, and the frame that lays them out 11-16 ms.
pub const CHUNK_BLOCKS: usize = 150;
/// An article of up to this many blocks renders whole, with the article itself, as it always
/// did: that covers normal articles (the largest corpus article has 135 blocks, a 50 KB
/// article of short paragraphs about 230). A longer one starts with its first chunk, several
/// screens of text.
pub const EAGER_BLOCKS: usize = 450;

/// The rendering progress of one article's blocks, shared by the article view, its chunk
/// components and whoever needs a block in the page (the workspace's scrolling).
pub struct Chunks {
    blocks: usize,
    inner: RefCell<Inner>,
}

/// Work waiting for chunk `chunk`: once its blocks are in the DOM, or (`settled`) once every
/// chunk up to it is.
struct Waiting {
    chunk: usize,
    settled: bool,
    then: Box<dyn FnOnce()>,
}

#[derive(Default)]
struct Inner {
    /// Per chunk: may render its blocks (eager ones from the start, the rest in turn or on
    /// demand).
    filled: Vec<bool>,
    /// Per chunk: its blocks are in the DOM (reported by the chunk after it rendered).
    rendered: Vec<bool>,
    /// Per chunk: the re-render handle of the mounted chunk component.
    redraw: Vec<Option<UseForceUpdateHandle>>,
    /// Work waiting for a chunk to be in the DOM.
    waiting: Vec<Waiting>,
    /// The first paint happened, so the background fill may run.
    started: bool,
    /// `pizhu:render-complete` was measured: nothing is left to do.
    done: bool,
    /// The pending step of the background fill (a frame, then a task of its own) or the
    /// frame that measures the end; dropping them cancels them.
    frame: Option<AnimationFrame>,
    timer: Option<Timeout>,
}

impl Chunks {
    pub fn new(blocks: usize) -> Self {
        let count = blocks.div_ceil(CHUNK_BLOCKS);
        let eager = if blocks <= EAGER_BLOCKS { count } else { 1 };
        Self {
            blocks,
            inner: RefCell::new(Inner {
                filled: (0..count).map(|i| i < eager).collect(),
                rendered: vec![false; count],
                redraw: (0..count).map(|_| None).collect(),
                ..Inner::default()
            }),
        }
    }

    /// Number of chunks.
    pub fn len(&self) -> usize {
        self.blocks.div_ceil(CHUNK_BLOCKS)
    }

    pub fn is_empty(&self) -> bool {
        self.blocks == 0
    }

    /// The blocks of chunk `chunk`.
    pub fn blocks_of(&self, chunk: usize) -> Range<usize> {
        let start = (chunk * CHUNK_BLOCKS).min(self.blocks);
        start..(start + CHUNK_BLOCKS).min(self.blocks)
    }

    /// Whether chunk `chunk` renders its blocks (otherwise it renders nothing yet).
    pub fn is_filled(&self, chunk: usize) -> bool {
        self.inner
            .borrow()
            .filled
            .get(chunk)
            .copied()
            .unwrap_or(true)
    }

    /// Every block is in the DOM.
    pub fn is_complete(&self) -> bool {
        self.inner.borrow().rendered.iter().all(|r| *r)
    }

    /// A mounted chunk component registers the handle that re-renders it.
    pub fn attach(&self, chunk: usize, redraw: UseForceUpdateHandle) {
        if let Some(slot) = self.inner.borrow_mut().redraw.get_mut(chunk) {
            *slot = Some(redraw);
        }
    }

    pub fn detach(&self, chunk: usize) {
        if let Some(slot) = self.inner.borrow_mut().redraw.get_mut(chunk) {
            *slot = None;
        }
    }

    /// A chunk component reports that its blocks are in the DOM: run what waited for them,
    /// then go on with the next chunk (or measure the end).
    pub fn rendered(self: &Rc<Self>, chunk: usize) {
        let ready: Vec<Box<dyn FnOnce()>> = {
            let mut inner = self.inner.borrow_mut();
            if let Some(done) = inner.rendered.get_mut(chunk) {
                *done = true;
            }
            let waiting = std::mem::take(&mut inner.waiting);
            let rendered = &inner.rendered;
            let is_ready = |w: &Waiting| {
                let from = if w.settled { 0 } else { w.chunk };
                rendered
                    .get(from..=w.chunk)
                    .is_none_or(|chunks| chunks.iter().all(|r| *r))
            };
            let (ready, rest): (Vec<Waiting>, Vec<Waiting>) =
                waiting.into_iter().partition(is_ready);
            inner.waiting = rest;
            ready.into_iter().map(|w| w.then).collect()
        };
        for then in ready {
            then();
        }
        if self.inner.borrow().started {
            self.schedule();
        }
    }

    /// The article's first paint happened (`pizhu:render`): fill the remaining chunks from
    /// here, or measure `pizhu:render-complete` if there are none.
    pub fn start(self: &Rc<Self>) {
        self.inner.borrow_mut().started = true;
        if self.is_complete() {
            self.finish();
        } else {
            self.schedule();
        }
    }

    fn finish(&self) {
        let mut inner = self.inner.borrow_mut();
        if !inner.done {
            inner.done = true;
            timing::measure("pizhu:render-complete", "pizhu:render-start");
        }
    }

    /// Every block up to `block` is in the DOM, so nothing will be inserted above it any more.
    pub fn is_settled(&self, block: usize) -> bool {
        let chunk = block / CHUNK_BLOCKS;
        let inner = self.inner.borrow();
        inner.rendered.iter().take(chunk + 1).all(|r| *r)
    }

    /// Run `then` once block `block` is in the DOM: at once if it is, else right after its
    /// chunk has rendered, out of turn (the chunks before it keep arriving in order).
    pub fn when_rendered(self: &Rc<Self>, block: usize, then: impl FnOnce() + 'static) {
        let chunk = block / CHUNK_BLOCKS;
        if self
            .inner
            .borrow()
            .rendered
            .get(chunk)
            .copied()
            .unwrap_or(true)
        {
            then();
            return;
        }
        let redraw = {
            let mut inner = self.inner.borrow_mut();
            inner.waiting.push(Waiting {
                chunk,
                settled: false,
                then: Box::new(then),
            });
            if let Some(filled) = inner.filled.get_mut(chunk) {
                *filled = true;
            }
            inner.redraw.get(chunk).cloned().flatten()
        };
        // A chunk not mounted yet renders its blocks when it mounts, since it is filled now.
        if let Some(redraw) = redraw {
            redraw.force_update();
        }
    }

    /// Run `then` once every block up to `block` is in the DOM, so that nothing will be
    /// inserted above it any more: at once if so, else when the last of those chunks renders
    /// (in turn; this does not hurry them).
    pub fn when_settled(&self, block: usize, then: impl FnOnce() + 'static) {
        if self.is_settled(block) {
            then();
            return;
        }
        self.inner.borrow_mut().waiting.push(Waiting {
            chunk: block / CHUNK_BLOCKS,
            settled: true,
            then: Box::new(then),
        });
    }

    /// Queue the next step: after the next frame, in a task of its own, fill the first chunk
    /// still empty. One chunk per frame keeps each frame's style and layout work small too.
    fn schedule(self: &Rc<Self>) {
        let mut inner = self.inner.borrow_mut();
        if inner.done || inner.frame.is_some() || inner.timer.is_some() {
            return;
        }
        let weak = Rc::downgrade(self);
        if inner.rendered.iter().all(|r| *r) {
            // Measured at the frame after the last chunk: everything is laid out and painted.
            inner.frame = Some(gloo::render::request_animation_frame(move |_| {
                if let Some(chunks) = weak.upgrade() {
                    chunks.inner.borrow_mut().frame.take();
                    chunks.finish();
                }
            }));
            return;
        }
        inner.frame = Some(gloo::render::request_animation_frame(move |_| {
            let Some(chunks) = weak.upgrade() else {
                return;
            };
            let weak = Rc::downgrade(&chunks);
            let mut inner = chunks.inner.borrow_mut();
            inner.frame.take();
            inner.timer = Some(Timeout::new(0, move || {
                if let Some(chunks) = weak.upgrade() {
                    chunks.fill_next();
                }
            }));
        }));
    }

    fn fill_next(self: &Rc<Self>) {
        let redraw = {
            let mut inner = self.inner.borrow_mut();
            inner.timer.take();
            let Some(next) = inner.filled.iter().position(|f| !f) else {
                // Every chunk is filled (the last ones perhaps out of turn): those still
                // rendering go on when they report; if none is, measure the end.
                let all = inner.rendered.iter().all(|r| *r);
                drop(inner);
                if all {
                    self.schedule();
                }
                return;
            };
            inner.filled[next] = true;
            inner.redraw.get(next).cloned().flatten()
        };
        if let Some(redraw) = redraw {
            redraw.force_update();
        }
    }
}

/// Compares by identity: the progress of one article, never equal to another's.
#[derive(Clone)]
pub struct ChunksRef(pub Rc<Chunks>);

impl PartialEq for ChunksRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
