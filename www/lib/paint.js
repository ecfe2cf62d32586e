/**
 * Painting: shows spans of a TextMap as highlights, and takes them away again exactly.
 *
 * Where the CSS Custom Highlight API exists, each kind is one `Highlight` in `CSS.highlights`
 * (`quotelens-quote`, `quotelens-claim`, `quotelens-focus`) and the page's DOM is not touched:
 * safe under React and any other framework that owns the nodes. The one exception is a big page
 * (`near`): there each element holding a registered range carries an empty `data-quotelens`
 * attribute while it does, and the `::highlight()` rules are scoped to those elements (`MARK`).
 * Views share those Highlights and marks; each adds and later deletes its own ranges.
 *
 * Elsewhere the fallback wraps text in `<quotelens-mark>` elements. It splits a Text node into
 * pieces with `splitText` (the original node stays the first piece), and on removal puts the
 * ORIGINAL node back with its original data and drops the pieces and marks — never
 * `normalize()`, which would also merge text nodes the page had on purpose. While wrapped, the
 * TextMap's segments point at the pieces so ranges and hit-testing keep working.
 *
 * Colours come from CSS custom properties the page may set: --quotelens-quote-bg,
 * --quotelens-claim-line, --quotelens-focus-bg (and -dark variants for dark schemes).
 */
import { search } from './collect.js';
import { Slicer } from './slice.js';

/** The Highlight API of the element's own window (a frame's document has its own registry). */
export const hasHighlights = (win) => typeof win?.Highlight === 'function' && !!win.CSS?.highlights;

/**
 * The `::highlight()` rules apply to elements with this attribute and their descendants only.
 * A universal `::highlight()` rule makes Chromium restyle every element of the document when
 * the sheet goes in and again when it goes out (~8,800 elements, 50–130 ms of CPU on the 1 MB
 * page: docs/PERFORMANCE.md); scoped, the sheet costs nothing until an element is marked, and
 * marking restyles that element's subtree only. Only big pages (`near`) are marked, and only the
 * elements holding registered ranges (a few dozen, near the viewport); a normal article keeps
 * the universal rules, whose restyle costs it a millisecond or two, and an untouched DOM.
 * `[m] *` is for browsers without highlight inheritance, where an element's text is styled by
 * the rules matching that element.
 */
const MARK = 'data-quotelens';
const css = (dark, scoped) => {
  const v = (name, light, darkValue) =>
    `var(--quotelens-${name}${dark ? '-dark' : ''}, ${dark ? darkValue : light})`;
  const rule = (kind, style, h = `::highlight(quotelens-${kind})`) => `${scoped ? `[${MARK}]${h},[${MARK}] *` : ''}${h}{${style}}`;
  const quote = `background-color:${v('quote-bg', '#fde68a', '#6b5300')}`;
  const claim = `text-decoration:underline 2px ${v('claim-line', '#2563eb', '#93c5fd')};text-underline-offset:3px`;
  const focus = `background-color:${v('focus-bg', '#fb923c', '#c2410c')}`;
  return rule('quote', quote) + rule('claim', claim) + rule('focus', focus) + 'quotelens-mark{display:inline}' +
    `quotelens-mark[data-kind~=quote]{${quote}}quotelens-mark[data-kind~=claim]{${claim}}` +
    `quotelens-mark[data-focus]{${focus}}`;
};
const cssText = (scoped) => css(false, scoped) + `@media (prefers-color-scheme:dark){${css(true, scoped)}}`;

/**
 * One stylesheet for all views on a document, added with the first paint, removed with the last;
 * two kinds, universal (`sheets[0]`) and scoped to marks (`sheets[1]`, big pages).
 */
const sheets = [new WeakMap(), new WeakMap()]; // document → { users, remove }

