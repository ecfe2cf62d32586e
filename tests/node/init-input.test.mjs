// init() accepts an explicit module, the way the one-tag embed passes its inlined bytes.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { annotateSync, init } from 'quotelens';
import { ROOT } from './helpers.mjs';

test('a bad input rejects with a clear Error, and a good one can follow', async () => {
  await assert.rejects(init(new Uint8Array([1, 2, 3])), /^Error: quotelens: could not load the WebAssembly module/);
  const bytes = await readFile(new URL('dist/quotelens_bg.wasm', ROOT));
  await init(await WebAssembly.compile(bytes));
  assert.equal(annotateSync('').version, 1);
});
