// The reading experience: focus after navigation, the light/dark toggle, copy buttons on code
// blocks, the previous/next shortcuts and a layout that fits 320 px.

import { test, expect } from '@playwright/test';
import { watchErrors, openApp, visitInApp } from './support.mjs';

const POST_PATH = '/posts/leading-for-innovation/';
const POST_JSON = '**/data/posts/leading-for-innovation.json';
const OLDER_JSON = '**/data/posts/older-post.json';
const CODE = 'fn main() {\n    println!("hello, {}", "world");\n}';

/** Serves the seed post with `change` applied to its bundle. */
async function servePost(page, pattern, change) {
  await page.route(pattern, async (route) => {
    const real = await route.fetch({ url: route.request().url().replace(/[^/]+\.json$/, 'leading-for-innovation.json') });
    const bundle = await real.json();
    change(bundle);
    await route.fulfill({ response: real, json: bundle });
  });
}

const focusedId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

test('focus moves to the new page heading after an in-app navigation, not on first load', async ({ page }) => {
  const check = watchErrors(page);
  await openApp(page, '/');
  await expect(page.locator('h1#page-heading')).toBeVisible();
  expect(await focusedId(page), 'first load keeps the browser focus').not.toBe('page-heading');

  await page.locator(`article.post-summary h2 a[href="${POST_PATH}"]`).click();
  await expect(page).toHaveURL(new RegExp(`${POST_PATH}$`));
  await expect(page.locator('article.post h1#page-heading')).toBeFocused();

  await page.locator('article.post .tags a', { hasText: 'research' }).click();
  await expect(page.locator('h1#page-heading')).toHaveText('Posts tagged “research”');
  await expect(page.locator('h1#page-heading')).toBeFocused();

  await page.goBack();
  await expect(page.locator('article.post h1#page-heading')).toBeFocused();
  check();
});

test('the skip link still moves to the main content', async ({ page }) => {
  await openApp(page, POST_PATH);
  await expect(page.locator('article.post h1')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#content')).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`${POST_PATH}$`));
  await expect(page.locator('article.post h1')).toBeVisible();
});

test('the theme toggle switches data-theme, is labelled and persists across reloads', async ({ page }) => {
  const check = watchErrors(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, '/');
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(html).not.toHaveAttribute('data-theme', /./);

  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => localStorage.getItem('folio-theme'))).toBe('dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(23, 24, 26)');

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme', pressed: true })).toBeVisible();

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Dark theme', pressed: false })).toBeVisible();
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  check();
});

test('a dark system gets the dark theme until the reader chooses light', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, '/');
  await expect(page.getByRole('button', { name: 'Dark theme', pressed: true })).toBeVisible();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(253, 253, 252)');
});

test('a code block has a Copy button that copies its code', async ({ page, context }) => {
  const check = watchErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await servePost(page, POST_JSON, (bundle) => {
    bundle.body.markdown += `\n\n\`\`\`rust\n${CODE}\n\`\`\`\n`;
  });
  await visitInApp(page, POST_PATH);
  await expect(page.locator('.post-body .code-block').getByRole('button', { name: 'Copy' })).toHaveCount(1);
  // Located by class: its name changes to "Copied".
  const button = page.locator('.post-body .code-block button.copy-code');
  await expect(button).toHaveAttribute('type', 'button');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAccessibleName('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${CODE}\n`);
  await expect(button).toHaveText('Copy', { timeout: 5_000 });
  check();
});

test('[ and ] go to the previous and next posts, but not while modified', async ({ page }) => {
  const check = watchErrors(page);
  const date = '2015-10-01';
  await servePost(page, POST_JSON, (bundle) => {
    bundle.previous = { slug: 'older-post', title: 'Older post', date };
  });
  await servePost(page, OLDER_JSON, (bundle) => {
    bundle.post.slug = 'older-post';
    bundle.post.title = 'Older post';
    bundle.post.date = date;
    bundle.next = { slug: 'leading-for-innovation', title: 'Leading for Innovation', date: '2015-10-25' };
  });
  await visitInApp(page, POST_PATH);
  await expect(page.locator('.post-nav a.prev')).toBeVisible();
  await page.keyboard.press('Control+[');
  await page.keyboard.press(']');
  await expect(page).toHaveURL(new RegExp(`${POST_PATH}$`));

  await page.keyboard.press('[');
  await expect(page).toHaveURL(/\/posts\/older-post\/$/);
  await expect(page.locator('article.post h1')).toHaveText('Older post');
  await expect(page.locator('article.post h1')).toBeFocused();
  await page.keyboard.press(']');
  await expect(page).toHaveURL(new RegExp(`${POST_PATH}$`));
  await expect(page.locator('article.post h1')).toContainText('Leading for Innovation');
  check();
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of ['/', POST_PATH, '/tags', '/archive', '/authors/joan-munro']) {
    test(`${path} has no horizontal scroll`, async ({ page }) => {
      await openApp(page, path);
      await expect(page.locator('h1#page-heading')).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  }

  test('a post with wide code, a wide table and a long URL still fits', async ({ page }) => {
    await servePost(page, POST_JSON, (bundle) => {
      const wide = 'x'.repeat(200);
      bundle.body.markdown += `\n\n\`\`\`\n${wide}\n\`\`\`\n\n| ${'column | '.repeat(12)}\n|${'---|'.repeat(12)}\n| ${'value | '.repeat(12)}\n\nSee https://example.com/${wide} and ${wide}.\n`;
    });
    await visitInApp(page, POST_PATH);
    await expect(page.locator('.post-body table')).toBeVisible();
    await expect(page.locator('.copy-code')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

test('content arriving does not shift the layout (cumulative layout shift under 0.1)', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // Slow data, so the shell is laid out well before the content comes.
  await page.route('**/data/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  for (const [path, heading] of [
    ['/', 'Solace blog'],
    [POST_PATH, 'Leading for Innovation: New Solace case studies and interim report'],
    ['/archive', 'Archive'],
  ]) {
    await openApp(page, path);
    await expect(page.locator('h1#page-heading')).toHaveText(heading);
    // Let the browser report shifts from the last frames.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
    const shift = await page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));
    expect(shift, `layout shift on ${path}`).toBeLessThan(0.1);
  }
});