function addSheet(doc, scoped) {
  const kind = sheets[+scoped];
  let entry = kind.get(doc);
  if (!entry) {
    entry = { users: 0, remove: adoptSheet(doc, doc, cssText(scoped)) };
    kind.set(doc, entry);
  }
  entry.users++;
  return () => {
    if (--entry.users === 0) { entry.remove(); kind.delete(doc); }
  };
}

/**
 * Constructed stylesheets by document and CSS text, parsed once: a later view on the document
 * (or the same element highlighted again after clear()) adopts the sheet it already has
 * instead of parsing the CSS again (~0.7 ms for the UI's and the highlights' sheets). A sheet
 * that no scope has adopted is nowhere in the page.
 */
const parsed = new WeakMap(); // document → Map(text → CSSStyleSheet)

/**
 * Adds CSS to a document or shadow root; returns its removal. A constructed stylesheet where
 * possible: it adds no node and passes a strict `style-src` CSP; else one `<style>` element.
 */
export function adoptSheet(doc, scope, text) {
  const win = doc.defaultView;
  if (win?.CSSStyleSheet && 'adoptedStyleSheets' in scope) {
    try {
      let sheets = parsed.get(doc), sheet = sheets?.get(text);
      if (!sheet) {
        sheet = new win.CSSStyleSheet();
        sheet.replaceSync(text);
        if (!sheets) parsed.set(doc, sheets = new Map());
        sheets.set(text, sheet);
      }
      scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
      return () => { scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet); };
    } catch { /* fall through to a <style> element */ }
  }
  const style = doc.createElement('style');
  style.textContent = text;
  (scope === doc ? doc.head || doc.documentElement : scope).appendChild(style);
  return () => style.remove();
}

/**
 * Paints `items` (`[{ kind: 'quote' | 'claim', spans: [[start, end], …] }]`) over `map`.
 * Returns a painting: `{ remove(), flash(spans, ms) }`; remove is idempotent.
 */
export function paint(map, items, doc = document) {
  return Slicer.run(paintSteps(map, items, doc));
}

/** Ranges (or fallback segments) handled between two yields of `paintSteps`. */
const BATCH = 256;

/**
 * `paint` as a generator that yields every few hundred ranges, so a big page is painted over
 * several tasks (slice.js drives it); returns the painting. `near`: register only the ranges
 * near the viewport, and follow the scroll until removed (Highlight API only). Closed early (`return()`, on
 * abort), it takes away whatever it had painted.
 */
export function* paintSteps(map, items, doc = document, near = false) {
  const win = doc.defaultView;
  const api = hasHighlights(win);
  let removeSheet = null;
  // The stylesheet goes in with the first change to the page, in the same task (for a big page,
  // the ranges are made over several tasks first). On a big page its rules match marked
  // elements only, so it restyles nothing by itself (MARK).
  const commit = () => { removeSheet = addSheet(doc, near); };
  let undo = null;
  try {
    undo = yield* (api ? highlightSteps(win, map, items, commit, near) : wrapSteps(map, items, doc, commit));
  } finally {
    if (!undo) removeSheet?.();
  }
  let flashTimer = 0, unflash = null;
  let done = false;
  return {
    /** True when painted with the Highlight API (the page's nodes untouched; on a big page, MARK attributes). */
    api,
    remove() {
      if (done) return;
      done = true;
      clearTimeout(flashTimer);
      unflash?.();
      undo();
      removeSheet();
    },
    /** Briefly marks spans with the focus colour: the "here it is" after a panel click. */
    flash(spans, ms = 1600) {
      if (done) return;
      clearTimeout(flashTimer);
      unflash?.();
      unflash = api ? Slicer.run(highlightSteps(win, map, [{ kind: 'focus', spans }], () => {}, 0, near)) : markFocus(map, spans);
      flashTimer = setTimeout(() => { unflash?.(); unflash = null; }, ms);
    },
  };
}

