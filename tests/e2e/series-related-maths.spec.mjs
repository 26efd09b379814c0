// Series, related posts and formulas on the kitchen-sink fixture site (tests/fixtures/sites/
// kitchen-sink), built and served by nginx under /kitchen/: each part of "Building a Bird Table"
// shows its place in the series, the series' own previous and next links and its related posts;
// the series page, the series index, the menu link and the sitemap; and the formulas post's
// MathML, made at build time, so the browser downloads no maths code. Checked on pages opened by
// their address, after navigating inside the app, with JavaScript off, and with axe in the light
// and the dark theme.
//   E2E_FEATURES_URL  nginx under /kitchen/ over E2E_FEATURES_DIST (playwright.config.mjs)

import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KITCHEN_SINK_SITE, openApp, watchErrors } from './support.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const BACKGROUND = { light: 'rgb(253, 253, 252)', dark: 'rgb(23, 24, 26)' };

function siteUrl() {
  const value = process.env.E2E_FEATURES_URL;
  if (!value) throw new Error('E2E_FEATURES_URL is not set: run the tests with tests/e2e/playwright.config.mjs');
  return value;
}

const BASE = new URL(siteUrl()).pathname; // "/kitchen/"
const SERIES = 'Building a Bird Table';
const SERIES_PATH = `${BASE}series/building-a-bird-table/`;
const PARTS = ['bird-table-plans', 'bird-table-joints', 'bird-table-roof'];
const postPath = (slug) => `${BASE}posts/${slug}/`;
// The app's own code: its hashed loader, start, JS and wasm, and the split modules beside them.
const APP_CODE = new RegExp(`^${BASE}(folio|loader|start)-[0-9a-f]+(_bg\\.wasm|\\.js|/\\w+\\.(js|wasm))$`);
/** Full addresses: the config's baseURL is another site's. */
const urlOf = (pathname) => new URL(pathname, siteUrl()).href;

/** A fixture post's Markdown source. */
const source = (slug) => readFileSync(path.join(KITCHEN_SINK_SITE, 'posts', `${slug}.md`), 'utf8');
/** A fixture post's title, from its front matter. */
const titleOf = (slug) => source(slug).match(/^title = "(.*)"$/m)[1];
/** The TeX of the formulas post's display formulas, in order. */
const DISPLAY_TEX = [...source('formulas').matchAll(/^\$\$\n([\s\S]*?)\n\$\$$/gm)].map((m) => m[1]);

/** Part `n` (from 1) of the series: the list of parts near the top, the series' previous and
 * next links after the body, and the related posts before the post's own previous and next. */
async function expectSeriesPart(page, n) {
  await expect(page.locator('h1#page-heading')).toHaveText(titleOf(PARTS[n - 1]));
  const box = page.locator(`article.post nav.series-parts[aria-label="Series: ${SERIES}"]`);
  await expect(box.locator('p')).toHaveText(`Part ${n} of 3 in ${SERIES}`);
  await expect(box.locator('p a')).toHaveAttribute('href', SERIES_PATH);
  await expect(box.locator('ol > li')).toHaveText(PARTS.map(titleOf));
  // The current part is no link; the others are.
  await expect(box.locator('li[aria-current="page"]')).toHaveText(titleOf(PARTS[n - 1]));
  await expect(box.locator('li[aria-current="page"] a')).toHaveCount(0);
  const others = PARTS.filter((_, index) => index !== n - 1).map(postPath);
  expect(await box.locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(others);
  const nav = page.locator(`nav.post-nav.series-nav[aria-label="More of ${SERIES}"]`);
  for (const [cls, other, label] of [['prev', n - 1, `← Part ${n - 1}`], ['next', n + 1, `Part ${n + 1} →`]]) {
    const link = nav.locator(`a.${cls}`);
    if (other < 1 || other > 3) {
      await expect(link).toHaveCount(0);
    } else {
      await expect(link).toHaveAttribute('href', postPath(PARTS[other - 1]));
      await expect(link.locator('.label')).toHaveText(label);
      await expect(link.locator('.title')).toHaveText(titleOf(PARTS[other - 1]));
    }
  }
  const related = await expectRelated(page);
  expect(related[0], 'the first related post').toBe(postPath('garden-birds'));
  expect(related.filter((href) => PARTS.some((slug) => href === postPath(slug))), 'no other part is related').toEqual([]);
  await expect(page.locator('.related-posts li a').first()).toHaveText(titleOf('garden-birds'));
  // In the order of the article: series box, body, series nav, related posts, post nav.
  const order = await page.evaluate(() =>
    [...document.querySelectorAll('article.post .series-parts, .post-body, .series-nav, .related-posts, nav.post-nav:not(.series-nav)')].map(
      (el) => el.className,
    ),
  );
  expect(order).toEqual(['series-parts', 'post-body', 'post-nav series-nav', 'related-posts', 'post-nav']);
}

/** The related posts: a heading, one to four links with their dates; returns their addresses. */
async function expectRelated(page) {
  const nav = page.locator('nav.related-posts[aria-label="Related posts"]');
  await expect(nav.locator('h2')).toHaveText('Related posts');
  const items = nav.locator('ul > li');
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  expect(count).toBeLessThanOrEqual(4);
  await expect(items.locator('time[datetime]')).toHaveCount(count);
  const hrefs = await items.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs, 'not the post itself').not.toContain(await page.evaluate(() => location.pathname));
  return hrefs;
}

