/**
 * The page side on its own: collection, painting, fallback, tooltip, panel, clear, observe and
 * hostile input, driven in Chromium with a stand-in annotator (fixtures/fake-annotate.js), so
 * these hold whatever state the core is in. End-to-end runs on the built package are in
 * e2e.test.mjs.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, foreign, paintedRanges, pixels } from './_harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ARTICLE = `
  <h1>Harbour barrier approved</h1>
  <figure><figcaption>The sea wall. Photo: Lena Ortiz</figcaption></figure>
  <p>“We waited <em>long</em> enough,” she said, “and the <a href="#w">water</a> did not wait.”</p>
  <p>Reyes argued that the <strong>barrier</strong> would move the flooding north.</p>
  <p>“This is a <em>wish</em>, not a budget,” he said.<br>Next line.</p>
  <script>window.inScript = "“not text”";</script>
  <p hidden>“hidden quote” he said</p>
  <p aria-hidden="true">“aria hidden” he said</p>
  <p style="display:none">“display none” he said</p>
  <textarea>“form text” he said</textarea>`;

/** Loads the blank fixture, fills #app with `html`, and highlights it with the fake core. */
async function mount(html, { fallback = false, options = {}, delay = 0, setup } = {}) {
  const page = await open(browser, server.url('/tests/browser/fixtures/blank.html'), { fallback });
  await page.evaluate(async ({ html, options, delay, setup }) => {
    const app = document.getElementById('app');
    app.innerHTML = html;
    if (setup) new Function(setup)();
    window.before = app.innerHTML;
    window.reported = [];
    const { createView } = await import('/www/lib/view.js');
    const { fakeAnnotate } = await import('/tests/browser/fixtures/fake-annotate.js');
    window.fake = (t) => fakeAnnotate(t, { delay });
    window.createView = createView;
    window.view = await createView(app, { ...options, onError: (e) => window.reported.push(e.message) }, window.fake);
  }, { html, options, delay, setup: setup && `(${setup})()` });
  return page;
}

/** What the shadow-rooted UI shows: tooltip text (or null), panel headings and buttons. */
const ui = (page) => page.evaluate(() => {
  const root = document.querySelector('[data-quotelens-ui]')?.shadowRoot;
  const tip = root?.querySelector('.tip');
  return {
    tip: tip && !tip.hidden ? tip.textContent : null,
    groups: [...(root?.querySelectorAll('.panel h3') || [])].map((h) => h.textContent),
    items: [...(root?.querySelectorAll('.panel li button') || [])].map((b) => b.textContent),
    sr: [...(root?.querySelectorAll('.sr li') || [])].map((li) => li.textContent),
    count: root?.querySelector('.count')?.textContent,
  };
});

/** Centre of the first client rect of the first painted range of `kind`. */
const pointOf = (page, text) => page.evaluate((text) => {
  const app = document.getElementById('app');
  const range = document.createRange();
  const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    const i = n.data.indexOf(text);
    if (i >= 0) { range.setStart(n, i); range.setEnd(n, i + text.length); break; }
  }
  const r = range.getClientRects()[0];
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}, text);

test('collects blocks as \\n\\n, <br> as \\n, and skips what a reader does not see', async () => {
  const page = await mount(ARTICLE);
  const text = await page.evaluate(() => view.text);
  assert.equal(text, [
    'Harbour barrier approved',
    'The sea wall. Photo: Lena Ortiz',
    '“We waited long enough,” she said, “and the water did not wait.”',
    'Reyes argued that the barrier would move the flooding north.',
    '“This is a wish, not a budget,” he said.\nNext line.',
  ].join('\n\n'));
  // Every offset maps back: the range of every word is that word.
  const ok = await page.evaluate(async () => {
    const { collect } = await import('/www/lib/collect.js');
    const map = collect(document.getElementById('app'));
    const bad = [];
    for (const m of map.text.matchAll(/\S+/g)) {
      const r = map.range(m.index, m.index + m[0].length);
      if (r.toString() !== m[0]) bad.push([m[0], r.toString()]);
    }
    return bad;
  });
  assert.deepEqual(ok, []);
});

