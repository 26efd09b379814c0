// Moving around the site: a post is prefetched when its link is hovered or focused and then
// opens without another request; documents already fetched are not fetched again; back and
// forward put the page back where the reader left it.

import { test, expect } from '@playwright/test';
import { watchErrors, openApp, visitInApp } from './support.mjs';

const POST_PATH = '/posts/leading-for-innovation/';
const POST_JSON = /\/data\/posts\/leading-for-innovation\.json$/;
const POST_TITLE = 'Leading for Innovation: New Solace case studies and interim report';

/** Counts the page's requests whose URL matches `pattern`. */
function countRequests(page, pattern) {
  const seen = { count: 0 };
  page.on('request', (request) => {
    if (pattern.test(request.url())) seen.count += 1;
  });
  return seen;
}

test('hovering a link to a post fetches the post once, before the click', async ({ page }) => {
  const check = watchErrors(page);
  const requests = countRequests(page, POST_JSON);
  await openApp(page, '/');
  const link = page.locator(`article.post-summary h2 a[href="${POST_PATH}"]`);
  await expect(link).toBeVisible();
  expect(requests.count, 'nothing is prefetched before a hover').toBe(0);

  const response = page.waitForResponse(POST_JSON);
  await link.hover();
  await response;
  expect(requests.count).toBe(1);

  await link.click();
  await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);
  expect(requests.count, 'the click uses the prefetched bundle').toBe(1);

  // Back home: the first page comes back as it was built, with no request; the post again
  // comes from memory.
  const index = countRequests(page, /\/data\/index\/page-1\.json$/);
  for (let round = 0; round < 2; round += 1) {
    await page.goBack();
    await expect(page.locator('h1')).toHaveText('Solace blog');
    await link.click();
    await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);
  }
  expect(requests.count).toBe(1);
  expect(index.count).toBe(0);
  check();
});

test('back to the first page shows it as it was built: no request, no "Loading…", its own head', async ({ page }) => {
  const check = watchErrors(page);
  await openApp(page, '/');
  const builtHead = await page.evaluate(() => ({
    title: document.title,
    canonical: document.querySelector('link[rel="canonical"]').href,
    tags: document.querySelectorAll('head [data-page]').length,
  }));
  const built = await page.locator('main').innerHTML();
  await page.locator(`article.post-summary h2 a[href="${POST_PATH}"]`).click();
  await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);
  await expect(page).toHaveTitle(new RegExp(`^${POST_TITLE}`));

  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  // A placeholder painted between the post and the home page would be seen by this observer:
  // after each change, it looks again just before the next frame paints.
  await page.evaluate(() => {
    window.__shownOnTheWay = [];
    new MutationObserver(() => {
      requestAnimationFrame(() => {
        const text = document.querySelector('main')?.textContent ?? '';
        if (text.includes('Loading')) window.__shownOnTheWay.push('Loading…');
      });
    }).observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
  });
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText('Solace blog');
  expect(await page.locator('main').innerHTML(), 'the built content, as it was').toBe(built);
  await expect(page).toHaveTitle(builtHead.title);
  expect(await page.evaluate(() => document.querySelector('link[rel="canonical"]').href)).toBe(builtHead.canonical);
  await expect(page.locator('head link[rel="canonical"]')).toHaveCount(1);
  expect(await page.locator('head [data-page]').count()).toBe(builtHead.tags);
  expect(await page.evaluate(() => window.__shownOnTheWay)).toEqual([]);
  expect(requested.filter((path) => path.includes('/data/')), 'no data for the built page').toEqual([]);

  // And forward again, then back once more: the post from memory, home as built.
  await page.goForward();
  await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);
  await expect(page.locator('head link[rel="canonical"]')).toHaveCount(1);
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText('Solace blog');
  await expect(page).toHaveTitle(builtHead.title);
  check();
});

