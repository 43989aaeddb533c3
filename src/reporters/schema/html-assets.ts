/**
 * The stylesheet and script inlined into the HTML schema report. Both are fixed text: the report's
 * data never flows into them, so the page's Content-Security-Policy can allow exactly these two by hash.
 */

/** The fill of a coverage bar comes from its class (`p0` to `p100`), not a style attribute the CSP would block. */
export function barClass(ratio: number): string {
  const percent = Math.round(Math.min(1, Math.max(0, ratio)) * 100);
  // Never a full bar for less than all, nor an empty one for something present.
  return `p${ratio < 1 && percent === 100 ? 99 : ratio > 0 && percent === 0 ? 1 : percent}`;
}

function barWidths(): string {
  return Array.from({ length: 101 }, (_, p) => `.p${p}::before{width:${p}%}`).join('');
}

export const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--head:#f6f8fa;--bar:#0969da;--track:#dde3e9;--link:#0550ae;--warn-fg:#7d4e00;--warn-bg:#fff8c5;--bad-fg:#a40e26;--bad-bg:#ffebe9;--tag-bg:#eef1f4}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9ea7b3;--line:#3d444d;--head:#161b22;--bar:#4493f8;--track:#2f353d;--link:#71b7ff;--warn-fg:#f2cc60;--warn-bg:#3b2c05;--bad-fg:#ffa198;--bad-bg:#42171a;--tag-bg:#262c36}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1400px;padding:1rem 1.5rem 3rem;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:1.5rem;margin:.5rem 0}
main.deferred>section{content-visibility:auto;contain-intrinsic-size:auto 40rem}
h2{font-size:1.2rem;margin:2.5rem 0 .25rem;padding-top:.75rem;border-top:1px solid var(--line);overflow-wrap:anywhere}
a{color:var(--link)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.muted{color:var(--muted)}
.totals{display:flex;flex-wrap:wrap;gap:.5rem 2rem;margin:.75rem 0}
.totals div{min-width:8rem}
.totals dt{color:var(--muted);font-size:.85em}
.totals dd{margin:0;font-weight:600}
ul.notes li,ul.refs li{overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0;overflow-wrap:anywhere}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
thead th{position:sticky;top:0;z-index:1;background:var(--head);font-weight:600;white-space:nowrap}
tbody th{font-weight:500;max-width:26rem;overflow-wrap:anywhere}
.props tbody th{min-width:12rem}
.props td:nth-child(4){min-width:9.5rem}
.props td:nth-child(6){min-width:12rem;max-width:24rem;overflow-wrap:anywhere;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.props td:nth-child(2),.props td:nth-child(3),.props td:nth-child(5),.events td:nth-child(3),.events td:nth-child(4){text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
th button{all:inherit;cursor:pointer;padding:0}
th button:focus-visible{outline:2px solid var(--bar);outline-offset:2px}
th button::after{content:" \\2195";color:var(--muted)}
th[aria-sort=ascending] button::after{content:" \\25B2";color:inherit}
th[aria-sort=descending] button::after{content:" \\25BC";color:inherit}
.bar{display:inline-block;width:4.5rem;height:.6rem;margin-left:.4rem;vertical-align:middle;background:var(--track);border-radius:2px;overflow:hidden}
.bar::before{content:"";display:block;height:100%;background:var(--bar)}
${barWidths()}
.type{display:inline-block;padding:0 .4rem;border-radius:3px;background:var(--tag-bg);color:var(--muted);font-size:.8em;font-weight:600;vertical-align:middle}
.flag{display:inline-block;margin:0 .25rem .15rem 0;padding:0 .4rem;border-radius:3px;background:var(--warn-bg);color:var(--warn-fg);font-size:.85em;white-space:nowrap}
.flag.bad,.bad{color:var(--bad-fg)}
.flag.bad{background:var(--bad-bg)}
strong.bad{font-weight:600}
.chart{display:block;width:100%;max-width:720px;height:110px;border-bottom:1px solid var(--muted)}
.spark{display:block;width:120px;height:22px;border-bottom:1px solid var(--line)}
.chart path,.spark path{fill:none;stroke:var(--bar);stroke-width:.8}
figure{margin:.75rem 0}
figcaption{color:var(--muted);font-size:.9em}
.readout{margin-left:1em;color:var(--fg);font-weight:600}
.meta{margin:.25rem 0;color:var(--muted)}
`.trim();

/**
 * Click a column header's button to sort its table by that column: numbers by their `data-v` value
 * or their digits (`1,480`), the rest by text; again to reverse. Ties keep their current order.
 * Point at a volume chart to read the day (or days) and the count of the bar under the pointer.
 */
export const SCRIPT = `
'use strict';
(function () {
  var collator = new Intl.Collator('en', { numeric: true });
  function key(row, index, numeric) {
    var cell = row.cells[index];
    if (cell === undefined) return numeric ? -Infinity : '';
    var raw = cell.getAttribute('data-v');
    if (raw === null) raw = cell.textContent;
    if (!numeric) return raw;
    var n = Number(raw.replace(/,/g, ''));
    return Number.isNaN(n) ? -Infinity : n;
  }
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('th > button') : null;
    if (button === null) return;
    var th = button.parentElement;
    var body = th.closest('table').tBodies[0];
    if (body === undefined) return;
    var index = th.cellIndex;
    var numeric = th.getAttribute('data-type') === 'number';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(th.parentElement.cells, function (cell) { cell.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var rows = Array.prototype.map.call(body.rows, function (row, position) {
      return { row: row, key: key(row, index, numeric), position: position };
    });
    rows.sort(function (a, b) {
      var order = numeric ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : collator.compare(a.key, b.key);
      return (ascending ? order : -order) || a.position - b.position;
    });
    rows.forEach(function (entry) { body.appendChild(entry.row); });
  });
  var DAY = 86400000;
  function day(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function chartAt(event) {
    return event.target instanceof Element ? event.target.closest('svg.chart') : null;
  }
  function readout(chart) {
    return chart.parentElement.querySelector('.readout');
  }
  document.addEventListener('pointermove', function (event) {
    var chart = chartAt(event);
    if (chart === null) return;
    var counts = chart.getAttribute('data-counts').split(',');
    var days = Number(chart.getAttribute('data-days'));
    var box = chart.getBoundingClientRect();
    var index = Math.min(counts.length - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * counts.length)));
    var start = Date.parse(chart.getAttribute('data-first') + 'T00:00:00Z') + index * days * DAY;
    var end = Math.min(start + (days - 1) * DAY, Date.parse(chart.getAttribute('data-last') + 'T00:00:00Z'));
    var count = Number(counts[index]);
    readout(chart).textContent = (end > start ? day(start) + ' to ' + day(end) : day(start)) + ': ' + count.toLocaleString('en-US') + (count === 1 ? ' event' : ' events');
  });
  document.addEventListener('pointerout', function (event) {
    var chart = chartAt(event);
    if (chart === null || (event.relatedTarget instanceof Node && chart.contains(event.relatedTarget))) return;
    readout(chart).textContent = '';
  });
})();
`.trim();
