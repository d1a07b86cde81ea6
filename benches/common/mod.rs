//! What the benchmarks share: criterion's settings for short runs.

use std::time::Duration;

use criterion::Criterion;

/// Short runs (10 samples, 2 s of measurement after 1 s of warm-up): the benchmarks report
/// medians of operations that take microseconds to tens of milliseconds.
pub fn short_runs() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_secs(1))
}
