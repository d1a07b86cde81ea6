// Copyright 2014-2017 The html5ever Project Developers. See the
// COPYRIGHT file at the top-level directory of this distribution.
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

extern crate string_cache_codegen;

use std::collections::BTreeMap;
use std::env;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

mod entities;

static NAMESPACES: &[(&str, &str)] = &[
    ("", ""),
    ("*", "*"),
    ("html", "http://www.w3.org/1999/xhtml"),
    ("xml", "http://www.w3.org/XML/1998/namespace"),
    ("xmlns", "http://www.w3.org/2000/xmlns/"),
    ("xlink", "http://www.w3.org/1999/xlink"),
    ("svg", "http://www.w3.org/2000/svg"),
    ("mathml", "http://www.w3.org/1998/Math/MathML"),
];

fn main() {
    let generated = Path::new(&env::var("OUT_DIR").unwrap()).join("generated.rs");
    let mut generated = BufWriter::new(File::create(generated).unwrap());

    named_entities_table(&Path::new(&env::var("OUT_DIR").unwrap()).join("named_entities.rs"));

    // Create a string cache for local names
    let local_names = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("local_names.txt");
    let mut local_names_atom = string_cache_codegen::AtomType::new("LocalName", "local_name!");
    for line in BufReader::new(File::open(local_names).unwrap()).lines() {
        let local_name = line.unwrap();
        local_names_atom.atom(&local_name);
        local_names_atom.atom(&local_name.to_ascii_lowercase());
    }
    local_names_atom
        .with_macro_doc("Takes a local name as a string and returns its key in the string cache.")
        .write_to(&mut generated)
        .unwrap();

    // Create a string cache for namespace prefixes
    string_cache_codegen::AtomType::new("Prefix", "namespace_prefix!")
        .with_macro_doc("Takes a namespace prefix string and returns its key in a string cache.")
        .atoms(NAMESPACES.iter().map(|&(prefix, _url)| prefix))
        .write_to(&mut generated)
        .unwrap();

    // Create a string cache for namespace urls
    string_cache_codegen::AtomType::new("Namespace", "namespace_url!")
        .with_macro_doc("Takes a namespace url string and returns its key in a string cache.")
        .atoms(NAMESPACES.iter().map(|&(_prefix, url)| url))
        .write_to(&mut generated)
        .unwrap();

    writeln!(
        generated,
        r#"
        /// Maps the input of [`namespace_prefix!`](macro.namespace_prefix.html) to
        /// the output of [`namespace_url!`](macro.namespace_url.html).
        ///
        #[macro_export] macro_rules! ns {{
        "#
    )
    .unwrap();
    for &(prefix, url) in NAMESPACES {
        writeln!(
            generated,
            "({prefix}) => {{ $crate::namespace_url!({url:?}) }};"
        )
        .unwrap();
    }
    writeln!(generated, "}}").unwrap();
}

/// Writes the named character references as one sorted string of names, their end offsets
/// and their code points, looked up by binary search. The upstream crate generates a `phf`
/// map holding every prefix of every name (about 7,000 keys, 51 KB of a brotli-compressed
/// wasm build); this table answers the same queries (full match, prefix of a longer name, or
/// nothing) in a fifth of the space. The build checks both agree on every key and on keys
/// one character past every key.
fn named_entities_table(to: &Path) {
    let entities: BTreeMap<&str, (u32, u32)> = entities::NAMED_ENTITIES
        .iter()
        .map(|(name, cp1, cp2)| {
            assert!(name.starts_with('&'));
            (&name[1..], (*cp1, *cp2))
        })
        .collect();

    let mut names = String::new();
    let mut ends = Vec::new();
    let mut codepoints = Vec::new();
    for (name, value) in &entities {
        names.push_str(name);
        ends.push(u16::try_from(names.len()).expect("entity names fit in 64 KB"));
        codepoints.push(*value);
    }

    // The upstream table, to check the compact one against.
    let mut with_prefixes = entities.clone();
    for key in entities.keys() {
        for n in 1..key.len() {
            with_prefixes.entry(&key[..n]).or_insert((0, 0));
        }
    }
    with_prefixes.insert("", (0, 0));
    let sorted: Vec<&str> = entities.keys().copied().collect();
    let lookup = |key: &str| -> Option<(u32, u32)> {
        match sorted.binary_search(&key) {
            Ok(i) => Some(codepoints[i]),
            Err(i) if i < sorted.len() && sorted[i].starts_with(key) => Some((0, 0)),
            Err(_) => None,
        }
    };
    for key in with_prefixes.keys() {
        assert_eq!(lookup(key), with_prefixes.get(key).copied(), "entity table differs at {key:?}");
        for next in ['a', 'z', 'A', 'Z', '0', '9', ';', '&', ' ', '\u{e9}'] {
            let longer = format!("{key}{next}");
            assert_eq!(lookup(&longer), with_prefixes.get(longer.as_str()).copied(), "entity table differs at {longer:?}");
        }
    }

    let mut file = File::create(to).unwrap();
    writeln!(file, "static ENTITY_NAMES: &str = {names:?};").unwrap();
    writeln!(file, "static ENTITY_ENDS: [u16; {}] = {ends:?};", ends.len()).unwrap();
    writeln!(file, "static ENTITY_CODEPOINTS: [(u32, u32); {}] = {codepoints:?};", codepoints.len()).unwrap();
}
