//! Entry point: mounts the Yew app into the page.

// Talc instead of Rust's default dlmalloc: smaller and faster on wasm (measured in README).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    pizhu::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pizhu is a browser app: build it with `make build` or run it with `make serve`.");
}
