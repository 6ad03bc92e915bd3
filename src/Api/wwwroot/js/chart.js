// Bar charts drawn as inline SVG (nothing vendored): two series side by side per label, with a legend, axis
// labels, a <title>/<desc> for screen readers, and each bar's figures in its own <title> for pointer users.
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

/**
 * labels: string[]; series: [{ name, className, values: number[] }]; title: the chart's accessible name.
 */
export function barChart({ id, title, description, labels, series, labelEvery = 1 }) {
  const width = Math.max(700, labels.length * 24 + 60), height = 220;
  const left = 40, bottom = 30, top = 10, right = 10;
  const plotW = width - left - right, plotH = height - top - bottom;
  const max = Math.max(1, ...series.flatMap(x => x.values));
  const step = niceStep(max);
  const top_ = Math.ceil(max / step) * step;
  const y = v => top + plotH - (v / top_) * plotH;
  const band = plotW / Math.max(1, labels.length);
  const barW = Math.max(2, (band * 0.8) / series.length);

  const titleId = `${id}-title`, descId = `${id}-desc`;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'chart', preserveAspectRatio: 'xMinYMin meet' },
    s('title', { id: titleId }, title),
    s('desc', { id: descId }, description));

  for (let v = 0; v <= top_; v += step) {
    svg.append(s('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), class: 'grid' }));
    svg.append(s('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, v));
  }
  labels.forEach((label, i) => {
    const x0 = left + i * band + band * 0.1;
    series.forEach((serie, k) => {
      const value = serie.values[i] ?? 0;
      const bar = s('rect', { x: x0 + k * barW, y: y(value), width: barW - 1, height: Math.max(0, top + plotH - y(value)), class: serie.className });
      bar.append(s('title', {}, `${label}: ${value} ${serie.name}`));
      svg.append(bar);
    });
    if (i % labelEvery === 0) svg.append(s('text', { x: left + i * band + band / 2, y: height - 10, 'text-anchor': 'middle', class: 'axis' }, label));
  });

  const legend = h('ul', { class: 'legend' }, series.map(x => h('li', {}, h('span', { class: `swatch ${x.className}`, 'aria-hidden': 'true' }), x.name)));
  // On a narrow screen the chart scrolls sideways in a region keyboards can reach.
  return h('figure', { class: 'chart-figure', id }, h('div', { class: 'chart-scroll', role: 'region', 'aria-label': title, tabindex: 0 }, svg), legend);
}

function niceStep(max) {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough || 1));
  for (const m of [1, 2, 5, 10]) if (m * power >= rough) return Math.max(1, m * power);
  return Math.max(1, 10 * power);
}
