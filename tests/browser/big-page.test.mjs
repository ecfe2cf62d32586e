/**
 * Big pages on the built package (dist/): a 1 MB article is annotated in a Worker (or, where
 * the page's CSP forbids workers, in slices) and collected, painted and listed over many short
 * tasks, with the same findings as the synchronous core; a pass in flight can be cancelled.
 *
 * These assert behaviour (which path ran, that the work was spread over tasks, the results),
 * not speed; the one timing check has a wide margin for a shared machine. The figures are
 * bench/page.mjs's.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, open, esc, SEED_PATH } from './_harness.mjs';
import { loadCorpus, utf8Length } from '../../bench/corpus.mjs';

const SEED = readFileSync(SEED_PATH, 'utf8');
const NONCE = 'quotelens-test';

/** Articles as <section><h2>…</h2><p>…</p></section>, as bench/page.mjs makes them. */
function articleHtml(docs) {
  return docs.map((a) => {
    const [head, ...paras] = a.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    return `<section><h2>${esc(head)}</h2>\n${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}</section>`;
  }).join('\n');
}

/** Corpus articles in turn until `bytes` of UTF-8. */
function articles(bytes) {
  const { docs } = loadCorpus();
  const out = [];
  for (let i = 0, n = 0; n < bytes; i = (i + 1) % docs.length) {
    out.push(docs[i].trimEnd());
    n += utf8Length(docs[i]);
  }
  return out;
}

/**
 * A page with `body` in <article id="story">; its module script loads dist/, and records
 * errors, unhandled rejections and CSP violations in `window.seen`.
 */
const page = (body) => `<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,">
<title>big</title><body><main><article id="story">${body}</article></main>
<script type="module" nonce="${NONCE}">
  window.seen = { errors: [], rejections: [], violations: [] };
  addEventListener('error', (e) => seen.errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => seen.rejections.push(String(e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => seen.violations.push(e.effectiveDirective + ' ' + e.blockedURI));
  // What a view shows: its mode, its findings, and what is painted and listed of them.
  window.shown = (view) => ({
    stats: view.stats,
    quotes: view.annotations.quotes.length,
    claims: view.annotations.claims.length,
    ranges: [...CSS.highlights].reduce((n, [, hl]) => n + hl.size, 0),
    spans: [...view.annotations.quotes, ...view.annotations.claims].reduce((n, a) => n + (a.parts?.length || 1), 0),
    listed: document.querySelector('[data-quotelens-ui]')?.shadowRoot.querySelectorAll('.sr li').length ?? 0,
  });
  const ql = await import('/dist/quotelens.js');
  await ql.init();
  window.ql = ql;
  window.ready = true;
</script></body></html>`;

const CSP = `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'wasm-unsafe-eval'; worker-src 'none'; style-src 'self'; img-src 'self' data:`;

