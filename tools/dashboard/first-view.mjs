// Times the dashboard's first views in Debian's chromium against a running service (bench/dashboard.sh runs it on
// the bench's 1,000,000 calls). For each run, a fresh browser context: open /, sign in, and time from the click to the
// board complete (today's list drawn), and to the live stream connected; then each other page from its link to its
// content drawn. Prints a Markdown table of median and max per view.
//
//   node first-view.mjs <baseUrl> <username> <password> [runs]
import { chromium } from 'playwright-core';

const [baseUrl, username, password, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });

const views = [
  ['today', '#/today', '#hourly-chart svg, #main .error'],
  ['agents', '#/agents', '#agents-table, #agents-result p'],
  ['follow-ups', '#/follow-ups', '#overdue-title ~ :is(div, p)'],
  ['calls', '#/calls', '#calls-table, #calls-results p'],
  ['reports', '#/reports', '#daily-chart svg'],
];
const timings = { 'page load (/ to the sign-in form)': [], 'sign-in to the live board complete (first view)': [], 'sign-in to the stream connected': [] };
for (const [name] of views) timings[`${name} page`] = [];
let boardRows = 0;

for (let run = 0; run < runs; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let t = Date.now();
  await page.goto(baseUrl + '/');
  await page.locator('#username').waitFor();
  timings['page load (/ to the sign-in form)'].push(Date.now() - t);
  await page.fill('#username', username);
  await page.fill('#password', password);
  t = Date.now();
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#board-table tbody tr[data-call-id], #board-table tbody tr.empty'),
    null, { timeout: 60_000, polling: 'raf' });
  timings['sign-in to the live board complete (first view)'].push(Date.now() - t);
  await page.waitForFunction(() => document.querySelector('#stream-state')?.dataset.state === 'live', null, { timeout: 60_000, polling: 'raf' });
  timings['sign-in to the stream connected'].push(Date.now() - t);
  boardRows = await page.locator('#board-table tbody tr[data-call-id]').count();
  for (const [name, hash, ready] of views) {
    t = Date.now();
    await page.evaluate(h => { location.hash = h; }, hash);
    // A page that shows an error instead (e.g. the service's 15 s command timeout) is counted as failed, not timed.
    let failed = 0;
    try {
      await page.locator(`${ready}, #main .error`).first().waitFor({ timeout: 60_000 });
      failed = await page.locator('#main .error').count();
    } catch {
      failed = 1; // not drawn within 60 s
    }
    timings[`${name} page`].push(failed ? Number.NaN : Date.now() - t);
  }
  await context.close();
}
await browser.close();

const ok = xs => xs.filter(x => !Number.isNaN(x));
const median = xs => ok(xs).length ? [...ok(xs)].sort((a, b) => a - b)[Math.floor(ok(xs).length / 2)] : '–';
const max = xs => ok(xs).length ? Math.max(...ok(xs)) : '–';
console.log(`signed in as ${username}; ${runs} runs; the board showed ${boardRows} of today's calls\n`);
console.log('| view | median ms | max ms | failed |\n|---|---:|---:|---:|');
for (const [name, xs] of Object.entries(timings)) console.log(`| ${name} | ${median(xs)} | ${max(xs)} | ${xs.length - ok(xs).length} of ${xs.length} |`);
