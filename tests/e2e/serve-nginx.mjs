#!/usr/bin/env node
// Runs nginx with the shipped deploy/nginx.conf on 127.0.0.1, for the end-to-end tests: what is
// tested is what users deploy.
//
// Usage: node tests/e2e/serve-nginx.mjs <distDir>
//   PORT       defaults to 4173
//   HOST       127.0.0.1 only (the default)
//   BASE_PATH  defaults to "/": the site is served under this prefix, the way deploy/nginx.conf
//              documents it (dist/ copied into <root>/blog/, error_page /blog/404.html)
//
// It writes a minimal main nginx.conf into a scratch prefix folder (one per port, so a run that
// was killed leaves nothing that piles up) and includes a copy of deploy/nginx.conf in which only
// `listen`, `root`, the two maps' `include` lines and, under a sub-path, `error_page 404` are
// rewritten; everything else (maps, locations, headers, types, compression) is byte for byte the
// shipped file. Exits when nginx exits; SIGINT/SIGTERM stop nginx first.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const INSTALL_HINT = 'cargo xtask test installs it with apt-get install nginx libnginx-mod-http-brotli-static';

const here = path.dirname(fileURLToPath(import.meta.url));
const shippedConf = path.resolve(here, '..', '..', 'deploy', 'nginx.conf');

function fail(message) {
  console.error(`serve-nginx: ${message}`);
  process.exit(1);
}

/** "/", "/blog", "blog/" -> "/" or "/blog/" */
function normalizeBase(base) {
  let b = base.trim();
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b;
}

/** Replaces the one line matching `pattern` with `replacement`; fails unless there is exactly one. */
function replaceOnce(text, pattern, replacement, what) {
  const hits = text.match(new RegExp(pattern.source, 'gm')) || [];
  if (hits.length !== 1) fail(`${shippedConf}: expected one ${what} line, found ${hits.length}`);
  return text.replace(new RegExp(pattern.source, 'm'), replacement);
}

/** The shipped server configuration with only the deployment-specific lines changed. */
function rewriteShipped(text, port, root, basePath) {
  const listen = /^(\s*)listen\s[^;]*;[^\n]*\n/gm;
  const listens = text.match(listen) || [];
  if (listens.length === 0) fail(`${shippedConf}: no listen line`);
  let first = true;
  let out = text.replace(listen, (_line, indent) => {
    if (!first) return '';
    first = false;
    return `${indent}listen 127.0.0.1:${port};\n`;
  });
  out = replaceOnce(out, /^(\s*)root\s[^;]*;/, `$1root ${root};`, 'root');
  for (const map of ['_redirects.map', '_immutable.map']) {
    const line = new RegExp(`^(\\s*)include\\s[^;]*${map.replace('.', '\\.')};`);
    out = replaceOnce(out, line, `$1include ${path.join(root, basePath, map)};`, `include …/${map};`);
  }
  if (basePath !== '/') {
    out = replaceOnce(out, /^(\s*)error_page 404 \/404\.html;/, `$1error_page 404 ${basePath}404.html;`, 'error_page 404 /404.html;');
  }
  return out;
}

const distArg = process.argv[2];
if (!distArg) fail('usage: node tests/e2e/serve-nginx.mjs <distDir>');
const dist = path.resolve(distArg);
const port = Number.parseInt(process.env.PORT || '4173', 10);
const host = process.env.HOST || '127.0.0.1';
const basePath = normalizeBase(process.env.BASE_PATH || '/');

if (host !== '127.0.0.1') fail(`HOST=${host}: the tests only listen on 127.0.0.1`);
if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`PORT=${process.env.PORT} is not a port`);
if (!existsSync(NGINX)) fail(`nginx is missing: ${INSTALL_HINT}`);
if (!existsSync(BROTLI_MODULE)) fail(`the brotli static module is missing (${BROTLI_MODULE}): ${INSTALL_HINT}`);
if (!existsSync(path.join(dist, 'index.html'))) fail(`${dist}/index.html is missing: build the site first`);
if (/[\s;{}'"$]/.test(dist)) fail(`${dist}: a path with spaces, quotes, ; { } or $ cannot go into nginx.conf here`);

// The scratch prefix: conf, pid, temp folders and, under a sub-path, the parent root.
const prefix = path.join(os.tmpdir(), `folio-nginx-${port}`);
rmSync(prefix, { recursive: true, force: true });
for (const dir of ['temp/body', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi']) {
  mkdirSync(path.join(prefix, dir), { recursive: true });
}
let root = dist;
if (basePath !== '/') {
  // <prefix>/site/blog -> dist, and root is <prefix>/site: the documented sub-path layout.
  root = path.join(prefix, 'site');
  const link = path.join(root, ...basePath.split('/').filter(Boolean));
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(dist, link);
}

writeFileSync(path.join(prefix, 'folio.conf'), rewriteShipped(readFileSync(shippedConf, 'utf8'), port, root, basePath));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const mainConf = `# Written by tests/e2e/serve-nginx.mjs; removed on the next start on this port.
load_module ${BROTLI_MODULE};
${isRoot ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path ${prefix}/temp/body;
    proxy_temp_path ${prefix}/temp/proxy;
    fastcgi_temp_path ${prefix}/temp/fastcgi;
    uwsgi_temp_path ${prefix}/temp/uwsgi;
    scgi_temp_path ${prefix}/temp/scgi;
    include ${prefix}/folio.conf;
}
`;
const confPath = path.join(prefix, 'nginx.conf');
writeFileSync(confPath, mainConf);

const args = ['-p', prefix + '/', '-c', confPath];
const check = spawnSync(NGINX, [...args, '-t', '-q'], { stdio: ['ignore', 'inherit', 'inherit'] });
if (check.status !== 0) fail(`nginx -t rejected ${confPath} (made from ${shippedConf})`);

const nginx = spawn(NGINX, args, { stdio: ['ignore', 'inherit', 'inherit'] });
console.log(`serve-nginx: ${dist} at http://${host}:${port}${basePath} (config ${confPath})`);
nginx.on('error', (err) => fail(`could not start ${NGINX}: ${err.message}`));
nginx.on('exit', (code, signal) => {
  rmSync(prefix, { recursive: true, force: true });
  process.exit(code ?? (signal === 'SIGTERM' || signal === 'SIGQUIT' ? 0 : 1));
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  // SIGQUIT is nginx's graceful stop; its exit then ends this process.
  process.on(sig, () => nginx.kill('SIGQUIT'));
}
