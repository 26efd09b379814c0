// Every route of the app on the seed site: deep links, in-app links from the post page, and
// malformed addresses that must be "not found" without a request.

import { test, expect } from '@playwright/test';
import { watchErrors, openApp, visitInApp } from './support.mjs';

const SITE_TITLE = 'Solace blog';
const POST_PATH = '/posts/leading-for-innovation/';
const POST_TITLE = 'Leading for Innovation: New Solace case studies and interim report';

test('the post page shows its tags, reading time and author link', async ({ page }) => {
  const check = watchErrors(page);
  await openApp(page, POST_PATH);
  const post = page.locator('article.post');
  await expect(post.locator('h1')).toHaveText(POST_TITLE);
  await expect(post.locator('.meta')).toContainText(/\d+ min read/);
  await expect(post.locator('.tags a')).toHaveText(['innovation', 'local government', 'leadership', 'research']);
  await expect(post.locator('.byline a')).toHaveAttribute('href', '/authors/joan-munro/');
  // One post: no neighbours; no headings: no table of contents.
  await expect(post.locator('.post-nav')).toHaveCount(0);
  await expect(post.locator('.toc')).toHaveCount(0);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /How can leaders/);
  check();
});

test('tag, author and archive pages, reached in the app and by deep link', async ({ page }) => {
  const check = watchErrors(page);
  await openApp(page, POST_PATH);
  await page.evaluate(() => {
    window.__noReload = true;
  });

  await page.locator('article.post .tags a', { hasText: 'local government' }).click();
  await expect(page).toHaveURL(/\/tags\/local-government\/$/);
  await expect(page.locator('h1')).toHaveText('Posts tagged “local government”');
  await expect(page).toHaveTitle(`Posts tagged “local government” – ${SITE_TITLE}`);
  await expect(page.locator(`article.post-summary h2 a[href="${POST_PATH}"]`)).toHaveText(POST_TITLE);

  await page.goBack();
  await page.locator('article.post .byline a').click();
  await expect(page).toHaveURL(/\/authors\/joan-munro\/$/);
  await expect(page.locator('h1')).toHaveText('Joan Munro');
  await expect(page.locator('.author-role')).toHaveText(
    'Director, Accelerating Innovation in Local Government Research Project',
  );
  expect(await page.evaluate(() => window.__noReload), 'no full page load').toBe(true);

  for (const [path, heading] of [
    ['/tags/', 'Tags'],
    ['/archive/', 'Archive'],
    ['/tags/research/', 'Posts tagged “research”'],
    ['/authors/joan-munro/', 'Joan Munro'],
  ]) {
    await openApp(page, path);
    await expect(page.locator('h1')).toHaveText(heading);
  }
  await openApp(page, '/tags/');
  await expect(page.locator('.tag-cloud a[href="/tags/innovation/"]')).toHaveText('innovation');
  await openApp(page, '/archive/');
  await expect(page.locator('.archive-year h2')).toHaveText('2015');
  await expect(page.locator('.archive-month h3')).toHaveText('October 2015');
  await expect(page.locator(`.archive-posts a[href="${POST_PATH}"]`)).toHaveText(POST_TITLE);
  check();
});

for (const path of ['/page/1', '/page/02', '/page/2', '/tags/Innovation', '/tags/innovation/page/1', '/tags/no-such-tag', '/authors/nobody', '/posts/..%2Fsite']) {
  test(`${path} is not found`, async ({ page }) => {
    await openApp(page, path);
    await expect(page.locator('h1')).toHaveText('Page not found');
    await expect(page.locator('.load-error')).toHaveCount(0);
  });
}

test('each page has its title, description and canonical link; "not found" has no canonical link', async ({ page }) => {
  // The unknown address is answered 404, which the browser reports.
  const check = watchErrors(page, /status of 404/);
  const canonical = page.locator('link[rel="canonical"]');
  const description = page.locator('meta[name="description"]');
  const SITE_DESCRIPTION = 'News and research from Solace on leading innovation in local government.';
  for (const [path, title, describedAs] of [
    ['/', SITE_TITLE, SITE_DESCRIPTION],
    [POST_PATH, `${POST_TITLE} – ${SITE_TITLE}`, /^How can leaders/],
    ['/tags/', `Tags – ${SITE_TITLE}`, SITE_DESCRIPTION],
    ['/tags/research/', `Posts tagged “research” – ${SITE_TITLE}`, SITE_DESCRIPTION],
    ['/authors/joan-munro/', `Joan Munro – ${SITE_TITLE}`, SITE_DESCRIPTION],
    ['/archive/', `Archive – ${SITE_TITLE}`, SITE_DESCRIPTION],
  ]) {
    await openApp(page, path);
    await expect(page).toHaveTitle(title);
    await expect(canonical).toHaveCount(1);
    await expect(canonical).toHaveAttribute('href', `https://blog.example.org${path}`);
    await expect(description).toHaveCount(1);
    await expect(description).toHaveAttribute('content', describedAs);
  }
  // In the app too: the links follow the page.
  await openApp(page, POST_PATH);
  await page.locator('article.post .tags a', { hasText: 'research' }).click();
  await expect(canonical).toHaveAttribute('href', 'https://blog.example.org/tags/research/');
  await expect(description).toHaveAttribute('content', SITE_DESCRIPTION);

  await openApp(page, '/no/such/page');
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(canonical).toHaveCount(0);
  check();
});

