#!/usr/bin/env node
/**
 * What the `::highlight()` stylesheet costs Chromium on a 1 MB page, and what it depends on:
 * each variant on a fresh page, traced, in steps a few frames apart (each step runs in a task
 * of its own and the browser then renders as it would, nothing forced):
 *
 *   node bench/page-sheet.mjs [--rounds N] [--only 'part|part']
 *
 *   setup     (some variants: a class on the article, an empty sheet adopted early…)
 *   add       the stylesheet goes in
 *   register  ~40 ranges near the top registered in CSS.highlights
 *   clear     the ranges deleted
 *   remove    the stylesheet taken away (or emptied / disabled)
 *
 * For each step: the longest main-thread task (thread CPU `tdur` and wall `dur` of RunTask),
 * the style recalcs in it (UpdateLayoutTree: CPU and elements restyled).
 * docs/PERFORMANCE.md ("Page: the stylesheet's restyle") quotes its figures.
 */
import os from 'node:os';
import path from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { loadCorpus, articlesOfBytes, escapeHtml } from './corpus.mjs';

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 3;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split('|') : null;
const esc = escapeHtml;
const { docs } = loadCorpus();
const big = articlesOfBytes(docs, 1e6);
// As bench/page.mjs, plus an <em> in every paragraph (nested text, as on real pages).
const body = big.map((a) => {
  const [h, ...ps] = a.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return `<section><h2>${esc(h)}</h2>${ps.map((p) => {
    const words = esc(p).split(' ');
    return `<p>${words.slice(0, 3).join(' ')} <em>${words.slice(3, 6).join(' ')}</em> ${words.slice(6).join(' ')}</p>`;
  }).join('')}</section>`;
}).join('');

// The widget's rules (paint.js), universal, and the same scoped to a selector.
const rules = (scope = '') => {
  const v = (name, light) => `var(--quotelens-${name}, ${light})`;
  const quote = `background-color:${v('quote-bg', '#fde68a')}`;
  const claim = `text-decoration:underline 2px ${v('claim-line', '#2563eb')};text-underline-offset:3px`;
  const focus = `background-color:${v('focus-bg', '#fb923c')}`;
  return `${scope}::highlight(quotelens-quote){${quote}}${scope}::highlight(quotelens-claim){${claim}}${scope}::highlight(quotelens-focus){${focus}}`;
};
const FULL = (scope = '') => rules(scope) + `@media (prefers-color-scheme:dark){${rules(scope)}}`;

/**
 * Variants: page-side code as strings, run with `S` (a scratch object) in scope.
 * `add`/`remove` default to adopting / un-adopting a constructed sheet holding `css`.
 */
