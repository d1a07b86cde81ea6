//! Entry point: mounts the Yew app into the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    pizhu::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pizhu is a browser app: build it with `make build` or run it with `make serve`.");
}
