//! A folder import in the page: every file of a picked folder read one after the other,
//! classified (core::library::folder), and kept, with counts reported as it goes and a Cancel
//! that stops before the next file. Each file is awaited (its read and its IndexedDB write),
//! so the page keeps handling input between files; one bad file is one skipped file.

use std::cell::Cell;
use std::rc::Rc;

use yew::Callback;

use super::keep::keep;
use crate::core::library::{classify, precheck, FileVerdict, ImportCounts};
use crate::web::dom;
use crate::web::idb::{IdbError, Library};
use crate::web::transfer::read_blob;

/// Progress at least this often (ms) while files are being read.
const REPORT_EVERY_MS: f64 = 100.0;

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
    match Library::open().await {
        Ok(library) => run(&library, files, &cancel, &report, &mut progress).await,
        Err(error) => progress.stopped = Some(error.to_string()),
    }
    progress.finished = true;
    report.emit(progress);
}

async fn run(
    library: &Library,
    files: Vec<web_sys::File>,
    cancel: &Cell<bool>,
    report: &Callback<Progress>,
    progress: &mut Progress,
) {
    let mut reported = now();
    for file in files {
        if cancel.get() {
            progress.cancelled = true;
            return;
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
                        match keep(library, &article, text, dom::now_ms()).await {
                            Ok(decision) => {
                                progress.counts.count(decision);
                                None
                            }
                            Err(IdbError::Full) => {
                                progress.stopped = Some(IdbError::Full.to_string());
                                return;
                            }
                            Err(error) => Some(error.to_string()),
                        }
                    }
                },
            },
        };
        if let Some(reason) = skipped {
            progress.counts.count_skipped();
            progress.skipped.push((path, reason));
        }
        if now() - reported >= REPORT_EVERY_MS {
            report.emit(progress.clone());
            reported = now();
        }
    }
}

/// The file's path inside the picked folder (`webkitRelativePath`), else its name.
fn relative_path(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|path| path.as_string())
        .filter(|path| !path.is_empty())
        .unwrap_or_else(|| file.name())
}

fn now() -> f64 {
    js_sys::Date::now()
}
