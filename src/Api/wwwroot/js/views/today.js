// Today at a glance: the summary's figures, one row per agent, and calls per hour (answered vs missed).
import { getJson } from '../api.js';
import { context } from '../context.js';
import { h, clear, errorBox, loading } from '../dom.js';
import { barChart } from '../chart.js';
import { businessHour, dayStart, number } from '../format.js';
import { agentsTable, figureCards } from './common.js';

export const title = 'Today';
// The hourly chart counts the day's calls from the list (the reports have no hours); a busy day is capped here.
const MAX_CALL_PAGES = 10;

export async function render(main) {
  const figures = h('section', { 'aria-labelledby': 'today-figures' }, h('h2', { id: 'today-figures' }, 'At a glance'), loading());
  const hours = h('section', { 'aria-labelledby': 'today-hours' }, h('h2', { id: 'today-hours' }, 'Calls per hour'), loading());
  const perAgent = h('section', { 'aria-labelledby': 'today-agents' }, h('h2', { id: 'today-agents' }, 'Per agent'), loading());
  clear(main, h('h1', { tabindex: -1 }, `Today, ${context.today}`), figures, hours, perAgent);

  await Promise.all([
    getJson('/api/reports/summary', { period: 'today' }).then(summary => {
      figures.lastElementChild.replaceWith(figureCards(summary.totals, [
        ['Missed', number(summary.totals.missed)],
        ['In progress', number(summary.totals.inProgress)],
        ['Agents with calls', number(summary.agentsWithCalls)],
        ['Follow-ups due today', number(summary.followUps?.dueToday)],
        ['Follow-ups overdue', number(summary.followUps?.overdue)],
      ]));
    }).catch(e => figures.lastElementChild.replaceWith(errorBox(e))),
    getJson('/api/reports/agents', { from: context.today, to: context.today }).then(report => {
      perAgent.lastElementChild.replaceWith(agentsTable("Each agent's figures today", report.agents, 'today-agents-table'));
    }).catch(e => perAgent.lastElementChild.replaceWith(errorBox(e))),
    hourly().then(chart => hours.lastElementChild.replaceWith(chart)).catch(e => hours.lastElementChild.replaceWith(errorBox(e))),
  ]);
}

async function hourly() {
  const answered = new Array(24).fill(0), missed = new Array(24).fill(0);
  let cursor = null, pages = 0, counted = 0;
  do {
    const page = await getJson('/api/calls', { from: dayStart(context.today), limit: 200, includeTotal: false, cursor });
    for (const call of page.items) {
      const hour = businessHour(call.createdAt);
      if (call.answeredAt || call.status === 'answered' || call.status === 'completed') answered[hour]++;
      else if (call.status === 'missed') missed[hour]++;
      counted++;
    }
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < MAX_CALL_PAGES);
  const labels = answered.map((_, i) => String(i).padStart(2, '0'));
  const total = (a) => a.reduce((x, y) => x + y, 0);
  const figure = barChart({
    id: 'hourly-chart',
    title: 'Calls per hour today, answered and missed',
    description: `${total(answered)} answered and ${total(missed)} missed calls, by the hour they were placed.`,
    labels,
    labelEvery: 3,
    series: [{ name: 'answered', className: 'series-answered', values: answered }, { name: 'missed', className: 'series-missed', values: missed }],
  });
  if (cursor) figure.append(h('figcaption', { class: 'muted' }, `From the latest ${number(counted)} calls of the day.`));
  return figure;
}

