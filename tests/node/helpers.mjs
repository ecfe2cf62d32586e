/**
 * Shared checks for the Node tests. The tests import the BUILT package by its own name
 * ("quotelens" resolves through package.json's exports to dist/), so run `npm run build` first.
 */
import assert from 'node:assert/strict';

/** The repository root, as a file URL ending in '/'. */
export const ROOT = new URL('../../', import.meta.url);

/**
 * Asserts that every span in `result` indexes `text` in UTF-16 code units: for each quote,
 * part, speaker, cue, claim and entity mention, `text.slice(start, end) === span.text`.
 * Returns how many spans it checked.
 */
export function assertOffsets(text, result) {
  let checked = 0;
  const span = (s, what) => {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what}: ${s.start}..${s.end} within 0..${text.length}`);
    if ('text' in s) assert.equal(text.slice(s.start, s.end), s.text, `${what}: text matches its offsets`);
    checked++;
  };
  for (const q of result.quotes) {
    span(q, q.id);
    for (const [start, end] of q.parts) {
      span({ start, end }, `${q.id} part`);
      assert.ok(q.start <= start && end <= q.end, `${q.id}: parts lie inside the quote`);
    }
    if (q.speaker) span(q.speaker, `${q.id} speaker`);
    if (q.cue) span(q.cue, `${q.id} cue`);
  }
  for (const c of result.claims) {
    span(c, c.id);
    if (c.speaker) span(c.speaker, `${c.id} speaker`);
    if (c.cue) span(c.cue, `${c.id} cue`);
  }
  for (const e of result.entities) for (const m of e.mentions) span(m, `${e.id} mention`);
  return checked;
}

/** The quote whose text includes `words`, or a failed assertion listing what was found. */
export function findQuote(result, words) {
  const quote = result.quotes.find((q) => q.text.includes(words));
  assert.ok(quote, `a quote containing ${JSON.stringify(words)}; found ${JSON.stringify(result.quotes.map((q) => q.text))}`);
  return quote;
}
