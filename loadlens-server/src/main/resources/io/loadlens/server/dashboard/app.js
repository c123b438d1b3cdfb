/* loadlens dashboard: token login (sessionStorage), fleet overview, consumer view, operations view. */
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const KEY = 'loadlens.token';
  const VIEWS = ['login', 'fleet', 'consumer', 'operations'];
  const OPERATOR_ROLES = ['operator', 'admin'];
  let me = null;

  async function api(path) {
    const r = await fetch('/api/v1' + path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(KEY) } });
    if (r.status === 401) { logout(); throw new Error('signed out'); }
    const body = await r.json();
    if (!r.ok) { const e = new Error(body.detail || r.statusText); e.status = r.status; throw e; }
    return body;
  }
  const status = t => { $('status').textContent = t; };
  const canOperate = () => !!me && OPERATOR_ROLES.includes(me.role);
  const muted = (target, text) => target.appendChild(LL.el('p', { class: 'muted' }, text));
  const problem = (target, text) => target.appendChild(LL.el('p', { class: 'error' }, text));
  /* An ISO instant as 'YYYY-MM-DD hh:mm UTC'; '' for none. */
  const when = t => t ? t.slice(0, 16).replace('T', ' ') + ' UTC' : '';
  const meterLink = id => LL.el('a', { href: '#consumer/' + encodeURIComponent(id), 'data-meter': id }, id);

  function show(id) {
    VIEWS.forEach(s => { $(s).hidden = s !== id; });
    $('nav').hidden = id === 'login';
  }

  function logout() { sessionStorage.removeItem(KEY); me = null; $('meter-select').textContent = ''; show('login'); }

  async function login(token) {
    sessionStorage.setItem(KEY, token);
    try {
      me = await api('/me');
      $('login-error').textContent = '';
      $('nav-fleet').hidden = me.role === 'consumer';
      $('nav-operations').hidden = !canOperate();
      route();
    } catch (e) {
      sessionStorage.removeItem(KEY);
      show('login');
      $('login-error').textContent = 'Sign-in failed: ' + e.message;
    }
  }

  /* #fleet, #consumer, #consumer/<meter id>, #operations; a view the role may not open falls back. */
  function route() {
    if (!me) { show('login'); return; }
    const [hash, arg] = location.hash.slice(1).split('/');
    const view = me.role === 'consumer' || hash === 'consumer' ? 'consumer'
      : hash === 'operations' && canOperate() ? 'operations' : 'fleet';
    show(view);
    let pick = null;
    try { pick = arg ? decodeURIComponent(arg) : null; } catch (e) { pick = null; }
    const run = view === 'fleet' ? fleet : view === 'operations' ? operations : () => consumer(pick);
    run().catch(e => status('Error: ' + e.message));
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
      const segLabel = s => (s.label || 'segment ' + s.id) + (s.size !== undefined ? ' (' + s.size + ')' : '');
      const withShape = segs.filter(s => Array.isArray(shape(s)));
      if (withShape.length) {
        const n = shape(withShape[0]).length;
        LL.lineChart($('fleet-segments'), [...Array(n).keys()], withShape.map(s => ({
          label: segLabel(s), values: shape(s) })), { time: false, xLabel: 'interval of day' });
      } else LL.renderDocument($('fleet-segments'), { segments: seg.document });
      const withRoutine = segs.filter(s => Array.isArray(s.routineShape) && s.routineShape.length === 48);
      $('fleet-routines').textContent = '';
      if (withRoutine.length) {
        LL.lineChart($('fleet-routines'), [...Array(48).keys()], withRoutine.map(s => ({ label: segLabel(s), values: s.routineShape })),
          { time: false, xLabel: 'hour (0–23 weekday, 24–47 weekend)', yLabel: 'relative to the routine mean' });
      } else muted($('fleet-routines'), 'no routine centres in this segmentation');
    } catch (e) { $('fleet-segments').textContent = e.status === 404 ? 'no segments computed yet' : e.message; }
    try { LL.renderDocument($('fleet-forecast'), { forecast: (await api('/fleet/forecast')).document }); }
    catch (e) { $('fleet-forecast').textContent = e.status === 404 ? 'no forecast computed yet' : e.message; }
    status('fleet loaded');
  }

  async function consumer(pick) {
    const sel = $('meter-select');
    if (!sel.options.length) {
      const page = await api('/meters?limit=1000');
      page.items.forEach(m => sel.appendChild(LL.el('option', { value: m.id }, m.id)));
    }
    if (pick && [...sel.options].some(o => o.value === pick)) sel.value = pick;
    const id = sel.value;
    if (!id) { status('no meters'); return; }
    history.replaceState(null, '', '#consumer/' + encodeURIComponent(id));
    status('loading ' + id + '…');
    ['consumer-cards', 'consumer-profile', 'consumer-heatmap', 'consumer-typical', 'consumer-insights', 'consumer-events']
      .forEach(b => { $(b).textContent = ''; });
    const events = await meterEvents(id, $('consumer-events'));
    const d = await api('/meters/' + encodeURIComponent(id));
    const ch = d.channels.find(c => c.obis === '1-0:1.29.0.255') || d.channels[0];
    if (!ch || !ch.lastCapture) { muted($('consumer-profile'), 'no readings for ' + id); status('no readings for ' + id); return; }
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
    LL.loadProfile($('consumer-profile'), r, events.filter(e => BANDS[e.kind]).map(e => ({
      from: Date.parse(e.start) / 1000, to: Date.parse(e.end) / 1000, color: BANDS[e.kind] })));
    const offset = LL.zoneOffset(d.meter.zone);
    LL.heatmap($('consumer-heatmap'), r.t, r.v, r.resolutionSeconds, offset);
    const td = LL.typicalDays(r.t, r.v, r.resolutionSeconds, offset);
    LL.lineChart($('consumer-typical'), [...Array(td[0].length).keys()].map(i => i * r.resolutionSeconds / 3600),
      [{ label: 'weekday', values: td[0] }, { label: 'weekend', values: td[1] }], { time: false, xLabel: 'hour' });
    const box = $('consumer-insights'); box.textContent = '';
    const docs = await api('/meters/' + encodeURIComponent(id) + '/insights');
    if (!docs.length) box.appendChild(LL.el('p', { class: 'muted' }, 'no insights computed yet'));
    const seg = docs.find(doc => doc.kind === 'segment');
    if (seg && seg.document && seg.document.label) {
      LL.card(cards, 'segment (' + seg.document.size + ' of ' + seg.document.consumers + ' consumers)', seg.document.label);
    }
    docs.forEach(doc => { const s = LL.el('div'); box.appendChild(LL.el('h4', {}, doc.kind + ' (computed ' + doc.computedAt + ')')); box.appendChild(s); LL.renderDocument(s, doc.document); });
    status(id + ' loaded');
  }

  /* Gaps and outages are shaded on the load profile. */
  const BANDS = { GAP: 'rgba(110,110,110,0.45)', OUTAGE: 'rgba(230,57,70,0.5)' };
  const EVENTS_FETCHED = 500, EVENTS_LISTED = 100;

  /* Lists the meter's newest events into box; returns those fetched ([] when the call failed). */
  async function meterEvents(id, box) {
    let page;
    try { page = await api('/meters/' + encodeURIComponent(id) + '/events?order=desc&limit=' + EVENTS_FETCHED); }
    catch (e) { problem(box, 'events could not be loaded: ' + e.message); return []; }
    if (!page.items.length) { muted(box, 'no events recorded for ' + id); return []; }
    const shown = page.items.slice(0, EVENTS_LISTED);
    if (page.total > shown.length) muted(box, 'the ' + shown.length + ' newest of ' + page.total + ' events');
    box.appendChild(table(['kind', 'start', 'end', 'code', 'detail'], shown.map(e => ({
      attrs: { 'data-kind': e.kind }, cells: [e.kind, when(e.start), e.end === e.start ? '' : when(e.end), e.code || '', e.detail] }))));
    return page.items;
  }

  /* A table from column names and rows of {cells: [text or element], attrs}. */
  function table(columns, rows) {
    const t = LL.el('table');
    const head = LL.el('tr'); columns.forEach(c => head.appendChild(LL.el('th', {}, c))); t.appendChild(head);
    rows.forEach(r => {
      const tr = LL.el('tr', r.attrs);
      r.cells.forEach(x => { const td = LL.el('td'); if (x instanceof Node) td.appendChild(x); else td.textContent = x == null ? '' : String(x); tr.appendChild(td); });
      t.appendChild(tr);
    });
    return t;
  }

  async function operations() {
    status('loading operations…');
    const cards = $('ops-cards'), meters = $('ops-meters'), codes = $('ops-codes'), recent = $('ops-recent');
    [cards, meters, codes, recent].forEach(b => { b.textContent = ''; });
    let failed = false;
    try {
      const s = await api('/collector/status');
      LL.card(cards, 'meters known', s.meters);
      LL.card(cards, 'read recently', s.readRecently);
      LL.card(cards, 'stale (' + s.neverRead + ' never read)', s.stale);
      LL.card(cards, 'failing (last 24 h)', s.failing);
      attention(meters, s);
    } catch (e) {
      failed = true;
      problem(cards, 'collector status could not be loaded: ' + e.message);
      problem(meters, 'stale and failing meters unknown (collector status unavailable)');
    }
    try {
      const e = await api('/collector/errors?limit=50');
      errorCodes(codes, e.byCode);
      if (!e.recent.length) muted(recent, 'no read errors in the last 7 days');
      else recent.appendChild(table(['time', 'meter', 'kind', 'code', 'detail'], e.recent.map(x => ({
        attrs: { 'data-code': x.code }, cells: [when(x.start), meterLink(x.meter), x.kind, x.code, x.detail] }))));
    } catch (e) {
      failed = true;
      problem(codes, 'read errors could not be loaded: ' + e.message);
      problem(recent, 'recent errors unknown (read errors unavailable)');
    }
    status(failed ? 'operations loaded with errors' : 'operations loaded');
  }

  /* Stale and failing meters in one table: failing ones (newest failure first), then stale ones. */
  function attention(box, s) {
    const rows = new Map();
    s.failingMeters.forEach(m => rows.set(m.meter, Object.assign({ state: 'failing' }, m)));
    s.staleMeters.forEach(m => {
      const state = m.lastCapture ? 'stale' : 'never read';
      if (rows.has(m.meter)) rows.get(m.meter).state = state + ', failing';
      else rows.set(m.meter, Object.assign({ state: state }, m));
    });
    if (!rows.size) { muted(box, 'no stale or failing meters'); return; }
    if (s.stale > s.staleMeters.length || s.failing > s.failingMeters.length) {
      muted(box, 'listing ' + s.staleMeters.length + ' of ' + s.stale + ' stale and ' + s.failingMeters.length + ' of ' + s.failing + ' failing meters');
    }
    box.appendChild(table(['meter', 'state', 'last capture', 'last error', 'at', 'detail', ''], [...rows.values()].map(m => {
      const err = m.lastError || {};
      return { attrs: { 'data-meter': m.meter }, cells: [m.meter, m.state, m.lastCapture ? when(m.lastCapture) : 'never',
        err.code || '', when(err.start), err.detail || '', LL.el('a', { href: '#consumer/' + encodeURIComponent(m.meter) }, 'events →')] };
    })));
  }

  /* Errors by operator code as a table with a bar per code. */
  function errorCodes(box, byCode) {
    if (!byCode.length) { muted(box, 'no read errors in the last 7 days'); return; }
    const max = Math.max(...byCode.map(c => c.count));
    box.appendChild(table(['code', 'name', 'errors', 'meters', 'latest'], byCode.map(c => {
      const bar = LL.el('span');
      bar.appendChild(LL.el('span', { class: 'bar', style: 'width:' + Math.max(2, Math.round(200 * c.count / max)) + 'px' }));
      bar.appendChild(document.createTextNode(' ' + c.count));
      return { attrs: { 'data-code': c.code }, cells: [c.code, c.name, bar, c.meterCount, when(c.lastAt)] };
    })));
  }

  $('login-form').addEventListener('submit', ev => { ev.preventDefault(); login($('token').value.trim()); });
  $('logout').addEventListener('click', logout);
  $('meter-select').addEventListener('change', () => consumer().catch(e => status('Error: ' + e.message)));
  window.addEventListener('hashchange', route);
  if (sessionStorage.getItem(KEY)) login(sessionStorage.getItem(KEY)); else show('login');
})();