const ADOPT = `S.sheet = new CSSStyleSheet(); S.sheet.replaceSync(S.css); document.adoptedStyleSheets = [...document.adoptedStyleSheets, S.sheet];`;
const UNADOPT = `document.adoptedStyleSheets = document.adoptedStyleSheets.filter((x) => x !== S.sheet);`;
const STYLE = `S.style = document.createElement('style'); S.style.textContent = S.css; document.head.appendChild(S.style);`;
// Marks on the elements holding registered ranges only (the near-viewport ones), the rules
// scoped to them and their descendants (for browsers without highlight inheritance).
const MARKED = FULL('[data-ql]') + FULL('[data-ql] *');
const MARK = `for (const r of S.ranges) { const c = r.commonAncestorContainer; (c.nodeType === 1 ? c : c.parentElement).setAttribute('data-ql', ''); }`;
const UNMARK = `for (const e of document.querySelectorAll('[data-ql]')) e.removeAttribute('data-ql');`;
const VARIANTS = {
  'marked: [data-ql] rules, marks on the ~40 paragraphs with ranges': { css: MARKED, marks: true },
  'marked, <style>': { css: MARKED, marks: true, add: `S.style = document.createElement('style'); S.style.textContent = S.css; document.head.appendChild(S.style);`, remove: 'S.style.remove();' },
  'universal, adopted': { css: FULL() },
  'universal, <style>': { css: FULL(), add: STYLE, remove: 'S.style.remove();' },
  'universal, no var()/@media': { css: '::highlight(quotelens-quote){background-color:#fde68a}::highlight(quotelens-claim){text-decoration:underline 2px #2563eb}::highlight(quotelens-focus){background-color:#fb923c}' },
  ':root scoped': { css: FULL(':root') },
  'body scoped': { css: FULL('body') },
  '#story scoped (id)': { css: FULL('#story') },
  '.ql-root on article, class set in setup': { css: FULL('.ql-root'), setup: `document.getElementById('story').classList.add('ql-root');`,
    remove: UNADOPT + `document.getElementById('story').classList.remove('ql-root');` },
  '[data-ql] on article, set with the sheet': { css: FULL('[data-ql]'),
    add: `document.getElementById('story').setAttribute('data-ql', '');` + ADOPT,
    remove: UNADOPT + `document.getElementById('story').removeAttribute('data-ql');` },
  '[data-ql] on article, remove attr only, sheet later': { css: FULL('[data-ql]'),
    add: `document.getElementById('story').setAttribute('data-ql', '');` + ADOPT,
    remove: `document.getElementById('story').removeAttribute('data-ql');`, after: UNADOPT },
  'universal, insertRule into an empty sheet adopted in setup': {
    css: FULL(), setup: `S.sheet = new CSSStyleSheet(); document.adoptedStyleSheets = [...document.adoptedStyleSheets, S.sheet];`,
    add: `for (const r of ['::highlight(quotelens-quote){background-color:#fde68a}', '::highlight(quotelens-claim){text-decoration:underline 2px #2563eb}']) S.sheet.insertRule(r);`,
    remove: `while (S.sheet.cssRules.length) S.sheet.deleteRule(0);`, after: UNADOPT },
  'universal, removed by disabled = true': { css: FULL(), remove: `S.sheet.disabled = true;`, after: UNADOPT },
  'universal, removed by replaceSync("")': { css: FULL(), remove: `S.sheet.replaceSync('');`, after: UNADOPT },
  'class rule only (baseline)': { css: '.never-matches{color:red}' },
  'no sheet, ranges only': { css: '', add: '', remove: '' },
  'no sheet: --x on the root (a plain full restyle)': { css: '', add: `document.documentElement.style.setProperty('--x', '1');`,
    remove: `document.documentElement.style.removeProperty('--x');` },
  'no sheet: color on the article (inherited change)': { css: '', add: `document.getElementById('story').style.color = '#111';`,
    remove: `document.getElementById('story').style.color = '';` },
};

const REGISTER = `
  const ps = [...document.querySelectorAll('#story p')].slice(0, 40);
  S.ranges = ps.map((p) => { const r = document.createRange(); r.setStart(p.firstChild, 0); r.setEnd(p.lastChild, Math.min(40, p.lastChild.length)); return r; });
  const q = new Highlight(...S.ranges.filter((_, i) => i % 2)), c = new Highlight(...S.ranges.filter((_, i) => !(i % 2)));
  q.priority = 2; c.priority = 1;
  CSS.highlights.set('quotelens-quote', q); CSS.highlights.set('quotelens-claim', c);`;
const UNREGISTER = `CSS.highlights.delete('quotelens-quote'); CSS.highlights.delete('quotelens-claim');`;