let server, browser;
before(async () => {
  const big = articleHtml(articles(1_000_000));
  const mid = articleHtml(articles(300_000));
  // The seed repeated past the synchronous limit (100,000 characters): two 64 K pieces.
  const seed = Array.from({ length: 60 }, () => articleHtml([SEED])).join('\n');
  const embed = (attrs) => `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><body>
<article>${mid}</article><script src="/dist/quotelens.embed.js" data-target="article" ${attrs}></script>`;
  server = await serve({
    '/big.html': { body: page(big) },
    '/mid.html': { body: page(mid) },
    '/mid-csp.html': { body: page(mid), headers: { 'content-security-policy': CSP } },
    '/seed-csp.html': { body: page(seed), headers: { 'content-security-policy': CSP } },
    '/seed.html': { body: page(seed) },
    '/embed.html': { body: embed('') },
    '/embed-slices.html': { body: embed('data-worker="false"') },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

async function load(path) {
  const p = await open(browser, server.url(path));
  await p.waitForFunction(() => window.ready === true, null, { timeout: 60_000 });
  return p;
}

/** Quotes and claims without what may differ between pieces (the entity a speaker resolves to). */
const spansOf = (r) => ['quotes', 'claims'].map((k) => r[k].map((a) => {
  const { id, speaker, ...rest } = a;
  return { ...rest, speaker: speaker && { start: speaker.start, end: speaker.end, text: speaker.text } };
}));

test('a 1 MB page: annotated in a Worker, spread over short tasks, the synchronous result, painted and listed in full', async (t) => {
  const p = await load('/big.html');
  const r = await p.evaluate(async () => {
    const long = [], scripts = [];
    const lt = new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(Math.round(e.duration)); });
    lt.observe({ type: 'longtask' });
    const lo = new PerformanceObserver((l) => { for (const e of l.getEntries()) for (const s of e.scripts) scripts.push(Math.round(s.duration)); });
    lo.observe({ type: 'long-animation-frame' });
    // From a task of the page's own, as a page script would call it.
    const t0 = performance.now();
    const view = await new Promise((resolve) => setTimeout(() => resolve(window.ql.highlight(document.getElementById('story'))), 0));
    const ms = performance.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    lt.disconnect();
    lo.disconnect();
    const out = { ...shown(view), long, scripts, ms };
    out.same = JSON.stringify(view.annotations) === JSON.stringify(window.ql.annotateSync(view.text));
    out.chars = view.text.length;
    view.clear();
    out.left = CSS.highlights.size + document.querySelectorAll('[data-quotelens-ui], [data-quotelens]').length + document.adoptedStyleSheets.length;
    return out;
  });
  t.diagnostic(`${r.chars} chars, ${r.quotes} quotes, ${r.claims} claims; ${r.stats.tasks} tasks in ${r.ms.toFixed(0)} ms; ` +
    `long tasks ${JSON.stringify(r.long)}; longest script run ${Math.max(0, ...r.scripts)} ms`);
  assert.ok(r.chars > 900_000);
  assert.equal(r.stats.mode, 'worker');
  // More than one task. How many more depends on the machine's speed (5 on the development
  // machine, 4 on a faster CI run, which failed the ">= 5" this once asserted), so the tasks a
  // budget makes are asserted on steps of fixed length in tests/node/slice.test.mjs.
  assert.ok(r.stats.tasks > 1, `spread over ${r.stats.tasks} tasks`);
  assert.ok(r.same, 'the worker gives exactly what annotateSync gives');
  // Painted near the viewport (the rest as the reader scrolls: the next test), and listed for
  // screen readers a page (100) at a time.
  assert.ok(r.ranges > 0 && r.ranges < r.spans / 10, `${r.ranges} of ${r.spans} ranges painted`);
  assert.equal(r.listed, 101, 'the first 100 listed for screen readers, then "Show more"');
  // Our code runs in slices of ~12 ms (rendering the 1 MB page is the browser's, see
  // docs/PERFORMANCE.md). Wall times on a shared machine stretch with its load, so this asserts
  // the shape, not a figure: no single run of our script holds a tenth of the pass (the whole
  // pass was one task before). A fast machine's pass is short, so a run under 50 ms (not a long
  // task) always passes.
  const longest = Math.max(0, ...r.scripts);
  assert.ok(longest < Math.max(50, r.ms / 10), `longest script run ${longest} ms of a ${r.ms.toFixed(0)} ms pass`);
  assert.equal(r.left, 0, 'clear() leaves nothing');
  assert.deepEqual(p.errors, []);
});

test('a CSP that forbids workers: highlighted in slices, no error reaches the page, one CSP report at most', async () => {
  const p = await load('/mid-csp.html');
  const r = await p.evaluate(async () => {
    const el = document.getElementById('story');
    const view = await window.ql.highlight(el);
    const first = shown(view);
    const sync = window.ql.annotateSync(view.text);
    const violations = seen.violations.length;
    view.clear();
    const again = await window.ql.highlight(el); // the worker is not tried twice
    const second = { mode: again.stats.mode, violations: seen.violations.length - violations };
    again.clear();
    return { first, second, sync, annotations: view.annotations, seen };
  });
  assert.equal(r.first.stats.mode, 'slices');
  // Spread over tasks (of ~12 ms each). How many depends on the machine's speed, so no count
  // above one is asserted for this 300 KB page.
  assert.ok(r.first.stats.tasks > 1, `spread over ${r.first.stats.tasks} tasks`);
  assert.deepEqual(spansOf(r.annotations), spansOf(r.sync), 'the same quotes and claims as the synchronous core');
  assert.ok(r.first.ranges > 0 && r.first.ranges < r.first.spans, `${r.first.ranges} of ${r.first.spans}`);
  assert.equal(r.first.listed, 101);
  assert.deepEqual(r.second, { mode: 'slices', violations: 0 });
  assert.ok(r.seen.violations.length <= 1, r.seen.violations.join('\n'));
  assert.ok(r.seen.violations.every((v) => /^worker-src blob/.test(v)), r.seen.violations.join('\n'));
  assert.deepEqual({ errors: r.seen.errors, rejections: r.seen.rejections }, { errors: [], rejections: [] });
  assert.deepEqual(p.errors, []);
  assert.equal(p.logs.filter((l) => /quotelens/.test(l)).length, 0, p.logs.join('\n'));
});

test('worker and slices give exactly the synchronous result on the seed article repeated past the synchronous limit', async () => {
  for (const path of ['/seed.html', '/seed-csp.html']) {
    const p = await load(path);
    const r = await p.evaluate(async () => {
      const out = [];
      for (const options of [{}, { worker: false }]) {
        const view = await window.ql.highlight(document.getElementById('story'), options);
        out.push({ mode: view.stats.mode, chars: view.text.length, quotes: view.annotations.quotes.length,
          same: JSON.stringify(view.annotations) === JSON.stringify(window.ql.annotateSync(view.text)) });
        view.clear();
      }
      return out;
    });
    const worker = path === '/seed.html' ? 'worker' : 'slices';
    assert.deepEqual(r.map((x) => [x.mode, x.same]), [[worker, true], ['slices', true]], JSON.stringify(r));
    assert.ok(r[0].chars > 100_000 && r[0].quotes >= 60 * 5, JSON.stringify(r));
    assert.deepEqual(p.errors, []);
  }
});

test('a pass in flight is cancelled by the signal, by a newer refresh() and by clear(): nothing stale is painted', async () => {
  for (const worker of [true, false]) {
    const p = await load('/mid.html');
    const r = await p.evaluate(async (worker) => {
      const el = document.getElementById('story');
      const count = () => [...CSS.highlights].reduce((n, [, hl]) => n + hl.size, 0);
      const ui = () => document.querySelectorAll('[data-quotelens-ui]').length;
      // 1. The signal aborts the first pass part-way: the view comes back cleared.
      const ctrl = new AbortController();
      const pending = window.ql.highlight(el, { worker, signal: ctrl.signal });
      await new Promise((resolve) => setTimeout(resolve, 30));
      ctrl.abort();
      const aborted = await pending;
      const afterAbort = { stats: aborted.stats, ranges: count(), ui: ui() };
      // 2. Two refreshes: the first is cancelled, only the second paints.
      const view = await window.ql.highlight(el, { worker });
      const expected = count();
      const r1 = view.refresh();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const r2 = view.refresh();
      await Promise.all([r1, r2]);
      const afterRefresh = { ranges: count(), expected, ui: ui() };
      // 3. clear() while a refresh runs: nothing left, then or later.
      const r3 = view.refresh();
      await new Promise((resolve) => setTimeout(resolve, 20));
      view.clear();
      await r3;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { afterAbort, afterRefresh, afterClear: { ranges: count(), ui: ui(), sheets: document.adoptedStyleSheets.length },
        seen: window.seen };
    }, worker);
    assert.deepEqual(r.afterAbort, { stats: null, ranges: 0, ui: 0 }, `worker: ${worker}`);
    assert.equal(r.afterRefresh.ranges, r.afterRefresh.expected, 'painted once, not twice');
    assert.equal(r.afterRefresh.ui, 1);
    assert.deepEqual(r.afterClear, { ranges: 0, ui: 0, sheets: 0 });
    assert.deepEqual({ errors: r.seen.errors, rejections: r.seen.rejections }, { errors: [], rejections: [] });
    assert.deepEqual(p.errors, []);
  }
});

test('without the Highlight API a big page is wrapped in slices and unwrapped exactly', async () => {
  const p = await open(browser, server.url('/mid.html'), { fallback: true });
  await p.waitForFunction(() => window.ready === true, null, { timeout: 60_000 });
  const r = await p.evaluate(async () => {
    const el = document.getElementById('story');
    const before = el.innerHTML;
    const view = await window.ql.highlight(el);
    const marks = document.querySelectorAll('quotelens-mark[data-kind~=quote]');
    // The marked runs of the first quote read as the quote.
    const first = view.annotations.quotes[0];
    const out = { stats: view.stats, marks: marks.length, quotes: view.annotations.quotes.length,
      firstPainted: [...marks].some((m) => first.text.startsWith(m.textContent)) };
    view.clear();
    out.same = el.innerHTML === before;
    out.left = document.querySelectorAll('quotelens-mark, [data-quotelens-ui]').length;
    return out;
  });
  assert.equal(r.stats.mode, 'worker');
  // Sliced: more than one task (a quick run wrapped this 300 KB page in five; the count
  // depends on the machine's speed, as in the CSP test above).
  assert.ok(r.stats.tasks > 1, `${r.stats.tasks} tasks`);
  assert.ok(r.marks >= r.quotes, `${r.marks} marks for ${r.quotes} quotes`);
  assert.ok(r.firstPainted);
  assert.deepEqual({ same: r.same, left: r.left }, { same: true, left: 0 });
  assert.deepEqual(p.errors, []);
});

test('the one-tag embed on a big page: its inlined module goes to the Worker; data-worker="false" gives slices', async () => {
  for (const [path, mode] of [['/embed.html', 'worker'], ['/embed-slices.html', 'slices']]) {
    const p = await open(browser, server.url(path));
    const r = await p.evaluate(async () => {
      const view = await window.quotelens.ready;
      const out = { mode: view.stats.mode, quotes: view.annotations.quotes.length,
        ranges: [...CSS.highlights].reduce((n, [, hl]) => n + hl.size, 0) };
      view.clear();
      return out;
    });
    assert.equal(r.mode, mode);
    assert.ok(r.quotes > 100 && r.ranges > 0, JSON.stringify(r));
    assert.deepEqual(p.errors, []);
  }
});

test('a 1 MB page: highlights follow the viewport, near ranges painted first and far ones once scrolled to; clear() stops it', async () => {
  const p = await load('/big.html');
  const r = await p.evaluate(async () => {
    const frames = async (n = 3) => { for (let i = 0; i < n; i++) await new Promise((f) => requestAnimationFrame(() => setTimeout(f, 0))); };
    const painted = (a) => [...(CSS.highlights.get('quotelens-quote') || [])].some((range) => range.toString() === a.text);
    const count = () => [...CSS.highlights].reduce((n, [, hl]) => n + hl.size, 0);
    // The elements marked for the scoped ::highlight() rules: as many as hold ranges, all of
    // them near the viewport (a screen above to two below, as the ranges).
    const marks = () => {
      const all = [...document.querySelectorAll('[data-quotelens]')];
      return { n: all.length, far: all.filter((el) => { const b = el.getBoundingClientRect(); return b.bottom < -innerHeight || b.top > 3 * innerHeight; }).length };
    };
    const view = await window.ql.highlight(document.getElementById('story'));
    await frames();
    const quotes = view.annotations.quotes.filter((a) => !(a.parts?.length > 1));
    const first = quotes[0], last = quotes[quotes.length - 1];
    const top = { first: painted(first), last: painted(last), ranges: count(), marks: marks() };
    // Scroll to the last quote: it is painted within a few frames, the first one no longer.
    const walker = document.createTreeWalker(document.getElementById('story'), NodeFilter.SHOW_TEXT);
    let node, at = 0;
    while ((node = walker.nextNode())) { if (node.data.includes(last.text.slice(0, 40))) at = node; }
    at.parentElement.scrollIntoView({ block: 'center' });
    await frames();
    const bottom = { first: painted(first), last: painted(last), ranges: count(), marks: marks() };
    view.clear();
    // Nothing listens any more: scrolling back adds nothing.
    scrollTo(0, 0);
    await frames();
    return { top, bottom, spans: shown(view).spans,
      afterClear: { ranges: count(), names: CSS.highlights.size, marks: marks().n, sheets: document.adoptedStyleSheets.length } };
  });
  assert.deepEqual([r.top.first, r.top.last], [true, false], JSON.stringify(r));
  assert.deepEqual([r.bottom.first, r.bottom.last], [false, true], JSON.stringify(r));
  for (const n of [r.top.ranges, r.bottom.ranges]) assert.ok(n > 0 && n < r.spans / 10, `${n} of ${r.spans}`);
  for (const { ranges, marks } of [r.top, r.bottom]) assert.ok(marks.n > 0 && marks.n <= ranges && marks.far === 0, JSON.stringify(r));
  assert.deepEqual(r.afterClear, { ranges: 0, names: 0, marks: 0, sheets: 0 });
  assert.deepEqual(p.errors, []);
});

test('a 1 MB page: the panel and the screen-reader list are paged, report the full count, and "Show more" works from the keyboard', async () => {
  const p = await load('/big.html');
  // Runs `fn` on the widget's shadow root in the page.
  const root = (fn) => p.evaluate(`(${fn})(document.querySelector('[data-quotelens-ui]').shadowRoot)`);
  await p.evaluate(async () => {
    window.view = await window.ql.highlight(document.getElementById('story'));
    // The panel starts folded when it would cover the article: open it.
    const rootEl = document.querySelector('[data-quotelens-ui]').shadowRoot;
    if (rootEl.querySelector('.body').hidden) rootEl.querySelector('.head button').click();
  });
  const total = await p.evaluate(() => view.annotations.quotes.length + view.annotations.claims.length);
  const first = await root((r) => ({
    count: r.querySelector('.panel .count').textContent,
    buttons: r.querySelectorAll('.panel li button').length,
    srItems: r.querySelectorAll('.sr li').length,
    srMore: r.querySelector('.sr .more')?.textContent,
    panelMore: r.querySelector('.panel .more')?.textContent,
    options: r.querySelector('select').options.length,
  }));
  assert.ok(total > 2000, `${total} findings`);
  const [q, c] = first.count.match(/\d+/g).map(Number);
  assert.equal(q + c, total, `the panel counts every finding: ${first.count}`);
  assert.equal(first.buttons, 100);
  assert.equal(first.srItems, 101);
  assert.equal(first.srMore, `Show more (100 of ${total} shown)`);
  assert.equal(first.panelMore, `Show more (100 of ${total} shown)`);
  assert.equal(first.options, 1, 'the speakers are added to the select when it is first used');

  // The screen-reader list's button: visible once focused, Enter lists 100 more and moves the
  // focus to the first of them.
  await root((r) => r.querySelector('.sr .more').focus());
  const box = await root((r) => { const b = r.querySelector('.sr .more').getBoundingClientRect(); return { w: b.width, h: b.height, top: b.top }; });
  assert.ok(box.w > 20 && box.h > 10 && box.top >= 0 && box.top < 800, `focused and visible: ${JSON.stringify(box)}`);
  await p.keyboard.press('Enter');
  const sr = await root((r) => ({ items: r.querySelectorAll('.sr li').length, focused: [...r.querySelectorAll('.sr li')].indexOf(r.activeElement),
    text: r.activeElement?.textContent }));
  assert.equal(sr.items, 201);
  assert.equal(sr.focused, 100);
  assert.match(sr.text, /^(Quote|Claim)[ ,]/);

  // The panel: ArrowDown from the 100th finding reaches "Show more", Enter lists the next page
  // and focuses its first finding; to the end, the last finding is the last item's.
  await root((r) => [...r.querySelectorAll('.panel li button')][99].focus());
  await p.keyboard.press('ArrowDown');
  assert.equal(await root((r) => r.activeElement?.className), 'more');
  await p.keyboard.press('Enter');
  const next = await root((r) => ({ buttons: r.querySelectorAll('.panel li button').length,
    focused: [...r.querySelectorAll('.panel li button')].indexOf(r.activeElement) }));
  assert.deepEqual(next, { buttons: 200, focused: 100 });
  const end = await root((r) => {
    let more;
    while ((more = r.querySelector('.panel .more'))) more.click();
    const buttons = r.querySelectorAll('.panel li button');
    return { buttons: buttons.length, focused: [...buttons].indexOf(r.activeElement) };
  });
  assert.equal(end.buttons, total);
  assert.ok(end.focused > total - 101 && end.focused < total, JSON.stringify(end));
  for (let i = end.focused; i < total - 1; i++) await p.keyboard.press('ArrowDown');
  assert.equal(await root((r) => [...r.querySelectorAll('.panel li button')].indexOf(r.activeElement)), total - 1);
  // The select gets every speaker once focused.
  const speakers = await p.evaluate(() => new Set([...view.annotations.quotes, ...view.annotations.claims]
    .map((a) => a.speaker?.entity || a.speaker?.name || '').filter(Boolean)).size);
  assert.equal(await root((r) => { r.querySelector('select').focus(); return r.querySelector('select').options.length; }), speakers + 1);
  await p.evaluate(() => view.clear());
  assert.equal(await p.evaluate(() => document.querySelectorAll('[data-quotelens-ui]').length + CSS.highlights.size), 0);
  assert.deepEqual(p.errors, []);
});