test('focusing a link to a post with the keyboard prefetches it', async ({ page }) => {
  const requests = countRequests(page, POST_JSON);
  await openApp(page, '/');
  const link = page.locator(`article.post-summary h2 a[href="${POST_PATH}"]`);
  await expect(link).toBeVisible();
  const response = page.waitForResponse(POST_JSON);
  await link.focus();
  await response;
  await page.keyboard.press('Enter');
  await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);
  expect(requests.count).toBe(1);
});

test('a failed fetch is not kept: retry asks the server again', async ({ page }) => {
  let calls = 0;
  await page.route(POST_JSON, async (route) => {
    calls += 1;
    if (calls === 1) return route.fulfill({ status: 503, body: 'busy' });
    return route.continue();
  });
  await visitInApp(page, POST_PATH);
  await expect(page.locator('.load-error')).toBeVisible();
  await page.locator('.load-error button', { hasText: 'Retry' }).click();
  await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);
  expect(calls).toBe(2);
});

test('back and forward restore the scroll position of each page', async ({ page }) => {
  const check = watchErrors(page);
  await page.setViewportSize({ width: 800, height: 400 });
  // A long post that ends with a link to the archive.
  await page.route(POST_JSON, async (route) => {
    const real = await route.fetch();
    const bundle = await real.json();
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of a long post.`);
    bundle.body.markdown = `${paragraphs.join('\n\n')}\n\nSee [the archive](archive).\n`;
    bundle.body.outline = [];
    await route.fulfill({ response: real, json: bundle });
  });
  await visitInApp(page, POST_PATH);
  await expect(page.locator('.post-body')).toContainText('Paragraph 40');
  await page.evaluate(() => {
    window.__noReload = true;
  });

  const archiveLink = page.locator('.post-body a', { hasText: 'the archive' });
  await archiveLink.scrollIntoViewIfNeeded();
  const postY = await page.evaluate(() => window.scrollY);
  expect(postY, 'the post is scrolled down').toBeGreaterThan(500);

  await archiveLink.click();
  await expect(page.locator('h1')).toHaveText('Archive');
  await expect.poll(() => page.evaluate(() => window.scrollY), { message: 'a new page starts at the top' }).toBe(0);

  await page.goBack();
  await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);
  await expect.poll(() => page.evaluate(() => window.scrollY), { message: 'back restores the post position' }).toBe(postY);
  await expect(archiveLink).toBeInViewport();

  await page.goForward();
  await expect(page.locator('h1')).toHaveText('Archive');
  await expect.poll(() => page.evaluate(() => window.scrollY), { message: 'forward restores the top' }).toBe(0);

  await page.goBack();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(postY);
  expect(await page.evaluate(() => window.__noReload), 'no full page load').toBe(true);
  check();
});

test('the first page needs no later module; a later one that cannot load leaves the page and offers Retry', async ({ page }) => {
  // The app's later modules (views, decoding, renderer), in the folder beside its JS.
  const LATER = /\/folio-[0-9a-f]+\/[^/]+\.wasm$/;
  const later = countRequests(page, LATER);
  const check = watchErrors(page, /ERR_FAILED|could not be loaded|failed to load split module|TypeError: Failed to fetch/);
  await page.route(LATER, (route) => route.abort());
  await openApp(page, '/');
  // The home page as built, taken over without the module (which the idle preload asks for
  // and cannot get).
  await expect(page.locator('main article.post-summary h2 a')).toHaveText(POST_TITLE);
  await expect(page.locator('[role="alert"]')).toHaveCount(0);
  await page.locator('main article.post-summary h2 a').click();
  await expect(page).toHaveURL(new RegExp(`${POST_PATH}$`));
  const alert = page.locator('[role="alert"]');
  await expect(alert).toContainText("Part of this site's app could not be loaded");
  await expect(page.locator('.post-body')).toHaveCount(0);
  expect(later.count, 'the module was asked for').toBeGreaterThan(0);

  // Back on line: Retry loads the module and shows the post, rendered in the browser.
  await page.unroute(LATER);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);
  await expect(page.locator('.post-body p').first()).toBeVisible();
  check();
});
