//! What each fuzz target checks, for one input: shared by the fuzz targets (fuzz/fuzz_targets,
//! through `#[path]`) and by the native replay of the inputs that once failed
//! (tests/fuzz_regressions.rs), so a regression test runs exactly what the fuzzer ran.
//! Each function panics when its property does not hold. Each target's imports are in its
//! own function (the storage ones may move to `core::store::envelope`, `Label` to
//! `core::label`: only those `use` lines would change).
#![allow(dead_code)]

/// The article parser: never panics; valid UTF-8 within the size limit that is not mostly
/// control characters gives an `Article` (`Empty` for blank input), anything else the
/// matching `ParseError`; the text and title hold no NUL; every run sits at its offset.
pub fn article(data: &[u8]) {
    use pizhu::core::article::{parse_bytes, ParseError, MAX_INPUT_BYTES};

    // The binary rule, written again from its statement rather than calling the parser's
    // own (`feed::looks_binary`): more than a tenth of the first 4096 characters are C0
    // controls other than tab, LF, FF and CR, DEL, or C1 controls.
    fn mostly_controls(text: &str) -> bool {
        let sample: Vec<char> = text.chars().take(4096).collect();
        let controls = sample
            .iter()
            .filter(|&&c| c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}' | '\r'))
            .count();
        controls * 10 > sample.len()
    }

    let result = parse_bytes(data);
    let expected_error = if data.len() > MAX_INPUT_BYTES {
        Some(ParseError::TooLarge {
            size: data.len(),
            limit: MAX_INPUT_BYTES,
        })
    } else {
        match std::str::from_utf8(data) {
            Err(_) => Some(ParseError::NotText),
            Ok(text) if text.trim().is_empty() => Some(ParseError::Empty),
            Ok(text) if mostly_controls(text) => Some(ParseError::NotText),
            Ok(_) => None,
        }
    };
    let article = match (result, expected_error) {
        (Err(got), Some(want)) => {
            assert_eq!(got, want);
            return;
        }
        (Ok(article), None) => article,
        (got, want) => panic!("got {got:?}, expected error {want:?}"),
    };
    assert!(!article.text.contains('\0'), "NUL in the canonical text");
    assert!(!article.meta.title.contains('\0'), "NUL in the title");
    let chars: Vec<char> = article.text.chars().collect();
    assert_eq!(article.char_len, chars.len());
    for block in &article.blocks {
        for unit in block.units() {
            for run in &unit.runs {
                let end = run.start + run.char_len();
                assert!(end <= chars.len(), "run past the end of the text");
                let at: String = chars[run.start..end].iter().collect();
                assert_eq!(at, run.text(), "run not at its offset");
            }
        }
    }
}

/// The importer: never panics; an `ImportSet` or a typed `ImportError` with a message.
pub fn import(data: &[u8]) {
    use pizhu::core::interchange::{import_with_labels, ImportError, ImportSet};
    use pizhu::core::label::default_labels;

    let labels = default_labels();
    let result: Result<ImportSet, ImportError> = import_with_labels(data, &labels);
    // The same bytes read in pieces, as a large file is (pieces of 1 to 256 bytes, by the
    // first byte): never a panic, and a list the whole read accepts reads the same.
    let piece = usize::from(data.first().copied().unwrap_or(0)) + 1;
    let mut stream = pizhu::core::interchange::ImportStream::new(&labels);
    let streamed = data
        .chunks(piece)
        .try_for_each(|chunk| stream.push(chunk))
        .and_then(|()| stream.finish());
    let unmarked = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    if let (Ok(whole), true) = (&result, unmarked.trim_ascii_start().starts_with(b"[")) {
        assert_eq!(streamed.as_ref(), Ok(whole), "read in pieces of {piece}");
    }
    for error in [result.err(), streamed.err()].into_iter().flatten() {
        // The message is what the reader sees: formatting it must not panic either.
        assert!(!error.to_string().is_empty());
    }
}

/// The share-link decoder: never panics; what decodes re-encodes to text that decodes to
/// the same bytes; any bytes survive encode then decode.
pub fn share(data: &[u8]) {
    use pizhu::core::interchange::{decode_base64url, encode_base64url, ImportError};

    // The raw bytes as a payload: encode then decode gives them back.
    let encoded = encode_base64url(data);
    assert_eq!(decode_base64url(&encoded).as_deref(), Ok(data));
    assert_eq!(encoded.len(), (data.len() * 4).div_ceil(3));

    // The bytes as the text of a link (lossily, so every input is tried).
    let text = String::from_utf8_lossy(data);
    match decode_base64url(&text) {
        Ok(bytes) => {
            let again = encode_base64url(&bytes);
            assert_eq!(decode_base64url(&again), Ok(bytes));
        }
        Err(ImportError::BadShareLink { position }) => assert!(position < text.len().max(1)),
        Err(other) => panic!("unexpected error {other:?}"),
    }
}

/// The article key the storage seeds use (`fuzz/seeds.sh`); another key in a value is corrupt.
pub const STORAGE_ARTICLE: &str = "fuzz-article";

/// The storage decoders: the first byte picks one (even: article, odd: labels), the rest is
/// the stored value. Never panics; what decodes survives encode then decode unchanged.
pub fn storage(data: &[u8]) {
    use pizhu::core::store::envelope::{
        decode_article, decode_labels, encode_article, encode_labels,
    };

    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let Ok(raw) = std::str::from_utf8(rest) else {
        return;
    };
    if choice & 1 == 0 {
        if let Ok(state) = decode_article(STORAGE_ARTICLE, raw) {
            let encoded = encode_article(STORAGE_ARTICLE, &state).expect("a decoded state encodes");
            let again =
                decode_article(STORAGE_ARTICLE, &encoded).expect("an encoded state decodes");
            assert_eq!(again, state);
        }
    } else if let Ok(labels) = decode_labels(raw) {
        let encoded = encode_labels(&labels).expect("decoded labels encode");
        assert_eq!(decode_labels(&encoded), Ok(labels));
    }
}
