// The Markdown renderer in the browser: the kitchen-sink fixture renders every feature as it
// should, and the hostile fixture (script payloads in Markdown and in raw HTML) runs nothing.
// Each fixture is served as the body of the seed post's bundle.

import { test, expect } from '@playwright/test';
import {
  KITCHEN_SINK_BODY,
  KITCHEN_SINK_CODE,
  KITCHEN_SINK_EARLIER,
  KITCHEN_SINK_IMAGES,
  KITCHEN_SINK_LINKS,
  KITCHEN_SINK_OUTLINE,
  serveKitchenSinkImages,
  watchErrors,
  visitInApp,
  serveBody,
} from './support.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, '..', 'fixtures', 'posts');
const POST_PATH = '/posts/leading-for-innovation/';
const SITE_TITLE = 'Solace blog';

/** A fixture's Markdown without its TOML front matter. */
function fixtureBody(name) {
  const text = readFileSync(path.join(FIXTURES, name), 'utf8');
  const match = text.match(/^\+\+\+\r?\n[\s\S]*?\r?\n\+\+\+\r?\n/);
  if (!match) throw new Error(`${name} has no +++ front matter`);
  return text.slice(match[0].length);
}

/** Goes to the post in the app (which renders the served body; opened by its address, the
 * built page shows as built) and waits for the body as rendered with the site's settings. */
async function openPost(page, lastText) {
  await visitInApp(page, POST_PATH);
  await expect(page.locator('.site-title')).toHaveText(SITE_TITLE);
  await expect(page.locator('.post-body')).toContainText(lastText);
}

