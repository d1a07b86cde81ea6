//! [`AnnotationRepo`]: the storage API used by the UI. It owns the
//! read-merge-write protocol for articles, corrupt-value handling (backup,
//! refuse to overwrite, explicit discard), labels and the last opened article.
//!
//! Guarantees:
//! * Saving never loses what another tab stored: the stored state is read,
//!   merged with the caller's state ([`merge`]) and the result written.
//! * A value that cannot be read is copied to a backup key
//!   (`pizhu:backup:<key>:<ms>`) and reported as
//!   [`StorageError::Corrupt`]; it is never overwritten by a save until the
//!   user calls [`AnnotationRepo::discard_corrupt`]. A value from a newer
//!   schema version is reported as [`StorageError::UnsupportedVersion`] and is
//!   likewise never overwritten.
//! * Failed writes (quota, blocked storage) leave both the stored value and
//!   the caller's state unchanged; saves take the state by reference.

use super::backend::KeyValue;
use super::envelope::{decode_article, decode_labels, encode_article, encode_labels};
use super::keys::{article_key, backup_key, parse_key, StorageKey, LABELS_KEY, LAST_ARTICLE_KEY};
use super::StorageError;
use crate::core::annotation::{merge, ArticleState};
use crate::core::label::{default_labels, Label};

/// How many later millisecond slots to try when a backup key is taken.
const BACKUP_KEY_ATTEMPTS: i64 = 1000;

/// Persistent store of annotations, labels and the last article over a
/// [`KeyValue`] backend.
pub struct AnnotationRepo<K: KeyValue> {
    kv: K,
    clock: Box<dyn Fn() -> i64>,
}

impl<K: KeyValue> AnnotationRepo<K> {
    /// A repository over `kv`. `clock` returns the current time in ms since
    /// the epoch (used only to name backup keys; in the browser pass
    /// `|| js_sys::Date::now() as i64`, since `SystemTime` is unavailable on
    /// `wasm32-unknown-unknown`).
    pub fn new(kv: K, clock: impl Fn() -> i64 + 'static) -> Self {
        AnnotationRepo {
            kv,
            clock: Box::new(clock),
        }
    }

    /// The backend.
    pub fn backend(&self) -> &K {
        &self.kv
    }

    /// The backend, mutably (tests use it for fault injection).
    pub fn backend_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    /// Give the backend back.
    pub fn into_backend(self) -> K {
        self.kv
    }

    /// Load the canonical state of `article` (empty if nothing is stored).
    /// Older schema versions are upgraded in memory.
    ///
    /// Errors: [`StorageError::Corrupt`] after the raw value was backed up;
    /// [`StorageError::UnsupportedVersion`]; backend errors.
    pub fn load_article(&mut self, article: &str) -> Result<ArticleState, StorageError> {
        let key = article_key(article);
        match self.kv.get(&key)? {
            None => Ok(ArticleState::new()),
            Some(raw) => self.decode_or_backup(&key, &raw, |r| decode_article(article, r)),
        }
    }

    /// Read-merge-write `state` into storage; see [`Self::save_article_merged`].
    pub fn save_article(
        &mut self,
        article: &str,
        state: &ArticleState,
    ) -> Result<(), StorageError> {
        self.save_article_merged(article, state).map(|_| ())
    }

    /// Read what is stored for `article`, merge `state` into it and write the
    /// result; returns the merged state (which may contain another tab's
    /// changes the caller should adopt). Nothing is written if the result
    /// equals what is stored. `state` is never modified.
    ///
    /// Errors: as [`Self::load_article`] (a corrupt or newer stored value is
    /// not overwritten), plus [`StorageError::QuotaExceeded`] with the stored
    /// value unchanged.
    pub fn save_article_merged(
        &mut self,
        article: &str,
        state: &ArticleState,
    ) -> Result<ArticleState, StorageError> {
        let key = article_key(article);
        let raw = self.kv.get(&key)?;
        let stored = match &raw {
            None => ArticleState::new(),
            Some(raw) => self.decode_or_backup(&key, raw, |r| decode_article(article, r))?,
        };
        let merged = merge(stored, state.clone());
        if raw.is_none() && merged == ArticleState::new() {
            return Ok(merged);
        }
        let encoded = encode_article(article, &merged)?;
        if raw.as_deref() != Some(encoded.as_str()) {
            self.kv.set(&key, &encoded)?;
        }
        Ok(merged)
    }

    /// Handle a browser `storage` event for `article` (use
    /// [`super::keys::parse_key`] on the event's key): merge the new stored
    /// value into `current` and return the result. Nothing is written; if
    /// `current` had unsaved changes, save the result later.
    ///
    /// `new_value == None` means the key was removed (another tab discarded
    /// a corrupt value or storage was cleared); this is not a deletion of
    /// annotations, so `current` is returned (normalized) and will be written
    /// back by the next save.
    pub fn on_external_change(
        &mut self,
        article: &str,
        new_value: Option<&str>,
        current: &ArticleState,
    ) -> Result<ArticleState, StorageError> {
        match new_value {
            None => Ok(current.clone().normalized()),
            Some(raw) => {
                let key = article_key(article);
                let stored = self.decode_or_backup(&key, raw, |r| decode_article(article, r))?;
                Ok(merge(stored, current.clone()))
            }
        }
    }

