//! localStorage access that never panics.
//!
//! `window.localStorage` can be missing, can throw SecurityError when blocked, and `setItem`
//! throws QuotaExceededError when full. gloo-storage's `LocalStorage::raw()` panics in the
//! blocked case, so this wraps the web_sys calls directly and returns typed errors.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BrowserStorageError {
    #[error("This browser does not allow pizhu to save anything (storage is blocked or unavailable). Work is kept only while this tab is open: export it before closing. 浏览器禁止保存，请在关闭前导出。")]
    Unavailable,
    #[error("The browser's storage for pizhu is full. Your latest change is kept in this tab only: export your annotations, then delete some you no longer need. 存储空间已满，请导出批注。")]
    QuotaExceeded,
    #[error("The browser refused to save: {0} 浏览器拒绝保存。")]
    Other(String),
}

fn storage() -> Result<web_sys::Storage, BrowserStorageError> {
    let window = web_sys::window().ok_or(BrowserStorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(BrowserStorageError::Unavailable),
    }
}

pub fn get(key: &str) -> Result<Option<String>, BrowserStorageError> {
    storage()?
        .get_item(key)
        .map_err(|_| BrowserStorageError::Unavailable)
}

pub fn set(key: &str, value: &str) -> Result<(), BrowserStorageError> {
    storage()?.set_item(key, value).map_err(classify)
}

pub fn remove(key: &str) -> Result<(), BrowserStorageError> {
    storage()?.remove_item(key).map_err(classify)
}

pub fn keys() -> Result<Vec<String>, BrowserStorageError> {
    let storage = storage()?;
    let len = storage.length().map_err(classify)?;
    Ok((0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect())
}

fn classify(error: wasm_bindgen::JsValue) -> BrowserStorageError {
    let name = js_sys::Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => BrowserStorageError::QuotaExceeded,
        "SecurityError" => BrowserStorageError::Unavailable,
        _ => BrowserStorageError::Other(name),
    }
}
