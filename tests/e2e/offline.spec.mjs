// Reading offline on the kitchen-sink fixture site (tests/fixtures/sites/kitchen-sink), built and
// served by nginx under /kitchen/, with its service worker (sw.js) allowed: a reader opens two
// posts and the browser goes offline; both posts open again, with their images, and so does the
// home page; a post never opened says plainly that it was not kept, with a way back, whether it
// is opened by its address or by a link inside the app; search answers from the index parts it
// fetched. A second deploy with a changed app (its style sheet changed, renamed and re-hashed in
// every page and in the worker, as a build writes it) is picked up on the next visit, and its
// worker drops the old app's files. The site is installable: its manifest names it and its icons.
//   E2E_FEATURES_URL  nginx under /kitchen/ over E2E_FEATURES_DIST (playwright.config.mjs)

import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function siteUrl() {
  const value = process.env.E2E_FEATURES_URL;
  if (!value) throw new Error('E2E_FEATURES_URL is not set: run the tests with tests/e2e/playwright.config.mjs');
  return value;
}

const BASE = new URL(siteUrl()).pathname; // "/kitchen/"
const at = (origin, pathname) => new URL(`${BASE}${pathname}`, origin).href;

test.use({ serviceWorkers: 'allow' });
// Each test installs the worker, which fetches and keeps the app's files, and the deploy test
// does it twice: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

/** A port on 127.0.0.1 that nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Opens `url` and waits until the site's service worker is active and controls the page. The
 * loader registers it once the app has started; on a busy machine its install (the app's files,
 * fetched and kept) can take a while, and a page opened again registers it again.
 */
async function openControlled(page, url) {
  await page.goto(url);
  const active = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return Boolean(registration && registration.active);
    });
  for (let attempt = 1; !(await active()); attempt += 1) {
    if (attempt > 3) throw new Error(`the service worker of ${url} was not active after three loads of the page`);
    await page.waitForTimeout(5000);
    if (!(await active())) await page.reload();
  }
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Reads a post as a reader would: its heading, and every image scrolled into view and loaded. */
async function read(page, url, title) {
  await page.goto(url);
  await expect(page.locator('article.post h1')).toHaveText(title);
  for (const image of await page.locator('article.post img').all()) {
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
}

test('read posts open offline with their images, the home page too; an unread post says it was not kept', async ({ page, context }) => {
  const origin = siteUrl();
  await openControlled(page, at(origin, ''));
  await read(page, at(origin, 'posts/kitchen-sink/'), 'Kitchen sink: every Markdown feature Folio renders');
  await read(page, at(origin, 'posts/bird-table-plans/'), 'Building a bird table: plans and timber');

  await context.setOffline(true);
  await read(page, at(origin, 'posts/kitchen-sink/'), 'Kitchen sink: every Markdown feature Folio renders');
  expect(await page.locator('article.post img').count(), 'the post has its image').toBeGreaterThan(0);
  await read(page, at(origin, 'posts/bird-table-plans/'), 'Building a bird table: plans and timber');

  await page.goto(at(origin, ''));
  await expect(page.locator('main .post-summary').first()).toBeVisible();
  // The app runs offline too, from the kept copies of its files.
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');

  // A link inside the app to a post never opened: the app's message, and the way home by the
  // header's link, which every page has.
  await page.locator('main a', { hasText: 'Building a bird table: the roof and the finish' }).first().click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('You are offline, and this page was not kept for reading offline.');
  await page.locator('.site-header a', { hasText: 'Kitchen sink' }).click();
  await expect(page.locator('main .post-summary').first()).toBeVisible();

  // The same post by its address: a page that says so, with a link home that works offline.
  await page.goto(at(origin, 'posts/bird-table-roof/'));
  await expect(page.locator('h1')).toHaveText('Not kept for reading offline');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.locator('main .post-summary').first()).toBeVisible();
  await context.setOffline(false);
});

test('search works offline over what it fetched online', async ({ page, context }) => {
  const origin = siteUrl();
  await openControlled(page, at(origin, ''));
  const results = page.locator('.search-results h2 a');
  await page.goto(at(origin, 'search/?q=bird'));
  await expect(results.first()).toBeVisible();
  const online = await results.allTextContents();
  expect(online.length).toBeGreaterThan(0);

  await context.setOffline(true);
  await page.goto(at(origin, 'search/?q=bird'));
  await expect(results.first()).toBeVisible();
  expect(await results.allTextContents()).toEqual(online);
  await context.setOffline(false);
});

