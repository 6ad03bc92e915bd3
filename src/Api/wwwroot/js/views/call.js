// One call: its fields, the recording (fetched with the token into a blob: URL, since an <audio> element cannot send
// an Authorization header), and its change history when the service has that endpoint (hidden on 404/405).
import { apiFetch, getJson, ApiError } from '../api.js';
import { agentName } from '../context.js';
import { h, clear, errorBox, loading, statusChip } from '../dom.js';
import { dateTime, duration, words } from '../format.js';

export const title = 'Call';

export async function render(main, { params: [id] }) {
  clear(main, h('h1', { tabindex: -1 }, 'Call'), loading());
  let call;
  try {
    call = await getJson(`/api/calls/${encodeURIComponent(id)}`);
  } catch (error) {
    const text = error instanceof ApiError && error.status === 404 ? 'No such call, or not one of yours.' : error.message;
    clear(main, h('h1', { tabindex: -1 }, 'Call'), h('p', { class: 'error', role: 'alert', id: 'call-error' }, text), h('p', {}, h('a', { href: '#/calls' }, 'Back to the calls')));
    return;
  }
  const recording = h('section', { 'aria-labelledby': 'recording-title', id: 'recording' }, h('h2', { id: 'recording-title' }, 'Recording'));
  const history = h('section', { 'aria-labelledby': 'history-title', id: 'history', hidden: true }, h('h2', { id: 'history-title' }, 'Change history'));
  clear(main,
    h('p', {}, h('a', { href: '#/calls' }, '← Calls')),
    h('h1', { tabindex: -1 }, `Call to ${call.driverName ?? call.driverId}`),
    details(call), recording, history);

  let objectUrl = null;
  if (call.hasRecording) {
    const button = h('button', { type: 'button', id: 'load-recording' }, 'Load the recording');
    recording.append(button);
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = 'Loading…';
      try {
        const response = await apiFetch(`/api/calls/${encodeURIComponent(call.id)}/recording`, { headers: { accept: 'audio/*' } });
        if (!response.ok) throw new ApiError(response.status, `The recording could not be loaded (${response.status}).`);
        objectUrl = URL.createObjectURL(await response.blob());
        const audio = h('audio', { controls: true, src: objectUrl, id: 'recording-audio', preload: 'auto', 'aria-label': 'Call recording' });
        button.replaceWith(audio);
        audio.focus();
      } catch (error) {
        button.replaceWith(errorBox(error));
      }
    });
  } else {
    recording.append(h('p', { class: 'muted' }, call.final ? 'This call has no recording.' : 'The recording arrives after the call ends.'));
  }

  showHistory(call.id, history);
  return () => { if (objectUrl) URL.revokeObjectURL(objectUrl); };
}

function details(call) {
  const item = (label, value) => value === undefined || value === null || value === '' ? null : h('div', {}, h('dt', {}, label), h('dd', {}, value));
  return h('dl', { class: 'details', id: 'call-details' },
    item('Status', h('span', {}, statusChip(call.status), call.missedBy ? ` by ${call.missedBy}` : '', call.final ? '' : ' (in progress)')),
    item('Agent', agentName(call.agentId)),
    item('Driver', `${call.driverName ?? ''} (${call.driverId})`),
    item('Phone', call.driverPhone),
    item('Placed through', call.provider === 'telecmi' ? 'TeleCMI' : 'Manual'),
    item('Placed at', dateTime(call.createdAt)),
    item('Answered at', dateTime(call.answeredAt)),
    item('Ended at', dateTime(call.endedAt)),
    item('Talk time', duration(call.durationSeconds)),
    item('Hang-up reason', words(call.hangupReason)),
    item('Failure reason', call.failureReason),
    item('Outcome', words(call.outcome)),
    item('Feedback', call.feedback),
    item('Remarks', call.remarks),
    item('Notes', call.notes),
    item('Follow up at', dateTime(call.followUpAt)),
    item('Call id', call.id));
}

// GET /api/calls/{id}/history: [{ occurredAt, actorAgentId, action, changes: [{ field, before, after }] }], oldest
// first. Services without it answer 404/405 and the section stays hidden.
async function showHistory(id, section) {
  let response;
  try { response = await apiFetch(`/api/calls/${encodeURIComponent(id)}/history`); } catch { return; }
  if (!response.ok) return;
  const body = await response.json().catch(() => null);
  const entries = Array.isArray(body) ? body : body?.items ?? [];
  const value = v => (v === null || v === undefined || v === '' ? '—' : v);
  section.append(entries.length
    ? h('ol', { class: 'history', id: 'history-list' }, entries.map(entry => h('li', {},
      h('strong', {}, dateTime(entry.occurredAt)), ' ', words(entry.action), ' by ',
      entry.actorAgentId === null || entry.actorAgentId === undefined ? 'the service' : agentName(entry.actorAgentId),
      h('ul', {}, (entry.changes ?? []).map(c => h('li', {}, `${words(c.field)}: ${value(c.before)} → ${value(c.after)}`))))))
    : h('p', { class: 'muted' }, 'No changes recorded.'));
  section.hidden = false;
}
