/**
 * The annotating Worker's own code. scripts/build.mjs bundles it with the wasm-bindgen glue
 * into a string that offthread.js starts as a `blob:` Worker; it is never loaded as a file.
 * It is the bare binding on purpose (the page's core.js checks the text and options before,
 * and wraps errors and builds the result objects after), to keep the bundle small.
 *
 * Protocol: the page posts `{ module }` (the compiled WebAssembly.Module, so nothing is fetched)
 * and gets `{ ready: true }` or `{ error }`; then `{ id, text, options }` → `{ id, wire }`, the
 * core's result as numbers (src/wire.rs), transferred rather than copied, which the page reads
 * into objects in a few milliseconds even for a 1 MB page; or `{ id, error }`.
 */
import { initSync, annotate } from '#wasm-glue';

self.onmessage = ({ data }) => {
  try {
    if (data.module) {
      // Instantiating a compiled module is quick, and synchronous is fine off the main thread.
      initSync({ module: data.module });
      self.postMessage({ ready: true });
    } else {
      const wire = annotate(data.text, data.options);
      self.postMessage({ id: data.id, wire }, [wire.buffer]);
    }
  } catch (err) {
    self.postMessage({ id: data.id, error: String(err?.message || err) });
  }
};