test('the manifest makes the site installable: its name, start, scope and icons', async ({ request }) => {
  const origin = siteUrl();
  const page = await request.get(at(origin, ''));
  const html = await page.text();
  const link = html.match(/<link rel="manifest" href="([^"]+)" data-worker="([^"]+)"/);
  expect(link, 'every page names the manifest and the worker').not.toBeNull();
  expect(link[2]).toBe(`${BASE}sw.js`);
  const manifest = await (await request.get(new URL(link[1], origin).href)).json();
  expect(manifest).toMatchObject({ name: 'Kitchen sink', start_url: './', scope: './', display: 'standalone' });
  const sizes = manifest.icons.map((icon) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, new URL(link[1], origin)).href);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type'].split(';')[0]).toBe(icon.type);
  }
  const policy = (await request.get(at(origin, ''))).headers()['content-security-policy'];
  expect(policy).toContain("worker-src 'self'");
});

test("a second deploy with a changed app is picked up on the next visit, and its worker drops the old app", async ({ browser }) => {
  // A copy of the site on a server of its own, which the test deploys again.
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-offline-'));
  const site = path.join(root, 'site');
  cpSync(process.env.E2E_FEATURES_DIST, site, { recursive: true });
  // A port no other server holds (one left by an interrupted run would answer for it).
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(here, 'serve-host-rules.mjs'), site], {
    env: { ...process.env, RULES: 'github-pages', PORT: String(port), HOST: '127.0.0.1', BASE_PATH: BASE },
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await expect.poll(async () => (await page.request.get(at(origin, '')).catch(() => null))?.status()).toBe(200);
    await openControlled(page, at(origin, ''));
    const cachesOf = () => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('folio-app-')));
    const [first] = await cachesOf();
    expect(first).toMatch(/^folio-app-[0-9a-f]{16}$/);

    // New posts deployed without a change to the app: the home page's data is the new one,
    // though the worker kept the old at its install.
    const listing = path.join(site, 'data', 'index', 'page-1.json');
    writeFileSync(listing, readFileSync(listing, 'utf8').replace('Kitchen sink: every Markdown feature Folio renders', 'A post deployed later'));
    expect(await page.evaluate(() => fetch('data/index/page-1.json').then((response) => response.text()))).toContain('A post deployed later');

    // The second deploy, as a build with a changed app writes it: the style sheet with other
    // content under another hashed name, its integrity in every page, and the worker of another
    // build, which keeps it.
    const oldCss = readdirSync(site).find((name) => /^main-[0-9a-f]+\.css$/.test(name));
    const css = `${readFileSync(path.join(site, oldCss), 'utf8')}\n:root { --deploy: 2; }\n`;
    const newCss = 'main-2222222222222222.css';
    writeFileSync(path.join(site, newCss), css);
    rmSync(path.join(site, oldCss));
    const oldIntegrity = readFileSync(path.join(site, 'index.html'), 'utf8').match(new RegExp(`${oldCss}" integrity="(sha384-[^"]+)"`))[1];
    const newIntegrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
    for (const file of readdirSync(site, { recursive: true }).filter((name) => name.endsWith('.html'))) {
      const html = readFileSync(path.join(site, file), 'utf8');
      writeFileSync(path.join(site, file), html.replaceAll(oldCss, newCss).replaceAll(oldIntegrity, newIntegrity));
    }
    const worker = path.join(site, 'sw.js');
    const source = readFileSync(worker, 'utf8');
    const build = source.match(/const BUILD = '([0-9a-f]{16})'/)[1];
    const second = 'f'.repeat(16) === build ? '0'.repeat(16) : 'f'.repeat(16);
    expect(source).toContain(`"${oldCss}"`);
    writeFileSync(worker, source.replace(`const BUILD = '${build}'`, `const BUILD = '${second}'`).replace(`"${oldCss}"`, `"${newCss}"`));

    // The next visit has the new app, and finds the new worker, which takes over and drops the
    // old build's files.
    const deployed = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--deploy').trim());
    await page.goto(at(origin, ''));
    expect(await deployed()).toBe('2');
    await expect.poll(cachesOf, { timeout: 15_000 }).toEqual([`folio-app-${second}`]);
    const kept = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    }, `folio-app-${second}`);
    expect(kept).toContain(`${BASE}${newCss}`);
    expect(kept).not.toContain(`${BASE}${oldCss}`);
    expect(await page.evaluate((url) => caches.match(url).then(Boolean), at(origin, oldCss))).toBe(false);

    // Offline, the home page opens with the new build's style sheet.
    await context.setOffline(true);
    await page.goto(at(origin, ''));
    await expect(page.locator('main .post-summary').first()).toBeVisible();
    expect(await deployed()).toBe('2');
  } finally {
    server.kill();
    rmSync(root, { recursive: true, force: true });
    await context.close();
  }
});
