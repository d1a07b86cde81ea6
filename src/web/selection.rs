//! DOM selection -> canonical-text offsets (code points), and back to a screen rectangle;
//! and the reverse for selecting by keyboard: offsets -> a DOM selection.
//!
//! The reader view marks every text leaf with `data-o` (its start offset in the canonical
//! text) and uses `white-space: pre-wrap`, so a boundary inside a text node is
//! `data-o + code points before the UTF-16 offset`. A boundary on an element (a selection
//! that starts between paragraphs, or triple-click) resolves to the nearest leaf after it.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

use crate::core::text::{char_to_utf16_offset, utf16_to_char_offset};

/// A rectangle on screen in viewport coordinates: left, top, width, height.
pub type Rect = (f64, f64, f64, f64);

/// The current selection inside `root`: its code-point range and its screen rectangle.
/// None when nothing is selected there.
pub fn selected_range(root: &Element) -> Option<(usize, usize, Rect)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let common = range.common_ancestor_container().ok()?;
    if !root.contains(Some(&common)) && !common.contains(Some(root.as_ref())) {
        return None;
    }
    // The leaf list is needed only for boundaries that fall on elements; listing it on
    // every selectionchange would cost a query over the whole article.
    let leaves = std::cell::OnceCell::new();
    let all_leaves = || leaves.get_or_init(|| LeafList::of(root));
    let start = boundary(&range, all_leaves, true)?;
    let end = boundary(&range, all_leaves, false)?;
    if end <= start {
        return None;
    }
    let rect = range.get_bounding_client_rect();
    Some((
        start,
        end,
        (rect.left(), rect.top(), rect.width(), rect.height()),
    ))
}

/// Every `data-o` leaf under `root`, in document order, as the browser lists them and read
/// one at a time: lookups binary-search them, and a long article has tens of thousands.
struct LeafList(Option<web_sys::NodeList>);

impl LeafList {
    fn of(root: &Element) -> Self {
        Self(root.query_selector_all("[data-o]").ok())
    }

    fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |list| list.length() as usize)
    }

    fn get(&self, index: usize) -> Option<Element> {
        let node = self.0.as_ref()?.item(u32::try_from(index).ok()?)?;
        node.dyn_into::<Element>().ok()
    }

    /// The first index whose leaf does not satisfy `before` (leaves that do come first).
    fn partition_point(&self, before: impl Fn(&Element) -> bool) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if self.get(mid).is_some_and(|leaf| before(&leaf)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }
}

fn leaf_start(leaf: &Element) -> Option<usize> {
    leaf.get_attribute("data-o")?.parse().ok()
}

/// Length of a leaf in code points (a `<br>` counts one).
fn leaf_len(leaf: &Element) -> usize {
    if leaf.tag_name().eq_ignore_ascii_case("br") {
        return 1;
    }
    leaf.text_content().map_or(0, |t| t.chars().count())
}

/// The canonical offset of the range's start (or end) boundary.
fn boundary<'a>(
    range: &Range,
    leaves: impl FnOnce() -> &'a LeafList,
    is_start: bool,
) -> Option<usize> {
    let (node, offset) = if is_start {
        (range.start_container().ok()?, range.start_offset().ok()?)
    } else {
        (range.end_container().ok()?, range.end_offset().ok()?)
    };
    if node.node_type() == Node::TEXT_NODE {
        if let Some(leaf) = node.parent_element().filter(|p| p.has_attribute("data-o")) {
            let text = node.text_content().unwrap_or_default();
            let chars = utf16_to_char_offset(&text, offset as usize)?;
            return Some(leaf_start(&leaf)? + chars);
        }
    }
    // An element boundary (or text outside any leaf): the first leaf at or after the point
    // starts there; if none follows, the point is after the last leaf.
    let leaves = leaves();
    let point = web_sys::window()?.document()?.create_range().ok()?;
    point.set_start(&node, offset).ok()?;
    point.collapse_with_to_start(true);
    let after = leaves.partition_point(|leaf| {
        // START_TO_START compares the point with the leaf's start: 1 means after it.
        leaf_range(leaf)
            .and_then(|r| {
                point
                    .compare_boundary_points(Range::START_TO_START, &r)
                    .ok()
            })
            .is_some_and(|order| order > 0)
    });
    match leaves.get(after) {
        Some(leaf) => leaf_start(&leaf),
        None => leaves
            .get(leaves.len().checked_sub(1)?)
            .and_then(|last| Some(leaf_start(&last)? + leaf_len(&last)))
            .filter(|_| !is_start),
    }
}

fn leaf_range(leaf: &Element) -> Option<Range> {
    let range = web_sys::window()?.document()?.create_range().ok()?;
    range.select_node(leaf).ok()?;
    Some(range)
}

