// The loader's contract: annotateSync needs init first, init is idempotent, and the package
// reports its version. (Each test file runs in its own process, so nothing is loaded yet.)
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { annotate, annotateSync, init, version } from 'quotelens';
import { ROOT } from './helpers.mjs';

test('annotateSync and version before init throw a clear Error', () => {
  assert.throws(() => annotateSync('text'), /^Error: quotelens: .*await init\(\) first/);
  assert.throws(() => version(), /await init\(\) first/);
  assert.throws(() => annotateSync(42), TypeError, 'text is checked first');
});

test('init is idempotent and later inputs are ignored', async () => {
  const first = init();
  assert.equal(init(new URL('file:///nonexistent.wasm')), first, 'the same promise');
  await first;
  await init('this is not a module');
  const result = annotateSync('“Fine,” she said.');
  assert.equal(result.version, 1);
  assert.deepEqual(await annotate('“Fine,” she said.'), result);
});

test('version() is the crate version, which is the package version', async () => {
  await init();
  const pkg = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8'));
  const cargo = await readFile(new URL('Cargo.toml', ROOT), 'utf8');
  assert.equal(version(), cargo.match(/^version = "(.+)"$/m)[1]);
  assert.equal(version(), pkg.version);
});
