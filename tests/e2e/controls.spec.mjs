// The page's controls (the theme toggle, the reading settings, a code block's Copy button, `/`
// for the search box) work
// from the first paint, before the app: they are a small script of Folio's own, inline in every
// page (index.html), and the app adds no listener of its own for them. Checked with the app's
// wasm blocked (so it never takes over), and once it has taken over (each control acts once).
//   E2E_FEATURES_URL  the kitchen-sink site, whose post has code blocks (playwright.config.mjs)

import { test, expect } from '@playwright/test';
import { watchErrors } from './support.mjs';

function kitchenSinkPost() {
  const value = process.env.E2E_FEATURES_URL;
  if (!value) throw new Error('E2E_FEATURES_URL is not set: run the tests with tests/e2e/playwright.config.mjs');
  return `${value}posts/kitchen-sink/`;
}

/** Keeps the app from starting: its wasm never arrives. */
async function blockTheApp(page) {
  await page.route(/\.wasm$/, (route) => route.abort());
}

test.describe('before the app takes over', () => {
  test('the theme toggle switches, says so, and the choice applies before the next paint', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await blockTheApp(page);
    await page.goto('/');
    const html = page.locator('html');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 24, 26)');
    expect(await page.evaluate(() => localStorage.getItem('folio-theme'))).toBe('dark');
    await expect(html).not.toHaveAttribute('data-app', 'ready');

    // The next page is dark from its first paint: the theme is on <html> before the body is
    // parsed, and the toggle looks pressed from the style sheet (by the theme), not from its
    // aria-pressed, which the script sets once the page is parsed.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') {
          window.themeWhenParsed = document.documentElement.getAttribute('data-theme');
        }
      });
    });
    await page.goto('/archive/');
    expect(await page.evaluate(() => window.themeWhenParsed)).toBe('dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const look = () => toggle.evaluate((button) => getComputedStyle(button).backgroundColor);
    const pressed = await look();
    await toggle.evaluate((button) => button.setAttribute('aria-pressed', 'false'));
    expect(await look(), 'the pressed look follows the theme').toBe(pressed);
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(await look(), 'unpressed in the light theme').not.toBe(pressed);
  });

  test('the reading settings change the text size in three steps and the line width, and the next page opens with them', async ({ page }) => {
    await blockTheApp(page);
    await page.goto(kitchenSinkPost());
    const html = page.locator('html');
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const mainWidth = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main')).maxWidth));
    const smaller = page.getByRole('button', { name: 'Smaller text' });
    const larger = page.getByRole('button', { name: 'Larger text' });
    const wide = page.getByRole('button', { name: 'Wide lines' });
    const [normalSize, normalWidth] = [await rootSize(), await mainWidth()];
    await expect(smaller).toHaveAttribute('aria-disabled', 'false');

    await larger.click();
    await expect(html).toHaveAttribute('data-text', 'large');
    expect(await rootSize()).toBeGreaterThan(normalSize);
    // At the largest step, the button says it is off and a click changes nothing.
    await expect(larger).toHaveAttribute('aria-disabled', 'true');
    // (Playwright waits for an aria-disabled button to be enabled: the click is forced.)
    await larger.click({ force: true });
    await expect(html).toHaveAttribute('data-text', 'large');
    await expect(larger).toBeFocused();
    await smaller.click();
    await smaller.click();
    await expect(html).toHaveAttribute('data-text', 'small');
    expect(await rootSize()).toBeLessThan(normalSize);
    await expect(smaller).toHaveAttribute('aria-disabled', 'true');
    await larger.click();
    await expect(html).not.toHaveAttribute('data-text', /./);
    expect(await rootSize()).toBe(normalSize);
    await larger.click();

    await expect(wide).toHaveAttribute('aria-pressed', 'false');
    await wide.click();
    await expect(html).toHaveAttribute('data-measure', 'wide');
    await expect(wide).toHaveAttribute('aria-pressed', 'true');
    const [largeSize, wideWidth] = [await rootSize(), await mainWidth()];
    expect(wideWidth / largeSize).toBeGreaterThan(normalWidth / normalSize);
    expect(await page.evaluate(() => [localStorage.getItem('folio-text'), localStorage.getItem('folio-measure')])).toEqual(['large', 'wide']);
    await expect(html).not.toHaveAttribute('data-app', 'ready');

    // The next page has them on <html> before its body is parsed: no flash of the defaults.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') {
          const root = document.documentElement;
          window.settingsWhenParsed = [root.getAttribute('data-text'), root.getAttribute('data-measure')];
        }
      });
    });
    await page.reload();
    expect(await page.evaluate(() => window.settingsWhenParsed)).toEqual(['large', 'wide']);
    expect(await rootSize()).toBe(largeSize);
    expect(await mainWidth()).toBe(wideWidth);
    await expect(wide).toHaveAttribute('aria-pressed', 'true');
    await expect(larger).toHaveAttribute('aria-disabled', 'true');
    await wide.click();
    await expect(html).not.toHaveAttribute('data-measure', /./);
    expect(await page.evaluate(() => localStorage.getItem('folio-measure'))).toBeNull();
  });

  test('a code block copies its code', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await blockTheApp(page);
    await page.goto(kitchenSinkPost());
    const button = page.locator('.post-body .code-block button.copy-code').first();
    await expect(button).toBeVisible();
    const code = await page.locator('.post-body .code-block').first().locator('pre').textContent();
    await button.click();
    await expect(button).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await expect(button).toHaveText('Copy', { timeout: 5_000 });
    await expect(page.locator('html')).not.toHaveAttribute('data-app', 'ready');
  });

  test('/ puts the focus in the search box, but not while typing in a field', async ({ page }) => {
    await blockTheApp(page);
    await page.goto('/');
    const box = page.locator('#site-search');
    await box.fill('kept');
    await box.blur();
    await page.keyboard.press('/');
    await expect(box).toBeFocused();
    expect(await box.evaluate((input) => input.selectionStart === 0 && input.selectionEnd === input.value.length)).toBe(true);
    await page.keyboard.press('End');
    await page.keyboard.type('/x');
    await expect(box).toHaveValue('kept/x');
    await expect(page.locator('html')).not.toHaveAttribute('data-app', 'ready');
  });
});

test.describe('once the app has taken over', () => {
  test('each control acts once: no second listener', async ({ page, context }) => {
    const check = watchErrors(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(kitchenSinkPost());
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    // Two listeners would write the clipboard twice: count the writes.
    await page.evaluate(() => {
      window.clipboardWrites = 0;
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text) => {
        window.clipboardWrites += 1;
        return write(text);
      };
    });
    const button = page.locator('.post-body .code-block button.copy-code').first();
    await button.click();
    await expect(button).toHaveText('Copied');
    expect(await page.evaluate(() => window.clipboardWrites)).toBe(1);

    await page.keyboard.press('/');
    await expect(page.locator('#site-search')).toBeFocused();
    await expect(page.locator('#site-search')).toHaveValue('');

    // Two listeners would take two steps, or switch wide lines on and off again.
    await page.getByRole('button', { name: 'Larger text' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-text', 'large');
    await page.getByRole('button', { name: 'Wide lines' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-measure', 'wide');
    // They stay through a navigation in the app, which keeps the header as built.
    await page.locator('nav.site-nav a', { hasText: 'Archive' }).click();
    await expect(page.locator('h1#page-heading')).toHaveText('Archive');
    await expect(page.locator('html')).toHaveAttribute('data-text', 'large');
    await expect(page.getByRole('button', { name: 'Wide lines' })).toHaveAttribute('aria-pressed', 'true');
    check();
  });
});
