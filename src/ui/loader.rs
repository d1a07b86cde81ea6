//! The ways an article gets in: the file picker (several at once), drag and drop anywhere on
//! the page, and paste (a dialog, or Ctrl+V outside any text field).

use gloo::file::callbacks::{read_as_bytes, FileReader};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::core::article::{megabytes, MAX_INPUT_BYTES};
use crate::core::interchange::MAX_IMPORT_BYTES;
use crate::web::dom;

/// The largest annotation list ("Export all") read in pieces: far more than storage keeps;
/// a bound so a mistaken pick of a huge file is refused at once.
pub const MAX_LARGE_IMPORT_BYTES: usize = 256 << 20;

/// The limits, in words (checked against the constants when this is compiled).
const LIMITS: &str = "pizhu opens articles of up to 4.0 MB, and annotation files of up to \
     5.0 MB, or 256 MB for a list saved by \"Export all\" (a .json file). 文件过大。";
const _: () = assert!(
    MAX_INPUT_BYTES == 4 << 20
        && MAX_IMPORT_BYTES == 5 << 20
        && MAX_LARGE_IMPORT_BYTES == 256 << 20
);

/// A file's name and content, or why it could not be read.
pub type Loaded = Result<(String, Vec<u8>), String>;

/// Read `files` one by one and report each through `on_loaded`. Readers are kept alive in
/// `pending` until their callback runs (dropping a gloo FileReader cancels it).
/// A JSON file over the whole-file limits goes to `on_large`, to be read in pieces.
pub fn read_files(
    files: Vec<web_sys::File>,
    pending: std::rc::Rc<std::cell::RefCell<Vec<FileReader>>>,
    on_loaded: Callback<Loaded>,
    on_large: Callback<web_sys::File>,
) {
    for file in files {
        let name = file.name();
        let size = file.size() as usize;
        let json = file.type_() == "application/json"
            || [".json", ".jsonld"]
                .iter()
                .any(|end| name.to_ascii_lowercase().ends_with(end));
        // Read what either kind of file may be (an article, or an annotation file, whose
        // limit is higher); which it is, and its own limit, is decided by its content.
        let whole = MAX_INPUT_BYTES.max(MAX_IMPORT_BYTES);
        if size > whole && json && size <= MAX_LARGE_IMPORT_BYTES {
            on_large.emit(file);
            continue;
        }
        if size > whole {
            on_loaded.emit(Err(format!(
                "{name}: this file is too large ({} MB). {LIMITS}",
                megabytes(size)
            )));
            continue;
        }
        let on_loaded = on_loaded.clone();
        let reader = read_as_bytes(&gloo::file::File::from(file), move |result| {
            on_loaded.emit(result.map(|bytes| (name.clone(), bytes)).map_err(|e| {
                format!(
                    "{name}: the browser could not read this file ({e}). 浏览器无法读取此文件。"
                )
            }));
        });
        pending.borrow_mut().push(reader);
    }
}

#[derive(Properties, PartialEq)]
pub struct LoaderProps {
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_paste: Callback<String>,
}

#[function_component(Loader)]
pub fn loader(props: &LoaderProps) -> Html {
    let pasting = use_state(|| false);
    let textarea = use_node_ref();
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            on_files.emit(dom::files_of(input.files()));
            // Let the same file be picked again later.
            input.set_value("");
        })
    };
    let toggle = {
        let pasting = pasting.clone();
        Callback::from(move |_: MouseEvent| pasting.set(!*pasting))
    };
    let submit = {
        let pasting = pasting.clone();
        let textarea = textarea.clone();
        let on_paste = props.on_paste.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                on_paste.emit(area.value());
                area.set_value("");
            }
            pasting.set(false);
        })
    };
    html! {
        <div class="loader">
            <label class="button primary" for="pizhu-file">{ "Open files / 打开文章" }</label>
            <input id="pizhu-file" class="visually-hidden" type="file" multiple=true
                accept=".md,.txt,.html,.htm,.json,.jsonld,text/markdown,text/plain,text/html,application/json" {onchange} />
            <button type="button" class="button" onclick={toggle.clone()}
                aria-expanded={pasting.to_string()}>{ "Paste / 粘贴" }</button>
            if *pasting {
                <div class="paste-box" role="dialog" aria-label="Paste an article">
                    <label for="pizhu-paste">{ "Paste the raw article text or HTML / 粘贴文章原文或 HTML" }</label>
                    <textarea id="pizhu-paste" ref={textarea} rows="6" />
                    <div class="paste-actions">
                        { crate::ui::button("button primary", "Open / 打开", submit) }
                        { crate::ui::button("button", "Cancel / 取消", toggle) }
                    </div>
                </div>
            }
        </div>
    }
}
