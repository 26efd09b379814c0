#!/usr/bin/env node
// Serves a built site folder the way a static host / CDN does, for the end-to-end tests.
//
// Usage: node tests/e2e/serve-dist.mjs [folder]
//   folder     defaults to $SERVE_DIR, then to <repo>/dist
//   PORT       defaults to 4173
//   HOST       defaults to 127.0.0.1 (never listen on other interfaces in tests)
//   BASE_PATH  defaults to "/": the site is served under this prefix
//
// Behaviour, like a CDN with clean URLs and an SPA fallback: an existing file is served with its
// Content-Type; a directory is served as its index.html if it has one; /a/b is served from
// a/b.html if there is one (the per-route HTML shells); anything else is answered with the
// root index.html and status 200 (so the app must treat HTML where it expected JSON as "not
// found"). Paths are decoded and normalized and never leave the root. No dependencies.

import { createServer } from 'node:http';
import { promises as fs, createReadStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const root = path.resolve(process.argv[2] || process.env.SERVE_DIR || path.join(repoRoot, 'dist'));
const port = Number.parseInt(process.env.PORT || '4173', 10);
const host = process.env.HOST || '127.0.0.1';
const basePath = normalizeBase(process.env.BASE_PATH || '/');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
};

/** "/", "/blog", "blog/" -> "/" or "/blog/" */
function normalizeBase(base) {
  let b = base.trim();
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b;
}

function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/** The file a URL path names inside root, or null when it would escape root or is malformed. */
function resolveInside(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // Normalize as a URL path first ("/a/../../b" -> "/b"), then join under root and re-check.
  const normalized = path.posix.normalize('/' + decoded.replace(/\\/g, '/'));
  const full = path.resolve(root, '.' + normalized);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

async function statOrNull(file) {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

function send(req, res, status, file, size) {
  res.writeHead(status, {
    'Content-Type': contentType(file),
    'Content-Length': size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function plain(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return plain(res, 405, 'Method Not Allowed');
  }
  let pathname;
  try {
    pathname = new URL(req.url, 'http://localhost').pathname;
  } catch {
    return plain(res, 400, 'Bad Request');
  }

  if (basePath !== '/') {
    if (pathname + '/' === basePath) {
      res.writeHead(301, { Location: basePath });
      return res.end();
    }
    if (!pathname.startsWith(basePath)) return plain(res, 404, 'Not Found');
    pathname = '/' + pathname.slice(basePath.length);
  }

  const target = resolveInside(pathname);
  if (target === null) return plain(res, 400, 'Bad Request');

  const st = await statOrNull(target);
  if (st && st.isFile()) return send(req, res, 200, target, st.size);
  if (st && st.isDirectory()) {
    const index = path.join(target, 'index.html');
    const ist = await statOrNull(index);
    if (ist && ist.isFile()) return send(req, res, 200, index, ist.size);
  }
  if (!pathname.endsWith('/') && path.extname(target) === '') {
    const page = `${target}.html`;
    const pst = await statOrNull(page);
    if (pst && pst.isFile()) return send(req, res, 200, page, pst.size);
  }

  // SPA fallback: whatever is missing gets the root shell, with 200, as static hosts do.
  const shell = path.join(root, 'index.html');
  const sst = await statOrNull(shell);
  if (sst && sst.isFile()) return send(req, res, 200, shell, sst.size);
  return plain(res, 404, `Not Found (no index.html in ${root})`);
}

const server = createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) plain(res, 500, 'Internal Server Error');
    else res.destroy();
  });
});

server.listen(port, host, () => {
  const addr = server.address();
  console.log(`serve-dist: ${root} at http://${addr.address}:${addr.port}${basePath}`);
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
