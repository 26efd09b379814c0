// End-to-end tests of the release build (dist/): home, post deep link, client-side routing,
// not-found, the served HTML, and recovery from a failed data fetch.

import { test, expect } from '@playwright/test';
import { openApp, visitInApp } from './support.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEED = path.join(here, '..', 'fixtures', 'seed', 'solace-blog-page.txt');

const SITE_TITLE = 'Solace blog';
const SLUG = 'leading-for-innovation';
const POST_PATH = `/posts/${SLUG}/`;
const POST_TITLE = 'Leading for Innovation: New Solace case studies and interim report';
const AUTHOR = 'Joan Munro';
const ROLE = 'Director, Accelerating Innovation in Local Government Research Project';
const NOSCRIPT = '<noscript>Please enable JavaScript. This webapp requires JavaScript to work.</noscript>';

// Console errors that are expected and harmless. Keep it empty unless an entry is justified.
const CONSOLE_ERROR_ALLOW = [];

const norm = (s) => s.replace(/\s+/g, ' ').trim();

/** The post's paragraphs as the seed page has them: the lines after the title, to the byline. */
function seedParagraphs() {
  const lines = readFileSync(SEED, 'utf8').split(/\r?\n/).map(norm);
  const start = lines.indexOf(POST_TITLE);
  const end = lines.findIndex((l) => l.startsWith('By Joan Munro'));
  if (start < 0 || end <= start) throw new Error(`cannot find the post in ${SEED}`);
  return lines.slice(start + 1, end + 1).filter((l) => l.length > 0);
}

/** Collects uncaught page errors and console errors; `check()` asserts there were none. */
function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (CONSOLE_ERROR_ALLOW.some((re) => re.test(text))) return;
    const loc = msg.location();
    errors.push(`console.error: ${text}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  return {
    errors,
    check: () => expect(errors, 'no uncaught errors and no console errors').toEqual([]),
  };
}

async function expectPost(page) {
  const post = page.locator('article.post');
  await expect(post.locator('h1')).toHaveText(POST_TITLE);
  const time = post.locator('time[datetime="2015-10-25"]');
  await expect(time).toHaveCount(1);
  await expect(time).toHaveText('25 October 2015');
  const byline = post.locator('.byline');
  await expect(byline).toContainText(AUTHOR);
  await expect(byline).toContainText(ROLE);
  await expect(page).toHaveTitle(`${POST_TITLE} – ${SITE_TITLE}`);
  return post;
}

async function expectHome(page) {
  await expect(page).toHaveTitle(SITE_TITLE);
  await expect(page.locator('h1')).toHaveText(SITE_TITLE);
  const summary = page.locator('article.post-summary', {
    has: page.locator(`h2 > a[href="${POST_PATH}"]`),
  });
  await expect(summary).toHaveCount(1);
  await expect(summary.locator(`h2 > a[href="${POST_PATH}"]`)).toHaveText(POST_TITLE);
  await expect(summary.locator('time[datetime="2015-10-25"]')).toHaveText('25 October 2015');
  await expect(summary.locator('p.summary')).toContainText('How can leaders in local government');
  return summary;
}

test.describe('post page', () => {
  test('deep link shows title, date, author and every paragraph of the post', async ({ page }) => {
    const watch = watchErrors(page);
    const expected = seedParagraphs();
    expect(expected[0]).toMatch(/^How can leaders in local government/);
    expect(expected.at(-1)).toMatch(/^By Joan Munro/);
    expect(expected.length).toBeGreaterThanOrEqual(12);

    const res = await page.goto(POST_PATH);
    expect(res?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    const post = await expectPost(page);

    const paragraphs = post.locator('.post-body p, p.call-for-comments');
    await expect(paragraphs.first()).toBeVisible();
    await expect(post.locator('p.call-for-comments')).toBeVisible();
    const texts = (await paragraphs.allTextContents()).map(norm);
    const missing = expected.filter((line) => !texts.some((t) => t.includes(line)));
    expect(missing, 'seed paragraphs not found in the post').toEqual([]);

    // The call for comments ends with a mailto link to the contact address in site.toml.
    await expect(post.locator('p.call-for-comments a[href^="mailto:comments@example.org"]')).toHaveCount(1);
    watch.check();
  });
});

test.describe('home page', () => {
  test('lists the post and routes to it on the client; back returns to the list', async ({ page }) => {
    const watch = watchErrors(page);
    await openApp(page, '/');
    const summary = await expectHome(page);

    await page.evaluate(() => {
      window.__noReload = true;
    });
    await summary.locator(`h2 > a[href="${POST_PATH}"]`).click();
    await expectPost(page);
    await expect(page).toHaveURL(new URL(POST_PATH, page.url()).href);
    expect(await page.evaluate(() => window.__noReload), 'no full page load on link click').toBe(true);

    await page.goBack();
    await expect(page).toHaveURL(new URL('/', page.url()).href);
    await expectHome(page);
    await expect(page.locator('article.post')).toHaveCount(0);
    expect(await page.evaluate(() => window.__noReload), 'no full page load on back').toBe(true);
    watch.check();
  });
});

test.describe('not found', () => {
  for (const [name, url] of [
    ['unknown path', '/no/such/page'],
    ['unknown slug', '/posts/no-such-post'],
  ]) {
    test(`${name} shows the not-found page`, async ({ page }) => {
      const pageErrors = [];
      page.on('pageerror', (err) => pageErrors.push(err.message));
      await openApp(page, url);
      await expect(page.locator('h1')).toHaveText('Page not found');
      // A link home in the page itself, not only the one in the site header or navigation.
      const homeLink = page.locator('xpath=//a[@href="/"][not(ancestor::header) and not(ancestor::nav)]');
      await expect(homeLink.first()).toBeVisible();
      await expect(page).toHaveTitle(`Page not found – ${SITE_TITLE}`);
      await expect(page.locator('.load-error')).toHaveCount(0);
      await expect(page.locator('article.post')).toHaveCount(0);
      expect(pageErrors, 'no uncaught page errors').toEqual([]);
    });
  }
});

test.describe('served HTML', () => {
  for (const url of ['/', POST_PATH]) {
    test(`raw HTML of ${url} has lang, viewport and the noscript notice`, async ({ request }) => {
      const res = await request.get(url);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain(NOSCRIPT);
      expect(html).toMatch(/<html\b[^>]*\slang=/i);
      expect(html).toMatch(/<meta\b[^>]*\bname=["']?viewport["'\s>]/i);
    });
  }
});

test.describe('data errors', () => {
  test('a failed post fetch shows an alert with Retry, and Retry loads the post', async ({ page }) => {
    let fail = true;
    let failed = 0;
    await page.route('**/data/posts/*.json', async (route) => {
      if (fail) {
        failed += 1;
        await route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
      } else {
        await route.continue();
      }
    });

    await visitInApp(page, POST_PATH);
    const alert = page.locator('div.load-error[role="alert"]');
    await expect(alert).toBeVisible();
    const retry = alert.getByRole('button', { name: 'Retry' });
    await expect(retry).toBeVisible();
    const message = norm(
      await alert.evaluate((el) => {
        const copy = el.cloneNode(true);
        copy.querySelectorAll('button').forEach((b) => b.remove());
        return copy.textContent ?? '';
      }),
    );
    expect(message.length, 'the alert has a message besides the button').toBeGreaterThan(0);
    await expect(page.locator('article.post h1')).toHaveCount(0);
    expect(failed).toBeGreaterThan(0);

    fail = false;
    await retry.click();
    await expectPost(page);
    await expect(alert).toHaveCount(0);
  });
});
