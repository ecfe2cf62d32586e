#!/usr/bin/env node
/**
 * Builds the browser package into dist/ (git-ignored, rebuilt from scratch every time):
 *
 *   1. cargo      src/ → target/wasm32-unknown-unknown/wasm/quotelens.wasm   ([profile.wasm]: size; `cargo rustc --crate-type cdylib`)
 *   2. wasm-bindgen     → target/wasm-bindgen/quotelens.js + quotelens_bg.wasm (--target web)
 *   3. wasm-opt (strip) → dist/quotelens_bg.wasm                               (npm `binaryen`)
 *   4. esbuild          → dist/quotelens.js        ES module: core + page overlay (www/lib)
 *                         dist/quotelens.embed.js  classic script, wasm inlined as base64
 *                         (both carry the annotating Worker, www/lib/worker.js bundled with
 *                         the core, as a string: it is started from a blob: URL)
 *   5. types            → dist/quotelens.d.ts      (hand-written www/lib/quotelens.d.ts)
 *
 * and prints raw and gzip sizes against the budgets of DESIGN.md. Tools missing? `npm run setup`.
 * docs/BUILD.md explains the choices.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, copyFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = join(root, 'www/lib');
const dist = join(root, 'dist');
const glueDir = join(root, 'target/wasm-bindgen');
const cargoWasm = join(root, 'target/wasm32-unknown-unknown/wasm/quotelens.wasm');

/** Features rustc enables by default for wasm32 (all in Chrome 105+, Safari 17.2+, Firefox 140+). */
const WASM_FEATURES = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
];

/** Size budgets from DESIGN.md, in gzip bytes. */
const BUDGET = { wasm: 150 * 1024, js: 15 * 1024 };

/** Runs a tool with its output shown; a failure ends the build with the tool's own message. */
function run(cmd, args) {
  console.log(`$ ${[cmd, ...args].map((a) => relative(root, a) || a).join(' ')}`);
  try {
    execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
  } catch (err) {
    console.error(`build failed: ${cmd} ${err.status === undefined ? `could not run (${err.code})` : `exited with ${err.status}`}`);
    process.exit(1);
  }
}

/** wasm-bindgen from PATH or cargo's bin folder, checked against the version Cargo.lock pins. */
function wasmBindgen() {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  const want = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
  const cargoBin = join(process.env.CARGO_HOME || join(homedir(), '.cargo'), 'bin', 'wasm-bindgen');
  for (const candidate of ['wasm-bindgen', cargoBin]) {
    let have;
    try {
      have = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim().split(/\s+/)[1];
    } catch {
      continue;
    }
    if (have === want) return candidate;
    console.error(`${candidate} is ${have}, Cargo.lock wants ${want}`);
  }
  console.error(`build failed: wasm-bindgen-cli ${want} is missing; run \`npm run setup\``);
  process.exit(1);
}

/** The Worker's code (www/lib/worker.js + core + glue) as one classic script; set in step 4. */
let workerSource = '';

/**
 * Resolves the `#wasm-glue` import in core.js to wasm-bindgen's output, and `#worker-source`
 * in offthread.js to the Worker's bundled code as a string.
 */
