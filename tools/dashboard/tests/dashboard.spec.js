// The dashboard in a real browser against the running service (Development: demo accounts, the TeleCMI stand-in).
import { test, expect } from '@playwright/test';
import { users, signIn, open, tokenOf, placeCall, untilFinal, expectAccessible, screenshot } from './support.js';

const data = {};

test.beforeAll(async ({ playwright }, info) => {
  const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
  data.callerToken = await tokenOf(request, users.caller);
  const completed = await placeCall(request, data.callerToken, { driverId: 'DRV-1002' });
  const missed = await placeCall(request, data.callerToken, { driverId: 'DRV-1003', phone: '+919876500001' });
  data.completed = await untilFinal(request, data.callerToken, completed.id);
  data.missed = await untilFinal(request, data.callerToken, missed.id);
  const followUpAt = new Date(Date.now() + 10 * 60_000).toISOString();
  const feedback = await request.put(`/api/calls/${data.completed.id}/feedback`, {
    headers: { authorization: `Bearer ${data.callerToken}` },
    data: { outcome: 'call_back_later', feedback: 'Two trucks free next week', followUpAt },
  });
  expect(feedback.status(), await feedback.text()).toBe(200);
  await request.dispose();
});

test('bad credentials show an error and do not sign in', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Username or mobile number').fill('sunita');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  await expect(page.locator('#nav')).toBeHidden();
  await expect(page.getByLabel('Password')).toBeFocused();
});

test('signing in opens the live board with today\'s calls, and keeps the token out of web storage', async ({ page }) => {
  const started = Date.now();
  await signIn(page, users.supervisor);
  await expect(page.locator(`#board-table tr[data-call-id="${data.completed.id}"]`)).toHaveAttribute('data-status', 'completed');
  const firstViewMs = Date.now() - started;
  console.log(`first view (sign-in to a filled board): ${firstViewMs} ms`);

  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  expect(stored).toBe('{}{}');
});

test('a call placed through the stand-in moves from initiated to completed on the live board without reload', async ({ page, request }) => {
  await signIn(page, users.supervisor);
  await expect(page.locator('#stream-state')).toHaveAttribute('data-state', 'live');
  // Every status each row shows, in order, and a marker that a reload would wipe.
  await page.evaluate(() => {
    window.__notReloaded = true;
    window.__seen = [];
    const body = document.querySelector('#board-table tbody');
    const record = () => {
      for (const row of body.querySelectorAll('tr[data-call-id]')) {
        const entry = `${row.dataset.callId}:${row.dataset.status}`;
        if (!window.__seen.includes(entry)) window.__seen.push(entry);
      }
    };
    new MutationObserver(record).observe(body, { childList: true, subtree: true, attributes: true });
  });

  const call = await placeCall(request, data.callerToken, { driverId: 'DRV-1004' });
  const row = page.locator(`#board-table tr[data-call-id="${call.id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });

  const seen = (await page.evaluate(() => window.__seen)).filter(s => s.startsWith(`${call.id}:`)).map(s => s.split(':')[1]);
  expect(seen[0]).toBe('initiated');
  expect(seen.at(-1)).toBe('completed');
  expect(await page.evaluate(() => window.__notReloaded)).toBe(true);
  await expect(row.locator('td').nth(5)).not.toHaveText('');
});

test('the board reads the stream as text/event-stream: several events, CRLF, comments, and reconnects with Last-Event-ID', async ({ page }) => {
  const lastEventIds = [];
  const base = { ...data.completed };
  const event = (id, status) => `event: call\r\nid: ${id}\r\ndata: ${JSON.stringify({ ...base, status, updatedAt: new Date(Date.now() + id * 1000).toISOString() })}\r\n\r\n`;
  await page.route('**/api/calls/events', async route => {
    lastEventIds.push(route.request().headers()['last-event-id'] ?? null);
    if (lastEventIds.length === 1) {
      await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' },
        body: `: keep-alive\n\nretry: 200\n\n${event(41, 'answered')}event: ping\ndata: {}\n\n${event(42, 'missed')}` });
    } else {
      await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: event(43, 'completed') });
    }
  });
  await signIn(page, users.supervisor);
  const row = page.locator(`#board-table tr[data-call-id="${base.id}"]`);
  await expect.poll(() => lastEventIds.length).toBeGreaterThanOrEqual(2);
  expect(lastEventIds[0]).toBeNull();
  expect(lastEventIds[1]).toBe('42');
  await expect(row).toHaveAttribute('data-status', 'completed');
});

test('a recording plays in the call detail', async ({ page }) => {
  await signIn(page, users.supervisor);
  await open(page, `#/calls/${data.completed.id}`);
  await page.getByRole('button', { name: 'Load the recording' }).click();
  const audio = page.locator('#recording-audio');
  await expect(audio).toBeVisible();
  await expect.poll(() => audio.evaluate(a => a.readyState)).toBeGreaterThanOrEqual(3);
  expect(await audio.evaluate(a => a.duration)).toBeGreaterThan(0);
  await audio.evaluate(a => { a.muted = true; return a.play(); });
  await expect.poll(() => audio.evaluate(a => a.currentTime)).toBeGreaterThan(0);
  await expect(page.locator('#call-details')).toContainText('call back later');
});

test('the change history shows when the service answers it, and stays hidden on 404', async ({ page }) => {
  await signIn(page, users.supervisor);
  await open(page, `#/calls/${data.completed.id}`);
  await expect(page.locator('#call-details')).toBeVisible();
  const history = await page.request.get(`/api/calls/${data.completed.id}/history`);
  if (history.status() === 404 || history.status() === 405) await expect(page.locator('#history')).toBeHidden();

  await page.route(`**/api/calls/${data.completed.id}/history`, route => route.fulfill({
    status: 200, contentType: 'application/json',
    body: JSON.stringify([{ id: 1, occurredAt: data.completed.updatedAt, actorAgentId: data.completed.agentId, entityType: 'call',
      entityId: data.completed.id, action: 'feedback', changes: [{ field: 'outcome', before: null, after: 'call_back_later' }] }]),
  }));
  await open(page, '#/board');
  await open(page, `#/calls/${data.completed.id}`);
  await expect(page.locator('#history')).toBeVisible();
  await expect(page.locator('#history-list')).toContainText('feedback by Asha');
  await expect(page.locator('#history-list')).toContainText('outcome: — → call_back_later');

  await page.route(`**/api/calls/${data.completed.id}/history`, route => route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{"status":404}' }));
  await open(page, '#/board');
  await open(page, `#/calls/${data.completed.id}`);
  await expect(page.locator('#call-details')).toBeVisible();
  await expect(page.locator('#history')).toBeHidden();
});

test('CSV export downloads the calls of the current filters', async ({ page }) => {
  await signIn(page, users.supervisor);
  await open(page, '#/calls');
  await page.getByLabel('Status').selectOption('missed');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator(`#calls-table tr[data-call-id="${data.missed.id}"]`)).toBeVisible();
  await expect(page.locator(`#calls-table tr[data-call-id="${data.completed.id}"]`)).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain(data.missed.id);
  expect(csv).not.toContain(data.completed.id);
  await expect(page.locator('#calls-message')).toContainText('Downloaded');
});

test('a telecaller sees their own calls but not another telecaller\'s', async ({ page }) => {
  await signIn(page, users.otherCaller);
  await open(page, `#/calls/${data.completed.id}`);
  await expect(page.locator('#call-error')).toHaveText('No such call, or not one of yours.');
  await open(page, '#/calls');
  await expect(page.locator('#calls-results')).toBeVisible();
  await expect(page.locator(`[data-call-id="${data.completed.id}"]`)).toHaveCount(0);
  await expect(page.getByLabel('Agent')).toHaveCount(0);
  await open(page, '#/board');
  await expect(page.locator('#board-table')).toBeVisible();
  await expect(page.locator(`[data-call-id="${data.completed.id}"]`)).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, users.caller);
  await open(page, '#/calls');
  await expect(page.locator(`#calls-table tr[data-call-id="${data.completed.id}"]`)).toBeVisible();
});

