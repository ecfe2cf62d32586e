/**
 * End to end on the built package (dist/, from `npm run build`) with the real WebAssembly core:
 * the example page (one-tag embed), the seed article rendered as a news page with quoted words
 * inside <em>/<a>/<strong> and emoji before quotes, and the demo page with the seed pasted in.
 * Also: the fallback without the Highlight API, a strict CSP, XSS payloads, and that no request
 * leaves the page's origin.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, open, foreign, esc, ROOT, SEED_PATH } from './_harness.mjs';

const SEED = readFileSync(SEED_PATH, 'utf8');
const EMBED = '<script src="/dist/quotelens.embed.js" data-target="article"></script>';

/**
 * The seed as a news page: headline in <h1>, the photo line in a <figcaption>, paragraphs in <p>,
 * some quoted words wrapped in <em>, <a> and <strong>, and emoji placed before quotes.
 */
function seedPage(head = '') {
  const [headline, ...blocks] = SEED.trim().split(/\n\s*\n/);
  let body = '';
  for (const block of blocks) {
    for (const line of block.split('\n')) {
      if (/^FILE PHOTO|©/.test(line)) body += `<figure><figcaption>${esc(line)}</figcaption></figure>\n`;
      else body += `<p>${esc(line)}</p>\n`;
    }
  }
  const edits = [
    ['“winning formula”', '“<em>winning formula</em>”'],
    ['“productive.”', '“<a href="#talks">productive</a>.”'],
    ['Isolation attempts', '<strong>Isolation attempts</strong>'],
    ['“Stalin, Roosevelt', '“<a href="#yalta">Stalin</a>, Roosevelt'],
    ['<p>Dmitriev’s post', '<p>📸 Dmitriev’s post'],
    ['stating, “There', 'stating, 🕊️ “There'],
  ];
  for (const [from, to] of edits) {
    assert.ok(body.includes(from), `the seed still contains ${from}`);
    body = body.replace(from, to);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>${esc(headline)}</title>${head}</head><body>
<nav><a href="#">World</a> · <a href="#">Politics</a></nav>
<article><h1>${esc(headline)}</h1>
<p class="byline">By Staff · <time>today</time></p>
${body}</article>
<footer>© the seed's publisher</footer>
<script src="/tests/browser/fixtures/snapshot.js"></script>
${EMBED}
</body></html>`;
}

/** 50 XSS payloads; each calls __xss(n) if it ever runs. */
const PAYLOADS = Array.from({ length: 50 }, (_, n) => [
  `<img src=x onerror=__xss(${n})>`, `<script>__xss(${n})</script>`, `<svg onload=__xss(${n})>`,
  `"><iframe srcdoc="<script>parent.__xss(${n})</script>">`, `<a href="javascript:__xss(${n})">x</a>`,
  `<details open ontoggle=__xss(${n})>`, `\${__xss(${n})}`, `{{constructor.constructor('__xss(${n})')()}}`,
  `<math><mtext><table><mglyph><style><img src=x onerror=__xss(${n})>`, `&lt;img src=x onerror=__xss(${n})&gt;`,
][n % 10] + ` #${n}`);

