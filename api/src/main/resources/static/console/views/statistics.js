// Statistics (docs/api.md) with plain bar charts (no chart library: a few bars do not need one).
import { h, replace } from '../dom.js';
import { t, label } from '../i18n.js';
import { ENUMS } from '../enums.js';
import { get } from '../api.js';
import { filterBar, loaded } from './table.js';

export async function statistics(page) {
  const body = h('div.stats');
  const show = async (filter) => loaded(replace(body, charts(await get('/api/statistics', filter))));
  const bar = filterBar([{ name: 'villageCode', title: t('filter.villageCode') },
    { name: 'from', type: 'date', title: t('filter.from') }, { name: 'to', type: 'date', end: true, title: t('filter.to') }],
  (values) => show(values));
  await show({});
  replace(page, h('h1', {}, t('stats.title')), bar, body);
}

function charts(s) {
  const figure = (key, value) => h('div.figure', { 'data-figure': key }, h('strong', {}, value ?? '—'), h('span', {}, t(key)));
  return [
    h('div.figures', {},
      figure('stats.cases', s.cases), figure('stats.overdue', s.overdue),
      figure('stats.median', s.medianHoursToFirstAssessment === null || s.medianHoursToFirstAssessment === undefined
        ? null : s.medianHoursToFirstAssessment.toFixed(1)),
      figure('stats.emergencies', s.emergencies)),
    chart('stats.byRisk', ENUMS.RiskLevel.map((r) => [label('RiskLevel', r), s.byRiskLevel[r] || 0, `risk-${r}`])),
    chart('stats.byStatus', ENUMS.Status.map((st) => [label('Status', st), s.byStatus[st] || 0, 'plain'])),
    chart('stats.perCaseworker', Object.entries(s.openCasesPerCaseworker).map(([who, n]) => [who, n, 'plain'])),
  ];
}

function chart(title, bars) {
  const max = Math.max(1, ...bars.map(([, n]) => n));
  return h('section.chart', { 'data-chart': title }, h('h2', {}, t(title)),
    bars.map(([name, n, style]) => h('div.bar-row', {},
      h('span.bar-label', {}, name),
      h('span.bar-track', {}, width(h(`span.bar.${style}`), (100 * n) / max)),
      h('span.bar-value', {}, n))));
}

/** Through the CSSOM: the Content-Security-Policy refuses style attributes, not styles set by the page's script. */
function width(el, percent) {
  el.style.width = `${percent}%`;
  return el;
}
