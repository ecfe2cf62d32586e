// The way a web project uses quotelens: this folder depends on the package by path
// ("quotelens": "file:../.."), imports it by name, is bundled by `vite build`, and the built
// site is served and opened in Debian's Chromium, where the quote must appear on the page.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let server;
let browser;

before(async () => {
  if (!existsSync(`${here}node_modules/quotelens`)) {
    await run('npm', ['install', '--no-package-lock', '--no-audit', '--no-fund'], { cwd: here });
  }
  await run(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], { cwd: here });
  server = await serve(`${here}dist`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('vite build emits the wasm as an asset beside the bundle', () => {
  const assets = readdirSync(`${here}dist/assets`);
  assert.ok(assets.some((name) => name.endsWith('.wasm')), `a .wasm asset in ${assets}`);
  assert.ok(assets.some((name) => name.endsWith('.js')), 'a JS bundle');
});

test('the built page annotates its text in Chromium, with no request leaving its origin', async () => {
  const page = await browser.newPage();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const foreign = [];
  const errors = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) foreign.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

  await page.goto(`${origin}/index.html`);
  await page.waitForSelector('#result:not([data-state="pending"])');
  assert.equal(await page.getAttribute('#result', 'data-state'), 'done', await page.textContent('#result'));

  const text = await page.textContent('#article');
  const result = JSON.parse(await page.textContent('#result'));
  assert.equal(result.version, 1);
  const quote = result.quotes.find((q) => q.text.includes('We will rebuild the bridge by spring'));
  assert.ok(quote, `the quote was found: ${JSON.stringify(result.quotes)}`);
  assert.equal(text.slice(quote.start, quote.end), quote.text, 'UTF-16 offsets after the emoji');
  assert.match(await page.textContent('#quotes'), /Ana Lopez: “We will rebuild the bridge by spring/);

  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await page.close();
});
