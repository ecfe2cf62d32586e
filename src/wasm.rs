//! The wasm-bindgen binding: JavaScript's `annotate(text, options)` and `version()`.
//!
//! This file is only a translator. Options arrive as a plain JS object and are checked here;
//! results leave as the schema's numbers ([`crate::wire::annotations_to_wire`], UTF-16
//! offsets, one `Uint32Array` instead of one call per field and value), from which `finish` in
//! www/lib/core.js builds the schema's objects: exactly what `JSON.parse` of the CLI's output
//! gives (absent values `null`, scores as the CLI prints them).
//! Every failure becomes a `JsError` (a JS `Error` with a message), never a panic: the wasm
//! profile aborts on panic, and an abort is a trap the host page cannot recover from.

use crate::Options;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Annotates `text` and returns the schema (DESIGN.md, "Schema") as numbers, which `finish` in
/// www/lib/core.js turns into its objects.
///
/// Any string is valid input, including the empty string; lone surrogates reach Rust as U+FFFD,
/// which is also one UTF-16 unit, so offsets still index the caller's string.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<Vec<u32>, JsError> {
    let options = parse_options(options)?;
    LAST.with_borrow_mut(|annotations| {
        crate::annotate_into(text, &options, annotations);
        Ok(crate::wire::annotations_to_wire(text, annotations))
    })
}

thread_local! {
    /// The last call's result, refilled by the next ([`crate::annotate_into`]): a page annotated
    /// again as content arrives, or many texts in turn, reuses its storage instead of allocating
    /// and freeing it per call. It holds only the last result, which the page has as numbers.
    static LAST: std::cell::RefCell<crate::Annotations> = const {
        // Empty lists, made at compile time: no lazy initialisation to check on each call.
        std::cell::RefCell::new(crate::Annotations {
            quotes: Vec::new(),
            claims: Vec::new(),
            entities: Vec::new(),
        })
    };
}

/// Runs once when the module is instantiated (inside `init()`): annotates a short text, through
/// to the numbers `annotate` returns, so that the engine compiles the core's functions now rather than during the
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
    std::hint::black_box(crate::wire::annotations_to_wire(sample, &annotations));
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
        (options.quotes, options.claims) = (false, false);
        for kind in kinds.unchecked_into::<js_sys::Array>().iter() {
            match kind.as_string().as_deref() {
                Some("quotes") => options.quotes = true,
                Some("claims") => options.claims = true,
                Some(other) => {
                    return Err(error(&[
                        "quotelens: options.kinds: unknown kind `",
                        other,
                        "`, expected `quotes` or `claims`",
                    ]))
                }
                None => {
                    return Err(JsError::new(
                        "quotelens: options.kinds: each kind must be a string, 'quotes' or 'claims'",
                    ))
                }
            }
        }
    }
    if let Some(score) = field(&value, "minScore")? {
        let score = score.as_f64().filter(|score| !score.is_nan()).ok_or_else(|| {
            JsError::new("quotelens: options.minScore must be a number (0 to 1), not NaN or another type")
        })?;
        // Scores live in 0..=1; clamping keeps ±Infinity meaningful ("every claim" / "none").
        options.min_claim_score = Some(score.clamp(-1.0, 2.0) as f32);
    }
    Ok(options)
}

/// `object[name]`, with `undefined` and `null` as `None`. A throwing getter or proxy is an error.
fn field(object: &JsValue, name: &str) -> Result<Option<JsValue>, JsError> {
    let value = js_sys::Reflect::get(object, &JsValue::from_str(name))
        .map_err(|_| error(&["quotelens: options.", name, " could not be read"]))?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

/// A `JsError` whose message is `parts` joined: pushed one by one, not `concat()`, whose
/// generic join (with its overflow panic) these two messages alone brought into the wasm.
fn error(parts: &[&str]) -> JsError {
    let mut message = String::new();
    for part in parts {
        message.push_str(part);
    }
    JsError::new(&message)
}
