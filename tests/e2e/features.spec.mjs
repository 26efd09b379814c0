// The kitchen-sink fixture site (tests/fixtures/sites/kitchen-sink), built as users build theirs
// and served by nginx under /kitchen/: a post that is a folder with its image, an image from
// static/, highlighted code, links to another post's source file and to a page of its own, and
// the menu. Checked in the app and with JavaScript off.
//   E2E_FEATURES_URL  nginx under /kitchen/ over E2E_FEATURES_DIST (playwright.config.mjs)

import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchErrors } from './support.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

function siteUrl() {
  const value = process.env.E2E_FEATURES_URL;
  if (!value) throw new Error('E2E_FEATURES_URL is not set: run the tests with tests/e2e/playwright.config.mjs');
  return value;
}

const BASE = new URL(siteUrl()).pathname; // "/kitchen/"
const POST = `${siteUrl()}posts/kitchen-sink/`;
// Each image: its address, alt text, size, and the copy the browser picks for a 640 px column
// (the 960 px WebP copy of the wide image; the small one has no copies).
const IMAGES = [
  [`${BASE}posts/kitchen-sink/kitchen-sink.png`, 'An image beside the post', [1000, 600], `${BASE}posts/kitchen-sink/kitchen-sink-960w.webp`],
  [`${BASE}images/banner.png`, 'An image from static', [120, 30], `${BASE}images/banner.png`],
];

/** Each image of the post loads from where its source file was copied, with its size, and the
 * wide one from its smaller copy; all but the first wait until they are near. */
async function expectImages(page) {
  for (const [index, [src, alt, [width, height], picked]] of IMAGES.entries()) {
    const image = page.locator(`.post-body img[src="${src}"]`);
    await expect(image).toHaveAttribute('alt', alt);
    await expect(image).toHaveAttribute('width', String(width));
    await expect(image).toHaveAttribute('height', String(height));
    if (index > 0) await expect(image).toHaveAttribute('loading', 'lazy');
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect.poll(() => image.evaluate((img) => new URL(img.currentSrc).pathname)).toBe(picked);
  }
  await expect(page.locator('.post-body img').first()).not.toHaveAttribute('loading', /./);
}

/** The post's cover, from its front matter, loads above it at its size, from its smaller copy,
 * at once; in the home listing each post's cover loads, all but the first when near. */
