#!/usr/bin/env node
/**
 * The page side in Debian's Chromium (headless, via playwright-core): `highlight()` from the
 * BUILT dist/quotelens.js on generated article pages, module already initialised.
 *
 *   node bench/page.mjs [--runs N] [--json] [--dist DIR]   (npm run build first; --dist: another
 *                                                         build's dist/, for an A/B run)
 *
 * - 10,000-word page: median of N `await highlight(article)` calls (each view cleared before
 *   the next), timed with performance.now(); also the core's share (`annotateSync` on the same
 *   text) and the longest main-thread task seen meanwhile. Budget: under 16 ms (one frame).
 * - 1 MB page: one `highlight()` on a fresh page, twice: as shipped (annotated in the Worker)
 *   and with `worker: false` (annotated in slices on the main thread, what a page whose CSP
 *   forbids workers gets). Every main-thread task over 50 ms reported by the Long Tasks API
 *   (PerformanceObserver type 'longtask') from just before the call until 1.5 s after it
 *   settled (which includes scrolling through the page in 8 jumps: the highlights follow
 *   the viewport, and then `view.clear()`, whose longest task is also given apart), and, from the Long Animation Frames API, the longest script run and the longest
 *   rendering (style, layout, paint) in those frames, to tell our code's share from the
 *   browser's. Budget: no task over 50 ms.
 *
 * QUOTELENS_KEEP_TRACE=1 keeps the two 1 MB traces (in the temp directory, for DevTools).
 *
 * The pages are made from the same corpus as the other benchmarks (articles as <h2> + <p>), and
 * served with the repository root by a tiny static server on 127.0.0.1.
 */
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ROOT, loadCorpus, articlesOfWords, articlesOfBytes, articlePage, median } from './corpus.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json' };

async function serve(pages, dist) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (pages[url.pathname]) {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(pages[url.pathname]);
      return;
    }
    const [root, rel] = dist && url.pathname.startsWith('/dist/') ? [dist, url.pathname.slice(5)] : [ROOT, url.pathname];
    const file = path.join(root, path.normalize(decodeURIComponent(rel)));
    if (!file.startsWith(root + path.sep)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/** In the page: every long task from now until `stop()`, and the longest. */
const LONGTASKS = `(() => {
  const tasks = [], scripts = [], renders = [];
  const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
  po.observe({ type: 'longtask' });
  // Long animation frames (Chromium 123+): how much of each long frame was script, how much rendering.
  const loaf = (list) => {
    for (const e of list.getEntries()) {
      for (const s of e.scripts || []) scripts.push(s.duration);
      if (e.renderStart) renders.push(e.startTime + e.duration - e.renderStart);
    }
  };
  let lo = null;
  try { lo = new PerformanceObserver(loaf); lo.observe({ type: 'long-animation-frame' }); } catch { lo = null; }
  window.__longtasks = { tasks, stop: async (wait = 200) => {
    await new Promise((r) => setTimeout(r, wait)); // let the observers deliver
    for (const e of po.takeRecords()) tasks.push(e.duration);
    po.disconnect();
    if (lo) { loaf({ getEntries: () => lo.takeRecords() }); lo.disconnect(); }
    return { tasks, scripts, renders };
  } };
})()`;

/**
 * The renderer main thread's tasks in a Chromium trace (the longest by thread CPU time, the
 * longest by wall time, and how many took over 50 ms of CPU), from the first task that ran our
 * `highlight()` call on: RunTask events of CrRendererMain with `dur` (wall) and `tdur` (CPU).
 * `clear`: the same from the `quotelens-clear` mark on (the page's `view.clear()`). `style`:
 * the style recalc (UpdateLayoutTree, CPU) inside the longest task.
 */
function mainThreadTasks(file) {
  const events = JSON.parse(readFileSync(file, 'utf8')).traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = (e) => main.has(`${e.pid}:${e.tid}`);
  const tasks = events.filter((e) => e.name === 'RunTask' && onMain(e) && e.dur !== undefined);
  const styles = events.filter((e) => e.name === 'UpdateLayoutTree' && e.ph === 'X' && onMain(e));
  const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'quotelens-clear')?.ts ?? Infinity;
  const ms = (us) => Math.round((us || 0) / 100) / 10;
  const longest = (list) => list.reduce((a, e) => ((e.tdur || 0) > (a?.tdur || 0) ? e : a), null);
  const style = (t) => ms(styles.filter((e) => t && e.ts >= t.ts && e.ts < t.ts + t.dur).reduce((n, e) => n + (e.tdur || 0), 0));
  const top = longest(tasks.filter((e) => e.ts < mark)), topClear = longest(tasks.filter((e) => e.ts + e.dur >= mark));
  return {
    cpu: ms(top?.tdur), style: style(top),
    wall: ms(Math.max(0, ...tasks.filter((e) => e.ts < mark).map((e) => e.dur))),
    over50: tasks.filter((e) => (e.tdur || 0) > 50_000).map((e) => ms(e.tdur)),
    clear: { cpu: ms(topClear?.tdur), wall: ms(topClear?.dur), style: style(topClear) },
  };
}

