// Playwright settings for the end-to-end tests of the release build in dist/.
//
// Run from the repo root: npx playwright test -c tests/e2e/playwright.config.mjs
//   E2E_DIST       folder to serve at / (default <repo>/dist)
//   E2E_PORT       port of that server on 127.0.0.1 (default 4173)
//   E2E_BASE_DIST  a build made for a sub-path, served under it for base-path.spec.mjs
//                  (default <repo>/target/e2e/dist-under-base, made by `cargo xtask test`)
//   E2E_BASE_PORT  its port (default 4174); E2E_BASE_PATH its path (default /blog/)
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

// Fail at once with a clear message rather than waiting for a server that can only answer 404.
if (!existsSync(path.join(dist, 'index.html'))) {
  throw new Error(`${dist}/index.html is missing: build the release site into dist/ before the e2e tests`);
}
if (!existsSync(path.join(baseDist, 'index.html'))) {
  throw new Error(
    `${baseDist}/index.html is missing: build it with cargo xtask build --base-url http://127.0.0.1:${basePort}${basePath} --dist ${baseDist} (cargo xtask test does)`,
  );
}

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
    {
      command: `node "${path.join(here, 'serve-dist.mjs')}" "${dist}"`,
      env: { PORT: String(port), HOST: '127.0.0.1', BASE_PATH: '/' },
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 15_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node "${path.join(here, 'serve-dist.mjs')}" "${baseDist}"`,
      env: { PORT: String(basePort), HOST: '127.0.0.1', BASE_PATH: basePath },
      url: `http://127.0.0.1:${basePort}${basePath}`,
      reuseExistingServer: false,
      timeout: 15_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
  projects: [
    {
      name: 'chromium',
      use: {
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
      },
    },
  ],
});
