//! The importer: any bytes give an `ImportSet` or a typed `ImportError`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
// Everything this target uses from pizhu, in one place. (`Label` and `default_labels` may
// move from `core::store` to `core::label`; only this line would change.)
use pizhu::core::interchange::{import_with_labels, ImportError, ImportSet};
use pizhu::core::store::default_labels;

fuzz_target!(|data: &[u8]| {
    let labels = default_labels();
    let result: Result<ImportSet, ImportError> = import_with_labels(data, &labels);
    if let Err(error) = result {
        // The message is what the reader sees: formatting it must not panic either.
        assert!(!error.to_string().is_empty());
    }
});