async function expectCovers(page) {
  const cover = page.locator('article.post > img.cover');
  await expect(cover).toHaveAttribute('src', `${BASE}posts/kitchen-sink/kitchen-sink.png`);
  await expect(cover).toHaveAttribute('width', '1000');
  await expect(cover).toHaveAttribute('height', '600');
  await expect(cover).toHaveAttribute('alt', '');
  await expect(cover).not.toHaveAttribute('loading', /./);
  await expect.poll(() => cover.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect.poll(() => cover.evaluate((img) => new URL(img.currentSrc).pathname)).toBe(`${BASE}posts/kitchen-sink/kitchen-sink-960w.webp`);
  await page.locator('a:has(.site-title)').click();
  const covers = page.locator('.post-summary img.cover');
  await expect(covers).toHaveCount(2);
  await expect(covers.nth(0)).toHaveAttribute('src', `${BASE}posts/kitchen-sink/kitchen-sink.png`);
  await expect(covers.nth(1)).toHaveAttribute('src', `${BASE}images/banner.png`);
  await expect(covers.nth(1)).toHaveAttribute('loading', 'lazy');
  for (const index of [0, 1]) {
    await covers.nth(index).scrollIntoViewIfNeeded();
    await expect.poll(() => covers.nth(index).evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
}

/** The code blocks carry the bundler's highlighting. */
async function expectHighlighting(page) {
  const body = page.locator('.post-body');
  await expect(body.locator('code.language-rust .hl-keyword').first()).toBeVisible();
  await expect(body.locator('code.language-python .hl-keyword').first()).toBeVisible();
  await expect(body.locator('code.language-html .hl-tag').first()).toBeVisible();
}

/** The header's navigation is the site's menu. */
async function expectMenu(page) {
  const nav = page.locator('nav.site-nav a');
  await expect(nav).toHaveText(['About', 'Archive', 'Tags', 'Series']);
  await expect(nav.first()).toHaveAttribute('href', `${BASE}about/`);
}

test.describe('in the app', () => {
  test('the post with its images, highlighting and links', async ({ page }) => {
    const check = watchErrors(page);
    await page.goto(POST);
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    await expectMenu(page);
    await expectImages(page);
    await expectHighlighting(page);
    await page.evaluate(() => {
      window.__noReload = true;
    });
    await page.locator(`.post-body a[href="${BASE}posts/earlier-post/#why-it-matters"]`).click();
    await expect(page).toHaveURL(`${siteUrl()}posts/earlier-post/#why-it-matters`);
    await expect(page.locator('article.post h1')).toHaveText('An earlier post');
    await expect(page.locator('h2#why-it-matters')).toBeInViewport();
    expect(await page.evaluate(() => window.__noReload), 'no full page load').toBe(true);
    check();
  });

  test('the cover on the post and in the listing', async ({ page }) => {
    const check = watchErrors(page);
    await page.goto(POST);
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    await expectCovers(page);
    check();
  });

  test('the About page from the header, with its heading link from a post', async ({ page }) => {
    const check = watchErrors(page);
    await page.goto(POST);
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    await page.evaluate(() => {
      window.__noReload = true;
    });
    await page.locator('nav.site-nav a', { hasText: 'About' }).click();
    await expect(page).toHaveURL(`${siteUrl()}about/`);
    await expect(page.locator('h1')).toHaveText('About this site');
    await expect(page).toHaveTitle('About this site – Kitchen sink');
    await expect(page.locator('nav.site-nav a[aria-current="page"]')).toHaveText('About');
    await expect(page.locator('.post-body .callout-note')).toContainText('not in the listings');
    await expect(page.locator('.post-body code.language-toml .hl-string')).toHaveText('"Kitchen sink"');
    await page.locator('.post-body a', { hasText: 'the post it links to' }).click();
    await expect(page.locator('article.post h1')).toHaveText('An earlier post');
    await page.goBack();
    await expect(page.locator('h1')).toHaveText('About this site');
    expect(await page.evaluate(() => window.__noReload), 'no full page load').toBe(true);
    check();
  });

  test('an address that is no page of the site is not found', async ({ page }) => {
    const check = watchErrors(page, /404/);
    const response = await page.goto(`${siteUrl()}no-such-page/`);
    expect(response.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page not found');
    check();
  });

  for (const scheme of ['light', 'dark']) {
    for (const [name, url, ready] of [
      ['the kitchen-sink post', POST, '.post-body .copy-code'],
      ['the About page', `${siteUrl()}about/`, '.post-body .callout'],
    ]) {
      test(`${name} has no axe violations in the ${scheme} theme`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.goto(url);
        await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
        await expect(page.locator(ready).first()).toBeVisible();
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const shown = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
        expect(shown, 'axe violations').toEqual([]);
      });
    }
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the built post shows its images, highlighting, links and the menu', async ({ page }) => {
    await page.goto(POST);
    await expect(page.locator('noscript')).toHaveCount(1);
    await expectMenu(page);
    await expectImages(page);
    await expectHighlighting(page);
    const link = page.locator(`.post-body a[href="${BASE}posts/earlier-post/"]`);
    await expect(link).toHaveText('the earlier post');
    await link.click();
    await expect(page).toHaveURL(`${siteUrl()}posts/earlier-post/`);
    await expect(page.locator('article.post h1')).toHaveText('An earlier post');
  });

  test('the built post and home page show the covers, and the post\'s head gives its cover to link previews', async ({ page }) => {
    await page.goto(POST);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', `${siteUrl()}posts/kitchen-sink/kitchen-sink.png`);
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1000');
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    await expectCovers(page);
  });

  test('the built About page is there, from the header', async ({ page }) => {
    await page.goto(POST);
    await page.locator('nav.site-nav a', { hasText: 'About' }).click();
    await expect(page).toHaveURL(`${siteUrl()}about/`);
    await expect(page.locator('h1')).toHaveText('About this site');
    await expect(page.locator('.post-body h2#how-it-is-built')).toHaveText('How it is built');
  });
});

test.describe('served by nginx', () => {
  test("only Folio's own hashed files are cached as immutable, not an author's file whose name ends in digits", async ({ request }) => {
    const index = await (await request.get(siteUrl())).text();
    const app = index.match(/\/folio-[0-9a-f]{10,16}_bg\.wasm/);
    expect(app, 'the page names the hashed wasm').not.toBeNull();
    const cacheOf = async (rel) => (await request.get(new URL(rel, siteUrl()).href)).headers()['cache-control'];
    expect(await cacheOf(app[0].slice(1))).toBe('public, max-age=31536000, immutable');
    // static/images/moth-201510251230.png: twelve digits, as a hash would be, but the author's.
    const own = await request.get(new URL('images/moth-201510251230.png', siteUrl()).href);
    expect(own.status()).toBe(200);
    expect(own.headers()['cache-control']).toBe('no-cache');
  });
});