test('paints each quote as one range across <em>/<a>/<strong>, page DOM untouched, clear leaves nothing', async () => {
  const page = await mount(ARTICLE);
  const painted = await paintedRanges(page);
  assert.deepEqual(painted, [
    { kind: 'quote', text: 'We waited long enough,' },
    { kind: 'quote', text: 'and the water did not wait.' },
    { kind: 'claim', text: 'the barrier would move the flooding north.' },
    { kind: 'quote', text: 'This is a wish, not a budget,' },
  ]);
  // A normal article is not touched at all: no node, no attribute (only big pages mark elements).
  const state = await page.evaluate(() => ({
    same: document.getElementById('app').innerHTML === window.before,
    marked: document.querySelectorAll('[data-quotelens]').length,
    sheets: document.adoptedStyleSheets.length,
  }));
  assert.deepEqual(state, { same: true, marked: 0, sheets: 1 });
  await page.evaluate(() => { view.clear(); view.clear(); });
  const afterClear = await page.evaluate(() => ({
    same: document.getElementById('app').innerHTML === window.before,
    highlights: CSS.highlights.size,
    sheets: document.adoptedStyleSheets.length,
    ui: document.querySelectorAll('[data-quotelens-ui]').length,
    marks: document.querySelectorAll('quotelens-mark, [data-quotelens]').length,
  }));
  assert.deepEqual(afterClear, { same: true, highlights: 0, sheets: 0, ui: 0, marks: 0 });
  assert.deepEqual(page.errors, []);
});

// A quote whose range starts in an <em> and ends in an <a>, and one wholly inside a <strong>.
const NESTED = '<p>“<em>Deep</em> inside <a href="#x">the link</a>,” he said.</p>' +
  '<p>Plain text. <span><strong>“Bold words only,”</strong> she said.</span></p><p>Nothing here at all.</p>';
// Hidden text (not collected) that makes the element's textContent over SYNC_LIMIT: a big page.
const FILLER = `<div hidden>${'filler '.repeat(16_000)}</div>`;

for (const big of [false, true]) {
  test(`${big ? 'a big page: the ::highlight() rules scoped to marked elements' : 'a normal page: the universal ::highlight() rules'} paint nested text`, async () => {
    // Big: the element marked is each range's closest one; its descendants' text is styled by
    // highlight inheritance (and by the `[data-quotelens] *` rules where a browser has none).
    const page = await mount(NESTED + (big ? FILLER : ''));
    const r = await page.evaluate(async (big) => {
      const app = document.getElementById('app');
      const frame = () => new Promise((f) => requestAnimationFrame(() => setTimeout(f, 0)));
      // A big page paints in slices after the panel: wait for its ranges.
      for (let i = 0; i < 100 && CSS.highlights.get('quotelens-quote')?.size !== 2; i++) await frame();
      await frame();
      const bg = (sel) => getComputedStyle(app.querySelector(sel), '::highlight(quotelens-quote)').backgroundColor;
      const box = (sel) => { const b = app.querySelector(sel).getBoundingClientRect(); return { x: b.x, y: b.y, width: b.width, height: b.height }; };
      return {
        mode: view.stats?.mode, big,
        marked: [...app.querySelectorAll('[data-quotelens]')].map((el) => el.localName),
        styles: { em: bg('em'), a: bg('a'), strong: bg('strong'), p3: bg('p:nth-child(3)') },
        boxes: { em: box('em'), a: box('a'), strong: box('strong'), p3: box('p:nth-child(3)') },
      };
    }, big);
    const yellow = 'rgb(253, 230, 138)'; // --quotelens-quote-bg's default, #fde68a
    assert.deepEqual(r.marked, big ? ['p', 'strong'] : [], JSON.stringify(r));
    // Universal rules style every element's highlight (painted only where a range is); scoped
    // ones only the marked elements and what they hold.
    assert.deepEqual(r.styles, { em: yellow, a: yellow, strong: yellow, p3: big ? 'rgba(0, 0, 0, 0)' : yellow });
    // And it paints: the quote colour is on screen inside the nested elements, not on the last line.
    const has = async (clip) => (await pixels(await page.screenshot({ clip }))).some(([r, g, b]) => r === 253 && g === 230 && b === 138);
    assert.equal(await has(r.boxes.em), true, 'the <em> is painted');
    assert.equal(await has(r.boxes.a), true, 'the <a> is painted');
    assert.equal(await has(r.boxes.strong), true, 'the <strong> is painted');
    assert.equal(await has(r.boxes.p3), false, 'unpainted text stays as it was');
    await page.evaluate(() => view.clear());
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-quotelens]').length + document.adoptedStyleSheets.length), 0);
    assert.equal(await has(r.boxes.em), false, 'nothing painted after clear()');
    assert.deepEqual(page.errors, []);
  });
}

