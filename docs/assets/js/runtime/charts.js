// Every chart of the site, drawn in SVG without a library, from calc's result. This is the
// one place chart geometry is written (it used to be written twice: here and in Jinja).
//
// Why here and not at build time: a chart must be redrawn for the reader's own numbers, so
// the browser needs its geometry anyway, while a build-time copy would be a second drawing
// to keep in step. The worked example stays complete without JavaScript: every number a
// chart shows is also in a pre-rendered table or list next to it (the schedule table, the
// expense legend, the plans table's "一共要付" column, the month-by-month table), which its
// figcaption says; tests/site/test_prerender.py checks those outputs and tables. With
// JavaScript, the example's chart is drawn at once from the result the build embedded in
// the form (script[data-example-result]), before Python has started; the SVG (and a figure
// without a legend) stays hidden until it is drawn (the chart() macro of _fields.html).
//
//   <figure data-chart="KIND" [data-series="KEY"]><svg …></svg>[<ul data-legend>…]</figure>
//   KIND    draws                                   from
//   balance the balance after each period, an area  result.chart.balance, result.principal
//   shares  one bar split into the expense shares   result.chart.expenses (legend: label, amount)
//   bars    one bar per plan, dark when it fits     result.chart.bars, result.options[].fits
//   lines   one balance line per debt               result.chart[data-series], result.chart.months
// Colours are classes yqxs-series-0..5 (widgets.css); a legend item gets data-color=N.

import { svg } from "../lib/common.js";
import { renderItems } from "./render.js";

const SERIES = 6;
const fixed = (n) => n.toFixed(1);

function balance(holder, result) {
  const values = (result.chart.balance || []).map(Number);
  const W = 320, H = 120, P = 4;
  const start = Number(result.principal) || Math.max(...values, 0);
  const top = Math.max(start, 1, ...values);
  const n = Math.max(values.length, 1);
  const y = (v) => fixed(P + (H - 2 * P) * (1 - v / top));
  const pts = [`${P},${y(start)}`, ...values.map((v, i) => `${fixed(P + ((W - 2 * P) * (i + 1)) / n)},${y(v)}`)];
  return {
    viewBox: `0 0 ${W} ${H}`,
    parts: [
      svg("polygon", { points: `${P},${H - P} ${pts.join(" ")} ${W - P},${H - P}`, class: "yqxs-chart__area" }),
      svg("polyline", { points: pts.join(" "), class: "yqxs-chart__line" }),
      svg("line", { x1: P, y1: H - P, x2: W - P, y2: H - P, class: "yqxs-chart__axis" }),
    ],
  };
}

function shares(holder, result) {
  const items = result.chart.expenses || [];
  const W = 320, H = 28;
  let x = 0;
  const parts = [];
  items.forEach((item, i) => {
    const w = W * Number(item.share || 0);
    if (w > 0) parts.push(svg("rect", { x: fixed(x), y: 0, width: fixed(w), height: H, class: `yqxs-chart__part yqxs-series-${i % SERIES}` }));
    x += w;
  });
  return { viewBox: `0 0 ${W} ${H}`, parts, legend: items };
}

function bars(holder, result) {
  const list = result.chart.bars || [];
  const fits = Object.fromEntries((result.options || []).map((o) => [o.key, o.fits]));
  const top = Math.max(1, ...list.map((b) => Number(b.value) || 0));
  const parts = [];
  list.forEach((bar, i) => {
    const y = i * 36;
    const w = (230 * (Number(bar.value) || 0)) / top;
    parts.push(
      svg("text", { x: 0, y: y + 11, class: "yqxs-chart__label" }, bar.label),
      svg("rect", { x: 0, y: y + 15, width: fixed(w), height: 14, class: fits[bar.key] ? "yqxs-chart__bar fits" : "yqxs-chart__bar" }),
      svg("text", { x: fixed(w + 4), y: y + 26, class: "yqxs-chart__label" }, bar.value),
    );
  });
  return { viewBox: `0 0 320 ${Math.max(list.length, 1) * 36}`, parts };
}

function lines(holder, result) {
  const series = (result.chart[holder.dataset.series] || []);
  const months = result.chart.months || [];
  const W = 320, H = 150, P = 6;
  const n = Math.max(months.length - 1, 1);
  const top = Math.max(1, ...series.flatMap((l) => l.balances.map(Number)));
  const parts = [svg("line", { x1: P, y1: H - P, x2: W - P, y2: H - P, class: "yqxs-chart__axis" })];
  series.forEach((line, i) => {
    const pts = line.balances.map((b, m) => `${fixed(P + ((W - 2 * P) * m) / n)},${fixed(P + (H - 2 * P) * (1 - Number(b) / top))}`);
    parts.push(svg("polyline", { points: pts.join(" "), class: `yqxs-chart__series yqxs-series-${i % SERIES}` }));
  });
  return { viewBox: `0 0 ${W} ${H}`, parts, legend: series.map((l) => ({ label: l.label })) };
}

const KINDS = { balance, shares, bars, lines };

/** Draw one [data-chart] figure from result (an empty chart when result has no chart). */
export function drawChart(holder, result) {
  const draw = KINDS[holder.dataset.chart];
  const el = holder.querySelector("svg");
  if (!draw || !el) return;
  const legend = holder.querySelector("[data-legend]");
  if (!result || !result.chart) {
    // No answer for the current input: no stale picture.
    el.replaceChildren();
    if (legend) renderItems(legend, []);
    el.setAttribute("hidden", ""); // an SVG element has no .hidden property
    if (!legend) holder.hidden = true;
    return;
  }
  const { viewBox, parts, legend: items } = draw(holder, result);
  el.setAttribute("viewBox", viewBox);
  el.replaceChildren(...parts);
  el.removeAttribute("hidden");
  holder.hidden = false;
  if (legend && items) renderItems(legend, items.map((item, i) => ({ ...item, color: String(i % SERIES) })));
}

/** Draw every chart under root. */
export function drawCharts(root, result) {
  for (const holder of root.querySelectorAll("[data-chart]")) drawChart(holder, result);
}
