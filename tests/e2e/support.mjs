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

/** tests/fixtures/posts/kitchen-sink.md as the bundler bundles it: its outline (the headings with
 * their anchors) and its highlighted code blocks. A native test (crates/bundler/tests/
 * kitchen_sink.rs) keeps the file equal to what the bundler makes. */
const KITCHEN_SINK_BUNDLE = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'posts', 'kitchen-sink.bundle.json'), 'utf8'),
);
export const KITCHEN_SINK_OUTLINE = KITCHEN_SINK_BUNDLE.outline;
export const KITCHEN_SINK_CODE = KITCHEN_SINK_BUNDLE.code;

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
