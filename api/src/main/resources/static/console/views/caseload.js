// The caseload dashboard: the filters of docs/api.md, most urgent first (the registry's order: RED, then longest
// overdue), a colour badge per case.
import { h, replace } from '../dom.js';
import { t, label } from '../i18n.js';
import { ENUMS } from '../enums.js';
import { get } from '../api.js';
import { filterBar, pagedTable } from './table.js';
import { caseLink, overdueBadge, riskBadge, statusBadge } from './badges.js';

export async function caseload(page) {
  let filter = {};
  const table = pagedTable({
    load: (n) => get('/api/cases', { ...filter, page: n, size: 20 }),
    empty: t('caseload.empty'),
    caption: (result) => t('caseload.total', { total: result.total }),
    columns: [
      // only an erased case has no child's name
      { title: t('col.child'), cell: (c) => caseLink(c.caseId, c.childName ?? t('erased.name')) },
      { title: t('col.risk'), cell: (c) => [riskBadge(c.riskLevel), overdueBadge(c.overdue)] },
      { title: t('col.status'), cell: (c) => statusBadge(c.status) },
      { title: t('col.nextVisit'), cell: (c) => c.nextVisitDue || '' },
      { title: t('col.caseworker'), cell: (c) => c.caseworker || '' },
      { title: t('col.village'), cell: (c) => c.villageCode },
    ],
  });
  const filters = filterBar([
    { name: 'villageCode', title: t('filter.villageCode') },
    { name: 'status', title: t('col.status'), options: ENUMS.Status.map((s) => [s, label('Status', s)]) },
    { name: 'riskLevel', title: t('col.risk'), options: ENUMS.RiskLevel.map((r) => [r, label('RiskLevel', r)]) },
    { name: 'caseworker', title: t('col.caseworker') },
    { name: 'overdue', type: 'checkbox', title: t('filter.overdue') },
  ], (values) => { filter = values; table.show(0); });
  await table.show(0);
  replace(page, h('h1', {}, t('caseload.title')), filters, table.el);
}
