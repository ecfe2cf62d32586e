#!/usr/bin/env node
/**
 * The first `annotateSync` on a fresh page in Debian's Chromium: Chromium compiles wasm lazily,
 * so the first call after `init()` pays for compiling what it reaches (docs/PERFORMANCE.md,
 * "The first call"). For each build given, `RUNS` fresh pages (interleaved between builds):
 * the time of `init()`, then, 200 ms later, of one annotateSync of the ~10,000-word article.
 *
 *   node bench/first-call.mjs [RUNS] [DIST…]     (default: 12 runs of dist/; npm run build first)
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { ROOT, loadCorpus, articlesOfWords } from './corpus.mjs';

const text = articlesOfWords(loadCorpus().docs, 10000).join('\n\n');
const runs = Number(process.argv[2]) || 12;
const dists = process.argv.length > 3 ? process.argv.slice(3) : [path.join(ROOT, 'dist')];
const servers = dists.map((dist) => { const s = http.createServer((req, res) => {
  if (!req.url.startsWith('/quotelens')) { res.setHeader('content-type', 'text/html'); return res.end('<!doctype html><body>t</body>'); }
  res.setHeader('content-type', req.url.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
  res.end(readFileSync(dist + req.url));
}).listen(0); return s; });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const res = dists.map(() => []);
for (let run = 0; run < runs; run++) {
  for (const [k, s] of servers.entries()) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${s.address().port}/`);
    const r = await page.evaluate(async (text) => {
      const ql = await import('/quotelens.js');
      const i0 = performance.now(); await ql.init(); const i1 = performance.now();
      await new Promise((r) => setTimeout(r, 200));
      const t0 = performance.now(); ql.annotateSync(text); const t1 = performance.now();
      return [i1 - i0, t1 - t0];
    }, text);
    res[k].push(r);
    await ctx.close();
  }
}
const med = (a) => { const b = [...a].sort((x, y) => x - y); return b[b.length >> 1].toFixed(1); };
for (const [k, d] of dists.entries()) console.log(d, 'init median', med(res[k].map((r) => r[0])), 'first call median', med(res[k].map((r) => r[1])), 'init+first median', med(res[k].map((r) => r[0] + r[1])), 'first calls', res[k].map((r) => r[1].toFixed(0)).join(' '));
await browser.close(); for (const s of servers) s.close();
