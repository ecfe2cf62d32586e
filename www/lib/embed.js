/**
 * The one-tag embed, bundled into the classic script dist/quotelens.embed.js:
 *
 *   <script src="…/quotelens.embed.js" data-target="article"></script>
 *
 * data-target   a selector for the article; without it the article is found (see findArticle)
 * data-kinds    "quotes,claims" (default both)
 * data-min-score, data-panel="false", data-tooltips="false", data-observe="true",
 * data-worker="false" (a big article annotated in slices on the page, never in a Worker)
 *
 * `document.currentScript` exists only while the script first runs, so the attributes are read
 * at once; the work waits for the DOM. `await window.quotelens.ready` is the view (null when the
 * core could not load, which is reported once in the console).
 */
import { init } from './core.js';
import { highlight } from './index.js';
import { report } from './view.js';

// The bundle runs its inlined-wasm module first, which has started init(bytes); holding that
// promise here means its failure (e.g. a CSP without 'wasm-unsafe-eval') is the one reported,
// rather than a retry that has no URL to load from inside a classic script.
const loading = init();

const data = { ...document.currentScript?.dataset };

/** `article`, `[itemprop=articleBody]`, `main`, else the element holding the most paragraph text. */
export function findArticle(doc = document) {
  const direct = doc.querySelector('[itemprop=articleBody]') || doc.querySelector('article') || doc.querySelector('main');
  if (direct) return direct;
  const score = new Map();
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    score.set(parent, (score.get(parent) || 0) + p.textContent.length);
  }
  let best = doc.body, most = 0;
  for (const [el, n] of score) if (n > most) { best = el; most = n; }
  return best;
}

function start() {
  const target = data.target ? document.querySelector(data.target) : findArticle();
  if (!target) {
    report(new Error(`quotelens: no element matches data-target="${data.target}"`));
    return Promise.resolve(null);
  }
  const options = {
    panel: data.panel !== 'false',
    tooltips: data.tooltips !== 'false',
    observe: data.observe === 'true',
    worker: data.worker !== 'false',
  };
  if (data.kinds) options.kinds = data.kinds.split(',').map((k) => k.trim()).filter(Boolean);
  if (data.minScore) options.minScore = Number(data.minScore);
  return loading.then(() => highlight(target, options), (err) => { report(err); return null; });
}

const ready = new Promise((resolve) => {
  const go = () => { try { resolve(start()); } catch (err) { report(err); resolve(null); } };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
  else go();
});

if (!('quotelens' in window)) window.quotelens = { ready, highlight };
