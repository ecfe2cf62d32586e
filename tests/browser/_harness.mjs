/**
 * Shared by the browser tests: a tiny static server for the repository root (plus pages made
 * at test time), and Debian's Chromium driven by playwright-core.
 * Not a test file itself (node --test only runs *.test.mjs here).
 */
import http from 'node:http';
import { inflateSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The seed article lives beside the repository and is never copied into it. */
export const SEED_PATH = path.resolve(ROOT, '../shared/seed-article.txt');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png' };

/**
 * Serves ROOT on 127.0.0.1 at a free port. `pages` maps a URL path to `{ body, type?, headers? }`
 * for pages made by the test. Returns `{ origin, url(path), pages, close() }`.
 */
export async function serve(pages = {}) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const made = pages[url.pathname];
    if (made) {
      res.writeHead(200, { 'content-type': made.type || TYPES['.html'], ...made.headers });
      res.end(made.body);
      return;
    }
    const file = path.join(ROOT, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(ROOT)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, pages, url: (p) => origin + p, close: () => new Promise((r) => server.close(r)) };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh page that records every request, page error and console message:
 * `page.requests`, `page.errors`, `page.logs`. `fallback: true` removes the Custom Highlight
 * API before any script runs, to exercise the wrapping path.
 */
export async function open(browser, url, { fallback = false, colorScheme, initScripts = [] } = {}) {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  page.requests = [];
  page.errors = [];
  page.logs = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => page.logs.push(`${m.type()}: ${m.text()}`));
  if (fallback) {
    await page.addInitScript(() => {
      delete window.Highlight;
      try { delete CSS.highlights; } catch { /* ignore */ }
      if (CSS.highlights) Object.defineProperty(CSS, 'highlights', { value: undefined });
    });
  }
  // Scripts that must run before the page's own (a trap for payloads, say) without copying
  // the page under test into a fixture.
  for (const path of initScripts) await page.addInitScript({ path });
  if (url) await page.goto(url);
  return page;
}

/** Requests that left the page's origin (data: and blob: URLs stay inside the page). */
export const foreign = (page, origin) =>
  page.requests.filter((u) => !u.startsWith(origin + '/') && !/^(data|blob):/.test(u));

/** Escapes text for HTML built by the tests. */
export const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * In the page: every painted range of the view, as `{ kind, text }`, read from CSS.highlights
 * (Highlight API) or from the <quotelens-mark> runs (fallback), in document order.
 */
export function paintedRanges(page) {
  return page.evaluate(() => {
    const out = [];
    if (window.CSS?.highlights) {
      for (const [name, hl] of CSS.highlights) {
        for (const r of hl) out.push({ kind: name.replace('quotelens-', ''), text: r.toString(), range: r });
      }
      out.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
      return out.map(({ kind, text }) => ({ kind, text }));
    }
    // Fallback: adjacent marks of one kind form one run.
    return [...document.querySelectorAll('quotelens-mark')].map((m) => ({ kind: m.dataset.kind, text: m.textContent }));
  });
}

/**
 * The pixels of a PNG as Chromium's screenshots make them (8-bit RGB or RGBA, not interlaced):
 * `[[r, g, b], …]`, row after row. Enough to ask whether a colour is painted somewhere.
 */
export function pixels(png) {
  const idat = [];
  let width = 0, channels = 4;
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at), type = png.toString('latin1', at + 4, at + 8), data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      if (data[8] !== 8 || data[12] !== 0 || ![2, 6].includes(data[9])) throw new Error('pixels(): an unexpected PNG format');
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels, out = [];
  let prev = Buffer.alloc(stride);
  for (let at = 0; at < raw.length; at += stride + 1) {
    const filter = raw[at], line = Buffer.from(raw.subarray(at + 1, at + 1 + stride));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      line[i] += [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
    }
    for (let i = 0; i < stride; i += channels) out.push([line[i], line[i + 1], line[i + 2]]);
    prev = line;
  }
  return out;
}
