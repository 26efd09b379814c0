// Takes the README's screenshots of the release build in dist/: the home and post pages at
// 375 px and 1280 px wide, in light and dark. Run from the repo root after `cargo xtask build`:
//   node scripts/screenshots.mjs
// Writes docs/screenshots/<page>-<width>-<scheme>.png. Serves dist/ on 127.0.0.1 only.

import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'screenshots');
const port = 4199;
const pages = [
  ['home', '/', 'article.post-summary'],
  ['post', '/posts/leading-for-innovation', 'article.post .post-body p'],
];

const server = spawn('node', [path.join(root, 'tests/e2e/serve-nginx.mjs'), path.join(root, 'dist')], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
  stdio: 'ignore',
});
try {
  await new Promise((resolve) => setTimeout(resolve, 500));
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const scheme of ['light', 'dark']) {
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      for (const [name, url, ready] of pages) {
        await page.goto(`http://127.0.0.1:${port}${url}`);
        await page.locator(ready).first().waitFor();
        await page.locator('.site-title').filter({ hasText: /\S/ }).waitFor();
        const file = path.join(out, `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: false });
        console.log(`wrote ${path.relative(root, file)}`);
      }
      await context.close();
    }
  }
  await browser.close();
} finally {
  server.kill();
}
