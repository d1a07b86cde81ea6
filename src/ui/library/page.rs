//! The library view's component: loading the records and their annotations, the search
//! box, the sort and filters, the list (a page of rows at a time), and the folder import's
//! progress.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::folder_import::{import_folder, Progress};
use crate::core::annotation::Annotation;
use crate::core::label::Label;
use crate::core::library::{
    arrange, decode_record, label_counts, ArticleRecord, Hit, LabelCounts, LibraryView, Place,
    SearchIndex, SortBy,
};
use crate::core::sort::sort_by;
use crate::ui::annotate::persist;
use crate::web::dom;
use crate::web::idb::{IdbError, Library};
use crate::web::timing;

/// Rows rendered at first, and added by "Show more": the list of thousands stays a page.
const PAGE_ROWS: usize = 100;
/// Search results shown at most.
const MAX_RESULTS: usize = 100;

/// The library as read when the view opened (or after an import).
struct Shelf {
    /// Sorted by key, as `counts` is: both are looked up by binary search.
    records: Vec<ArticleRecord>,
    counts: Vec<(String, LabelCounts)>,
    /// The live annotations of each article that has any, in `counts`' order.
    marks: Vec<Vec<Annotation>>,
    labels: Vec<Label>,
    /// The search index, made once the list shows ([`index_texts`]): until then a search
    /// says it is reading.
    index: std::cell::OnceCell<SearchIndex>,
    /// Records that could not be read (left as they are in the database).
    unreadable: usize,
}

impl Shelf {
    fn position(&self, key: &str) -> Option<usize> {
        self.records
            .binary_search_by(|r| r.key.as_str().cmp(key))
            .ok()
    }

    fn record(&self, key: &str) -> Option<&ArticleRecord> {
        Some(&self.records[self.position(key)?])
    }

    fn annotated(&self, key: &str) -> Option<usize> {
        self.counts
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
    }

    /// The annotation counts by label of the article `key` (none when it has none).
    fn counts_of(&self, key: &str) -> &[(String, usize)] {
        self.annotated(key).map_or(&[], |at| &self.counts[at].1)
    }

    fn marks_of(&self, key: &str) -> &[Annotation] {
        self.annotated(key).map_or(&[], |at| &self.marks[at])
    }
}

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// Open the article with this key.
    pub on_open: Callback<String>,
}

