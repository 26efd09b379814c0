#!/usr/bin/env node
//! Times clicks between a site's built pages in headless Chromium at 4× CPU: Folio's app showing
//! the next page, beside the same click between the same pages without the app (a cross-document
//! navigation), and writes the samples as JSON.
//
// Run by `cargo xtask bench nav` (xtask/src/bench/nav.rs), which builds the site, makes the
// baseline copy, starts a server for each and turns the samples into the BENCHMARKS.md table.
// By hand, with the two servers running:
//   BENCH_FOLIO_ORIGIN=http://127.0.0.1:4190 BENCH_BASELINE_ORIGIN=http://127.0.0.1:4191 \
//   BENCH_RUNS=3 BENCH_OUT=/tmp/nav.json node tests/bench/nav.mjs
//
//   BENCH_FOLIO_ORIGIN     the site as built: its app sets <html data-app="ready"> once it has taken over
//   BENCH_BASELINE_ORIGIN  the same site with the app stripped from every page
//   BENCH_RUNS             runs of each navigation, Folio's and the baseline's (default 15)
//   BENCH_SITE             the site's name in the progress lines (default "site")
//   BENCH_OUT              where the JSON goes (default: stdout)
//   BENCH_CHROMIUM         the browser (default /usr/bin/chromium; never downloaded)
//
// The links are found on the baseline's pages first (the pages are the same): home → the first
// post of the listing; a post → its previous post, its next post and its first tag's page, from
// the first post of the listing that has all three (going back through previous posts); after
// each, history back. Each run is a fresh browser context. Progress goes to stderr.

import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { benchEnvironment } from './environment.mjs';

const { fail, required, runs, executablePath } = benchEnvironment('nav.mjs', 'nav');
const folioOrigin = required('BENCH_FOLIO_ORIGIN');
const baselineOrigin = required('BENCH_BASELINE_ORIGIN');
const site = process.env.BENCH_SITE || 'site';

/** The CPU throttling of every navigation. */
const THROTTLE = 4;
/** How long a page load or a navigation may take before the run fails. */
const TIMEOUT_MS = 30_000;
/** Network quiet for this long counts as idle: before the hover, and before the click. */
const QUIET_MS = 500;
/** After the paint, how long the tasks the navigation left are still counted. */
const SETTLE_MS = 500;
/** How many previous posts to look through for a post with a previous, a next and a tag link. */
const SEARCH_POSTS = 20;

/** The links the navigations follow. */
const LINKS = {
  post: 'main .post-list h2 a',
  prev: 'main .post-nav a[rel="prev"]',
  next: 'main .post-nav a[rel="next"]',
  tag: 'main .tags a',
};

// Added to every document before its own scripts. Long tasks and frames as they come; the
// document's first contentful paint, and the first frame after a restore from the back/forward
// cache, in absolute time (timeOrigin + ...) to compare across documents; a click's time, in
// this document (nav.start) and in absolute time in sessionStorage for the next document; and
// nav.watch(path, heading), which notes the first frame painted after `main h1` says `heading`
// at `path` (nav.done), and whether "Loading…" or an error showed on the way.
const INIT_SCRIPT = `(() => {
  const nav = (window.__nav = { id: Math.random(), tasks: [], frames: [], fcp: 0, restored: 0, start: 0, done: null });
  const observe = (type, into) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) into.push([entry.startTime, entry.duration]);
      }).observe({ type, buffered: true });
    } catch {}
  };
  observe('longtask', nav.tasks);
  observe('long-animation-frame', nav.frames);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') nav.fcp = performance.timeOrigin + entry.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
  // A message posted from requestAnimationFrame arrives once that frame has been painted.
  const afterPaint = (then) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(null);
    });
  addEventListener('pageshow', (event) => {
    if (event.persisted) afterPaint((now) => (nav.restored = performance.timeOrigin + now));
  });
  addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    nav.start = event.timeStamp;
    sessionStorage.setItem('bench-start', String(performance.timeOrigin + event.timeStamp));
  }, true);
  nav.watch = (path, heading) => {
    nav.done = null;
    const seen = { loading: false, loadingInDom: false, error: false };
    const check = () => {
      const main = document.querySelector('main');
      if (main && main.querySelector('.loading') && !seen.loadingInDom) {
        // In the page, and still there when the next frame is made: the reader saw it.
        seen.loadingInDom = true;
        requestAnimationFrame(() => (seen.loading ||= !!document.querySelector('main .loading')));
      }
      if (main && main.querySelector('.load-error-page')) seen.error = true;
      const h1 = document.querySelector('main h1');
      if (location.pathname !== path || !h1 || h1.textContent.trim() !== heading) return;
      observer.disconnect();
      afterPaint((painted) => {
        nav.done = { ...seen, painted };
        if (nav.onDone) nav.onDone(nav.done);
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  };
  // The longest entry of 'tasks' or 'frames' that ends after 'from' and starts before 'to'.
  nav.longest = (list, from, to) =>
    nav[list].filter(([start, duration]) => start + duration > from && start < to).reduce((max, [, duration]) => Math.max(max, duration), 0);
})();`;


