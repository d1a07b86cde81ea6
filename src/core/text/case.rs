//! The Unicode letter-or-digit test and lowercasing that slugs need.
//!
//! In the browser these ask JavaScript: Rust's Unicode case and property tables cost about
//! 17 KB of wasm (5 KB brotli) and nothing else uses them. Natively (tests, benches) they are
//! the standard library's. Both sides follow the Unicode character database, one character at
//! a time (so no context rules such as the final sigma apply on either).

/// `char::is_alphanumeric`: Unicode `Alphabetic` or `Numeric` (`Nd`, `Nl`, `No`).
#[cfg(not(target_arch = "wasm32"))]
pub fn is_alphanumeric(c: char) -> bool {
    c.is_alphanumeric()
}

/// Appends the lowercase of `c` (`char::to_lowercase`; one character may become several).
#[cfg(not(target_arch = "wasm32"))]
pub fn push_lowercase(out: &mut String, c: char) {
    out.extend(c.to_lowercase());
}

/// `char::is_alphanumeric`: Unicode `Alphabetic` or `Numeric` (`Nd`, `Nl`, `No`).
#[cfg(target_arch = "wasm32")]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let pattern = js_sys::RegExp::new("^[\\p{Alphabetic}\\p{N}]$", "u");
    pattern.test(&String::from(c))
}

/// Appends the lowercase of `c` (`char::to_lowercase`; one character may become several).
#[cfg(target_arch = "wasm32")]
pub fn push_lowercase(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.push_str(&String::from(js_sys::JsString::from(c).to_lower_case()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digits_of_any_script() {
        for c in ['a', 'Z', '7', '政', 'é', 'Ж', '٣', 'Ⅻ'] {
            assert!(is_alphanumeric(c), "{c}");
        }
        for c in ['-', ' ', '!', '，', '😀'] {
            assert!(!is_alphanumeric(c), "{c}");
        }
        let mut out = String::new();
        for c in "AÉЖΣİ政".chars() {
            push_lowercase(&mut out, c);
        }
        assert_eq!(out, "aéжσi\u{307}政");
    }
}