    /// The user's choice after a [`StorageError::Corrupt`] (or
    /// [`StorageError::UnsupportedVersion`]) for `article`: make sure the raw
    /// value is backed up, then remove it so that saving works again.
    /// Returns the backup key, or `None` if the stored value is absent or
    /// readable (then nothing is changed). Backups are never removed here.
    pub fn discard_corrupt(&mut self, article: &str) -> Result<Option<String>, StorageError> {
        let key = article_key(article);
        self.discard_unreadable(&key, |r| decode_article(article, r).map(|_| ()))
    }

    /// Ids (article keys) of every stored article, sorted.
    pub fn list_articles(&self) -> Result<Vec<String>, StorageError> {
        let mut articles: Vec<String> = self
            .kv
            .keys()?
            .into_iter()
            .filter_map(|k| match parse_key(&k) {
                StorageKey::Article(a) => Some(a),
                _ => None,
            })
            .collect();
        crate::core::sort::sort(&mut articles);
        Ok(articles)
    }

    /// Backup keys holding old values of `storage_key` (a full key such as
    /// `pizhu:v1:article:x`), oldest first.
    pub fn backups_of(&self, storage_key: &str) -> Result<Vec<String>, StorageError> {
        let mut found: Vec<(i64, String)> = self
            .kv
            .keys()?
            .into_iter()
            .filter_map(|k| match parse_key(&k) {
                StorageKey::Backup { original, at } if original == storage_key => Some((at, k)),
                _ => None,
            })
            .collect();
        crate::core::sort::sort(&mut found);
        Ok(found.into_iter().map(|(_, k)| k).collect())
    }

    /// The labels; [`default_labels`] if none are stored (nothing is written).
    pub fn load_labels(&mut self) -> Result<Vec<Label>, StorageError> {
        match self.kv.get(LABELS_KEY)? {
            None => Ok(default_labels()),
            Some(raw) => self.decode_or_backup(LABELS_KEY, &raw, decode_labels),
        }
    }

    /// Store `labels` (validated: `#rrggbb` colours, unique non-empty ids).
    /// Labels are last-writer-wins, not merged. A corrupt or newer stored
    /// value is not overwritten (see [`Self::discard_corrupt_labels`]).
    pub fn save_labels(&mut self, labels: &[Label]) -> Result<(), StorageError> {
        let encoded = encode_labels(labels)?;
        if let Some(raw) = self.kv.get(LABELS_KEY)? {
            self.decode_or_backup(LABELS_KEY, &raw, decode_labels)?;
            if raw == encoded {
                return Ok(());
            }
        }
        self.kv.set(LABELS_KEY, &encoded)
    }

    /// Like [`Self::discard_corrupt`], for the labels key.
    pub fn discard_corrupt_labels(&mut self) -> Result<Option<String>, StorageError> {
        self.discard_unreadable(LABELS_KEY, |r| decode_labels(r).map(|_| ()))
    }

    /// The raw text of the last opened article, if any.
    pub fn load_last_article(&self) -> Result<Option<String>, StorageError> {
        self.kv.get(LAST_ARTICLE_KEY)
    }

    /// Remember the raw text of the last opened article. On
    /// [`StorageError::QuotaExceeded`] the previous value is kept.
    pub fn save_last_article(&mut self, text: &str) -> Result<(), StorageError> {
        self.kv.set(LAST_ARTICLE_KEY, text)
    }

    /// Forget the last opened article.
    pub fn clear_last_article(&mut self) -> Result<(), StorageError> {
        self.kv.remove(LAST_ARTICLE_KEY)
    }

    /// Decode `raw`; on [`StorageError::Corrupt`] back the raw value up first
    /// and mention the backup in the reason.
    fn decode_or_backup<T>(
        &mut self,
        key: &str,
        raw: &str,
        decode: impl FnOnce(&str) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        match decode(raw) {
            Err(StorageError::Corrupt { key: k, reason }) => {
                let kept = match self.ensure_backup(key, raw) {
                    Ok(backup) => format!("raw value copied to {backup}"),
                    Err(StorageError::QuotaExceeded) => {
                        "no room for a backup (quota exceeded); raw value left in place".into()
                    }
                    Err(other) => return Err(other),
                };
                Err(StorageError::Corrupt {
                    key: k,
                    reason: format!("{reason}; {kept}"),
                })
            }
            other => other,
        }
    }

    /// Back `raw` (the value of `key`) up unless an identical backup exists;
    /// returns the backup key.
    fn ensure_backup(&mut self, key: &str, raw: &str) -> Result<String, StorageError> {
        for existing in self.backups_of(key)? {
            if self.kv.get(&existing)?.as_deref() == Some(raw) {
                return Ok(existing);
            }
        }
        let now = (self.clock)();
        for offset in 0..BACKUP_KEY_ATTEMPTS {
            let candidate = backup_key(key, now.saturating_add(offset));
            if self.kv.get(&candidate)?.is_none() {
                self.kv.set(&candidate, raw)?;
                return Ok(candidate);
            }
        }
        Err(StorageError::Backend(format!(
            "no free backup key for {key} near {now}"
        )))
    }

    /// Back up and remove the value of `key` if `check` rejects it.
    fn discard_unreadable(
        &mut self,
        key: &str,
        check: impl FnOnce(&str) -> Result<(), StorageError>,
    ) -> Result<Option<String>, StorageError> {
        let Some(raw) = self.kv.get(key)? else {
            return Ok(None);
        };
        match check(&raw) {
            Ok(()) => Ok(None),
            Err(StorageError::Corrupt { .. }) | Err(StorageError::UnsupportedVersion { .. }) => {
                let backup = self.ensure_backup(key, &raw)?;
                self.kv.remove(key)?;
                Ok(Some(backup))
            }
            Err(other) => Err(other),
        }
    }
}
