import { h, table } from '../dom.js';
import { duration, number, percent } from '../format.js';

/** The headline figures of a report's CallFigures as cards. */
export function figureCards(figures, extra = []) {
  const card = (label, value, id) => h('div', { class: 'figure', id }, h('dt', {}, label), h('dd', {}, value));
  return h('dl', { class: 'figures' },
    card('Calls', number(figures.calls), 'figure-calls'),
    card('Answered', number(figures.answered), 'figure-answered'),
    card('Connect rate', percent(figures.connectRate), 'figure-connect-rate'),
    card('Talk time', duration(figures.talkSeconds), 'figure-talk-time'),
    card('Not placed', number(figures.notPlaced), 'figure-not-placed'),
    extra.map(([label, value]) => card(label, value)));
}

export const agentHeaders = ['Agent', 'Calls', 'Answered', 'Completed', 'Missed', 'Not placed', 'Connect rate', 'Talk time', 'Average talk'];

/** One row per agent of GET /api/reports/agents. */
export function agentsTable(caption, rows, id) {
  return table(caption, agentHeaders, rows.map(row => {
    const f = row.figures;
    return h('tr', { dataset: { agentId: row.agentId } },
      h('th', { scope: 'row' }, row.displayName || row.username, row.isActive === false ? ' (inactive)' : ''),
      h('td', {}, number(f.calls)), h('td', {}, number(f.answered)), h('td', {}, number(f.completed)),
      h('td', {}, number(f.missed)), h('td', {}, number(f.notPlaced)), h('td', {}, percent(f.connectRate)),
      h('td', {}, duration(f.talkSeconds)), h('td', {}, duration(f.averageTalkSeconds)));
  }), { id });
}

/** A labelled form control. */
export function field(label, control) {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

export function select(id, name, options, value) {
  return h('select', { id, name },
    options.map(([v, text]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, text)));
}
