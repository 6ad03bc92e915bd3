// What every page needs once per sign-in: the business time zone and today, and the agents' names by id.
import { getJson, isSupervisor } from './api.js';
import { businessDate, setTimeZone } from './format.js';

export const context = { agents: new Map(), today: null };

// The daily report without dates is the cheapest answer that names the time zone and today (its `to`): closed days
// come from the rollup (ADR 0007). The agents' names are asked for at the same time, for the browser's guess of today,
// and again only if the service's today differs.
export async function loadContext() {
  context.agents.clear();
  const guess = businessDate();
  const [daily, agents] = await Promise.all([
    getJson('/api/reports/daily'),
    getJson('/api/reports/agents', { from: guess, to: guess }).catch(() => null),
  ]);
  setTimeZone(daily.timeZone);
  context.today = daily.to ?? businessDate();
  let rows = agents?.agents;
  if (!rows || context.today !== guess) {
    rows = (await getJson('/api/reports/agents', { from: context.today, to: context.today }).catch(() => null))?.agents ?? [];
  }
  // Names are a nicety: ids are shown when they are missing.
  for (const row of rows) context.agents.set(row.agentId, row.displayName || row.username);
}

export function agentName(id) {
  return context.agents.get(id) ?? `Agent ${id}`;
}

/** The agent picker of the filters: supervisors and admins only (telecallers see their own calls anyway). */
export function agentOptions() {
  if (!isSupervisor()) return [];
  return [...context.agents.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => ({ id, name }));
}