test('fallback without the Highlight API wraps exactly and unwraps to the same nodes', async () => {
  // Two adjacent text nodes inside one <p>: normalize() would merge them, so clear must not.
  const setup = () => {
    const p = document.createElement('p');
    p.append('“Split text', ' nodes stay split,” he said.');
    document.getElementById('app').append(p);
    window.nodes = [...document.getElementById('app').querySelectorAll('p')].flatMap((el) => [...el.childNodes]);
  };
  const page = await mount(ARTICLE, { fallback: true, setup: setup.toString() });
  assert.equal(await page.evaluate(() => typeof window.Highlight), 'undefined');
  const marks = await page.evaluate(() => [...document.querySelectorAll('quotelens-mark')].map((m) => [m.dataset.kind, m.textContent]));
  // The runs of marks of each quote join to exactly the quote.
  const quotes = await page.evaluate(() => view.annotations.quotes.map((q) => (q.parts.length ? q.parts : [[q.start, q.end]]).map(([s, e]) => view.text.slice(s, e))).flat());
  const runs = await page.evaluate(() => {
    // Text of consecutive quote marks, broken where non-marked text intervenes.
    const out = []; let cur = null;
    const walker = document.createTreeWalker(document.getElementById('app'), NodeFilter.SHOW_TEXT);
    for (let n; (n = walker.nextNode());) {
      const m = n.parentElement.closest('quotelens-mark');
      if (m && m.dataset.kind.split(' ').includes('quote')) { cur ??= ''; cur += n.data; } else if (cur != null && n.data.trim()) { out.push(cur); cur = null; }
    }
    if (cur != null) out.push(cur);
    return out;
  });
  assert.deepEqual(runs, quotes);
  assert.ok(marks.length >= 5);
  await page.evaluate(() => view.clear());
  const after = await page.evaluate(() => ({
    same: document.getElementById('app').innerHTML === window.before,
    marks: document.querySelectorAll('quotelens-mark').length,
    identity: [...document.getElementById('app').querySelectorAll('p')].flatMap((el) => [...el.childNodes]).every((n, i) => n === window.nodes[i]),
    split: document.getElementById('app').lastElementChild.childNodes.length,
  }));
  assert.deepEqual(after, { same: true, marks: 0, identity: true, split: 2 });
  assert.deepEqual(page.errors, []);
});

test('hover shows one tooltip with kind, "he → name" and cue; Escape hides it', async () => {
  const page = await mount(ARTICLE);
  const p = await pointOf(page, 'not a budget');
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction(() => !document.querySelector('[data-quotelens-ui]').shadowRoot.querySelector('.tip').hidden);
  const { tip } = await ui(page);
  assert.match(tip, /quote · direct/);
  assert.match(tip, /he → Tom Reyes/);
  assert.match(tip, /Cue: said/);
  const q = await pointOf(page, 'move the flooding');
  await page.mouse.move(q.x, q.y);
  await page.waitForFunction(() => /claim/.test(document.querySelector('[data-quotelens-ui]').shadowRoot.querySelector('.tip').textContent));
  assert.match((await ui(page)).tip, /Score: 0\.80.*Signals: attribution/s);
  await page.keyboard.press('Escape');
  assert.equal((await ui(page)).tip, null);
  // Over plain text: no tooltip.
  const h = await pointOf(page, 'Harbour');
  await page.mouse.move(h.x, h.y);
  await page.waitForTimeout(100);
  assert.equal((await ui(page)).tip, null);
});

