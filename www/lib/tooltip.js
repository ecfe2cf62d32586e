/**
 * The tooltip: one per view, shown on hover, on tap, and when a panel item is activated.
 * Also the hit-test that turns a pointer position into a flat text offset.
 */
import { el } from './ui.js';

/** "Quote · direct", speaker ("he → Kirill Dmitriev"), cue, and for claims score and signals. */
export function describe(item) {
  const a = item.a;
  const s = a.speaker;
  const name = s && (s.name || s.text);
  const mention = s && s.text && name && s.text.toLowerCase() !== name.toLowerCase() ? `${s.text} → ${name}` : name;
  const lines = [[item.kind + (a.kind ? ` · ${a.kind}` : ''), 'k'],
    [`Speaker: ${mention || 'unattributed'}`]];
  if (a.cue?.text) lines.push([`Cue: ${a.cue.text}`]);
  if (item.kind === 'claim') {
    if (typeof a.score === 'number') lines.push([`Score: ${a.score.toFixed(2)}`]);
    if (a.signals?.length) lines.push([`Signals: ${a.signals.join(', ')}`, 'm']);
  }
  return lines;
}

/** Creates the tooltip inside the UI box; `show(item, anchorRange)` / `hide()`. */
export function createTooltip(doc, box) {
  const tip = el(doc, 'div', 'tip');
  tip.id = 'quotelens-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  box.appendChild(tip);
  let anchor = null;

  const place = () => {
    if (!anchor) return;
    const r = anchor.getBoundingClientRect();
    const w = tip.offsetWidth, h = tip.offsetHeight, vw = doc.documentElement.clientWidth;
    const below = r.bottom + 8 + h <= doc.documentElement.clientHeight || r.top - 8 - h < 0;
    tip.style.top = `${Math.round(below ? r.bottom + 8 : r.top - 8 - h)}px`;
    tip.style.left = `${Math.round(Math.max(8, Math.min(r.left, vw - w - 8)))}px`;
  };

  return {
    tip,
    get item() { return tip.hidden ? null : tip.item; },
    show(item, range) {
      if (tip.item !== item || tip.hidden) {
        tip.replaceChildren(...describe(item).map(([text, cls]) => el(doc, 'div', cls, text)));
        tip.item = item;
      }
      anchor = range;
      tip.hidden = false;
      place();
    },
    hide() { tip.hidden = true; anchor = null; },
    place,
  };
}

/** The DOM position under a point: caretPositionFromPoint, or caretRangeFromPoint (older WebKit). */
export function caretAt(doc, x, y) {
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p && { node: p.offsetNode, offset: p.offset };
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r && { node: r.startContainer, offset: r.startOffset };
}

/**
 * The item under (x, y): the caret gives a flat offset, the items covering it are candidates
 * (shortest first, so a quote wins over the claim around it), and one of the candidate's
 * client rects must really contain the point — the caret snaps to the nearest text even in
 * margins.
 */
export function hitTest(doc, map, items, x, y) {
  const pos = caretAt(doc, x, y);
  if (!pos) return null;
  const at = map.offsetAt(pos.node, pos.offset);
  if (at < 0) return null;
  const found = items.filter((it) => it.spans.some(([s, e]) => s <= at && at <= e))
    .sort((p, q) => (p.a.end - p.a.start) - (q.a.end - q.a.start));
  for (const item of found) {
    for (const [s, e] of item.spans) {
      const range = map.range(s, e);
      if (range && [...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)) {
        return { item, range };
      }
    }
  }
  return null;
}