/** Garden birds relates the three parts first; formulas its author's one choice. */
async function expectGardenBirdsRelated(page) {
  await expect(page.locator('h1#page-heading')).toHaveText(titleOf('garden-birds'));
  await expect(page.locator('nav.series-parts, nav.series-nav')).toHaveCount(0);
  expect((await expectRelated(page)).slice(0, 3).sort()).toEqual(PARTS.map(postPath).sort());
}
async function expectFormulasRelated(page) {
  expect(await expectRelated(page)).toEqual([postPath('earlier-post')]);
  await expect(page.locator('.related-posts li a')).toHaveText(['An earlier post']);
}

/** The formulas post's MathML: 6 inline formulas and 4 displayed ones, laid out as MathML, with
 * no inline style, the TeX as each displayed formula's label, and "\$5" as plain text. */
async function expectFormulas(page) {
  await expect(page.locator('h1#page-heading')).toHaveText(titleOf('formulas'));
  const body = page.locator('.post-body');
  await expect(body.locator('math')).toHaveCount(10);
  await expect(body.locator('p > math:not([display])')).toHaveCount(6);
  const shown = body.locator('span.math-display[role="group"][tabindex="0"]');
  await expect(shown).toHaveCount(4);
  await expect(shown.locator('> math[display="block"]')).toHaveCount(4);
  expect(DISPLAY_TEX).toHaveLength(4);
  for (const [index, tex] of DISPLAY_TEX.entries()) await expect(shown.nth(index)).toHaveAttribute('aria-label', tex);
  await expect(body.locator('math mfrac')).toHaveCount(1);
  await expect(body.locator('math munderover')).toHaveCount(1);
  await expect(body.locator('math mtable')).toHaveCount(2);
  await expect(body.locator('math[style], math [style], .math-display[style]')).toHaveCount(0);
  // The aligned equations: right-aligned left sides, left-aligned right sides, by class.
  await expect(shown.nth(2).locator('mtd')).toHaveClass([/\bm-ar\b/, /\bm-al\b/, /\bm-ar\b/, /\bm-al\b/]);
  // Laid out as MathML: the fraction's numerator above its denominator.
  const [top, bottom] = await body.locator('mfrac').evaluate((f) => [...f.children].map((c) => c.getBoundingClientRect()));
  expect(top.bottom, 'numerator above denominator').toBeLessThanOrEqual(bottom.top);
  await expect(body.locator('p', { hasText: 'A dollar sign' })).toContainText('is written $5.');
}

/** The series page lists the three parts in order; the index lists the series. */
async function expectSeriesPage(page) {
  await expect(page.locator('h1#page-heading')).toHaveText(SERIES);
  await expect(page.locator('p.series-count')).toHaveText('A series in 3 parts, in the order to read them.');
  const links = page.locator('ul.post-list article.post-summary h2 a');
  await expect(links).toHaveText(PARTS.map(titleOf));
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(PARTS.map(postPath));
  await expect(page.locator('nav.site-nav a[aria-current="page"]')).toHaveText('Series');
}
async function expectSeriesIndex(page) {
  await expect(page.locator('h1#page-heading')).toHaveText('Series');
  const item = page.locator('ul.series-list > li');
  await expect(item).toHaveCount(1);
  await expect(item.locator('a')).toHaveText(SERIES);
  await expect(item.locator('a')).toHaveAttribute('href', SERIES_PATH);
  await expect(item).toContainText('3 parts, the latest on 16 November 2015');
  await expect(page.locator('nav.site-nav a[aria-current="page"]')).toHaveText('Series');
  await expect(page.locator('nav.site-nav a', { hasText: 'Series' })).toHaveAttribute('href', `${BASE}series/`);
}

