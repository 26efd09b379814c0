// HTTP behaviour of the built site as hosts serve it: nginx with the shipped deploy/nginx.conf
// (at / and under a sub-path), and the URL rules of GitHub Pages and S3 website hosting.
//
// The servers are started outside this file (playwright.config.mjs's webServer); their URLs come
// from the environment, and a missing one fails the tests that need it, saying what to start:
//   E2E_NGINX_URL       nginx at / over E2E_DIST             (serve-nginx.mjs)
//   E2E_NGINX_BASE_URL  nginx under /blog/ over E2E_BASE_DIST (serve-nginx.mjs, BASE_PATH)
//   E2E_GHPAGES_URL     GitHub Pages rules over E2E_DIST      (serve-host-rules.mjs, RULES=github-pages)
//   E2E_S3_URL          S3 website rules over E2E_DIST        (serve-host-rules.mjs, RULES=s3)
//   E2E_DIST            default <repo>/dist
//   E2E_BASE_DIST       default <repo>/target/e2e/dist-under-base

import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NGINX_CONF = path.join(repo, 'deploy', 'nginx.conf');
const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy'];
const IMMUTABLE = 'public, max-age=31536000, immutable';

const DISTS = {
  root: () => path.resolve(process.env.E2E_DIST || path.join(repo, 'dist')),
  base: () => path.resolve(process.env.E2E_BASE_DIST || path.join(repo, 'target', 'e2e', 'dist-under-base')),
};

/** A server's URL from the environment, or a failure that says which server to start. */
function serverUrl(name, how) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: start ${how}, and set ${name} to its URL`);
  return value.endsWith('/') ? value : value + '/';
}

/** A dist folder, checked to be a build. */
function distDir(which) {
  const dir = DISTS[which]();
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: build the site first`);
  return dir;
}

/** Every file under dir, as paths relative to it with "/" separators. */
function listFiles(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, rel) : [rel];
  });
}

/** One file of each kind the site serves, by its path relative to dist (and so to the base URL). */
function samples(dist) {
  const files = listFiles(dist);
  const pick = (what, test) => {
    const found = files.filter(test).sort()[0];
    if (!found) throw new Error(`${dist} holds no ${what}`);
    return found;
  };
  // trunk's hashes are 16 hex digits, fewer when they start with zeros (as deploy/nginx.conf says).
  return {
    wasm: pick('hashed .wasm', (f) => !f.includes('/') && /-[0-9a-f]{10,16}_bg\.wasm$/.test(f)),
    js: pick('hashed .js', (f) => !f.includes('/') && /-[0-9a-f]{10,16}\.js$/.test(f)),
    css: pick('hashed .css', (f) => !f.includes('/') && /-[0-9a-f]{10,16}\.css$/.test(f)),
    html: pick('posts/<slug>/index.html', (f) => /^posts\/[^/]+\/index\.html$/.test(f)),
    json: pick('data/**/*.json', (f) => /^data\/.+\.json$/.test(f)),
  };
}

/** The URL path (relative to the base) a file is served at: folders end with "/". */
const urlOf = (file) => file.replace(/(^|\/)index\.html$/, '$1');

