/**
 * Issue 6, browser half: a real React 18 page (fixtures/react.html, UMD builds from node_modules,
 * development mode so React's DOM warnings reach console.error) whose article re-renders after
 * highlight(). With observe: true the highlights follow React's updates (a quote changed in
 * place, a whole paragraph replaced), React never errors, clear() leaves nothing behind and
 * React keeps working afterwards. Run with the Highlight API and with the <quotelens-mark> fallback.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, open, ROOT } from './_harness.mjs';

let server, browser;
before(async () => {
  assert.ok(existsSync(path.join(ROOT, 'dist/quotelens.js')), 'dist/ is missing: run `npm run build` first');
  assert.ok(existsSync(path.join(ROOT, 'node_modules/react/umd/react.development.js')), 'react 18 is missing: npm install');
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The quote texts painted now, in document order; in the fallback a run of adjacent quote marks is one range. */
const painted = (page) => page.evaluate(() => {
  if (window.CSS?.highlights) {
    return [...(CSS.highlights.get('quotelens-quote') || [])]
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString());
  }
  const out = [];
  let run = null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    if (n.parentElement.closest('quotelens-mark')?.dataset.kind.split(' ').includes('quote')) run = (run ?? '') + n.data;
    else if (run !== null && n.data.length) { out.push(run); run = null; }
  }
  if (run !== null) out.push(run);
  return out;
});

/** Waits (past the debounce) until the painted quotes equal `expected`, then asserts it. */
async function paintedBecomes(page, expected, msg) {
  await new Promise((r) => setTimeout(r, 200)); // past the debounce (50 ms), so a refresh cannot hide a regression
  const until = Date.now() + 5000;
  let now;
  while (Date.now() < until) {
    now = await painted(page);
    if (JSON.stringify(now) === JSON.stringify(expected)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.deepEqual(now, expected, msg);
}

/** Console errors and warnings (React's DOM mismatch warnings are console.error) and page errors. */
const problems = (page) => [...page.errors, ...page.logs.filter((l) => /^(error|warning):/.test(l))];

/** The document outside React's root, plus the quotelens traces that must be gone after clear(). */
const outside = (page) => page.evaluate(() => {
  const doc = document.documentElement.cloneNode(true);
  doc.querySelector('#root').replaceChildren();
  return {
    html: doc.outerHTML,
    sheets: document.adoptedStyleSheets.length,
    highlights: window.CSS?.highlights?.size ?? 0,
    traces: document.querySelectorAll('quotelens-mark, quotelens-ui, [data-quotelens-ui], [data-quotelens], [data-kind]').length,
  };
});

/** The article's markup, <quotelens-mark> tags stripped (fallback), equals React's own rendering of the state. */
const showsReact = (page) => page.evaluate(() =>
  document.querySelector('#root article').innerHTML.replace(/<\/?quotelens-mark[^>]*>/g, '') === window.app.expectedHTML());


for (const fallback of [false, true]) {
  const how = fallback ? ' (fallback: <quotelens-mark>, no Highlight API)' : '';
  // Known quotelens bug in the fallback, not a React error: when React sets the data of a Text node the
  // fallback has wrapped in <quotelens-mark>, the next refresh (and clear()) unwraps by restoring the node's
  // *original* data, so React's in-place text update is silently reverted ("by June" goes back to "by May")
  // and the DOM no longer matches React's state. Paragraph replacement, clear() and later updates are fine.
  test(`React re-renders the article after highlight(): no React error, highlights follow, clear() is clean${how}`, async () => {
    const page = await open(browser, server.url('/tests/browser/fixtures/react.html'), { fallback });
    await page.waitForFunction(() => window.ready === true);
    const pristine = await outside(page);
    assert.equal(pristine.traces, 0);

    const initial = await page.evaluate(async () => {
      const { highlight } = await import('/dist/quotelens.js');
      window.view = await highlight(document.querySelector('#root article'), { observe: true, debounce: 50 });
      return window.app.quotes();
    });
    await paintedBecomes(page, initial, 'the initial quotes are painted exactly');

    // A quote changed in place: React sets the data of the existing Text node.
    let quotes = await page.evaluate(() => window.app.setQuote('bridge', 'We will finish the bridge by June, not May,'));
    await paintedBecomes(page, quotes, 'after a quote changed in place');
    assert.equal(await showsReact(page), true, 'the article shows what React rendered (no stale or duplicated text)');

    // A whole paragraph replaced (new key): React removes the old <p> and inserts a new one.
    quotes = await page.evaluate(() => window.app.replace('budget',
      { id: 'tolls', quote: 'There will be no tolls on the new bridge,', after: 'councillor Mara Quist promised.' }));
    await paintedBecomes(page, quotes, 'after a paragraph was replaced');

    // Two quotes at once, one of them twice in a row inside the debounce.
    quotes = await page.evaluate(() => {
      window.app.setQuote('ferry', 'The ferry stops in April,');
      return window.app.setQuote('bridge', 'The bridge opens in June,');
    });
    await paintedBecomes(page, quotes, 'after several updates within one debounce');
    assert.equal(await showsReact(page), true);

    // clear(): no highlight, mark, host, attribute or stylesheet left, the article is React's own markup.
    await page.evaluate(() => { window.view.clear(); window.view.clear(); });
    const cleared = await outside(page);
    assert.deepEqual(cleared, pristine, 'nothing of quotelens is left in the document');
    assert.equal(await page.evaluate(() => document.querySelector('#root article').innerHTML === window.app.expectedHTML()), true,
      "after clear() the article is exactly React's rendering of the current state");

    // React keeps working after clear(), and quotelens no longer reacts.
    quotes = await page.evaluate(() => window.app.setQuote('tolls', 'Tolls are off the table,'));
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(await painted(page), []);
    const last = await page.evaluate(() => ({
      same: document.querySelector('#root article').innerHTML === window.app.expectedHTML(),
      text: document.querySelector('[data-id="tolls"]').textContent,
    }));
    assert.deepEqual(last, { same: true, text: '“Tolls are off the table,” councillor Mara Quist promised.' });
    assert.deepEqual(await outside(page), pristine);
    assert.deepEqual(problems(page), [], 'no React error or warning, no page error');
    await page.context().close();
  });
}
