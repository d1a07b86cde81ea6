//! The library view's component: loading the records and their annotations, the search
//! box, the sort and filters, the list (a page of rows at a time), the selection and its
//! deletion with Undo (delete.rs), and the folder import's progress.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::delete::{self, Select, Selection, Step};
use super::folder_import::{import_folder, Progress};
use crate::core::annotation::Annotation;
use crate::core::label::Label;
use crate::core::library::{
    arrange, decode_record, export_annotations, label_counts, ArticleRecord, Hit, LabelCounts,
    LibraryView, Place, SearchIndex, SortBy,
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
    let selection = use_reducer(Selection::default);
    // What a deletion, an Undo or an export had to say.
    let notice = use_state(|| None::<String>);

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
    let select = selection.dispatcher().to_callback();
    let toggle = |key: &str| {
        let key = key.to_string();
        select.reform(move |_: Event| Select::Toggle(key.clone()))
    };
    let run = {
        let (select, notice, reloads) = (select.clone(), notice.clone(), reloads.clone());
        Callback::from(move |step: Step| {
            let (select, notice, reloads) = (select.clone(), notice.clone(), reloads.clone());
            wasm_bindgen_futures::spawn_local(async move {
                notice.set(Some(match delete::apply(step).await {
                    Ok(done) => {
                        let said = done.as_ref().map_or_else(
                            || "Undone. 已撤销。".to_string(),
                            |done| {
                                let (n, m) = (done.articles(), done.annotations());
                                format!("Deleted {n} articles and {m} annotations. 已删除 {n} 篇文章和 {m} 条批注。 ")
                            },
                        );
                        select.emit(Select::Done(done));
                        said
                    }
                    Err(message) => message,
                }));
                reloads.set(*reloads + 1);
            });
        })
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
                        let checked = selection.keys.binary_search(&record.key).is_ok();
                        row(record, Some((checked, toggle(&record.key))), open(&record.key), html! {
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
                if listed > 0 && selection.keys.len() < listed {
                    { crate::ui::button("button", "Select all / 全选", select.reform(move |_: MouseEvent| Select::All(keys.clone()))) }
                }
                if listed > *rows {
                    { crate::ui::button("button", format!("Show more ({} of {listed} shown) / 显示更多", *rows), {
                        let rows = rows.clone();
                        Callback::from(move |_: MouseEvent| rows.set(*rows + PAGE_ROWS))
                    }) }
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
                        row(record, None, open(&hit.key), html! {
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
    let marked: usize = selection
        .keys
        .iter()
        .map(|key| shelf.marks_of(key).len())
        .sum();
    // The selection is read when clicked (the handle is an `Rc`), not copied at every render.
    let export_first = {
        let (shelf, notice, selection) = (shelf.clone(), notice.clone(), selection.clone());
        Callback::from(move |_: MouseEvent| {
            let articles: Vec<_> = selection
                .keys
                .iter()
                .filter_map(|key| Some((shelf.record(key)?, shelf.marks_of(key))))
                .collect();
            let json = export_annotations(&articles, &shelf.labels, dom::now_ms());
            let name = "pizhu-selected.annotations.json";
            notice.set(Some(
                match crate::web::transfer::download(name, "application/ld+json", &json) {
                    Ok(()) => format!("Saved {name}. 已导出。"),
                    Err(error) => error.to_string(),
                },
            ));
        })
    };
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
            if !selection.keys.is_empty() {
                <div class="library-selection" role="group" aria-label="Selected articles">
                    <span>{ match (selection.keys.len(), marked) {
                        (n, 0) => format!("{n} selected. 已选 {n} 篇。"),
                        (n, m) => format!("{n} selected, with {m} annotations, deleted with them. 已选 {n} 篇，含 {m} 条批注。"),
                    } }</span>
                    if marked > 0 {
                        { crate::ui::button("button", "Export their annotations / 导出批注", export_first) }
                    }
                    { crate::ui::button("button danger", if marked > 0 { "Delete with annotations / 连同批注删除" } else { "Delete / 删除" }, {
                        let selection = selection.clone();
                        run.reform(move |_: MouseEvent| Step::Delete(selection.keys.clone()))
                    }) }
                    { crate::ui::button("button", "Clear selection / 取消选择", select.reform(|_: MouseEvent| Select::Clear)) }
                </div>
            }
            if let Some(text) = notice.as_ref() {
                <p class="library-status" role="status">
                    { text.clone() }
                    if let Some(done) = selection.deleted.clone() {
                        { crate::ui::button("button", "Undo / 撤销", run.reform(move |_: MouseEvent| Step::Undo(done.clone()))) }
                    }
                </p>
            }
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
    let sorts = SORTS.iter().map(|(sort, value, text)| {
        (
            AttrValue::from(*value),
            AttrValue::from(*text),
            view.sort == *sort,
        )
    });
    let outlets = outlets.iter().map(|o| {
        let o = AttrValue::from(o.to_string());
        (o.clone(), o.clone(), view.outlet.as_deref() == Some(&o))
    });
    let labels = shelf.labels.iter().map(|l| {
        let text = format!("{} {}", l.name_en, l.name_zh);
        let chosen = view.label.as_deref() == Some(l.id.as_str());
        (AttrValue::from(l.id.clone()), AttrValue::from(text), chosen)
    });
    let any = |text: &'static str, chosen: bool| ("".into(), text.into(), chosen);
    html! {
        <div class="library-filters">
            { choice("Sort / 排序 ", "Sort", sorts.collect(), change(|v, value| {
                v.sort = SORTS.iter().find(|(_, name, _)| *name == value).map_or(SortBy::Date, |s| s.0);
            })) }
            { choice("Outlet / 媒体 ", "Outlet",
                std::iter::once(any("All / 全部", view.outlet.is_none())).chain(outlets).collect(),
                change(|v, value| v.outlet = (!value.is_empty()).then_some(value))) }
            { choice("Label / 标签 ", "Label",
                std::iter::once(any("Any / 任意", view.label.is_none())).chain(labels).collect(),
                change(|v, value| v.label = (!value.is_empty()).then_some(value))) }
        </div>
    }
}

/// The sorts the list offers: the sort, its `<option>` value, its name.
const SORTS: [(SortBy, &str, &str); 4] = [
    (SortBy::Date, "date", "Newest first / 最新"),
    (SortBy::Outlet, "outlet", "Outlet / 媒体"),
    (SortBy::Title, "title", "Title / 标题"),
    (
        SortBy::MostAnnotated,
        "annotated",
        "Most annotated / 批注最多",
    ),
];

/// A labelled `<select>` of (value, text, chosen) options: one element template for the
/// three filters.
fn choice(
    label: &'static str,
    name: &'static str,
    options: Vec<(AttrValue, AttrValue, bool)>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label>{ label }
            <select aria-label={name} {onchange}>
                { for options.into_iter().map(|(value, text, selected)| html! {
                    <option {value} {selected}>{ text }</option>
                }) }
            </select>
        </label>
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
                { crate::ui::button("button", "Cancel / 取消", on_cancel) }
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

/// One listed article, with its checkbox (checked, toggle) when `select`, or a search result
/// without: its title as the button that opens it, and a line under it; the page contract's
/// attribute names its key.
fn row(
    record: &ArticleRecord,
    select: Option<(bool, Callback<Event>)>,
    on_open: Callback<MouseEvent>,
    meta: Html,
) -> Html {
    let key = Some(record.key.clone());
    let title = title_of(record);
    let (listed, result) = match select.is_some() {
        true => (key, None),
        false => (None, key),
    };
    html! {
        <li data-article-key={listed} data-search-result={result}>
            if let Some((checked, onchange)) = select {
                <input type="checkbox" class="library-select" aria-label={title.clone()} {checked} {onchange} />
            }
            { crate::ui::button("library-title", title, on_open) }
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
