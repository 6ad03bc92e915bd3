// GET /api/calls/events read with fetch() (EventSource cannot send an Authorization header) and parsed as the
// HTML standard's event-stream format. Reconnects after a drop with Last-Event-ID, so no change is lost.
import { apiFetch } from './api.js';

/**
 * Opens the live call stream. `onCall(call)` gets each `call` event's JSON; `onState(state)` gets
 * 'connecting' | 'live' | 'reconnecting' | 'unavailable' (the service has no stream: 404/405) | 'closed'.
 * Returns a function that closes the stream.
 */
export function openCallStream({ onCall, onState }) {
  const controller = new AbortController();
  let lastEventId = null;
  let retryMs = 2000;

  const dispatch = event => {
    if (event.id !== null) lastEventId = event.id;
    if (!event.data.length || event.type !== 'call') return;
    try { onCall(JSON.parse(event.data.join('\n'))); } catch (e) { console.warn('unreadable call event', e); }
  };

  async function readOnce() {
    const headers = { accept: 'text/event-stream' };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    const response = await apiFetch('/api/calls/events', { headers, signal: controller.signal });
    if (response.status === 404 || response.status === 405) return 'unavailable';
    if (response.status === 401 || response.status === 403) return 'closed';
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    onState('live');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = { type: 'message', data: [], id: null };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'ended';
      buffer += value;
      let end;
      while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
        // A lone \r at the end of a chunk may be the first half of \r\n: wait for the next chunk.
        if (buffer[end] === '\r' && end === buffer.length - 1) break;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
        if (line === '') {
          dispatch(event);
          event = { type: 'message', data: [], id: null };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? '' : line.slice(colon + 1);
        if (text.startsWith(' ')) text = text.slice(1);
        if (field === 'event') event.type = text;
        else if (field === 'data') event.data.push(text);
        else if (field === 'id' && !text.includes('\0')) event.id = text;
        else if (field === 'retry' && /^\d+$/.test(text)) retryMs = Number(text);
      }
    }
  }

  (async () => {
    onState('connecting');
    while (!controller.signal.aborted) {
      let result;
      try { result = await readOnce(); } catch (e) { if (controller.signal.aborted) return; result = 'error'; }
      if (controller.signal.aborted) return;
      if (result === 'unavailable' || result === 'closed') { onState(result); return; }
      onState('reconnecting');
      await new Promise(resolve => setTimeout(resolve, retryMs));
    }
  })();

  return () => controller.abort();
}
