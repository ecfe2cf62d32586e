#!/usr/bin/env node
/**
 * `npm run bench`: every performance figure of DESIGN.md's budgets in one table.
 *
 *   npm run bench                        # all: native, WASM in Node, page in Chromium, sizes
 *   npm run bench -- --quick             # fewer repeats, no 10 MB document
 *   npm run bench -- --only native,size  # some parts (native | wasm | page | size)
 *   npm run bench -- --runs 9 --json bench.json   # more repeats; raw results to a file
 *
 * Parts, each runnable alone (see the comment at the top of each):
 *   native  cargo run --release --example bench -- --json   (examples/bench.rs)
 *   wasm    node bench/node-wasm.mjs                         (the built dist/ in Node)
 *   page    node bench/page.mjs                              (dist/ in Debian's Chromium)
 *   size    node bench/size.mjs                              (dist/ sizes; twiggy if installed)
 *
 * Benchmarks, not tests: nothing fails on a missed budget (the table says "over"), and none of
 * this runs under `npm test`. Builds dist/ first if it is missing or older than a source it is
 * built from (a stale dist/ once put an older build's size in the table). Figures from a shared or
 * busy machine are noisy: the core figures use CPU time, docs/PERFORMANCE.md says how to read them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = flag('--quick');
const runs = Number(value('--runs')) || (quick ? 3 : 5);
const only = new Set((value('--only') || 'native,wasm,page,size').split(','));

const { loadCorpus } = await import('../bench/corpus.mjs');
const corpus = loadCorpus();

/** The newest modification time of the files dist/ is built from (milliseconds; 0 if none). */
function newestSource() {
  const newest = (p) => {
    if (!existsSync(p)) return 0;
    const st = statSync(p);
    if (!st.isDirectory()) return st.mtimeMs;
    return Math.max(0, ...readdirSync(p).map((name) => newest(path.join(p, name))));
  };
  return Math.max(...['src', 'data', 'www/lib', 'Cargo.toml', 'Cargo.lock', 'scripts/build.mjs'].map((p) => newest(path.join(root, p))));
}
const built = path.join(root, 'dist/quotelens.js');
if (['wasm', 'page', 'size'].some((p) => only.has(p)) && (!existsSync(built) || statSync(built).mtimeMs < newestSource())) {
  console.error('bench: dist/ is missing or older than its sources; running `node scripts/build.mjs`');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
}

const results = { date: new Date().toISOString(), machine: machine(), git: git(), runs, corpus: corpus.source };

