/**
 * A view: one element collected, annotated, painted and explained — and everything it added
 * taken away again by clear().
 *
 * The annotator is passed in (index.js passes the WebAssembly core's `annotate`) so the page
 * logic can be tested with hand-made results. Nothing here lets an error reach the host page:
 * failures go to `options.onError` and, once per message, to the console.
 */
import { collectSteps, textMap, UI_ATTR } from './collect.js';
import { paint, paintSteps } from './paint.js';
import { Slicer, SLICE_MS, isAbort } from './slice.js';
import { createHost } from './ui.js';
import { createTooltip, hitTest } from './tooltip.js';
import { createPanel } from './panel.js';

const EMPTY = Object.freeze({ version: 1, quotes: [], claims: [], entities: [] });

/**
 * Up to this many UTF-16 units of element text (all its Text nodes, as `textContent` counts
 * them: a cheap upper bound), a pass is one synchronous task: collect, annotate, paint and panel
 * in the same frame (~25 ms at most on a slow machine). Above it, the pass is sliced: collected,
 * painted and listed in tasks of SLICE_MS, annotated in a Worker or in pieces (offthread.js,
 * chunks.js).
 */
export const SYNC_LIMIT = 100_000;

/**
 * Whether `element` has over `limit` units of text: the Text nodes' lengths summed, stopping
 * past the limit. Not `textContent.length`, which built the whole string to count it (~0.5 ms
 * of the 10,000-word page's pass, 62,000 characters; this walk ~0.1 ms).
 */
const over = (element, limit) => {
  const walk = element.ownerDocument.createTreeWalker(element, 4); // NodeFilter.SHOW_TEXT
  for (let n = 0, t; (t = walk.nextNode());) if ((n += t.length) > limit) return true;
  return false;
};
const said = new Set();

/** Logs an error once per message and hands it to onError; never throws. */
export function report(err, onError) {
  let e = err instanceof Error ? err : new Error(String(err));
  if (/Content.Security.Policy|wasm-(unsafe-)?eval/i.test(e.message)) {
    e = new Error("quotelens: this page's Content-Security-Policy blocks WebAssembly (script-src needs 'wasm-unsafe-eval').", { cause: e });
  }
  if (!said.has(e.message)) {
    said.add(e.message);
    console.warn(e.message.startsWith('quotelens') ? e.message : `quotelens: ${e.message}`);
  }
  try { onError?.(e); } catch { /* the page's handler failing is not our error to raise */ }
}

/** The painted units: one per quote or claim, with the spans to paint (a split quote has two). */
export function toItems(result, { kinds, minScore } = {}) {
  const want = (k) => !kinds || kinds.includes(k);
  const spans = (a) => (a.parts?.length ? a.parts : [[a.start, a.end]]);
  const items = [];
  if (want('quotes')) for (const a of result.quotes || []) items.push({ kind: 'quote', a, spans: spans(a) });
  if (want('claims')) {
    for (const a of result.claims || []) {
      if (minScore == null || !(a.score < minScore)) items.push({ kind: 'claim', a, spans: spans(a) });
    }
  }
  return items.sort((p, q) => p.a.start - q.a.start);
}

/**
 * Annotates and paints `target` (an Element or a selector). Resolves to the view once the first
 * pass is done, also when it failed (then with empty annotations): never rejects.
 */
