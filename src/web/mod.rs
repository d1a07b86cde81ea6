//! Thin browser adapters: everything that touches web APIs lives here, behind small
//! functions that return typed errors instead of throwing or panicking.

pub mod dom;
pub mod idb;
pub mod ids;
pub mod kv;
pub mod label_styles;
pub mod panic;
pub mod selection;
pub mod storage;
pub mod timing;
pub mod transfer;
