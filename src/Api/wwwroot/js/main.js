// The shell: sign-in gate, the fragment router (/#/calls/…; no server fallback needed), the nav and focus.
import { currentUser, onSignedOut, signOut } from './api.js';
import { loadContext } from './context.js';
import { h, clear, errorBox } from './dom.js';
import * as signInView from './views/signin.js';
import * as board from './views/board.js';
import * as today from './views/today.js';
import * as agents from './views/agents.js';
import * as followUps from './views/followups.js';
import * as calls from './views/calls.js';
import * as call from './views/call.js';
import * as reports from './views/reports.js';

const routes = [
  [/^#\/board$/, board],
  [/^#\/today$/, today],
  [/^#\/agents$/, agents],
  [/^#\/follow-ups$/, followUps],
  [/^#\/calls(?:\?.*)?$/, calls],
  [/^#\/calls\/([^/?]+)$/, call],
  [/^#\/reports$/, reports],
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let leave = null;
let wanted = null;

async function route() {
  if (leave) { leave(); leave = null; }
  const hash = location.hash || '#/board';
  const user = currentUser();
  nav.hidden = who.hidden = !user;
  if (!user) {
    if (hash !== '#/sign-in') wanted = hash;
    document.title = 'Sign in · TeleCmi dashboard';
    signInView.render(main, { onSignedIn });
    return;
  }
  const match = routes.map(([pattern, view]) => [pattern.exec(hash), view]).find(([m]) => m);
  if (!match) { location.replace('#/board'); return; }
  const [groups, view] = match;
  document.getElementById('who-name').textContent = `${user.username} (${user.role})`;
  for (const link of nav.querySelectorAll('a')) {
    const current = hash === link.getAttribute('href') || (link.getAttribute('href') === '#/calls' && hash.startsWith('#/calls'));
    if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  document.title = `${view.title} · TeleCmi dashboard`;
  try {
    leave = (await view.render(main, { params: groups.slice(1).map(decodeURIComponent), hash })) ?? null;
  } catch (error) {
    clear(main, h('h1', { tabindex: -1 }, view.title), errorBox(error));
  }
}

async function onSignedIn() {
  await loadContext();
  const target = wanted && wanted !== '#/sign-in' ? wanted : '#/board';
  wanted = null;
  if (location.hash === target) await route(); else location.hash = target;
  main.querySelector('h1')?.focus();
}

/** After a navigation, move focus to the new page's heading so keyboard and screen-reader users start there. */
window.addEventListener('hashchange', async () => {
  await route();
  main.querySelector('h1')?.focus();
});

// The fragment is the router's: the skip link moves focus itself instead of changing it.
document.querySelector('.skip-link').addEventListener('click', event => {
  event.preventDefault();
  main.focus();
});
document.getElementById('sign-out').addEventListener('click', () => signOut());
onSignedOut(reason => {
  if (leave) { leave(); leave = null; }
  signInView.setNotice(reason === 'expired' ? 'Your session has ended. Sign in again.' : 'You are signed out.');
  if (location.hash !== '#/sign-in') wanted = location.hash || wanted;
  route();
});

route();
