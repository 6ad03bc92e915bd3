// Follow-ups: drivers to call back today (due) and those whose time has passed (overdue).
import { getJson, isSupervisor } from '../api.js';
import { agentName, agentOptions } from '../context.js';
import { h, clear, table, errorBox, loading, statusChip } from '../dom.js';
import { dateTime, words } from '../format.js';
import { field, select } from './common.js';

export const title = 'Follow-ups';

export async function render(main) {
  const agent = select('follow-ups-agent', 'agentId', [['', 'All agents'], ...agentOptions().map(a => [a.id, a.name])], '');
  const form = isSupervisor()
    ? h('form', { class: 'filters', 'aria-label': 'Follow-up filters' }, field('Agent', agent), h('button', { type: 'submit' }, 'Show'))
    : null;
  const due = h('section', { 'aria-labelledby': 'due-title' }, h('h2', { id: 'due-title' }, 'Due today'), loading());
  const overdue = h('section', { 'aria-labelledby': 'overdue-title' }, h('h2', { id: 'overdue-title' }, 'Overdue'), loading());
  clear(main, h('h1', { tabindex: -1 }, 'Follow-ups'), form, due, overdue);

  // The API lists one agent's follow-ups (the caller's own by default): "all agents" asks for each agent's.
  const agentIds = () => agent.value ? [agent.value] : isSupervisor() ? agentOptions().map(a => a.id) : [undefined];
  const show = () => Promise.all([
    fill(due, 'today', 'Follow-ups due today', agentIds()),
    fill(overdue, 'overdue', 'Overdue follow-ups', agentIds()),
  ]);
  form?.addEventListener('submit', e => { e.preventDefault(); show(); });
  await show();
}

async function fill(section, due, caption, agentIds) {
  const place = section.lastElementChild;
  try {
    const pages = await Promise.all(agentIds.map(agentId => getJson('/api/follow-ups', { due, agentId, limit: 200 })));
    const items = pages.flatMap(p => p.items).sort((a, b) => Date.parse(a.followUpAt) - Date.parse(b.followUpAt));
    const total = pages.reduce((sum, p) => sum + (p.total ?? p.items.length), 0);
    const rows = items.map(f => h('tr', { class: f.overdue ? 'overdue' : null },
      h('td', {}, dateTime(f.followUpAt)),
      h('td', {}, f.driverName ?? f.driverId),
      h('td', {}, f.driverPhone ?? ''),
      h('td', {}, agentName(f.agentId)),
      h('td', {}, words(f.lastOutcome)),
      h('td', {}, f.lastFeedback ?? ''),
      h('td', {}, statusChip(f.lastStatus), ' ', h('a', { href: `#/calls/${encodeURIComponent(f.callId)}` }, 'last call'))));
    place.replaceWith(rows.length
      ? h('div', {}, table(`${caption} (${total})`, ['Follow up at', 'Driver', 'Phone', 'Agent', 'Last outcome', 'Last feedback', 'Last call'], rows))
      : h('p', {}, due === 'today' ? 'Nothing due today.' : 'Nothing overdue.'));
  } catch (error) {
    place.replaceWith(errorBox(error));
  }
}
