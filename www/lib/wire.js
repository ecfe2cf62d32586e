/**
 * The core's result as the WASM binding returns it: numbers (src/wire.rs describes them), read
 * back here into the schema of DESIGN.md. Used by core.js on the page and by the Worker, which
 * builds the objects off the main thread and posts them in parts. Building the objects from
 * numbers takes a sixth of what JSON.parse of the same result did.
 */

/** The schema's kind names and signal names, in the order src/wire.rs numbers them. */
const KINDS = ['direct', 'partial', 'block', 'reported', 'factual', 'person', 'organisation', 'group'];
const SIGNALS = ['figure', 'percent', 'money', 'date', 'comparison', 'superlative', 'cause', 'trend',
  'named-entity', 'attribution', 'event'];

/**
 * Ids ("q1", "c1", "e1") made once and reused by every result: a 1 MB document has ~7,000 of
 * them, and each new string is more for the young-generation GC to copy while the result is
 * being built. Strings are immutable, so sharing them is invisible. Kept up to the 10,000th
 * of each letter (at most ~1 MB, and only after documents that big).
 */
const IDS = { q: [], c: [], e: [] };
const id = (letter, k) => (k > 10_000 ? `${letter}${k}` : (IDS[letter][k] ??= `${letter}${k}`));

/**
 * The API's result for `text` from the core's raw one: numbers (src/wire.rs) read here into
 * the schema's objects, each `text` sliced from the caller's own string by its UTF-16 offsets,
 * which is exact even where the text has lone surrogates (they reach Rust as U+FFFD).
 */
export function finish(text, wire) {
  let at = 0;
  const next = () => wire[at++];
  // Lists of their exact length: `push` onto `[]` reserves 16 slots at once, and most lists
  // (a claim's signals, a quote's parts, an entity's mentions) hold one to three. Long ones
  // grow as before: engines may back a big `new Array(n)` by a slower store (JSC past 100,000).
  const list = (item) => {
    const n = next(), items = n > 4096 ? [] : new Array(n);
    for (let k = 0; k < n; k++) items[k] = item(k + 1);
    return items;
  };
  const span = (start = next(), end = next()) => ({ start, end, text: text.slice(start, end) });
  // A name's UTF-16 units, passed a slice at a time: a run of capitalised words can make a
  // name of any length, and one call with 300,000 arguments overflows the engine's stack.
  // `apply`, not a spread: V8 spreads a typed array through its iterator, ~4× slower (0.1 ms
  // of the 10,000-word page's 72 names).
  const name = (length = next()) => {
    let joined = '';
    for (const end = at + length; at < end; ) {
      const to = Math.min(end, at + 4096);
      joined += String.fromCharCode.apply(null, wire.subarray(at, to));
      at = to;
    }
    return joined;
  };
  const version = next();
  const entities = list((k) => ({ id: id('e', k), name: name(), kind: KINDS[next()], mentions: list(() => span()) }));
  const speaker = () => {
    if (!next()) return null;
    const start = next(), end = next(), e = next();
    return { start, end, text: text.slice(start, end), name: e ? entities[e - 1].name : null, entity: e ? id('e', e) : null };
  };
  const cue = () => (next() ? span() : null);
  const quotes = list((k) => {
    const start = next(), end = next();
    return {
      id: id('q', k), start, end, text: text.slice(start, end), kind: KINDS[next()],
      parts: list(() => [next(), next()]), speaker: speaker(), cue: cue(), confidence: next() / 1000,
    };
  });
  const claims = list((k) => {
    const start = next(), end = next();
    return {
      id: id('c', k), start, end, text: text.slice(start, end), kind: KINDS[next()],
      speaker: speaker(), cue: cue(), score: next() / 1000, signals: list(() => SIGNALS[next()]),
    };
  });
  return { version, quotes, claims, entities };
}
