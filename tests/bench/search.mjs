// The search benchmark's measurements in headless Chromium (cargo xtask bench search runs it):
// Folio's search page and a page that runs Pagefind's JavaScript API over the same posts, on the
// same server, one after the other in fresh contexts, unthrottled and at 4x CPU. For each:
// the bytes that the first query downloads (from the page being ready to its results and
// snippets), the bytes of a second, different query, and, for every query of BENCH_QUERIES,
// the time from the keystroke that completes it to the next frame after its results are in
// the page. Beside each, the time from the same keystroke to the next frame after its letter
// is in the box: the frame that shows the letter, which no results can come before. The
// browser makes frames at its own pace (60 a second here), so that time alone is anywhere
// up to a frame or so.
//
//   BENCH_FOLIO_URL     Folio's search page          BENCH_PAGEFIND_URL  the Pagefind page
//   BENCH_QUERIES       JSON list of words           BENCH_OUT           where the JSON goes
//   BENCH_CHROMIUM      the browser                  BENCH_ENGINES       optional: "folio" or
//                                                                        "pagefind" alone

import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';

const QUERIES = JSON.parse(process.env.BENCH_QUERIES);
const CONDITIONS = [
  { name: 'unthrottled', rate: 1 },
  { name: '4x CPU', rate: 4 },
];

/** What each engine's page is, and how it shows that a query's results are in. */
const ENGINES = {
  folio: {
    url: process.env.BENCH_FOLIO_URL,
    box: '#site-search',
    ready: () => document.documentElement.dataset.app === 'ready',
    // The status names the query once its results are in the page.
    shown: (query) => {
      const status = document.querySelector('p.search-status');
      return !!status && status.textContent.includes(`“${query}”`) && !status.textContent.startsWith('Searching');
    },
    complete: (query) => {
      const status = document.querySelector('p.search-status');
      if (!status || !status.textContent.includes(`“${query}”`)) return false;
      if (status.textContent.startsWith('No posts')) return true;
      const snippet = document.querySelector('.search-results li .search-snippet');
      return !!snippet && snippet.textContent.length > 0;
    },
  },
  pagefind: {
    url: process.env.BENCH_PAGEFIND_URL,
    box: '#query',
    ready: () => window.pagefindReady === true,
    shown: (query) => document.querySelector('#results')?.dataset.query === query,
    complete: (query) => document.querySelector('#results')?.dataset.query === query,
  },
};

const browser = await chromium.launch({
  executablePath: process.env.BENCH_CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});

/** Waits in the page until its `window[test](query)` holds (`shown` or `complete`). */
async function until(page, test, query) {
  await page.waitForFunction(([test, query]) => window[test](query), [test, query], { timeout: 60_000, polling: 'raf' });
}

/** Types `query` into the box from empty, and waits for its results and snippets. */
async function search(page, engine, query) {
  await page.locator(engine.box).fill('');
  await page.locator(engine.box).focus();
  await page.keyboard.type(query);
  await until(page, 'benchComplete', query);
}

/**
 * The milliseconds from the keystroke that completes `query` to the frame after its results
 * (`results`) and to the frame after its letter is in the box (`letter`).
 */
async function latency(page, engine, query) {
  await page.locator(engine.box).fill('');
  await page.locator(engine.box).focus();
  const start = query.slice(0, -1);
  await page.keyboard.type(start);
  if (start.length > 0) await until(page, 'benchShown', start);
  await page.evaluate(
    ([box, query]) => {
      const shown = window.benchShown;
      const input = document.querySelector(box);
      let typed = null;
      input.addEventListener('keydown', () => (typed = performance.now()), { once: true, capture: true });
      const letter = new Promise((resolve) => {
        input.addEventListener('input', () => requestAnimationFrame(() => resolve(performance.now() - typed)), {
          once: true,
          capture: true,
        });
      });
      const results = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (typed === null || !shown(query)) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - typed));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      window.benchLatency = Promise.all([results, letter]).then(([results, letter]) => ({ results, letter }));
    },
    [engine.box, query],
  );
  await page.keyboard.press(query.slice(-1));
  return page.evaluate(() => window.benchLatency);
}

async function measure(name, condition) {
  const engine = ENGINES[name];
  const context = await browser.newContext();
  const page = await context.newPage();
  // The engine's tests, put in the page the way Playwright puts its own scripts (the site's
  // Content-Security-Policy allows no code from strings).
  await page.addInitScript({
    content: `window.benchShown = ${engine.shown.toString()}; window.benchComplete = ${engine.complete.toString()};`,
  });
  // Each request counts for the step (the page, the first query, the second) in which it
  // started, however late its sizes are read; a step is read once all its sizes are in.
  let step = null;
  const steps = new WeakMap();
  const pending = new Set();
  const begin = () => (step = { bytes: 0, files: [] });
  const end = async () => {
    await Promise.all(pending);
    const { bytes, files } = step;
    return { bytes, requests: files.length, files };
  };
  context.on('request', (request) => steps.set(request, step));
  context.on('requestfinished', (request) => {
    const into = steps.get(request);
    const counted = request
      .sizes()
      .then((sizes) => {
        into.bytes += sizes.responseBodySize + sizes.responseHeadersSize;
        into.files.push(new URL(request.url()).pathname);
      })
      .catch(() => {})
      .finally(() => pending.delete(counted));
    pending.add(counted);
  });
  begin();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.rate });
  await page.goto(engine.url);
  await page.waitForFunction(engine.ready, null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const pageBytes = (await end()).bytes;
  begin();
  await search(page, engine, QUERIES[0]);
  await page.waitForLoadState('networkidle');
  const first = await end();
  begin();
  await search(page, engine, QUERIES[1]);
  await page.waitForLoadState('networkidle');
  const second = await end();
  begin();
  const latencies = [];
  for (const query of QUERIES) latencies.push(await latency(page, engine, query));
  await context.close();
  console.log(`bench: ${name}, ${condition.name}: first query ${(first.bytes / 1024).toFixed(1)} KB, second ${(second.bytes / 1024).toFixed(1)} KB, ${latencies.length} queries timed`);
  return { engine: name, condition: condition.name, pageBytes, first, second, latencies };
}

const runs = [];
for (const condition of CONDITIONS) {
  for (const name of Object.keys(ENGINES)) {
    if (!process.env.BENCH_ENGINES || process.env.BENCH_ENGINES === name) runs.push(await measure(name, condition));
  }
}
writeFileSync(process.env.BENCH_OUT, JSON.stringify({ browser: browser.version(), queries: QUERIES, runs }, null, 2));
await browser.close();
