// The seed article in ../shared (read from there, never copied into the project).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { annotate } from 'quotelens';
import { ROOT, assertOffsets, findQuote } from './helpers.mjs';

const SEED = new URL('../shared/seed-article.txt', ROOT);

test('the seed article: quotes, speakers and claims with aligned offsets', { skip: !existsSync(SEED) && 'no ../shared/seed-article.txt' }, async () => {
  const text = readFileSync(SEED, 'utf8');
  const result = await annotate(text);
  assertOffsets(text, result);

  const biden = findQuote(result, 'Biden’s approaches have failed');
  assert.ok(biden.text.includes('long-term solutions'), 'the quote runs to its closing mark');
  assert.equal(biden.speaker?.text, 'he');
  assert.equal(biden.speaker?.name, 'Kirill Dmitriev');
  assert.equal(biden.cue?.text, 'stated');

  const light = findQuote(result, 'There is light at the end of the tunnel');
  assert.match(light.speaker?.name ?? '', /Vladimir Putin/);

  // The apostrophes in "Trump’s" and "Biden’s" open no quote; the caption holds none.
  const caption = text.indexOf('FILE PHOTO');
  const captionEnd = text.indexOf('\n', caption);
  assert.ok(result.quotes.every((q) => q.end <= caption || q.start >= captionEnd), 'no quote in the caption');
  assert.ok(result.quotes.every((q) => !q.text.startsWith('s ')), 'no quote opened by an apostrophe');

  assert.ok(result.claims.length > 0, 'claims found');
  const dmitriev = result.entities.find((e) => e.name === 'Kirill Dmitriev');
  assert.ok(dmitriev, 'Kirill Dmitriev is an entity');
  assert.ok(dmitriev.mentions.length >= 3, 'his mentions include "Dmitriev" and "he"');
});
