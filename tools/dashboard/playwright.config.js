// Playwright drives Debian's chromium (apt); no browser is downloaded. scripts/dashboard-check.sh starts the service
// and sets DASHBOARD_BASE_URL; CHROMIUM_PATH overrides /usr/bin/chromium.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  fullyParallel: false,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: process.env.DASHBOARD_BASE_URL ?? 'http://127.0.0.1:5080',
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required'],
    },
  },
});
