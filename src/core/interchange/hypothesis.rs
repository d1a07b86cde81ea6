//! Reading the Hypothesis client's export:
//! `{ "export_date", "export_userid", "client_version", "annotations": [ … ] }`, each
//! annotation with `id`, `created`, `updated`, `uri`, `text` (the note), `tags` and
//! `target: [ { source, selector: [ … ] } ]`, and `document.title`.
//!
//! Page notes and replies highlight no text: they are skipped and reported, not errors.
//! Tags become the label ([`LabelBook::pick_tag`](super::labels::LabelBook::pick_tag)).

use super::clean::{one_line, strip_controls};
use super::groups::{Place, Reader, Skipped};
use super::ids::{derived_id, import_id};
use super::item::{source_text, times, PAGE_NOTE};
use super::node::Node;
use super::selectors::{read_selectors, Selected};
use super::ImportError;

use crate::core::annotation::Annotation;

pub(crate) fn read_hypothesis(root: &Node<'_>, reader: &mut Reader) -> Result<(), ImportError> {
    for node in root.need("annotations")?.list()? {
        node.object()?;
        let first_target = match node.get("target") {
            Some(targets) => targets.one_or_many().into_iter().next(),
            None => None,
        };
        if let Some(target) = &first_target {
            target.object()?;
        }
        let selectors = first_target.as_ref().and_then(|t| t.get("selector"));
        let found = match &selectors {
            Some(selectors) => read_selectors(selectors)?,
            None => Selected::Nothing,
        };
        let reason = match found {
            Selected::Text(target) => Ok(target),
            Selected::Unsupported(reason) => Err(reason),
            Selected::Nothing => Err(PAGE_NOTE.to_owned()),
        };
        let target = match reason {
            Ok(target) => target,
            Err(reason) => {
                reader.skipped.push(Skipped {
                    path: node.path.clone(),
                    reason,
                });
                continue;
            }
        };
        let id = node
            .opt_str("id")?
            .and_then(import_id)
            .unwrap_or_else(|| derived_id(node.value));
        let (created, modified) = times(&node, "created", "updated")?;
        let tags = match node.get("tags") {
            Some(tags) => tags
                .list()?
                .iter()
                .map(|t| t.str())
                .collect::<Result<Vec<_>, _>>()?,
            None => Vec::new(),
        };
        let label = reader.book.pick_tag(&tags);
        let note = strip_controls(node.opt_str("text")?.unwrap_or(""));
        let mut place = match first_target.as_ref().and_then(|t| t.get("source")) {
            Some(source) => Place::from_source(source_text(&source)?),
            None => Place::default(),
        };
        if place.url.is_none() {
            if let Some(uri) = node.opt_str("uri")? {
                place.url = Place::from_source(uri).url;
            }
        }
        place.title = title(&node)?;
        reader.groups.add(
            &place,
            Annotation {
                id,
                article: String::new(),
                label,
                note,
                created,
                modified,
                target,
            },
        );
    }
    Ok(())
}

/// `document.title`: a list of strings (the first is used) or one string.
fn title(node: &Node<'_>) -> Result<Option<String>, ImportError> {
    let Some(title) = node.get("document").and_then(|d| d.get("title")) else {
        return Ok(None);
    };
    let Some(first) = title.one_or_many().into_iter().next() else {
        return Ok(None);
    };
    Ok(Some(one_line(first.str()?)).filter(|t| !t.is_empty()))
}