test.describe('kitchen sink', () => {

  test.beforeEach(async ({ page }) => {
    await serveKitchenSinkImages(page);
    await serveBody(page, KITCHEN_SINK_BODY, KITCHEN_SINK_OUTLINE, KITCHEN_SINK_CODE, KITCHEN_SINK_LINKS, KITCHEN_SINK_IMAGES);
  });

  test('headings with their anchors, and a table of contents linking to them', async ({ page }) => {
    const check = watchErrors(page);
    await openPost(page, 'The end, after a horizontal rule.');
    const body = page.locator('.post-body');
    await expect(body.locator('h2#custom-id')).toHaveText('Inline text');
    await expect(body.locator('h3#code')).toHaveText('Code');
    await expect(body.locator('h4#plain-fences')).toHaveText('Plain fences');
    await expect(body.locator('h2')).toHaveText(['Inline text', 'Quotes and lists', 'Tables and notes', 'Links and images']);
    await expect(body, 'the {#id} attribute is not shown').not.toContainText('{#');

    // Each heading is followed by a "#" link to itself, named after it.
    for (const { anchor, text } of KITCHEN_SINK_OUTLINE) {
      const link = body.locator(`.heading:has([id="${anchor}"]) > a.heading-link`);
      await expect(link).toHaveAttribute('href', `#${anchor}`);
      await expect(link).toHaveAccessibleName(`Link to the section “${text}”`);
    }

    const toc = page.locator('nav.toc');
    await expect(toc.locator('a')).toHaveText(KITCHEN_SINK_OUTLINE.map((h) => h.text));
    for (const { anchor } of KITCHEN_SINK_OUTLINE) {
      await expect(toc.locator(`a[href="#${anchor}"]`)).toHaveCount(1);
      await expect(body.locator(`[id="${anchor}"]`)).toHaveCount(1);
    }
    check();
  });

  test('inline formatting, smart punctuation and line breaks', async ({ page }) => {
    const check = watchErrors(page);
    await openPost(page, 'The end, after a horizontal rule.');
    const first = page.locator('.post-body > p').first();
    await expect(first.locator('em')).toHaveText(['emphasis', 'more emphasis', 'both at once']);
    await expect(first.locator('strong')).toHaveText(['strong text', 'more strong', 'both at once']);
    await expect(first.locator('em > strong, strong > em')).toHaveText('both at once');
    await expect(first.locator('del')).toHaveText('struck-out text');
    await expect(first.locator('code')).toHaveText('inline_code()');
    for (const marker of ['**', '__', '~~', '`']) {
      await expect(first, `no ${marker} left`).not.toContainText(marker);
    }

    const smart = page.locator('.post-body p', { hasText: 'Smart punctuation' });
    await expect(smart).toContainText('“double quotes”');
    await expect(smart).toContainText('‘single quotes’');
    await expect(smart).toContainText('it’s an apostrophe');
    await expect(smart).toContainText('2015–2016 is an en');
    await expect(smart).toContainText('wait—an em dash');
    await expect(smart).toContainText('an ellipsis…');
    await expect(smart).not.toContainText('"');

    const breaks = page.locator('.post-body p', { hasText: 'hard break' });
    await expect(breaks.locator('br')).toHaveCount(2);
    await expect(breaks).not.toContainText('\\');
    check();
  });

  test('code blocks, quotes and lists', async ({ page }) => {
    const check = watchErrors(page);
    await openPost(page, 'The end, after a horizontal rule.');
    const body = page.locator('.post-body');
    const rust = body.locator('pre > code.language-rust');
    await expect(rust).toHaveCount(1);
    await expect(rust).toContainText('println!("hello, {}", "world");');
    const plain = body.locator('pre > code:not([class])');
    await expect(plain).toHaveText('no language here');
    await expect(body.locator('.code-block button.copy-code')).toHaveCount(8);
    // Highlighted by the bundler: classed tokens, the code's text unchanged.
    await expect(rust.locator('span.hl-keyword', { hasText: /^fn$/ })).toHaveCount(1);
    await expect(rust.locator('span.hl-function', { hasText: /^main$/ })).toHaveCount(1);
    for (const language of ['python', 'js', 'toml', 'bash', 'html']) {
      const code = body.locator(`pre > code.language-${language}`);
      await expect(code.locator('span[class^="hl-"]').first(), language).toBeVisible();
    }
    await expect(body.locator('pre > code.language-python')).toContainText('return f"hello, {name}" * 2');
    await expect(body.locator('pre > code.language-no-such-language span')).toHaveCount(0);

    await expect(body.locator('blockquote > p > strong')).toHaveText('strong');
    await expect(body.locator('blockquote > blockquote')).toHaveText(/And a nested quote\./);
    const callouts = body.locator('div.callout[role="note"]');
    await expect(callouts.locator('.callout-title')).toHaveText(['Note', 'Tip', 'Important', 'Warning', 'Caution']);
    await expect(body.locator('.callout-warning')).toContainText('A warning callout.');
    await expect(body.locator('.callout-caution a[href="/tags/"]')).toHaveText('link to the tags');
    await expect(body, 'callout markers are not shown').not.toContainText('[!');

    const ordered = body.locator(':scope > ol');
    await expect(ordered.locator(':scope > li')).toHaveCount(3);
    await expect(ordered.locator(':scope > li:nth-child(2) > ul > li')).toHaveCount(2);
    await expect(ordered.locator(':scope > li > ul > li > ol > li')).toHaveText('deeply nested ordered item');
    await expect(body.locator(':scope > ul > li', { hasText: 'Unordered item' })).toHaveCount(2);

    const boxes = body.locator('li > input[type="checkbox"]');
    await expect(boxes).toHaveCount(2);
    await expect(boxes.nth(0)).toBeChecked();
    await expect(boxes.nth(0)).toBeDisabled();
    await expect(boxes.nth(0)).toHaveAccessibleName('A finished task');
    await expect(boxes.nth(1)).not.toBeChecked();
    await expect(boxes.nth(1)).toBeDisabled();
    await expect(boxes.nth(1)).toHaveAccessibleName('An open task');
    await expect(body, 'task markers are not shown').not.toContainText('[x]');
    check();
  });

  test('a table with aligned columns, footnotes, links, an image and a rule', async ({ page }) => {
    const check = watchErrors(page);
    await openPost(page, 'The end, after a horizontal rule.');
    const body = page.locator('.post-body');

    const table = body.locator('table');
    await expect(table.locator('thead th')).toHaveText(['Left aligned', 'Centred', 'Right aligned', 'Default']);
    await expect(table.locator('tbody tr')).toHaveCount(2);
    // The default column has no alignment of its own; the others have it by class, not by an
    // inline style, which the Content-Security-Policy forbids.
    const align = (cells) =>
      cells.evaluateAll((all) =>
        all.map((cell) => (cell.getAttribute('style') ? 'inline style' : cell.className ? getComputedStyle(cell).textAlign : null)),
      );
    expect(await align(table.locator('thead th'))).toEqual(['left', 'center', 'right', null]);
    expect(await align(table.locator('tbody tr:first-child td'))).toEqual(['left', 'center', 'right', null]);
    await expect(table.locator('tbody td code')).toHaveText('code');
    await expect(table.locator('tbody td em')).toHaveText('em');

    // Footnote ids are fn:<label>, never a heading's: `[id=…]`, as `#fn:note` is no CSS selector.
    await expect(body.locator('sup.footnote-reference a[href="#fn:note"]')).toHaveText('1');
    await expect(body.locator('sup.footnote-reference a[href="#fn:second"]')).toHaveText('2');
    const note = body.locator('.footnote-definition[id="fn:note"]');
    await expect(note).toContainText('The first footnote’s text.');
    await expect(note.locator('.footnote-definition-label')).toHaveText('1');
    await expect(body.locator('.footnote-definition[id="fn:second"] a[href="/archive"]')).toHaveText('link');
    await expect(body, 'footnote markers are not shown').not.toContainText('[^');

    const external = 'noopener noreferrer';
    const secure = body.locator('a[href="https://example.org/page"]');
    await expect(secure).toHaveText('secure link');
    await expect(secure).toHaveAttribute('rel', external);
    await expect(secure).toHaveAttribute('title', 'Example');
    await expect(body.locator('a[href="https://example.com/auto"]')).toHaveAttribute('rel', external);
    for (const [href, text] of [
      ['/tags/innovation', 'relative link'],
      ['mailto:comments@example.org', 'mail link'],
      ['#custom-id', 'same-page link'],
      ['/archive', 'link'],
    ]) {
      const link = body.locator(`a[href="${href}"]:not(.heading-link)`);
      await expect(link).toHaveText(text);
      await expect(link, `${href} is not marked external`).not.toHaveAttribute('rel', /./);
    }

    // Each image at the address its source file resolved to: beside the post, and in static/.
    for (const [src, alt, width, height] of [
      ['/posts/kitchen-sink/kitchen-sink.png', 'An image beside the post', 1000, 600],
      ['/images/banner.png', 'An image from static', 120, 30],
    ]) {
      const image = body.locator(`img[src="${src}"]`);
      await expect(image).toHaveAttribute('alt', alt);
      await expect(image).toHaveAttribute('width', String(width));
      await expect(image).toHaveAttribute('height', String(height));
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    }
    await expect(body.locator('hr')).toHaveCount(1);
    check();
  });

  test('same-page links (contents, footnotes, #id) stay on the post and go to their anchor', async ({ page }) => {
    const check = watchErrors(page);
    await page.setViewportSize({ width: 800, height: 500 });
    await openPost(page, 'The end, after a horizontal rule.');
    await page.evaluate(() => {
      window.__noReload = true;
    });
    const body = page.locator('.post-body');
    for (const [link, target] of [
      [page.locator('nav.toc a[href="#plain-fences"]'), body.locator('h4#plain-fences')],
      [body.locator('sup.footnote-reference a[href="#fn:note"]'), body.locator('.footnote-definition[id="fn:note"]')],
      [body.locator('p a[href="#custom-id"]'), body.locator('h2#custom-id')],
      [body.locator('.heading-link[href="#tables-and-notes"]'), body.locator('h2#tables-and-notes')],
    ]) {
      const hash = await link.getAttribute('href');
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${POST_PATH}${hash}$`));
      await expect(page.locator('article.post h1')).toContainText('Leading for Innovation');
      await expect(target).toBeInViewport();
    }
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${POST_PATH}#custom-id$`));
    await expect(page.locator('article.post h1')).toContainText('Leading for Innovation');
    expect(await page.evaluate(() => window.__noReload), 'no full page load').toBe(true);
    check();
  });

  test('a link to another post by its source file opens that post, at its heading, in the app', async ({ page }) => {
    const check = watchErrors(page);
    await page.route('**/data/posts/earlier-post.json', (route) => route.fulfill({ json: KITCHEN_SINK_EARLIER }));
    await openPost(page, 'The end, after a horizontal rule.');
    await page.evaluate(() => {
      window.__noReload = true;
    });
    const body = page.locator('.post-body');
    await expect(body.locator('a[href="/posts/earlier-post/"]')).toHaveText('the earlier post');
    await body.locator('a[href="/posts/earlier-post/#why-it-matters"]').click();
    await expect(page).toHaveURL(/\/posts\/earlier-post\/#why-it-matters$/);
    await expect(page.locator('article.post h1')).toHaveText('An earlier post');
    await expect(page.locator('h2#why-it-matters')).toBeInViewport();
    expect(await page.evaluate(() => window.__noReload), 'no full page load').toBe(true);
    check();
  });

  test('a relative link in the body routes in the app', async ({ page }) => {
    const check = watchErrors(page);
    await openPost(page, 'The end, after a horizontal rule.');
    await page.evaluate(() => {
      window.__noReload = true;
    });
    await page.locator('.post-body a[href="/tags/innovation"]').click();
    await expect(page).toHaveURL(/\/tags\/innovation$/);
    await expect(page.locator('h1')).toHaveText('Posts tagged “innovation”');
    expect(await page.evaluate(() => window.__noReload), 'no full page load').toBe(true);
    check();
  });
});

