// Link preview cards on the kitchen-sink fixture site (tests/fixtures/sites/kitchen-sink), built
// and served by nginx under /kitchen/: a post without a cover names its card in og:image and
// twitter:image, with its size and a large card; the card is a 1200x630 PNG of at most 100 KB,
// kept for a year; decoded in Chromium, it is the picture of its title (the reference cards in
// tests/fixtures/cards/, within a tolerance) and not another post's. Pages of their own have a
// card of their own; the listings share the site's.
//
// The reference cards are the bundler's own pictures of the two posts. After a change to the
// cards' design (crates/bundler/src/outputs/cards/), look at the new cards and copy them from
// target/e2e/dist-kitchen-sink/data/cards/ (this test names the files when they differ).
//   E2E_FEATURES_URL  nginx under /kitchen/ over E2E_FEATURES_DIST (playwright.config.mjs)

import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function siteUrl() {
  const value = process.env.E2E_FEATURES_URL;
  if (!value) throw new Error('E2E_FEATURES_URL is not set: run the tests with tests/e2e/playwright.config.mjs');
  return value;
}

const BASE = new URL(siteUrl()).pathname; // "/kitchen/"
/** Full addresses: the config's baseURL is another site's. */
const urlOf = (pathname) => new URL(pathname, siteUrl()).href;
const REFERENCES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'cards');
const reference = (slug) => readFileSync(path.join(REFERENCES, `${slug}.png`)).toString('base64');

/** The content of the page's `<meta>` named `name` (by `property` or `name`). */
async function meta(page, name) {
  return page.locator(`meta[property="${name}"], meta[name="${name}"]`).first().getAttribute('content');
}

/**
 * How two PNGs (base64) differ once decoded by the browser: their sizes, the mean difference of
 * a channel (0 to 255) and the share of pixels whose colour moved by more than 64 in a channel.
 */
async function compare(page, actual, expected) {
  return page.evaluate(async ([a, b]) => {
    const pixels = async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      return { width: bitmap.width, height: bitmap.height, data: context.getImageData(0, 0, bitmap.width, bitmap.height).data };
    };
    const [one, two] = [await pixels(a), await pixels(b)];
    if (one.width !== two.width || one.height !== two.height) {
      return { size: [one.width, one.height], otherSize: [two.width, two.height], mean: 255, moved: 1 };
    }
    let sum = 0;
    let moved = 0;
    for (let i = 0; i < one.data.length; i += 4) {
      let most = 0;
      for (let c = 0; c < 3; c += 1) {
        const d = Math.abs(one.data[i + c] - two.data[i + c]);
        sum += d;
        most = Math.max(most, d);
      }
      if (most > 64) moved += 1;
    }
    const count = one.data.length / 4;
    return { size: [one.width, one.height], otherSize: [two.width, two.height], mean: sum / (count * 3), moved: moved / count };
  }, [actual, expected]);
}

test.describe('link preview cards', () => {
  test('a post without a cover shows its card: a 1200x630 PNG of its title, kept for a year', async ({ page, request }) => {
    await page.goto(urlOf(`${BASE}posts/bird-table-roof/`));
    const card = await meta(page, 'og:image');
    expect(card).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kitchen\/data\/cards\/[0-9a-f]{16}\.png$/);
    expect(await meta(page, 'twitter:image')).toBe(card);
    expect(await meta(page, 'twitter:card')).toBe('summary_large_image');
    expect([await meta(page, 'og:image:width'), await meta(page, 'og:image:height')]).toEqual(['1200', '630']);
    const jsonLd = JSON.parse(await page.locator('script[type="application/ld+json"]').first().textContent());
    const posting = (jsonLd['@graph'] ?? [jsonLd]).find((node) => node['@type'] === 'BlogPosting');
    expect(posting.image.url).toBe(card);

    const response = await request.get(card);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(response.headers()['cache-control']).toContain('immutable');
    const bytes = await response.body();
    expect(bytes.length).toBeLessThanOrEqual(100 * 1024);
    const png = bytes.toString('base64');

    const own = await compare(page, png, reference('bird-table-roof'));
    const file = card.split('/').pop();
    expect(own.size, `the card ${file} is 1200x630`).toEqual([1200, 630]);
    expect(own.mean, `the card ${file} is the reference picture of its title (tests/fixtures/cards/bird-table-roof.png)`).toBeLessThan(1.5);
    expect(own.moved).toBeLessThan(0.005);
    // Another title is another picture: the comparison sees the title.
    const other = await compare(page, png, reference('bird-table-plans'));
    expect(other.moved).toBeGreaterThan(0.01);
  });

  test('a page of its own has its own card; the home page and the listings share the site card', async ({ page }) => {
    const cardOf = async (pathname) => {
      await page.goto(urlOf(`${BASE}${pathname}`));
      return meta(page, 'og:image');
    };
    const home = await cardOf('');
    const about = await cardOf('about/');
    const tags = await cardOf('tags/');
    const archive = await cardOf('archive/');
    const post = await cardOf('posts/bird-table-plans/');
    for (const card of [home, about, tags, archive, post]) expect(card).toMatch(/\/kitchen\/data\/cards\/[0-9a-f]{16}\.png$/);
    expect(tags).toBe(home);
    expect(archive).toBe(home);
    expect(new Set([home, about, post]).size).toBe(3);
  });
});
