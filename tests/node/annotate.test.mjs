// annotate() from the built package, in Node: findings on sentences written for these tests,
// UTF-16 offsets around emoji and non-Latin text, the schema's shape, and the options.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { annotate } from 'quotelens';
import { assertOffsets, findQuote, ROOT } from './helpers.mjs';

const MAYOR = '“We will rebuild the bridge by spring,” Mayor Ana Lopez said on Tuesday.';

test('finds a quote with its speaker and cue', async () => {
  const result = await annotate(MAYOR);
  assertOffsets(MAYOR, result);
  const quote = findQuote(result, 'We will rebuild the bridge by spring');
  assert.ok(!quote.text.startsWith('“'), 'the span leaves the quote marks out');
  assert.equal(quote.kind, 'direct');
  assert.equal(quote.cue?.text, 'said');
  assert.match(quote.speaker?.name ?? '', /Ana Lopez/);
  assert.match(quote.speaker.entity, /^e\d+$/);
  const entity = result.entities.find((e) => e.id === quote.speaker.entity);
  assert.equal(entity?.name, quote.speaker.name);
  assert.equal(entity.kind, 'person');
});

test('offsets are UTF-16 code units around emoji and non-Latin scripts', async () => {
  const text = [
    '🚀🇺🇦 Talks resume 👩‍👩‍👧',
    '',
    '“Мы готовы к переговорам уже завтра,” said Olena Kovalenko, a spokeswoman for the ministry. 😀',
    '',
    '🎉 “東京の会議は成功しました,” she added. Ministers from 12 countries attended, 3 more than last year.',
  ].join('\n');
  const result = await annotate(text);
  assert.ok(assertOffsets(text, result) > 0, 'something was found');
  const first = findQuote(result, 'Мы готовы к переговорам');
  assert.match(first.speaker?.name ?? '', /Olena Kovalenko/);
  const second = findQuote(result, '東京の会議は成功しました');
  assert.equal(second.speaker?.text, 'she');
  assert.match(second.speaker?.name ?? '', /Olena Kovalenko/);
  // The emoji before each quote shift UTF-16 offsets away from both byte and code point offsets.
  assert.equal(text.indexOf('東京'), second.start);
});

test('the result is the CLI\'s JSON, texts included (the package slices them from the input)', async (t) => {
  // The binding sends `text` fields empty and core.js fills them in from the caller's string by
  // the UTF-16 offsets; the native CLI writes the core's own texts. They must agree everywhere.
  const cli = fileURLToPath(new URL('target/release/quotelens', ROOT));
  if (!existsSync(cli)) return t.skip('target/release/quotelens not built (npm test builds it first)');
  const seed = fileURLToPath(new URL('../shared/seed-article.txt', ROOT));
  const texts = [
    MAYOR,
    '🚀 “Мы готовы,” said Olena Kovalenko. 🎉 “東京の会議は成功しました,” she added, citing a 12% rise.',
    "“The river is rising,” Maria Chen said, “and the levee will not hold past Friday.”",
    ...(existsSync(seed) ? [readFileSync(seed, 'utf8')] : []),
  ];
  for (const text of texts) {
    const native = JSON.parse(execFileSync(cli, [], { input: text, encoding: 'utf8' }));
    const result = await annotate(text);
    assert.ok(result.quotes.length + result.claims.length > 0, 'something was found');
    assert.deepEqual(result, native, text.slice(0, 40));
  }
});

test('the package agrees with the CLI on news articles (PolNeAR, read from ../shared)', async (t) => {
  // The browser build takes a few ways of its own, chosen for size (every name through the
  // titled-name path, a heapsort for the roster and the reported claims; see src/sort.rs): the
  // results must be the same, article by article, default options and every candidate.
  const cli = fileURLToPath(new URL('target/release/quotelens', ROOT));
  const dir = fileURLToPath(new URL('../shared/eval/polnear/train/text/', ROOT));
  if (!existsSync(cli)) return t.skip('target/release/quotelens not built (npm test builds it first)');
  if (!existsSync(dir)) return t.skip('../shared/eval/polnear is not beside the project');
  // Every 12th article: 70 of the 840, all outlets and years.
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .filter((_, i) => i % 12 === 0)
    .map((f) => dir + f);
  for (const [args, options] of [[[], undefined], [['--min-score', '0'], { minScore: 0 }]]) {
    const lines = execFileSync(cli, [...args, ...files], { encoding: 'utf8', maxBuffer: 1 << 28 }).trim().split('\n');
    assert.equal(lines.length, files.length);
    for (const [i, file] of files.entries()) {
      const result = await annotate(readFileSync(file, 'utf8'), options);
      assert.deepEqual(result, JSON.parse(lines[i]), file);
    }
  }
});

