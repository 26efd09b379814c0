// Search, end to end, on the search fixture site (tests/fixtures/sites/search, whose posts each
// answer one query best), built for a sub-path: the header's box shows results as one types,
// Enter and a shared /search/?q= address show the same results, back and forward bring queries
// back, the results of a key paint with its letter, a result opens its post at the heading it
// matched under, `/` and the arrow keys, the error with Retry, and that reading a page never
// loads any of it. Axe on the search page is in a11y.spec.mjs.

import { test, expect } from '@playwright/test';
import { openApp, watchErrors } from './support.mjs';

const SITE = process.env.E2E_SEARCH_URL;
const at = (path) => new URL(path.replace(/^\//, ''), SITE).href;
const BOX = '#site-search';
const RESULT_LINKS = '.search-results h2 a';
const STATUS = 'p.search-status[role="status"]';

/** What the results show: each title, in order. */
async function titles(page) {
  await expect(page.locator(RESULT_LINKS).first()).toBeVisible();
  return page.locator(RESULT_LINKS).allTextContents();
}

/** Types `query` into the header's box as a reader does, one key at a time. */
async function typeQuery(page, query) {
  await page.locator(BOX).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(query, { delay: 20 });
}

/** Every request `page` makes, by address. */
function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

test('typing in the header box shows ranked results with the matched words marked', async ({ page }) => {
  const noErrors = watchErrors(page);
  await openApp(page, at('/'));
  await typeQuery(page, 'budget');
  await expect(page).toHaveURL(at('/search/?q=budget'));
  await expect(page.locator(BOX)).toBeFocused();
  await expect(page.locator(BOX)).toHaveValue('budget');
  // A title match beats a body match; both posts are found.
  const found = await titles(page);
  expect(found[0]).toBe('Council budgets explained');
  expect(found).toContain('The spending round');
  await expect(page.locator(STATUS)).toHaveText(`${found.length} posts match “budget”.`);
  const first = page.locator('.search-results li').first();
  await expect(first.locator('time')).toHaveAttribute('datetime', '2020-01-10');
  await expect(first.locator('.search-tags')).toHaveText('finance');
  // Its snippet is its text (the title matched); the body that matched has the word marked.
  await expect(first.locator('.search-snippet')).toHaveText(/^How a council decides/);
  await expect(page.locator('.search-snippet mark').first()).toHaveText(/^budget/i);
  noErrors();
});

test('the results of a key are in the page by the frame that shows its letter', async ({ page }) => {
  await openApp(page, at('/search/?q=budge'));
  await expect(page.locator(STATUS)).toContainText('“budge”');
  await page.locator(BOX).focus();
  await page.keyboard.press('End');
  // What the status says in the first frame after the letter is in the box.
  await page.evaluate(
    ([box, status]) => {
      window.statusInLettersFrame = new Promise((resolve) => {
        const input = document.querySelector(box);
        const read = () => requestAnimationFrame(() => resolve(document.querySelector(status).textContent));
        input.addEventListener('input', read, { once: true });
      });
    },
    [BOX, STATUS],
  );
  await page.keyboard.press('t');
  expect(await page.evaluate(() => window.statusInLettersFrame)).toMatch(/posts? match “budget”/);
});

test('folded, stemmed and unspaced words are found, and a prefix while typing', async ({ page }) => {
  await openApp(page, at('/search/?q=NA%C3%8FVE+'));
  expect((await titles(page))[0]).toBe('Asking questions');
  await expect(page.locator('.search-snippet mark')).toHaveText(['naïve']);
  await typeQuery(page, '政府');
  expect((await titles(page))[0]).toBe('A note in Chinese');
  await expect(page.locator('.search-snippet mark').first()).toHaveText('政府');
  await typeQuery(page, 'planet');
  expect((await titles(page))[0]).toBe('Notes from the museum');
});

test('Enter and a shared address show the same results, and back and forward bring queries back', async ({ page, context }) => {
  await openApp(page, at('/'));
  await typeQuery(page, 'council');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(at('/search/?q=council'));
  const typed = await titles(page);
  expect(typed.length).toBeGreaterThan(1);

  const shared = await context.newPage();
  await openApp(shared, at('/search/?q=council'));
  await expect(shared.locator(BOX)).toHaveValue('council');
  expect(await titles(shared)).toEqual(typed);
  await shared.close();

  await typeQuery(page, 'moth');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(at('/search/?q=moth'));
  expect((await titles(page))[0]).toBe('A visitor in the archive');

  await page.goBack();
  await expect(page).toHaveURL(at('/search/?q=council'));
  await expect(page.locator(BOX)).toHaveValue('council');
  expect(await titles(page)).toEqual(typed);
  await page.goForward();
  await expect(page).toHaveURL(at('/search/?q=moth'));
  await expect(page.locator(BOX)).toHaveValue('moth');
  expect((await titles(page))[0]).toBe('A visitor in the archive');
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(at('/'));
  await expect(page.locator(BOX)).toHaveValue('');
});

test('a result opens its post at the heading it matched under', async ({ page }) => {
  await openApp(page, at('/search/?q=methodology'));
  const link = page.locator(RESULT_LINKS).first();
  await expect(link).toHaveText('How the study worked');
  await expect(link).toHaveAttribute('href', `${new URL(at('/posts/method/')).pathname}#methodology`);
  await link.click();
  await expect(page).toHaveURL(at('/posts/method/#methodology'));
  await expect(page.locator('h2#methodology')).toBeInViewport();
});

test('the slash key goes to the box, the arrows through the results, Enter opens one', async ({ page }) => {
  await openApp(page, at('/posts/moth/'));
  await page.locator('h1#page-heading').click();
  await page.keyboard.press('/');
  await expect(page.locator(BOX)).toBeFocused();
  await expect(page.locator(BOX)).toHaveValue('');
  await page.keyboard.type('council', { delay: 20 });
  const found = await titles(page);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(RESULT_LINKS).nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(RESULT_LINKS).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(BOX)).toBeFocused();
  // In the box, `/` is a character like any other.
  await page.keyboard.type('/');
  await expect(page.locator(BOX)).toHaveValue('council/');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1#page-heading')).toHaveText(found[0]);
  await page.goBack();
  await expect(page).toHaveURL(at('/search/?q=council'));
  await expect(page.locator(BOX)).toHaveValue('council');
  // Leaving the box as soon as the results show, before the address has followed the typing,
  // makes the address: back comes to the query one left.
  await page.locator(BOX).fill('moth');
  await expect(page.locator(RESULT_LINKS).first()).toHaveText('A visitor in the archive');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1#page-heading')).toHaveText('A visitor in the archive');
  await page.goBack();
  await expect(page).toHaveURL(at('/search/?q=moth'));
  await expect(page.locator(BOX)).toHaveValue('moth');
});

test('no results say so and lead to the archive', async ({ page }) => {
  await openApp(page, at('/search/?q=zeppelin'));
  await expect(page.locator(STATUS)).toHaveText('No posts match “zeppelin”.');
  await page.locator('.search-none a').click();
  await expect(page).toHaveURL(at('/archive/'));
});

test('a failed index fetch shows the error, and Retry asks again', async ({ page, context }) => {
  let failing = true;
  await context.route('**/data/search/index.json', (route) =>
    failing ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'down' }) : route.continue(),
  );
  await openApp(page, at('/search/?q=moth'));
  const alert = page.locator('.search-page div.load-error[role="alert"]');
  await expect(alert).toContainText('status 503');
  failing = false;
  await alert.locator('button', { hasText: 'Retry' }).click();
  expect((await titles(page))[0]).toBe('A visitor in the archive');
  await expect(alert).toHaveCount(0);
});

test('reading the home page or a post loads nothing of search', async ({ page }) => {
  const urls = recordRequests(page);
  await openApp(page, at('/'));
  await page.waitForLoadState('networkidle');
  await page.goto(at('/posts/moth/'));
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await page.waitForLoadState('networkidle');
  expect(urls.length).toBeGreaterThan(4);
  const search = urls.filter((url) => /search_engine|\/data\/search\//.test(url));
  expect(search, 'requests for search on a cold load').toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the box opens the search page, which says search needs JavaScript and links the archive', async ({ page }) => {
    await page.goto(at('/'));
    await page.locator(BOX).fill('moth');
    await page.locator(BOX).press('Enter');
    await expect(page).toHaveURL(at('/search/?q=moth'));
    // Playwright's text matchers pass over <noscript>: its text is read as the DOM has it.
    const note = page.locator('main noscript');
    expect(await note.textContent()).toContain('Search needs JavaScript, which is off in this browser.');
    await note.locator('a', { hasText: 'the archive' }).click();
    await expect(page).toHaveURL(at('/archive/'));
  });
});
