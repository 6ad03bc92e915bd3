// The date-range report: GET /api/reports/daily, a chart per day (answered vs missed) and the figures per day.
import { getJson, isSupervisor } from '../api.js';
import { agentOptions, context } from '../context.js';
import { h, clear, table, errorBox, loading } from '../dom.js';
import { barChart } from '../chart.js';
import { addDays, duration, number, percent, shortDate } from '../format.js';
import { field, figureCards, select } from './common.js';

export const title = 'Reports';

export async function render(main) {
  const from = h('input', { id: 'report-from', type: 'date', value: addDays(context.today, -6), max: context.today, required: true });
  const to = h('input', { id: 'report-to', type: 'date', value: context.today, max: context.today, required: true });
  const provider = select('report-provider', 'provider', [['', 'Any'], ['telecmi', 'TeleCMI'], ['manual', 'Manual']], '');
  const agent = isSupervisor() ? select('report-agent', 'agentId', [['', 'All agents'], ...agentOptions().map(a => [a.id, a.name])], '') : null;
  const form = h('form', { class: 'filters', 'aria-label': 'Report range' },
    field('From', from), field('To', to), agent ? field('Agent', agent) : null, field('Placed through', provider),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show')));
  const result = h('div', { id: 'report-result' });
  clear(main, h('h1', { tabindex: -1 }, 'Reports'), form, result);

  const show = async () => {
    clear(result, loading());
    try {
      const report = await getJson('/api/reports/daily', { from: from.value, to: to.value, provider: provider.value, agentId: agent?.value });
      const days = report.days;
      clear(result,
        h('h2', {}, `${report.from} to ${report.to}`),
        figureCards(report.totals, [['Missed', number(report.totals.missed)], ['Average talk', duration(report.totals.averageTalkSeconds)]]),
        barChart({
          id: 'daily-chart',
          title: 'Calls per day, answered and missed',
          description: `${number(report.totals.answered)} answered and ${number(report.totals.missed)} missed calls from ${report.from} to ${report.to}.`,
          labels: days.map(d => shortDate(d.date)),
          labelEvery: Math.max(1, Math.ceil(days.length / 12)),
          series: [
            { name: 'answered', className: 'series-answered', values: days.map(d => d.figures.answered) },
            { name: 'missed', className: 'series-missed', values: days.map(d => d.figures.missed) },
          ],
        }),
        table('Figures per day', ['Day', 'Calls', 'Answered', 'Missed', 'Not placed', 'Connect rate', 'Talk time'],
          days.map(d => h('tr', {},
            h('th', { scope: 'row' }, d.date), h('td', {}, number(d.figures.calls)), h('td', {}, number(d.figures.answered)),
            h('td', {}, number(d.figures.missed)), h('td', {}, number(d.figures.notPlaced)), h('td', {}, percent(d.figures.connectRate)),
            h('td', {}, duration(d.figures.talkSeconds)))), { id: 'daily-table' }));
    } catch (error) {
      clear(result, errorBox(error));
    }
  };
  form.addEventListener('submit', e => { e.preventDefault(); show(); });
  await show();
}
