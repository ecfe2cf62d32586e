/**
 * The benchmark corpus, shared by the Node and page benchmarks: the PolNeAR train texts
 * (../shared/eval/polnear/train/text/*.txt beside the repository, or QUOTELENS_BENCH_CORPUS),
 * or, when they are absent, generated news-like articles (and `source` says so).
 * Same order and same concatenation as examples/bench.rs, so figures compare.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CORPUS = path.resolve(ROOT, '../shared/eval/polnear/train/text');

/** `{ source, docs }`: the corpus's documents in file-name order. */
export function loadCorpus(dir = process.env.QUOTELENS_BENCH_CORPUS || DEFAULT_CORPUS) {
  if (existsSync(dir)) {
    const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
    if (names.length) return { source: dir, docs: names.map((n) => readFileSync(path.join(dir, n), 'utf8')) };
  }
  console.error(`bench: no corpus at ${dir} (set QUOTELENS_BENCH_CORPUS); using generated text`);
  return { source: 'generated', docs: generated() };
}

/** One document of at least `bytes` UTF-8 bytes: the articles in turn, a blank line between. */
export function concatenated(docs, bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i = (i + 1) % docs.length) {
    const doc = docs[i].trimEnd();
    parts.push(doc);
    size += utf8Length(doc) + (parts.length > 1 ? 2 : 0);
  }
  return parts.join('\n\n');
}

/** The first articles, whole, until they hold at least `n` words (for the page benchmark). */
export function articlesOfWords(docs, n) {
  const out = [];
  let words = 0;
  for (let i = 0; words < n; i = (i + 1) % docs.length) {
    out.push(docs[i].trimEnd());
    words += docs[i].split(/\s+/).filter(Boolean).length;
  }
  return out;
}

/** The first articles, whole, until they hold at least `bytes` UTF-8 bytes (the 1 MB page). */
export function articlesOfBytes(docs, bytes) {
  const out = [];
  for (let i = 0, n = 0; n < bytes; i = (i + 1) % docs.length) {
    out.push(docs[i].trimEnd());
    n += utf8Length(docs[i]);
  }
  return out;
}

/** Text made safe for HTML element content and attribute values. */
export const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Articles as a page's body: each a <section> with its first paragraph as <h2>. */
export function articlesHtml(articles) {
  return articles.map((a) => {
    const [head, ...paras] = a.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    return `<section><h2>${escapeHtml(head)}</h2>\n${paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</section>`;
  }).join('\n');
}

/** The benches' article page: `articles` in <article id="story">, the widget from /dist/ as `window.ql`. */
export function articlePage(articles, title) {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<body><main><article id="story">${articlesHtml(articles)}</article></main>
<script type="module">
  import { init, highlight, annotateSync } from '/dist/quotelens.js';
  await init();
  window.ql = { highlight, annotateSync };
  window.ready = true;
</script></body></html>`;
}

export const utf8Length = (s) => Buffer.byteLength(s, 'utf8');

/** Deterministic articles with quotes, reported speech and numbers. Only indicative. */
function generated() {
  const NAMES = ['Maria Lopez', 'John Smith', 'Angela Merkel', 'Kirill Dmitriev', 'Ana Silva', 'Tom Baker'];
  const ORGS = ['the Treasury', 'Reuters', 'the World Bank', 'the city council'];
  let seed = 12345;
  const next = (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % n;
  };
  const docs = [];
  let size = 0;
  while (size < 4_000_000) {
    const paras = [`${NAMES[next(6)]} warns on budget as costs rise`];
    for (let p = 0; p < 12; p++) {
      const who = NAMES[next(6)], org = ORGS[next(4)];
      paras.push([
        `\u201cWe will not accept a deal that costs ${next(9000) + 100} jobs,\u201d ${who} said on Tuesday. \u201cIt is simply wrong.\u201d`,
        `${who}, a spokesperson for ${org}, said that inflation rose ${next(9)}.${next(9)} percent in March, the highest rate since 2008.`,
        `Unemployment fell to ${next(12) + 2} percent last year, according to ${org}. Officials argued the figures were \u201cencouraging but fragile.\u201d`,
        `"The market has been very volatile," said ${who}. "Nobody knows what comes next." The shares closed ${next(90) + 1} cents lower.`,
      ][(p + next(3)) % 4]);
    }
    const doc = paras.join('\n\n') + '\n';
    docs.push(doc);
    size += doc.length;
  }
  return docs;
}

/** The median of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