test('panel: grouped by speaker, keyboard activation flashes and shows the tooltip, filters and switch repaint', async () => {
  const page = await mount(ARTICLE);
  const u = await ui(page);
  assert.deepEqual(u.groups, ['Ines Caldwell', 'Reyes', 'Tom Reyes']);
  assert.equal(u.count, '2 quotes · 1 claim');
  assert.equal(u.sr.length, 3);
  assert.match(u.sr[0], /^Quote by Ines Caldwell \(she\), said: We waited/);
  // Keyboard: unfold the panel if it started folded, focus the first finding, move down with the
  // arrow key, activate with Enter.
  await page.evaluate(() => {
    const root = document.querySelector('[data-quotelens-ui]').shadowRoot;
    const fold = root.querySelector('.head button');
    if (fold.getAttribute('aria-expanded') === 'false') fold.click();
    root.querySelector('li button').focus();
  });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const state = await page.evaluate(() => ({
    focus: [...(CSS.highlights.get('quotelens-focus') || [])].map((r) => r.toString()),
    tip: document.querySelector('[data-quotelens-ui]').shadowRoot.querySelector('.tip').textContent,
    active: document.querySelector('[data-quotelens-ui]').shadowRoot.activeElement?.textContent,
  }));
  assert.deepEqual(state.focus, ['the barrier would move the flooding north.']);
  assert.match(state.tip, /Reyes/);
  // Kind filter: quotes off → only the claim is painted and listed.
  await page.evaluate(() => document.querySelector('[data-quotelens-ui]').shadowRoot.querySelector('input[type=checkbox]').click());
  assert.deepEqual((await paintedRanges(page)).filter((r) => r.kind !== 'focus').map((r) => r.kind), ['claim']);
  assert.equal((await ui(page)).items.length, 1);
  // The switch: highlights off, then on again.
  await page.evaluate(() => document.querySelector('[data-quotelens-ui]').shadowRoot.querySelector('button[aria-pressed]').click());
  assert.equal(await page.evaluate(() => CSS.highlights.has('quotelens-claim')), false);
  await page.evaluate(() => document.querySelector('[data-quotelens-ui]').shadowRoot.querySelector('button[aria-pressed]').click());
  assert.equal(await page.evaluate(() => CSS.highlights.has('quotelens-claim')), true);
});

test('lone surrogates in DOM text keep offsets lined up', async () => {
  const page = await mount('<p>\uD800 “Alpha beta,” he said. \uDC00\uD83D\uDE00 “Gamma \uDBFF delta” she said.</p>');
  const painted = await paintedRanges(page);
  assert.deepEqual(painted.map((r) => r.text), ['Alpha beta,', 'Gamma \uDBFF delta']);
});

test('page text that looks like HTML never runs, in text, attributes and results', async () => {
  const payloads = ['<img src=x onerror="window.pwned=1">', '<script>window.pwned=2</script>', '"><svg onload=window.pwned=3>'];
  const setup = (list) => () => {
    const app = document.getElementById('app');
    for (const p of list) {
      const el = document.createElement('p');
      el.title = p;
      el.textContent = `“${p}” he said. Bob argued that ${p}.`;
      app.append(el);
    }
  };
  const page = await mount('', { setup: `(${setup.toString()})(${JSON.stringify(payloads)})` });
  const p = await pointOf(page, 'img src');
  await page.mouse.move(p.x, p.y);
  await page.waitForTimeout(150);
  const r = await page.evaluate(() => ({
    pwned: window.pwned,
    imgs: document.querySelectorAll('img, svg').length + document.querySelector('[data-quotelens-ui]').shadowRoot.querySelectorAll('img, svg, script').length,
    items: document.querySelector('[data-quotelens-ui]').shadowRoot.querySelectorAll('li button').length,
  }));
  assert.deepEqual(r, { pwned: undefined, imgs: 0, items: 6 });
  assert.match((await ui(page)).tip, /quote/);
  assert.deepEqual(page.errors, []);
});

