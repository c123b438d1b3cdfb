/* loadlens charts: uPlot line charts, a canvas heat-map, and a generic view of any JSON document.
   Shared by the dashboard and the self-contained HTML report. */
(function () {
  'use strict';
  const LL = {};
  const COLORS = ['#1d3557', '#e76f51', '#2a9d8f', '#e9c46a', '#8338ec', '#457b9d', '#f4a261'];

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  LL.el = el;

  /* A function t (epoch s) -> UTC offset in seconds of the IANA zone, cached per UTC day. */
  LL.zoneOffset = function (zone) {
    const cache = new Map();
    let fmt = null;
    try { fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }); } catch (e) { fmt = null; }
    return function (t) {
      const day = Math.floor(t / 86400) * 86400 + 43200;
      if (!fmt) return 0;
      if (!cache.has(day)) {
        const part = fmt.formatToParts(new Date(day * 1000)).find(p => p.type === 'timeZoneName');
        const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(part ? part.value : '');
        cache.set(day, m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] || 0) * 60) : 0);
      }
      return cache.get(day);
    };
  };
  function offsetOf(o) { return typeof o === 'function' ? o : () => (o || 0) * 60; }

  function width(target) { return Math.max(320, (target.clientWidth || 900) - 20); }

  /* Shades each band [{from, to, color}] (x values) across the plot, over the series so that a
     short band stays visible in a dense year; a band is at least 3 pixels wide. Records how many
     were visible in the target's data-bands attribute. */
  function shade(target, bands) {
    return function (u) {
      const min = u.scales.x.min, max = u.scales.x.max, box = u.bbox, g = u.ctx;
      let n = 0;
      g.save();
      for (const b of bands) {
        if (b.to < min || b.from > max) continue;
        const x0 = u.valToPos(Math.max(b.from, min), 'x', true);
        const w = Math.max(3, u.valToPos(Math.min(b.to, max), 'x', true) - x0);
        g.fillStyle = b.color;
        g.fillRect(Math.min(x0, box.left + box.width - w), box.top, w, box.height);
        n++;
      }
      g.restore();
      target.setAttribute('data-bands', n);
    };
  }

  /* series: [{label, values}] over x (epoch seconds); opts.bands: [{from, to, color}] shaded. */
  LL.lineChart = function (target, x, series, opts) {
    opts = opts || {};
    target.textContent = '';
    const data = [x].concat(series.map(s => s.values));
    const spec = {
      width: width(target), height: opts.height || 260,
      scales: { x: { time: opts.time !== false } },
      series: [{ label: opts.xLabel || 'time' }].concat(series.map((s, i) => ({
        label: s.label, stroke: s.color || COLORS[i % COLORS.length], width: 1,
        points: { show: !!s.points }, paths: s.points ? () => null : undefined, spanGaps: false
      }))),
      axes: [{}, { label: opts.yLabel || '' }],
      cursor: { drag: { x: true, y: false } },
      hooks: opts.bands && opts.bands.length ? { draw: [shade(target, opts.bands)] } : {}
    };
    return new uPlot(spec, data, target);
  };

  /* Day × time-of-day heat-map of a regular series; values per interval, local offset in minutes. */
  LL.heatmap = function (target, t, v, step, zoneOffset) {
    target.textContent = '';
    if (!t.length) { target.appendChild(el('p', { class: 'muted' }, 'no data')); return null; }
    const perDay = Math.round(86400 / step);
    const off = offsetOf(zoneOffset);
    const day0 = Math.floor((t[0] + off(t[0])) / 86400);
    const last = t[t.length - 1];
    const days = Math.floor((last + off(last)) / 86400) - day0 + 1;
    const cw = Math.max(1, Math.min(4, Math.floor(1000 / days))), ch = Math.max(2, Math.floor(240 / perDay));
    const c = el('canvas', { class: 'heat', width: days * cw, height: perDay * ch });
    const g = c.getContext('2d');
    let max = 0;
    for (const y of v) if (y != null && y > max) max = y;
    for (let i = 0; i < t.length; i++) {
      const y = v[i];
      const local = t[i] + off(t[i]);
      const d = Math.floor(local / 86400) - day0;
      const s = Math.floor((local % 86400) / step);
      if (y == null) { g.fillStyle = '#ccc'; } else {
        const f = max > 0 ? y / max : 0;
        g.fillStyle = 'hsl(' + Math.round(240 - 240 * f) + ',80%,' + Math.round(25 + 40 * f) + '%)';
      }
      g.fillRect(d * cw, s * ch, cw, ch);
    }
    target.appendChild(c);
    return c;
  };

  /* Mean day shape of weekdays and weekends (local time) from a regular series. */
  LL.typicalDays = function (t, v, step, zoneOffset) {
    const perDay = Math.round(86400 / step), off = offsetOf(zoneOffset);
    const sum = [new Array(perDay).fill(0), new Array(perDay).fill(0)];
    const n = [new Array(perDay).fill(0), new Array(perDay).fill(0)];
    for (let i = 0; i < t.length; i++) {
      if (v[i] == null) continue;
      const local = t[i] + off(t[i]), dow = (Math.floor(local / 86400) + 4) % 7; // 1970-01-01 was a Thursday
      const k = dow === 0 || dow === 6 ? 1 : 0, s = Math.floor((local % 86400) / step);
      sum[k][s] += v[i]; n[k][s]++;
    }
    return sum.map((row, k) => row.map((x, s) => n[k][s] ? x / n[k][s] : null));
  };

  function isNumArray(a) { return Array.isArray(a) && a.length > 1 && a.every(x => typeof x === 'number' || x === null); }

  const LIST_SHOWN = 8;

  /* A long list (a segment's members, say) folded: its size and first items, all of them on opening. */
  function longList(items) {
    const text = x => typeof x === 'object' ? JSON.stringify(x) : String(x);
    const d = el('details', { class: 'long-list' });
    d.appendChild(el('summary', {}, items.length + ': ' + items.slice(0, 3).map(text).join(', ') + ', …'));
    d.appendChild(el('div', {}, items.map(text).join(', ')));
    return d;
  }

  /* Any JSON value: numeric arrays become small charts, arrays of objects tables, long lists fold,
     the rest key/value. */
  LL.renderValue = function (target, key, value, depth) {
    depth = depth || 0;
    if (isNumArray(value)) {
      const box = el('div', { class: 'chart', 'data-field': key });
      target.appendChild(el('div', { class: 'kv' }, key));
      target.appendChild(box);
      LL.lineChart(box, value.map((_, i) => i), [{ label: key, values: value }], { time: false, height: 160, xLabel: 'index' });
      return;
    }
    if (Array.isArray(value) && value.length && value.every(x => x && typeof x === 'object' && !Array.isArray(x))) {
      target.appendChild(el('div', { class: 'kv' }, key));
      const cols = [...new Set(value.flatMap(o => Object.keys(o)))];
      const table = el('table', { 'data-field': key });
      const head = el('tr'); cols.forEach(c => head.appendChild(el('th', {}, c))); table.appendChild(head);
      value.forEach(o => {
        const tr = el('tr');
        cols.forEach(c => {
          const x = o[c];
          const td = el('td');
          if (c === 'confidence' && typeof x === 'number') {
            td.appendChild(el('span', { class: 'bar', style: 'width:' + Math.round(x * 80) + 'px' }));
            td.appendChild(document.createTextNode(' ' + Math.round(x * 100) + '%'));
          } else if (isNumArray(x)) {
            const box = el('div', { style: 'width:360px' }); td.appendChild(box);
            tr.appendChild(td);
            setTimeout(() => LL.lineChart(box, x.map((_, i) => i), [{ label: c, values: x }], { time: false, height: 120 }), 0);
            return;
          } else if (Array.isArray(x) && x.length > LIST_SHOWN) {
            td.appendChild(longList(x));
          } else {
            td.textContent = x === undefined ? '' : (typeof x === 'object' ? JSON.stringify(x) : String(x));
          }
          tr.appendChild(td);
        });
        table.appendChild(tr);
      });
      target.appendChild(table);
      return;
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && depth < 2) {
      const box = el('div', { class: 'kv', 'data-field': key });
      box.appendChild(el('b', {}, key));
      const keys = Object.keys(value);
      const allNum = keys.length > 0 && keys.every(k => isNumArray(value[k]) && value[k].length === value[keys[0]].length);
      if (allNum && keys.length <= 8) {
        const chart = el('div', { class: 'chart' }); box.appendChild(chart); target.appendChild(box);
        const n = value[keys[0]].length;
        const tk = keys.find(k => (k === 't' || k === 'time' || k === 'epochSeconds') && value[k][0] > 1e9);
        if (tk) {
          LL.lineChart(chart, value[tk], keys.filter(k => k !== tk).map(k => ({ label: k, values: value[k] })), { height: 200 });
        } else {
          LL.lineChart(chart, [...Array(n).keys()], keys.map(k => ({ label: k, values: value[k] })), { time: false, height: 200, xLabel: 'index' });
        }
        return;
      }
      const inner = el('div', { style: 'margin-left:1em' });
      keys.forEach(k => LL.renderValue(inner, k, value[k], depth + 1));
      box.appendChild(inner); target.appendChild(box);
      return;
    }
    const line = el('div', { class: 'kv', 'data-field': key });
    line.appendChild(el('b', {}, key + ': '));
    if (Array.isArray(value) && value.length > LIST_SHOWN) line.appendChild(longList(value));
    else line.appendChild(document.createTextNode(typeof value === 'object' ? JSON.stringify(value) : String(value)));
    target.appendChild(line);
  };

  LL.renderDocument = function (target, doc) {
    target.textContent = '';
    if (!doc || typeof doc !== 'object') { target.appendChild(el('p', { class: 'muted' }, 'no document')); return; }
    Object.keys(doc).forEach(k => LL.renderValue(target, k, doc[k], 0));
  };

  LL.card = function (target, label, value) {
    const c = el('div', { class: 'card' });
    c.appendChild(el('b', {}, value)); c.appendChild(document.createTextNode(label));
    target.appendChild(c);
  };

  /* Load profile with estimated/edited/missing intervals highlighted as points on a second series,
     and bands [{from, to, color}] (epoch seconds, e.g. gaps and outages) shaded behind it. */
  LL.loadProfile = function (target, r, bands) {
    const est = r.v.map((y, i) => r.quality && r.quality[i] && r.quality[i] !== 'VALID' ? (y == null ? 0 : y) : null);
    const series = [{ label: (r.source === 'validated' ? 'validated ' : 'raw ') + r.unit, values: r.v }];
    if (r.quality) series.push({ label: 'estimated / edited / missing', values: est, color: '#e76f51', points: true });
    return LL.lineChart(target, r.t, series, { yLabel: r.unit, bands: bands || [] });
  };

  window.LL = LL;
})();
