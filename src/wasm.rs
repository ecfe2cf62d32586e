//! The wasm-bindgen binding: JavaScript's `annotate(text, options)` and `version()`.
//!
//! This file is only a translator. Options arrive as a plain JS object and are checked here;
//! results leave through [`crate::schema::to_output`] (UTF-16 offsets) and serde-wasm-bindgen's
//! JSON-compatible serializer, so absent values are `null` and objects are plain, exactly what
//! `JSON.parse` of the CLI's output would give. Every failure becomes a `JsError` (a JS `Error`
//! with a message), never a panic: the wasm profile aborts on panic, and an abort is a trap the
//! host page cannot recover from.

use crate::{schema, Options};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// What JS may pass as `options`. Missing, `undefined` and `null` fields take the defaults;
/// unknown fields are ignored so that the front end's own options (`observe`, `onError`, …) can
/// be passed straight through.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsOptions {
    #[serde(default)]
    kinds: Option<Vec<Kind>>,
    #[serde(default)]
    min_score: Option<f64>,
}

/// The kinds of finding a caller can ask for; an unknown name is an error naming the known ones.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Quotes,
    Claims,
}

/// Annotates `text` and returns the schema object (DESIGN.md, "Schema").
///
/// Any string is valid input, including the empty string; lone surrogates reach Rust as U+FFFD,
/// which is also one UTF-16 unit, so offsets still index the caller's string.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let annotations = crate::annotate(text, &options);
    schema::to_output(text, &annotations)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("quotelens: could not build the result: {e}")))
}

/// The crate's version, so a page can tell which build it loaded.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Turns the JS options object into the core's [`Options`], or a `JsError` saying what is wrong.
fn parse_options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(JsError::new(
            "quotelens: options must be a plain object such as {kinds: ['quotes', 'claims'], minScore: 0.5}",
        ));
    }
    let js: JsOptions = serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("quotelens: invalid options: {e}")))?;
    let mut options = Options::default();
    if let Some(kinds) = js.kinds {
        options.quotes = kinds.contains(&Kind::Quotes);
        options.claims = kinds.contains(&Kind::Claims);
    }
    if let Some(score) = js.min_score {
        if score.is_nan() {
            return Err(JsError::new("quotelens: invalid options: minScore is NaN"));
        }
        // Scores live in 0..=1; clamping keeps ±Infinity meaningful ("all" / "none").
        options.min_claim_score = Some(score.clamp(-1.0, 2.0) as f32);
    }
    Ok(options)
}
