// What several end-to-end specs share: watching a page for errors, and the kitchen-sink post's
// outline.

import { expect } from '@playwright/test';

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

/** The headings of tests/fixtures/posts/kitchen-sink.md as the bundler's outline has them. */
export const KITCHEN_SINK_OUTLINE = [
  { level: 2, text: 'Inline text', anchor: 'custom-id' },
  { level: 3, text: 'Code', anchor: 'code' },
  { level: 4, text: 'Plain fences', anchor: 'plain-fences' },
  { level: 2, text: 'Quotes and lists', anchor: 'quotes-and-lists' },
  { level: 2, text: 'Tables and notes', anchor: 'tables-and-notes' },
  { level: 2, text: 'Links and images', anchor: 'links-and-images' },
];

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