test('highlight twice, clear twice, detach while annotating, clear while a refresh runs: no error, nothing left', async () => {
  const page = await mount(ARTICLE, { delay: 50 });
  const r = await page.evaluate(async () => {
    const app = document.getElementById('app');
    // Twice on one element, cleared in either order, and twice each.
    const second = await createView(app, {}, fake);
    view.clear(); second.clear(); second.clear(); view.clear();
    const clean = CSS.highlights.size === 0 && !document.querySelector('[data-quotelens-ui]');
    // The element leaves the document while the core works: annotations, but nothing painted.
    const other = document.createElement('div');
    other.append(Object.assign(document.createElement('p'), { textContent: '“Detached quote,” he said.' }));
    document.body.append(other);
    const pending = createView(other, {}, fake);
    other.remove();
    const detached = await pending;
    const detachedPainted = CSS.highlights.size;
    detached.clear();
    // clear() while a refresh is waiting for the core: the refresh paints nothing.
    const v = await createView(app, {}, fake);
    const refreshing = v.refresh();
    v.clear();
    await refreshing;
    return { clean, detachedQuotes: detached.annotations.quotes.length, detachedPainted,
      size: CSS.highlights.size, ui: document.querySelectorAll('[data-quotelens-ui]').length,
      same: app.innerHTML === window.before, reported: window.reported };
  });
  assert.deepEqual(r, { clean: true, detachedQuotes: 1, detachedPainted: 0, size: 0, ui: 0, same: true, reported: [] });
  assert.deepEqual(page.errors, []);
});

test('errors go to onError and the console once, never to the page', async () => {
  const page = await mount('<p>“One,” he said.</p>');
  const r = await page.evaluate(async () => {
    view.clear();
    const seen = [];
    const boom = () => { throw new Error('core exploded'); };
    const v = await createView(document.getElementById('app'), { onError: (e) => seen.push(e.message) }, boom);
    await createView(document.getElementById('app'), { onError: (e) => { seen.push(e.message); throw new Error('handler too'); } }, boom);
    const none = await createView(null, { onError: (e) => seen.push(e.message) }, boom);
    none.clear();
    return { seen, quotes: v.annotations.quotes.length };
  });
  assert.deepEqual(r.seen, ['core exploded', 'core exploded', 'quotelens: highlight() needs an element']);
  assert.equal(page.logs.filter((l) => l.includes('core exploded')).length, 1);
  assert.deepEqual(page.errors, []);
});

test('observe: re-annotates debounced after the page changes, ignores its own wrapping, stops on clear', async () => {
  for (const fallback of [false, true]) {
    const page = await mount('<p>“First,” he said.</p>', { fallback, options: { observe: true, debounce: 30 } });
    let calls = await page.evaluate(async () => {
      window.calls = 0;
      const inner = window.fake;
      view.clear();
      window.view = await createView(document.getElementById('app'), { observe: true, debounce: 30 }, (t) => { window.calls++; return inner(t); });
      await new Promise((r) => setTimeout(r, 120)); // its own wrapping must not trigger a pass
      return window.calls;
    });
    assert.equal(calls, 1, `no self-triggered pass (fallback=${fallback})`);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '“Second,” she said.';
      document.getElementById('app').append(p);
    });
    await page.waitForFunction(() => view.annotations.quotes.length === 2);
    assert.deepEqual((await paintedRanges(page)).map((r) => r.text), ['First,', 'Second,']);
    calls = await page.evaluate(async () => {
      view.clear();
      document.getElementById('app').append('“Third,” he said.');
      await new Promise((r) => setTimeout(r, 120));
      return window.calls;
    });
    assert.equal(calls, 2, 'no pass after clear');
    assert.equal(await page.evaluate(() => document.querySelectorAll('quotelens-mark').length), 0);
  }
});

test('a framework re-rendering the article: highlights follow, nothing left after clear', async () => {
  const page = await mount('<div id="root"><p>“Rendered once,” he said.</p></div>', { options: { observe: true, debounce: 30 } });
  await page.evaluate(() => {
    // What React does on a re-render with new content: replace the children and set text.
    const root = document.getElementById('root');
    const p = document.createElement('p');
    p.append('“Rendered twice,”', ' he said.');
    root.replaceChildren(p);
  });
  await page.waitForFunction(() => view.annotations.quotes[0]?.text === 'Rendered twice,');
  assert.deepEqual((await paintedRanges(page)).map((r) => r.text), ['Rendered twice,']);
  await page.evaluate(() => { document.querySelector('#root p').firstChild.data = '“Rendered thrice,”'; });
  await page.waitForFunction(() => view.annotations.quotes[0]?.text === 'Rendered thrice,');
  await page.evaluate(() => view.clear());
  assert.equal(await page.evaluate(() => CSS.highlights.size + document.querySelectorAll('[data-quotelens-ui]').length), 0);
  assert.deepEqual(page.errors, []);
});

