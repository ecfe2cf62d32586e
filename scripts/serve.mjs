#!/usr/bin/env node
/**
 * A tiny static server for the repository root, so the pages in www/ can load the build from
 * dist/ (`npm start` runs it after the build). No dependencies; loopback only.
 *
 *   PORT=8080 node scripts/serve.mjs     # PORT taken? another free port is used instead
 *
 * It also exports `serve(root, port)` for tests that need to serve a folder.
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1:`port` (0 = any free port; a taken port falls back to a free one).
 * Resolves to the running `http.Server`.
 */
export function serve(root, port = 0) {
  root = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = resolve(join(root, path));
      // Never outside the root, whatever `..` or encoded slashes the request holds.
      if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return send(res, 404, 'not found');
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch {
      send(res, 400, 'bad request');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', (err) => {
      if (err.code === 'EADDRINUSE' && port !== 0) serve(root, 0).then(done, fail);
      else fail(err);
    });
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

// Run as a script: serve the repository root and say where the demo is.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const wanted = Number(process.env.PORT ?? 8080);
  const server = await serve(root, wanted);
  const { port } = server.address();
  if (port !== wanted) console.log(`port ${wanted} is taken; using ${port}`);
  console.log(`quotelens demo: http://127.0.0.1:${port}/www/index.html`);
  console.log(`one-tag embed example: http://127.0.0.1:${port}/www/example-news.html`);
  console.log('Ctrl-C to stop.');
}
