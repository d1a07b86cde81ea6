//! A panic hook that turns a crash into a visible message instead of a dead page.
//!
//! The message is built with `create_element` and `set_text_content` (never HTML strings) in
//! an element outside Yew's root, so it shows even when the Yew tree is gone.
//!
//! Installed through `yew::set_custom_panic_hook`: Yew's renderer replaces any hook set with
//! `std::panic::set_hook` by its own, which only logs to the console.

const FATAL_ID: &str = "pizhu-fatal";

pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&detail.clone().into());
        show_fatal(&detail);
    }));
}

fn show_fatal(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let existing = document.get_element_by_id(FATAL_ID);
    let element = match existing {
        Some(element) => element,
        None => match document.create_element("div") {
            Ok(element) => {
                element.set_id(FATAL_ID);
                let _ = element.set_attribute("role", "alert");
                let _ = element.set_attribute("class", "fatal");
                let _ = body.prepend_with_node_1(&element);
                element
            }
            Err(_) => return,
        },
    };
    element.set_text_content(Some(&format!(
        "pizhu hit an internal error and stopped. Your saved annotations are safe in this \
         browser; reload the page to continue. 程序出错，已保存的批注不会丢失，请刷新页面。 ({detail})"
    )));
}

/// Panic on purpose. The end-to-end tests call it (`window.wasmBindings.pizhuPanicForTest()`)
/// to check, in the release build, that a crash shows the message above and that saved
/// annotations survive the reload; a wasm test cannot, because a panic aborts the test itself.
/// A page script can only crash its own tab with it, as it could by other means.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = pizhuPanicForTest)]
pub fn panic_for_test() {
    panic!("pizhuPanicForTest was called");
}