/// Clear the page's selection.
pub fn clear() {
    if let Some(Ok(Some(selection))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = selection.remove_all_ranges();
    }
}

/// Whether the page has a selection that is not just a caret.
pub fn has_selection() -> bool {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed())
}

/// The id of the highlight an event happened on (the innermost mark around its target).
pub fn annotation_at(target: Option<web_sys::EventTarget>) -> Option<String> {
    target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest("mark[data-annotation-id]").ok().flatten())
        .and_then(|mark| mark.get_attribute("data-annotation-id"))
}

/// The canonical offset of the caret (a collapsed selection) inside `root`, if there is one.
pub fn caret_offset(root: &Element) -> Option<usize> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if !selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    if !root.contains(range.start_container().ok().as_ref()) {
        return None;
    }
    let leaves = std::cell::OnceCell::new();
    boundary(&range, || leaves.get_or_init(|| LeafList::of(root)), true)
}

/// Select code points `start..end` of the canonical text in the page and scroll it into view
/// below `top` pixels of the window (the toolbar). False when a boundary's leaf is not in the
/// page (a long article still arriving).
pub fn select(root: &Element, start: usize, end: usize, top: f64) -> bool {
    let leaves = LeafList::of(root);
    let (Some(from), Some(to)) = (point(&leaves, start, true), point(&leaves, end, false)) else {
        return false;
    };
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(selection) = window.get_selection().ok().flatten() else {
        return false;
    };
    if selection
        .set_base_and_extent(&from.0, from.1, &to.0, to.1)
        .is_err()
    {
        return false;
    }
    if let Ok(range) = selection.get_range_at(0) {
        reveal(&window, &range.get_bounding_client_rect(), top);
    }
    true
}

/// Scroll the window as little as needed for `rect` to show between `top` and the bottom,
/// its start first when it is taller than that. (A paragraph is often one element, larger
/// than the window, so scrolling an element into view would not show the sentence.)
fn reveal(window: &web_sys::Window, rect: &web_sys::DomRect, top: f64) {
    const MARGIN: f64 = 16.0;
    let bottom = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let by = if rect.top() < top + MARGIN {
        rect.top() - top - MARGIN
    } else if rect.bottom() > bottom - MARGIN {
        (rect.bottom() - bottom + MARGIN).min(rect.top() - top - MARGIN)
    } else {
        return;
    };
    window.scroll_by_with_x_and_y(0.0, by);
}

/// The text node and UTF-16 offset of canonical offset `at`. A start at the end of one leaf
/// is put at the beginning of the next; an end at the beginning of a leaf, at the end of the
/// one before, so the selection holds no more than asked for.
fn point(leaves: &LeafList, at: usize, is_start: bool) -> Option<(Node, u32)> {
    // The first leaf that ends after `at` (for a start) or at or after it (for an end).
    let index = leaves.partition_point(|leaf| {
        let end = leaf_start(leaf).unwrap_or(0) + leaf_len(leaf);
        if is_start {
            end <= at
        } else {
            end < at
        }
    });
    let leaf = (index..leaves.len())
        .filter_map(|i| leaves.get(i))
        .find(|leaf| !leaf.tag_name().eq_ignore_ascii_case("br"))?;
    let text = leaf.first_child()?;
    // An offset between two leaves (the line break between paragraphs) is at the next one.
    let inside = at.saturating_sub(leaf_start(&leaf)?);
    let utf16 = char_to_utf16_offset(&text.text_content().unwrap_or_default(), inside)?;
    Some((text, u32::try_from(utf16).ok()?))
}

/// Where the reader is: the canonical offset of the first text line below `top` pixels of
/// the window (the toolbar's height). A binary search over the leaves finds the first one
/// on screen; when it begins above that line (a long paragraph is often one leaf), the
/// browser says which character is at the line.
pub fn reading_offset(root: &Element, top: f64) -> usize {
    let leaves = LeafList::of(root);
    let index = leaves.partition_point(|leaf| leaf.get_bounding_client_rect().bottom() <= top);
    let Some(leaf) = leaves
        .get(index)
        .or_else(|| leaves.get(leaves.len().checked_sub(1)?))
    else {
        return 0;
    };
    let start = leaf_start(&leaf).unwrap_or(0);
    let rect = leaf.get_bounding_client_rect();
    if rect.top() >= top {
        return start;
    }
    let at_line = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.caret_position_from_point((rect.left() + 1.0) as f32, (top + 4.0) as f32))
        .filter(|caret| {
            caret
                .offset_node()
                .and_then(|node| node.parent_element())
                .is_some_and(|parent| parent == leaf)
        })
        .and_then(|caret| {
            let text = leaf.text_content().unwrap_or_default();
            utf16_to_char_offset(&text, caret.offset() as usize)
        });
    start + at_line.unwrap_or(0)
}