/** The headers between "# folio:headers begin" and "# folio:headers end" in deploy/nginx.conf. */
function markedHeaders() {
  const text = readFileSync(NGINX_CONF, 'utf8');
  const block = text.match(/# folio:headers begin\n([\s\S]*?)\n\s*# folio:headers end/);
  if (!block) throw new Error(`${NGINX_CONF} has no "# folio:headers begin/end" block`);
  const headers = {};
  for (const line of block[1].split('\n')) {
    const m = line.match(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;\s*$/);
    if (!m) throw new Error(`${NGINX_CONF}: not an add_header "value" always; line: ${line}`);
    headers[m[1].toLowerCase()] = m[2];
  }
  expect(Object.keys(headers).sort()).toEqual([...SECURITY_HEADERS].sort());
  return headers;
}

/** The page paths of a build's sitemap.xml (the path part of every <loc>). */
function sitemapPaths(dist) {
  const xml = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
  const locs = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  expect(locs.length, 'sitemap.xml lists pages').toBeGreaterThan(0);
  return locs;
}

/** The seed post's old address (its front matter's `aliases`), relative to the site. */
const ALIAS = '2015/10/25/leading-for-innovation/';
const ALIAS_TARGET = 'posts/leading-for-innovation/';
const ALIAS_TITLE = 'Leading for Innovation: New Solace case studies and interim report';

const titleOf = (html) => html.match(/<title[^>]*>([\s\S]*?)<\/title>/i)?.[1].trim();
const disk = (dist, file) => readFileSync(path.join(dist, file));

/** The checks of nginx with the shipped configuration, over one build at one base URL. */
function nginxTests(label, env, how, which) {
  test.describe(label, () => {
    let base;
    let dist;
    test.beforeEach(() => {
      base = serverUrl(env, how);
      dist = distDir(which);
    });
    const get = (request, rel, headers = {}) => request.get(new URL(rel, base).href, { headers, maxRedirects: 0 });

    test('sends the precompressed copy the client accepts, which decodes to the file', async ({ request }) => {
      for (const [kind, file] of Object.entries(samples(dist))) {
        // The app's files have a brotli and a gzip copy; pages and data a gzip copy only.
        const app = ['wasm', 'js', 'css'].includes(kind);
        const browser = ['gzip, deflate, br, zstd', app ? 'br' : 'gzip'];
        const brOnly = ['br', app ? 'br' : undefined];
        for (const [accept, encoding] of [browser, brOnly, ['gzip', 'gzip'], ['identity', undefined]]) {
          const res = await get(request, urlOf(file), { 'Accept-Encoding': accept });
          const what = `${kind} ${file} with Accept-Encoding: ${accept}`;
          expect(res.status(), what).toBe(200);
          expect(res.headers()['content-encoding'], what).toBe(encoding);
          expect((await res.body()).equals(disk(dist, file)), `${what}: decoded body equals the file`).toBe(true);
          if (encoding) expect(res.headers()['vary'], what).toMatch(/accept-encoding/i);
        }
      }
    });

    test('answers each kind of file with its Content-Type', async ({ request }) => {
      const s = samples(dist);
      const expected = [
        [s.wasm, /^application\/wasm$/],
        [s.js, /^text\/javascript(;|$)/],
        [s.css, /^text\/css(;|$)/],
        [urlOf(s.html), /^text\/html(;|$)/],
        [s.json, /^application\/json$/],
        ['sitemap.xml', /^application\/xml(;|$)/],
        ['feed.xml', /^application\/(atom\+)?xml(;|$)/],
        ['robots.txt', /^text\/plain(;|$)/],
      ];
      for (const [rel, type] of expected) {
        expect((await get(request, rel)).headers()['content-type'], rel).toMatch(type);
      }
    });

    test('caches hashed files for a year and revalidates everything else', async ({ request }) => {
      const s = samples(dist);
      for (const rel of [s.wasm, s.js, s.css]) {
        expect((await get(request, rel)).headers()['cache-control'], rel).toBe(IMMUTABLE);
      }
      for (const rel of ['', urlOf(s.html), s.json, 'feed.xml', 'sitemap.xml', 'robots.txt', 'no-such-page/']) {
        expect((await get(request, rel)).headers()['cache-control'], rel || '(home)').toBe('no-cache');
      }
    });

    test('sends the security headers of deploy/nginx.conf on 200, 301 and 404', async ({ request }) => {
      const headers = markedHeaders();
      expect(headers['content-security-policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      const s = samples(dist);
      const slash = urlOf(s.html).replace(/\/$/, '');
      const cases = [['', 200], [s.js, 200], [s.json, 200], [slash, 301], ['no-such-page', 404], ['_headers', 404]];
      for (const [rel, status] of cases) {
        const res = await get(request, rel);
        expect(res.status(), rel || '(home)').toBe(status);
        for (const name of SECURITY_HEADERS) expect(res.headers()[name], `${name} on ${rel || '(home)'}`).toBe(headers[name]);
      }
    });

    test('answers an unknown path with 404 and the body of 404.html', async ({ request }) => {
      for (const rel of ['no-such-page', 'posts/no-such-post/', 'posts/', 'data/', 'data/no-such.json']) {
        const res = await get(request, rel);
        expect(res.status(), rel).toBe(404);
        expect((await res.body()).equals(disk(dist, '404.html')), `${rel}: body is 404.html`).toBe(true);
      }
    });

    test('redirects a folder URL without its slash to the slash', async ({ request }) => {
      const page = urlOf(samples(dist).html);
      const res = await get(request, page.replace(/\/$/, ''));
      expect(res.status()).toBe(301);
      expect(new URL(res.headers()['location'], base).href).toBe(new URL(page, base).href);
    });

    test("answers a post's old address (front matter aliases) with a 301 to the post", async ({ page, request }) => {
      for (const rel of [ALIAS, ALIAS.replace(/\/$/, '')]) {
        const res = await get(request, rel);
        expect(res.status(), rel).toBe(301);
        expect(new URL(res.headers()['location'], base).href, rel).toBe(new URL(ALIAS_TARGET, base).href);
      }
      await page.goto(new URL(ALIAS, base).href);
      await expect(page).toHaveURL(new URL(ALIAS_TARGET, base).href);
      await expect(page.locator('article.post h1')).toHaveText(ALIAS_TITLE);
    });

    test('serves neither the host files nor the compressed copies by name', async ({ request }) => {
      for (const rel of ['_headers', '_redirects', '_redirects.map', 'index.html.gz', `${samples(dist).js}.br`]) {
        expect((await get(request, rel)).status(), rel).toBe(404);
      }
    });

    test('answers every page of sitemap.xml with 200', async ({ request }) => {
      for (const p of sitemapPaths(dist)) {
        const res = await request.get(new URL(p, base).href, { maxRedirects: 0 });
        expect(res.status(), p).toBe(200);
      }
    });

    test('uses the same security headers as the bundler\'s _headers file', () => {
      const text = readFileSync(path.join(dist, '_headers'), 'utf8');
      for (const [name, value] of Object.entries(markedHeaders())) {
        const found = [...text.matchAll(/^\s+([A-Za-z-]+):\s*(.*?)\s*$/gm)].filter((m) => m[1].toLowerCase() === name);
        expect(found.length, `${name} in _headers`).toBeGreaterThan(0);
        for (const m of found) expect(m[2], `${name} in _headers`).toBe(value);
      }
    });
  });
}

nginxTests(
  'nginx with deploy/nginx.conf at /',
  'E2E_NGINX_URL',
  'nginx with the shipped config (PORT=4175 node tests/e2e/serve-nginx.mjs dist)',
  'root',
);
nginxTests(
  'nginx with deploy/nginx.conf under a sub-path',
  'E2E_NGINX_BASE_URL',
  'nginx under the sub-path (PORT=4176 BASE_PATH=/blog/ node tests/e2e/serve-nginx.mjs <sub-path build>)',
  'base',
);

test.describe('nginx under a sub-path, at its edges', () => {
  test('redirects the sub-path without its slash and answers 404 outside it', async ({ request }) => {
    const base = new URL(serverUrl('E2E_NGINX_BASE_URL', 'nginx under the sub-path (serve-nginx.mjs with BASE_PATH=/blog/)'));
    const dist = distDir('base');
    expect(base.pathname, 'E2E_NGINX_BASE_URL has a sub-path').not.toBe('/');
    const bare = await request.get(base.href.replace(/\/$/, ''), { maxRedirects: 0 });
    expect(bare.status()).toBe(301);
    expect(new URL(bare.headers()['location'], base).href).toBe(base.href);
    const outside = await request.get(new URL('/no-such-page', base).href, { maxRedirects: 0 });
    expect(outside.status()).toBe(404);
    expect((await outside.body()).equals(disk(dist, '404.html')), 'body is the sub-path 404.html').toBe(true);
  });
});

for (const [label, env, rules] of [
  ['GitHub Pages rules', 'E2E_GHPAGES_URL', 'github-pages'],
  ['S3 website rules', 'E2E_S3_URL', 's3'],
]) {
  test.describe(label, () => {
    const how = `the ${rules} rules (RULES=${rules} node tests/e2e/serve-host-rules.mjs dist)`;

    test('answers every page of sitemap.xml with its own HTML', async ({ request }) => {
      const base = serverUrl(env, how);
      const dist = distDir('root');
      const homeTitle = titleOf(disk(dist, 'index.html').toString('utf8'));
      const homePath = new URL(base).pathname;
      for (const p of sitemapPaths(dist)) {
        const res = await request.get(new URL(p, base).href, { maxRedirects: 0 });
        expect(res.status(), p).toBe(200);
        expect(res.headers()['content-type'], p).toMatch(/^text\/html/);
        const title = titleOf(await res.text());
        expect(title, `${p} has a <title>`).toBeTruthy();
        if (p === homePath) expect(title, p).toBe(homeTitle);
        else expect(title, `${p} is not the home page`).not.toBe(homeTitle);
      }
    });

    test("a post's old address (front matter aliases) leads to the post, through its page", async ({ page }) => {
      const base = serverUrl(env, how);
      await page.goto(new URL(ALIAS, base).href);
      await expect(page).toHaveURL(new URL(ALIAS_TARGET, base).href);
      await expect(page.locator('article.post h1')).toHaveText(ALIAS_TITLE);
    });

    test('answers an unknown path with 404 and the body of 404.html', async ({ request }) => {
      const base = serverUrl(env, how);
      const dist = distDir('root');
      for (const rel of ['no-such-page', 'posts/no-such-post/']) {
        const res = await request.get(new URL(rel, base).href, { maxRedirects: 0 });
        expect(res.status(), rel).toBe(404);
        expect((await res.body()).equals(disk(dist, '404.html')), `${rel}: body is 404.html`).toBe(true);
      }
    });
  });
}
