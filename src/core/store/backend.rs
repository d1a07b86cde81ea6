//! The [`KeyValue`] abstraction over a string key/value store, and
//! [`MemoryStore`], its in-memory implementation with fault injection
//! (byte quota, blocked storage) used by tests and non-browser builds.
//!
//! The browser implementation over `window.localStorage` lives outside this
//! module; it should map `SecurityError`/missing storage to
//! [`StorageError::Unavailable`], `QuotaExceededError` to
//! [`StorageError::QuotaExceeded`], and anything else to
//! [`StorageError::Backend`].

use std::cell::RefCell;
use std::rc::Rc;

use super::StorageError;

/// A string key/value store with `localStorage` semantics: `set` replaces the
/// whole value atomically or fails without changing anything.
pub trait KeyValue {
    /// The value at `key`, or `None` if absent.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Store `value` at `key`. On error nothing is changed.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Remove `key`; removing an absent key is not an error.
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    /// All keys currently stored, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// A shared handle, so that several repositories ("tabs") can use one store.
impl<T: KeyValue> KeyValue for Rc<RefCell<T>> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        borrow(self)?.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        borrow_mut(self)?.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        borrow_mut(self)?.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        borrow(self)?.keys()
    }
}

fn borrow<T>(cell: &RefCell<T>) -> Result<std::cell::Ref<'_, T>, StorageError> {
    cell.try_borrow()
        .map_err(|_| StorageError::Backend("store is already mutably borrowed".into()))
}

fn borrow_mut<T>(cell: &RefCell<T>) -> Result<std::cell::RefMut<'_, T>, StorageError> {
    cell.try_borrow_mut()
        .map_err(|_| StorageError::Backend("store is already borrowed".into()))
}

/// In-memory [`KeyValue`] with fault injection.
///
/// * Quota: the sum of `key.len() + value.len()` (UTF-8 bytes) over all
///   entries may not exceed the quota; a `set` that would exceed it fails with
///   [`StorageError::QuotaExceeded`] and leaves the store unchanged.
/// * Blocked: while blocked, every call fails with
///   [`StorageError::Unavailable`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemoryStore {
    /// Sorted by key, keys unique: what a `BTreeMap` would hold, in a `Vec` for size (the
    /// wasm's only B-tree that removes entries, so its rebalancing code was there for this
    /// alone). A store holds a few keys per article, so the shifting costs nothing to notice.
    entries: Vec<(String, String)>,
    quota_bytes: Option<usize>,
    blocked: bool,
}

impl MemoryStore {
    /// An empty, unlimited, unblocked store.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty store limited to `bytes` (see the type docs for the metric).
    pub fn with_quota(bytes: usize) -> Self {
        Self {
            quota_bytes: Some(bytes),
            ..Self::default()
        }
    }

    /// Change the quota (`None` = unlimited). Existing entries are kept even
    /// if they already exceed it; only later writes are checked.
    pub fn set_quota(&mut self, bytes: Option<usize>) {
        self.quota_bytes = bytes;
    }

    /// Block or unblock the store.
    pub fn set_blocked(&mut self, blocked: bool) {
        self.blocked = blocked;
    }

    /// Whether the store is blocked.
    pub fn is_blocked(&self) -> bool {
        self.blocked
    }

    /// Bytes currently used, as counted against the quota.
    pub fn used_bytes(&self) -> usize {
        self.entries
            .iter()
            .fold(0, |sum: usize, (k, v)| sum.saturating_add(entry_size(k, v)))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the store has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where `key` is, or where it would go.
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    fn check(&self) -> Result<(), StorageError> {
        if self.blocked {
            Err(StorageError::Unavailable)
        } else {
            Ok(())
        }
    }
}

/// Bytes an entry counts against the quota.
fn entry_size(key: &str, value: &str) -> usize {
    key.len().saturating_add(value.len())
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check()?;
        Ok(self.find(key).ok().map(|at| self.entries[at].1.clone()))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check()?;
        if let Some(quota) = self.quota_bytes {
            let old = self
                .find(key)
                .map_or(0, |at| entry_size(key, &self.entries[at].1));
            let new_total = self
                .used_bytes()
                .saturating_sub(old)
                .saturating_add(entry_size(key, value));
            if new_total > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        match self.find(key) {
            Ok(at) => self.entries[at].1 = value.to_owned(),
            Err(at) => self.entries.insert(at, (key.to_owned(), value.to_owned())),
        }
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.check()?;
        if let Ok(at) = self.find(key) {
            self.entries.remove(at);
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.check()?;
        Ok(self.entries.iter().map(|(k, _)| k.clone()).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_counts_keys_and_values_and_replacements() {
        let mut s = MemoryStore::with_quota(10);
        assert_eq!(s.set("ab", "cdef"), Ok(())); // 6
        assert_eq!(s.set("ab", "cdefghij"), Ok(())); // replaces: 10
        assert_eq!(s.set("x", ""), Err(StorageError::QuotaExceeded));
        assert_eq!(s.get("x"), Ok(None));
        assert_eq!(s.remove("ab"), Ok(()));
        assert_eq!(s.set("x", "123456789"), Ok(()));
        assert_eq!(s.used_bytes(), 10);
    }

    #[test]
    fn blocked_fails_every_call() {
        let mut s = MemoryStore::new();
        assert_eq!(s.set("k", "v"), Ok(()));
        s.set_blocked(true);
        assert_eq!(s.get("k"), Err(StorageError::Unavailable));
        assert_eq!(s.set("k", "w"), Err(StorageError::Unavailable));
        assert_eq!(s.remove("k"), Err(StorageError::Unavailable));
        assert_eq!(s.keys(), Err(StorageError::Unavailable));
        s.set_blocked(false);
        assert_eq!(s.get("k"), Ok(Some("v".into())));
    }

    #[test]
    fn shared_handle_sees_the_same_entries() {
        let shared = Rc::new(RefCell::new(MemoryStore::new()));
        let mut a = Rc::clone(&shared);
        let b = Rc::clone(&shared);
        assert_eq!(a.set("k", "v"), Ok(()));
        assert_eq!(b.get("k"), Ok(Some("v".into())));
        assert_eq!(b.keys(), Ok(vec!["k".to_string()]));
    }
}
