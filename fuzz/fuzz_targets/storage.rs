//! The storage decoders: any stored text gives an article state (or labels) or a
//! `StorageError`, never a panic; and what decodes survives encode then decode unchanged.
//! The first byte chooses the decoder, the rest is the stored value.
#![no_main]

use libfuzzer_sys::fuzz_target;
// Everything this target uses from pizhu, in one place. (Another change moves these to
// `core::store::envelope` and `Label` to `core::label`; only this line would change.)
use pizhu::core::store::schema::{decode_article, decode_labels, encode_article, encode_labels};

/// The article key the seeds use (`fuzz/seeds.sh`); any other key in a value is corrupt.
const ARTICLE: &str = "fuzz-article";

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let Ok(raw) = std::str::from_utf8(rest) else {
        return;
    };
    if choice & 1 == 0 {
        if let Ok(state) = decode_article(ARTICLE, raw) {
            let encoded = encode_article(ARTICLE, &state).expect("a decoded state encodes");
            let again = decode_article(ARTICLE, &encoded).expect("an encoded state decodes");
            assert_eq!(again, state);
        }
    } else if let Ok(labels) = decode_labels(raw) {
        let encoded = encode_labels(&labels).expect("decoded labels encode");
        assert_eq!(decode_labels(&encoded), Ok(labels));
    }
});
