#!/usr/bin/env node
//! Measures cold page loads of two URLs in headless Chromium and writes the raw samples as JSON.
//
// Run by `cargo xtask bench pages` (xtask/src/bench/pages.rs), which starts the server, makes the
// baseline and turns the samples into the BENCHMARKS.md table. By hand:
//   BENCH_FOLIO_URL=http://127.0.0.1:4190/posts/leading-for-innovation/ \
//   BENCH_STATIC_URL=http://127.0.0.1:4190/baseline/leading-for-innovation/ \
//   BENCH_RUNS=3 BENCH_OUT=/tmp/pages.json node tests/bench/pages.mjs
//
//   BENCH_FOLIO_URL   the Folio page: its app sets <html data-app="ready"> when it has taken over
//   BENCH_STATIC_URL  the baseline: the same page without the app
//   BENCH_RUNS        cold loads of each page per condition (default 15), alternating the two
//   BENCH_OUT         where the JSON goes (default: stdout)
//   BENCH_CHROMIUM    the browser (default /usr/bin/chromium; never downloaded)
//
// Each load gets a fresh browser context (empty cache, no cookies or storage). Progress goes to
// stderr. Bytes and requests come from the DevTools protocol (Network.requestWillBeSent, and
// Network.loadingFinished's encodedDataLength: the bytes on the wire, compressed body plus the real
// headers; resource timing's transferSize counts a fixed 300 bytes for headers instead). The
// favicon is left out: Chromium fetches it for the browser, not the page, and only now and then.

import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { benchEnvironment } from './environment.mjs';

const { fail, required, runs, executablePath } = benchEnvironment('pages.mjs', 'pages');
const folioUrl = required('BENCH_FOLIO_URL');
const staticUrl = required('BENCH_STATIC_URL');

/** How long one load may take before it counts as failed, throttled loads included. */
const TIMEOUT_MS = 60_000;
/** After the network is idle (and Folio's app is ready), how long to wait for late paints. */
const SETTLE_MS = 500;

const CONDITIONS = [
  { name: 'unthrottled', description: 'Unthrottled', throttle: false },
  {
    name: 'mobile',
    description: 'Mobile-like: CPU 4× slower, 150 ms latency, 1.6 Mbps down and up',
    throttle: true,
  },
];

// Added to every page before its own scripts: the largest contentful paint as the page goes,
// and the moment <html> gets data-app="ready". At this point <html> may not exist yet, so the
// observer watches the whole document.
const INIT_SCRIPT = `(() => {
  const bench = (window.__bench = { lcp: null, ready: null, readyAtStart: false });
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    if (entries.length) bench.lcp = entries[entries.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const isReady = () => document.documentElement && document.documentElement.getAttribute('data-app') === 'ready';
  const observer = new MutationObserver(() => {
    if (bench.ready === null && isReady()) {
      bench.ready = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-app'] });
  document.addEventListener('DOMContentLoaded', () => {
    if (bench.ready === null && isReady()) bench.readyAtStart = true;
  });
})();`;


/** One cold load of `url`; `app` says whether to wait for data-app="ready". */
async function load(browser, condition, url, app) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.addInitScript({ content: INIT_SCRIPT });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = new Map(); // requestId -> { url, bytes }
    cdp.on('Network.requestWillBeSent', (event) => {
      if (/^https?:/.test(event.request.url)) requests.set(event.requestId, { url: event.request.url, bytes: 0 });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const request = requests.get(event.requestId);
      if (request) request.bytes = event.encodedDataLength;
    });
    const failed = [];
    const errors = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await cdp.send('Network.enable');
    if (condition.throttle) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const bytesPerSecond = (1.6 * 1024 * 1024) / 8;
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: bytesPerSecond,
        uploadThroughput: bytesPerSecond,
      });
    }
    const response = await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
    if (!response || response.status() !== 200) {
      throw new Error(`${url} answered ${response ? response.status() : 'nothing'}, not 200`);
    }
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
    if (app) {
      try {
        await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: TIMEOUT_MS });
      } catch {
        const atStart = await page.evaluate(() => window.__bench.readyAtStart);
        throw new Error(
          atStart
            ? `${url}: the page's HTML already says data-app="ready"; the app must set it when it has taken over`
            : `${url}: <html> never got data-app="ready" within ${TIMEOUT_MS / 1000} s: is dist/ a build whose app marks its take-over?` +
                (errors.length ? `\nthe page reported:\n  ${errors.join('\n  ')}` : ''),
        );
      }
    }
    await page.waitForTimeout(SETTLE_MS);
    const seen = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const icons = [...document.querySelectorAll('link[rel~="icon" i]')].map((link) => link.href);
      icons.push(new URL('/favicon.ico', location.href).href);
      return { fcp: fcp ? fcp.startTime : null, lcp: window.__bench.lcp, ready: window.__bench.ready, icons };
    });
    const counted = [...requests.values()].filter((request) => !seen.icons.includes(request.url));
    const bytes = counted.reduce((sum, request) => sum + request.bytes, 0);
    delete seen.icons;
    if (seen.fcp === null || seen.lcp === null) {
      throw new Error(`${url}: Chromium reported no ${seen.fcp === null ? 'first contentful paint' : 'largest contentful paint'}`);
    }
    return { ...seen, ready: app ? seen.ready : null, bytes, requests: counted.length, failed };
  } finally {
    await context.close();
  }
}

const ms = (value) => (value === null ? '—' : `${Math.round(value)} ms`);
const kb = (value) => `${(value / 1024).toFixed(1)} KB`;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
});
const results = { runs, browser: `Chromium ${browser.version()}`, folioUrl, staticUrl, conditions: [] };
const warnings = new Set();
try {
  for (const condition of CONDITIONS) {
    const samples = { name: condition.name, description: condition.description, folio: [], static: [] };
    for (let run = 1; run <= runs; run++) {
      const folio = await load(browser, condition, folioUrl, true);
      const plain = await load(browser, condition, staticUrl, false);
      for (const sample of [folio, plain]) {
        for (const line of sample.failed) warnings.add(line);
        delete sample.failed;
      }
      samples.folio.push(folio);
      samples.static.push(plain);
      console.error(
        `run ${run}/${runs} ${condition.name}: ` +
          `Folio FCP ${ms(folio.fcp)}, LCP ${ms(folio.lcp)}, ready ${ms(folio.ready)}, ${kb(folio.bytes)} in ${folio.requests} requests; ` +
          `static FCP ${ms(plain.fcp)}, LCP ${ms(plain.lcp)}, ${kb(plain.bytes)} in ${plain.requests} requests`,
      );
    }
    results.conditions.push(samples);
  }
} catch (error) {
  await browser.close();
  fail(error instanceof Error ? error.message : String(error));
}
await browser.close();
results.warnings = [...warnings].map((line) => `answered ${line}`);
for (const warning of results.warnings) console.error(`pages.mjs: warning: ${warning}`);

const json = JSON.stringify(results, null, 2) + '\n';
if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, json);
else process.stdout.write(json);
