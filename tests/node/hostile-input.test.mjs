// Input no article has: every string gives a result whose offsets line up, and anything that is
// not a string (or malformed options) is a rejected promise with an Error saying so. Never a
// crash, never a trap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotate } from 'quotelens';
import { assertOffsets } from './helpers.mjs';

const EMPTY = { version: 1, quotes: [], claims: [], entities: [] };

test('the empty string gives an empty result', async () => {
  assert.deepEqual(await annotate(''), EMPTY);
});

test('lone surrogates: offsets and texts still index the caller’s string', async () => {
  for (const text of ['\uD800', '\uDC00', 'a\uD800b', '“Fine \uD83D words here,” she said.', '\uDFFF“x\uD800”']) {
    const result = await annotate(text);
    assertOffsets(text, result);
  }
  const text = '🙂“We \uD800 will not move,” said Dana Whitfield.';
  const result = await annotate(text);
  assertOffsets(text, result);
  assert.ok(result.quotes.some((q) => q.text.includes('\uD800')), 'the quote keeps the lone surrogate');
});

test('binary junk, control characters and unmatched marks', async () => {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const junk = Array.from({ length: 20000 }, () => String.fromCharCode(Math.floor(random() * 0x10000))).join('');
  const bytes = Array.from({ length: 20000 }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
  const cases = [
    junk,
    bytes,
    '\0\0\0 said \u0007 “ \u202E ” ‘’ \uFEFF',
    '“'.repeat(50000),
    '”“'.repeat(20000) + '«‹„‚「『',
    '"'.repeat(10001) + ' he said',
    'said '.repeat(20000),
    'A.B.C. '.repeat(10000),
    '\n'.repeat(50000),
    ' '.repeat(100000),
  ];
  for (const text of cases) {
    const result = await annotate(text);
    assert.equal(result.version, 1);
    assertOffsets(text, result);
  }
});

test('a speaker whose name is a run of 40,000 capitalised words keeps the whole name', async () => {
  // Junk pages have such runs; the name crosses from wasm as UTF-16 units, far more than one
  // function call may take as arguments.
  const words = Array.from({ length: 40000 }, (_, i) => ['Alpha', 'Bravo', 'Carla', 'Delta'][i % 4] + 'x'.repeat(i % 3));
  const text = `“We will win,” said ${words.join(' ')} on Tuesday.`;
  const result = await annotate(text);
  assertOffsets(text, result);
  const longest = Math.max(...result.entities.map((e) => e.name.length));
  assert.ok(longest > 200_000, `the name is whole: ${longest} characters`);
  assert.ok(text.includes(result.entities.find((e) => e.name.length === longest).name));
});

test('a 1 MB article is annotated and its offsets line up', async () => {
  const paragraph = [
    '“We will rebuild the bridge by spring,” Mayor Ana Lopez said on Tuesday. 🎉',
    'The city spent $4.2 million on repairs in 2023, twice the 2022 budget, according to officials.',
    '“Мы готовы,” said Olena Kovalenko. “東京は晴れです,” she added.',
  ].join('\n\n');
  const text = Array.from({ length: Math.ceil(2 ** 20 / paragraph.length) }, () => paragraph).join('\n\n');
  assert.ok(text.length >= 2 ** 20 / 2);
  const result = await annotate(text);
  assertOffsets(text, result);
  assert.ok(result.quotes.length >= 1000, `quotes found across the document: ${result.quotes.length}`);
});

test('non-string text is a rejected promise with a clear TypeError', async () => {
  for (const value of [undefined, null, 42, {}, ['text'], new Uint8Array(4), Symbol('x')]) {
    const pending = annotate(value);
    assert.ok(pending instanceof Promise, 'nothing throws synchronously');
    await assert.rejects(pending, (err) => {
      assert.ok(err instanceof TypeError);
      assert.match(err.message, /^quotelens: annotate\(\) expects a string, got /);
      return true;
    });
  }
});

test('malformed options are rejected with an Error naming the field', async () => {
  const cases = [
    [5, /options must be an object/],
    ['quotes', /options must be an object/],
    [['quotes'], /options must be an object/],
    [{ kinds: 'quotes' }, /options\.kinds must be an array/],
    [{ kinds: ['quotes', 'entities'] }, /options\.kinds: unknown kind `entities`/],
    [{ kinds: [1] }, /options\.kinds: each kind must be a string/],
    [{ minScore: 'high' }, /options\.minScore/],
    [{ minScore: NaN }, /options\.minScore must be a number/],
    [{ minScore: '0.5' }, /options\.minScore must be a number/],
  ];
  for (const [options, message] of cases) {
    await assert.rejects(annotate('“Hi,” she said.', options), (err) => {
      assert.ok(err instanceof Error, `${JSON.stringify(options)}: an Error`);
      assert.match(err.message, /^quotelens: /);
      assert.match(err.message, message);
      return true;
    });
  }
  // The module is still healthy afterwards.
  assert.equal((await annotate('')).version, 1);
});
