//! localStorage access that never panics.
//!
//! `window.localStorage` can be missing, can throw SecurityError when blocked, and `setItem`
//! throws QuotaExceededError when full. gloo-storage's `LocalStorage::raw()` panics in the
//! blocked case, so this wraps the web_sys calls directly and returns the storage core's own
//! typed errors ([`StorageError`]).

use crate::core::store::StorageError;

fn storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StorageError::Unavailable),
    }
}

pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    storage()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(classify)
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    storage()?.remove_item(key).map_err(classify)
}

pub fn keys() -> Result<Vec<String>, StorageError> {
    let storage = storage()?;
    let len = storage.length().map_err(classify)?;
    Ok((0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect())
}

fn classify(error: wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::QuotaExceeded,
        "SecurityError" => StorageError::Unavailable,
        _ => StorageError::Backend(name),
    }
}
