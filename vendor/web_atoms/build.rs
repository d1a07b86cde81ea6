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

/// Writes the named character references as one string of sorted, front-coded names, each
/// followed by its code points; `NAMED_ENTITIES` indexes it on first use and binary-searches it. Upstream
/// generates a `phf` map of every prefix of every name (about 7,000 keys, 51 KB of the
/// brotli-compressed wasm). pizhu's tests/entities.rs checks the two answer alike for every
/// name, every prefix and every key followed by one more character.
fn named_entities_table(to: &Path) {
    let entities: BTreeMap<&str, (u32, u32)> = entities::NAMED_ENTITIES
        .iter()
        .map(|(name, cp1, cp2)| {
            assert!(name.starts_with('&'));
            (&name[1..], (*cp1, *cp2))
        })
        .collect();

    // One string: each name front-coded (a character whose value is the length of the prefix
    // it shares with the name before it, then the rest of the name; sorted names share long
    // prefixes, as "amp" and "amp;" do), then '=' and its code point, or '+' and its two code
    // points. Names use only ASCII letters, digits and ';', so the markers cannot be confused.
    let mut table = String::new();
    let mut previous = "";
    for (name, &(first, second)) in &entities {
        assert!(name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b';'));
        let shared = previous
            .bytes()
            .zip(name.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        table.push(char::from_u32(shared as u32).expect("a short prefix"));
        table.push_str(&name[shared..]);
        previous = name;
        let first = char::from_u32(first).expect("a scalar value");
        match char::from_u32(second).filter(|&c| c != '\0') {
            Some(second) => {
                table.push('+');
                table.push(first);
                table.push(second);
            }
            None => {
                table.push('=');
                table.push(first);
            }
        }
    }

    // `NAMED_ENTITIES` keeps the positions of the decoded names as u16.
    let decoded: usize = entities.keys().map(|name| name.len()).sum();
    assert!(decoded <= usize::from(u16::MAX), "the decoded names fit u16 offsets");
    let mut file = File::create(to).unwrap();
    writeln!(file, "static ENTITY_TABLE: &str = {table:?};").unwrap();
    writeln!(file, "const ENTITY_COUNT: usize = {};", entities.len()).unwrap();
}
