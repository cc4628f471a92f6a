/**
 * The client script of the report and of the `dramatis serve` viewer, inlined into the page (as
 * text: the page's CSP allows exactly this script by hash). Plain ES2019, no dependencies but the
 * inlined cytoscape. The story is untrusted: every piece of it reaches the DOM through
 * `textContent` or a text node, never as markup; no URL is ever built from it.
 */
export const CLIENT_JS = String.raw`(function () {
'use strict';
// Distinct hues first (the most talkative characters get them); the tint is the colour mixed with white.
var PALETTE = ['#1f6fb2', '#e66100', '#1a9850', '#c51b3f', '#7b3fb5', '#8c564b', '#d4509a', '#0f9bb0',
  '#7a8a00', '#2c3e8c', '#c99400', '#00796b', '#9c27b0', '#546e7a', '#800000', '#5e9e0f'].map(function (hex) { return [hex, tint(hex, 0.82)]; });
function tint(hex, amount) {
  var n = parseInt(hex.slice(1), 16);
  var mix = function (c) { return Math.round(c + (255 - c) * amount); };
  var r = mix((n >> 16) & 255), g = mix((n >> 8) & 255), b = mix(n & 255);
  return '#' + ((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1);
}
var UNKNOWN = ['#80868b', '#eceff1'];
var LOW = 0.5;

var config = readJson('dramatis-config') || { mode: 'report' };
var APP = config.mode === 'app';
var root = document.getElementById('app');
var tip = null;
var state = { data: null, doc: null, corrections: null, filter: null, cy: null, name: null, files: [] };
window.__dramatis = state;

function readJson(id) {
  var node = document.getElementById(id);
  if (!node) return null;
  try { return JSON.parse(node.textContent || 'null'); } catch (e) { return null; }
}

function el(tag, props, children) {
  var node = document.createElement(tag);
  if (props) {
    for (var k in props) {
      if (!Object.prototype.hasOwnProperty.call(props, k)) continue;
      var v = props[k];
      if (v === undefined || v === null) continue;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'className') node.className = v;
      else if (k === 'color') { node.style.setProperty('--c', v[0]); node.style.setProperty('--t', v[1]); }
      else if (k.indexOf('on') === 0) node.addEventListener(k.slice(2), v);
      else if (k === 'tabIndex' || k === 'hidden' || k === 'id' || k === 'type' || k === 'value' || k === 'disabled' || k === 'htmlFor' || k === 'download' || k === 'checked') node[k] = v;
      else node.setAttribute(k, String(v));
    }
  }
  if (children) {
    for (var i = 0; i < children.length; i++) {
      var c = children[i];
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
  }
  return node;
}

/** Code-point offset -> UTF-16 index. */
function cpMapper(text) {
  if (!/[\uD800-\uDBFF]/.test(text)) return function (cp) { return cp; };
  var map = [];
  for (var i = 0; i < text.length; i++) {
    map.push(i);
    var c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { var d = text.charCodeAt(i + 1); if (d >= 0xdc00 && d <= 0xdfff) i++; }
  }
  map.push(text.length);
  return function (cp) { return cp < map.length ? map[cp] : text.length; };
}

function pct(n, total) { return total > 0 ? Math.round((1000 * n) / total) / 10 : 0; }

/** Derived tables: colours, lines (utterances) per character, edges. */
function derive(data) {
  var a = data.analysis;
  var chars = a.characters;
  var index = {};
  chars.forEach(function (c, i) { index[c.id] = i; });
  var lines = chars.map(function () { return 0; });
  var unknownLines = 0;
  var seenUtt = {};
  var edges = {};
  a.quotes.forEach(function (q) {
    if (seenUtt[q.utterance]) return;
    seenUtt[q.utterance] = true;
    var s = q.speaker === null ? -1 : index[q.speaker];
    if (s === undefined || s < 0) { unknownLines++; return; }
    lines[s]++;
    q.addressees.forEach(function (id) {
      var t = index[id];
      if (t === undefined || t === s) return;
      var key = s + '>' + t;
      edges[key] = (edges[key] || 0) + 1;
    });
  });
  var order = chars.map(function (c, i) { return i; }).sort(function (x, y) {
    return (lines[y] - lines[x]) || (chars[y].mentions - chars[x].mentions) || (x - y);
  });
  var colors = {};
  order.forEach(function (ci, rank) { colors[ci] = PALETTE[rank % PALETTE.length]; });
  var edgeList = Object.keys(edges).map(function (k) {
    var p = k.split('>');
    return { from: +p[0], to: +p[1], weight: edges[k] };
  }).sort(function (x, y) { return y.weight - x.weight; });
  var totalLines = unknownLines + lines.reduce(function (s, n) { return s + n; }, 0);
  return { index: index, lines: lines, unknownLines: unknownLines, totalLines: totalLines, order: order, colors: colors, edges: edgeList };
}

function colorOf(d, speakerId) {
  if (speakerId === null || speakerId === undefined) return UNKNOWN;
  var i = d.index[speakerId];
  return i === undefined ? UNKNOWN : d.colors[i];
}

function nameOf(data, id) {
  var c = data.analysis.characters.filter(function (x) { return x.id === id; })[0];
  return c ? c.name : id;
}

// ------------------------------------------------------------------------------------------
// Rendering

function render(data) {
  state.data = data;
  var d = derive(data);
  state.derived = d;
  var scroll = window.scrollY;
  var keep = APP ? document.getElementById('app-controls') : null;
  root.replaceChildren();
  root.appendChild(el('a', { className: 'skip', href: '#story' , text: 'Skip to the story' }));
  root.appendChild(renderHeader(data, d, keep));
  var aside = el('aside', { 'aria-label': 'Cast and charts' }, [renderCast(data, d), renderNetwork(data, d), renderShare(data, d), renderPresence(data, d)]);
  var article = renderStory(data, d);
  root.appendChild(el('main', { className: 'layout' }, [article, aside]));
  if (APP) root.appendChild(el('div', { id: 'editor', hidden: true, role: 'region', 'aria-label': 'Correction' }));
  tip = el('div', { id: 'tip', role: 'tooltip', hidden: true });
  root.appendChild(tip);
  drawGraph(data, d);
  applyFilter();
  if (scroll) window.scrollTo(0, scroll);
}

function renderHeader(data, d, keep) {
  var a = data.analysis;
  var s = a.stats;
  var meta = [
    s.codePoints.toLocaleString('en') + ' characters of text',
    a.quotes.length + ' quotes',
    d.totalLines + ' lines',
    a.characters.length + ' characters'
  ];
  if (a.chapters.length) meta.push(a.chapters.length + ' chapters');
  var low = a.quotes.filter(function (q) { return q.speaker !== null && q.confidence < LOW; }).length;
  var header = el('header', { className: 'top' }, [
    el('h1', { text: data.title }),
    el('p', { className: 'meta', text: (a.source ? a.source + ' · ' : '') + meta.join(' · ') }),
    el('p', { className: 'meta', text: 'Quotes are coloured by speaker; a dashed underline and ? mark a speaker chosen with low confidence (' + low + '), a dotted grey one a line with no speaker. Hover, tap or Tab to a quote for details; n and p move to the next and previous quote.' }),
    el('nav', { className: 'sections', 'aria-label': 'Sections' }, [
      el('a', { href: '#story', text: 'Story' }), el('a', { href: '#cast', text: 'Cast' }), el('a', { href: '#network', text: 'Network' }),
      el('a', { href: '#share', text: 'Dialogue share' }), el('a', { href: '#presence', text: 'Presence' })
    ])
  ]);
  if (keep) header.appendChild(keep);
  return header;
}

function swatch(color) { return el('span', { className: 'swatch', color: color, 'aria-hidden': 'true' }); }

function renderCast(data, d) {
  var a = data.analysis;
  var rows = d.order.map(function (i) {
    var c = a.characters[i];
    var btn = el('button', { className: 'cast-name', type: 'button', 'aria-pressed': state.filter === c.id ? 'true' : 'false', title: 'Highlight the lines of ' + c.name, 'data-id': c.id,
      onclick: function () { state.filter = state.filter === c.id ? null : c.id; applyFilter(); } }, [swatch(d.colors[i]), c.name]);
    var shownAliases = c.aliases.filter(function (x) { return x !== c.name; });
    var nameCell = el('td', null, [btn, shownAliases.length ? el('div', { className: 'aliases', text: shownAliases.join(', ') }) : null]);
    var cells = [nameCell, el('td', { text: c.gender }), el('td', { className: 'num', text: String(d.lines[i]) }), el('td', { className: 'num', text: String(c.mentions) })];
    if (APP) cells.push(el('td', null, [el('button', { type: 'button', text: 'Edit', 'aria-label': 'Edit ' + c.name, onclick: function () { openCharacterEditor(i); } })]));
    return el('tr', { 'data-id': c.id }, cells);
  });
  var head = ['Name', 'Gender', 'Lines', 'Mentions'];
  if (APP) head.push('');
  return el('section', { className: 'panel', id: 'cast', 'aria-labelledby': 'cast-h' }, [
    el('h2', { id: 'cast-h', text: 'Cast (' + a.characters.length + ')' }),
    el('div', { className: 'scroll' }, [el('table', null, [
      el('thead', null, [el('tr', null, head.map(function (h, k) { return el('th', { className: k >= 2 && k <= 3 ? 'num' : '', scope: 'col', text: h }); }))]),
      el('tbody', null, rows)
    ])]),
    el('p', { className: 'legend', text: 'Lines are utterances (a quote interrupted by its speech tag counts once). Select a name to highlight its lines.' })
  ]);
}

function renderNetwork(data, d) {
  var a = data.analysis;
  var rows = d.edges.map(function (e) {
    return el('tr', null, [el('td', null, [swatch(d.colors[e.from]), a.characters[e.from].name]), el('td', { text: a.characters[e.to].name }), el('td', { className: 'num', text: String(e.weight) })]);
  });
  return el('section', { className: 'panel', id: 'network', 'aria-labelledby': 'network-h' }, [
    el('h2', { id: 'network-h', text: 'Who speaks to whom' }),
    el('div', { id: 'graph', role: 'img', 'aria-label': 'Interaction network: ' + d.edges.length + ' speaker-to-addressee links; the table below lists them.' }),
    el('details', null, [el('summary', { text: 'As a table (' + d.edges.length + ' links)' }), el('div', { className: 'scroll' }, [el('table', null, [
      el('thead', null, [el('tr', null, [el('th', { scope: 'col', text: 'Speaker' }), el('th', { scope: 'col', text: 'To' }), el('th', { scope: 'col', className: 'num', text: 'Lines' })])]),
      el('tbody', null, rows)
    ])])])
  ]);
}

function drawGraph(data, d) {
  var box = document.getElementById('graph');
  if (state.cy) { try { state.cy.destroy(); } catch (e) { /* ignore */ } state.cy = null; }
  if (!box || typeof window.cytoscape !== 'function') return;
  var a = data.analysis;
  var used = {};
  d.edges.forEach(function (e) { used[e.from] = true; used[e.to] = true; });
  a.characters.forEach(function (c, i) { if (d.lines[i] > 0) used[i] = true; });
  var ids = Object.keys(used).map(Number).sort(function (x, y) { return d.lines[y] - d.lines[x]; });
  var maxW = d.edges.reduce(function (m, e) { return Math.max(m, e.weight); }, 1);
  var n = ids.length;
  var elements = ids.map(function (i, k) {
    var ang = (2 * Math.PI * k) / Math.max(1, n);
    return { group: 'nodes', data: { id: 'n' + i, label: a.characters[i].name, color: d.colors[i][0], size: 18 + 10 * Math.sqrt(d.lines[i]) }, position: { x: 150 * Math.cos(ang), y: 150 * Math.sin(ang) } };
  });
  d.edges.forEach(function (e, k) {
    elements.push({ group: 'edges', data: { id: 'e' + k, source: 'n' + e.from, target: 'n' + e.to, weight: e.weight, width: 1 + 7 * (e.weight / maxW), color: d.colors[e.from][0] } });
  });
  state.cy = window.cytoscape({
    container: box,
    elements: elements,
    style: [
      { selector: 'node', style: { 'background-color': 'data(color)', label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 14, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#202124', 'text-outline-color': '#fff', 'text-outline-width': 2 } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.75, label: 'data(weight)', 'font-size': 9, 'text-background-color': '#fff', 'text-background-opacity': 1, 'text-background-padding': 1 } }
    ],
    minZoom: 0.3,
    maxZoom: 3,
    layout: n > 2
      ? { name: 'cose', animate: false, randomize: false, nodeRepulsion: function () { return 400000; }, idealEdgeLength: function () { return 110; }, nodeOverlap: 20, gravity: 0.2, componentSpacing: 80, padding: 24 }
      : { name: 'circle', padding: 40 }
  });
}

function renderShare(data, d) {
  var a = data.analysis;
  var items = d.order.filter(function (i) { return d.lines[i] > 0; }).map(function (i) { return { name: a.characters[i].name, n: d.lines[i], color: d.colors[i] }; });
  if (d.unknownLines > 0) items.push({ name: 'No speaker', n: d.unknownLines, color: UNKNOWN });
  var max = items.reduce(function (m, x) { return Math.max(m, x.n); }, 1);
  return el('section', { className: 'panel', id: 'share', 'aria-labelledby': 'share-h' }, [
    el('h2', { id: 'share-h', text: 'Dialogue share' }),
    el('ul', { className: 'bars' }, items.map(function (x) {
      var p = pct(x.n, d.totalLines);
      var bar = el('div', { className: 'bar', color: x.color });
      bar.style.width = (100 * x.n / max) + '%';
      return el('li', { 'aria-label': x.name + ': ' + x.n + ' lines, ' + p + '%' }, [
        el('span', { className: 'label', text: x.name, title: x.name }), el('div', { className: 'track', 'aria-hidden': 'true' }, [bar]), el('span', { className: 'val', text: p + '%' })
      ]);
    }))
  ]);
}

function segmentsOf(data) {
  var a = data.analysis;
  var len = a.stats.codePoints;
  var segs = [];
  if (a.chapters.length >= 2) {
    a.chapters.forEach(function (c, i) {
      segs.push({ label: c.title, start: i === 0 ? 0 : c.start, end: i + 1 < a.chapters.length ? a.chapters[i + 1].start : len + 1 });
    });
  } else {
    var n = Math.max(1, Math.min(20, Math.ceil(len / 400)));
    for (var i = 0; i < n; i++) segs.push({ label: 'Part ' + (i + 1) + ' of ' + n, start: Math.floor((i * len) / n), end: i + 1 === n ? len + 1 : Math.floor(((i + 1) * len) / n) });
  }
  return segs;
}

function renderPresence(data, d) {
  var a = data.analysis;
  var segs = segmentsOf(data);
  var segAt = function (pos) { for (var k = 0; k < segs.length; k++) if (pos < segs[k].end) return k; return segs.length - 1; };
  var nC = a.characters.length;
  var counts = [];
  for (var c = 0; c < nC; c++) { var row = []; for (var k = 0; k < segs.length; k++) row.push({ m: 0, l: 0 }); counts.push(row); }
  for (var m = 0; m + 1 < data.mentions.length; m += 2) { var ci = data.mentions[m + 1]; if (ci >= 0 && ci < nC) counts[ci][segAt(data.mentions[m])].m++; }
  var seen = {};
  a.quotes.forEach(function (q) { if (seen[q.utterance]) return; seen[q.utterance] = true; var s = d.index[q.speaker]; if (s !== undefined) counts[s][segAt(q.start)].l++; });
  var top = d.order.slice(0, 15);
  var max = 1;
  top.forEach(function (i) { counts[i].forEach(function (x) { max = Math.max(max, x.m + x.l); }); });
  var byChapter = a.chapters.length >= 2;
  var rows = top.map(function (i) {
    var cells = counts[i].map(function (x, k) {
      var label = a.characters[i].name + ', ' + segs[k].label + ': ' + x.m + ' mentions, ' + x.l + ' lines';
      var td = el('td', { className: 'cell', title: label, 'aria-label': label });
      if (x.m + x.l > 0) { var s = el('span', { color: d.colors[i] }); s.style.opacity = String(0.2 + 0.8 * ((x.m + x.l) / max)); td.appendChild(s); }
      return td;
    });
    return el('tr', null, [el('th', { scope: 'row', title: a.characters[i].name, text: a.characters[i].name })].concat(cells));
  });
  return el('section', { className: 'panel', id: 'presence', 'aria-labelledby': 'presence-h' }, [
    el('h2', { id: 'presence-h', text: byChapter ? 'Presence by chapter' : 'Presence across the story' }),
    el('div', { className: 'scroll' }, [el('table', { className: 'presence' }, [
      el('thead', null, [el('tr', null, [el('th', { scope: 'col', text: '' })].concat(segs.map(function (s, k) { return el('th', { scope: 'col', title: s.label, text: byChapter ? String(k + 1) : '' }); })))]),
      el('tbody', null, rows)
    ])]),
    el('p', { className: 'legend', text: (byChapter ? 'One column per chapter' : 'The story in ' + segs.length + ' equal parts') + '; darker cells: more mentions and lines.' })
  ]);
}

function renderStory(data, d) {
  var text = data.text;
  var toIdx = cpMapper(text);
  var a = data.analysis;
  var quotes = a.quotes;
  var article = el('article', { className: 'story', id: 'story', 'aria-label': 'The story' }, [el('h2', { text: 'The story' })]);
  var paras = data.paragraphs;
  var k = 0;
  var chapterAt = {};
  a.chapters.forEach(function (c, i) { chapterAt[c.start] = i; });
  var clean = function (s) { return s.replace(/\s*\n\s*/g, ' '); };
  for (var p = 0; p + 2 < paras.length; p += 3) {
    var ps = paras[p], pe = paras[p + 1], kind = paras[p + 2];
    if (kind === 2) { article.appendChild(el('hr')); while (k < quotes.length && quotes[k].start < pe) k++; continue; }
    if (kind === 1) {
      var h = el('h3', { text: text.slice(toIdx(ps), toIdx(pe)).trim() });
      if (chapterAt[ps] !== undefined) h.id = 'chapter-' + (chapterAt[ps] + 1);
      article.appendChild(h);
      while (k < quotes.length && quotes[k].start < pe) k++;
      continue;
    }
    var node = el('p');
    var pos = ps;
    while (k < quotes.length && quotes[k].start < pe) {
      var q = quotes[k];
      var qs = Math.max(q.start, pos), qe = Math.min(q.end, pe);
      if (qe > qs) {
        if (qs > pos) node.appendChild(document.createTextNode(clean(text.slice(toIdx(pos), toIdx(qs)))));
        node.appendChild(quoteSpan(q, k, text.slice(toIdx(qs), toIdx(qe)), d));
        pos = qe;
      }
      k++;
    }
    if (pe > pos) node.appendChild(document.createTextNode(clean(text.slice(toIdx(pos), toIdx(pe)))));
    article.appendChild(node);
  }
  article.addEventListener('mouseover', function (ev) { var t = quoteTarget(ev); if (t) showTip(t); });
  article.addEventListener('mouseout', function (ev) { var t = quoteTarget(ev); if (t && t !== document.activeElement) hideTip(); });
  article.addEventListener('focusin', function (ev) { var t = quoteTarget(ev); if (t) showTip(t); });
  article.addEventListener('focusout', function () { hideTip(); });
  article.addEventListener('click', function (ev) { var t = quoteTarget(ev); if (t) { t.focus(); if (APP) openLineEditor(+t.getAttribute('data-i')); } });
  article.addEventListener('keydown', function (ev) {
    var t = quoteTarget(ev);
    if (t && (ev.key === 'Enter' || ev.key === ' ') && APP) { ev.preventDefault(); openLineEditor(+t.getAttribute('data-i')); }
  });
  return article;
}

function quoteTarget(ev) {
  var t = ev.target;
  return t && t.nodeType === 1 && t.classList.contains('q') ? t : null;
}

function quoteSpan(q, k, shown, d) {
  var cls = 'q';
  if (q.speaker === null) cls += ' none';
  else if (q.cue === 'corrected') cls += ' corrected';
  else if (q.confidence < LOW) cls += ' low';
  var span = el('span', { className: cls, tabIndex: 0, 'data-i': k, 'data-speaker': q.speaker === null ? '' : q.speaker, 'aria-describedby': 'tip', color: colorOf(d, q.speaker) }, [shown]);
  if (APP) span.setAttribute('role', 'button');
  return span;
}

function describeQuote(k) {
  var data = state.data;
  var q = data.analysis.quotes[k];
  var conf = Math.round(q.confidence * 100) + '%' + (q.speaker !== null && q.confidence < LOW ? ' (low)' : '');
  return [
    ['Speaker', q.speaker === null ? 'no speaker found' : nameOf(data, q.speaker)],
    ['To', q.addressees.length ? q.addressees.map(function (id) { return nameOf(data, id); }).join(', ') : '—'],
    ['Confidence', q.speaker === null ? '—' : conf],
    ['Cue', q.cue]
  ];
}

function showTip(span) {
  if (!tip) return;
  var k = +span.getAttribute('data-i');
  var rows = describeQuote(k);
  var dl = el('dl');
  rows.forEach(function (r) { dl.appendChild(el('dt', { text: r[0] })); dl.appendChild(el('dd', { text: r[1] })); });
  tip.replaceChildren(dl);
  tip.hidden = false;
  var rect = span.getBoundingClientRect();
  var width = Math.min(tip.offsetWidth || 280, window.innerWidth - 16);
  var left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
  tip.style.left = (left + window.scrollX) + 'px';
  tip.style.top = (rect.bottom + window.scrollY + 6) + 'px';
}

function hideTip() { if (tip) tip.hidden = true; }

function applyFilter() {
  var story = document.getElementById('story');
  if (!story) return;
  var f = state.filter;
  if (f && state.data && !state.data.analysis.characters.some(function (c) { return c.id === f; })) f = state.filter = null;
  story.classList.toggle('dim', !!f);
  var spans = story.querySelectorAll('.q');
  for (var i = 0; i < spans.length; i++) spans[i].classList.toggle('hl', !!f && spans[i].getAttribute('data-speaker') === f);
  var btns = document.querySelectorAll('.cast-name');
  for (var j = 0; j < btns.length; j++) btns[j].setAttribute('aria-pressed', btns[j].getAttribute('data-id') === f ? 'true' : 'false');
}

document.addEventListener('keydown', function (ev) {
  if (ev.key === 'Escape') { hideTip(); var ed = document.getElementById('editor'); if (ed && !ed.hidden) { ed.hidden = true; } return; }
  var tag = ev.target && ev.target.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (ev.key !== 'n' && ev.key !== 'p') return;
  var spans = Array.prototype.slice.call(document.querySelectorAll('#story .q'));
  if (!spans.length) return;
  var cur = spans.indexOf(document.activeElement);
  var next = ev.key === 'n' ? (cur < 0 ? 0 : Math.min(spans.length - 1, cur + 1)) : (cur < 0 ? spans.length - 1 : Math.max(0, cur - 1));
  spans[next].focus();
  spans[next].scrollIntoView({ block: 'center' });
  ev.preventDefault();
});

// ------------------------------------------------------------------------------------------
// The served app: open stories, correct them

function setStatus(msg, isError) {
  var s = document.getElementById('status');
  if (!s) return;
  s.textContent = msg;
  s.className = isError ? 'error' : '';
}

function api(method, path, body, contentType) {
  var headers = { 'X-Dramatis': '1' };
  if (contentType) headers['Content-Type'] = contentType;
  return fetch(path, { method: method, headers: headers, body: body, credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
    return r.json().catch(function () { return {}; }).then(function (j) {
      if (!r.ok) throw new Error(j && j.error ? j.error : 'request failed (' + r.status + ')');
      return j;
    });
  });
}

function loaded(j) {
  state.doc = j.id;
  state.corrections = j.corrections;
  state.name = j.name;
  render(j.data);
  updateDownloads();
  var skipped = j.result && j.result.skipped ? j.result.skipped.length : 0;
  setStatus('Showing ' + j.name + '. ' + state.corrections.operations.length + ' correction(s)' + (skipped ? ', ' + skipped + ' could not be applied' : '') + (j.saved ? '; saved to ' + j.saved : '') + '.', false);
}

function openFile(file) {
  if (!file) return;
  setStatus('Reading ' + file.name + '…', false);
  api('POST', '/api/stories?name=' + encodeURIComponent(file.name), file, 'application/octet-stream').then(loaded, function (e) { setStatus(e.message, true); });
}

function openListed(i) {
  setStatus('Reading ' + state.files[i].name + '…', false);
  api('POST', '/api/files/' + i + '/open', null, null).then(loaded, function (e) { setStatus(e.message, true); });
}

function pushCorrection(op) {
  if (!state.doc) return;
  var next = JSON.parse(JSON.stringify(state.corrections));
  next.operations.push(op);
  sendCorrections(next);
}

function sendCorrections(corr) {
  setStatus('Applying…', false);
  return api('PUT', '/api/stories/' + encodeURIComponent(state.doc) + '/corrections', JSON.stringify(corr), 'application/json').then(loaded, function (e) { setStatus(e.message, true); });
}

function updateDownloads() {
  var box = document.getElementById('downloads');
  if (!box) return;
  var base = '/api/stories/' + encodeURIComponent(state.doc);
  box.replaceChildren(
    el('a', { className: 'button', href: base + '/corrections.json', download: '', text: 'Download corrections' }),
    el('a', { className: 'button', href: base + '/cast.json', download: '', text: 'Download cast' }),
    el('a', { className: 'button', href: base + '/report.html', download: '', text: 'Download report' }),
    el('button', { type: 'button', text: 'Undo last correction', disabled: !state.corrections.operations.length, onclick: function () {
      var next = JSON.parse(JSON.stringify(state.corrections)); next.operations.pop(); sendCorrections(next);
    } })
  );
}

function characterOptions(selectedId, withNone) {
  var a = state.data.analysis;
  var opts = [];
  if (withNone) opts.push(el('option', { value: '', text: '(no speaker)' }));
  state.derived.order.forEach(function (i) {
    var o = el('option', { value: a.characters[i].id, text: a.characters[i].name });
    if (a.characters[i].id === selectedId) o.selected = true;
    opts.push(o);
  });
  return opts;
}

function editorPanel(title, body) {
  var ed = document.getElementById('editor');
  ed.replaceChildren(el('h2', { text: title }));
  body.forEach(function (b) { ed.appendChild(b); });
  ed.appendChild(el('div', { className: 'row' }, [el('button', { type: 'button', text: 'Close', onclick: function () { ed.hidden = true; } })]));
  ed.hidden = false;
  var first = ed.querySelector('select, input, button');
  if (first) first.focus();
}

function charRef(c) { return { id: c.id, name: c.name }; }

function openLineEditor(k) {
  var q = state.data.analysis.quotes[k];
  var sel = el('select', { id: 'speaker-select', 'aria-label': 'Speaker of this line' }, characterOptions(q.speaker, true));
  if (q.speaker === null) sel.value = '';
  var form = el('form', { onsubmit: function (ev) {
    ev.preventDefault();
    var id = sel.value;
    var c = state.data.analysis.characters.filter(function (x) { return x.id === id; })[0];
    pushCorrection({ op: 'speaker', quote: { start: q.start, end: q.end, text: q.text }, speaker: c ? charRef(c) : null });
  } }, [el('label', { htmlFor: 'speaker-select', text: 'Speaker:' }), sel, el('button', { type: 'submit', className: 'primary', text: 'Set speaker' })]);
  editorPanel('Line ' + (k + 1) + ' — ' + describeQuote(k)[0][1] + ', cue ' + q.cue, [el('p', { className: 'quote-text', text: '“' + q.text + '”' }), form]);
}

function openCharacterEditor(i) {
  var c = state.data.analysis.characters[i];
  var nameIn = el('input', { type: 'text', id: 'rename-input', value: c.name, 'aria-label': 'New name' });
  var rename = el('form', { onsubmit: function (ev) { ev.preventDefault(); var v = nameIn.value.trim(); if (v && v !== c.name) pushCorrection({ op: 'rename', character: charRef(c), name: v }); } },
    [el('label', { htmlFor: 'rename-input', text: 'Name:' }), nameIn, el('button', { type: 'submit', text: 'Rename' })]);
  var g = el('select', { id: 'gender-select', 'aria-label': 'Gender' }, ['he', 'she', 'they', 'unknown'].map(function (x) { var o = el('option', { value: x, text: x }); if (x === c.gender) o.selected = true; return o; }));
  var gender = el('form', { onsubmit: function (ev) { ev.preventDefault(); if (g.value !== c.gender) pushCorrection({ op: 'gender', character: charRef(c), gender: g.value }); } },
    [el('label', { htmlFor: 'gender-select', text: 'Gender:' }), g, el('button', { type: 'submit', text: 'Set gender' })]);
  var others = characterOptions(null, false).filter(function (o) { return o.value !== c.id; });
  var into = el('select', { id: 'merge-select', 'aria-label': 'Merge into' }, others);
  var merge = el('form', { onsubmit: function (ev) {
    ev.preventDefault();
    var t = state.data.analysis.characters.filter(function (x) { return x.id === into.value; })[0];
    if (t) pushCorrection({ op: 'merge', character: charRef(c), into: charRef(t) });
  } }, [el('label', { htmlFor: 'merge-select', text: 'Merge into:' }), into, el('button', { type: 'submit', text: 'Merge', disabled: !others.length })]);
  var splitName = el('input', { type: 'text', id: 'split-name', placeholder: 'new character’s name', 'aria-label': 'Name of the character to split off' });
  var splitAliases = el('input', { type: 'text', id: 'split-aliases', placeholder: 'its aliases, comma-separated', 'aria-label': 'Aliases that belong to the new character' });
  var split = el('form', { onsubmit: function (ev) {
    ev.preventDefault();
    var n = splitName.value.trim();
    if (!n) return;
    var al = splitAliases.value.split(',').map(function (s) { return s.trim(); }).filter(Boolean);
    pushCorrection({ op: 'split', character: charRef(c), new: { name: n, aliases: al } });
  } }, [el('label', { htmlFor: 'split-name', text: 'Split off:' }), splitName, splitAliases, el('button', { type: 'submit', text: 'Split' })]);
  var also = c.aliases.filter(function (x) { return x !== c.name; });
  editorPanel('Character: ' + c.name + (also.length ? ' (also ' + also.join(', ') + ')' : ''), [rename, gender, merge, split]);
}

function appShell() {
  var input = el('input', { type: 'file', id: 'file-input', accept: '.txt,.text,.html,.htm,.xhtml,.epub,text/plain,text/html,application/epub+zip', onchange: function () { openFile(input.files && input.files[0]); input.value = ''; } });
  var files = el('div', { className: 'files', id: 'files' });
  var controls = el('div', { id: 'app-controls' }, [
    el('div', { className: 'toolbar' }, [
      el('label', { htmlFor: 'file-input', text: 'Open a story (text, HTML or EPUB):' }), input,
      el('span', { id: 'downloads', className: 'toolbar' })
    ]),
    files,
    el('p', { id: 'status', role: 'status', 'aria-live': 'polite' })
  ]);
  root.replaceChildren(
    el('header', { className: 'top' }, [el('h1', { text: 'dramatis' }), el('p', { className: 'meta', text: 'Open or drop a story file to see its cast and who says each line; correct what is wrong and download the corrections.' }), controls]),
    el('div', { id: 'drop', text: 'Drop a story file here' })
  );
  document.addEventListener('dragover', function (ev) { ev.preventDefault(); var d = document.getElementById('drop'); if (d) d.classList.add('over'); });
  document.addEventListener('dragleave', function () { var d = document.getElementById('drop'); if (d) d.classList.remove('over'); });
  document.addEventListener('drop', function (ev) {
    ev.preventDefault();
    var d = document.getElementById('drop'); if (d) d.classList.remove('over');
    var f = ev.dataTransfer && ev.dataTransfer.files && ev.dataTransfer.files[0];
    if (f) openFile(f);
  });
  api('GET', '/api/files', null, null).then(function (j) {
    state.files = j.files || [];
    files.replaceChildren.apply(files, state.files.map(function (f, i) { return el('button', { type: 'button', text: 'Open ' + f.name, onclick: function () { openListed(i); } }); }));
    if (state.files.length === 1) openListed(0);
  }, function (e) { setStatus(e.message, true); });
}

var initial = readJson('dramatis-data');
if (APP) appShell();
if (initial) render(initial);
})();
`;
