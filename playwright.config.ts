import { defineConfig } from '@playwright/test';

/**
 * E2e runs in Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH), never a downloaded browser.
 * Each test starts its own browser-mode server on a free port with a temporary data directory
 * (see e2e/fixtures.ts). CLAIMDESK_E2E_TARGET=electron runs the same specs against the desktop app.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
