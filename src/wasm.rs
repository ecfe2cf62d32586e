//! The wasm-bindgen binding: JavaScript's `annotate(text, options)` and `version()`.
//!
//! This file is only a translator. Options arrive as a plain JS object and are checked here;
//! results leave through [`crate::schema::to_output`] (UTF-16 offsets) as the CLI's JSON
//! ([`crate::schema::Output::write_json`]), parsed by the engine's `JSON.parse`: one string
//! crosses the boundary instead of one call per field and value. The `text` fields cross empty
//! ([`crate::schema::Output::without_texts`]) and `finish` in www/lib/core.js slices them from
//! the caller's string, so the objects the API returns are exactly what `JSON.parse` of the
//! CLI's output gives (absent values `null`, scores as the CLI prints them). Every failure becomes a `JsError` (a JS `Error`
//! with a message), never a panic: the wasm profile aborts on panic, and an abort is a trap the
//! host page cannot recover from.

use crate::{schema, Options};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

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
    to_js(text, &annotations)
}

/// The schema object of `annotations`, built by `JSON.parse` from the CLI's JSON.
fn to_js(text: &str, annotations: &crate::Annotations) -> Result<JsValue, JsError> {
    let fail = |e: &dyn std::fmt::Display| JsError::new(&format!("quotelens: could not build the result: {e}"));
    let mut json = Vec::with_capacity(64 + text.len() / 2);
    schema::to_output(text, annotations)
        .without_texts()
        .write_json(&mut json)
        .map_err(|e| fail(&e))?;
    // Always UTF-8 (the text's own slices and ASCII syntax); checked rather than assumed.
    let json = String::from_utf8(json).map_err(|e| fail(&e))?;
    js_sys::JSON::parse(&json).map_err(|_| fail(&"JSON.parse refused the result"))
}

/// Runs once when the module is instantiated (inside `init()`): annotates a short text, through
/// to JS objects, so that the engine compiles the core's functions now rather than during the
/// first real call. Chromium compiles wasm lazily, function by function on first use. Measured
/// in Chromium, 12 fresh pages each, interleaved (docs/PERFORMANCE.md, "The first call"): the
/// first `annotate` of a 10,000-word article after `init()` took 111 ms (median) without this
/// and 70 ms with it, for 26 ms more in `init()`. The glue already calls the start function,
/// so it costs the JS bundle nothing.
#[wasm_bindgen(start)]
fn compile_the_core_now() {
    let sample = "Budget Cuts Will Hurt Schools, Says Official\n\n\u{201c}We will not accept this,\u{201d} \
                  Mayor Ana Ruiz said on Tuesday. She told reporters that the city\u{2019}s budget \
                  fell 4% in 2024, the lowest since 2001.\n\nAccording to the ministry, \"more cuts\" are \
                  coming. \u{201c}It is a wish, not a plan,\u{201d} he said.";
    let annotations = crate::annotate(sample, &Options::default());
    // Through to JS objects, as `annotate` returns them (dropped at once).
    let _ = to_js(sample, &annotations);
}

/// The crate's version, so a page can tell which build it loaded.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Turns the JS options object (`{kinds?: ["quotes", "claims"], minScore?: number}`) into the
/// core's [`Options`], or a `JsError` naming the field that is wrong.
///
/// Fields are read one by one, so unknown ones are ignored (the front end's own options such as
/// `observe` or `onError` can be passed straight through) and each error can name its field.
/// Missing, `undefined` and `null` fields take the defaults.
fn parse_options(value: JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(JsError::new(
            "quotelens: options must be a plain object such as {kinds: ['quotes', 'claims'], minScore: 0.5}",
        ));
    }
    if let Some(kinds) = field(&value, "kinds")? {
        // A lone string would otherwise be read as a list of characters.
        if !js_sys::Array::is_array(&kinds) {
            return Err(JsError::new(
                "quotelens: options.kinds must be an array such as ['quotes', 'claims']",
            ));
        }
        let kinds: Vec<Kind> = parse("kinds", kinds)?;
        options.quotes = kinds.contains(&Kind::Quotes);
        options.claims = kinds.contains(&Kind::Claims);
    }
    if let Some(score) = field(&value, "minScore")? {
        let score: f64 = parse("minScore", score)?;
        if score.is_nan() {
            return Err(JsError::new("quotelens: options.minScore must be a number, not NaN"));
        }
        // Scores live in 0..=1; clamping keeps ±Infinity meaningful ("every claim" / "none").
        options.min_claim_score = Some(score.clamp(-1.0, 2.0) as f32);
    }
    Ok(options)
}

/// `object[name]`, with `undefined` and `null` as `None`. A throwing getter or proxy is an error.
fn field(object: &JsValue, name: &str) -> Result<Option<JsValue>, JsError> {
    let value = js_sys::Reflect::get(object, &JsValue::from_str(name))
        .map_err(|_| JsError::new(&format!("quotelens: options.{name} could not be read")))?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

/// Deserializes one option with serde-wasm-bindgen; the error names the field.
fn parse<T: serde::de::DeserializeOwned>(name: &str, value: JsValue) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        let e = e.to_string();
        let reason = e.strip_prefix("Error: ").unwrap_or(&e);
        JsError::new(&format!("quotelens: options.{name}: {reason}"))
    })
}
