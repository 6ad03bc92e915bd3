// Dates and numbers as people read them. "Today" and every day are the business's (the reports' time zone, which
// the first report tells us), not the browser's.

export const business = { timeZone: 'Asia/Kolkata' };

export function setTimeZone(timeZone) {
  if (timeZone) business.timeZone = timeZone;
}

/** yyyy-MM-dd of an instant in the business time zone. */
export function businessDate(instant = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: business.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(instant);
  const get = type => parts.find(p => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function addDays(date, days) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "+05:30": the business time zone's offset on that date. */
function offsetOn(date) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: business.timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`)).find(p => p.type === 'timeZoneName').value;
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return match ? `${match[1]}:${match[2] ?? '00'}` : '+00:00';
}

/** The first instant of a business day, as the API's `from` (ISO 8601 with offset). */
export function dayStart(date) {
  return `${date}T00:00:00${offsetOn(date)}`;
}

/** The last instant of a business day, as the API's inclusive `to`. */
export function dayEnd(date) {
  return `${date}T23:59:59.999${offsetOn(date)}`;
}

/** The business hour (0-23) of an instant. */
export function businessHour(iso) {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: business.timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso)));
}

export function time(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-IN', { timeZone: business.timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
    .format(new Date(iso));
}

export function dateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-IN', { timeZone: business.timeZone, dateStyle: 'medium', timeStyle: 'short', hour12: false })
    .format(new Date(iso));
}

export function shortDate(date) {
  return new Intl.DateTimeFormat('en-IN', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date(`${date}T00:00:00Z`));
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), rest = s % 60;
  const two = n => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(rest)}` : `${m}:${two(rest)}`;
}

export function percent(ratio) {
  if (ratio === null || ratio === undefined) return '–';
  // connectRate is answered / calls, a share from 0 to 1.
  return `${(ratio * 100).toFixed(1)}%`;
}

export function number(n) {
  return (n ?? 0).toLocaleString('en-IN');
}

export function words(value) {
  return value ? String(value).replace(/_/g, ' ') : '';
}
