//! The library's IndexedDB database in a real browser: records and texts kept, listed,
//! read back, deleted; kept across a reopen (a new page load opens the same database).
#![cfg(target_arch = "wasm32")]

use pizhu::web::idb::Library;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn articles_are_kept_listed_read_and_deleted() {
    let library = Library::open().await.expect("opens");
    library
        .delete(&["k1".into(), "k2".into()])
        .await
        .expect("clears");
    let text = "一".repeat(300_000);
    library
        .put("k2", "{\"title\":\"二\"}", "second")
        .await
        .expect("puts");
    library
        .put("k1", "{\"title\":\"一\"}", &text)
        .await
        .expect("puts a large text");
    let records = library.records().await.expect("lists");
    let ours: Vec<_> = records.iter().filter(|(k, _)| k.starts_with('k')).collect();
    assert_eq!(
        ours,
        vec![
            &("k1".to_string(), "{\"title\":\"一\"}".to_string()),
            &("k2".to_string(), "{\"title\":\"二\"}".to_string())
        ]
    );
    assert_eq!(
        library.text("k1").await.expect("reads").as_deref(),
        Some(text.as_str())
    );
    assert_eq!(library.text("none").await.expect("reads"), None);
    assert_eq!(
        library.record("k2").await.expect("reads").as_deref(),
        Some("{\"title\":\"二\"}")
    );
    // A second connection (as a reload makes) sees the same; a put replaces.
    let again = Library::open().await.expect("opens again");
    again
        .put("k2", "{\"title\":\"二改\"}", "second, changed")
        .await
        .expect("replaces");
    assert_eq!(
        library.text("k2").await.expect("reads").as_deref(),
        Some("second, changed")
    );
    again.delete(&["k1".into()]).await.expect("deletes");
    assert_eq!(library.text("k1").await.expect("reads"), None);
    let left: Vec<String> = library
        .records()
        .await
        .expect("lists")
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| k.starts_with('k'))
        .collect();
    assert_eq!(left, vec!["k2".to_string()]);
}
