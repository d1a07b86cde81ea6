//! The library's IndexedDB database: every opened article's record and raw text, kept where
//! there is room for them (localStorage holds a few MB per origin; IndexedDB a share of the
//! disk). Annotations stay in localStorage (docs/storage.md); this only adds articles.
//!
//! One database, `pizhu`, versioned; an upgrade runs each step from the stored version up, so
//! a later version adds a step and never rewrites the old ones. Every store has out-of-line
//! keys (the article key).
//! - Version 1: `records` (the record as JSON, small, read for the library list) and `texts`
//!   (the raw file, read only to open the article).
//! - Version 2: `search` (the article's canonical text, which search reads). Version 1 kept
//!   it inside the record, which made the list wait for 25 MB of text in a library of 5,000
//!   articles; records written then still hold it and are read as they are. And `shelf`: one
//!   value, every record joined, since reading 5,000 values costs IndexedDB some 300 ms where
//!   one string of them all costs a few. It is a cache: each write of records deletes it in
//!   the same transaction, and the next listing makes it again from the records, inside one
//!   transaction, so it never holds what another tab has since changed.
//!
//! Thin by design: what a record holds is `core::library`'s business; this stores strings.
//!
//! Beside it, the site's storage as a whole (`navigator.storage`): asking the browser to keep
//! it, and how much is used and may be used.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

const NAME: &str = "pizhu";
/// The database version this build writes (see the module header for each version's shape).
pub const VERSION: u32 = 2;
const RECORDS: &str = "records";
const TEXTS: &str = "texts";
const SEARCH: &str = "search";
const SHELF: &str = "shelf";

/// Why the library could not be read or written, in words for the reader.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum IdbError {
    #[error(
        "This browser keeps no library here (IndexedDB is off, as in some private windows): \
         articles are not kept. 此浏览器无法保存文章库。"
    )]
    Unavailable,
    #[error(
        "Another tab has an older pizhu open: close it so the library can be upgraded. \
         请关闭打开旧版 pizhu 的其他标签页。"
    )]
    Blocked,
    #[error("The browser's storage is full: the article was not kept in the library. 存储已满，文章未保存到文章库。")]
    Full,
    #[error("The library could not be read or written ({0}). 文章库读写失败。")]
    Failed(String),
}

/// The open database.
pub struct Library {
    db: IdbDatabase,
}

impl Library {
    /// Opens (creating or upgrading) the database.
    pub async fn open() -> Result<Self, IdbError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or(IdbError::Unavailable)?;
        let request = factory
            .open_with_u32(NAME, VERSION)
            .map_err(|_| IdbError::Unavailable)?;
        let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
            move |event: web_sys::IdbVersionChangeEvent| {
                let Some(request) = event
                    .target()
                    .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
                else {
                    return;
                };
                let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
                    return;
                };
                // Each version's step, from the stored version up.
                if event.old_version() < 1.0 {
                    let _ = db.create_object_store(RECORDS);
                    let _ = db.create_object_store(TEXTS);
                }
                if event.old_version() < 2.0 {
                    let _ = db.create_object_store(SEARCH);
                    let _ = db.create_object_store(SHELF);
                }
            },
        );
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let opened = settle(&request, Some(&request)).await;
        request.set_onupgradeneeded(None);
        request.set_onblocked(None);
        let db = opened?
            .dyn_into::<IdbDatabase>()
            .map_err(|_| IdbError::Failed("not a database".into()))?;
        Ok(Library { db })
    }

    /// Keeps several articles, each as (key, record, raw text, search text), in one
    /// transaction: a folder import writes in batches, since each commit costs milliseconds.
    pub async fn put_all(&self, articles: &[[&str; 4]]) -> Result<(), IdbError> {
        let tx = self.writing()?;
        for [key, record, raw, search] in articles {
            let key = JsValue::from_str(key);
            for (store, value) in [(RECORDS, record), (TEXTS, raw), (SEARCH, search)] {
                tx.object_store(store)
                    .and_then(|s| s.put_with_key(&JsValue::from_str(value), &key))
                    .map_err(failed)?;
            }
        }
        finished(&tx).await
    }

    /// Every record, one JSON per line, in key order (from the shelf, made when missing).
    pub async fn records(&self) -> Result<String, IdbError> {
        Ok(pizhu_shelf(&self.db)
            .await
            .map_err(failed)?
            .as_string()
            .unwrap_or_default())
    }

    /// Up to `limit` search texts with their keys, in key order, from the first key after
    /// `after`: a library's texts are read a few MB at a time, each read one short task.
    pub async fn search_texts(
        &self,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<(String, String)>, IdbError> {
        let tx = self.transaction(&[SEARCH], IdbTransactionMode::Readonly)?;
        let pairs: Array =
            pizhu_read_after(&tx.object_store(SEARCH).map_err(failed)?, after, limit)
                .await
                .map_err(failed)?
                .into();
        let (keys, values) = (Array::from(&pairs.get(0)), Array::from(&pairs.get(1)));
        Ok((0..keys.length())
            .map(|i| {
                let text = |list: &Array| list.get(i).as_string().unwrap_or_default();
                (text(&keys), text(&values))
            })
            .collect())
    }

    /// The raw text of one article, if it is kept.
    pub async fn text(&self, key: &str) -> Result<Option<String>, IdbError> {
        self.get(TEXTS, key).await
    }

    /// The record of one article, if it is kept.
    pub async fn record(&self, key: &str) -> Result<Option<String>, IdbError> {
        self.get(RECORDS, key).await
    }

    async fn get(&self, store: &str, key: &str) -> Result<Option<String>, IdbError> {
        let tx = self.transaction(&[store], IdbTransactionMode::Readonly)?;
        let request = tx
            .object_store(store)
            .and_then(|s| s.get(&JsValue::from_str(key)))
            .map_err(failed)?;
        Ok(settle(&request, None).await?.as_string())
    }

    /// Forgets articles (their records and texts) in one transaction, and returns what it
    /// held of each, for an Undo that puts them back ([`Self::put_back`]). A key the
    /// library does not hold is left out.
    pub async fn take(&self, keys: &[String]) -> Result<Taken, IdbError> {
        let keys: Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
        Ok(Taken(
            pizhu_take(&self.db, &keys).await.map_err(failed)?.into(),
        ))
    }

    /// Puts back what [`Self::take`] took, as it was, in one transaction.
    pub async fn put_back(&self, taken: &Taken) -> Result<(), IdbError> {
        pizhu_put_back(&self.db, &taken.0)
            .await
            .map(drop)
            .map_err(failed)
    }

    /// A transaction that writes articles, with the shelf deleted first: it is made again
    /// from the records at the next listing.
    fn writing(&self) -> Result<IdbTransaction, IdbError> {
        let tx = self.transaction(
            &[RECORDS, TEXTS, SEARCH, SHELF],
            IdbTransactionMode::Readwrite,
        )?;
        tx.object_store(SHELF)
            .and_then(|s| s.delete(&JsValue::from_str(RECORDS)))
            .map_err(failed)?;
        Ok(tx)
    }

    fn transaction(
        &self,
        stores: &[&str],
        mode: IdbTransactionMode,
    ) -> Result<IdbTransaction, IdbError> {
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        self.db
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(failed)
    }
}

