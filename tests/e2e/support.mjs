// What several end-to-end specs share: watching a page for errors, and the kitchen-sink post's
// outline and highlighted code.

import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Collects uncaught errors and console errors on `page`, except console errors that match
 * `expected` (such as the browser's report of a 404 it was sent to); call the result to assert
 * none. */
export function watchErrors(page, expected = null) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const wanted = expected && expected.test(message.text());
    if (message.type() === 'error' && !wanted) errors.push(`console.error: ${message.text()}`);
  });
  return () => expect(errors, 'no uncaught errors and no console errors').toEqual([]);
}

/** The kitchen-sink post (tests/fixtures/sites/kitchen-sink) as the bundler bundles it: its
 * outline (the headings with their anchors), its highlighted code blocks and its resolved links,
 * and the whole bundle of the earlier post it links to. A native test (crates/bundler/tests/
 * kitchen_sink.rs) keeps the file equal to what the bundler makes. */
const KITCHEN_SINK_BUNDLE = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'posts', 'kitchen-sink.bundle.json'), 'utf8'),
);
export const KITCHEN_SINK_OUTLINE = KITCHEN_SINK_BUNDLE.outline;
export const KITCHEN_SINK_CODE = KITCHEN_SINK_BUNDLE.code;
export const KITCHEN_SINK_LINKS = KITCHEN_SINK_BUNDLE.links;
export const KITCHEN_SINK_IMAGES = KITCHEN_SINK_BUNDLE.images;
export const KITCHEN_SINK_EARLIER = KITCHEN_SINK_BUNDLE.earlier;

/** The kitchen-sink fixture site. */
export const KITCHEN_SINK_SITE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'sites', 'kitchen-sink');

/** The kitchen-sink post's Markdown, without its front matter. */
export const KITCHEN_SINK_BODY = readFileSync(path.join(KITCHEN_SINK_SITE, 'posts', 'kitchen-sink', 'index.md'), 'utf8').replace(
  /^\+\+\+\r?\n[\s\S]*?\r?\n\+\+\+\r?\n/,
  '',
);

/** Serves the kitchen-sink post's images where its resolved links put them, from the fixture;
 * its smaller copies, which the bundler makes, as the original (the browser shows either). */
export async function serveKitchenSinkImages(page) {
  const files = {
    '**/posts/kitchen-sink/kitchen-sink*': path.join(KITCHEN_SINK_SITE, 'posts', 'kitchen-sink', 'kitchen-sink.png'),
    '**/images/banner.png': path.join(KITCHEN_SINK_SITE, 'static', 'images', 'banner.png'),
  };
  for (const [pattern, file] of Object.entries(files)) {
    await page.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: readFileSync(file) }));
  }
}

/** Opens `path` and waits until the app has taken the built page over. */
export async function openApp(page, path) {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
}

/** Opens the archive in the app, then goes to `path` inside the app as a followed link does:
 * for what the app shows when the data of a page it opens fails (a page opened by its address
 * is built, and keeps its built content when its data fails). */
export async function visitInApp(page, path) {
  await openApp(page, '/archive/');
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Serves the real bundle of the seed post with `body`, `outline`, highlighted `code`, resolved
 * `links` and measured `images` in place of its own. */
export async function serveBody(page, body, outline, code = [], links = [], images = []) {
  await page.route('**/data/posts/leading-for-innovation.json', async (route) => {
    const real = await route.fetch();
    const bundle = await real.json();
    bundle.body.markdown = body;
    bundle.body.outline = outline;
    bundle.body.code = code;
    bundle.body.links = links;
    bundle.body.images = images;
    await route.fulfill({ response: real, json: bundle });
  });
}
