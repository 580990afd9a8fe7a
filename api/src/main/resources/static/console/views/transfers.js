// The pending transfers that involve the supervisor's jurisdictions (docs/api.md "Transfers"): incoming ones, to
// accept or decline without the case file (it is not theirs to read before the case moves), and outgoing ones,
// awaiting the receiving side.
import { h, replace } from '../dom.js';
import { t, when } from '../i18n.js';
import { get, post } from '../api.js';
import { form } from '../forms.js';
import { pagedTable } from './table.js';
import { caseLink, riskBadge, statusBadge } from './badges.js';

export const DECISION_FIELDS = () => [{ name: 'accept', type: 'bool', kind: 'Accept' },
  { name: 'note', type: 'textarea' }];

export async function transfers(page, { me }, flash) {
  const reload = (message) => transfers(page, { me }, message);
  const panel = h('div.panel', { id: 'transfer-decision' });
  const decide = (x) => replace(panel, h('h2', {}, t('transfers.decide', { caseId: x.caseId })), form({
    fields: DECISION_FIELDS(),
    onCancel: () => replace(panel),
    onSubmit: async (body) => {
      await post(`/api/cases/${encodeURIComponent(x.caseId)}/transfer/decision`, body, x.version);
      await reload(t(body.accept ? 'transfers.accepted' : 'transfers.declined', { caseId: x.caseId }));
    },
  }));
  const common = [
    { title: t('col.risk'), cell: (x) => [riskBadge(x.riskLevel), statusBadge(x.status)] },
    { title: t('col.from'), cell: (x) => x.fromVillageCode },
    { title: t('col.to'), cell: (x) => x.toVillageCode },
    { title: t('col.why'), cell: (x) => x.reason },
    { title: t('col.requested'), cell: (x) => `${x.requestedBy} · ${when(x.requestedAt)}` },
  ];
  const incoming = pagedTable({
    load: (n) => get('/api/transfers', { direction: 'incoming', page: n, size: 20 }),
    empty: t('transfers.none'),
    columns: [{ title: t('col.case'), cell: (x) => x.caseId }, ...common, {
      title: t('col.decision'),
      cell: (x) => (x.requestedBy === me.username ? t('transfers.own')
        : h('button', { type: 'button', 'data-decide': x.caseId, on: { click: () => decide(x) } },
          t('transfers.decideButton'))),
    }],
  });
  const outgoing = pagedTable({
    load: (n) => get('/api/transfers', { direction: 'outgoing', page: n, size: 20 }),
    empty: t('transfers.none'),
    columns: [{ title: t('col.case'), cell: (x) => caseLink(x.caseId, x.caseId) }, ...common],
  });
  await Promise.all([incoming.show(0), outgoing.show(0)]);
  incoming.el.id = 'transfers-incoming';
  outgoing.el.id = 'transfers-outgoing';
  replace(page, h('h1', {}, t('transfers.title')), flash && h('p.flash', { role: 'status' }, flash),
    h('h2', {}, t('transfers.incoming')), incoming.el, panel,
    h('h2', {}, t('transfers.outgoing')), outgoing.el);
}
