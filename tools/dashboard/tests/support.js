// What the dashboard tests share: signing in through the page, the API as a test client (to place calls through the
// stand-in), and the axe check.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const users = {
  supervisor: { username: 'sunita', password: 'sunita-demo-pass' },
  caller: { username: 'asha', password: 'asha-demo-pass' },
  otherCaller: { username: 'ravi', password: 'ravi-demo-pass' },
};

export async function signIn(page, user) {
  await page.goto('/');
  await page.getByLabel('Username or mobile number').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#who-name')).toContainText(user.username);
}

/** The page's own navigation (a same-document fragment change: the in-memory token stays). */
export async function open(page, hash) {
  await page.evaluate(h => { location.hash = h; }, hash);
  await expect(page.locator('main h1')).toBeVisible();
}

export async function tokenOf(request, user) {
  const response = await request.post('/api/auth/token', { data: user });
  expect(response.status()).toBe(200);
  return (await response.json()).accessToken;
}

export async function placeCall(request, token, body) {
  const response = await request.post('/api/calls', { data: body, headers: { authorization: `Bearer ${token}` } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

export async function untilFinal(request, token, id, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const call = await (await request.get(`/api/calls/${id}`, { headers: { authorization: `Bearer ${token}` } })).json();
    if (call.final) return call;
    if (Date.now() > deadline) throw new Error(`call ${id} not final after ${timeoutMs} ms (status ${call.status})`);
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/** axe-core (WCAG 2.1 A/AA rules): no serious or critical violation. */
export async function expectAccessible(page, name) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`),
    `axe on ${name}`).toEqual([]);
}

export async function screenshot(page, name) {
  const dir = process.env.DASHBOARD_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
