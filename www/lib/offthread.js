/**
 * Annotating a big text without blocking the page: in a Worker where the page allows one,
 * otherwise on the main thread in pieces (chunks.js), one piece per task.
 *
 * The Worker is a `blob:` URL made from the worker bundle (www/lib/worker.js, inlined as a
 * string by scripts/build.mjs as `#worker-source`), so it works from the npm module and from
 * the one-tag embed alike, with no file to host. It receives the already compiled
 * `WebAssembly.Module` by postMessage: nothing is fetched or compiled twice. A page whose CSP
 * has no `blob:` in worker-src (or child-src/script-src), a Trusted Types policy, or a browser
 * without workers makes `new Worker` throw or the worker fail to start: that is caught, never
 * reaches the page, and from then on this page annotates in slices (one try per page, so at
 * most one CSP violation report). One worker is shared by every view and ends after
 * WAIT_MS without work.
 */
import workerSource from '#worker-source';
import { init, annotateSync, compiledModule, coreError } from './core.js';
import { annotateSteps } from './chunks.js';
import { abortError } from './slice.js';

/** A worker ends after this long without work, and one that takes longer to start is given up. */
const WAIT_MS = 10_000;

let shared = null; // the live worker, or null
let blocked = false; // a worker could not be started on this page: slices from now on

/**
 * Annotates `text` off the main thread, else in slices driven by `slicer` (slice.js).
 * `options` must be the core's own `{ kinds, minScore }` (view.js passes just those): they
 * are posted to the worker as they are.
 * `ctx.worker === false` skips the worker; `ctx.mode` is set to 'worker' or 'slices'.
 */
export async function annotateBig(text, options, slicer, ctx = {}) {
  await init();
  slicer.check();
  if (ctx.worker !== false) {
    const worker = await startWorker();
    slicer.check();
    if (worker) {
      try {
        const result = await worker.run(text, options, slicer.signal);
        ctx.mode = 'worker';
        return result;
      } catch (err) {
        if (!err?.workerFailed) throw err; // an AbortError, or the core's own error
      }
    }
  }
  ctx.mode = 'slices';
  return slicer.drive(annotateSteps(text, options, annotateSync));
}

/** The shared worker, started if need be; resolves to null where none can run. */
function startWorker() {
  if (shared) return shared.ready;
  const module = compiledModule();
  if (blocked || !module) return Promise.resolve(null);
  let url, w;
  try {
    url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    w = new Worker(url);
  } catch {
    // CSP (SecurityError), Trusted Types (TypeError), no Worker or blob: URLs: slices instead.
    blocked = true;
    if (url) URL.revokeObjectURL(url);
    return Promise.resolve(null);
  }
  const state = { w, pending: new Map(), next: 1, idle: 0 };
  const end = (failed) => {
    if (shared === state) shared = null;
    clearTimeout(state.idle);
    w.terminate();
    URL.revokeObjectURL(url);
    for (const { reject } of state.pending.values()) reject({ workerFailed: true });
    state.pending.clear();
    if (failed) blocked = true;
  };
  const idle = () => {
    clearTimeout(state.idle);
    if (!state.pending.size) state.idle = setTimeout(() => end(false), WAIT_MS);
  };
  state.ready = new Promise((resolve) => {
    const timer = setTimeout(() => { end(true); resolve(null); }, WAIT_MS);
    w.onmessage = ({ data }) => {
      if (data.id === undefined) { // the start-up answer
        clearTimeout(timer);
        if (data.ready) { idle(); resolve(api); } else { end(true); resolve(null); }
        return;
      }
      const job = state.pending.get(data.id);
      if (!job) return; // cancelled meanwhile
      if (data.key) { job.result[data.key].push(...data.items); return; }
      state.pending.delete(data.id);
      idle();
      if (data.error) job.reject(coreError(new Error(data.error)));
      else job.resolve(job.result);
    };
    // A worker the CSP refused (in browsers that refuse it after construction), or one that
    // crashed: handled here, so nothing is reported to the page as uncaught.
    w.onerror = (e) => { e.preventDefault(); clearTimeout(timer); end(true); resolve(null); };
  });
  const api = {
    run(text, options, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) { reject(abortError()); return; }
        const id = state.next++;
        const onAbort = () => { state.pending.delete(id); idle(); reject(abortError()); };
        signal?.addEventListener('abort', onAbort, { once: true });
        const done = (fn) => (v) => { signal?.removeEventListener('abort', onAbort); fn(v); };
        const result = { version: 1, quotes: [], claims: [], entities: [] };
        state.pending.set(id, { result, resolve: done(resolve), reject: done(reject) });
        clearTimeout(state.idle);
        w.postMessage({ id, text, options });
      });
    },
  };
  try {
    w.postMessage({ module });
  } catch {
    end(true);
    return Promise.resolve(null);
  }
  shared = state;
  return state.ready;
}
