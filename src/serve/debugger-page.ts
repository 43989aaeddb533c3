import { cspHash } from '../core/csp.js';

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
#problems .path{font:.95em monospace;background:none;border:0;padding:0;color:inherit;text-decoration:underline;cursor:pointer}
.hit{background:#c6282826}.hit.warn{background:#b26a0026}
code{font-size:.95em}
`;

const SCRIPT = `
'use strict';
const $ = (id) => document.getElementById(id);
// Deeper than spec/max-depth reports, a message is shown as stored rather than indented.
const MAX_DEPTH = 64;
const records = [];
const held = [];
const counts = { received: 0, valid: 0, problems: 0 };
let selected = null;
let paused = false;
// The stream's sequence numbers: what the page has, and what the server's counts already include.
let lastSeq = 0;
let countedUpTo = 0;

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
  li.addEventListener('click', () => { selected = r; renderList(); renderDetail(); });
  return li;
}

function renderList() {
  $('list').replaceChildren(...records.filter(matches).slice(0, 500).map(row));
}

function renderCounts() {
  $('received').textContent = counts.received;
  $('valid').textContent = counts.valid;
  $('with-problems').textContent = counts.problems;
  $('held').textContent = held.length ? held.length + ' held' : '';
}

// The lines JSON.stringify(value, null, 2) writes, each with the JSON pointer of the value it starts.
function prettyLines(value) {
  const lines = [];
  const walk = (v, path, depth, key, comma) => {
    if (depth > MAX_DEPTH) throw new RangeError('too deep');
    const head = '  '.repeat(depth) + (key === undefined ? '' : JSON.stringify(key) + ': ');
    const keys = v !== null && typeof v === 'object' ? Object.keys(v) : [];
    if (keys.length === 0) { lines.push({ path, text: head + JSON.stringify(v) + comma }); return; }
    const array = Array.isArray(v);
    lines.push({ path, text: head + (array ? '[' : '{') });
    keys.forEach((k, i) => walk(v[k], path + '/' + k.replace(/~/g, '~0').replace(/\\//g, '~1'), depth + 1, array ? undefined : k, i < keys.length - 1 ? ',' : ''));
    lines.push({ path, text: '  '.repeat(depth) + (array ? ']' : '}') + comma });
  };
  walk(value, '', 0, undefined, '');
  return lines;
}

// The line a diagnostic points at: its path's, or for something missing, that of the nearest value around it.
function lineOf(lines, path) {
  for (let p = path; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const i = lines.findIndex((l) => l.path === p);
    if (i >= 0 || p === '') return i;
  }
}

function renderDetail() {
  const detail = $('detail');
  if (!selected) { detail.replaceChildren(el('p', 'Select a message to see its JSON and its problems.')); return; }
  let lines;
  try { lines = prettyLines(selected.message); } catch (e) { lines = [{ path: '', text: selected.text }]; }
  const spans = lines.map((l) => el('span', l.text + '\\n'));
  const json = el('pre');
  json.append(...spans);
  const problems = el('ul');
  problems.id = 'problems';
  for (const d of selected.diagnostics) {
    const li = el('li');
    li.append(el('span', d.severity === 'error' ? 'error' : 'warning', d.severity === 'error' ? 'error' : 'warn'), ' ', el('span', d.message), ' ', el('code', d.ruleId));
    if (d.path !== undefined) {
      const at = lineOf(lines, d.path);
      const link = el('button', d.path, 'path');
      link.type = 'button';
      if (at >= 0) {
        const line = spans[at];
        line.title = (line.title ? line.title + ', ' : '') + d.ruleId;
        line.className = line.className === 'hit error' || d.severity === 'error' ? 'hit error' : 'hit warn';
        link.addEventListener('click', () => line.scrollIntoView({ block: 'center' }));
      }
      li.append(' at ', link);
    }
    problems.append(li);
  }
  detail.replaceChildren(el('h2', (selected.type || '?') + (selected.name ? ' \\u2014 ' + selected.name : '')), selected.diagnostics.length ? problems : el('p', 'No problems.', 'ok'), json);
}

// A burst of messages (a batch of 500) is drawn once, not once per message.
let drawing = null;
function draw() {
  if (drawing === null) drawing = setTimeout(() => { drawing = null; renderList(); renderCounts(); }, 50);
}

function show(r) {
  records.unshift(r);
  if (records.length > 5000) records.length = 5000;
}

const source = new EventSource('/api/stream');
source.addEventListener('counts', (e) => {
  const c = JSON.parse(e.data);
  // Numbers that went back mean a restarted server: what the page holds is from the last one.
  if (c.seq < lastSeq) { clear(); lastSeq = 0; }
  counts.received = c.received; counts.valid = c.valid; counts.problems = c.problems;
  countedUpTo = c.seq;
  renderCounts();
});
// A record's fields on the first line of the event, the message as stored on the second: kept as
// text for the search, and shown as stored when it is too deep to indent.
source.addEventListener('message', (e) => {
  const nl = e.data.indexOf('\\n');
  const r = JSON.parse(e.data.slice(0, nl));
  if (r.seq <= lastSeq) return;
  lastSeq = r.seq;
  r.text = e.data.slice(nl + 1);
  r.message = JSON.parse(r.text);
  if (r.seq > countedUpTo) { counts.received++; if (r.diagnostics.length === 0) counts.valid++; else counts.problems++; }
  if (paused) held.push(r); else show(r);
  draw();
});
function clear() {
  records.length = 0; held.length = 0; selected = null;
  counts.received = counts.valid = counts.problems = 0;
  renderList(); renderCounts(); renderDetail();
}
source.addEventListener('reset', clear);
source.addEventListener('plan', (e) => {
  const status = JSON.parse(e.data);
  const plan = $('plan');
  plan.className = status.problems.length ? 'bad' : '';
  plan.textContent = status.problems.length ? 'Plan ' + status.file + ' no longer loads; the last good plan stays in force:\\n' + status.problems.join('\\n') : 'Plan ' + status.file;
});
for (const id of ['type', 'name', 'text', 'only-problems']) $(id).addEventListener('input', renderList);
$('pause').addEventListener('click', () => {
  paused = !paused;
  $('pause').textContent = paused ? 'Resume' : 'Pause';
  if (!paused) { for (const r of held.splice(0)) show(r); renderList(); renderCounts(); }
});
$('reset').addEventListener('click', () => { fetch('/api/reset', { method: 'POST' }); });
$('filters').addEventListener('submit', (e) => e.preventDefault());
renderList(); renderDetail();
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${cspHash(STYLE)}'; script-src '${cspHash(SCRIPT)}'; connect-src 'self'; base-uri 'none'; form-action 'none'">
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