/** Marks the window, so that a full page load shows as the mark's absence. */
const markWindow = (page) => page.evaluate(() => { window.__noReload = true; });
const expectNoReload = async (page) => expect(await page.evaluate(() => window.__noReload), 'no full page load').toBe(true);

/** Runs `act`, waits until no request has started for a second, and returns every address asked
 * for and the paths of the scripts and wasm among them. */
async function requestsDuring(page, act) {
  const seen = [];
  const listen = (request) => seen.push(request);
  page.on('request', listen);
  await act();
  for (let before = -1; before !== seen.length; ) {
    before = seen.length;
    await page.waitForTimeout(1000);
  }
  page.off('request', listen);
  const code = seen.filter((r) => r.resourceType() === 'script' || new URL(r.url()).pathname.endsWith('.wasm'));
  return { urls: seen.map((r) => r.url()), code: [...new Set(code.map((r) => new URL(r.url()).pathname))].sort() };
}

test.describe('in the app', () => {
  for (const [index, slug] of PARTS.entries()) {
    test(`part ${index + 1}, opened by its address, shows its place in the series, the series nav and related posts`, async ({ page }) => {
      const check = watchErrors(page);
      await openApp(page, urlOf(postPath(slug)));
      await expectSeriesPart(page, index + 1);
      check();
    });
  }

  test('clicking through the series from the home page renders the parts, related posts and series pages in the browser', async ({ page }) => {
    const check = watchErrors(page);
    await openApp(page, siteUrl());
    await markWindow(page);
    await page.locator(`main article.post-summary h2 a[href="${postPath(PARTS[0])}"]`).click();
    await expectSeriesPart(page, 1);
    await page.locator('nav.series-nav a.next').click();
    await expect(page).toHaveURL(new RegExp(`${postPath(PARTS[1])}$`));
    await expectSeriesPart(page, 2);
    await page.locator('nav.series-parts li a', { hasText: titleOf(PARTS[2]) }).click();
    await expectSeriesPart(page, 3);
    await page.locator('nav.series-nav a.prev').click();
    await expectSeriesPart(page, 2);
    await page.locator('.related-posts a', { hasText: titleOf('garden-birds') }).click();
    await expectGardenBirdsRelated(page);
    await page.locator(`.related-posts a[href="${postPath(PARTS[2])}"]`).click();
    await expectSeriesPart(page, 3);
    await page.locator('nav.series-parts p a').click();
    await expect(page).toHaveURL(`${siteUrl()}series/building-a-bird-table/`);
    await expectSeriesPage(page);
    await page.locator('nav.site-nav a', { hasText: 'Series' }).click();
    await expect(page).toHaveURL(`${siteUrl()}series/`);
    await expectSeriesIndex(page);
    await page.locator('ul.series-list a').click();
    await expectSeriesPage(page);
    await page.locator('ul.post-list a', { hasText: titleOf(PARTS[0]) }).click();
    await expectSeriesPart(page, 1);
    await expectNoReload(page);
    check();
  });

  test('the series page, the series index and garden birds, opened by their address', async ({ page }) => {
    const check = watchErrors(page);
    await openApp(page, urlOf(SERIES_PATH));
    await expectSeriesPage(page);
    await openApp(page, `${siteUrl()}series/`);
    await expectSeriesIndex(page);
    await openApp(page, urlOf(postPath('garden-birds')));
    await expectGardenBirdsRelated(page);
    check();
  });

  test('the formulas post shows MathML opened by its address and after navigating to it', async ({ page }) => {
    const check = watchErrors(page);
    await openApp(page, urlOf(postPath('formulas')));
    await expectFormulas(page);
    await expectFormulasRelated(page);
    await page.locator('a:has(.site-title)').click();
    await expect(page.locator('h1#page-heading')).not.toHaveText(titleOf('formulas'));
    await markWindow(page);
    await page.locator(`main article.post-summary h2 a[href="${postPath('formulas')}"]`).click();
    await expectFormulas(page);
    await expectFormulasRelated(page);
    await expectNoReload(page);
    check();
  });

  test('on a narrow screen the long formula scrolls sideways and the page does not', async ({ page }) => {
    const check = watchErrors(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await openApp(page, urlOf(postPath('formulas')));
    const long = page.locator('.post-body .math-display').last();
    await long.scrollIntoViewIfNeeded();
    const box = await long.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX }));
    expect(box.scroll, `the formula is wider than its box (${JSON.stringify(box)})`).toBeGreaterThan(box.client);
    expect(['auto', 'scroll']).toContain(box.overflow);
    const pageWidth = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(pageWidth.scroll, 'the page does not scroll sideways').toBeLessThanOrEqual(pageWidth.inner);
    check();
  });

  test('the browser downloads no maths code, opening the formulas post or navigating to it', async ({ page }) => {
    const check = watchErrors(page);
    const maths = /katex|mathjax|mathml/i;
    const open = async (slug) =>
      requestsDuring(page, async () => {
        await openApp(page, urlOf(postPath(slug)));
        await expect(page.locator('h1#page-heading')).toHaveText(titleOf(slug));
      });
    const visit = async (slug) =>
      requestsDuring(page, async () => {
        await openApp(page, siteUrl());
        await page.locator(`main article.post-summary h2 a[href="${postPath(slug)}"]`).click();
        await expect(page.locator('h1#page-heading')).toHaveText(titleOf(slug));
      });
    const opened = await open('formulas');
    await expect(page.locator('.post-body math')).toHaveCount(10);
    const visited = await visit('formulas');
    await expect(page.locator('.post-body math')).toHaveCount(10);
    for (const { urls, code } of [opened, visited]) {
      expect(urls.filter((url) => maths.test(url)), 'no maths library').toEqual([]);
      expect(code.length, 'the app loads its code').toBeGreaterThan(0);
      for (const file of code) expect(file, "only the app's own code").toMatch(APP_CODE);
    }
    expect(opened.code, 'the same code as a post without maths').toEqual((await open('garden-birds')).code);
    expect(visited.code, 'the same code as going to a post without maths').toEqual((await visit('garden-birds')).code);
    check();
  });

  for (const scheme of ['light', 'dark']) {
    for (const [name, url, ready] of [
      ['a part of the series', urlOf(postPath(PARTS[1])), '.related-posts li'],
      ['the series page', urlOf(SERIES_PATH), 'ul.post-list li'],
      ['the series index', `${siteUrl()}series/`, 'ul.series-list li'],
      ['the formulas post', urlOf(postPath('formulas')), '.post-body .math-display'],
    ]) {
      test(`${name} has no axe violations in the ${scheme} theme`, async ({ page }) => {
        const check = watchErrors(page);
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await openApp(page, url);
        await expect(page.locator(ready).first()).toBeVisible();
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(BACKGROUND[scheme]);
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const shown = results.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${(n.failureSummary || '').replace(/\n\s*/g, ' | ')})`).join('; ')}`,
        );
        expect(shown, 'axe violations').toEqual([]);
        check();
      });
    }
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  for (const [index, slug] of PARTS.entries()) {
    test(`built part ${index + 1} shows the series box, series nav and related posts`, async ({ page }) => {
      await page.goto(urlOf(postPath(slug)));
      await expect(page.locator('html')).not.toHaveAttribute('data-app', /./);
      await expectSeriesPart(page, index + 1);
    });
  }

  test('built garden birds relates the three parts', async ({ page }) => {
    await page.goto(urlOf(postPath('garden-birds')));
    await expectGardenBirdsRelated(page);
  });

  test("each built part's JSON-LD names its series", async ({ request }) => {
    const series = { '@type': 'CreativeWorkSeries', name: SERIES, url: urlOf(SERIES_PATH) };
    const parts = [];
    for (const slug of PARTS) {
      const html = await (await request.get(urlOf(postPath(slug)))).text();
      const [, json] = html.match(/<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s);
      parts.push(JSON.parse(json)['@graph'].find((node) => node['@type'] === 'BlogPosting').isPartOf);
    }
    expect(parts).toEqual([series, series, series]);
  });

  test('the built series index and series page, from the menu, and the sitemap lists them', async ({ page, request }) => {
    await page.goto(siteUrl());
    await page.locator('nav.site-nav a', { hasText: 'Series' }).click();
    await expectSeriesIndex(page);
    await page.locator('ul.series-list a').click();
    await expectSeriesPage(page);
    const sitemap = await (await request.get(`${siteUrl()}sitemap.xml`)).text();
    expect(sitemap).toContain(`<loc>${siteUrl()}series/</loc>`);
    expect(sitemap).toContain(`<loc>${siteUrl()}series/building-a-bird-table/</loc>`);
    expect(sitemap, 'no draft part').not.toContain('bird-table-painting');
    expect((await request.get(urlOf(postPath('bird-table-painting')))).status(), 'the draft part is not built').toBe(404);
  });

  test('the built formulas post has its MathML and related post', async ({ page }) => {
    await page.goto(urlOf(postPath('formulas')));
    await expectFormulas(page);
    await expectFormulasRelated(page);
  });
});