#[function_component(LibraryPage)]
pub fn library_page(props: &LibraryProps) -> Html {
    let shelf = use_state(|| None::<Rc<Shelf>>);
    let problem = use_state(|| None::<String>);
    let reloads = use_state(|| 0usize);
    let query = use_state(String::new);
    let view = use_state(LibraryView::default);
    let rows = use_state(|| PAGE_ROWS);
    let progress = use_state(|| None::<Progress>);
    let cancel = use_memo((), |_| Cell::new(false));
    let storage = use_state(|| None::<String>);

    {
        let (shelf, problem, storage) = (shelf.clone(), problem.clone(), storage.clone());
        use_effect_with(*reloads, move |_| {
            // A newer load (after an import) replaces this one: it stops where it is.
            let stale = Rc::new(Cell::new(false));
            let stop = stale.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match load().await {
                    Ok(loaded) => Rc::new(loaded),
                    Err(error) => return problem.set(Some(error.to_string())),
                };
                shelf.set(Some(loaded.clone()));
                storage.set(Some(crate::web::idb::storage_line().await));
                if let Some(index) = index_texts(&loaded, &stale).await {
                    let _ = loaded.index.set(index);
                    // The same shelf again: `use_state` redraws on every set.
                    shelf.set(Some(loaded));
                }
            });
            move || stop.set(true)
        });
    }

    let on_search = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            query.set(input.value());
        })
    };
    let on_folder = {
        let (progress, reloads, cancel) = (progress.clone(), reloads.clone(), cancel.clone());
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let files = dom::files_of(input.files());
            input.set_value("");
            if files.is_empty() {
                return;
            }
            cancel.set(false);
            let (progress, reloads, cancel) = (progress.clone(), reloads.clone(), cancel.clone());
            wasm_bindgen_futures::spawn_local(async move {
                crate::web::idb::ask_to_persist().await;
                let report = {
                    let (progress, reloads) = (progress.clone(), reloads.clone());
                    Callback::from(move |p: Progress| {
                        if p.finished {
                            reloads.set(*reloads + 1);
                        }
                        progress.set(Some(p));
                    })
                };
                import_folder(files, cancel, report).await;
            });
        })
    };
    let on_cancel = {
        let cancel = cancel.clone();
        Callback::from(move |_: MouseEvent| cancel.set(true))
    };
    let open = |key: &str| {
        let (on_open, key) = (props.on_open.clone(), key.to_string());
        Callback::from(move |_: MouseEvent| on_open.emit(key.clone()))
    };

    let Some(shelf) = shelf.as_ref() else {
        return html! {
            <section class="library" aria-label="Library">
                <p class="library-status">{ problem.as_deref().unwrap_or("Loading the library… 正在读取文章库…").to_string() }</p>
            </section>
        };
    };
    let label_name = |id: &str| {
        shelf.labels.iter().find(|l| l.id == id).map_or_else(
            || id.to_string(),
            |l| format!("{} {}", l.name_en, l.name_zh),
        )
    };

    let filters = filters(shelf, &view, &rows);
    let body = if query.trim().is_empty() {
        let keys = arrange(&shelf.records, &shelf.counts, &view);
        let listed = keys.len();
        html! {
            <>
                <ul class="library-list">
                    { for keys.iter().take(*rows).filter_map(|key| shelf.record(key)).map(|record| {
                        row(record, false, open(&record.key), html! {
                            <>
                                { meta_line(record) }
                                { for shelf.counts_of(&record.key).iter().map(|(label, n)| html! {
                                    <span class="library-label" data-label={label.clone()}>
                                        { format!("{} {n}", label_name(label)) }
                                    </span>
                                }) }
                            </>
                        })
                    }) }
                </ul>
                if listed > *rows {
                    <button type="button" class="button" onclick={
                        let rows = rows.clone();
                        Callback::from(move |_: MouseEvent| rows.set(*rows + PAGE_ROWS))
                    }>{ format!("Show more ({} of {listed} shown) / 显示更多", *rows) }</button>
                }
            </>
        }
    } else {
        let results = shelf
            .index
            .get()
            .map(|index| index.search(&query, MAX_RESULTS))
            .unwrap_or_default();
        html! {
            <>
                <p class="library-status" role="status">{
                    match (shelf.index.get(), results.hits.len()) {
                        (None, _) => "Reading the texts for search… 正在读取正文…".to_string(),
                        (_, 0) => "No match. 没有结果。".to_string(),
                        (_, n) if results.more => format!("The first {n} matches. 前 {n} 个结果。"),
                        (_, n) => format!("Matches: {n}. {n} 个结果。"),
                    }
                }</p>
                <ol class="search-results">
                    { for results.hits.iter().filter_map(|hit| Some((hit, shelf.record(&hit.key)?))).map(|(hit, record)| {
                        row(record, true, open(&hit.key), html! {
                            <>
                                { place_of(hit, &label_name) }
                                <span class="search-snippet">{ snippet(hit) }</span>
                            </>
                        })
                    }) }
                </ol>
            </>
        }
    };

    let count = shelf.records.len();
    html! {
        <section class="library" aria-label="Library">
            <div class="library-bar">
                <input type="search" class="library-search" aria-label="Search the library"
                    placeholder="Search titles, texts, quotes, notes / 搜索标题、正文、引文、批注"
                    value={(*query).clone()} oninput={on_search} />
                <label class="button">
                    { "Import a folder / 导入文件夹" }
                    <input type="file" class="visually-hidden" webkitdirectory=true multiple=true onchange={on_folder} />
                </label>
            </div>
            { filters }
            <p class="library-status" data-library-count={count.to_string()}>
                { format!("{count} articles in the library. 文章库中共 {count} 篇。") }
                if shelf.unreadable > 0 {
                    { format!(" {} records could not be read and were left as they are.", shelf.unreadable) }
                }
            </p>
            if let Some(line) = storage.as_ref().filter(|line| !line.is_empty()) {
                <p class="library-status library-storage">{ line.clone() }</p>
            }
            if let Some(p) = progress.as_ref() { { progress_view(p, on_cancel) } }
            { body }
        </section>
    }
}

