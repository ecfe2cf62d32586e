// The sliced path's annotation (www/lib/chunks.js: pieces cut at paragraph breaks, with
// context, merged) against the whole text annotated at once, on the real core.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { init, annotateSync } from 'quotelens';
import { annotateSteps, pieces, CHUNK } from '../../www/lib/chunks.js';
import { Slicer } from '../../www/lib/slice.js';
import { loadCorpus, concatenated } from '../../bench/corpus.mjs';
import { ROOT, assertOffsets } from './helpers.mjs';

const SEED = new URL('../shared/seed-article.txt', ROOT);
const inPieces = (text, size) => Slicer.run(annotateSteps(text, undefined, annotateSync, size));

test('pieces tile the text, end at paragraph breaks, and are at least CHUNK long (but the last)', () => {
  const text = concatenated(loadCorpus().docs, 300_000);
  const list = pieces(text);
  assert.ok(list.length >= 4, `${list.length} pieces`);
  assert.equal(list[0].start, 0);
  assert.equal(list.at(-1).end, text.length);
  list.forEach((p, i) => {
    if (i) assert.equal(p.start, list[i - 1].end, 'no gap, no overlap');
    if (i < list.length - 1) {
      assert.ok(p.end - p.start >= CHUNK);
      assert.equal(text.slice(p.end, p.end + 2), '\n\n', 'cut at a paragraph break');
    }
    assert.ok(p.from <= p.start && p.end <= p.to, 'context around the piece');
    assert.ok(p.start - p.from <= 4096 && p.to - p.end <= 4096);
  });
  assert.deepEqual(pieces('short text'), [{ start: 0, end: 10, from: 0, to: 10 }]);
});

test('the seed article in pieces of 1 K: exactly the whole-text result', { skip: !existsSync(SEED) && 'no ../shared/seed-article.txt' }, async () => {
  await init();
  const text = readFileSync(SEED, 'utf8');
  assert.ok(pieces(text, 1024).length >= 2);
  assert.deepEqual(inPieces(text, 1024), annotateSync(text));
});

test('300 KB of news in 64 K pieces: the same quotes and claims, speakers at the same mentions', async () => {
  await init();
  const text = concatenated(loadCorpus().docs, 300_000);
  const whole = annotateSync(text);
  const sliced = inPieces(text);
  assertOffsets(text, sliced);
  // Everything but the entity a speaker resolves to, which may depend on text in another
  // piece (chunks.js says when); that is compared below only as a share.
  const strip = (r) => ['quotes', 'claims'].map((k) => r[k].map(({ speaker, ...rest }) =>
    ({ ...rest, speaker: speaker && { start: speaker.start, end: speaker.end, text: speaker.text } })));
  assert.deepEqual(strip(sliced), strip(whole));
  const items = [...whole.quotes, ...whole.claims];
  const named = [...sliced.quotes, ...sliced.claims].filter((a, i) => a.speaker?.name === items[i].speaker?.name).length;
  assert.ok(named / items.length > 0.8, `${named} of ${items.length} speakers resolve to the same name`);
  // Entities: numbered in order of first mention, as the core numbers them, mentions sorted,
  // and every speaker's entity is one of them.
  const ids = new Set(sliced.entities.map((e) => e.id));
  assert.deepEqual([...ids], sliced.entities.map((_, i) => `e${i + 1}`));
  for (const e of sliced.entities) assert.ok(e.mentions.every((m, i) => !i || e.mentions[i - 1].start <= m.start));
  for (const a of [...sliced.quotes, ...sliced.claims]) if (a.speaker?.entity) assert.ok(ids.has(a.speaker.entity));
});