if (only.has('native')) {
  console.error('bench: native (cargo run --release --example bench) …');
  const extra = ['--json', '--runs', String(runs), ...(quick ? ['--quick'] : [])];
  const env = { ...process.env };
  if (corpus.source !== 'generated') env.QUOTELENS_BENCH_CORPUS = corpus.source;
  const run = spawnSync('cargo', ['run', '--quiet', '--release', '--example', 'bench', '--', ...extra],
    { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  if (run.status !== 0) results.native = { error: `cargo exited with ${run.status}` };
  else results.native = JSON.parse(run.stdout.trim().split('\n').pop());
}
if (only.has('wasm')) {
  console.error('bench: WASM in Node (bench/node-wasm.mjs) …');
  const { benchWasm } = await import('../bench/node-wasm.mjs');
  results.wasm = await benchWasm({ runs, corpus });
}
if (only.has('page')) {
  console.error('bench: page in Chromium (bench/page.mjs) …');
  const { benchPage } = await import('../bench/page.mjs');
  try {
    results.page = await benchPage({ runs: Math.max(runs, 7), corpus });
  } catch (err) {
    results.page = { error: String(err?.message || err) };
  }
}
if (only.has('size')) {
  const { sizes, twiggyTop } = await import('../bench/size.mjs');
  results.size = { files: sizes(), twiggy: twiggyTop(15) };
}

if (value('--json')) writeFileSync(value('--json'), JSON.stringify(results, null, 2) + '\n');
console.log(report(results));

// ---------------------------------------------------------------------------------------------

function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model?.trim() || 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ` +
    `${os.type()} ${os.release()}, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join('/')}`;
}

function git() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'www/lib', 'Cargo.toml'], { cwd: root, encoding: 'utf8' })
      .trim().split('\n').filter(Boolean).length;
    return dirty ? `${head} + ${dirty} uncommitted change(s) in src/, www/lib/, Cargo.toml` : head;
  } catch {
    return 'unknown';
  }
}

function report(r) {
  const f = (x, d = 1) => (x === undefined || x === null || Number.isNaN(x) ? '—' : x.toFixed(d));
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const ok = (good) => (good ? 'met' : 'OVER');
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(`quotelens benchmarks — ${r.date}`, `machine: ${r.machine}`, `source: ${r.git}; corpus: ${r.corpus}; median of ${r.runs} runs`, '');
  row('what', 'measure', 'figure', 'budget', 'verdict');
  row('---', '---', '---:', '---', '---');
  const nat = r.native?.throughput;
  if (r.native?.error) row('native core', 'error', r.native.error, '', '');
  if (nat) {
    for (const t of nat) {
      row(`native: ${t.name}`, 'annotate, MB/s (CPU time)', f(t.annotate_mbps, 2), '', '');
      row(`native: ${t.name}`, 'annotate_into + CLI JSON (schema::write_json_to into a Vec), MB/s', f(t.full_mbps, 2), '≥ 100 MB/s', ok(t.full_mbps >= 100));
    }
    const sc = r.native.scaling;
    for (const s of sc) row(`native scaling: ${s.name}`, 'ms (ns/byte)', `${f(s.full_ms)} (${f(s.ns_per_byte)})`,
      'linear: ns/byte flat', s === sc[0] ? '' : `${f(s.ns_per_byte / sc[0].ns_per_byte, 2)}× the 1× cost per byte`);
    for (const s of r.native.skipped || []) row('native scaling', s, '', '', '');
  }
  if (r.wasm) {
    for (const t of r.wasm.rows) {
      const native = nat?.find((n) => n.name === t.name);
      const ratio = native ? native.full_mbps / t.cpu_mbps : undefined;
      row(`WASM in Node: ${t.name}`, 'annotateSync, MB/s (CPU time; wall)', `${f(t.cpu_mbps, 2)} (${f(t.mbps, 2)})`,
        'within 2× of native', ratio === undefined ? '' : `${f(ratio, 1)}× slower: ${ok(ratio <= 2)}`);
    }
  }
  if (r.page?.error) row('page', 'error', r.page.error, '', '');
  else if (r.page) {
    const w = r.page.words10k, b = r.page.mb1;
    row(`page: ${w.words} words`, 'highlight() ms, median (min)', `${f(w.highlight_ms)} (${f(w.highlight_min_ms)})`, '< 16 ms', ok(w.highlight_ms < 16));
    row(`page: ${w.words} words`, 'of which annotateSync ms, median (min)', `${f(w.core_ms)} (${f(w.core_min_ms)})`, '', '');
    for (const [name, m] of Object.entries(b)) {
      const how = name === 'worker' ? 'annotated in a Worker' : 'annotated in slices (worker: false)';
      row(`page: 1 MB (${m.chars} chars), ${how}`, 'longest main-thread task, ms', f(m.longest_task_ms, 0), '≤ 50 ms', ok(m.longest_task_ms <= 50));
      row(`page: 1 MB, ${name}`, 'longest main-thread task, thread CPU ms (traced)', f(m.longest_task_cpu_ms, 0), '≤ 50 ms', ok(m.longest_task_cpu_ms <= 50));
      row(`page: 1 MB, ${name}`, 'of which: longest script run / rendering, ms (LoAF)', `${f(m.longest_script_ms, 0)} / ${f(m.longest_render_ms, 0)}`, '', '');
      row(`page: 1 MB, ${name}`, `highlight() total ms (${m.tasks} tasks)`, f(m.highlight_ms, 0), '', '');
    }
  }
  if (r.size) {
    for (const s of r.size.files) {
      if (s.missing) row(`size: ${s.name}`, 'missing', '', '', '');
      else row(`size: ${s.name}`, 'gzip (raw)', `${kb(s.gzip)} (${kb(s.raw)})`, s.budget ? `≤ ${kb(s.budget)} gzip` : 'reported only', s.budget ? ok(s.ok) : '');
    }
    if (r.size.twiggy) {
      lines.push('', `twiggy top 15 (${r.size.twiggy.file}, before wasm-opt):`, '');
      lines.push('| bytes | % | item |', '|---:|---:|---|');
      for (const t of r.size.twiggy.rows) lines.push(`| ${t.bytes} | ${f(t.percent, 2)} | ${t.item.slice(0, 100).replace(/\|/g, '\\|')} |`);
    }
  }
  return lines.join('\n');
}
