//! `KeyValue` over the browser's localStorage, so the pure storage core runs unchanged in the
//! page. Errors are classified (blocked, quota, other) by `web::storage`.

use crate::core::store::{KeyValue, StorageError};

use super::storage;

/// The browser's localStorage as a `KeyValue` backend.
#[derive(Debug, Default, Clone, Copy)]
pub struct LocalStorageKv;

impl KeyValue for LocalStorageKv {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        storage::get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        storage::set(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        storage::remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        storage::keys()
    }
}

/// Whether localStorage works right now (a write and a removal of a probe key succeed).
pub fn probe() -> Result<(), StorageError> {
    let key = "pizhu:probe";
    storage::set(key, "1")?;
    storage::remove(key)
}