const glue = {
  name: 'wasm-glue',
  setup(build) {
    build.onResolve({ filter: /^#wasm-glue$/ }, () => ({ path: join(glueDir, 'quotelens.js') }));
    // The glue keeps the compiled module in a private `wasmModule`; core.js hands it to the
    // Worker, so one accessor is appended (checked, so a new glue cannot break it silently).
    build.onLoad({ filter: /wasm-bindgen[\\/]quotelens\.js$/ }, () => {
      const source = readFileSync(join(glueDir, 'quotelens.js'), 'utf8');
      if (!/\bwasmModule = module;/.test(source)) {
        throw new Error('the wasm-bindgen glue no longer keeps `wasmModule`; update the accessor in scripts/build.mjs');
      }
      // The text goes into wasm memory by one `encodeInto` (native, vectorised) instead of the
      // glue's JS loop over the ASCII prefix: 2-3 ms instead of 6-11 ms per pass over the 3.9 MB
      // train texts in Node. Room for 3 bytes per UTF-16 unit, shrunk in place afterwards (not
      // reallocated when nothing is left over, as for the empty string).
      const passString = /\nfunction passStringToWasm0\(arg, malloc, realloc\) \{\n[\s\S]*?\n\}\n/;
      if (!passString.test(source)) {
        throw new Error('the wasm-bindgen glue no longer has passStringToWasm0; update scripts/build.mjs');
      }
      // Its console messages are shortened (~150 bytes of gzip, of a 15 KB budget); quotelens
      // always calls init with one object, so the deprecated-parameters branch never warns.
      const short = source
        .replace(/console\.warn\('using deprecated parameters[^']*'\)/g, '0')
        .replace(/"`WebAssembly\.instantiateStreaming` failed[^"]*"/, '"quotelens: the .wasm is not served as application/wasm, so it compiles slower:"')
        // `{:?}` of a JsValue (only in a Rust-side error message) as String() gives it, not
        // the glue's 40-line pretty-printer (in the page's bundle and again in the Worker's).
        .replace(/\nfunction debugString\(val\) \{\n[\s\S]*?\n\}\n/, '\nfunction debugString(val) {\n    try { return String(val); } catch { return typeof val; }\n}\n')
        .replace(passString, `
function passStringToWasm0(arg, malloc, realloc) {
    const room = arg.length * 3;
    const ptr = malloc(room, 1) >>> 0;
    const { written } = cachedTextEncoder.encodeInto(arg, getUint8ArrayMemory0().subarray(ptr, ptr + room));
    WASM_VECTOR_LEN = written;
    return written === room ? ptr : realloc(ptr, room, written, 1) >>> 0;
}
`);
      return { contents: `${short}\nexport function compiledModule() { return wasmModule; }\n`, loader: 'js' };
    });
    build.onResolve({ filter: /^#worker-source$/ }, () => ({ path: 'worker-source', namespace: 'worker' }));
    build.onLoad({ filter: /.*/, namespace: 'worker' }, () => ({
      contents: `export default ${JSON.stringify(workerSource)};`,
      loader: 'js',
    }));
  },
};

/** Bundles `contents` (an entry written here, resolving imports from www/lib) to `outfile`. */
async function bundle(contents, outfile, options) {
  await esbuild.build({
    stdin: { contents, resolveDir: lib, sourcefile: relative(root, outfile) },
    outfile,
    bundle: true,
    minify: true,
    target: ['es2022', 'chrome105', 'safari17', 'firefox115'],
    legalComments: 'none',
    plugins: [glue],
    logLevel: 'warning',
    ...options,
  });
}

// 1–3: the WebAssembly module. The cdylib is asked for here, not in Cargo.toml's `[lib]`: there
// it would share one file name with the rlib, which the native release build (panic = "abort")
// and the tests (which unwind) both build, each clobbering the other's (rust-lang/cargo#6313).
run('cargo', ['rustc', '--lib', '--crate-type', 'cdylib', '--target', 'wasm32-unknown-unknown', '--profile', 'wasm']);
rmSync(glueDir, { recursive: true, force: true });
run(wasmBindgen(), ['--target', 'web', '--no-typescript', '--out-dir', glueDir, '--out-name', 'quotelens', cargoWasm]);
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const wasmOut = join(dist, 'quotelens_bg.wasm');
// wasm-opt only strips, and drops what nothing reaches (3.9 KB raw, 0.5 KB gzip that
// wasm-bindgen's output still held): its -Oz/-O2/-O3 re-optimisation of LLVM's -O3 output
// made the core 13-15% slower in Node (docs/BUILD.md, "wasm-opt") for 2 KB of gzip. Two passes
// that leave every instruction as it is: each function's locals renumbered by how often they
// are used (the common ones get short indices, and gzip finds more repeats: -0.8 KB), and
// functions with identical bodies (a dozen copies of `grow_one`) kept once.
run(join(root, 'node_modules/.bin/wasm-opt'), [
  ...WASM_FEATURES,
  '--strip-debug',
  '--strip-producers',
  '--strip-target-features',
  '--remove-unused-module-elements',
  '--reorder-locals',
  '--duplicate-function-elimination',
  join(glueDir, 'quotelens_bg.wasm'),
  '-o',
  wasmOut,
]);

// 4: the JavaScript. First the Worker's code, which the page bundles inline as a string.
// import.meta has no meaning in a classic worker and is never reached (the page posts the
// compiled module in).
const workerBuild = await esbuild.build({
  entryPoints: [join(lib, 'worker.js')],
  bundle: true,
  minify: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: ['es2022', 'chrome105', 'safari17', 'firefox115'],
  legalComments: 'none',
  define: { 'import.meta.url': 'undefined' },
  plugins: [glue],
  logLevel: 'warning',
});
workerSource = workerBuild.outputFiles[0].text;

// The UI modules (index.js, embed.js) come from the page-overlay work; until
// they exist the package is built from the core alone, and says so.
const hasIndex = existsSync(join(lib, 'index.js'));
const hasEmbed = existsSync(join(lib, 'embed.js'));
const entry = [
  "export { init, annotate, annotateSync, version } from './core.js';",
  hasIndex ? "export { highlight, toWebAnnotations } from './index.js';" : '',
].join('\n');
if (!hasIndex) console.warn('note: www/lib/index.js not found; dist/quotelens.js has the core API only');
await bundle(entry, join(dist, 'quotelens.js'), { format: 'esm', platform: 'neutral' });

if (hasEmbed) {
  // The inlined bytes start compiling as soon as the script runs; embed.js's own init() then
  // shares that promise. import.meta has no meaning in a classic script and is never reached.
  const base64 = readFileSync(wasmOut).toString('base64');
  const embedEntry = [
    "import { init } from './core.js';",
    `const b = atob(${JSON.stringify(base64)}), bytes = new Uint8Array(b.length);`,
    'for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);',
    'init(bytes).catch(() => {}); // reported again, with onError, by the first real use',
  ].join('\n');
  await bundle("import './embed-wasm.js';\nimport './embed.js';", join(dist, 'quotelens.embed.js'), {
    format: 'iife',
    platform: 'browser',
    define: { 'import.meta.url': 'undefined' },
    plugins: [
      glue,
      {
        name: 'embed-wasm',
        setup(build) {
          build.onResolve({ filter: /^\.\/embed-wasm\.js$/ }, () => ({ path: 'embed-wasm', namespace: 'embed' }));
          build.onLoad({ filter: /.*/, namespace: 'embed' }, () => ({ contents: embedEntry, resolveDir: lib }));
        },
      },
    ],
  });
} else {
  console.warn('note: www/lib/embed.js not found; dist/quotelens.embed.js not built');
}

// 5: the types.
copyFileSync(join(lib, 'quotelens.d.ts'), join(dist, 'quotelens.d.ts'));

// Sizes.
// A cut of a `str` inside a character panics with core's message, whose `{:?}` of the
// character brings its Debug escaping and Unicode tables (3.8 KB gzip): the glue's wasm still
// has its names, so say so when a `&text[a..b]` or `split_at` of a str has brought them back.
if (readFileSync(join(glueDir, 'quotelens_bg.wasm')).includes('str::slice_error_fail')) {
  console.warn('note: a str is sliced with [a..b] or split_at somewhere (core::str::slice_error_fail is in the wasm, +3.8 KB gzip); use str::get (src/lib.rs, clippy::string_slice)');
}
const rows = [
  ['quotelens_bg.wasm', BUDGET.wasm],
  ['quotelens.js', BUDGET.js],
  ['quotelens.embed.js', null],
];
let over = false;
console.log('\nfile                     raw bytes   gzip bytes   budget (gzip)');
for (const [name, budget] of rows) {
  const path = join(dist, name);
  if (!existsSync(path)) continue;
  const raw = statSync(path).size;
  const gz = gzipSync(readFileSync(path), { level: 9 }).length;
  const verdict = budget === null ? '—' : `${(budget / 1024).toFixed(0)} KB ${gz <= budget ? 'ok' : 'OVER'}`;
  over ||= budget !== null && gz > budget;
  console.log(`${name.padEnd(24)} ${String(raw).padStart(9)}   ${String(gz).padStart(10)}   ${verdict}`);
}
// Subresource Integrity for the one-tag embed, as the README's <script integrity="…"> shows it.
const embedPath = join(dist, 'quotelens.embed.js');
if (existsSync(embedPath)) {
  const sri = createHash('sha384').update(readFileSync(embedPath)).digest('base64');
  console.log(`\nquotelens.embed.js integrity="sha384-${sri}"`);
}
if (over) console.warn('warning: a file is over its size budget (DESIGN.md, "Budgets")');