/// The sort and the filters by outlet and by label.
fn filters(
    shelf: &Shelf,
    view: &UseStateHandle<LibraryView>,
    rows: &UseStateHandle<usize>,
) -> Html {
    let mut outlets: Vec<&str> = shelf
        .records
        .iter()
        .map(|r| r.outlet.as_str())
        .filter(|o| !o.is_empty())
        .collect();
    crate::core::sort::sort(&mut outlets);
    outlets.dedup();
    let change = |apply: fn(&mut LibraryView, String)| {
        let (view, rows) = (view.clone(), rows.clone());
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let mut next = (*view).clone();
            apply(&mut next, select.value());
            view.set(next);
            rows.set(PAGE_ROWS);
        })
    };
    html! {
        <div class="library-filters">
            <label>{ "Sort / 排序 " }
                <select aria-label="Sort" onchange={change(|v, value| v.sort = match value.as_str() {
                    "outlet" => SortBy::Outlet,
                    "title" => SortBy::Title,
                    "annotated" => SortBy::MostAnnotated,
                    _ => SortBy::Date,
                })}>
                    <option value="date" selected={view.sort == SortBy::Date}>{ "Newest first / 最新" }</option>
                    <option value="outlet" selected={view.sort == SortBy::Outlet}>{ "Outlet / 媒体" }</option>
                    <option value="title" selected={view.sort == SortBy::Title}>{ "Title / 标题" }</option>
                    <option value="annotated" selected={view.sort == SortBy::MostAnnotated}>{ "Most annotated / 批注最多" }</option>
                </select>
            </label>
            <label>{ "Outlet / 媒体 " }
                <select aria-label="Outlet" onchange={change(|v, value| v.outlet = (!value.is_empty()).then_some(value))}>
                    <option value="" selected={view.outlet.is_none()}>{ "All / 全部" }</option>
                    { for outlets.iter().map(|o| html! {
                        <option value={o.to_string()} selected={view.outlet.as_deref() == Some(*o)}>{ o.to_string() }</option>
                    }) }
                </select>
            </label>
            <label>{ "Label / 标签 " }
                <select aria-label="Label" onchange={change(|v, value| v.label = (!value.is_empty()).then_some(value))}>
                    <option value="" selected={view.label.is_none()}>{ "Any / 任意" }</option>
                    { for shelf.labels.iter().map(|l| html! {
                        <option value={l.id.clone()} selected={view.label.as_deref() == Some(l.id.as_str())}>
                            { format!("{} {}", l.name_en, l.name_zh) }
                        </option>
                    }) }
                </select>
            </label>
        </div>
    }
}

fn progress_view(p: &Progress, on_cancel: Callback<MouseEvent>) -> Html {
    let c = &p.counts;
    let state = if let Some(why) = &p.stopped {
        format!("Stopped: {why}")
    } else if p.cancelled {
        "Cancelled. 已取消。".to_string()
    } else if p.finished {
        "Done. 完成。".to_string()
    } else {
        "Importing… 正在导入…".to_string()
    };
    html! {
        <div class="library-import" role="status" data-import-finished={p.finished.to_string()}>
            <progress max={p.total.to_string()} value={c.read.to_string()} />
            <span>{ format!(
                "{state} {} of {} files read 已读: {} added 新增, {} updated 更新, {} unchanged 未变, {} skipped 跳过.",
                c.read, p.total, c.added, c.updated, c.unchanged, c.skipped,
            ) }</span>
            if !p.finished {
                <button type="button" class="button" onclick={on_cancel}>{ "Cancel / 取消" }</button>
            }
            if !p.skipped.is_empty() {
                <details class="library-skipped">
                    <summary>{ format!("Skipped files ({}) / 跳过的文件", p.skipped.len()) }</summary>
                    <ul>{ for p.skipped.iter().map(|(path, why)| html! {
                        <li><code>{ path.clone() }</code>{ ": " }{ why.clone() }</li>
                    }) }</ul>
                </details>
            }
        </div>
    }
}

/// One listed article, or a search result when `result`: its title as the button that opens
/// it, and a line under it; the page contract's attribute names its key.
fn row(record: &ArticleRecord, result: bool, on_open: Callback<MouseEvent>, meta: Html) -> Html {
    let key = || Some(record.key.clone());
    html! {
        <li data-article-key={(!result).then(key).flatten()} data-search-result={result.then(key).flatten()}>
            <button type="button" class="library-title" onclick={on_open}>{ title_of(record) }</button>
            <span class="library-meta">{ meta }</span>
        </li>
    }
}

fn title_of(record: &ArticleRecord) -> String {
    if record.title.trim().is_empty() {
        "(untitled / 无标题)".to_string()
    } else {
        record.title.clone()
    }
}

