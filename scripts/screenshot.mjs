#!/usr/bin/env node
/**
 * Remakes docs/demo.png, the README's picture of the demo, from the current build: the demo
 * page (www/index.html) with its own sample article annotated, in Debian's Chromium. Run after
 * `npm run build`, whenever what the demo shows has changed:
 *
 *   node scripts/screenshot.mjs [OUT.png]
 */
import path from 'node:path';
import { serve, launch, open, ROOT } from '../tests/browser/_harness.mjs';

const out = path.resolve(process.argv[2] || path.join(ROOT, 'docs/demo.png'));
const server = await serve();
const browser = await launch();
try {
  const page = await open(browser, server.url('/www/index.html'));
  await page.setViewportSize({ width: 1280, height: 860 });
  // The demo annotates its sample on load; wait for that pass and for the panel to fill.
  await page.evaluate(() => window.demo.done);
  await page.waitForTimeout(300);
  if (page.errors.length) throw new Error(`the demo page threw: ${page.errors.join('; ')}`);
  await page.screenshot({ path: out });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  await server.close();
}
