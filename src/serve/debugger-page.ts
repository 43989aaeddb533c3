import { createHash } from 'node:crypto';

/**
 * The live debugger of `cdp serve`: one self-contained page, no CDN. Its script and style are
 * constants allowed by hash in the Content-Security-Policy, and every piece of payload text is put
 * on the page with textContent, never as markup: event names come from anyone who can send one.
 */

const STYLE = `
:root{color-scheme:light dark;--bad:#c62828;--warn:#b26a00;--ok:#2e7d32;--line:#8884}
body{font:14px/1.4 system-ui,sans-serif;margin:0;display:grid;grid-template-rows:auto auto 1fr;height:100vh}
header{display:flex;gap:1.5em;align-items:baseline;padding:.5em 1em;border-bottom:1px solid var(--line)}
h1{font-size:1.1em;margin:0}
#plan.bad{color:var(--bad);white-space:pre-wrap}
form{display:flex;gap:.75em;flex-wrap:wrap;align-items:center;padding:.5em 1em;border-bottom:1px solid var(--line)}
main{display:grid;grid-template-columns:minmax(20em,2fr) 3fr;min-height:0}
#list{overflow:auto;border-right:1px solid var(--line);margin:0;padding:0;list-style:none}
#list li{padding:.35em 1em;border-bottom:1px solid var(--line);cursor:pointer;display:flex;gap:.75em}
#list li[aria-selected=true]{background:#8882}
.time{color:#888;font-variant-numeric:tabular-nums}.type{min-width:5em}.name{flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.ok{color:var(--ok)}.error{color:var(--bad)}.warn{color:var(--warn)}
#detail{overflow:auto;padding:.5em 1em}
#detail pre{background:#8881;padding:.75em;overflow:auto}
#problems li{margin:.25em 0}
code{font-size:.95em}
`;

const SCRIPT = `
'use strict';
const $ = (id) => document.getElementById(id);
const records = [];
let selected = null;
let paused = false;
const held = [];
const counts = { received: 0, valid: 0, problems: 0 };

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function matches(r) {
  const type = $('type').value;
  if (type && r.type !== type) return false;
  const name = $('name').value.trim();
  if (name && (r.name || '') !== name) return false;
  if ($('only-problems').checked && r.diagnostics.length === 0) return false;
  const text = $('text').value.trim().toLowerCase();
  if (text && !r.text.toLowerCase().includes(text)) return false;
  return true;
}

function verdict(r) {
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = r.diagnostics.length - errors;
  if (r.diagnostics.length === 0) return el('span', '\\u2713', 'ok');
  return el('span', [errors ? errors + ' error' + (errors > 1 ? 's' : '') : '', warnings ? warnings + ' warning' + (warnings > 1 ? 's' : '') : ''].filter(Boolean).join(', '), errors ? 'error' : 'warn');
}

function row(r) {
  const li = el('li');
  li.setAttribute('role', 'option');
  li.setAttribute('aria-selected', String(selected === r));
  li.append(el('span', r.receivedAt.slice(11, 19), 'time'), el('span', r.type, 'type'), el('span', r.name || '', 'name'), verdict(r));
  li.addEventListener('click', () => { selected = r; render(); });
  return li;
}

function render() {
  const list = $('list');
  list.replaceChildren(...records.filter(matches).slice(0, 500).map(row));
  $('received').textContent = counts.received;
  $('valid').textContent = counts.valid;
  $('with-problems').textContent = counts.problems;
  const detail = $('detail');
  if (!selected) { detail.replaceChildren(el('p', 'Select a message to see its JSON and its problems.')); return; }
  const problems = el('ul');
  problems.id = 'problems';
  for (const d of selected.diagnostics) {
    const li = el('li');
    li.append(el('span', d.severity === 'error' ? 'error' : 'warning', d.severity === 'error' ? 'error' : 'warn'), ' ', el('span', d.message), ' ', el('code', d.ruleId));
    if (d.path) li.append(' at ', el('code', d.path));
    problems.append(li);
  }
  let pretty = selected.text;
  try { pretty = JSON.stringify(selected.message, null, 2); } catch (e) { /* too deep to pretty-print: shown as sent */ }
  detail.replaceChildren(el('h2', (selected.type || '?') + (selected.name ? ' \\u2014 ' + selected.name : '')), selected.diagnostics.length ? problems : el('p', 'No problems.', 'ok'), el('pre', pretty));
}

function add(r) {
  r.text = JSON.stringify(r.message) || '';
  records.unshift(r);
  if (records.length > 5000) records.length = 5000;
  counts.received++;
  if (r.diagnostics.length === 0) counts.valid++; else counts.problems++;
}

const source = new EventSource('/api/stream');
source.addEventListener('message', (e) => {
  const r = JSON.parse(e.data);
  if (records.some((x) => x.seq === r.seq)) return;
  if (paused) { held.push(r); $('held').textContent = held.length ? held.length + ' held' : ''; return; }
  add(r);
  render();
});
source.addEventListener('reset', () => { records.length = 0; held.length = 0; selected = null; counts.received = counts.valid = counts.problems = 0; render(); });
source.addEventListener('plan', (e) => {
  const status = JSON.parse(e.data);
  const plan = $('plan');
  plan.className = status.problems.length ? 'bad' : '';
  plan.textContent = status.problems.length ? 'Plan ' + status.file + ' no longer loads; the last good plan stays in force:\\n' + status.problems.join('\\n') : 'Plan ' + status.file;
});
for (const id of ['type', 'name', 'text', 'only-problems']) $(id).addEventListener('input', render);
$('pause').addEventListener('click', () => {
  paused = !paused;
  $('pause').textContent = paused ? 'Resume' : 'Pause';
  if (!paused) { for (const r of held.splice(0)) add(r); $('held').textContent = ''; render(); }
});
$('reset').addEventListener('click', () => { fetch('/api/reset', { method: 'POST' }); });
$('filters').addEventListener('submit', (e) => e.preventDefault());
render();
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${sha256(STYLE)}'; script-src '${sha256(SCRIPT)}'; connect-src 'self'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cdp serve</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>cdp serve</h1><span>received <b id="received">0</b></span><span class="ok">valid <b id="valid">0</b></span><span class="error">with problems <b id="with-problems">0</b></span><span id="plan"></span></header>
<form id="filters">
<label>Type <select id="type"><option value="">all</option><option>track</option><option>identify</option><option>page</option><option>screen</option><option>group</option><option>alias</option></select></label>
<label>Event <input id="name" placeholder="exact name"></label>
<label>Search <input id="text" type="search" placeholder="any text"></label>
<label><input id="only-problems" type="checkbox"> only with problems</label>
<button id="pause" type="button">Pause</button><span id="held"></span>
<button id="reset" type="button">Clear</button>
</form>
<main><ul id="list" role="listbox" aria-label="Messages, newest first"></ul><section id="detail" aria-live="polite"></section></main>
<script>${SCRIPT}</script>
</body>
</html>
`;

export function debuggerPage(): string {
  return PAGE;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}