test.describe('hostile content', () => {
  test.beforeEach(async ({ page }) => {
    // The sentinel every payload would set; alert and friends set it too.
    await page.addInitScript(() => {
      window.__pwned = false;
      const pwned = () => {
        window.__pwned = true;
      };
      window.alert = pwned;
      window.confirm = pwned;
      window.prompt = pwned;
    });
    // Nothing leaves the machine: external pages are a stub.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title><p>stub</p>' }),
    );
    await serveBody(page, fixtureBody('hostile.md'), []);
  });

  test('renders as inert text and markup, and nothing it holds runs', async ({ page }) => {
    const check = watchErrors(page);
    const dialogs = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await openPost(page, 'The end.');
    const body = page.locator('.post-body');
    const pwned = () => page.evaluate(() => window.__pwned);

    // Raw HTML is shown as text.
    for (const raw of [
      '<script>window.__pwned = true; alert("script block")</script>',
      `<img src=x onerror="window.__pwned = true; alert('img')">`,
      '<svg onload="window.__pwned = true">',
      '<iframe srcdoc="<script>parent.__pwned = true</script>"></iframe>',
      '<div onmouseover="window.__pwned = true" onclick="window.__pwned = true">',
      '<a href="javascript:window.__pwned = true">raw javascript</a>',
      '<a href="data:text/html;base64,',
    ]) {
      await expect(body).toContainText(raw);
    }
    // Links to unsafe targets lose their link but keep their text.
    for (const text of [
      'javascript link',
      'mixed case link',
      'tab inside the scheme',
      'entity-encoded scheme',
      'leading spaces',
      'vbscript link',
      'data HTML link',
      'reference-style link',
      'unknown scheme link',
      'SVG data image',
      'javascript image',
    ]) {
      await expect(body).toContainText(text);
    }
    await expect(body.locator('a', { hasText: /javascript|vbscript|data HTML|reference-style|unknown/ })).toHaveCount(0);
    await expect(body.locator('img')).toHaveCount(0);
    await expect(body).toContainText('an autolink javascript:alert(1) and another JAVASCRIPT:alert(1)');

    // Safe targets that try to break out of their attribute stay links, escaped.
    const breakOut = body.locator('a', { hasText: 'attribute break-out' });
    await expect(breakOut).toHaveAttribute('href', /^https:\/\/example\.org\/%22/);
    const titled = body.locator('a', { hasText: 'title break-out' });
    await expect(titled).toHaveAttribute('title', 'x" onmouseover="window.__pwned=true');

    // The heading keeps its id and loses its handlers and style.
    const heading = body.locator('h2#hostile-heading');
    await expect(heading).toHaveText('A heading with handlers');

    const found = await body.evaluate((root) => {
      const unsafe = /^(javascript|vbscript|data:(?!image\/(png|jpe?g|gif|webp|avif);base64,))/;
      const clean = (value) => value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      const problems = [];
      for (const el of root.querySelectorAll('*')) {
        const tag = el.localName;
        if (['script', 'iframe', 'svg', 'math', 'object', 'embed', 'form', 'style', 'meta', 'base', 'link', 'details'].includes(tag)) {
          problems.push(`<${tag}>`);
        }
        if (tag === 'input' && !(el.type === 'checkbox' && el.disabled)) problems.push('<input> that is not a task box');
        for (const { name, value } of el.attributes) {
          if (name.startsWith('on')) problems.push(`<${tag} ${name}>`);
          if (name === 'style' || name === 'srcdoc' || name === 'autofocus') problems.push(`<${tag} ${name}>`);
          if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background'].includes(name) && unsafe.test(clean(value))) {
            problems.push(`<${tag} ${name}="${value}">`);
          }
        }
      }
      return problems;
    });
    expect(found, 'dangerous elements or attributes in .post-body').toEqual([]);
    expect(await pwned(), 'after rendering').toBe(false);

    // Fire the events handlers listen for on every element but the links, then hover and click
    // the links for real, following them out and back.
    await body.evaluate((root) => {
      for (const el of root.querySelectorAll(':scope, :scope *:not(a)')) {
        for (const type of ['mouseover', 'mouseenter', 'click', 'focus', 'toggle', 'load', 'error']) {
          el.dispatchEvent(new Event(type, { bubbles: false }));
        }
      }
    });
    await heading.hover();
    await heading.click();
    expect(await pwned(), 'after events on every element').toBe(false);
    // Folio's own "#" links after the headings aside.
    const links = body.locator('a:not(.heading-link)');
    const count = await links.count();
    expect(count, 'only the two escaped https links are links').toBe(2);
    for (let index = 0; index < count; index += 1) {
      const link = links.nth(index);
      const href = await link.getAttribute('href');
      await link.hover();
      expect(await pwned(), `after hovering ${href}`).toBe(false);
      await link.click();
      if (new URL(page.url()).pathname === POST_PATH) {
        expect(await pwned(), `after clicking ${href}`).toBe(false);
      } else {
        // It left for another page, where the sentinel starts afresh: come back, and go to the
        // post in the app again (loaded by its address, the post shows as built, not the served
        // body).
        await expect(page.locator('p')).toHaveText('stub');
        await page.goBack();
        await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
        await openPost(page, 'The end.');
      }
    }
    expect(dialogs, 'no dialog opened').toEqual([]);
    check();
  });
});
