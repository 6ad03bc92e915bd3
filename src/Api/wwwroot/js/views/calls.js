// Call search with the list's filters (kept in the URL's fragment, so a search can be bookmarked), keyset paging,
// and a CSV export of the same filters.
import { download, getJson } from '../api.js';
import { agentName, agentOptions } from '../context.js';
import { h, clear, table, statusChip, errorBox, loading, announce } from '../dom.js';
import { dayEnd, dayStart, duration, dateTime, words } from '../format.js';
import { field, select } from './common.js';

export const title = 'Calls';
const STATUSES = ['initiating', 'initiated', 'ringing', 'answered', 'completed', 'missed', 'failed', 'unknown', 'not_placed'];
const OUTCOMES = ['connected', 'not_reachable', 'busy', 'wrong_number', 'call_back_later', 'interested', 'not_interested', 'other'];

export async function render(main, { hash }) {
  const saved = new URLSearchParams(hash.split('?')[1] ?? '');
  const agents = agentOptions();
  const controls = {
    agentId: agents.length ? select('filter-agent', 'agentId', [['', 'All agents'], ...agents.map(a => [a.id, a.name])], saved.get('agentId')) : null,
    driverId: h('input', { id: 'filter-driver', name: 'driverId', value: saved.get('driverId') ?? '', autocomplete: 'off' }),
    provider: select('filter-provider', 'provider', [['', 'Any'], ['telecmi', 'TeleCMI'], ['manual', 'Manual']], saved.get('provider')),
    status: select('filter-status', 'status', [['', 'Any'], ...STATUSES.map(s => [s, words(s)])], saved.get('status')),
    outcome: select('filter-outcome', 'outcome', [['', 'Any'], ...OUTCOMES.map(o => [o, words(o)])], saved.get('outcome')),
    from: h('input', { id: 'filter-from', name: 'from', type: 'date', value: saved.get('from') ?? '' }),
    to: h('input', { id: 'filter-to', name: 'to', type: 'date', value: saved.get('to') ?? '' }),
  };
  const message = h('p', { id: 'calls-message', role: 'status', class: 'muted' });
  const exportButton = h('button', { type: 'button', id: 'export-csv' }, 'Export CSV');
  const form = h('form', { class: 'filters', id: 'calls-filters', 'aria-label': 'Call filters' },
    controls.agentId ? field('Agent', controls.agentId) : null,
    field('Driver id', controls.driverId),
    field('Placed through', controls.provider),
    field('Status', controls.status),
    field('Outcome', controls.outcome),
    field('From (day)', controls.from),
    field('To (day)', controls.to),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Search'), exportButton));
  const results = h('div', { id: 'calls-results' });
  const more = h('button', { type: 'button', id: 'calls-more', hidden: true }, 'Show more');
  clear(main, h('h1', { tabindex: -1 }, 'Calls'), form, message, results, more);

  const filters = () => {
    const values = {};
    for (const [key, control] of Object.entries(controls)) if (control?.value) values[key] = control.value.trim();
    return values;
  };
  const apiFilters = f => ({ ...f, from: f.from ? dayStart(f.from) : undefined, to: f.to ? dayEnd(f.to) : undefined });

  let cursor = null, body = null;
  const search = async (append) => {
    const f = filters();
    if (!append) {
      history.replaceState(null, '', `#/calls${Object.keys(f).length ? '?' + new URLSearchParams(f) : ''}`);
      clear(results, loading('Searching…'));
      cursor = null;
    }
    try {
      const page = await getJson('/api/calls', { ...apiFilters(f), limit: 50, cursor: append ? cursor : undefined, includeTotal: append ? undefined : true });
      if (!append) {
        const wrap = table('Calls matching the filters, newest first', ['Placed', 'Agent', 'Driver', 'Phone', 'Status', 'Talk time', 'Outcome', 'Feedback'], [], { id: 'calls-table' });
        body = wrap.querySelector('tbody');
        clear(results, wrap);
        message.textContent = page.total === null || page.total === undefined ? '' : `${page.total} calls match.`;
      }
      for (const call of page.items) body.append(rowOf(call));
      if (!append && !page.items.length) clear(results, h('p', {}, 'No calls match.'));
      cursor = page.nextCursor;
      more.hidden = !cursor;
    } catch (error) {
      clear(results, errorBox(error));
      more.hidden = true;
    }
  };

  form.addEventListener('submit', e => { e.preventDefault(); search(false); });
  more.addEventListener('click', () => search(true));
  exportButton.addEventListener('click', async () => {
    exportButton.disabled = true;
    message.textContent = 'Preparing the CSV file…';
    try {
      const name = await download('/api/calls/export', apiFilters(filters()), 'calls.csv');
      message.textContent = `Downloaded ${name}.`;
      announce(`Downloaded ${name}.`);
    } catch (error) {
      message.textContent = '';
      results.prepend(errorBox(error));
    } finally {
      exportButton.disabled = false;
    }
  });
  await search(false);
}

function rowOf(call) {
  return h('tr', { dataset: { callId: call.id, status: call.status } },
    h('td', {}, h('a', { href: `#/calls/${encodeURIComponent(call.id)}` }, dateTime(call.createdAt))),
    h('td', {}, agentName(call.agentId)),
    h('td', {}, call.driverName ?? call.driverId),
    h('td', {}, call.driverPhone ?? ''),
    h('td', {}, statusChip(call.status)),
    h('td', {}, duration(call.durationSeconds)),
    h('td', {}, words(call.outcome)),
    h('td', {}, call.feedback ?? ''));
}
