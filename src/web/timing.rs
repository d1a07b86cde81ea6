//! User Timing marks and measures (`pizhu:parse`, `pizhu:render`), visible in DevTools.

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// Measure from the mark `start` to now under `name`; returns the duration in ms if known.
pub fn measure(name: &str, start: &str) -> Option<f64> {
    let p = performance()?;
    p.measure_with_start_mark(name, start).ok()?;
    let entries = p.get_entries_by_name_with_entry_type(name, "measure");
    let last = entries.get(entries.length().checked_sub(1)?);
    js_sys::Reflect::get(&last, &"duration".into())
        .ok()?
        .as_f64()
}

/// Measure from the mark `start` under `name` once: the mark is cleared, so later calls
/// measure nothing until it is set again.
pub fn measure_once(name: &str, start: &str) {
    if measure(name, start).is_some() {
        if let Some(p) = performance() {
            p.clear_marks_with_mark_name(start);
        }
    }
}

pub fn now() -> f64 {
    performance().map_or(0.0, |p| p.now())
}
