// Accessibility: axe-core (WCAG 2.0 A and AA, 2.1 AA, 2.2 AA) finds no violation on any route,
// nor on the post page's load-error alert, in the light and the dark theme, whether the theme
// comes from the system (prefers-color-scheme) or from the reader's toggle (data-theme).
// No rule is disabled: a violation is fixed in style/ or src/, never silenced here.

import { test, expect } from '@playwright/test';
import {
  KITCHEN_SINK_BODY,
  KITCHEN_SINK_CODE,
  KITCHEN_SINK_IMAGES,
  KITCHEN_SINK_LINKS,
  KITCHEN_SINK_OUTLINE,
  openApp,
  serveKitchenSinkImages,
  visitInApp,
} from './support.mjs';
import AxeBuilder from '@axe-core/playwright';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const SITE_TITLE = 'Solace blog';
const POST_BUNDLE = '**/data/posts/leading-for-innovation.json';
const HOME_LISTING = '**/data/index/page-1.json';


/** Serves the real JSON at `pattern` with `change` applied. */
function changeJson(pattern, change) {
  return (page) =>
    page.route(pattern, async (route) => {
      const real = await route.fetch();
      const json = await real.json();
      change(json);
      await route.fulfill({ response: real, json });
    });
}

const LIGHT_BACKGROUND = 'rgb(253, 253, 252)';
const DARK_BACKGROUND = 'rgb(23, 24, 26)';

/** Each page, how to reach it, and what shows that its content has arrived. */
const PAGES = [
  { name: 'home', path: '/', ready: 'article.post-summary' },
  { name: 'post', path: '/posts/leading-for-innovation/', ready: 'article.post .post-body p' },
  {
    // Every part a post can have: draft badge, updated date, contents, code with its copy
    // button, highlighted code in six languages, callouts, table, task list, footnotes,
    // previous and next links.
    name: 'post with every part',
    path: '/posts/leading-for-innovation/',
    ready: '.post-body .copy-code',
    setup: async (page) => {
      await serveKitchenSinkImages(page);
      await changeJson(POST_BUNDLE, (bundle) => {
        bundle.post.draft = true;
        bundle.post.updated = '2016-01-05';
        bundle.body.markdown = KITCHEN_SINK_BODY;
        bundle.body.outline = KITCHEN_SINK_OUTLINE;
        bundle.body.code = KITCHEN_SINK_CODE;
        bundle.body.links = KITCHEN_SINK_LINKS;
        bundle.body.images = KITCHEN_SINK_IMAGES;
        bundle.previous = { slug: 'older-post', title: 'An older post', date: '2015-10-01' };
        bundle.next = { slug: 'newer-post', title: 'A newer post', date: '2015-11-01' };
      })(page);
    },
  },
  {
    // A listing with a draft and more than one page: the badge and the pagination.
    name: 'home with pages and a draft',
    path: '/',
    ready: 'nav.pagination a',
    setup: changeJson(HOME_LISTING, (listing) => {
      listing.total_pages = 2;
      listing.posts[0].draft = true;
    }),
  },
  { name: 'tags', path: '/tags/', ready: '.tag-cloud a' },
  { name: 'one tag', path: '/tags/innovation', ready: 'article.post-summary' },
  { name: 'author', path: '/authors/joan-munro/', ready: 'article.post-summary' },
  { name: 'archive', path: '/archive/', ready: '.archive-posts a' },
  { name: 'not found', path: '/no/such/page', ready: '.not-found' },
  // Results with their snippets' marked words, and the header's search box on every page.
  { name: 'search with results', path: '/search/?q=innovation', ready: '.search-results .search-snippet mark' },
  {
    name: 'post load error',
    path: '/posts/leading-for-innovation/',
    ready: 'div.load-error[role="alert"] button',
    // A post opened by its address keeps its built content when its data fails; the app shows
    // the error when it opens the post itself.
    inApp: true,
    setup: (page) =>
      page.route(POST_BUNDLE, (route) =>
        route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
      ),
  },
];

/**
 * The ways a theme comes about: the system's preference alone, or the reader's click on the
 * header's toggle against the system's preference.
 */
const THEMES = [
  { name: 'light (system)', system: 'light', background: LIGHT_BACKGROUND },
  { name: 'dark (system)', system: 'dark', background: DARK_BACKGROUND },
  { name: 'dark (toggle)', system: 'light', toggle: 'dark', background: DARK_BACKGROUND },
  { name: 'light (toggle)', system: 'dark', toggle: 'light', background: LIGHT_BACKGROUND },
];

/** One line per violation and node: rule, impact, target, and what axe says is wrong. */
function describe(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary || '').replace(/\n\s*/g, ' | ')}`)
        .join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

for (const theme of THEMES) {
  test.describe(`axe, ${theme.name}`, () => {
    for (const { name, path, ready, setup, inApp } of PAGES) {
      test(`${name} (${path}) has no violations`, async ({ page }) => {
        const pageErrors = [];
        page.on('pageerror', (error) => pageErrors.push(error.message));
        await page.emulateMedia({ colorScheme: theme.system, reducedMotion: 'reduce' });
        if (setup) await setup(page);
        // Served data shows in a page the app renders: opened by its address, a page shows as built.
        await (inApp || setup ? visitInApp(page, path) : openApp(page, path));
        await expect(page.locator('.site-title')).toHaveText(SITE_TITLE);
        await expect(page.locator('h1#page-heading')).toBeVisible();
        await expect(page.locator(ready).first()).toBeVisible();
        await expect(page.locator('.loading')).toHaveCount(0);

        const html = page.locator('html');
        if (theme.toggle) {
          await expect(html).not.toHaveAttribute('data-theme', /./);
          await page.locator('button.theme-toggle').click();
          await expect(html).toHaveAttribute('data-theme', theme.toggle);
        }
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(theme.background);

        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(results.violations.length, `axe violations:\n${describe(results.violations)}`).toBe(0);
        expect(pageErrors, 'no uncaught errors').toEqual([]);
      });
    }
  });
}

// axe does not see focus: every control the keyboard reaches shows that it has the focus.
for (const theme of THEMES.slice(0, 2)) {
  test(`${theme.name}: every control reached by Tab on a full post is visibly focused`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme.system, reducedMotion: 'reduce' });
    await PAGES.find((p) => p.name === 'post with every part').setup(page);
    await visitInApp(page, '/posts/leading-for-innovation/');
    await expect(page.locator('.post-body .copy-code').first()).toBeVisible();
    const seen = [];
    const problems = [];
    for (let step = 0; step < 80; step += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const describe = `${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent || '').trim().slice(0, 30)}"`;
        const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
        const ring = style.outlineStyle === 'auto';
        return { describe, visible: outline || ring || style.boxShadow !== 'none', matches: el.matches(':focus-visible') };
      });
      if (focused === null || (seen.length > 0 && focused.describe === seen[0])) break;
      seen.push(focused.describe);
      if (!focused.visible || !focused.matches) problems.push(focused.describe);
    }
    expect(seen.length, `controls reached: ${seen.join(', ')}`).toBeGreaterThan(10);
    expect(problems, 'focused without a visible focus indicator').toEqual([]);
  });
}
