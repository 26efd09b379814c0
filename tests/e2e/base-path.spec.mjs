// The site built for a sub-path (`cargo xtask build --base-url http://127.0.0.1:4174/blog/`)
// and served under it, as on a host that serves many sites from one domain: deep links, links
// in the app, back and forward, data, head links and the feed all stay under the base path.

import { test, expect } from '@playwright/test';
import { watchErrors, openApp } from './support.mjs';

const PORT = Number.parseInt(process.env.E2E_BASE_PORT || '4174', 10);
const BASE = (process.env.E2E_BASE_PATH || '/blog/').replace(/\/$/, '');
const ORIGIN = `http://127.0.0.1:${PORT}`;
const POST = `${BASE}/posts/leading-for-innovation/`;
const POST_TITLE = 'Leading for Innovation: New Solace case studies and interim report';

test.use({ baseURL: ORIGIN });

/** Records every request the page makes that leaves the base path. */
function watchOutsideBase(page) {
  const outside = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === ORIGIN && !url.pathname.startsWith(`${BASE}/`)) outside.push(url.pathname);
  });
  return outside;
}

test('a deep link to a post under the base path shows the post', async ({ page }) => {
  const check = watchErrors(page);
  const outside = watchOutsideBase(page);
  await openApp(page, POST);
  await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${ORIGIN}${POST}`);
  await expect(page.locator('.byline a')).toHaveAttribute('href', `${BASE}/authors/joan-munro/`);
  await expect(page.locator('.site-header a').first()).toHaveAttribute('href', `${BASE}/`);
  expect(outside, 'no request leaves the base path').toEqual([]);
  check();
});

test('links in the app, back and forward stay under the base path without a reload', async ({ page }) => {
  const check = watchErrors(page);
  const outside = watchOutsideBase(page);
  await openApp(page, `${BASE}/`);
  await expect(page.locator('h1')).toHaveText('Solace blog');
  await page.evaluate(() => {
    window.__noReload = true;
  });

  await page.locator('article.post-summary h2 a').click();
  await expect(page).toHaveURL(`${ORIGIN}${POST}`);
  await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);

  await page.locator('article.post .tags a', { hasText: 'research' }).click();
  await expect(page).toHaveURL(`${ORIGIN}${BASE}/tags/research/`);
  await expect(page.locator('h1')).toHaveText('Posts tagged “research”');

  await page.locator('.site-nav a', { hasText: 'Archive' }).click();
  await expect(page).toHaveURL(`${ORIGIN}${BASE}/archive/`);
  await expect(page.locator('h1')).toHaveText('Archive');

  await page.goBack();
  await expect(page).toHaveURL(`${ORIGIN}${BASE}/tags/research/`);
  await expect(page.locator('h1')).toHaveText('Posts tagged “research”');
  await page.goBack();
  await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);
  await page.goForward();
  await expect(page.locator('h1')).toHaveText('Posts tagged “research”');

  await page.locator('.site-header a').first().click();
  await expect(page).toHaveURL(`${ORIGIN}${BASE}/`);
  await expect(page.locator('h1')).toHaveText('Solace blog');
  expect(await page.evaluate(() => window.__noReload), 'no full page load').toBe(true);
  expect(outside, 'no request leaves the base path').toEqual([]);
  check();
});

test('an unknown address under the base path is not found', async ({ page }) => {
  await openApp(page, `${BASE}/no/such/page`);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await page.locator('a', { hasText: 'Go to the home page' }).click();
  await expect(page).toHaveURL(`${ORIGIN}${BASE}/`);
  await expect(page.locator('h1')).toHaveText('Solace blog');
});

test('the feed and the sitemap give addresses under the base URL', async ({ request }) => {
  const feed = await (await request.get(`${BASE}/feed.xml`)).text();
  expect(feed).toContain(`<id>${ORIGIN}${POST}</id>`);
  const sitemap = await (await request.get(`${BASE}/sitemap.xml`)).text();
  expect(sitemap).toContain(`<loc>${ORIGIN}${POST}</loc>`);
  const html = await (await request.get(`${BASE}/`)).text();
  expect(html).toContain(`<base href="${BASE}/"`);
});
