//! Label colours and underline styles as CSS rules, inserted through the CSSOM.
//!
//! The page's CSP forbids inline styles (`style-src 'self'`), and labels can be recoloured at
//! run time, so the rules go into the app's own stylesheet with `insertRule`, which the CSP
//! allows. Ids are checked to be plain `[a-z0-9_-]` before they appear in a selector.

use wasm_bindgen::JsCast;

use crate::core::label::Label;

const MARKER: &str = "mark[data-label=";

fn stylesheet() -> Option<web_sys::CssStyleSheet> {
    let sheets = web_sys::window()?.document()?.style_sheets();
    (0..sheets.length())
        .filter_map(|i| sheets.item(i))
        .find_map(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok())
}

fn safe_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn safe_color(color: &str) -> bool {
    color.len() == 7 && color.starts_with('#') && color[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Replace the label rules with rules for `labels`.
pub fn apply(labels: &[Label]) {
    let Some(sheet) = stylesheet() else { return };
    let Ok(rules) = sheet.css_rules() else { return };
    for index in (0..rules.length()).rev() {
        let is_label_rule = rules
            .item(index)
            .and_then(|r| r.css_text().starts_with(MARKER).then_some(()))
            .is_some()
            || rules
                .item(index)
                .is_some_and(|r| r.css_text().starts_with(".label-chip[data-label="));
        if is_label_rule {
            let _ = sheet.delete_rule(index);
        }
    }
    for label in labels {
        if !safe_id(&label.id) || !safe_color(&label.color) {
            continue;
        }
        let (id, color) = (&label.id, &label.color);
        let style = label.underline.as_css();
        let thick = label.underline.thickness_px();
        let mark = format!(
            "{MARKER}\"{id}\"] {{ background-color: color-mix(in srgb, {color} var(--hl-mix), transparent); \
             text-decoration: underline {style} {color} {thick}px; text-underline-offset: 0.28em; }}"
        );
        let chip = format!(
            ".label-chip[data-label=\"{id}\"] {{ --chip: {color}; text-decoration: underline {style} {color} {thick}px; }}"
        );
        let end = sheet.css_rules().map(|r| r.length()).unwrap_or(0);
        let _ = sheet.insert_rule_with_index(&mark, end);
        let _ = sheet.insert_rule_with_index(&chip, end + 1);
    }
}