/** RunTask and UpdateLayoutTree of the renderer's main thread, between TimeStamp marks. */
function analyse(file) {
  const events = JSON.parse(readFileSync(file, 'utf8')).traceEvents;
  const mainIds = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = (e) => mainIds.has(`${e.pid}:${e.tid}`);
  const marks = events.filter((e) => e.name === 'TimeStamp' && onMain(e)).map((e) => ({ ts: e.ts, label: e.args?.data?.message }))
    .filter((m) => m.label?.startsWith('step:')).sort((a, b) => a.ts - b.ts);
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && onMain(e));
  // UpdateLayoutTree: complete events, or B/E pairs.
  const ult = [];
  const open = [];
  for (const e of events.filter((x) => x.name === 'UpdateLayoutTree' && onMain(x)).sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') ult.push({ ts: e.ts, dur: e.dur, tdur: e.tdur, n: e.args?.elementCount ?? e.args?.endData?.elementCount });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E' && open.length) {
      const b = open.pop();
      ult.push({ ts: b.ts, dur: e.ts - b.ts, tdur: (e.tts ?? 0) - (b.tts ?? 0), n: e.args?.elementCount ?? e.args?.endData?.elementCount });
    }
  }
  const ms = (us) => Math.round((us || 0) / 100) / 10;
  const out = {};
  marks.forEach((m, i) => {
    const end = marks[i + 1]?.ts ?? Infinity;
    // A mark is made inside the step's task: that task started just before it.
    const inStep = (e) => e.ts + (e.dur || 0) >= m.ts && e.ts < end;
    const ts = tasks.filter(inStep);
    const us = ult.filter((e) => e.ts >= m.ts && e.ts < end);
    const longest = ts.reduce((a, b) => ((b.tdur || 0) > (a?.tdur || 0) ? b : a), null);
    out[m.label.slice(5)] = {
      cpu: ms(longest?.tdur), wall: ms(longest?.dur),
      style: ms(us.reduce((s, e) => s + (e.tdur || 0), 0)),
      elements: us.reduce((s, e) => s + (e.n || 0), 0),
    };
  });
  return out;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const results = {};
try {
  for (let r = 0; r < rounds; r++) {
    for (const [name, v] of Object.entries(VARIANTS)) {
      if (only && !only.some((o) => name.includes(o))) continue;
      const tab = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await tab.setContent(`<!doctype html><html lang="en"><meta charset="utf-8"><body><main><article id=story>${body}</article></main>`);
      await tab.evaluate((css) => { window.S = { css }; }, v.css);
      await tab.waitForTimeout(300);
      const tracePath = path.join(os.tmpdir(), `quotelens-sheet-${process.pid}.json`);
      await browser.startTracing(tab, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      const steps = [['setup', v.setup || ''], ['add', v.add ?? ADOPT], ['register', REGISTER + (v.marks ? MARK : '')],
        ['clear', UNREGISTER + (v.marks ? UNMARK : '')],
        ['remove', v.remove ?? UNADOPT], ['after', v.after || '']];
      for (const [step, code] of steps) {
        // In a page task of its own, then three frames for the browser to render it.
        await tab.evaluate(([step, code]) => new Promise((resolve) => setTimeout(() => {
          console.timeStamp(`step:${step}`);
          const frame = () => new Promise((f) => requestAnimationFrame(() => setTimeout(f, 0)));
          try { new Function('S', code)(window.S); } catch (err) { resolve(String(err)); return; }
          frame().then(frame).then(frame).then(() => resolve(null));
        }, 0)), [step, code]).then((err) => { if (err) throw new Error(`${name} / ${step}: ${err}`); });
      }
      await tab.evaluate(() => { console.timeStamp('step:end'); });
      await browser.stopTracing();
      const res = analyse(tracePath);
      rmSync(tracePath, { force: true });
      const row = (results[name] ||= {});
      for (const [step, f] of Object.entries(res)) {
        if (step === 'end') continue;
        (row[step] ||= []).push(f);
      }
      await tab.context().close();
    }
  }
} finally {
  await browser.close();
}
console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; per step: longest task CPU/wall ms, style recalc CPU ms [elements]`);
for (const [name, row] of Object.entries(results)) {
  console.log(name);
  for (const [step, fs] of Object.entries(row)) {
    if (step === 'setup' && !VARIANTS[name].setup) continue;
    if (step === 'after' && !VARIANTS[name].after) continue;
    console.log(`  ${step.padEnd(9)} ${fs.map((f) => `${f.cpu}/${f.wall} (style ${f.style} [${f.elements}])`).join('  ')}`);
  }
}