export async function createView(target, options, annotate) {
  const opts = { panel: true, tooltips: true, ...options };
  const doc = typeof target === 'string' ? document : target?.ownerDocument;
  const element = typeof target === 'string' ? document.querySelector(target) : target;
  const settings = { speaker: '', kinds: new Set(['quote', 'claim']), visible: true };
  const fail = (err) => report(err, opts.onError);

  let map = textMap('', []);
  let items = [];
  let painting = null;
  let ui = null; // { host, tooltip, panel }
  let observer = null;
  let timer = 0;
  let generation = 0;
  let cleared = false;

  const view = {
    annotations: EMPTY,
    text: '',
    element,
    clear,
    refresh: () => (cleared ? Promise.resolve(view) : run().then(() => view)),
    stats: null,
  };
  if (!element || element.nodeType !== 1) {
    fail(new TypeError('quotelens: highlight() needs an element'));
    cleared = true;
    return view;
  }

  // --- Mutations: ours are never a reason to re-annotate ----------------------------------------
  const ours = (r) => (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest(`[${UI_ATTR}]`) ||
    (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeType === 1 && n.hasAttribute(UI_ATTR)));
  const schedule = () => { clearTimeout(timer); timer = setTimeout(() => view.refresh(), opts.debounce ?? 250); };
  const watch = () => observer?.observe(element, { childList: true, subtree: true, characterData: true });
  /** Runs a DOM change of ours (the fallback's wrapping) out of the observer's sight. */
  const quietly = (fn) => {
    const pending = observer?.takeRecords() || [];
    observer?.disconnect();
    try { return fn(); } finally {
      watch();
      if (pending.some((r) => !ours(r))) schedule();
    }
  };
  if (opts.observe && doc.defaultView?.MutationObserver) {
    observer = new doc.defaultView.MutationObserver((records) => { if (records.some((r) => !ours(r))) schedule(); });
    watch();
  }

  // --- Painting -------------------------------------------------------------------------------
  const shown = () => items.filter((it) => settings.kinds.has(it.kind) &&
    (!settings.speaker || (it.a.speaker?.entity || it.a.speaker?.name || '') === settings.speaker));
  let repainting = null; // the sliced repaint in flight
  const repaint = () => {
    if (big) {
      // A filter change on a big page: sliced too, the newest change winning.
      repaintSliced(new Slicer({ win: doc.defaultView })).catch((err) => isAbort(err) || fail(err));
      return;
    }
    quietly(() => {
      painting?.remove();
      painting = settings.visible && element.isConnected ? paint(map, shown(), doc) : null;
    });
  };
  /** Paints in slices; the old painting stays until the new one is complete (Highlight API). */
  async function repaintSliced(slicer) {
    repainting?.abort();
    const ctrl = repainting = new AbortController();
    const stop = () => ctrl.abort();
    slicer.signal?.addEventListener('abort', stop, { once: true });
    slicer.signal = ctrl.signal;
    try {
      const wanted = settings.visible && element.isConnected;
      if (!wanted || !painting?.api) quietly(() => { painting?.remove(); painting = null; });
      const fresh = wanted ? await slicer.drive(paintSteps(map, shown(), doc, true), quietly) : null;
      quietly(() => painting?.remove());
      painting = fresh;
    } finally {
      if (repainting === ctrl) repainting = null;
    }
  }

  // --- Pointer and keyboard -------------------------------------------------------------------
  let frame = 0, last = null;
  const hoverable = () => (settings.visible ? shown() : []);
  const showAt = (e, keep) => {
    if (!ui?.tooltip || cleared) return;
    if (e.composedPath?.().includes(ui.host)) return; // over our own UI
    if (!element.contains(e.target)) { if (!keep) ui.tooltip.hide(); return; } // cheap miss
    const hit = hitTest(doc, map, hoverable(), e.clientX, e.clientY);
    if (hit) ui.tooltip.show(hit.item, hit.range);
    else if (!keep) ui.tooltip.hide();
  };
  const listeners = {
    pointermove: (e) => {
      if (e.pointerType === 'touch') return;
      last = e;
      frame ||= requestAnimationFrame(() => { frame = 0; guard(() => showAt(last, ui?.pinned)); });
    },
    click: (e) => guard(() => { ui.pinned = false; showAt(e); ui.pinned = !!ui.tooltip?.item; }),
    keydown: (e) => { if (e.key === 'Escape') guard(() => { ui.pinned = false; ui.tooltip?.hide(); }); },
    scroll: () => guard(() => ui?.tooltip?.place()),
  };
  const guard = (fn) => { try { fn(); } catch (err) { fail(err); } };

  /** Panel activation: scroll there, flash it, and show its tooltip (the keyboard path). */
  const activate = (item, button) => guard(() => {
    const range = map.range(...item.spans[0]);
    if (!range) return;
    const box = range.startContainer.parentElement;
    box?.scrollIntoView?.({ block: 'center' });
    painting?.flash(item.spans);
    if (ui.tooltip) {
      ui.tooltip.show(item, range);
      ui.pinned = true;
      button.setAttribute('aria-describedby', ui.tooltip.tip.id);
    }
  });

  const mountUI = () => {
    // Start folded when the open panel (fixed, bottom right, ~22rem) would cover the article.
    // Read before the host goes in: then the layout is still clean and the read forces none.
    const collapsed = element.getBoundingClientRect().right > (doc.documentElement.clientWidth || 0) - 368;
    const host = createHost(doc);
    ui = { host: host.host, remove: host.remove, pinned: false };
    if (opts.tooltips) ui.tooltip = createTooltip(doc, host.box);
    ui.panel = createPanel(doc, host.box, settings, {
      withPanel: opts.panel,
      collapsed,
      onChange: () => guard(() => { ui.tooltip?.hide(); repaint(); ui.panel.update(); }),
      onActivate: activate,
    });
    for (const [type, fn] of Object.entries(listeners)) doc.addEventListener(type, fn, { capture: true, passive: true });
  };

  // --- The pass ---------------------------------------------------------------------------------
  let controller = null; // aborts the pass in flight (a newer pass, clear(), options.signal)
  let big = false;

  async function run() {
    const gen = ++generation;
    controller?.abort();
    const ctrl = controller = new AbortController();
    big = over(element, SYNC_LIMIT);
    const slicer = new Slicer({ budget: big ? SLICE_MS : Infinity, signal: ctrl.signal, win: doc.defaultView });
    const ctx = { big, slicer, worker: opts.worker, mode: 'sync' };
    try {
      const found = await pass(gen, slicer, ctx);
      if (!found) return;
      const [next, result] = found;
      map = next;
      items = toItems(result || EMPTY, opts);
      // A split quote reads as its pieces ("A, … B."), not with the attribution between them.
      for (const it of items) if (it.spans.length > 1) it.label = it.spans.map(([s, e]) => next.text.slice(s, e)).join(' … ');
      view.annotations = result || EMPTY;
      view.text = next.text;
      if (!element.isConnected) return; // detached meanwhile: nothing to paint on
      // A big page: the panel in a task of its own, then the highlights (made in slices,
      // registered near the viewport only: paint.js); the panel and the screen-reader list
      // show a page of findings at a time (panel.js).
      if (big) await slicer.pause();
      if (!ui) mountUI();
      ui.tooltip?.hide();
      ui.panel.render(items);
      if (!big) repaint();
      else {
        slicer.check();
        try {
          await repaintSliced(slicer);
        } catch (err) {
          // Superseded by a filter change's repaint (not by a newer pass): that one paints.
          if (!isAbort(err) || ctrl.signal.aborted) throw err;
        }
      }
      view.stats = { mode: ctx.mode, tasks: slicer.tasks };
    } catch (err) {
      if (!isAbort(err)) fail(err);
    } finally {
      if (controller === ctrl) controller = null;
    }
  }

  /**
   * Collects and annotates: a small element in this task, a big one collected in slices and
   * annotated in the Worker or in pieces, every step abortable. Resolves to [map, result], or
   * null if superseded. The page may change while the core works: a MutationObserver watches
   * the element, and only if it saw a change is the text collected again and compared (and
   * annotated again if it differs, at most twice more). The old highlights stay up until the
   * new ones are painted, except the fallback's wrapping, which splits the very nodes we map.
   */
  async function pass(gen, slicer, ctx) {
    const kinds = opts.kinds ?? ['quotes', 'claims'];
    if (painting && !painting.api) quietly(() => { painting.remove(); painting = null; });
    const changes = new doc.defaultView.MutationObserver(() => {});
    const changed = () => changes.takeRecords().some((r) => !ours(r));
    changes.observe(element, { childList: true, subtree: true, characterData: true });
    try {
      let next = await slicer.drive(collectSteps(element));
      for (let tries = 0; ; tries++) {
        const result = await annotate(next.text, { kinds, minScore: opts.minScore }, ctx);
        if (gen !== generation) return null;
        if (!changed()) return [next, result];
        const again = await slicer.drive(collectSteps(element));
        if (again.text === next.text && !changed()) return [again, result];
        if (tries >= 2) return null;
        next = again;
      }
    } finally {
      changes.disconnect();
    }
  }

  function clear() {
    if (cleared) return;
    cleared = true;
    opts.signal?.removeEventListener('abort', clear);
    generation++;
    controller?.abort();
    repainting?.abort();
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    observer?.disconnect();
    observer = null;
    guard(() => painting?.remove());
    painting = null;
    if (ui) {
      for (const [type, fn] of Object.entries(listeners)) doc.removeEventListener(type, fn, { capture: true });
      ui.remove();
      ui = null;
    }
  }

  // options.signal: aborting it clears the view (and cancels a pass in flight).
  const signal = opts.signal;
  if (signal?.aborted) { clear(); return view; }
  signal?.addEventListener('abort', clear, { once: true });

  await run();
  return view;
}