test('the post ends with its call for comments, a mailto link to the contact in site.toml', async ({ page }) => {
  const check = watchErrors(page);
  await openApp(page, POST_PATH);
  const call = page.locator('article.post p.call-for-comments');
  await expect(call).toHaveText('We welcome your comments on the findings so far to comments@example.org');
  const subject = encodeURIComponent(`Re: ${POST_TITLE}`);
  await expect(call.locator('a')).toHaveAttribute('href', `mailto:comments@example.org?subject=${subject}`);
  check();
});

test('a site without a contact address shows no call for comments', async ({ page }) => {
  await page.route('**/data/site.json', async (route) => {
    const real = await route.fetch();
    const site = await real.json();
    site.contact = null;
    await route.fulfill({ response: real, json: site });
  });
  await visitInApp(page, POST_PATH);
  await expect(page.locator('article.post h1')).toHaveText(POST_TITLE);
  await expect(page.locator('.site-title')).toHaveText(SITE_TITLE);
  await expect(page.locator('.call-for-comments')).toHaveCount(0);
});

/** Serves page 1 of a listing as two pages, and page 2 with one post of its own. */
async function serveTwoPages(page, listing) {
  await page.route(`**/data/${listing}/page-1.json`, async (route) => {
    const real = await route.fetch();
    const json = await real.json();
    json.total_pages = 2;
    json.total_posts += 1;
    await route.fulfill({ response: real, json });
  });
  await page.route(`**/data/${listing}/page-2.json`, async (route) => {
    const real = await route.fetch({ url: route.request().url().replace(/page-2\.json$/, 'page-1.json') });
    const json = await real.json();
    json.page = 2;
    json.total_pages = 2;
    json.total_posts += 1;
    json.posts = [{ ...json.posts[0], slug: 'an-older-post', title: 'An older post', date: '2014-05-01' }];
    await route.fulfill({ response: real, json });
  });
}

for (const [name, listing, first, heading, title] of [
  ['home', 'index', '/', SITE_TITLE, `Page 2 – ${SITE_TITLE}`],
  ['tag', 'tags/research', '/tags/research/', 'Posts tagged “research”', `Posts tagged “research”, page 2 – ${SITE_TITLE}`],
  ['author', 'authors/joan-munro', '/authors/joan-munro/', 'Joan Munro', `Joan Munro, page 2 – ${SITE_TITLE}`],
]) {
  test(`the ${name} listing's page 2: in the app, by deep link, back and forward`, async ({ page }) => {
    // The site has no page 2 of its own (the test serves its data), so the deep link is
    // answered 404 with the not-found page, which the app takes over; the browser reports it.
    const check = watchErrors(page, /status of 404/);
    await serveTwoPages(page, listing);
    const second = `${first}page/2/`;
    await visitInApp(page, first);
    await expect(page.locator('nav.pagination .page-number')).toHaveText('Page 1 of 2');
    await page.evaluate(() => {
      window.__noReload = true;
    });

    await page.locator('nav.pagination a', { hasText: 'Older posts' }).click();
    await expect(page).toHaveURL(new RegExp(`${second}$`));
    await expect(page.locator('h1')).toHaveText(heading);
    await expect(page).toHaveTitle(title);
    await expect(page.locator('article.post-summary h2 a')).toHaveText('An older post');
    await expect(page.locator('nav.pagination .page-number')).toHaveText('Page 2 of 2');

    await page.locator('nav.pagination a', { hasText: 'Newer posts' }).click();
    await expect(page).toHaveURL(new RegExp(`${first}$`));
    await expect(page.locator('article.post-summary h2 a')).toHaveText(POST_TITLE);
    await page.goBack();
    await expect(page.locator('article.post-summary h2 a')).toHaveText('An older post');
    await page.goForward();
    await expect(page.locator('article.post-summary h2 a')).toHaveText(POST_TITLE);
    expect(await page.evaluate(() => window.__noReload), 'no full page load').toBe(true);

    await openApp(page, second);
    await expect(page.locator('h1')).toHaveText(heading);
    await expect(page.locator('article.post-summary h2 a')).toHaveText('An older post');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `https://blog.example.org${second}`);
    check();
  });
}
