// Copyright 2014-2017 The html5ever Project Developers. See the
// COPYRIGHT file at the top-level directory of this distribution.
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

use crate::interface::{LimitedQuirks, NoQuirks, Quirks, QuirksMode};
use crate::tendril::StrTendril;
use crate::tokenizer::Doctype;

// These should all be lowercase, for ASCII-case-insensitive matching.
// pizhu: upstream's three lists of the legacy doctypes that mean quirks mode (some 60 public
// identifiers of HTML 2.0-3.2 era DTDs) are not kept; any doctype with a public or system
// identifier that is not one of the standard ones below is read as quirks (see PATCH.md).
static LIMITED_QUIRKY_PUBLIC_PREFIXES: &[&str] = &[
    "-//w3c//dtd xhtml 1.0 frameset//",
    "-//w3c//dtd xhtml 1.0 transitional//",
];

static HTML4_PUBLIC_PREFIXES: &[&str] = &[
    "-//w3c//dtd html 4.01 frameset//",
    "-//w3c//dtd html 4.01 transitional//",
];

pub(crate) fn doctype_error_and_quirks(
    doctype: &Doctype,
    iframe_srcdoc: bool,
) -> (bool, QuirksMode) {
    fn opt_string_as_slice(x: &Option<String>) -> Option<&str> {
        x.as_deref()
    }

    fn opt_tendril_as_slice(x: &Option<StrTendril>) -> Option<&str> {
        x.as_deref()
    }

    fn opt_to_ascii_lower(x: Option<&str>) -> Option<String> {
        x.map(|y| y.to_ascii_lowercase())
    }

    let name = opt_tendril_as_slice(&doctype.name);
    let public = opt_tendril_as_slice(&doctype.public_id);
    let system = opt_tendril_as_slice(&doctype.system_id);

    let err = !matches!(
        (name, public, system),
        (Some("html"), None, None)
            | (Some("html"), None, Some("about:legacy-compat"))
            | (Some("html"), Some("-//W3C//DTD HTML 4.0//EN"), None)
            | (
                Some("html"),
                Some("-//W3C//DTD HTML 4.0//EN"),
                Some("http://www.w3.org/TR/REC-html40/strict.dtd"),
            )
            | (Some("html"), Some("-//W3C//DTD HTML 4.01//EN"), None)
            | (
                Some("html"),
                Some("-//W3C//DTD HTML 4.01//EN"),
                Some("http://www.w3.org/TR/html4/strict.dtd"),
            )
            | (
                Some("html"),
                Some("-//W3C//DTD XHTML 1.0 Strict//EN"),
                Some("http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"),
            )
            | (
                Some("html"),
                Some("-//W3C//DTD XHTML 1.1//EN"),
                Some("http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd"),
            )
    );

    // FIXME: We could do something asymptotically faster here.
    // But there aren't many strings, and this happens at most once per parse.
    fn contains_pfx(haystack: &[&str], needle: &str) -> bool {
        haystack.iter().any(|&x| needle.starts_with(x))
    }

    // Quirks-mode matches are case-insensitive.
    let public = opt_to_ascii_lower(public);
    let system = opt_to_ascii_lower(system);

    let quirk = match (opt_string_as_slice(&public), opt_string_as_slice(&system)) {
        _ if doctype.force_quirks => Quirks,
        _ if name != Some("html") => Quirks,

        _ if iframe_srcdoc => NoQuirks,

        (Some(p), _) if contains_pfx(LIMITED_QUIRKY_PUBLIC_PREFIXES, p) => LimitedQuirks,

        (Some(p), s) if contains_pfx(HTML4_PUBLIC_PREFIXES, p) => match s {
            None => Quirks,
            Some(_) => LimitedQuirks,
        },

        // The standard doctypes (`<!DOCTYPE html>`, HTML 4.0/4.01 Strict, XHTML 1.0 Strict,
        // XHTML 1.1): those `err` accepts.
        _ if !err => NoQuirks,
        (Some(_), _) | (_, Some(_)) => Quirks,

        _ => NoQuirks,
    };

    (err, quirk)
}
