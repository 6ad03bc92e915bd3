// The live board: today's calls, newest first, changed in place by the SSE stream (no reload, no polling while
// the stream is up). The stream is opened before the list is read, and a row keeps whichever copy of a call was
// updated last, so a change that happens while the list loads is not lost.
import { getJson } from '../api.js';
import { agentName, context } from '../context.js';
import { h, clear, table, statusChip, announce, errorBox, loading } from '../dom.js';
import { dayStart, duration, time, words } from '../format.js';
import { openCallStream } from '../sse.js';

export const title = 'Live board';
const LIVE = new Set(['initiating', 'initiated', 'ringing', 'answered']);
const MAX_ROWS = 200;

export async function render(main) {
  const calls = new Map();
  const state = h('p', { id: 'stream-state', class: 'stream-state', role: 'status' }, 'Connecting…');
  const counts = h('ul', { class: 'counts', 'aria-label': 'Today so far' });
  const body = h('tbody');
  const list = table("Today's calls, newest first", ['Time', 'Agent', 'Driver', 'Phone', 'Status', 'Talk time', 'Outcome'], [], { id: 'board-table' });
  list.querySelector('tbody').replaceWith(body);
  clear(main,
    h('div', { class: 'page-head' }, h('h1', { tabindex: -1 }, 'Live board'), state),
    counts, list);

  const start = Date.parse(dayStart(context.today));
  let poll = null;

  const upsert = (call, fromStream) => {
    if (Date.parse(call.createdAt) < start) return;
    const known = calls.get(call.id);
    if (known && Date.parse(known.updatedAt) > Date.parse(call.updatedAt)) return;
    calls.set(call.id, call);
    const row = rowOf(call);
    const existing = body.querySelector(`tr[data-call-id="${CSS.escape(call.id)}"]`);
    if (existing) existing.replaceWith(row);
    else insertByTime(body, row, call);
    while (body.rows.length > MAX_ROWS) body.lastElementChild.remove();
    if (fromStream && known && known.status !== call.status) {
      row.classList.add('flash');
      announce(`Call to ${call.driverName ?? call.driverId} is now ${words(call.status)}.`);
    }
    showCounts();
  };

  const showCounts = () => {
    const all = [...calls.values()];
    const count = f => all.filter(f).length;
    clear(counts,
      h('li', {}, h('strong', {}, count(c => LIVE.has(c.status))), ' live'),
      h('li', {}, h('strong', {}, count(c => c.status === 'completed')), ' completed'),
      h('li', {}, h('strong', {}, count(c => c.status === 'missed')), ' missed'),
      h('li', {}, h('strong', {}, count(c => ['failed', 'not_placed', 'unknown'].includes(c.status))), ' failed or not placed'),
      h('li', {}, h('strong', {}, all.length), all.length >= MAX_ROWS ? ` shown (latest ${MAX_ROWS})` : ' calls'));
  };

  const load = async () => {
    const page = await getJson('/api/calls', { from: dayStart(context.today), limit: MAX_ROWS, includeTotal: false });
    for (const call of page.items) upsert(call, false);
    showCounts();
  };

  const close = openCallStream({
    onCall: call => upsert(call, true),
    onState: s => {
      state.dataset.state = s;
      state.textContent = {
        connecting: 'Connecting to the live stream…',
        live: 'Live: changes appear as they happen',
        reconnecting: 'Connection lost: reconnecting…',
        unavailable: 'Live stream unavailable: refreshing every 5 seconds',
        closed: 'Live stream closed',
      }[s] ?? s;
      if (s === 'unavailable' && !poll) poll = setInterval(() => load().catch(() => {}), 5000);
    },
  });

  try {
    body.append(h('tr', {}, h('td', { colspan: 7 }, loading('Loading today’s calls…'))));
    await load();
    body.querySelector('tr:not([data-call-id])')?.remove();
    if (!calls.size) body.append(h('tr', { class: 'empty' }, h('td', { colspan: 7 }, 'No calls yet today.')));
  } catch (error) {
    clear(body, h('tr', {}, h('td', { colspan: 7 }, errorBox(error))));
  }

  return () => { close(); if (poll) clearInterval(poll); };
}

function insertByTime(body, row, call) {
  body.querySelector('tr.empty')?.remove();
  const created = Date.parse(call.createdAt);
  for (const other of body.rows) {
    if (Number(other.dataset.created) < created) { other.before(row); return; }
  }
  body.append(row);
}

function rowOf(call) {
  return h('tr', { dataset: { callId: call.id, status: call.status, created: Date.parse(call.createdAt) } },
    h('td', {}, h('a', { href: `#/calls/${encodeURIComponent(call.id)}` }, time(call.createdAt))),
    h('td', {}, agentName(call.agentId)),
    h('td', {}, call.driverName ?? call.driverId),
    h('td', {}, call.driverPhone ?? ''),
    h('td', { class: 'status-cell' }, statusChip(call.status), call.missedBy ? ` by ${call.missedBy}` : ''),
    h('td', {}, duration(call.durationSeconds)),
    h('td', {}, words(call.outcome)));
}
