#!/usr/bin/env node
// Serves a built site with ONLY the URL rules of one static host, for the end-to-end tests: a
// page that works here works on that host without any configuration.
//
// Usage: node tests/e2e/serve-host-rules.mjs <distDir>
//   RULES      github-pages | s3   (required)
//   PORT       defaults to 4173
//   HOST       127.0.0.1 only (the default)
//   BASE_PATH  defaults to "/": the site is served under this prefix (a project site /REPO/)
//
// github-pages: an existing file is served; /dir/ is dir/index.html; /dir with dir/index.html is
//   a 301 to /dir/; /name with name.html is name.html; anything else is 404 with 404.html as the
//   body. No custom headers (GitHub Pages cannot set any).
// s3 (website endpoint, index document index.html, error document 404.html): the key as it is;
//   /dir/ is dir/index.html; /dir with dir/index.html is a 302 to /dir/; no .html guessing;
//   anything else is 404 with 404.html as the body.
// Neither host negotiates precompressed copies: a .br or .gz file is only a file there.
// Paths are decoded and normalized and never leave the root. No dependencies.

import { createServer } from 'node:http';
import { promises as fs, createReadStream } from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
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
  '.pdf': 'application/pdf',
  '.br': 'application/x-brotli',
  '.gz': 'application/gzip',
};

/** How each host answers a folder URL without its slash, and whether /name may be name.html. */
const HOSTS = {
  'github-pages': { dirRedirect: 301, htmlGuess: true },
  s3: { dirRedirect: 302, htmlGuess: false },
};

function fail(message) {
  console.error(`serve-host-rules: ${message}`);
  process.exit(1);
}

/** "/", "/blog", "blog/" -> "/" or "/blog/" */
function normalizeBase(base) {
  let b = base.trim();
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b;
}

const rulesName = process.env.RULES || '';
const rules = HOSTS[rulesName];
if (!rules) fail(`RULES must be one of ${Object.keys(HOSTS).join(', ')} (got "${rulesName}")`);
if (!process.argv[2]) fail('usage: RULES=github-pages|s3 node tests/e2e/serve-host-rules.mjs <distDir>');
const root = path.resolve(process.argv[2]);
const port = Number.parseInt(process.env.PORT || '4173', 10);
const host = process.env.HOST || '127.0.0.1';
const basePath = normalizeBase(process.env.BASE_PATH || '/');
if (host !== '127.0.0.1') fail(`HOST=${host}: the tests only listen on 127.0.0.1`);

function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/** The file a site path names inside root, or null when it would escape root or is malformed. */
function resolveInside(sitePath) {
  let decoded;
  try {
    decoded = decodeURIComponent(sitePath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const normalized = path.posix.normalize('/' + decoded.replace(/\\/g, '/'));
  const full = path.resolve(root, '.' + normalized);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

async function isFile(file) {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(req, res, status, file) {
  const { size } = await fs.stat(file);
  res.writeHead(status, { 'Content-Type': contentType(file), 'Content-Length': size });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

function redirect(res, status, location) {
  res.writeHead(status, { Location: location, 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<a href="${location}">${status}</a>\n`);
}

/** The host's error document, or a plain 404 when the site has none. */
async function notFound(req, res) {
  const page = path.join(root, '404.html');
  if (await isFile(page)) return sendFile(req, res, 404, page);
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  return res.end('Not Found\n');
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('Method Not Allowed\n');
  }
  let pathname;
  try {
    pathname = new URL(req.url, 'http://localhost').pathname;
  } catch {
    return notFound(req, res);
  }
  if (basePath !== '/') {
    if (pathname + '/' === basePath) return redirect(res, rules.dirRedirect, basePath);
    if (!pathname.startsWith(basePath)) return notFound(req, res);
  }
  const sitePath = '/' + pathname.slice(basePath.length);
  const target = resolveInside(sitePath);
  if (target === null) return notFound(req, res);

  if (sitePath.endsWith('/')) {
    const index = path.join(target, 'index.html');
    return (await isFile(index)) ? sendFile(req, res, 200, index) : notFound(req, res);
  }
  if (await isFile(target)) return sendFile(req, res, 200, target);
  if (rules.htmlGuess && (await isFile(`${target}.html`))) return sendFile(req, res, 200, `${target}.html`);
  if (await isFile(path.join(target, 'index.html'))) return redirect(res, rules.dirRedirect, pathname + '/');
  return notFound(req, res);
}

const server = createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error\n');
    } else res.destroy();
  });
});

server.listen(port, host, () => {
  console.log(`serve-host-rules (${rulesName}): ${root} at http://${host}:${port}${basePath}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
