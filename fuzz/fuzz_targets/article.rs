//! The article parser: bytes in -> `parse_bytes` -> `Article` or `ParseError`.
//! What is checked, and the imports from pizhu, are in `checks::article`
//! (tests/support/fuzz_checks.rs), which tests/fuzz_regressions.rs replays natively.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/fuzz_checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::article(data));
