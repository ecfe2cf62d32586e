/**
 * Export to the W3C Web Annotation Data Model (JSON-LD), which Hypothesis and other annotation
 * tools import. Each quote or claim becomes one Annotation whose target carries:
 * - a TextQuoteSelector: `exact` plus up to 32 characters of `prefix`/`suffix`, so a tool can
 *   re-anchor it even when offsets drift;
 * - a TextPositionSelector: start/end counted in Unicode code points, as the model asks (the
 *   schema's own offsets are UTF-16 code units). Both need the annotated text: pass
 *   `{ text }`, or pass the view itself, which knows it.
 */
import { sentence } from './panel.js';
import { toItems } from './view.js';

const CONTEXT = 32;

/**
 * `toWebAnnotations(view.annotations, { source: location.href, text: view.text })`, or
 * `toWebAnnotations(view, { source })`. Without text there is no prefix, suffix or position.
 */
export function toWebAnnotations(result, { source = '', text, idPrefix = 'urn:quotelens:' } = {}) {
  if (result?.annotations) { text ??= result.text; result = result.annotations; }
  const items = toItems(result || {});
  const points = text == null ? null : codePoints(text, items.flatMap((it) => [it.a.start, it.a.end]));
  return items.map(({ kind, a }) => {
    const selector = [{ type: 'TextQuoteSelector', exact: text == null ? a.text : text.slice(a.start, a.end) }];
    if (text != null) {
      selector[0].prefix = text.slice(Math.max(0, a.start - CONTEXT), a.start);
      selector[0].suffix = text.slice(a.end, a.end + CONTEXT);
      selector.push({ type: 'TextPositionSelector', start: points.get(a.start), end: points.get(a.end) });
    }
    const body = [
      { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: sentence({ kind, a }) },
      { type: 'TextualBody', purpose: 'tagging', value: kind },
    ];
    if (a.speaker?.name) body.push({ type: 'TextualBody', purpose: 'tagging', value: a.speaker.name });
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: idPrefix + a.id,
      type: 'Annotation',
      motivation: 'describing',
      generator: { type: 'Software', name: 'quotelens' },
      body,
      target: { source, selector },
    };
  });
}

/** Code-point index of each UTF-16 offset, in one pass over the text. */
function codePoints(text, offsets) {
  const wanted = [...new Set(offsets)].sort((x, y) => x - y);
  const out = new Map();
  let units = 0, count = 0;
  for (const target of wanted) {
    while (units < target && units < text.length) {
      const c = text.charCodeAt(units);
      units += c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(units + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      count++;
    }
    out.set(target, count);
  }
  return out;
}
