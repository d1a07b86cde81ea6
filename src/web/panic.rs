//! A crash turned into a visible message instead of a dead page.
//!
//! The release build aborts on a panic at once (`-Cpanic=immediate-abort`,
//! tools/build-release.sh): no Rust hook runs and no message is formatted, the wasm traps.
//! A trap reaches JavaScript as a `WebAssembly.RuntimeError` thrown out of whatever called into
//! the wasm (an event listener, a timer, a future's microtask), and the listeners below turn it
//! into the message. Other builds (stable, `panic = "abort"`) print the panic to the console
//! with Yew's hook and then trap the same way, so the same listeners show it there too.
//!
//! The message is built with `createElement` and `textContent` (never HTML strings) in an
//! element outside Yew's root, so it shows even when the Yew tree is gone.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function pizhu_watch_crashes() {
  const show = (error) => {
    if (!(error instanceof WebAssembly.RuntimeError)) return;
    let box = document.getElementById("pizhu-fatal");
    if (!box) {
      box = document.createElement("div");
      box.id = "pizhu-fatal";
      box.className = "fatal";
      box.setAttribute("role", "alert");
      document.body.prepend(box);
    }
    box.textContent = "pizhu hit an internal error and stopped. Your saved annotations are safe in this browser; reload the page to continue. 程序出错，已保存的批注不会丢失，请刷新页面。 (" + error + ")";
  };
  addEventListener("error", (event) => show(event.error));
  addEventListener("unhandledrejection", (event) => show(event.reason));
}
"#)]
extern "C" {
    fn pizhu_watch_crashes();
}

pub fn install() {
    pizhu_watch_crashes();
}

/// Panic on purpose. The end-to-end tests call it (`window.wasmBindings.pizhuPanicForTest()`)
/// to check, in the release build, that a crash shows the message above and that saved
/// annotations survive the reload; a wasm test cannot, because a panic aborts the test itself.
/// A page script can only crash its own tab with it, as it could by other means.
#[wasm_bindgen(js_name = pizhuPanicForTest)]
pub fn panic_for_test() {
    panic!("pizhuPanicForTest was called");
}
