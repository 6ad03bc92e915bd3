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

  const show = () => Promise.all([
    fill(due, 'today', 'Follow-ups due today', agent.value),
    fill(overdue, 'overdue', 'Overdue follow-ups', agent.value),
  ]);
  form?.addEventListener('submit', e => { e.preventDefault(); show(); });
  await show();
}

async function fill(section, due, caption, agentId) {
  const place = section.lastElementChild;
  try {
    const page = await getJson('/api/follow-ups', { due, agentId, limit: 200 });
    const rows = page.items.map(f => h('tr', { class: f.overdue ? 'overdue' : null },
      h('td', {}, dateTime(f.followUpAt)),
      h('td', {}, f.driverName ?? f.driverId),
      h('td', {}, f.driverPhone ?? ''),
      h('td', {}, agentName(f.agentId)),
      h('td', {}, words(f.lastOutcome)),
      h('td', {}, f.lastFeedback ?? ''),
      h('td', {}, statusChip(f.lastStatus), ' ', h('a', { href: `#/calls/${encodeURIComponent(f.callId)}` }, 'last call'))));
    place.replaceWith(rows.length
      ? h('div', {}, table(`${caption} (${page.total ?? rows.length})`, ['Follow up at', 'Driver', 'Phone', 'Agent', 'Last outcome', 'Last feedback', 'Last call'], rows))
      : h('p', {}, due === 'today' ? 'Nothing due today.' : 'Nothing overdue.'));
  } catch (error) {
    place.replaceWith(errorBox(error));
  }
}
