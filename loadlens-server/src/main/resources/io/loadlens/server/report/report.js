/* Renders a loadlens report from the JSON embedded in the page (no network access). */
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const root = document.getElementById('report');
  const section = title => { root.appendChild(LL.el('h2', {}, title)); const d = LL.el('div', { class: 'chart' }); root.appendChild(d); return d; };
  if (data.kind === 'fleet') {
    const o = data.overview, cards = LL.el('div', { class: 'cards' }); root.appendChild(cards);
    LL.card(cards, 'meters', o.meters); LL.card(cards, 'meters read', o.metersRead);
    LL.card(cards, 'mean completeness', (o.completenessMean * 100).toFixed(1) + ' %');
    const a = data.aggregate;
    if (a && a.t.length) {
      const peak = a.coincidentPeak;
      LL.lineChart(section('Aggregate load, coincident peak ' + (peak ? peak.time + ' (' + peak.value.toFixed(0) + ' ' + a.unit + ')' : '')), a.t,
        [{ label: 'fleet ' + a.unit, values: a.v }, { label: 'peak', color: '#e76f51', points: true, values: a.t.map(t => peak && t === Date.parse(peak.time) / 1000 ? peak.value : null) }]);
    }
    LL.renderValue(section('Failures by code'), 'failures', Object.keys(o.failuresByCode).map(k => ({ code: k, count: o.failuresByCode[k] })));
    (data.insights || []).forEach(d => LL.renderDocument(section('Fleet insights: ' + d.kind), d.document));
  } else {
    const r = data.readings, cards = LL.el('div', { class: 'cards' }); root.appendChild(cards);
    LL.card(cards, 'meter', data.meter.meter.id); LL.card(cards, 'intervals', r.count);
    LL.card(cards, 'energy (kWh)', (r.v.reduce((s, x) => s + (x || 0), 0) / 1000).toFixed(1));
    LL.loadProfile(section('Load profile (' + r.source + ')'), r);
    const zone = data.meter.meter.zone, offset = LL.zoneOffset(zone);
    LL.heatmap(section('Heat-map (day × time of day, ' + zone + ')'), r.t, r.v, r.resolutionSeconds, offset);
    const td = LL.typicalDays(r.t, r.v, r.resolutionSeconds, offset);
    LL.lineChart(section('Typical days (' + zone + ')'), [...Array(td[0].length).keys()].map(i => i * r.resolutionSeconds / 3600),
      [{ label: 'weekday', values: td[0] }, { label: 'weekend', values: td[1] }], { time: false, xLabel: 'hour' });
    (data.insights || []).forEach(d => LL.renderDocument(section('Insights: ' + d.kind), d.document));
  }
})();
