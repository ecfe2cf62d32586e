/**
 * The loader every other module imports: it loads the WebAssembly core once and exposes
 * `annotate(text, options)`, which returns the schema of DESIGN.md (UTF-16 offsets, so
 * `text.slice(q.start, q.end) === q.text`).
 *
 * Where the `.wasm` comes from:
 * - browsers and bundlers: `new URL('./quotelens_bg.wasm', import.meta.url)`, written literally
 *   so that Vite, webpack and esbuild see the asset and copy it next to the bundle;
 * - Node ≥ 20 (and other runtimes whose modules live on `file:` URLs): read from disk with
 *   `fs/promises`, imported dynamically so browser bundles never contain it;
 * - the one-tag embed: bytes inlined into the script, passed to `init(bytes)`.
 *
 * `#wasm-glue` is wasm-bindgen's generated JS; scripts/build.mjs resolves it while bundling,
 * so this file is used through `dist/`, never loaded unbundled.
 */
import initGlue, { annotate as annotateWasm, version as versionWasm, compiledModule as glueModule } from '#wasm-glue';
import { finish } from './wire.js';

/** The promise of the first `init()`; later calls share it. Reset on failure so a retry can work. */
let ready = null;
/** The last explicit input, reused by a retry without one (the embed's inlined bytes). */
let source;
/** True once the instance exists, which is what `annotateSync` needs. */
let loaded = false;

/**
 * Loads and instantiates the WebAssembly core. Idempotent: every call returns the same promise,
 * and `input` is only used by the first one. After a failure the next call tries again, with
 * its own input or else the last one given (so the embed's retry reports the same error).
 *
 * @param {URL | string | Request | Response | BufferSource | WebAssembly.Module | Promise<any>} [input]
 *   where to load the `.wasm` from; by default the file beside this module.
 * @returns {Promise<void>}
 */
export function init(input) {
  if (!ready) {
    if (input !== undefined) source = input;
    ready = load(source).then(
      () => {
        loaded = true;
      },
      (err) => {
        ready = null;
        throw new Error(`quotelens: could not load the WebAssembly module: ${message(err)}`, {
          cause: err,
        });
      },
    );
  }
  return ready;
}

async function load(input) {
  const source = input === undefined ? await defaultInput() : await input;
  await initGlue({ module_or_path: source });
}

/** The `.wasm` beside this module: a URL for `fetch`, or its bytes where modules are files. */
async function defaultInput() {
  const url = new URL('./quotelens_bg.wasm', import.meta.url);
  if (url.protocol !== 'file:') return url;
  const { readFile } = await nodeModule('fs/promises');
  return readFile(url);
}

/**
 * A Node built-in, out of bundlers' sight: they would otherwise stub it for browsers (Vite adds
 * a `__vite-browser-external` chunk). `process.getBuiltinModule` exists from Node 20.16; the
 * computed `import()` covers older runtimes.
 */
function nodeModule(name) {
  const builtin = globalThis.process?.getBuiltinModule?.(`node:${name}`);
  return builtin ? Promise.resolve(builtin) : import(/* @vite-ignore */ /* webpackIgnore: true */ `node:${name}`);
}

/**
 * Annotates `text`, loading the core first if needed.
 *
 * Any string is valid input. A non-string `text` or malformed `options` reject with an Error
 * whose message starts with "quotelens:"; nothing throws synchronously.
 *
 * @param {string} text
 * @param {{kinds?: ('quotes'|'claims')[], minScore?: number} | null} [options]
 */
export async function annotate(text, options) {
  checkText(text);
  await init();
  return annotateSync(text, options);
}

/**
 * The synchronous form of {@link annotate}, for code that has awaited `init()` already (the
 * page overlay calls it between frames). Throws instead of rejecting.
 */
export function annotateSync(text, options) {
  checkText(text);
  notLoaded();
  let result;
  try {
    result = annotateWasm(text, pickOptions(options));
  } catch (err) {
    throw coreError(err);
  }
  return finish(text, result);
}

/** An error of the core as the API reports it. */
export function coreError(err) {
  // JsErrors from Rust already say "quotelens: …"; a trap (WebAssembly.RuntimeError) does not.
  if (err instanceof Error && err.message.startsWith('quotelens:')) return err;
  return new Error(`quotelens: annotate failed: ${message(err)}`, { cause: err });
}

/**
 * The compiled `WebAssembly.Module` once loaded (else null), for the annotating Worker: it is
 * posted there and instantiated again, so the `.wasm` is neither fetched nor compiled twice.
 */
export function compiledModule() {
  return loaded ? glueModule() ?? null : null;
}

/** The core's version (the Rust crate's), once loaded. */
export function version() {
  notLoaded();
  return versionWasm();
}

function notLoaded() {
  if (!loaded) throw new Error('quotelens: the WebAssembly module is not loaded yet; await init() first');
}

function checkText(text) {
  if (typeof text !== 'string') {
    const got = text === null ? 'null' : typeof text;
    throw new TypeError(`quotelens: annotate() expects a string, got ${got}`);
  }
}

/**
 * Passes on only the options the core reads, so callers can hand over their whole options
 * object (with `observe`, `onError`, callbacks…). Types are checked in Rust.
 */
function pickOptions(options) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) {
    const got = Array.isArray(options) ? 'an array' : typeof options;
    throw new TypeError(`quotelens: options must be an object, got ${got}`);
  }
  return { kinds: options.kinds, minScore: options.minScore };
}

function message(err) {
  return err instanceof Error ? err.message : String(err);
}