/** How many registered ranges each marked element holds, over all views (see `MARK`). */
const marked = new Map();
/** Marks (`add`) or unmarks the closest element holding all of range `r`. */
const mark = (r, add) => {
  let el = r.commonAncestorContainer;
  if (el.nodeType != 1) el = el.parentElement;
  const n = (marked.get(el) || 0) + (add ? 1 : -1);
  n ? marked.set(el, n) : marked.delete(el);
  el.toggleAttribute(MARK, n > 0); // no change, hence no restyle, unless it appears or goes
};

/**
 * Ranges are made in slices, then registered in one step with the stylesheet: all of them, or
 * with `near` (a big page) only those near the viewport, following the scroll (below).
 * Chromium repaints the whole document after any change to a registered Highlight, and its cost
 * grows with the ranges registered, so neither adding them slice by slice nor registering
 * thousands at once keeps a 1 MB page's frames short. `marks`: mark the elements holding the
 * registered ranges (a big page's scoped stylesheet styles only those, `MARK`).
 */
function* highlightSteps(win, map, items, commit, near, marks = near) {
  const { CSS, Highlight } = win;
  const all = []; // [name, range], in text order
  let n = 0;
  for (const { kind, spans } of items) {
    const name = `quotelens-${kind}`;
    for (const [s, e] of spans) {
      const r = map.range(s, e);
      if (r) all.push([name, r]);
      if (++n % BATCH === 0) yield;
    }
  }
  const shown = new Set(); // [name, range] pairs
  // The registered Highlight of each name, looked up once per batch of show() calls (a batch
  // runs in one go, so no other view can replace it meanwhile), not once per range.
  let got = new Map();
  const show = (p, on) => {
    const [name, r] = p;
    if (marks) mark(r, on);
    let hl = got.get(name);
    if (hl === undefined) got.set(name, hl = CSS.highlights.get(name) || null);
    if (on) {
      if (!hl) {
        CSS.highlights.set(name, hl = new Highlight());
        hl.priority = 'cqf'.indexOf(name[10]) + 1; // claim 1 < quote 2 < focus 3 (name[10]: the kind's initial)
        got.set(name, hl);
      }
      hl.add(r);
      shown.add(p);
    } else {
      hl?.delete(r);
      if (hl && !hl.size) { CSS.highlights.delete(name); got.set(name, null); }
      shown.delete(p);
    }
  };
  const undo = () => {
    win.removeEventListener('scroll', onScroll, true);
    win.removeEventListener('resize', onScroll);
    win.cancelAnimationFrame(frame);
    got = new Map();
    for (const p of shown) show(p);
  };
  // Near the viewport only (`near`, a big page): the ranges within a screen above and two below
  // it, the rest added and taken away as the reader scrolls, at most once a frame. Chromium's
  // cost of registered highlights grows with their ranges (a layout or a change to any of them
  // re-lays out and repaints all), so a 1 MB page keeps ~100 instead of ~6,000.
  let frame = 0;
  const update = () => {
    frame = 0;
    got = new Map();
    if (!near) { for (const p of all) show(p, 1); return; } // everything, once
    const h = win.innerHeight;
    // The first pair whose element's edge is at or past `y`: items are in text order, which is
    // top to bottom in the usual flow of an article.
    const find = (y, edge) => {
      let lo = 0, hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (all[mid][1].startContainer.parentElement?.getBoundingClientRect()[edge] < y) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const want = new Set(all.slice(find(-h, 'bottom'), find(2 * h, 'top')));
    for (const p of shown) if (!want.has(p)) show(p);
    for (const p of want) if (!shown.has(p)) show(p, 1);
  };
  const onScroll = () => { frame ||= win.requestAnimationFrame(update); };
  let complete = false;
  try {
    commit();
    if (near) {
      win.addEventListener('scroll', onScroll, true); // any scroller's, in the capture phase
      win.addEventListener('resize', onScroll);
    }
    update();
    complete = true;
    return undo;
  } finally {
    if (!complete) undo();
  }
}

/** The fallback: wraps the painted parts of each Text node in <quotelens-mark>. */
function* wrapSteps(map, items, doc, commit) {
  const original = map.segments;
  // Node-local intervals per segment index: [from, to, kind].
  const cuts = new Map();
  for (const { kind, spans } of items) {
    for (const [s, e] of spans) {
      for (let i = Math.max(0, search(original, s)); i < original.length && original[i].start < e; i++) {
        const seg = original[i];
        if (seg.end <= s) continue;
        const from = seg.from + Math.max(s, seg.start) - seg.start;
        const to = seg.from + Math.min(e, seg.end) - seg.start;
        if (from < to) (cuts.get(i) || cuts.set(i, []).get(i)).push([from, to, kind]);
      }
    }
  }
  const restores = [];
  const segments = [];
  const undo = () => {
    for (const { node, data, first: firstData, pieces, marks } of restores) {
      const first = marks[0] && marks[0].firstChild === pieces[0] ? marks[0] : pieces[0];
      const parent = first.parentNode;
      if (!parent) continue; // the page removed it meanwhile: nothing of ours is left there
      parent.insertBefore(node, first);
      // A framework that re-rendered the text (React sets the whole new text on the node it
      // owns, our first piece) wins: keep its text, and drop our stale remainder pieces.
      if (node.data === firstData) node.data = data;
      for (const p of pieces) if (p !== node) p.remove();
      for (const m of marks) m.remove();
    }
    restores.length = 0;
    map.segments = original;
  };
  let complete = false;
  commit();
  try {
    for (let i = 0; i < original.length; i++) {
      if (i % BATCH === BATCH - 1) yield;
      wrapSegment(i);
    }
    map.segments = segments;
    complete = true;
    return undo;
  } finally {
    if (!complete) undo();
  }

  function wrapSegment(i) {
    const seg = original[i];
    const intervals = cuts.get(i);
    const node = seg.node;
    if (!intervals || !node.parentNode) { segments.push(seg); return; }
    const data = node.data;
    const points = [...new Set(intervals.flatMap(([a, b]) => [a, b]))]
      .filter((p) => p > 0 && p < data.length).sort((a, b) => b - a);
    // Split from the end so `node` keeps the first piece; pieces[k] starts at bounds[k].
    const pieces = [node];
    for (const p of points) pieces.splice(1, 0, node.splitText(p));
    const bounds = [0, ...points.slice().reverse(), data.length];
    const marks = [];
    pieces.forEach((piece, k) => {
      const a = bounds[k], b = bounds[k + 1];
      const kinds = [...new Set(intervals.filter(([x, y]) => x <= a && b <= y).map((iv) => iv[2]))];
      if (kinds.length) {
        const mark = doc.createElement('quotelens-mark');
        mark.setAttribute('data-kind', kinds.join(' '));
        piece.parentNode.insertBefore(mark, piece);
        mark.appendChild(piece);
        marks.push(mark);
      }
      // The part of this piece that the segment covered, in flat offsets.
      const lo = Math.max(a, seg.from), hi = Math.min(b, seg.from + seg.end - seg.start);
      if (lo < hi) segments.push({ ...seg, node: piece, start: seg.start + lo - seg.from, end: seg.start + hi - seg.from, from: lo - a });
    });
    restores.push({ node, data, first: node.data, pieces, marks });
  }
}

/** Fallback focus: an attribute on the marks inside the spans. */
function markFocus(map, spans) {
  const marks = [];
  for (const [s, e] of spans) {
    for (let i = Math.max(0, search(map.segments, s)); i < map.segments.length && map.segments[i].start < e; i++) {
      const m = map.segments[i].node.parentNode;
      if (map.segments[i].end > s && m?.localName === 'quotelens-mark') { m.setAttribute('data-focus', ''); marks.push(m); }
    }
  }
  return () => marks.forEach((m) => m.removeAttribute('data-focus'));
}
