/* loadlens dashboard: token login (sessionStorage), fleet overview, consumer view. */
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const KEY = 'loadlens.token';
  let me = null;

  async function api(path) {
    const r = await fetch('/api/v1' + path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(KEY) } });
    if (r.status === 401) { logout(); throw new Error('signed out'); }
    const body = await r.json();
    if (!r.ok) { const e = new Error(body.detail || r.statusText); e.status = r.status; throw e; }
    return body;
  }
  const status = t => { $('status').textContent = t; };

  function show(id) {
    ['login', 'fleet', 'consumer'].forEach(s => { $(s).hidden = s !== id; });
    $('nav').hidden = id === 'login';
  }

  function logout() { sessionStorage.removeItem(KEY); me = null; show('login'); }

  async function login(token) {
    sessionStorage.setItem(KEY, token);
    try {
      me = await api('/me');
      $('login-error').textContent = '';
      $('nav-fleet').hidden = me.role === 'consumer';
      route();
    } catch (e) {
      sessionStorage.removeItem(KEY);
      show('login');
      $('login-error').textContent = 'Sign-in failed: ' + e.message;
    }
  }

  function route() {
    if (!me) { show('login'); return; }
    const view = location.hash === '#consumer' || me.role === 'consumer' ? 'consumer' : 'fleet';
    show(view);
    (view === 'fleet' ? fleet() : consumer()).catch(e => status('Error: ' + e.message));
  }

  async function fleet() {
    status('loading fleet…');
    const o = await api('/fleet/overview');
    const cards = $('fleet-cards'); cards.textContent = '';
    LL.card(cards, 'meters', o.meters);
    LL.card(cards, 'meters read (range)', o.metersRead);
    LL.card(cards, 'mean completeness', (o.completenessMean * 100).toFixed(1) + ' %');
    LL.card(cards, 'range', o.from.slice(0, 10) + ' → ' + o.to.slice(0, 10));
    const f = $('fleet-failures'); f.textContent = '';
    const codes = Object.keys(o.failuresByCode);
    if (!codes.length) f.appendChild(LL.el('p', { class: 'muted' }, 'no failures in range'));
    else LL.renderValue(f, 'failures', codes.map(k => ({ code: k, count: o.failuresByCode[k] })));
    const a = await api('/fleet/aggregate?from=' + o.from + '&to=' + o.to + '&bucket=PT1H');
    const peak = a.coincidentPeak;
    const marks = a.t.map(t => peak && t === Date.parse(peak.time) / 1000 ? peak.value : null);
    LL.lineChart($('fleet-aggregate'), a.t, [{ label: 'fleet ' + a.unit + ' per hour', values: a.v },
      { label: 'coincident peak' + (peak ? ' ' + peak.time : ''), values: marks, color: '#e76f51', points: true }], { yLabel: a.unit });
    try {
      const seg = await api('/fleet/segments');
      const segs = Array.isArray(seg.document) ? seg.document : [];
      const shape = s => s.centroidShape || s.centroid;
      const withShape = segs.filter(s => Array.isArray(shape(s)));
      if (withShape.length) {
        const n = shape(withShape[0]).length;
        LL.lineChart($('fleet-segments'), [...Array(n).keys()], withShape.map(s => ({
          label: (s.label || 'segment ' + s.id) + (s.size !== undefined ? ' (' + s.size + ')' : ''), values: shape(s) })), { time: false, xLabel: 'interval of day' });
      } else LL.renderDocument($('fleet-segments'), { segments: seg.document });
    } catch (e) { $('fleet-segments').textContent = e.status === 404 ? 'no segments computed yet' : e.message; }
    try { LL.renderDocument($('fleet-forecast'), { forecast: (await api('/fleet/forecast')).document }); }
    catch (e) { $('fleet-forecast').textContent = e.status === 404 ? 'no forecast computed yet' : e.message; }
    status('fleet loaded');
  }

  async function consumer() {
    const sel = $('meter-select');
    if (!sel.options.length) {
      const page = await api('/meters?limit=1000');
      page.items.forEach(m => sel.appendChild(LL.el('option', { value: m.id }, m.id)));
    }
    const id = sel.value;
    if (!id) { status('no meters'); return; }
    status('loading ' + id + '…');
    const d = await api('/meters/' + encodeURIComponent(id));
    const ch = d.channels.find(c => c.obis === '1-0:1.29.0.255') || d.channels[0];
    if (!ch || !ch.lastCapture) { status('no readings for ' + id); return; }
    const to = new Date(Date.parse(ch.lastCapture) + 1000).toISOString();
    const from = new Date(Date.parse(to) - 365 * 86400e3).toISOString();
    const q = '?obis=' + ch.obis + '&from=' + from + '&to=' + to;
    let r;
    try { r = await api('/meters/' + encodeURIComponent(id) + '/readings' + q + '&source=validated'); }
    catch (e) { if (e.status !== 404) throw e; r = await api('/meters/' + encodeURIComponent(id) + '/readings' + q); }
    const cards = $('consumer-cards'); cards.textContent = '';
    const total = r.v.reduce((s, x) => s + (x || 0), 0);
    LL.card(cards, 'energy in range (kWh)', (total / 1000).toFixed(1));
    LL.card(cards, 'intervals', r.count);
    if (r.qualityCounts) LL.card(cards, 'estimated / missing', (r.qualityCounts.ESTIMATED || 0) + ' / ' + (r.qualityCounts.MISSING || 0));
    LL.card(cards, 'zone', d.meter.zone);
    LL.loadProfile($('consumer-profile'), r);
    const offset = LL.zoneOffset(d.meter.zone);
    LL.heatmap($('consumer-heatmap'), r.t, r.v, r.resolutionSeconds, offset);
    const td = LL.typicalDays(r.t, r.v, r.resolutionSeconds, offset);
    LL.lineChart($('consumer-typical'), [...Array(td[0].length).keys()].map(i => i * r.resolutionSeconds / 3600),
      [{ label: 'weekday', values: td[0] }, { label: 'weekend', values: td[1] }], { time: false, xLabel: 'hour' });
    const box = $('consumer-insights'); box.textContent = '';
    const docs = await api('/meters/' + encodeURIComponent(id) + '/insights');
    if (!docs.length) box.appendChild(LL.el('p', { class: 'muted' }, 'no insights computed yet'));
    docs.forEach(doc => { const s = LL.el('div'); box.appendChild(LL.el('h4', {}, doc.kind + ' (computed ' + doc.computedAt + ')')); box.appendChild(s); LL.renderDocument(s, doc.document); });
    status(id + ' loaded');
  }

  $('login-form').addEventListener('submit', ev => { ev.preventDefault(); login($('token').value.trim()); });
  $('logout').addEventListener('click', logout);
  $('meter-select').addEventListener('change', () => consumer().catch(e => status('Error: ' + e.message)));
  window.addEventListener('hashchange', route);
  if (sessionStorage.getItem(KEY)) login(sessionStorage.getItem(KEY)); else show('login');
})();
