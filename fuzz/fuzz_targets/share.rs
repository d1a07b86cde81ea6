//! The share-link decoder: `decode_base64url` on any text, and the roundtrips.
//! What is checked, and the imports from pizhu, are in `checks::share`
//! (tests/support/fuzz_checks.rs), which tests/fuzz_regressions.rs replays natively.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/fuzz_checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::share(data));
