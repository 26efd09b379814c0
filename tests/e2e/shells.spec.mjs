// Per-route HTML shells: every page in the sitemap is a file of its own (posts/<slug>.html and
// so on) whose head has the page's title, description, canonical link and link previews, for
// hosts without an SPA fallback, crawlers and link previews that do not run the app. With
// JavaScript the app takes over the head: no tag is there twice.

import { test, expect } from '@playwright/test';
import { watchErrors } from './support.mjs';

const SITE = 'https://blog.example.org/';
const POST_PATH = '/posts/leading-for-innovation';
const POST_TITLE = 'Leading for Innovation: New Solace case studies and interim report';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a post link shows the notice, under the post title and description', async ({ page, request }) => {
    const response = await page.goto(POST_PATH);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(`${POST_TITLE} – Solace blog`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^How can leaders/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}posts/leading-for-innovation`);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', `${POST_TITLE} – Solace blog`);
    const html = await (await request.get(POST_PATH)).text();
    expect(html).toContain('<noscript>Please enable JavaScript. This webapp requires JavaScript to work.</noscript>');
  });

  test('every page in the sitemap has a shell with its own canonical link', async ({ page, request }) => {
    const sitemap = await (await request.get('/sitemap.xml')).text();
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThanOrEqual(9);
    const titles = new Set();
    for (const url of urls) {
      const path = `/${url.slice(SITE.length)}`;
      await page.goto(path);
      await expect(page.locator('link[rel="canonical"]'), path).toHaveAttribute('href', url);
      titles.add(await page.title());
    }
    expect(titles.size, 'each page has a title of its own').toBe(urls.length);
  });
});

test('with JavaScript the app keeps one title, description and canonical link', async ({ page }) => {
  const check = watchErrors(page);
  await page.goto(POST_PATH);
  await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);
  await expect(page.locator('head [data-shell]')).toHaveCount(0);
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(1);
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
  await expect(page.locator('title')).toHaveCount(1);

  await page.locator('.site-nav a', { hasText: 'Tags' }).click();
  await expect(page.locator('h1')).toHaveText('Tags');
  await expect(page).toHaveTitle('Tags – Solace blog');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}tags`);
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
  check();
});
