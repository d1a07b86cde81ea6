//! Where annotations are kept: localStorage when the browser allows it, else memory (with a
//! visible warning). Storage errors become plain-word messages; nothing is dropped.

use crate::core::annotation::ArticleState;
use crate::core::label::Label;
use crate::core::store::{AnnotationRepo, KeyValue, MemoryStore, StorageError};
use crate::web::kv::{probe, LocalStorageKv};
use crate::web::timing;

/// The backend chosen at start-up.
#[derive(Debug)]
pub enum Backend {
    Local(LocalStorageKv),
    Memory(MemoryStore),
}

impl KeyValue for Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match self {
            Backend::Local(kv) => kv.get(key),
            Backend::Memory(kv) => kv.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        match self {
            Backend::Local(kv) => kv.set(key, value),
            Backend::Memory(kv) => kv.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        match self {
            Backend::Local(kv) => kv.remove(key),
            Backend::Memory(kv) => kv.remove(key),
        }
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        match self {
            Backend::Local(kv) => kv.keys(),
            Backend::Memory(kv) => kv.keys(),
        }
    }
}

pub type Repo = AnnotationRepo<Backend>;

/// Open the repository: localStorage if a probe write works, else memory plus a warning.
/// A full storage still counts as available (reads work; saves will report the quota).
pub fn open_repo() -> (Repo, Option<String>) {
    let clock = || js_sys::Date::now() as i64;
    match probe() {
        Ok(()) | Err(StorageError::QuotaExceeded) => (
            AnnotationRepo::new(Backend::Local(LocalStorageKv), clock),
            None,
        ),
        Err(error) => (
            AnnotationRepo::new(Backend::Memory(MemoryStore::new()), clock),
            Some(message(&error)),
        ),
    }
}

/// Stored annotations and labels of an article, with a message when something was wrong.
/// Timed as `pizhu:storage-load` (read, migrate and decode; anchoring comes after).
pub fn load(repo: &mut Repo, key: &str) -> (ArticleState, Vec<Label>, Option<String>) {
    timing::mark("pizhu:storage-load-start");
    let loaded = repo.load_article(key);
    timing::measure("pizhu:storage-load", "pizhu:storage-load-start");
    let (doc, doc_error) = match loaded {
        Ok(doc) => (doc, None),
        Err(error) => (ArticleState::new(), Some(message(&error))),
    };
    let (labels, label_error) = match repo.load_labels() {
        Ok(labels) => (labels, None),
        Err(error) => (crate::core::label::default_labels(), Some(message(&error))),
    };
    (doc, labels, doc_error.or(label_error))
}

/// A storage error in words a reader understands, saying what happened to their work.
pub fn message(error: &StorageError) -> String {
    match error {
        StorageError::Unavailable => "This browser is not letting pizhu save (storage is blocked or unavailable). \
            Your annotations are kept only while this tab is open: export them before you close it. \
            浏览器禁止保存，批注只保留在此标签页中，请在关闭前导出。"
            .into(),
        StorageError::QuotaExceeded => "The browser's storage for pizhu is full, so your latest change is kept only in this tab. \
            Export your annotations to keep them, then delete ones you no longer need. 存储空间已满，请导出批注。"
            .into(),
        StorageError::Corrupt { key, .. } => format!(
            "The saved annotations could not be read ({key}). The damaged copy was set aside as a backup and \
             nothing was overwritten. 已保存的批注无法读取，损坏的数据已另存备份。"
        ),
        StorageError::UnsupportedVersion { .. } => "These annotations were saved by a newer version of pizhu. \
            This version will not change them; open them with the newer version. 这些批注由更新版本保存，本版本不会改动它们。"
            .into(),
        StorageError::Invalid(reason) => format!("pizhu refused to save invalid data: {reason} 数据无效，未保存。"),
        StorageError::Backend(reason) => format!("The browser refused to save: {reason} 浏览器拒绝保存。"),
    }
}
