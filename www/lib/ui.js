/**
 * The widget's one host element. Tooltip, panel and the screen-reader list live in its shadow
 * root: the page's CSS cannot reach in and ours cannot leak out. The host carries UI_ATTR so text
 * collection and the mutation observer ignore it.
 */
import { UI_ATTR } from './collect.js';
import { adoptSheet } from './paint.js';

const CSS_TEXT = `
:host{all:initial}
*{box-sizing:border-box}
[hidden]{display:none!important}
.ui{--bg:#fff;--fg:#1f2937;--muted:#4b5563;--line:#d1d5db;--accent:#1d4ed8;--quote:#fde68a;--claim:#2563eb;
 font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg)}
@media (prefers-color-scheme:dark){.ui{--bg:#111827;--fg:#f3f4f6;--muted:#cbd5e1;--line:#374151;--accent:#93c5fd;--quote:#6b5300;--claim:#93c5fd}}
.tip{position:fixed;z-index:2147483647;max-width:min(24rem,90vw);padding:8px 10px;border-radius:8px;
 background:var(--bg);color:var(--fg);border:1px solid var(--line);box-shadow:0 6px 24px #0004;pointer-events:none}
.tip .k{font-weight:600;text-transform:capitalize}
.tip .m{color:var(--muted)}
.panel{position:fixed;z-index:2147483646;right:16px;bottom:16px;width:min(22rem,calc(100vw - 32px));max-height:70vh;
 display:flex;flex-direction:column;background:var(--bg);border:1px solid var(--line);border-radius:10px;box-shadow:0 6px 24px #0003}
.head{display:flex;align-items:center;gap:8px;padding:8px 10px;border-bottom:1px solid var(--line)}
.head h2{font-size:15px;margin:0;flex:1}
.count{color:var(--muted);font-size:12px}
.body{overflow:auto;padding:8px 10px}
.controls{display:flex;flex-wrap:wrap;gap:6px 12px;align-items:center;margin-bottom:8px}
button,select{font:inherit;color:inherit;background:transparent;border:1px solid var(--line);border-radius:6px;padding:2px 8px;cursor:pointer}
button[aria-pressed=false]{opacity:.7}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
h3{font-size:13px;margin:10px 0 4px}
ul{list-style:none;margin:0;padding:0}
li button{display:block;width:100%;text-align:left;border:0;border-left:4px solid var(--quote);margin:2px 0;padding:4px 8px}
li button.claim{border-left:4px dashed var(--claim)}
li button:hover{background:#8882}
.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.sr .more:focus{position:fixed;left:8px;top:8px;background:var(--bg)}
`;

/** Creates the host at the end of <body>; returns `{ root, box, remove() }` (`box` is the themed wrapper). */
export function createHost(doc) {
  const host = doc.createElement('quotelens-ui');
  host.setAttribute(UI_ATTR, '');
  const root = host.attachShadow({ mode: 'open' });
  adoptSheet(doc, root, CSS_TEXT);
  const box = el(doc, 'div', 'ui');
  root.appendChild(box);
  (doc.body || doc.documentElement).appendChild(host);
  return { host, root, box, remove: () => host.remove() };
}

/** createElement + optional class + textContent: the only way this widget makes DOM. */
export function el(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}
