//! Browser adapters (filled in below).
