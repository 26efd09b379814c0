// Playwright settings for the end-to-end tests of the release build in dist/, served as deployed:
// by nginx with the shipped deploy/nginx.conf (tests/e2e/serve-nginx.mjs), at / and under a
// sub-path; and by servers that apply only GitHub Pages' and S3 website hosting's rules
// (tests/e2e/serve-host-rules.mjs), for hosting.spec.mjs.
//
// Run from the repo root: npx playwright test -c tests/e2e/playwright.config.mjs (the timing
// tests, tagged @alone, wait for all the others: add --no-deps to run one file's tests alone)
//   E2E_DIST       folder to serve at / (default <repo>/dist)
//   E2E_PORT       port of its nginx on 127.0.0.1 (default 4173)
//   E2E_BASE_DIST  a build made for a sub-path, served under it for base-path.spec.mjs
//                  (default <repo>/target/e2e/dist-under-base, made by `cargo xtask test`)
//   E2E_BASE_PORT  its port (default 4174); E2E_BASE_PATH its path (default /blog/)
//   E2E_FEATURES_DIST  the kitchen-sink fixture site (every feature), built for a sub-path, for
//                  features.spec.mjs (default <repo>/target/e2e/dist-kitchen-sink, made by
//                  `cargo xtask test`); E2E_FEATURES_PORT (4175), E2E_FEATURES_PATH (/kitchen/)
//   E2E_SEARCH_DIST  the search fixture site, built for a sub-path, for search.spec.mjs (default
//                  <repo>/target/e2e/dist-search, made by `cargo xtask test`); E2E_SEARCH_PORT
//                  (4176), E2E_SEARCH_PATH (/find/)
//   GitHub Pages' rules serve E2E_DIST on 4177, S3's on 4178.
// The browser is Debian's Chromium (/usr/bin/chromium); Playwright never downloads one here.

import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.env.E2E_DIST || path.join(here, '..', '..', 'dist'));
const port = Number.parseInt(process.env.E2E_PORT || '4173', 10);
const baseURL = `http://127.0.0.1:${port}`;
const baseDist = path.resolve(process.env.E2E_BASE_DIST || path.join(here, '..', '..', 'target', 'e2e', 'dist-under-base'));
const basePort = Number.parseInt(process.env.E2E_BASE_PORT || '4174', 10);
const basePath = process.env.E2E_BASE_PATH || '/blog/';
const featuresDist = path.resolve(
  process.env.E2E_FEATURES_DIST || path.join(here, '..', '..', 'target', 'e2e', 'dist-kitchen-sink'),
);
const featuresPort = Number.parseInt(process.env.E2E_FEATURES_PORT || '4175', 10);
const featuresPath = process.env.E2E_FEATURES_PATH || '/kitchen/';
const searchDist = path.resolve(process.env.E2E_SEARCH_DIST || path.join(here, '..', '..', 'target', 'e2e', 'dist-search'));
const searchPort = Number.parseInt(process.env.E2E_SEARCH_PORT || '4176', 10);
const searchPath = process.env.E2E_SEARCH_PATH || '/find/';

// Fail at once with a clear message rather than waiting for a server that can only answer 404.
if (!existsSync(path.join(dist, 'index.html'))) {
  throw new Error(`${dist}/index.html is missing: build the release site into dist/ before the e2e tests`);
}
if (!existsSync(path.join(baseDist, 'index.html'))) {
  throw new Error(
    `${baseDist}/index.html is missing: build it with cargo xtask build --base-url http://127.0.0.1:${basePort}${basePath} --dist ${baseDist} (cargo xtask test does)`,
  );
}

if (!existsSync(path.join(featuresDist, 'index.html'))) {
  throw new Error(
    `${featuresDist}/index.html is missing: build it with cargo xtask build --site tests/fixtures/sites/kitchen-sink --base-url http://127.0.0.1:${featuresPort}${featuresPath} --dist ${featuresDist} (cargo xtask test does)`,
  );
}

if (!existsSync(path.join(searchDist, 'index.html'))) {
  throw new Error(
    `${searchDist}/index.html is missing: build it with cargo xtask build --site tests/fixtures/sites/search --base-url http://127.0.0.1:${searchPort}${searchPath} --dist ${searchDist} (cargo xtask test does)`,
  );
}

const GITHUB_PAGES_PORT = 4177;
const S3_PORT = 4178;

// What hosting.spec.mjs asks of each server.
process.env.E2E_NGINX_URL = `${baseURL}/`;
process.env.E2E_NGINX_BASE_URL = `http://127.0.0.1:${basePort}${basePath}`;
process.env.E2E_GHPAGES_URL = `http://127.0.0.1:${GITHUB_PAGES_PORT}/`;
process.env.E2E_S3_URL = `http://127.0.0.1:${S3_PORT}/`;
process.env.E2E_FEATURES_URL = `http://127.0.0.1:${featuresPort}${featuresPath}`;
process.env.E2E_SEARCH_URL = `http://127.0.0.1:${searchPort}${searchPath}`;
process.env.E2E_DIST = dist;
process.env.E2E_BASE_DIST = baseDist;
process.env.E2E_FEATURES_DIST = featuresDist;

/** A server of `folder` on 127.0.0.1:`port` under `base`, started by `script` in this folder. */
function server(script, folder, port, base, env = {}) {
  return {
    command: `node "${path.join(here, script)}" "${folder}"`,
    env: { PORT: String(port), HOST: '127.0.0.1', BASE_PATH: base, ...env },
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    timeout: 15_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 2000 },
    stdout: 'ignore',
    stderr: 'pipe',
  };
}

// Debian's Chromium, as every project launches it.
const chromium = {
  browserName: 'chromium',
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  },
};

// Tests that time page loads (tagged @alone) compare two sets of loads on the same machine;
// beside another test's worker on two cores their samples ranged from 250 to 1,300 ms, and
// the LCP ratio test failed about one run in three. So they run in a project of their own,
// after every other test has finished (`dependencies`), with nothing beside them.
const ALONE = /@alone/;

export default defineConfig({
  testDir: here,
  testMatch: '**/*.spec.mjs',
  outputDir: path.join(here, 'test-results'),
  forbidOnly: true,
  retries: 0,
  workers: 2,
  fullyParallel: true,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    serviceWorkers: 'block',
  },
  webServer: [
    server('serve-nginx.mjs', dist, port, '/'),
    server('serve-nginx.mjs', baseDist, basePort, basePath),
    server('serve-nginx.mjs', featuresDist, featuresPort, featuresPath),
    server('serve-nginx.mjs', searchDist, searchPort, searchPath),
    server('serve-host-rules.mjs', dist, GITHUB_PAGES_PORT, '/', { RULES: 'github-pages' }),
    server('serve-host-rules.mjs', dist, S3_PORT, '/', { RULES: 's3' }),
  ],
  projects: [
    { name: 'chromium', use: chromium, grepInvert: ALONE },
    { name: 'timing', use: chromium, grep: ALONE, dependencies: ['chromium'], fullyParallel: false },
  ],
});
