// Oversight's cross-case reads: the audit trail of every event and the log of who read which case.
import { h, replace } from '../dom.js';
import { t, label, when } from '../i18n.js';
import { get } from '../api.js';
import { filterBar, pagedTable } from './table.js';
import { caseLink } from './badges.js';

const period = () => [{ name: 'from', type: 'date', title: t('filter.from') },
  { name: 'to', type: 'date', end: true, title: t('filter.to') }];

export async function auditTrail(page) {
  await listing(page, 'audit.title', '/api/audit/events', [
    { name: 'actor', title: t('filter.actor') }, { name: 'type', title: t('filter.type') },
    { name: 'villageCode', title: t('filter.villageCode') }, ...period(),
  ], [
    { title: t('col.when'), cell: (e) => when(e.occurredAt) },
    { title: t('col.case'), cell: (e) => caseLink(e.caseId, e.caseId.slice(0, 8), '/timeline') },
    { title: t('col.village'), cell: (e) => e.villageCode },
    { title: t('col.what'), cell: (e) => label('Event', e.type) },
    { title: t('col.who'), cell: (e) => `${e.actor.username} (${label('Role', e.actor.role)})` },
    { title: t('col.why'), cell: (e) => e.reason || '' },
  ]);
}

export async function accessLog(page) {
  await listing(page, 'access.title', '/api/audit/access-log', [
    { name: 'caseId', title: t('filter.caseId') }, { name: 'actor', title: t('filter.actor') }, ...period(),
  ], [
    { title: t('col.when'), cell: (r) => when(r.accessedAt) },
    { title: t('col.who'), cell: (r) => `${r.username} (${label('Role', r.role)})` },
    { title: t('col.case'), cell: readCases },
    { title: t('col.resource'), cell: (r) => label('Resource', r.resource) },
    { title: t('col.request'), cell: (r) => h('code', {}, r.requestId || '') },
  ]);
}

/** One row per read: the case read, the cases a page listed, or (statistics, tools) what the read was about. */
function readCases(r) {
  if (r.caseId) return caseLink(r.caseId, r.caseId.slice(0, 8), '/timeline');
  if (r.caseIds) {
    return h('span', {}, t('access.cases', { count: r.caseIds.length }), ' ',
      ...r.caseIds.slice(0, 5).map((id) => caseLink(id, id.slice(0, 8), '/timeline')));
  }
  return h('code', {}, Object.entries(r.detail || {}).map(([k, v]) => `${k}=${v}`).join(' '));
}

async function listing(page, title, path, filters, columns) {
  let filter = {};
  const table = pagedTable({ columns, load: (n) => get(path, { ...filter, page: n, size: 25 }), empty: '—' });
  const bar = filterBar(filters, (values) => { filter = values; table.show(0); });
  await table.show(0);
  replace(page, h('h1', {}, t(title)), bar, table.el);
}