/// A connection left open would block another tab's upgrade to a newer version; closing
/// lets the transactions already started finish.
impl Drop for Library {
    fn drop(&mut self) {
        self.db.close();
    }
}

/// The result of a request, once it succeeds or fails. With `open`, a blocked open fails
/// with [`IdbError::Blocked`] instead of waiting for the other tab.
async fn settle(
    request: &IdbRequest,
    open: Option<&IdbOpenDbRequest>,
) -> Result<JsValue, IdbError> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
        if let Some(open) = open {
            open.set_onblocked(Some(&reject));
        }
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(failed),
        Err(event) => {
            let blocked = event
                .dyn_ref::<web_sys::Event>()
                .is_some_and(|e| e.type_() == "blocked");
            if blocked {
                return Err(IdbError::Blocked);
            }
            Err(match request.error() {
                Ok(Some(error)) => of_exception(&error),
                _ => IdbError::Failed("unknown".into()),
            })
        }
    }
}

/// Waits for a write transaction to be committed (or says why it was not).
async fn finished(tx: &IdbTransaction) -> Result<(), IdbError> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    tx.set_oncomplete(None);
    tx.set_onerror(None);
    tx.set_onabort(None);
    outcome.map(drop).map_err(|_| match tx.error() {
        Some(error) => of_exception(&error),
        None => IdbError::Failed("the transaction was aborted".into()),
    })
}

fn of_exception(error: &web_sys::DomException) -> IdbError {
    match error.name().as_str() {
        "QuotaExceededError" => IdbError::Full,
        _ => IdbError::Failed(error.message()),
    }
}

fn failed(error: JsValue) -> IdbError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) => of_exception(exception),
        // Not `{error:?}`: JsValue's Debug brings wasm-bindgen's whole value printer along.
        None => IdbError::Failed(
            error
                .as_string()
                .unwrap_or_else(|| "no reason given".into()),
        ),
    }
}

