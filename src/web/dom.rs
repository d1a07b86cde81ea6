//! Small DOM helpers: the window, the clock, scrolling, and reading dropped or picked files.

use wasm_bindgen::JsCast;

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// Milliseconds since the Unix epoch, from the browser clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The files of a `FileList`, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The page's origin with a trailing slash, e.g. `http://127.0.0.1:8080/`.
pub fn page_base() -> Option<String> {
    let location = window()?.location();
    let origin = location.origin().ok()?;
    let path = location.pathname().ok()?;
    let dir = crate::core::text::rfind_ascii(&path, b'/').map_or("/", |i| &path[..=i]);
    Some(format!("{origin}{dir}"))
}

/// Format a Unix time in the reader's locale and time zone, plus its ISO form.
pub fn local_time(ms: i64) -> (String, String) {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    for (key, value) in [
        ("year", "numeric"),
        ("month", "long"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let shown: String = date.to_locale_string("zh-CN", &options).into();
    let iso: String = date.to_iso_string().into();
    (shown, iso)
}

/// Parse a date string with the browser's parser; None when it is not a date.
pub fn parse_date(text: &str) -> Option<i64> {
    let ms = js_sys::Date::parse(text);
    ms.is_finite().then_some(ms as i64)
}

pub fn element_by_id<T: JsCast>(id: &str) -> Option<T> {
    document()?.get_element_by_id(id)?.dyn_into::<T>().ok()
}
