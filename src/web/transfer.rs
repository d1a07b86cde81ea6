//! Getting annotations out of and into the page: file downloads, the clipboard, the Web Share
//! API, and deflate compression for share links (the browser's own CompressionStream, so no
//! compression code ships in the wasm).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = r#"
export async function pizhu_deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
export async function pizhu_inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const parts = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
export async function pizhu_read(blob) {
  return new Uint8Array(await blob.arrayBuffer());
}
export async function pizhu_copy(text) {
  await navigator.clipboard.writeText(text);
}
export async function pizhu_offer(title, text, url) {
  if (typeof navigator.share === "function") {
    await navigator.share({ title, text, url });
    return true;
  }
  await navigator.clipboard.writeText(url);
  return false;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn pizhu_deflate(bytes: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn pizhu_inflate(bytes: &[u8], limit: f64) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn pizhu_read(blob: &web_sys::Blob) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn pizhu_copy(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn pizhu_offer(title: &str, text: &str, url: &str) -> Result<JsValue, JsValue>;
}

fn bytes_of(value: JsValue) -> Vec<u8> {
    js_sys::Uint8Array::new(&value).to_vec()
}

/// What the browser refused, with its reason as it gave it. The messages say it in both
/// languages, since they reach the reader as they are.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransferError {
    #[error("The browser could not compress the share link ({0}). 无法压缩分享链接。")]
    Compress(String),
    #[error("This share link is damaged and cannot be read ({0}). 分享链接已损坏，无法读取。")]
    Decompress(String),
    #[error(
        "This share link holds more than {} MB of annotations, more than pizhu imports at once; \
         nothing was read. 分享链接中的数据过大，未导入。",
        .0 / (1024 * 1024)
    )]
    Inflated(usize),
    #[error("The browser did not allow copying ({0}). 浏览器不允许复制。")]
    Copy(String),
    #[error("The link was neither shared nor copied ({0}). 未能分享或复制链接。")]
    Share(String),
    #[error("The browser did not save the file ({0}). 浏览器未能保存文件。")]
    Download(String),
}

fn reason(error: JsValue) -> String {
    js_sys::Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "unknown reason".into())
}

pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, TransferError> {
    pizhu_deflate(bytes)
        .await
        .map(bytes_of)
        .map_err(|e| TransferError::Compress(reason(e)))
}

/// Inflate `bytes`, stopping as soon as the output passes `limit` bytes: a small link that
/// inflates to gigabytes (a decompression bomb) is refused after reading just over `limit`,
/// and nothing of it reaches the wasm's memory, which never shrinks.
pub async fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, TransferError> {
    match pizhu_inflate(bytes, limit as f64).await {
        Ok(value) if value.is_null() => Err(TransferError::Inflated(limit)),
        Ok(value) => Ok(bytes_of(value)),
        Err(error) => Err(TransferError::Decompress(reason(error))),
    }
}

/// The bytes of `blob` (a piece of a large file), or None when the browser cannot read it.
/// Through `Blob.arrayBuffer()` like the functions above, rather than gloo's future over a
/// FileReader: that was a second copy of gloo's reader and a oneshot channel in the wasm.
pub async fn read_blob(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    pizhu_read(blob).await.ok().map(bytes_of)
}

pub async fn copy_text(text: &str) -> Result<(), TransferError> {
    pizhu_copy(text)
        .await
        .map(|_| ())
        .map_err(|e| TransferError::Copy(reason(e)))
}

/// How a link was offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offered {
    /// Handed to the system's share sheet (the Web Share API).
    Shared,
    /// Copied to the clipboard (no share sheet in this browser).
    Copied,
}

/// Offer `url` through the system's share sheet where the browser has one, else copy it.
pub async fn offer_link(title: &str, text: &str, url: &str) -> Result<Offered, TransferError> {
    match pizhu_offer(title, text, url).await {
        Ok(shared) if shared.is_truthy() => Ok(Offered::Shared),
        Ok(_) => Ok(Offered::Copied),
        Err(error) => Err(TransferError::Share(reason(error))),
    }
}

/// Offer `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), TransferError> {
    offer_download(name, mime, contents).map_err(TransferError::Download)
}

fn offer_download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let document = super::dom::document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(reason)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(reason)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(reason)?
        .dyn_into()
        .map_err(|_| "no anchor element".to_string())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The page URL's fragment (`#...`), if any.
pub fn fragment() -> Option<String> {
    let hash = super::dom::window()?.location().hash().ok()?;
    (!hash.is_empty()).then_some(hash)
}

/// Remove the fragment from the address bar without reloading.
pub fn clear_fragment() {
    let Some(window) = super::dom::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
}

/// The page URL without its fragment.
pub fn page_url() -> String {
    super::dom::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}
