//! Thin browser adapters: everything that touches web APIs lives here, behind small
//! functions that return typed errors instead of throwing or panicking.

pub mod dom;
pub mod panic;
pub mod storage;
pub mod timing;