const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until no request of `page` has been in flight for `ms`. */
function networkWatch(page) {
  let inFlight = 0;
  let changed = Date.now();
  page.on('request', () => {
    inFlight += 1;
    changed = Date.now();
  });
  const finished = () => {
    inFlight -= 1;
    changed = Date.now();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  return async (ms) => {
    const deadline = Date.now() + TIMEOUT_MS;
    while (inFlight > 0 || Date.now() - changed < ms) {
      if (Date.now() > deadline) throw new Error(`${page.url()}: the network was still busy after ${TIMEOUT_MS / 1000} s`);
      await sleep(25);
    }
  };
}

/** A fresh context with `url` open and quiet (Folio's app ready), throttled from then on. */
async function open(browser, url, app) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript({ content: INIT_SCRIPT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
  const quiet = networkWatch(page);
  const response = await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
  if (!response || response.status() !== 200) throw new Error(`${url} answered ${response ? response.status() : 'nothing'}, not 200`);
  if (app) {
    await page
      .waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: TIMEOUT_MS })
      .catch(() => {
        throw new Error(`${url}: <html> never got data-app="ready"${errors.length ? `; the page said:\n  ${errors.join('\n  ')}` : ''}`);
      });
  }
  await quiet(QUIET_MS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return { context, page, quiet, errors };
}

/** What the page shows, for an error message. */
async function showing(page) {
  return page
    .evaluate(() => `${location.pathname} with heading "${document.querySelector('main h1')?.textContent.trim() ?? '(none)'}"`)
    .catch((error) => `(${error.message.split('\n')[0]})`);
}

/** One of Folio's navigations to `to` (path and heading) by `act`: its times, in ms. */
async function folioNavigate(page, to, act, errors) {
  const before = await page.evaluate(([path, heading]) => (window.__nav.watch(path, heading), window.__nav.id), [to.path, to.heading]);
  const newDocument = (error) =>
    new Error(`the navigation to ${to.path} loaded a new document: Folio's app did not take it${error ? ` (${error.message.split('\n')[0]})` : ''}`);
  await act();
  const done = await Promise.race([
    page.evaluate(() => new Promise((resolve) => (window.__nav.done ? resolve(window.__nav.done) : (window.__nav.onDone = resolve)))),
    sleep(TIMEOUT_MS).then(() => null),
  ]).catch((error) => {
    throw newDocument(error);
  });
  if (!done) {
    if ((await page.evaluate(() => window.__nav.id).catch(() => null)) !== before) throw newDocument();
    throw new Error(
      `Folio did not show ${to.path} ("${to.heading}") within ${TIMEOUT_MS / 1000} s; it shows ${await showing(page)}` +
        (errors.length ? `; the page said:\n  ${errors.join('\n  ')}` : ''),
    );
  }
  if (done.error) throw new Error(`Folio showed its load error on the way to ${to.path}`);
  await sleep(SETTLE_MS);
  return page.evaluate(
    ({ painted, loading, loadingInDom, settle }) => {
      const nav = window.__nav;
      const to = painted + settle;
      return {
        ms: painted - nav.start,
        longestTask: nav.longest('tasks', nav.start, to),
        longestFrame: nav.longest('frames', nav.start, to),
        loading,
        loadingInDom,
      };
    },
    { ...done, settle: SETTLE_MS },
  );
}

/** The baseline's navigation to `path` by `act`, which leaves its start in sessionStorage: ms. */
async function baselineNavigate(page, path, act) {
  await act();
  const deadline = Date.now() + TIMEOUT_MS;
  const late = () => new Error(`the baseline did not show ${path} within ${TIMEOUT_MS / 1000} s; it shows ${page.url()}`);
  for (;;) {
    try {
      // Until the next document has painted: its first contentful paint, or its first frame
      // after a restore from the back/forward cache.
      const waited = page.evaluate(
        (path) =>
          new Promise((resolve) => {
            const tick = () => {
              const nav = window.__nav;
              const start = Number(sessionStorage.getItem('bench-start'));
              if (location.pathname === path && nav.restored > start) return resolve({ ms: nav.restored - start, restored: true });
              if (location.pathname === path && nav.fcp > start) return resolve({ ms: nav.fcp - start, restored: false });
              setTimeout(tick, 20);
            };
            tick();
          }),
        path,
      );
      const shown = await Promise.race([waited, sleep(deadline - Date.now()).then(() => null)]);
      if (!shown) throw late();
      return shown;
    } catch (error) {
      // The old document went while the wait ran in it: wait in the new one.
      if (Date.now() > deadline) throw late();
      await sleep(20);
    }
  }
}

/** Hovers the link of `transition`, waits for the network to be quiet, and clicks. */
async function hoverAndClick(page, quiet, transition) {
  const link = page.locator(`${transition.selector}[href="${transition.href}"]`).first();
  await link.hover({ timeout: TIMEOUT_MS });
  await quiet(QUIET_MS);
  await link.click({ timeout: TIMEOUT_MS });
}

/** One run of Folio: the navigation and the way back. */
async function folioRun(browser, transition) {
  const { context, page, quiet, errors } = await open(browser, folioOrigin + transition.from.path, true);
  try {
    const forward = await folioNavigate(page, transition.to, () => hoverAndClick(page, quiet, transition), errors);
    const back = await folioNavigate(
      page,
      transition.from,
      () =>
        page.evaluate(() => {
          window.__nav.start = performance.now();
          history.back();
        }),
      errors,
    );
    return { forward, back };
  } finally {
    await context.close();
  }
}

/** One run of the baseline: the navigation and the way back. */
async function baselineRun(browser, transition) {
  const { context, page, quiet } = await open(browser, baselineOrigin + transition.from.path, false);
  try {
    const forward = await baselineNavigate(page, transition.to.path, () => hoverAndClick(page, quiet, transition));
    await sleep(SETTLE_MS);
    const back = await baselineNavigate(page, transition.from.path, () =>
      page.evaluate(() => {
        sessionStorage.setItem('bench-start', String(performance.timeOrigin + performance.now()));
        history.back();
      }),
    );
    return { forward, back };
  } finally {
    await context.close();
  }
}

/** The navigations this site has links for, read from the baseline's pages, and notes on those it has not. */
async function discover(browser) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const pages = new Map();
  const visit = async (path) => {
    if (pages.has(path)) return pages.get(path);
    const response = await page.goto(baselineOrigin + path, { waitUntil: 'load', timeout: TIMEOUT_MS });
    if (!response || response.status() !== 200) throw new Error(`the baseline's ${path} answered ${response ? response.status() : 'nothing'}`);
    const found = await page.evaluate((links) => {
      const link = (selector) => {
        const a = document.querySelector(selector);
        return a && { href: a.getAttribute('href'), path: new URL(a.href).pathname };
      };
      return {
        heading: document.querySelector('main h1')?.textContent.trim() ?? '',
        scripts: document.scripts.length,
        listed: document.querySelectorAll(links.post).length,
        links: Object.fromEntries(Object.entries(links).map(([name, selector]) => [name, link(selector)])),
      };
    }, LINKS);
    if (found.scripts > 0) throw new Error(`the baseline's ${path} still has ${found.scripts} scripts: is it stripped?`);
    if (!found.heading) throw new Error(`${path} has no main h1 to recognise it by`);
    const visited = { path, ...found };
    pages.set(path, visited);
    return visited;
  };
  const transitions = [];
  const notes = [];
  const add = async (name, back, from, link) => {
    if (!from.links[link]) return false;
    const { href, path } = from.links[link];
    transitions.push({ name, back, from, to: await visit(path), selector: LINKS[link], href });
    return true;
  };
  try {
    const home = await visit('/');
    if (!(await add('home → post', 'back: post → home', home, 'post'))) throw new Error('the home page lists no post');
    let post = await visit(home.links.post.path);
    let looked = 0;
    for (let candidate = post; candidate && looked < SEARCH_POSTS; looked++) {
      if (candidate.links.prev && candidate.links.next && candidate.links.tag) {
        post = candidate;
        break;
      }
      candidate = candidate.links.prev && (await visit(candidate.links.prev.path));
    }
    const fromPost = [
      ['post → previous post', 'back: previous post → post', 'prev'],
      ['post → next post', 'back: next post → post', 'next'],
      ['post → tag page', 'back: tag page → post', 'tag'],
    ];
    for (const [name, back, link] of fromPost) {
      if (!(await add(name, back, post, link))) {
        const why = home.listed === 1 ? 'the site lists one post' : `none of the ${looked} posts looked at has one`;
        notes.push(`${name}: not measured, as there is no link \`${LINKS[link]}\` to follow: ${why}.`);
      }
    }
  } finally {
    await context.close();
  }
  return { transitions, notes };
}

