// What every page needs once per sign-in: the business time zone and today, and the agents' names by id.
import { getJson, isSupervisor } from './api.js';
import { businessDate, setTimeZone } from './format.js';

export const context = { agents: new Map(), today: null };

export async function loadContext() {
  context.agents.clear();
  const summary = await getJson('/api/reports/summary', { period: 'today' });
  setTimeZone(summary.timeZone);
  context.today = summary.from ?? businessDate();
  try {
    const report = await getJson('/api/reports/agents', { from: context.today, to: context.today });
    for (const row of report.agents) context.agents.set(row.agentId, row.displayName || row.username);
  } catch { /* names are a nicety: ids are shown instead */ }
  return summary;
}

export function agentName(id) {
  return context.agents.get(id) ?? `Agent ${id}`;
}

/** The agent picker of the filters: supervisors and admins only (telecallers see their own calls anyway). */
export function agentOptions() {
  if (!isSupervisor()) return [];
  return [...context.agents.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => ({ id, name }));
}
