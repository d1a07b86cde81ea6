//! Searches for an ASCII character from the end, and a repeated prefix trimmed, written by
//! hand: `rfind`, `rsplit` and `rsplit_once` with a char, and `trim_start_matches` with a
//! string, are each a copy of the standard library's pattern searchers in the wasm (1.5 KB of
//! code for a handful of calls on short strings: URLs, storage keys).

/// The byte index of the last `byte` (an ASCII character) in `s`: `s.rfind(byte as char)`.
pub fn rfind_ascii(s: &str, byte: u8) -> Option<usize> {
    s.bytes().rposition(|b| b == byte)
}

/// What follows the last `byte` (an ASCII character) in `s`, or all of `s` when there is
/// none: `s.rsplit(byte as char).next()`.
pub fn after_last(s: &str, byte: u8) -> &str {
    rfind_ascii(s, byte).map_or(s, |i| &s[i + 1..])
}

/// `s` without every leading copy of `prefix`: `s.trim_start_matches(prefix)`.
pub fn trim_prefixes<'a>(mut s: &'a str, prefix: &str) -> &'a str {
    if prefix.is_empty() {
        return s;
    }
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_standard_searches() {
        for s in ["", "/", "a/b/c", "abc", "a@b@c", "key:1:2", "://", "ü/ß/€"] {
            for c in ['/', '@', ':'] {
                assert_eq!(rfind_ascii(s, c as u8), s.rfind(c), "{s} {c}");
                assert_eq!(Some(after_last(s, c as u8)), s.rsplit(c).next(), "{s} {c}");
            }
        }
        for s in ["", "www.", "www.www.a", "wwwx.a", "a.www.", "www"] {
            assert_eq!(
                trim_prefixes(s, "www."),
                s.trim_start_matches("www."),
                "{s}"
            );
            assert_eq!(trim_prefixes(s, ""), s);
        }
    }
}