test('a quote interrupted by its attribution is one quote with two parts', async () => {
  const text = "“The river is rising,” Maria Chen said, “and the levee will not hold past Friday.”";
  const result = await annotate(text);
  assertOffsets(text, result);
  const quote = findQuote(result, 'The river is rising');
  assert.ok(quote.text.includes('levee will not hold'), 'start/end cover both pieces');
  const parts = quote.parts.map(([s, e]) => text.slice(s, e));
  assert.equal(parts.length, 2, `two parts: ${JSON.stringify(parts)}`);
  assert.match(parts[0], /^The river is rising,?$/);
  assert.match(parts[1], /^and the levee will not hold past Friday\.?$/);
  assert.equal(quote.cue?.text, 'said');
  assert.equal(quote.speaker?.name, 'Maria Chen');
});

test('the result is plain JSON data: null for absent values, plain objects and arrays', async () => {
  // The unattributed quote comes first: a quote paragraph right after an attributed one is, by
  // news convention, the same speaker's.
  const text = `“Nobody knows who wrote this.”\n\n${MAYOR}\n\nThe city spent $4.2 million on repairs in 2023, twice the 2022 budget.`;
  const result = await annotate(text);
  assertOffsets(text, result);
  assert.deepEqual(Object.keys(result).sort(), ['claims', 'entities', 'quotes', 'version']);
  assert.equal(result.version, 1);
  // JSON round trip drops undefined and turns Maps into {}: equality proves there are neither.
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
  const plain = (value) => {
    if (Array.isArray(value)) return value.forEach(plain);
    if (value !== null && typeof value === 'object') {
      assert.equal(Object.getPrototypeOf(value), Object.prototype, 'a plain object');
      Object.values(value).forEach(plain);
    } else {
      assert.ok(value === null || ['string', 'number'].includes(typeof value), `JSON value, got ${typeof value}`);
    }
  };
  plain(result);
  for (const q of result.quotes) {
    assert.deepEqual(Object.keys(q).sort(), ['confidence', 'cue', 'end', 'id', 'kind', 'parts', 'speaker', 'start', 'text']);
    assert.ok(['direct', 'partial', 'block'].includes(q.kind));
    assert.ok(q.confidence >= 0 && q.confidence <= 1);
  }
  const orphan = findQuote(result, 'Nobody knows who wrote this');
  assert.equal(orphan.speaker, null, 'no speaker is null, not undefined or missing');
  assert.equal(orphan.cue, null);
  const claim = result.claims.find((c) => c.text.includes('$4.2 million'));
  assert.ok(claim, `a claim about the spending; found ${JSON.stringify(result.claims.map((c) => c.text))}`);
  assert.equal(claim.kind, 'factual');
  assert.equal(claim.speaker, null);
  assert.ok(claim.signals.includes('figure'), `signals: ${claim.signals}`);
  assert.ok(claim.score > 0 && claim.score <= 1);
});

test('kinds selects quotes or claims; minScore filters factual claims', async () => {
  const text = `${MAYOR}\n\nThe city spent $4.2 million on repairs in 2023, twice the 2022 budget.`;
  const quotesOnly = await annotate(text, { kinds: ['quotes'] });
  assert.ok(quotesOnly.quotes.length > 0);
  assert.deepEqual(quotesOnly.claims, []);
  const claimsOnly = await annotate(text, { kinds: ['claims'] });
  assert.deepEqual(claimsOnly.quotes, []);
  assert.ok(claimsOnly.claims.length > 0);
  const none = await annotate(text, { kinds: [] });
  assert.deepEqual([none.quotes, none.claims], [[], []]);
  const strict = await annotate(text, { minScore: Infinity });
  assert.deepEqual(strict.claims.filter((c) => c.kind === 'factual'), []);
  const all = await annotate(text, { minScore: 0 });
  assert.ok(all.claims.length >= (await annotate(text)).claims.length, 'minScore 0 keeps at least the default set');
  // Missing, undefined and null mean the defaults; unknown fields (the overlay's) are ignored.
  const defaults = await annotate(text);
  for (const options of [undefined, null, {}, { kinds: null, minScore: undefined }, { observe: true, onError() {} }]) {
    assert.deepEqual(await annotate(text, options), defaults);
  }
});
