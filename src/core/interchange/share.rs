//! Text encoding of share links: the browser compresses an export with `CompressionStream`
//! and puts the bytes after [`share_fragment_prefix`] in the URL fragment as unpadded
//! base64url (RFC 4648 section 5). Only the text encoding lives here.

use super::ImportError;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// What a share link's fragment starts with.
pub fn share_fragment_prefix() -> &'static str {
    "#pizhu="
}

/// Unpadded base64url of `bytes`.
pub fn encode_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [0, 1, 2].map(|i| u32::from(chunk.get(i).copied().unwrap_or(0)));
        let n = (b[0] << 16) | (b[1] << 8) | b[2];
        for i in 0..=chunk.len() {
            let sextet = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[sextet as usize]));
        }
    }
    out
}

/// Decodes base64url, padded or not. Whitespace and any other character, a lone final
/// character, or padding in the middle give [`ImportError::BadShareLink`] with the position.
pub fn decode_base64url(text: &str) -> Result<Vec<u8>, ImportError> {
    let bytes = text.as_bytes();
    let body_len = bytes.len() - bytes.iter().rev().take_while(|&&b| b == b'=').count();
    let body = bytes.get(..body_len).unwrap_or_default();
    let bad = |position: usize| ImportError::BadShareLink { position };
    if bytes.len() - body_len > 2 {
        return Err(bad(body_len));
    }
    if body_len % 4 == 1 {
        return Err(bad(body_len - 1));
    }
    let mut out = Vec::with_capacity(body_len / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (position, &c) in body.iter().enumerate() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(bad(position)),
        };
        acc = (acc << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
        ];
        for (plain, coded) in cases {
            assert_eq!(encode_base64url(plain.as_bytes()), coded);
            assert_eq!(decode_base64url(coded), Ok(plain.as_bytes().to_vec()));
        }
        assert_eq!(encode_base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode_base64url("Zg=="), Ok(b"f".to_vec()));
        assert_eq!(
            decode_base64url("Zm9v!"),
            Err(ImportError::BadShareLink { position: 4 })
        );
        assert!(decode_base64url("Zm9vY").is_err());
        assert!(decode_base64url("Z===").is_err());
    }
}
