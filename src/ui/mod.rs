//! The Yew user interface.
pub fn start() {}
