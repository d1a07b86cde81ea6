//! Annotation ids: UUID v4 from the browser's `crypto.randomUUID()` (a secure context, which
//! localhost and https pages are), or from `crypto.getRandomValues` where that is missing.

use wasm_bindgen::{JsCast, JsValue};

pub fn new_uuid() -> String {
    random_uuid().unwrap_or_else(uuid_from_random_bytes)
}

fn crypto() -> Option<web_sys::js_sys::Object> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &"crypto".into())
        .ok()?
        .dyn_into()
        .ok()
}

fn random_uuid() -> Option<String> {
    let crypto = crypto()?;
    let function: js_sys::Function = js_sys::Reflect::get(&crypto, &"randomUUID".into())
        .ok()?
        .dyn_into()
        .ok()?;
    function.call0(&crypto).ok()?.as_string()
}

fn uuid_from_random_bytes() -> String {
    let bytes = js_sys::Uint8Array::new_with_length(16);
    let filled = crypto().and_then(|crypto| {
        let function: js_sys::Function = js_sys::Reflect::get(&crypto, &"getRandomValues".into())
            .ok()?
            .dyn_into()
            .ok()?;
        function.call1(&crypto, &JsValue::from(&bytes)).ok()
    });
    let mut b = [0u8; 16];
    if filled.is_some() {
        bytes.copy_to(&mut b);
    } else {
        // No crypto at all: fall back to Math.random (ids only need to be unique).
        for byte in &mut b {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    // Written digit by digit (8-4-4-4-12): the same text as formatting each byte with
    // `{:02x}` and joining the groups, without a `Vec<String>` joined only here.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(36);
    for (i, x) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            id.push('-');
        }
        id.push(char::from(HEX[usize::from(x >> 4)]));
        id.push(char::from(HEX[usize::from(x & 15)]));
    }
    id
}