const ms = (value) => `${Math.round(value)} ms`;

// With the back/forward cache, as a reader's Chrome has it (Playwright turns it off).
const browser = await chromium.launch({
  executablePath,
  headless: true,
  ignoreDefaultArgs: ['--disable-back-forward-cache'],
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const results = { browser: `Chromium ${browser.version()}`, runs, throttle: THROTTLE, transitions: [], notes: [] };
try {
  const { transitions, notes } = await discover(browser);
  results.notes = notes;
  for (const note of notes) console.error(`nav.mjs: ${site}: ${note}`);
  for (const transition of transitions) {
    const forward = { name: transition.name, folio: [], baseline: [] };
    const back = { name: transition.back, folio: [], baseline: [] };
    console.error(`nav.mjs: ${site}: ${transition.name}: ${transition.from.path} → ${transition.to.path} (${transition.selector})`);
    for (let run = 1; run <= runs; run++) {
      const folio = await folioRun(browser, transition);
      const plain = await baselineRun(browser, transition);
      forward.folio.push(folio.forward);
      back.folio.push(folio.back);
      forward.baseline.push(plain.forward);
      back.baseline.push(plain.back);
      const tasks = (run) =>
        (run.longestTask ? `, task ${ms(run.longestTask)}` : '') +
        (run.loading ? ', "Loading…" painted' : run.loadingInDom ? ', "Loading…" in the DOM, not painted' : '');
      console.error(
        `run ${run}/${runs} ${site} ${transition.name}: Folio ${ms(folio.forward.ms)}${tasks(folio.forward)}, back ${ms(folio.back.ms)}${tasks(folio.back)}; ` +
          `baseline ${ms(plain.forward.ms)}, back ${ms(plain.back.ms)}${plain.back.restored ? ' (back/forward cache)' : ''}`,
      );
    }
    results.transitions.push(forward, back);
  }
} catch (error) {
  await browser.close();
  fail(error instanceof Error ? error.message : String(error));
}
await browser.close();

const json = JSON.stringify(results, null, 2) + '\n';
if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, json);
else process.stdout.write(json);
