//! The share-link decoder: any text decodes to bytes or a `BadShareLink` error, never a
//! panic; whatever decodes re-encodes to text that decodes to the same bytes; and the bytes
//! themselves survive encode then decode.
#![no_main]

use libfuzzer_sys::fuzz_target;
// Everything this target uses from pizhu, in one place.
use pizhu::core::interchange::{decode_base64url, encode_base64url, ImportError};

fuzz_target!(|data: &[u8]| {
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
});
