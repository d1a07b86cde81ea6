//! A folder import in the page: every file of a picked folder read one after the other,
//! classified (core::library::folder), and kept, with counts reported as it goes and a Cancel
//! that stops before the next file. Each file's read and lookup is awaited, so the page keeps
//! handling input between files; the writes go in batches (one transaction's commit costs a
//! few milliseconds, as much as reading and parsing a feed file). One bad file is one skipped
//! file; a full storage stops the import and says so.

use std::cell::Cell;
use std::rc::Rc;

use yew::Callback;

use super::keep::{stage, write, Pending};
use crate::core::library::{classify, precheck, ArticleRecord, FileVerdict, ImportCounts};
use crate::web::dom;
use crate::web::idb::{IdbError, Library};
use crate::web::timing;
use crate::web::transfer::read_blob;

/// Progress at least this often (ms) while files are being read.
const REPORT_EVERY_MS: i64 = 100;
/// Articles written per transaction.
const BATCH: usize = 20;

/// Where an import stands; reported while it runs and once more at its end.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Files picked.
    pub total: usize,
    pub counts: ImportCounts,
    /// Each skipped file's path and the reason.
    pub skipped: Vec<(String, String)>,
    pub finished: bool,
    pub cancelled: bool,
    /// Why the import stopped before the end (storage full, no IndexedDB).
    pub stopped: Option<String>,
}

pub async fn import_folder(
    files: Vec<web_sys::File>,
    cancel: Rc<Cell<bool>>,
    report: Callback<Progress>,
) {
    let mut progress = Progress {
        total: files.len(),
        ..Progress::default()
    };
    report.emit(progress.clone());
    timing::mark("pizhu:folder-import-start");
    match Library::open().await {
        Ok(library) => {
            if let Err(error) = run(&library, files, &cancel, &report, &mut progress).await {
                progress.stopped = Some(error.to_string());
            }
        }
        Err(error) => progress.stopped = Some(error.to_string()),
    }
    progress.finished = true;
    timing::measure("pizhu:folder-import", "pizhu:folder-import-start");
    report.emit(progress);
}

async fn run(
    library: &Library,
    files: Vec<web_sys::File>,
    cancel: &Cell<bool>,
    report: &Callback<Progress>,
    progress: &mut Progress,
) -> Result<(), IdbError> {
    let mut pending = Pending::new();
    let mut reported = dom::now_ms();
    for file in files {
        if cancel.get() {
            progress.cancelled = true;
            break;
        }
        let path = relative_path(&file);
        let size = file.size() as u64;
        let skipped = match precheck(&path, size) {
            Some(reason) => Some(reason.to_string()),
            None => match read_blob(&file).await {
                None => Some("The browser could not read this file. 浏览器无法读取此文件。".into()),
                Some(bytes) => match classify(&path, size, &bytes) {
                    FileVerdict::Skipped(reason) => Some(reason.to_string()),
                    FileVerdict::Article { article, text } => {
                        let record = ArticleRecord::of(&article, text, dom::now_ms());
                        match stage(library, record, text, &mut pending).await {
                            Ok(Some(decision)) => {
                                progress.counts.count(decision);
                                None
                            }
                            Ok(None) => None,
                            Err(IdbError::Full) => return Err(IdbError::Full),
                            Err(error) => Some(error.to_string()),
                        }
                    }
                },
            },
        };
        // Counted now, not with its batch: the progress moves with every file read.
        progress.counts.read += 1;
        if let Some(reason) = skipped {
            progress.counts.count_skipped();
            progress.skipped.push((path, reason));
        }
        if pending.len() >= BATCH {
            flush(library, &mut pending, progress).await?;
        }
        if dom::now_ms() - reported >= REPORT_EVERY_MS {
            report.emit(progress.clone());
            reported = dom::now_ms();
        }
    }
    // What was read before a Cancel is kept too.
    flush(library, &mut pending, progress).await
}

/// Writes the pending articles in one transaction and counts them.
async fn flush(
    library: &Library,
    pending: &mut Pending,
    progress: &mut Progress,
) -> Result<(), IdbError> {
    write(library, pending).await?;
    for (.., decision) in pending.drain(..) {
        progress.counts.count(decision);
    }
    Ok(())
}

/// The file's path inside the picked folder (`webkitRelativePath`), else its name.
fn relative_path(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|path| path.as_string())
        .filter(|path| !path.is_empty())
        .unwrap_or_else(|| file.name())
}
