// The hostile corpus (crates/content/tests/hostile/: DOMPurify's, markdown-it's and OWASP's XSS
// payloads and CommonMark's raw HTML, link and autolink examples, with their sources and
// licences), rendered by the app's own renderer in Chromium as the seed post's body, on a site
// that does not trust its authors: no dialog opens, nothing the payloads set runs, and no
// request leaves the origin. The native test (hostile_corpus.rs) checks the same inputs on the
// parsed HTML; this one checks what a browser does with it.

import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { visitInApp } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.join(here, '..', '..', 'crates', 'content', 'tests', 'hostile');
const SOURCES = ['dompurify', 'markdown-it', 'owasp', 'commonmark-spec'];
/** Inputs per post body: each body is one navigation. */
const PER_BODY = 60;

/** The source's inputs, each also as a link's, an image's and an autolink's target when it is
 * one line. (An image from another https site, `<https://…>` included, is one a post may show:
 * no such image is made.) */
function inputs(source) {
  const raw = JSON.parse(readFileSync(path.join(CORPUS, `${source}.json`), 'utf8'));
  return raw.flatMap((input) => {
    if (input.includes('\n')) return [input];
    const image = /^\s*<?\s*(https?:)?\/\//i.test(input) ? [] : [`![image](${input})`];
    return [input, `[link](${input})`, ...image, `<${input}>`];
  });
}

/** `items` in runs of `size`. */
const chunks = (items, size) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, n) => items.slice(n * size, (n + 1) * size));

for (const source of SOURCES) {
  test(`${source}: nothing runs and nothing leaves the origin`, async ({ page }) => {
    test.setTimeout(180_000);
    const ran = [];
    await page.addInitScript(() => {
      window.__ran = [];
      for (const name of ['alert', 'confirm', 'prompt', 'print']) {
        window[name] = (...args) => window.__ran.push(`${name}(${args.join(',')})`);
      }
    });
    page.on('dialog', async (dialog) => {
      ran.push(`dialog: ${dialog.message()}`);
      await dialog.dismiss();
    });
    const away = [];
    await page.route(/^(?!https?:\/\/127\.0\.0\.1[:/])[a-z][a-z0-9+.-]*:/i, (route) => {
      away.push(route.request().url());
      return route.abort();
    });
    let body = '';
    await page.route('**/data/posts/leading-for-innovation.json', async (route) => {
      const real = await route.fetch();
      const bundle = await real.json();
      bundle.body = { markdown: body, outline: [], code: [], links: [], images: [], math: [] };
      await route.fulfill({ response: real, json: bundle });
    });
    const all = inputs(source);
    for (const [n, chunk] of chunks(all, PER_BODY).entries()) {
      const end = `End of part ${n}.`;
      body = `${chunk.join('\n\n')}\n\n${end}\n`;
      await visitInApp(page, '/posts/leading-for-innovation/');
      await expect(page.locator('.post-body')).toContainText(end);
      // Whatever a payload scheduled has its turn.
      await page.waitForTimeout(50);
      ran.push(...(await page.evaluate(() => window.__ran)));
      expect(ran, `part ${n} of ${source}: nothing runs`).toEqual([]);
    }
    expect(away, `no request leaves the origin for the ${all.length} inputs of ${source}`).toEqual([]);
  });
}
