/**
 * Text collection: an element's readable text as ONE flat string, plus a map from flat offsets
 * back to (Text node, offset) and forth.
 *
 * The core sees text the way a reader does:
 * - a block boundary (p, li, h1, figcaption, anything whose computed display is not inline)
 *   becomes "\n\n"; a <br> becomes "\n" — separators exist only in the flat string, never in a
 *   node, so they are the gaps between the map's segments;
 * - script, style, noscript, template, form fields, embedded content, `hidden`,
 *   `aria-hidden="true"`, `display:none` subtrees and the widget's own UI are skipped;
 * - outside `white-space: pre*`, tabs and newlines read as spaces (one for one, so offsets stay
 *   simple), and whitespace at the start or end of a line is left out.
 *
 * Shadow roots and iframes are skipped on purpose (see docs/WIDGET.md): we walk `childNodes`
 * only, so an open shadow root's own content and an iframe's document are never entered, while
 * light-DOM children slotted into a custom element are read as usual.
 */

import { Slicer } from './slice.js';

/** Elements whose content is not article text. Matched on localName (so SVG matches too). */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select',
  'option', 'button', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio']);

/** Block elements by name, for when there is no computed style (a detached element). */
const BLOCK = /^(address|article|aside|blockquote|caption|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)$/;

/** Marks every element of the widget's UI so collection (and the observer) leave it alone. */
export const UI_ATTR = 'data-quotelens-ui';

const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/**
 * Collects `root`'s text. Returns a TextMap: `{ text, segments, range(start, end),
 * offsetAt(node, offset) }`; `segments` is sorted by `start`, one per Text node read:
 * `{ node, start, end, from }` — flat [start, end) is node data [from, from + end - start).
 */
export function collect(root) {
  return Slicer.run(collectSteps(root));
}

/**
 * `collect` as a generator that yields every 128 elements, so a big page can be collected
 * over several tasks (slice.js drives it); returns the TextMap. The walk is iterative (an
 * explicit stack), so a yield costs nothing per level of nesting.
 */
export function* collectSteps(root) {
  const parts = [];
  const segments = [];
  let length = 0;
  let pending = ''; // separator owed before the next text
  const win = root.ownerDocument?.defaultView;

  const owe = (sep) => {
    if (!length) return;
    trimLineEnd();
    pending = sep === '\n' ? (pending.length > 1 ? pending : pending + sep) : '\n\n';
  };

  // Trailing whitespace before a separator is not text a reader sees.
  const trimLineEnd = () => {
    const seg = segments[segments.length - 1];
    if (!seg || seg.end !== length || seg.pre) return;
    const last = parts[parts.length - 1];
    let n = last.length;
    while (n && isSpace(last[n - 1])) n--;
    if (n === last.length) return;
    const cut = last.length - n;
    if (n) parts[parts.length - 1] = last.slice(0, n); else { parts.pop(); segments.pop(); }
    seg.end -= cut;
    length -= cut;
  };

  const text = (node, pre) => {
    let data = node.data;
    let from = 0;
    if (!pre) {
      if (!length || pending) while (from < data.length && isSpace(data[from])) from++;
      if (from === data.length) return;
      data = data.slice(from).replace(/[\t\n\r\f]/g, ' ');
    }
    if (!data) return;
    if (pending && length) { parts.push(pending); length += pending.length; }
    pending = '';
    segments.push({ node, start: length, end: length + data.length, from, pre });
    parts.push(data);
    length += data.length;
  };

  // Depth-first over childNodes; a frame remembers where to go on after an element's children.
  const stack = [];
  let node = root.firstChild, pre = false, elements = 0;
  for (;;) {
    if (!node) {
      const frame = stack.pop();
      if (!frame) break;
      if (frame.block) owe('\n\n');
      node = frame.next;
      pre = frame.pre;
      continue;
    }
    const current = node;
    node = node.nextSibling;
    if (current.nodeType === 3) { text(current, pre); continue; }
    if (current.nodeType !== 1) continue;
    if ((++elements & 127) === 0) yield;
    const name = current.localName;
    if (SKIP.has(name) || current.hidden || current.getAttribute('aria-hidden') === 'true' ||
        current.hasAttribute(UI_ATTR)) continue;
    if (name === 'br') { owe('\n'); continue; }
    const style = current.isConnected && win ? win.getComputedStyle(current) : null;
    const display = style?.display;
    if (display === 'none') continue;
    const block = display ? !/^(inline|contents|ruby)/.test(display) : BLOCK.test(name);
    const childPre = style ? /^(pre|break)/.test(style.whiteSpace) : pre || name === 'pre';
    if (block) owe('\n\n');
    stack.push({ next: node, pre, block });
    node = current.firstChild;
    pre = childPre;
  }
  trimLineEnd();
  return textMap(parts.join(''), segments);
}

/** Wraps a flat string and its segments with the two look-ups painting and hit-testing need. */
export function textMap(text, segments) {
  let byNode = null;
  const map = {
    text,
    segments,
    /** A DOM Range for flat [start, end), or null when it covers no text node. */
    range(start, end) {
      const segs = map.segments;
      let i = search(segs, start);
      if (i < 0 || segs[i].end <= start) i++; // start in a gap: begin at the next segment
      let j = search(segs, end - 1);             // the last segment holding end - 1
      if (i >= segs.length || j < i || start >= end) return null;
      const a = segs[i], b = segs[j];
      const range = a.node.ownerDocument.createRange();
      range.setStart(a.node, a.from + Math.max(0, start - a.start));
      range.setEnd(b.node, b.from + Math.min(end, b.end) - b.start);
      return range;
    },
    /** The flat offset of a DOM position inside a collected Text node, or -1. */
    offsetAt(node, offset) {
      if (!byNode || byNode.segs !== map.segments) {
        byNode = new Map(map.segments.map((s) => [s.node, s]));
        byNode.segs = map.segments;
      }
      const s = byNode.get(node);
      if (!s) return -1;
      return Math.min(s.end, Math.max(s.start, s.start + offset - s.from));
    },
  };
  return map;
}

/** Index of the last segment whose start <= offset (-1 if none): binary search. */
export function search(segments, offset) {
  let lo = 0, hi = segments.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** Replaces lone surrogates by U+FFFD — same length, so every offset still lines up. */
export const wellFormed = (s) => (s.toWellFormed ? s.toWellFormed()
  : s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