fn meta_line(record: &ArticleRecord) -> Html {
    let (shown, iso) = dom::local_time(record.date_ms());
    html! {
        <>
            if !record.outlet.is_empty() { <span class="library-outlet">{ record.outlet.clone() }</span> }
            <time datetime={iso}>{ shown }</time>
        </>
    }
}

fn place_of(hit: &Hit, label_name: &dyn Fn(&str) -> String) -> String {
    match &hit.place {
        Place::Title => "Title / 标题".to_string(),
        Place::Text => "Text / 正文".to_string(),
        Place::Quote { label, .. } => format!("Quote / 引文 · {}", label_name(label)),
        Place::Note { label, .. } => format!("Note / 批注 · {}", label_name(label)),
    }
}

/// The snippet with its match in `<mark>`, built as text nodes (never HTML).
fn snippet(hit: &Hit) -> Html {
    let (start, end) = hit.snippet_range;
    let at = |n: usize| {
        hit.snippet
            .char_indices()
            .nth(n)
            .map_or(hit.snippet.len(), |(i, _)| i)
    };
    let (a, b) = (at(start), at(end));
    html! {
        <>
            { hit.snippet[..a].to_string() }
            <mark>{ hit.snippet[a..b].to_string() }</mark>
            { hit.snippet[b..].to_string() }
        </>
    }
}

/// The records and their annotations, enough to list them; the texts are read after
/// ([`index_texts`]).
async fn load() -> Result<Shelf, IdbError> {
    timing::mark("pizhu:library-load-start");
    let library = Library::open().await?;
    let stored = library.records().await?;
    timing::measure("pizhu:library-read", "pizhu:library-load-start");
    let (mut repo, _) = persist::open_repo();
    let labels = repo
        .load_labels()
        .unwrap_or_else(|_| crate::core::label::default_labels());
    let mut shelf = Shelf {
        records: Vec::new(),
        counts: Vec::new(),
        marks: Vec::new(),
        labels,
        index: Default::default(),
        unreadable: 0,
    };
    for raw in stored.split('\n').filter(|line| !line.is_empty()) {
        match decode_record(raw) {
            Ok(record) => shelf.records.push(record),
            Err(_) => shelf.unreadable += 1,
        }
    }
    // IndexedDB lists string keys by UTF-16 code units, which is not `str`'s order for every
    // key; sorted here, the binary searches are right for all of them.
    sort_by(&mut shelf.records, |a, b| a.key.cmp(&b.key));
    // The annotations of the articles that have any: a lookup per stored article, not one
    // per record (most articles of a big library have none).
    for key in repo.list_articles().unwrap_or_default() {
        if shelf.record(&key).is_none() {
            continue;
        }
        let Ok(state) = repo.load_article(&key) else {
            continue;
        };
        if !state.annotations.is_empty() {
            shelf.counts.push((key, label_counts(&state.annotations)));
            shelf.marks.push(state.annotations);
        }
    }
    timing::measure("pizhu:library-load", "pizhu:library-load-start");
    Ok(shelf)
}

/// Search texts read per task: about 1 MB of a corpus-like library.
const TEXTS_PER_READ: u32 = 200;

/// The search index with every article's text, read a few hundred at a time (each read and
/// its folding one short task). A read that fails ends the reading: the articles not read
/// are searched by title and annotations. `None` when `stale` (a newer load began).
async fn index_texts(shelf: &Shelf, stale: &Cell<bool>) -> Option<SearchIndex> {
    let mut index = SearchIndex::new();
    let mut indexed = vec![false; shelf.records.len()];
    let mut after: Option<String> = None;
    if let Ok(library) = Library::open().await {
        while let Ok(texts) = library.search_texts(after.as_deref(), TEXTS_PER_READ).await {
            if stale.get() {
                return None;
            }
            for (key, text) in &texts {
                if let Some(at) = shelf.position(key) {
                    index.push(&shelf.records[at], text, shelf.marks_of(key));
                    indexed[at] = true;
                }
            }
            let Some((last, _)) = texts.last() else { break };
            after = Some(last.clone());
            gloo::timers::future::TimeoutFuture::new(0).await;
        }
    }
    // Records without a search text: those of the first library build, which hold it.
    for (record, _) in shelf
        .records
        .iter()
        .zip(&indexed)
        .filter(|(_, done)| !**done)
    {
        index.push(record, &record.text, shelf.marks_of(&record.key));
    }
    index.sort();
    Some(index)
}
