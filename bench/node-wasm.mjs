#!/usr/bin/env node
/**
 * The core through the BUILT package (dist/quotelens.js + dist/quotelens_bg.wasm) in Node:
 * `init()` once, then `annotateSync` (the whole public path: options, wasm, the result as JSON
 * through JSON.parse to JS objects, UTF-16 offsets) over the corpus and over one ~1 MB document.
 *
 *   node bench/node-wasm.mjs [--runs N] [--json]      (npm run build first)
 *
 * Each figure is the median of N passes after one warm-up pass. `cpu ms` (the figure compared
 * with native) is the process's CPU time from process.cpuUsage (it includes V8's helper threads,
 * so it errs high); `ms` is wall time, which on a shared machine also counts other processes.
 * MB/s counts UTF-8 bytes, as the native benchmark does.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, loadCorpus, concatenated, utf8Length, median } from './corpus.mjs';

export async function benchWasm({ runs = 5, corpus = loadCorpus() } = {}) {
  const entry = path.join(ROOT, 'dist/quotelens.js');
  if (!existsSync(entry)) throw new Error('dist/quotelens.js is missing: run `npm run build`');
  const { init, annotateSync } = await import(pathToFileURL(entry).href);
  await init();
  const built = statSync(path.join(ROOT, 'dist/quotelens_bg.wasm')).mtime.toISOString();

  const measure = (name, docs) => {
    const bytes = docs.reduce((n, d) => n + utf8Length(d), 0);
    const pass = () => {
      const c0 = process.cpuUsage(), t0 = performance.now();
      let found = 0;
      for (const d of docs) {
        const r = annotateSync(d);
        found += r.quotes.length + r.claims.length + r.entities.length;
      }
      const wall = performance.now() - t0, c = process.cpuUsage(c0);
      return { wall, cpu: (c.user + c.system) / 1000, found };
    };
    const warm = pass();
    // A pass slower than 20 s is measured once (the warm-up): the 1 MB document while the core is quadratic.
    const passes = warm.cpu > 20_000 ? [warm] : Array.from({ length: runs }, pass);
    const wall = median(passes.map((p) => p.wall)), cpu = median(passes.map((p) => p.cpu));
    return { name, bytes, docs: docs.length, ms: wall, cpu_ms: cpu, mbps: bytes / 1e6 / (wall / 1e3),
      cpu_mbps: bytes / 1e6 / (cpu / 1e3), passes: passes.length, found: warm.found };
  };
  return {
    source: corpus.source,
    built,
    rows: [
      measure(`corpus (${corpus.docs.length} docs)`, corpus.docs),
      measure('one 1 MB document', [concatenated(corpus.docs, 1_000_000)]),
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
  const out = await benchWasm({ runs });
  if (args.includes('--json')) console.log(JSON.stringify(out));
  else {
    console.log(`WASM in Node ${process.version}, dist built ${out.built}; median of ${runs}; corpus: ${out.source}`);
    for (const r of out.rows) {
      console.log(`${r.name.padEnd(22)} ${String(r.bytes).padStart(9)} B  ${r.ms.toFixed(1).padStart(9)} ms  ` +
        `${r.mbps.toFixed(2).padStart(7)} MB/s  (cpu ${r.cpu_ms.toFixed(1)} ms, ${r.cpu_mbps.toFixed(2)} MB/s)`);
    }
  }
}