export async function benchPage({ runs = 7, corpus = loadCorpus(), words = 10_000, bigBytes = 1_000_000, dist = null } = {}) {
  if (!existsSync(path.join(dist || path.join(ROOT, 'dist'), 'quotelens.js'))) throw new Error('dist/quotelens.js is missing: run `npm run build`');
  const small = articlesOfWords(corpus.docs, words);
  const big = articlesOfBytes(corpus.docs, bigBytes);
  const server = await serve({ '/bench-10k.html': articlePage(small, '10,000 words'), '/bench-1mb.html': articlePage(big, '1 MB') }, dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const open = async (p) => {
      const tab = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      const errors = [];
      tab.on('pageerror', (e) => errors.push(String(e)));
      await tab.goto(server.origin + p);
      await tab.waitForFunction(() => window.ready === true, null, { timeout: 60_000 });
      tab.errors = errors;
      return tab;
    };

    // 10,000 words, repeated.
    const errors = [];
    const tab = await open('/bench-10k.html');
    await tab.evaluate(LONGTASKS);
    // Run from a page task (setTimeout), not from the DevTools evaluation itself, so the Long
    // Tasks API sees the work as it would on a real page.
    const small10k = await tab.evaluate((runs) => new Promise((resolve, reject) => setTimeout(async () => {
      try {
        const el = document.getElementById('story');
        const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const highlight = [], core = [];
        let view, found = 0;
        for (let i = 0; i <= runs; i++) {
          view?.clear();
          await frame();
          const t0 = performance.now();
          view = await window.ql.highlight(el);
          const t1 = performance.now();
          await frame();
          const c0 = performance.now();
          window.ql.annotateSync(view.text);
          const c1 = performance.now();
          if (i > 0) { highlight.push(t1 - t0); core.push(c1 - c0); } // the first is the warm-up
          found = view.annotations.quotes.length + view.annotations.claims.length;
        }
        const words = view.text.split(/\s+/).filter(Boolean).length;
        resolve({ highlight, core, chars: view.text.length, words, found });
      } catch (err) { reject(err); }
    }, 0)), runs);
    const tasks10k = (await tab.evaluate(() => window.__longtasks.stop())).tasks;

    // 1 MB, once per path, each on a fresh page.
    const bigRuns = {};
    for (const [name, options] of [['worker', {}], ['slices', { worker: false }]]) {
      const tabBig = await open('/bench-1mb.html');
      await tabBig.evaluate(LONGTASKS);
      // A trace of the renderer gives each main-thread task's thread CPU time too (RunTask's
      // `tdur`), which, unlike wall time, does not grow with the machine's load.
      const tracePath = path.join(os.tmpdir(), `quotelens-page-${process.pid}-${name}.json`);
      await browser.startTracing(tabBig, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      const run = await tabBig.evaluate((options) => new Promise((resolve, reject) => setTimeout(async () => {
        try {
          const t0 = performance.now();
          const view = await window.ql.highlight(document.getElementById('story'), options);
          const t1 = performance.now();
          const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          await frame();
          // Then a reader scrolling through it in 8 jumps (highlights follow the viewport),
          // inside the traced and observed window: ranges registered at each stop.
          const ranges = () => [...CSS.highlights].reduce((n, [, hl]) => n + hl.size, 0);
          const painted = [ranges()];
          for (let i = 1; i <= 8; i++) {
            scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * i / 8);
            await frame();
            await frame();
            painted.push(ranges());
          }
          // And the reader closing it: clear() and the frames after it (also traced).
          console.timeStamp('quotelens-clear');
          const c0 = performance.now();
          view.clear();
          const c1 = performance.now();
          await frame();
          await frame();
          resolve({ ms: t1 - t0, clear_ms: c1 - c0, chars: view.text.length, stats: view.stats, painted,
            found: view.annotations.quotes.length + view.annotations.claims.length });
        } catch (err) { reject(err); }
      }, 0)), options);
      const seen = await tabBig.evaluate(() => window.__longtasks.stop(1500));
      await browser.stopTracing();
      bigRuns[name] = { ...run, ...seen, cpu: mainThreadTasks(tracePath) };
      if (!process.env.QUOTELENS_KEEP_TRACE) rmSync(tracePath, { force: true }); // kept: for DevTools (Performance → Load profile)
      tabBig.errors.forEach((e) => errors.push(e));
      await tabBig.context().close();
    }

    return {
      chromium: browser.version(),
      words10k: {
        words: small10k.words, chars: small10k.chars, found: small10k.found, runs,
        highlight_ms: median(small10k.highlight), highlight_min_ms: Math.min(...small10k.highlight),
        core_ms: median(small10k.core), core_min_ms: Math.min(...small10k.core),
        highlight_all: small10k.highlight, core_all: small10k.core, longest_task_ms: Math.max(0, ...tasks10k), long_tasks: tasks10k.length,
      },
      mb1: Object.fromEntries(Object.entries(bigRuns).map(([name, b]) => [name, {
        chars: b.chars, found: b.found, mode: b.stats?.mode, tasks: b.stats?.tasks, highlight_ms: b.ms, ranges_while_scrolling: b.painted,
        longest_task_ms: Math.max(0, ...b.tasks), long_tasks: b.tasks.length, tasks_over_50ms: b.tasks.map(Math.round),
        longest_script_ms: Math.max(0, ...b.scripts), longest_render_ms: Math.max(0, ...b.renders),
        longest_task_cpu_ms: b.cpu.cpu, longest_task_style_cpu_ms: b.cpu.style, longest_task_traced_wall_ms: b.cpu.wall,
        tasks_over_50ms_cpu: b.cpu.over50, clear_ms: b.clear_ms, clear_longest_task_cpu_ms: b.cpu.clear.cpu,
        clear_longest_task_wall_ms: b.cpu.clear.wall, clear_longest_task_style_cpu_ms: b.cpu.clear.style,
      }])),
      errors: [...tab.errors, ...errors],
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
  const dist = args.includes('--dist') ? path.resolve(args[args.indexOf('--dist') + 1]) : null;
  const out = await benchPage({ runs, dist });
  if (args.includes('--json')) console.log(JSON.stringify(out));
  else console.log(JSON.stringify(out, null, 2));
}
