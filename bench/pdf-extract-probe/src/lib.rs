//! The wasm size probe: one export that calls pdf-extract (errors become a message).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn text(bytes: &[u8]) -> String {
    match pdf_extract::extract_text_from_mem(bytes) {
        Ok(s) => s,
        Err(e) => format!("error: {e}"),
    }
}
