/**
 * The annotating Worker's own code. scripts/build.mjs bundles it with the wasm-bindgen glue
 * into a string that offthread.js starts as a `blob:` Worker; it is never loaded as a file.
 * It is the bare binding and wire.js on purpose (the page's core.js checks the text and options
 * before, and wraps errors after), to keep the bundle small.
 *
 * Protocol: the page posts `{ module }` (the compiled WebAssembly.Module, so nothing is fetched)
 * and gets `{ ready: true }` or `{ error }`; then `{ id, text, options }` → the result's lists
 * in parts, `{ id, key: 'quotes' | 'claims' | 'entities', items }` (~PART objects each), then
 * `{ id, done: true }`; or `{ id, error }`. The objects are built here, not on the page, and
 * posted in parts because the page decodes each message in one task: a 1 MB page's result in
 * one message took ~100 ms to decode, and building its objects on the page from the core's
 * numbers (with code the page had not run before) 130 ms.
 */
import { initSync, annotate } from '#wasm-glue';
import { finish } from './wire.js';

/** Objects per message, roughly (a quote is a few, an entity one per mention). */
const PART = 1000;

self.onmessage = ({ data }) => {
  try {
    if (data.module) {
      // Instantiating a compiled module is quick, and synchronous is fine off the main thread.
      initSync({ module: data.module });
      self.postMessage({ ready: true });
    } else {
      const result = finish(data.text, annotate(data.text, data.options));
      for (const key of ['quotes', 'claims', 'entities']) {
        let items = [], weight = 0;
        for (const item of result[key]) {
          items.push(item);
          weight += 4 + (item.mentions?.length ?? 0); // an entity weighs its mentions
          if (weight >= PART) { self.postMessage({ id: data.id, key, items }); items = []; weight = 0; }
        }
        if (items.length) self.postMessage({ id: data.id, key, items });
      }
      self.postMessage({ id: data.id, done: true });
    }
  } catch (err) {
    self.postMessage({ id: data.id, error: String(err?.message || err) });
  }
};
