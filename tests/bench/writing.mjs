// The writing loop's measurements in headless Chromium (cargo xtask bench writing runs it): the
// dev server (folio-bundler --serve) serves a site; a page of it is open; an edit is saved to
// the site's folder, and the time runs from the save to the first load of the page that shows
// the edit (the dev server builds again, the page hears of it and reloads). Four kinds of edit,
// each BENCH_RUNS times: a post's text, a new post, that post deleted, a post's tags.
//
//   BENCH_URL       the site's address     BENCH_SITE    the site's folder
//   BENCH_POST      a post's file, under the site's folder, and BENCH_POST_PATH its address
//   BENCH_RUNS      edits of each kind     BENCH_OUT     where the JSON goes
//   BENCH_CHROMIUM  the browser

import { chromium } from '@playwright/test';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const url = process.env.BENCH_URL;
const site = process.env.BENCH_SITE;
const post = join(site, process.env.BENCH_POST);
const postPath = process.env.BENCH_POST_PATH;
const runs = Number(process.env.BENCH_RUNS || '7');

const browser = await chromium.launch({
  executablePath: process.env.BENCH_CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const page = await browser.newPage();
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens `address` and waits until its reload script is connected. A reload of the page open
 * before (a build that ended just then) aborts the navigation: it is made again.
 */
async function open(address) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(new URL(address, url).href);
      break;
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('ERR_ABORTED')) throw error;
    }
  }
  await page.waitForLoadState('load');
  // The dev server's script hears of the latest build as soon as it connects.
  await pause(300);
}

/**
 * Saves `edit()` and waits for a load of the open page whose text `shows(text)`: the
 * milliseconds from the save to that load.
 */
async function timed(edit, shows) {
  const loaded = [];
  const onLoad = () => loaded.push(performance.now());
  page.on('load', onLoad);
  const saved = performance.now();
  edit();
  for (;;) {
    await page.waitForEvent('load', { timeout: 60_000 });
    const text = await page.evaluate(() => document.body.innerText);
    if (shows(text)) break;
  }
  page.off('load', onLoad);
  return loaded[loaded.length - 1] - saved;
}

const original = readFileSync(post, 'utf8');
const results = { text: [], new: [], deleted: [], tags: [] };
for (let run = 0; run < runs; run++) {
  const marker = `Edited${Date.now()}x${run}`;
  await open(postPath);
  results.text.push(await timed(
    () => appendFileSync(post, `\n${marker} is the latest sentence.\n`),
    (text) => text.includes(marker),
  ));

  const title = `A new post ${marker}`;
  const file = join(site, 'posts', `bench-new-${run}.md`);
  await open('./');
  results.new.push(await timed(
    () => writeFileSync(file, `+++\ntitle = "${title}"\ndate = 2026-01-01\ntags = ["bench"]\n+++\n\nWritten by the benchmark.\n`),
    (text) => text.includes(title),
  ));
  results.deleted.push(await timed(
    () => rmSync(file),
    (text) => !text.includes(title),
  ));

  const tag = `tag${marker}`.toLowerCase();
  await open(postPath);
  results.tags.push(await timed(
    () => writeFileSync(post, readFileSync(post, 'utf8').replace(/^tags = \[/m, `tags = ["${tag}", `).replace(/^tags:\s*\[/m, `tags: [${tag}, `)),
    (text) => text.includes(tag),
  ));
  // Put back, and waited for: the next run starts from a page that no build will reload.
  await timed(() => writeFileSync(post, original), (text) => !text.includes(tag));
}
await browser.close();
writeFileSync(process.env.BENCH_OUT, JSON.stringify(results));
