#!/usr/bin/env node
/**
 * Where `highlight()`'s time goes on the 10,000-word page (the page benchmark's), in Debian's
 * Chromium: a CPU profile (CDP Profiler, 100 µs sampling) over N `highlight()` + `clear()`
 * rounds, reported bottom-up (self time per function, our files only named), and a trace of
 * the same rounds: the style recalcs and layouts that ran INSIDE `highlight()` (forced by our
 * own reads), apart from those of the frames after it.
 *
 *   node bench/page-profile.mjs [--runs N] [--dist DIR] [--lines] [--options JSON]   (npm run build first;
 *                                 --options: highlight()'s, e.g. '{"panel":false}')
 *
 * Function names need an unminified build: `minify: false` in scripts/build.mjs, written to
 * another directory, passed with --dist. `--lines`: where inside our functions the samples
 * fell (line numbers of that build). A build carrying `performance.mark('ql:NAME')` calls
 * (say, between the steps of view.js's run()) also gets the time from mark to mark, per step.
 * Rounds: profiled, then traced, then marked (N each); medians of each.
 */
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, loadCorpus, articlesOfWords, articlePage, median } from './corpus.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 20;
const options = args.includes('--options') ? JSON.parse(args[args.indexOf('--options') + 1]) : undefined;
const dist = args.includes('--dist') ? path.resolve(args[args.indexOf('--dist') + 1]) : path.join(ROOT, 'dist');

const articles = articlesOfWords(loadCorpus().docs, 10_000);
const html = articlePage(articles, '10k');

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/p.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  if (!url.pathname.startsWith('/dist/')) return void res.writeHead(404).end();
  try {
    const file = path.join(dist, path.basename(url.pathname));
    const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
    res.writeHead(200, { 'content-type': type }).end(await readFile(file));
  } catch { res.writeHead(404).end(); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const tab = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  await tab.goto(`${origin}/p.html`);
  await tab.waitForFunction(() => window.ready === true, null, { timeout: 60_000 });
  const rounds = (n) => tab.evaluate(([n, options]) => new Promise((resolve) => setTimeout(async () => {
    const el = document.getElementById('story');
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const times = [], parts = [];
    let view;
    for (let i = 0; i < n; i++) {
      console.timeStamp('ql-clear');
      view?.clear();
      await frame();
      console.timeStamp('ql-start');
      const t0 = performance.now();
      view = await window.ql.highlight(el, options);
      times.push(performance.now() - t0);
      // Marks left by an instrumented build (performance.mark('ql:…')): time between them.
      const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ql:'));
      performance.clearMarks();
      let prev = t0;
      const part = {};
      for (const m of marks) { part[m.name.slice(3)] = m.startTime - prev; prev = m.startTime; }
      if (marks.length) part.end = performance.now() - prev - (performance.now() - t0 - times.at(-1));
      parts.push(part);
      console.timeStamp('ql-end');
      await frame();
    }
    view.clear();
    resolve({ times, parts });
  }, 0)), [n, options]);
  await rounds(3); // warm-up

  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const profiled = (await rounds(runs)).times;
  const { profile } = await cdp.send('Profiler.stop');

  const tracePath = path.join(os.tmpdir(), `quotelens-profile-${process.pid}.json`);
  await browser.startTracing(tab, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.console'] });
  const traced = (await rounds(runs)).times;
  const { times: marked, parts } = await rounds(runs);
  const names = [...new Set(parts.flatMap(Object.keys))];
  await browser.stopTracing();

  // Bottom-up self time from the samples.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const file = f.url ? f.url.split('/').pop() : '';
    const key = `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) || 0) + (dt[i + 1] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // Inclusive (total) time: each sample counted once for every function on its stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n).callFrame;
      if (!f.url.includes('quotelens')) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) || 0) + (dt[i + 1] ?? 0) / 1000);
    }
  });
  const top = [...self].filter(([k]) => !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1]).slice(0, 40);

  // Trace: events inside ql-start..ql-end, on the renderer main thread.
  const events = JSON.parse(readFileSync(tracePath, 'utf8')).traceEvents;
  rmSync(tracePath, { force: true });
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`));
  const marks = onMain.filter((e) => e.name === 'TimeStamp').map((e) => [e.args?.data?.message, e.ts]);
  const windows = [];
  for (let i = 0; i < marks.length; i++) if (marks[i][0] === 'ql-start' && marks[i + 1]?.[0] === 'ql-end') windows.push([marks[i][1], marks[i + 1][1]]);
  // Thread CPU of the task that ran each highlight() (RunTask `tdur`): the load inflates it less than wall time.
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur !== undefined);
  const cpu = windows.map(([a]) => tasks.find((t) => t.ts <= a && a < t.ts + t.dur)?.tdur / 1000).filter((x) => x > 0);
  const inside = (e) => windows.some(([a, b]) => e.ts >= a && e.ts < b);
  // Thread CPU (tdur) where the trace has it, else wall.
  const sum = (name, pred) => onMain.filter((e) => e.name === name && e.ph === 'X' && pred(e)).reduce((n, e) => n + (e.tdur ?? e.dur ?? 0), 0) / 1000 / windows.length;
  // After highlight() settled, until the next round's clear(): the frame that renders it.
  const clears = marks.filter(([m]) => m === 'ql-clear').map(([, ts]) => ts);
  const nextFrame = (e) => windows.some(([, b]) => e.ts >= b && e.ts < (clears.find((c) => c > b) ?? b + 50_000));
  // Line ticks of our own functions (where in them the samples fell), with --lines.
  const lines = new Map();
  if (args.includes('--lines')) {
    for (const n of profile.nodes) {
      if (!n.callFrame.url.includes('quotelens.js')) continue;
      for (const t of n.positionTicks || []) lines.set(`${n.callFrame.functionName}:${t.line}`, (lines.get(`${n.callFrame.functionName}:${t.line}`) || 0) + t.ticks);
    }
  }
  const report = {
    runs, chromium: browser.version(),
    highlight_ms_profiled: { median: median(profiled), min: Math.min(...profiled) },
    highlight_ms_marked: { median: median(marked), min: Math.min(...marked) },
    parts_ms_median_min: Object.fromEntries(names.map((n) => { const v = parts.map((p) => p[n] ?? 0); return [n, `${median(v).toFixed(2)} (${Math.min(...v).toFixed(2)})`]; })),
    highlight_ms_traced: { median: median(traced), min: Math.min(...traced) },
    highlight_thread_cpu_ms_traced: { median: median(cpu), min: Math.min(...cpu) },
    per_run_inside_highlight_ms: Object.fromEntries(['UpdateLayoutTree', 'Layout', 'MajorGC', 'MinorGC'].map((n) => [n, +sum(n, inside).toFixed(2)])),
    per_run_frame_after_ms: Object.fromEntries(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer'].map((n) => [n, +sum(n, nextFrame).toFixed(2)])),
    self_ms_per_run: top.map(([k, v]) => `${(v / runs).toFixed(2).padStart(7)}  ${k}`),
    total_ms_per_run: [...incl].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / runs).toFixed(2).padStart(7)}  ${k}`),
    line_ticks: [...lines].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${String(v).padStart(6)}  ${k}`),
    profiled_total_ms_per_run: +(total / runs).toFixed(1),
    errors,
  };
  console.log(JSON.stringify(report, null, 1));
} finally {
  await browser.close();
  server.close();
}
