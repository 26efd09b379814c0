// What several end-to-end specs share: watching a page for errors, and the kitchen-sink post's
// outline.

import { expect } from '@playwright/test';

/** Collects uncaught errors and console errors on `page`; call the result to assert none. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
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