#[wasm_bindgen(inline_js = r##"
// A page opened at the library starts reading the shelf as this module loads, before the
// wasm is compiled; the first listing takes what it read. Without the database (or with
// one of version 1, which has no shelf) it reads nothing and creates nothing.
let early = null;
try {
  if (location.hash.startsWith("#/library")) early = new Promise((resolve) => {
    const open = indexedDB.open("pizhu");
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => resolve();
    open.onsuccess = () => {
      const db = open.result;
      let got;
      try {
        got = db.transaction("shelf").objectStore("shelf").get("records");
      } catch {
        return db.close(), resolve();
      }
      got.onsuccess = got.onerror = () => (db.close(), resolve(got.result));
    };
  });
} catch {}
export async function pizhu_shelf(db) {
  const first = early;
  early = null;
  const read = first && await first;
  return typeof read === "string" ? read : new Promise((resolve, reject) => {
    const tx = db.transaction(["records", "shelf"], "readwrite");
    const shelf = tx.objectStore("shelf"), kept = shelf.get("records");
    tx.onabort = () => reject(tx.error);
    kept.onsuccess = () => {
      if (typeof kept.result === "string") return resolve(kept.result);
      const all = tx.objectStore("records").getAll();
      all.onsuccess = () => {
        const joined = all.result.join("\n");
        shelf.put(joined, "records");
        resolve(joined);
      };
    };
  });
}
export function pizhu_read_after(store, after, limit) {
  return new Promise((resolve, reject) => {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const keys = store.getAllKeys(range, limit), values = store.getAll(range, limit);
    keys.onerror = values.onerror = (event) => reject(event.target.error);
    values.onsuccess = () => resolve([keys.result, values.result]);
  });
}
export function pizhu_take(db, keys) {
  return new Promise((resolve, reject) => {
    const names = ["records", "texts", "search"], taken = [];
    const tx = db.transaction([...names, "shelf"], "readwrite");
    tx.objectStore("shelf").delete("records");
    for (const key of keys) {
      const row = [key, "", "", ""];
      taken.push(row);
      names.forEach((name, i) => {
        const store = tx.objectStore(name), got = store.get(key);
        got.onsuccess = () => {
          if (typeof got.result === "string") row[i + 1] = got.result;
          store.delete(key);
        };
      });
    }
    tx.oncomplete = () => resolve(taken.filter((row) => row[1] !== ""));
    tx.onabort = () => reject(tx.error);
  });
}
export function pizhu_put_back(db, taken) {
  return new Promise((resolve, reject) => {
    const names = ["records", "texts", "search"];
    const tx = db.transaction([...names, "shelf"], "readwrite");
    tx.objectStore("shelf").delete("records");
    for (const [key, ...values] of taken) {
      names.forEach((name, i) => values[i] !== "" && tx.objectStore(name).put(values[i], key));
    }
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}
export async function pizhu_persist() {
  if (navigator.storage && navigator.storage.persist) await navigator.storage.persist();
}
export async function pizhu_storage_line() {
  const storage = navigator.storage;
  if (!storage || !storage.estimate) return "";
  const { usage = 0, quota = 0 } = await storage.estimate();
  const kept = storage.persisted ? await storage.persisted() : false;
  const mb = (n) => (n / 1048576).toFixed(1) + " MB";
  const short = quota > 0 && quota - usage < Math.max(50 * 1048576, quota / 10);
  return "Storage: " + mb(usage) + " used of " + mb(quota) + " this site may use" +
    (kept ? ", kept by the browser." : "; the browser may clear it when the disk runs low.") +
    " 存储：已用 " + mb(usage) + "，共 " + mb(quota) + (kept ? "，已设为持久存储。" : "。") +
    (short ? " Space is running short: export your annotations (Export all) before it fails. 存储空间即将不足，请先导出批注。" : "");
}
"##)]
extern "C" {
    /// The shelf; when there is none, every record joined by newlines (which JSON text
    /// written by serde_json never holds), kept as the shelf in the transaction that read
    /// them.
    #[wasm_bindgen(catch)]
    async fn pizhu_shelf(db: &IdbDatabase) -> Result<JsValue, JsValue>;
    /// [keys, values] of up to `limit` entries of `store` after the key `after`, in order
    /// (the requests of a transaction succeed in the order they were made).
    #[wasm_bindgen(catch)]
    async fn pizhu_read_after(
        store: &web_sys::IdbObjectStore,
        after: Option<&str>,
        limit: u32,
    ) -> Result<JsValue, JsValue>;
    /// Reads and deletes the entries of `keys` in one transaction: [key, record, raw text,
    /// search text] of each that has a record ("" where a store held nothing).
    #[wasm_bindgen(catch)]
    async fn pizhu_take(db: &IdbDatabase, keys: &Array) -> Result<JsValue, JsValue>;
    /// Writes back what `pizhu_take` returned, in one transaction.
    #[wasm_bindgen(catch)]
    async fn pizhu_put_back(db: &IdbDatabase, taken: &Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn pizhu_persist() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn pizhu_storage_line() -> Result<JsValue, JsValue>;
}

/// Articles taken out of the library, as IndexedDB held them: kept on the JavaScript side
/// (the wasm never reads them), for [`Library::put_back`].
pub struct Taken(Array);

impl Taken {
    /// How many articles were taken.
    pub fn len(&self) -> usize {
        self.0.length() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Asks the browser not to evict the site's storage (`navigator.storage.persist()`), at
/// each folder import; whether it agreed shows in [`storage_line`], and nothing waits on it.
pub async fn ask_to_persist() {
    let _ = pizhu_persist().await;
}

/// How much storage the site uses and may use, whether the browser keeps it
/// (`navigator.storage`), and a warning when little is left; empty where the browser
/// does not say.
pub async fn storage_line() -> String {
    pizhu_storage_line()
        .await
        .ok()
        .and_then(|line| line.as_string())
        .unwrap_or_default()
}
