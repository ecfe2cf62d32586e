//! stub: the wasm-bindgen binding (issue 3).