test('signing out returns to the sign-in form', async ({ page }) => {
  await signIn(page, users.supervisor);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status')).toHaveText('You are signed out.');
  await expect(page.locator('#nav')).toBeHidden();
});

test('keyboard: sign-in with Enter after a reload, the nav works with Enter and moves focus to the new page\'s heading', async ({ page }) => {
  await signIn(page, users.supervisor);
  await page.goto('/#/board');
  await page.reload();
  // A reload forgets the in-memory token: the sign-in form again, its first field focused, Enter submits.
  await expect(page.getByLabel('Username or mobile number')).toBeFocused();
  await page.getByLabel('Username or mobile number').fill(users.supervisor.username);
  await page.getByLabel('Password').fill(users.supervisor.password);
  await page.getByLabel('Password').press('Enter');
  await expect(page.locator('main h1')).toHaveText('Live board');

  await page.getByRole('link', { name: 'Reports' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Reports' })).toHaveAttribute('aria-current', 'page');
  await page.locator('#report-agent').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('#report-provider')).toBeFocused();
  // The skip link shows when focused and moves focus to the page's content.
  await page.locator('.skip-link').focus();
  await expect(page.locator('.skip-link')).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

const pages = [
  ['board', '#/board', async page => expect(page.locator(`#board-table tr[data-call-id="${data.completed.id}"]`)).toBeVisible()],
  ['today', '#/today', async page => expect(page.locator('#hourly-chart svg')).toBeVisible()],
  ['agents', '#/agents', async page => expect(page.locator('#agents-table')).toBeVisible()],
  ['follow-ups', '#/follow-ups', async page => expect(page.locator('main')).toContainText('Two trucks free next week')],
  ['calls', '#/calls', async page => expect(page.locator('#calls-table')).toBeVisible()],
  ['call', () => `#/calls/${data.completed.id}`, async page => expect(page.locator('#call-details')).toBeVisible()],
  ['reports', '#/reports', async page => expect(page.locator('#daily-chart svg')).toBeVisible()],
];

test('sign-in page: no serious or critical axe violation (desktop and phone), screenshots', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to the dashboard' })).toBeVisible();
  await expectAccessible(page, 'sign-in');
  await screenshot(page, 'sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'sign-in with an error');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, 'sign-in on a phone');
});

for (const [name, hash, ready] of pages) {
  test(`${name} page: no serious or critical axe violation (desktop and phone), screenshots`, async ({ page }) => {
    await signIn(page, users.supervisor);
    await open(page, typeof hash === 'function' ? hash() : hash);
    await ready(page);
    await expectAccessible(page, name);
    await screenshot(page, name);

    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, `${name} on a phone`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'the page itself does not scroll sideways on a phone (wide tables scroll in their own region)').toBeLessThanOrEqual(0);
    if (name === 'board' || name === 'call') await screenshot(page, `${name}-phone`);
  });
}
