// Agents: each agent's day (any day) from GET /api/reports/agents; telecallers see their own row.
import { getJson } from '../api.js';
import { context } from '../context.js';
import { h, clear, errorBox, loading } from '../dom.js';
import { agentsTable, field } from './common.js';

export const title = 'Agents';

export async function render(main) {
  const date = h('input', { id: 'agents-date', type: 'date', value: context.today, max: context.today, required: true });
  const result = h('div', { id: 'agents-result' });
  const form = h('form', { class: 'filters', 'aria-label': 'Choose the day' }, field('Day', date), h('button', { type: 'submit' }, 'Show'));
  clear(main, h('h1', { tabindex: -1 }, 'Agents'), form, result);

  const show = async () => {
    clear(result, loading());
    try {
      const report = await getJson('/api/reports/agents', { from: date.value, to: date.value });
      clear(result, report.agents.length
        ? agentsTable(`Each agent's day, ${date.value}`, report.agents, 'agents-table')
        : h('p', {}, 'No agents to show.'));
    } catch (error) {
      clear(result, errorBox(error));
    }
  };
  form.addEventListener('submit', e => { e.preventDefault(); show(); });
  await show();
}
