#!/usr/bin/env node
/**
 * Download sizes of the built package, raw and gzip (zlib level 9, as scripts/build.mjs
 * reports), against DESIGN.md's budgets; and, when `twiggy` is installed
 * (`cargo install twiggy`), the 15 largest items of the wasm.
 *
 *   node bench/size.mjs [--json]      (npm run build first)
 *
 * twiggy reads target/wasm-bindgen/quotelens_bg.wasm: the shipped module before wasm-opt, which
 * still has its name section (dist/ is stripped), so items have names; sizes are pre-wasm-opt.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { ROOT } from './corpus.mjs';

export const BUDGET = { 'quotelens_bg.wasm': 150 * 1024, 'quotelens.js': 15 * 1024 };

export function sizes() {
  return ['quotelens_bg.wasm', 'quotelens.js', 'quotelens.embed.js'].map((name) => {
    const file = path.join(ROOT, 'dist', name);
    if (!existsSync(file)) return { name, missing: true };
    const bytes = readFileSync(file);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    return { name, raw: bytes.length, gzip, brotli: brotliCompressSync(bytes).length,
      budget: BUDGET[name] ?? null, ok: BUDGET[name] ? gzip <= BUDGET[name] : null };
  });
}

function twiggyBin() {
  for (const bin of ['twiggy', path.join(process.env.CARGO_HOME || path.join(homedir(), '.cargo'), 'bin', 'twiggy')]) {
    try {
      execFileSync(bin, ['--version'], { stdio: 'ignore' });
      return bin;
    } catch { /* next */ }
  }
  return null;
}

/** twiggy's top `n` items as `{ bytes, percent, item }`, or null without twiggy or the file. */
export function twiggyTop(n = 15, wasm = path.join(ROOT, 'target/wasm-bindgen/quotelens_bg.wasm')) {
  const bin = twiggyBin();
  if (!bin || !existsSync(wasm)) return null;
  const csv = execFileSync(bin, ['top', '-n', String(n), '-f', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const rows = [];
  for (const line of csv.trim().split('\n').slice(1)) {
    const m = line.match(/^(.*),(\d+),([\d.]+),[^,]*,[^,]*$/);
    if (m) rows.push({ item: m[1].replace(/^"(.*)"$/, '$1').replace(/""/g, '"'), bytes: Number(m[2]), percent: Number(m[3]) });
  }
  return { file: path.relative(ROOT, wasm), rows };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = { sizes: sizes(), twiggy: twiggyTop() };
  if (process.argv.includes('--json')) console.log(JSON.stringify(out));
  else console.log(JSON.stringify(out, null, 2));
}
