// The package as npm would publish it: what `files` and `exports` name exists, nothing else is
// packed, the embed is a classic script carrying the wasm, and the sizes keep to DESIGN.md's
// download budgets (bytes, not timings, so this is deterministic).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { ROOT } from './helpers.mjs';

const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8'));
const read = (path) => readFileSync(new URL(path, ROOT));
const gzip = (path) => gzipSync(read(path), { level: 9 }).length;

test('package.json: ES module with an exports map whose targets exist', () => {
  assert.equal(pkg.name, 'quotelens');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.exports['.'].types, './dist/quotelens.d.ts');
  assert.equal(Object.keys(pkg.exports['.'])[0], 'types', 'types first, as TypeScript requires');
  for (const target of [pkg.exports['.'].types, pkg.exports['.'].default, ...Object.values(pkg.exports).filter((t) => typeof t === 'string')]) {
    assert.ok(existsSync(new URL(target, ROOT)), `${target} exists`);
  }
  assert.ok(Array.isArray(pkg.sideEffects) && pkg.sideEffects.every((p) => /embed\.js$/.test(p)), 'only the embed has side effects');
});

test('npm pack holds the built files, README and licences, and nothing else', () => {
  const [{ files }] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: fileURLToPath(ROOT), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  assert.deepEqual(files.map((f) => f.path).sort(), [
    'LICENSE', 'LICENSE-APACHE', 'LICENSE-MIT', 'README.md',
    'dist/quotelens.d.ts', 'dist/quotelens.embed.js', 'dist/quotelens.js', 'dist/quotelens_bg.wasm',
    'package.json',
  ]);
});

test('the entry re-exports the core and the page API', async () => {
  const api = await import('quotelens');
  assert.deepEqual(Object.keys(api).sort(), ['annotate', 'annotateSync', 'highlight', 'init', 'toWebAnnotations', 'version']);
});

test('the embed is a classic script with the wasm inlined', () => {
  const source = read('dist/quotelens.embed.js').toString('utf8');
  assert.doesNotThrow(() => new Script(source, { filename: 'quotelens.embed.js' }), 'parses as a non-module script');
  const magic = read('dist/quotelens_bg.wasm').subarray(0, 48).toString('base64').slice(0, 60);
  assert.ok(source.includes(magic), 'the optimised .wasm, base64-encoded');
  assert.ok(!/\bimport\.meta\b/.test(source), 'no import.meta in a classic script');
});

test('download sizes keep to the budgets (gzip): wasm ≤ 150 KB, JS ≤ 15 KB', () => {
  const wasm = gzip('dist/quotelens_bg.wasm');
  const js = gzip('dist/quotelens.js');
  assert.ok(wasm <= 150 * 1024, `quotelens_bg.wasm: ${wasm} bytes gzipped`);
  assert.ok(js <= 15 * 1024, `quotelens.js: ${js} bytes gzipped`);
});
