#!/usr/bin/env node
/**
 * `highlight()` on the 10,000-word page (the page benchmark's), two or more builds A/B in one
 * Chromium: each build on its own tab, ROUNDS rounds of RUNS calls (after a warm-up), the builds
 * taking turns round by round, so the machine's load falls on all alike. Reports per build the
 * wall time (performance.now() around `await highlight()`) and the **thread CPU time** of the
 * task that ran it (a trace's RunTask `tdur`), which the load of a shared machine inflates far
 * less than wall time.
 *
 *   node bench/page-ab.mjs ROUNDS RUNS DIST_A DIST_B …   (each DIST a build's dist/ directory)
 */
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { loadCorpus, articlesOfWords, articlesHtml, median } from './corpus.mjs';
const [rounds, runs, ...dists] = [Number(process.argv[2]), Number(process.argv[3]), ...process.argv.slice(4).map((d) => path.resolve(d))];
if (!(rounds > 0 && runs > 0 && dists.length)) {
  console.error('usage: node bench/page-ab.mjs ROUNDS RUNS DIST_A [DIST_B …]');
  process.exit(2);
}
const articles = articlesOfWords(loadCorpus().docs, 10_000);
const body = articlesHtml(articles);
const html = (i) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>10k</title><body><main><article id="story">${body}</article></main>
<script type="module">import * as ql from '/d${i}/quotelens.js'; await ql.init(); window.ql = ql; window.ready = true;</script></body></html>`;
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  let m;
  if ((m = url.pathname.match(/^\/p(\d)\.html$/))) return void res.writeHead(200, { 'content-type': 'text/html' }).end(html(m[1]));
  if ((m = url.pathname.match(/^\/d(\d)\/(.*)$/))) { try { const f = path.join(dists[m[1]], m[2]); const b = await readFile(f); return void res.writeHead(200, { 'content-type': f.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' }).end(b); } catch {} }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const tabs = [];
for (let i = 0; i < dists.length; i++) {
  const tab = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  tab.on('pageerror', (e) => console.log('pageerror', i, String(e)));
  await tab.goto(`http://127.0.0.1:${server.address().port}/p${i}.html`);
  await tab.waitForFunction(() => window.ready === true);
  tabs.push(tab);
}
const go = (tab, n) => tab.evaluate((n) => new Promise((resolve) => setTimeout(async () => {
  const el = document.getElementById('story');
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const times = []; let view;
  for (let i = 0; i <= n; i++) {
    view?.clear(); await frame();
    console.timeStamp('ql-start');
    const t0 = performance.now(); view = await window.ql.highlight(el); const t1 = performance.now();
    if (i) times.push(t1 - t0);
    await frame();
  }
  view.clear();
  resolve(times);
}, 0)), n);
const wall = dists.map(() => []), cpu = dists.map(() => []);
for (let r = 0; r < rounds; r++) for (let i = 0; i < dists.length; i++) {
  const tracePath = path.join(os.tmpdir(), `quotelens-ab-${process.pid}.json`);
  await browser.startTracing(tabs[i], { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  wall[i].push(...await go(tabs[i], runs));
  await browser.stopTracing();
  const ev = JSON.parse(readFileSync(tracePath, 'utf8')).traceEvents; rmSync(tracePath);
  const main = new Set(ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const on = ev.filter((e) => main.has(`${e.pid}:${e.tid}`));
  const marks = on.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'ql-start').map((e) => e.ts).slice(1);
  const tasks = on.filter((e) => e.name === 'RunTask' && e.dur !== undefined);
  for (const m of marks) { const t = tasks.find((t) => t.ts <= m && m < t.ts + t.dur); if (t) cpu[i].push(t.tdur / 1000); }
}
const f = (xs) => `median ${median(xs).toFixed(1)}  min ${Math.min(...xs).toFixed(1)}  (n=${xs.length})`;
dists.forEach((d, i) => console.log(`${d}\n  wall ${f(wall[i])}\n  cpu  ${f(cpu[i])}`));
await browser.close(); server.close();
