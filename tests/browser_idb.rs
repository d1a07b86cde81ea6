//! The library's IndexedDB database in a real browser: records, texts and search texts
//! kept, listed (search texts a few at a time), read back, deleted; kept across a reopen (a
//! new page load opens the same database); a version 1 database upgraded with its records.
#![cfg(target_arch = "wasm32")]

use pizhu::web::idb::Library;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn articles_are_kept_listed_read_and_deleted() {
    let library = Library::open().await.expect("opens");
    library
        .take(&["article-1".into(), "article-2".into()])
        .await
        .expect("clears");
    let text = "一".repeat(300_000);
    library
        .put_all(&[["article-2", "{\"title\":\"二\"}", "second", "二"]])
        .await
        .expect("puts");
    library
        .put_all(&[["article-1", "{\"title\":\"一\"}", &text, "一"]])
        .await
        .expect("puts a large text");
    // Every record, one per line, in key order; listed twice: made, then read as the shelf.
    for _ in 0..2 {
        assert_eq!(
            library.records().await.expect("lists"),
            "{\"title\":\"一\"}\n{\"title\":\"二\"}"
        );
    }
    assert_eq!(
        library.text("article-1").await.expect("reads").as_deref(),
        Some(text.as_str())
    );
    assert_eq!(library.text("article-0").await.expect("reads"), None);
    // Search texts a page at a time, from the key after the last one read.
    let first = library.search_texts(None, 1).await.expect("reads texts");
    assert_eq!(first, vec![("article-1".to_string(), "一".to_string())]);
    let next = library
        .search_texts(Some("article-1"), 10)
        .await
        .expect("reads texts");
    assert_eq!(next, vec![("article-2".to_string(), "二".to_string())]);
    assert_eq!(
        library
            .search_texts(Some("article-2"), 10)
            .await
            .expect("reads texts"),
        vec![]
    );
    assert_eq!(
        library.record("article-2").await.expect("reads").as_deref(),
        Some("{\"title\":\"二\"}")
    );
    // A second connection (as a reload makes) sees the same; a put replaces.
    let again = Library::open().await.expect("opens again");
    again
        .put_all(&[[
            "article-2",
            "{\"title\":\"二改\"}",
            "second, changed",
            "二改",
        ]])
        .await
        .expect("replaces");
    assert_eq!(
        library.text("article-2").await.expect("reads").as_deref(),
        Some("second, changed")
    );
    // Deleting returns what was held, for Undo; a key not held is left out.
    let taken = again
        .take(&["article-1".into(), "article-9".into()])
        .await
        .expect("deletes");
    assert_eq!(taken.len(), 1);
    assert_eq!(library.text("article-1").await.expect("reads"), None);
    assert_eq!(
        library.search_texts(None, 10).await.expect("reads texts"),
        vec![("article-2".to_string(), "二改".to_string())]
    );
    // Each write put the shelf aside: the listing is the records as they are now.
    assert_eq!(
        library.records().await.expect("lists"),
        "{\"title\":\"二改\"}"
    );
    // Undo: what was taken goes back as it was.
    again.put_back(&taken).await.expect("puts back");
    assert_eq!(
        library.records().await.expect("lists"),
        "{\"title\":\"一\"}\n{\"title\":\"二改\"}"
    );
    assert_eq!(
        library.text("article-1").await.expect("reads").as_deref(),
        Some(text.as_str())
    );
    assert_eq!(
        library.search_texts(None, 1).await.expect("reads texts"),
        vec![("article-1".to_string(), "一".to_string())]
    );
}

/// A database as the first library build made it (version 1: records with their text
/// inside, and raw texts), upgraded on open: its record and text are still there, and the
/// new search store is there to write into.
#[wasm_bindgen_test]
async fn a_version_1_database_is_upgraded_with_what_it_holds() {
    let made = js_sys::Function::new_no_args(
        r#"return new Promise((resolve, reject) => {
            const gone = indexedDB.deleteDatabase("pizhu");
            gone.onerror = () => reject(gone.error);
            gone.onsuccess = () => {
                const open = indexedDB.open("pizhu", 1);
                open.onupgradeneeded = () => {
                    open.result.createObjectStore("records");
                    open.result.createObjectStore("texts");
                };
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                    const db = open.result;
                    const tx = db.transaction(["records", "texts"], "readwrite");
                    tx.objectStore("records").put('{"version":1,"key":"old","text":"旧文"}', "old");
                    tx.objectStore("texts").put("raw old", "old");
                    tx.oncomplete = () => { db.close(); resolve(); };
                    tx.onerror = () => reject(tx.error);
                };
            };
        })"#,
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .expect("runs");
    JsFuture::from(made.unchecked_into::<js_sys::Promise>())
        .await
        .expect("a version 1 database");
    let library = Library::open().await.expect("opens and upgrades");
    assert_eq!(
        library.records().await.expect("lists"),
        r#"{"version":1,"key":"old","text":"旧文"}"#
    );
    assert_eq!(
        library.text("old").await.expect("reads").as_deref(),
        Some("raw old")
    );
    assert_eq!(library.search_texts(None, 10).await.expect("reads"), vec![]);
    library
        .put_all(&[["new", "{}", "raw new", "新文"]])
        .await
        .expect("writes into the new store");
    assert_eq!(
        library.search_texts(None, 10).await.expect("reads"),
        vec![("new".to_string(), "新文".to_string())]
    );
    library
        .take(&["old".into(), "new".into()])
        .await
        .expect("cleans up");
}
