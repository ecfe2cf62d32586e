/**
 * The annotating Worker's own code. scripts/build.mjs bundles it with the wasm-bindgen glue
 * into a string that offthread.js starts as a `blob:` Worker; it is never loaded as a file.
 * It is the bare binding on purpose (the page's core.js checks the text and options before,
 * and wraps errors and restores lone surrogates after), to keep the bundle small.
 *
 * Protocol: the page posts `{ module }` (the compiled WebAssembly.Module, so nothing is fetched)
 * and gets `{ ready: true }` or `{ error }`; then `{ id, text, options }` → the result's lists
 * in parts, `{ id, key: 'quotes' | 'claims' | 'entities', items }` (PART items each), then
 * `{ id, done: true }`; or `{ id, error }`. In parts because the page decodes each message in
 * one task: a 1 MB page's result in one message took ~100 ms to decode.
 */
import { initSync, annotate } from '#wasm-glue';

const PART = 400;

self.onmessage = ({ data }) => {
  try {
    if (data.module) {
      // Instantiating a compiled module is quick, and synchronous is fine off the main thread.
      initSync({ module: data.module });
      self.postMessage({ ready: true });
    } else {
      const result = annotate(data.text, data.options);
      for (const key of ['quotes', 'claims', 'entities']) {
        const list = result[key];
        for (let i = 0; i < list.length; i += PART) self.postMessage({ id: data.id, key, items: list.slice(i, i + PART) });
      }
      self.postMessage({ id: data.id, done: true });
    }
  } catch (err) {
    self.postMessage({ id: data.id, error: String(err?.message || err) });
  }
};