function xssPage() {
  const paras = PAYLOADS.map((p, i) => (i % 2
    ? `<p title="${esc(p)}" data-x="${esc(p)}">Officials argued that ${esc(p)} is harmless.</p>`
    : `<p>“${esc(p)},” he said.</p>`)).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/tests/browser/fixtures/xss-trap.js"></script></head>
<body><article><h1>Payloads</h1>${paras}</article>${EMBED}</body></html>`;
}

let server, browser;
before(async () => {
  assert.ok(existsSync(path.join(ROOT, 'dist/quotelens.js')) && existsSync(path.join(ROOT, 'dist/quotelens.embed.js')),
    'dist/ is missing: run `npm run build` first (npm test does)');
  server = await serve({
    '/www/test-pages/seed.html': { body: seedPage() },
    '/www/test-pages/seed-csp.html': {
      body: seedPage(),
      headers: { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" },
    },
    '/www/test-pages/xss.html': { body: xssPage() },
    '/www/test-pages/no-target.html': { body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<header><p>The Daily Example</p></header><div class="wrap"><div class="story">
${SEED.trim().split(/\n\s*\n/).map((b) => `<p>${esc(b)}</p>`).join('')}</div>
<div class="side"><p>Most read: a short list.</p></div></div>
<script src="/dist/quotelens.embed.js" data-panel="false"></script>` },
    '/www/test-pages/itemprop.html': { body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<main><h1>Headline</h1><div itemprop="articleBody"><p>“Found by itemprop,” she said.</p></div></main>
<script src="/dist/quotelens.embed.js"></script>` },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Waits for the embed (or the demo) and returns a summary of what is annotated and painted. */
function inspect(page, { demo = false } = {}) {
  return page.evaluate(async (demo) => {
    const view = await (demo ? window.demo.done : window.quotelens.ready);
    const spans = (a) => (a.parts?.length ? a.parts : [[a.start, a.end]]);
    const expected = view.annotations.quotes.flatMap((q) => spans(q).map(([s, e]) => view.text.slice(s, e)));
    let painted, all;
    if (window.CSS?.highlights) {
      const byStart = (a, b) => a.compareBoundaryPoints(Range.START_TO_START, b);
      painted = [...(CSS.highlights.get('quotelens-quote') || [])].sort(byStart);
      all = [...CSS.highlights.values()].flatMap((h) => [...h]);
    } else {
      // Fallback: a run of consecutive quote marks is one painted range.
      painted = [];
      let run = null;
      const walker = document.createTreeWalker(view.element, NodeFilter.SHOW_TEXT);
      for (let n; (n = walker.nextNode());) {
        const mark = n.parentElement.closest('quotelens-mark');
        if (mark?.dataset.kind.split(' ').includes('quote')) {
          if (!run) { run = document.createRange(); run.setStart(n, 0); }
          run.setEnd(n, n.length);
        } else if (run && n.data.length) { painted.push(run); run = null; }
      }
      if (run) painted.push(run);
      all = [...document.querySelectorAll('quotelens-mark')].map((m) => { const r = document.createRange(); r.selectNodeContents(m); return r; });
    }
    const caption = demo
      ? [...view.element.querySelectorAll('p')].flatMap((p) => [...p.childNodes]).find((n) => n.nodeType === 3 && n.data.startsWith('FILE PHOTO'))
      : view.element.querySelector('figcaption');
    return {
      expected,
      painted: painted.map((r) => r.toString()),
      quotes: view.annotations.quotes.map((q) => ({ text: q.text, speaker: q.speaker?.text, name: q.speaker?.name })),
      captionPainted: !!caption && all.some((r) => r.intersectsNode(caption)),
      hasCaption: !!caption,
    };
  }, demo);
}

/** The seed's own expectations, whatever page shows it. */
function checkSeed(s) {
  assert.ok(s.quotes.length > 0, 'the core found quotes in the seed');
  assert.deepEqual(s.painted, s.expected, 'every quote painted exactly: range text equals the quoted words');
  const find = (start) => s.quotes.find((q) => q.text.startsWith(start));
  assert.ok(find('winning formula'), '“winning formula” is a quote');
  assert.ok(find('There is light at the end of the tunnel'), '“There is light at the end of the tunnel” is a quote');
  const biden = find('Biden’s approaches have failed.');
  assert.ok(biden, 'the Biden quote is found');
  assert.equal(biden.name, 'Kirill Dmitriev');
  assert.equal(biden.speaker, 'he');
  assert.equal(s.hasCaption, true);
  assert.equal(s.captionPainted, false, 'the caption/credit line is not painted');
}

/** Hovers the middle of the first occurrence of `words` and returns the tooltip's text. */
async function hoverTooltip(page, root, words) {
  const point = await page.evaluate(({ root, words }) => {
    const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
    for (let n; (n = walker.nextNode());) {
      const i = n.data.indexOf(words);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i); r.setEnd(n, i + words.length);
      r.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const rect = r.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, { root, words });
  assert.ok(point, `"${words}" is on the page`);
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(() => !document.querySelector('[data-quotelens-ui]')?.shadowRoot.querySelector('.tip')?.hidden, null, { timeout: 2000 }).catch(() => {});
  return page.evaluate(() => {
    const tip = document.querySelector('[data-quotelens-ui]')?.shadowRoot.querySelector('.tip');
    return tip && !tip.hidden ? tip.textContent : null;
  });
}

/** clear() (twice) and compare the article's HTML, read-only, with the snapshot taken before painting. */
async function clearIsExact(page, selector, demo = false) {
  const r = await page.evaluate(async ({ selector, demo }) => {
    const view = await (demo ? window.demo.done : window.quotelens.ready);
    const el = document.querySelector(selector);
    const during = el.innerHTML;
    view.clear();
    view.clear();
    return {
      before: demo ? during.replace(/<\/?quotelens-mark[^>]*>/g, '') : window.snapshot,
      after: el.innerHTML,
      leftovers: document.querySelectorAll('quotelens-mark, [data-quotelens-ui], [data-quotelens]').length + (window.CSS?.highlights?.size || 0),
    };
  }, { selector, demo });
  assert.equal(r.after, r.before, "clear() leaves the article's HTML byte-identical");
  assert.equal(r.leftovers, 0);
}

for (const fallback of [false, true]) {
  const how = fallback ? ' (fallback: no Highlight API)' : '';

  test(`seed as a news page: quotes painted exactly, caption not, tooltip names the speaker, clear is exact${how}`, async () => {
    const page = await open(browser, server.url('/www/test-pages/seed.html'), { fallback });
    checkSeed(await inspect(page));
    const tip = await hoverTooltip(page, 'article', 'sanctions have not worked');
    assert.match(tip || '', /he → Kirill Dmitriev/);
    await clearIsExact(page, 'article');
    assert.deepEqual(foreign(page, server.origin), []);
    assert.deepEqual(page.errors, []);
  });

  test(`demo page with the seed pasted in: the same, through the paste box${how}`, async () => {
    const page = await open(browser, server.url('/www/index.html'), { fallback });
    await page.evaluate(() => window.demo.done);
    await page.fill('#input', SEED);
    await page.click('#run');
    checkSeed(await inspect(page, { demo: true }));
    assert.match(await hoverTooltip(page, '#output', 'sanctions have not worked') || '', /Kirill Dmitriev/);
    await clearIsExact(page, '#output', true);
    assert.deepEqual(foreign(page, server.origin), []);
    assert.deepEqual(page.errors, []);
  });

  test(`example page (one-tag embed): quotes across <em>/<a>/<strong> painted exactly, caption not, clear is exact${how}`, async () => {
    const page = await open(browser, null, { fallback });
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
      window.snapshot = document.querySelector('article').innerHTML;
    }, { once: true, capture: true }));
    await page.goto(server.url('/www/example-news.html'));
    const s = await inspect(page);
    assert.ok(s.quotes.length >= 4, 'quotes found on the example page');
    assert.deepEqual(s.painted, s.expected);
    assert.ok(s.painted.some((t) => t.includes('The sleeper is not a nostalgia project')), 'a quote across <em>');
    assert.ok(s.painted.some((t) => t.includes('money well spent')), 'a quote across <a>');
    assert.equal(s.captionPainted, false);
    assert.match(await hoverTooltip(page, 'article', 'money well spent') || '', /the minister → Daniel Okafor/);
    await clearIsExact(page, 'article');
    assert.deepEqual(foreign(page, server.origin), []);
    assert.deepEqual(page.errors, []);
  });
}

test('strict CSP without wasm-unsafe-eval: the widget does nothing, says why once, the page works on', async () => {
  const page = await open(browser, server.url('/www/test-pages/seed-csp.html'));
  const r = await page.evaluate(async () => {
    const before = document.querySelector('article').innerHTML;
    const view = await window.quotelens.ready;
    return { quotes: view?.annotations.quotes.length ?? 0, same: before === document.querySelector('article').innerHTML,
      ui: document.querySelectorAll('[data-quotelens-ui]').length, highlights: CSS.highlights.size };
  });
  assert.deepEqual(r, { quotes: 0, same: true, ui: 0, highlights: 0 });
  const ours = page.logs.filter((l) => l.includes('quotelens'));
  assert.equal(ours.length, 1, ours.join('\n'));
  assert.match(ours[0], /wasm-unsafe-eval/);
  assert.deepEqual(page.errors, []);
});

test('50 XSS payloads in article text, attributes and the demo paste box: none runs', async () => {
  const page = await open(browser, server.url('/www/test-pages/xss.html'));
  const found = await page.evaluate(async () => (await window.quotelens.ready).annotations.quotes.length);
  assert.ok(found >= 20, `quotes with payloads found (${found})`);
  // Show every finding's tooltip through the panel, and hover a payload quote.
  await page.evaluate(() => {
    for (const b of document.querySelector('[data-quotelens-ui]').shadowRoot.querySelectorAll('li button')) b.click();
  });
  await hoverTooltip(page, 'article', 'onerror');
  const demo = await open(browser, server.url('/www/index.html'), {
    initScripts: [new URL('./fixtures/xss-trap.js', import.meta.url).pathname],
  });
  await demo.evaluate(() => window.demo.done);
  await demo.fill('#input', PAYLOADS.map((p, i) => (i % 2 ? `Officials argued that ${p} is harmless.` : `“${p},” he said.`)).join('\n\n'));
  await demo.click('#run');
  await demo.evaluate(() => window.demo.done);
  for (const p of [page, demo]) {
    const r = await p.evaluate(() => ({ hits: window.__hits || [], elements: document.querySelectorAll('article img, article script, article svg, article iframe, article details').length }));
    assert.deepEqual(r, { hits: [], elements: 0 });
    assert.ok(!p.requests.some((u) => /\/x$/.test(u)), 'no payload image was requested');
    assert.deepEqual(p.errors, []);
  }
});

test('lone surrogates in DOM text: the real core keeps offsets lined up', async () => {
  const page = await open(browser, server.url('/tests/browser/fixtures/blank.html'));
  const r = await page.evaluate(async () => {
    const { highlight } = await import('/dist/quotelens.js');
    const app = document.getElementById('app');
    const p = document.createElement('p');
    p.append('\uD800 Officials said it was over. \uDC00', '“Alpha \uDBFF beta is here,” he said. 😀 “Gamma delta,” she said.');
    app.append(p);
    const view = await highlight(app);
    const painted = [...(CSS.highlights.get('quotelens-quote') || [])].map((r) => r.toString());
    const expected = view.annotations.quotes.map((q) => q.text);
    view.clear();
    return { painted, expected };
  });
  assert.ok(r.expected.length >= 2, JSON.stringify(r));
  assert.deepEqual(r.painted, r.expected);
});

test('the embed without data-target finds the article: [itemprop=articleBody], else the largest block of text', async () => {
  for (const [url, expected] of [['/www/test-pages/no-target.html', 'story'], ['/www/test-pages/itemprop.html', 'articleBody']]) {
    const page = await open(browser, server.url(url));
    const r = await page.evaluate(async () => {
      const view = await window.quotelens.ready;
      const root = document.querySelector('[data-quotelens-ui]').shadowRoot;
      return { el: view.element.className || view.element.getAttribute('itemprop'), quotes: view.annotations.quotes.length,
        panel: !!root.querySelector('.panel'), sr: root.querySelectorAll('.sr li').length };
    });
    assert.equal(r.el, expected);
    assert.ok(r.quotes > 0);
    assert.equal(r.panel, expected !== 'story', 'data-panel="false" leaves the panel out');
    assert.equal(r.sr, r.quotes + (await page.evaluate(async () => (await window.quotelens.ready).annotations.claims.length)),
      'the screen-reader list mirrors every finding');
    assert.deepEqual(page.errors, []);
  }
});

test('a 10,000-word article: annotate and paint time (reported; the budget is one frame)', async (t) => {
  const page = await open(browser, server.url('/tests/browser/fixtures/blank.html'));
  const r = await page.evaluate(async (seed) => {
    const { init, highlight } = await import('/dist/quotelens.js');
    await init();
    const app = document.getElementById('app');
    const paras = seed.trim().split(/\n\s*\n/);
    let words = 0;
    while (words < 10000) {
      for (const text of paras) {
        const p = document.createElement('p');
        p.textContent = text;
        app.append(p);
        words += text.split(/\s+/).length;
      }
    }
    (await highlight(app, { panel: false })).clear(); // warm up
    const times = [];
    let view;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      view = await highlight(app, { panel: false });
      times.push(performance.now() - t0);
      if (i < 4) view.clear();
    }
    const painted = CSS.highlights.get('quotelens-quote')?.size || 0;
    view.clear();
    times.sort((a, b) => a - b);
    return { words, median: times[2], painted };
  }, SEED);
  t.diagnostic(`10,000-word article (${r.words} words, ${r.painted} quote ranges): highlight() median ${r.median.toFixed(1)} ms`);
  assert.ok(r.painted > 100);
  assert.ok(r.median < 1000, `${r.median} ms`);
});