test('shadow roots and iframes inside the target are skipped, never a crash', async () => {
  const setup = () => {
    const app = document.getElementById('app');
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>“Shadow quote,” he said.</p><slot></slot>';
    host.innerHTML = '<p>“Slotted quote,” he said.</p>';
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>“Frame quote,” he said.</p>';
    app.append(host, frame);
  };
  const page = await mount('<p>“Light quote,” she said.</p>', { setup: setup.toString() });
  assert.deepEqual((await paintedRanges(page)).map((r) => r.text), ['Light quote,', 'Slotted quote,']);
  assert.deepEqual(page.errors, []);
});

test('the UI lives in a shadow root: page CSS does not reach it, and no request leaves the page', async () => {
  const page = await mount(ARTICLE, { setup: (() => {
    const s = document.createElement('style');
    s.textContent = 'button, li, h3, section { display: none !important; color: red !important }';
    document.head.append(s);
  }).toString() });
  const visible = await page.evaluate(() => {
    const root = document.querySelector('[data-quotelens-ui]').shadowRoot;
    const fold = root.querySelector('.head button');
    if (fold.getAttribute('aria-expanded') === 'false') fold.click(); // folded when it would cover the article
    const b = root.querySelector('li button');
    return getComputedStyle(b).display !== 'none' && b.getClientRects().length > 0;
  });
  assert.equal(visible, true);
  assert.deepEqual(foreign(page, server.origin), []);
});

test('dark colour scheme themes the panel', async () => {
  const page = await open(browser, server.url('/tests/browser/fixtures/blank.html'), { colorScheme: 'dark' });
  const bg = await page.evaluate(async () => {
    const { createView } = await import('/www/lib/view.js');
    const { fakeAnnotate } = await import('/tests/browser/fixtures/fake-annotate.js');
    document.getElementById('app').innerHTML = '<p>“Dark,” he said.</p>';
    await createView(document.getElementById('app'), {}, fakeAnnotate);
    return getComputedStyle(document.querySelector('[data-quotelens-ui]').shadowRoot.querySelector('.panel')).backgroundColor;
  });
  assert.equal(bg, 'rgb(17, 24, 39)');
});

test('a tap (click) on a highlight pins its tooltip; a click elsewhere closes it', async () => {
  const page = await mount(ARTICLE);
  const p = await pointOf(page, 'did not wait');
  await page.mouse.click(p.x, p.y);
  assert.match((await ui(page)).tip || '', /she → Ines Caldwell/);
  const h = await pointOf(page, 'Harbour');
  await page.mouse.click(h.x, h.y);
  assert.equal((await ui(page)).tip, null);
});

test('toWebAnnotations: TextQuoteSelector with prefix/suffix and TextPositionSelector in code points', async () => {
  const page = await mount('<p>😀 “Gamma delta,” he said.</p>');
  const [anno] = await page.evaluate(async () => {
    const { toWebAnnotations } = await import('/www/lib/webannotation.js');
    return toWebAnnotations(view, { source: 'https://example.org/story' });
  });
  assert.equal(anno['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(anno.type, 'Annotation');
  assert.equal(anno.target.source, 'https://example.org/story');
  assert.deepEqual(anno.target.selector, [
    { type: 'TextQuoteSelector', exact: 'Gamma delta,', prefix: '😀 “', suffix: '” he said.' },
    { type: 'TextPositionSelector', start: 3, end: 15 }, // the emoji is one code point, two UTF-16 units
  ]);
  assert.deepEqual(anno.body.map((b) => b.value), ['Quote by Tom Reyes (he), said: Gamma delta,', 'quote', 'Tom Reyes']);
});
