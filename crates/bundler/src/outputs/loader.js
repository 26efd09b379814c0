// Starts Folio's app on a built page. folio-bundler writes this file into dist/ as
// loader-<hash>.js and every page loads it (crates/bundler/src/outputs/scripts.rs).
//
// The built page is readable and its links work before the app runs, so the app waits for the
// page's first contentful paint instead of competing with it for the network and the CPU. The
// app adopts the built page as it is, with no data (the search page's head preloads the site
// settings the app shows it with).
//
// <template id="folio-app"> holds what trunk wrote to fetch the app: the preloads of its JS and
// wasm, with their integrity, and in data-start its loader, moved into a file of its own. After
// the paint, the preloads go into the head and trunk's loader is imported.

const app = document.getElementById('folio-app');

// A fault in the app (a panic stops its wasm for good) leaves the page as it is, readable, with
// a notice at the top and a link that loads the page again (rel="external": the app's router,
// which may still run in part, leaves it to the browser).
function failed(event) {
  if (String(event.error || event.reason).startsWith('RuntimeError') && !document.getElementById('app-failed')) {
    document.body.insertAdjacentHTML('afterbegin', '<p id="app-failed" role="alert">Something went wrong in this page. <a rel="external">Reload the page</a></p>');
    document.querySelector('#app-failed a').href = location.href;
  }
}
addEventListener('error', failed);
addEventListener('unhandledrejection', failed);

/** Resolves once the page has painted its content, or at once if there is nothing to wait for. */
function firstContentfulPaint() {
  return new Promise((resolve) => {
    const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (!document.getElementById('folio-page') || !types.includes('paint')) {
      resolve();
      return;
    }
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) start();
    });
    // A page that does not paint (one opened in a background tab, say) still gets its app.
    const timer = setTimeout(start, 3000);
    function start() {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe({ type: 'paint', buffered: true });
  });
}

if (app) {
  await firstContentfulPaint();
  document.head.append(app.content.cloneNode(true));
  await import(app.dataset.start);
}

// Reading offline (sw.js, when site.toml does not turn it off): the worker keeps the app and what
// the reader opens. Registered once the app has started, so it never delays the page.
const worker = document.querySelector('link[rel="manifest"]')?.dataset.worker;
if (worker && navigator.serviceWorker) navigator.serviceWorker.register(worker, { updateViaCache: 'none' }).catch(() => {});
