#!/usr/bin/env node
/**
 * What parts of the widget cost Chromium on a 1 MB page, measured apart (wall time in the page,
 * forced style/layout right after the change; run it a few times on a loaded machine):
 *
 *   node bench/page-parts.mjs [--rounds N]
 *
 * - a stylesheet added to the document (adopted or <style>): none, a class rule, the
 *   `::highlight()` rules, a `:root::highlight()` rule, the fallback's element rules;
 * - a host appended with: nothing, a <select> of 1,500 options, 200 list rows of ~180
 *   characters, the same rows visually hidden (the screen-reader list's CSS).
 * docs/PERFORMANCE.md ("Page: the browser's rendering of a 1 MB page") quotes its figures.
 */
import { chromium } from 'playwright-core';
import { loadCorpus, articlesOfBytes, escapeHtml } from './corpus.mjs';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 3;
const esc = escapeHtml;
const { docs } = loadCorpus();
const big = articlesOfBytes(docs, 1e6);
const body = big.map((a) => {
  const [h, ...ps] = a.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return `<section><h2>${esc(h)}</h2>${ps.map((p) => `<p>${esc(p)}</p>`).join('')}</section>`;
}).join('');

const SHEETS = {
  none: '',
  class: '.never-matches{color:red}',
  highlight: '::highlight(quotelens-quote){background-color:#fde68a}::highlight(quotelens-claim){text-decoration:underline 2px #2563eb}',
  'root-highlight': ':root::highlight(quotelens-quote){background-color:#fde68a}',
  elements: 'quotelens-mark{display:inline}quotelens-mark[data-kind~=quote]{background:#fde68a}',
};
const HOSTS = ['empty', 'select-1500', 'rows-200', 'rows-200-hidden'];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const tab = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await tab.setContent(`<!doctype html><body><article id=story>${body}</article>`);
  const out = {};
  const add = (k, v) => (out[k] ||= []).push(Math.round(v * 10) / 10);
  for (let r = 0; r < rounds; r++) {
    for (const [name, css] of Object.entries(SHEETS)) {
      for (const how of ['adopted', 'style']) {
        add(`sheet ${name} (${how})`, await tab.evaluate(async ([css, how]) => {
          await new Promise((f) => requestAnimationFrame(() => setTimeout(f, 0)));
          document.body.offsetTop;
          const t0 = performance.now();
          let undo;
          if (how === 'adopted') {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(css);
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
            undo = () => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter((x) => x !== sheet); };
          } else {
            const style = document.createElement('style');
            style.textContent = css;
            document.head.appendChild(style);
            undo = () => style.remove();
          }
          getComputedStyle(document.querySelector('#story p:last-child')).color;
          document.body.offsetTop;
          const ms = performance.now() - t0;
          undo();
          document.body.offsetTop;
          return ms;
        }, [css, how]));
      }
    }
    for (const what of HOSTS) {
      add(`host ${what}`, await tab.evaluate(async (what) => {
        await new Promise((f) => requestAnimationFrame(() => setTimeout(f, 0)));
        document.body.offsetTop;
        const host = document.createElement('div');
        const box = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('div'));
        if (what === 'select-1500') {
          const select = box.appendChild(document.createElement('select'));
          for (let i = 0; i < 1500; i++) select.appendChild(document.createElement('option')).textContent = `Speaker name number ${i}`;
        } else if (what.startsWith('rows')) {
          if (what.endsWith('hidden')) box.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';
          const ol = box.appendChild(document.createElement('ol'));
          for (let i = 0; i < 200; i++) {
            ol.appendChild(document.createElement('li')).appendChild(document.createElement('button')).textContent =
              `Claim by Somebody Important, said: ${'word '.repeat(30)}`;
          }
        }
        const t0 = performance.now();
        document.body.appendChild(host);
        document.body.offsetTop;
        const ms = performance.now() - t0;
        host.remove();
        document.body.offsetTop;
        return ms;
      }, what));
    }
  }
  for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(32)} ${v.join(' / ')} ms`);
} finally {
  await browser.close();
}
