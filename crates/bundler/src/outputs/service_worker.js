// Folio's service worker: reading offline. folio-bundler writes this file into dist/ as sw.js,
// with the build's own values in place of the three constants below
// (crates/bundler/src/outputs/offline.rs); Folio's loader registers it once the app has started.
//
// It keeps two things, and fetches nothing a reader did not ask for:
// - the app (its wasm, JS, style sheet and later modules, whose names carry their content's
//   hash) and the home page with its data and the manifest, kept when the worker is installed,
//   in a cache named after this build: a new deploy is a new worker, which takes over on the
//   next visit and drops the old build's cache, so a page never runs half of one app and half
//   of another. The app's files are answered from the cache; the home page, its data and the
//   manifest, which a deploy of new posts changes without changing the app, from the network
//   first like any page;
// - every page, data document and image a reader opens, kept as it arrives, in a cache named
//   after the data's format, so that what was read stays readable across deploys that do not
//   change the format.
// Online, pages and data come from the network (the kept copy is renewed); offline, from what
// was kept. A page that was never opened answers with a short page that says it was not kept,
// and the app's data requests with 504 and `x-folio-offline: not-kept`, which the app shows as
// such, with a way back to the home page.

const BUILD = '__FOLIO_BUILD__';
const FORMAT = '__FOLIO_FORMAT__';
/** The app's files, named by their content's hash, relative to this file. */
const KEEP = __FOLIO_KEEP__;
/** The home page, its data and the manifest, relative to this file: kept, but renewed. */
const FRESH = __FOLIO_FRESH__;

const APP_CACHE = `folio-app-${BUILD}`;
const READ_CACHE = `folio-read-${FORMAT}`;
const KEPT = new Set(KEEP.map((path) => new URL(path, self.location).href));
const INSTALLED = [...KEPT, ...FRESH.map((path) => new URL(path, self.location).href)];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(APP_CACHE)
      .then((cache) => cache.addAll(INSTALLED))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('folio-') && name !== APP_CACHE && name !== READ_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The app's files never change under their names: the kept copy is the file.
  if (KEPT.has(url.href)) {
    event.respondWith(caches.match(request).then((kept) => kept || fetch(request)));
    return;
  }
  event.respondWith(fromNetworkThenKept(request, event));
});

/** The network's answer, kept for later; or, offline, the kept copy; or why there is none. */
async function fromNetworkThenKept(request, event) {
  try {
    const response = await fetch(request);
    // Whole answers of the site's own (not a range of a video, say): sound and video are left to
    // the network, as they can be far larger than a page.
    const media = request.destination === 'audio' || request.destination === 'video';
    if (response.status === 200 && response.type === 'basic' && !media) {
      const copy = response.clone();
      event.waitUntil(caches.open(READ_CACHE).then((cache) => cache.put(request, copy)));
    }
    return response;
  } catch (error) {
    // What the reader opened last comes first: the home page kept at install may be older.
    const options = { ignoreSearch: request.mode === 'navigate' };
    const read = await caches.open(READ_CACHE).then((cache) => cache.match(request, options));
    const kept = read || (await caches.match(request, options));
    if (kept) return kept;
    return notKept(request);
  }
}

/** The answer for what was never opened online: a page that says so, or a 504 for the app. */
function notKept(request) {
  const headers = { 'x-folio-offline': 'not-kept', 'cache-control': 'no-store' };
  if (request.mode !== 'navigate') return new Response('', { status: 504, headers });
  const home = new URL('./', self.location).href;
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not kept for reading offline</title><main style="max-width:36rem;margin:3rem auto;padding:0 1rem;font:1.1rem/1.5 system-ui,sans-serif"><h1>Not kept for reading offline</h1><p>You are offline, and this page was not opened before on this device, so it was not kept. It will open once you are back online.</p><p><a href="${home}">Go to the home page</a>, which is kept, with every post you have read.</p></main></html>`;
  return new Response(page, { status: 504, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}
