// Retention (docs/erasure.md): the closed cases of the reader's jurisdictions whose retention has passed, oldest
// due first; a supervisor asks for the erasure of one here, on the basis RETENTION_EXPIRED, and somebody else
// decides on it in the case file.
import { h, replace } from '../dom.js';
import { t, label, when } from '../i18n.js';
import { get, post } from '../api.js';
import { form } from '../forms.js';
import { COMMANDS } from '../commands.js';
import { pagedTable } from './table.js';
import { caseLink } from './badges.js';

export async function privacy(page, { me }, flash) {
  const reload = (message) => privacy(page, { me }, message);
  const panel = h('div.panel', { id: 'erasure-request' });
  const erasure = COMMANDS.find((c) => c.path === 'erasure');
  const request = (x) => replace(panel, h('h2', {}, t('privacy.request', { caseId: x.caseId })), form({
    fields: erasure.fields('RETENTION_EXPIRED'),
    onCancel: () => replace(panel),
    onSubmit: async (body) => {
      await post(`/api/cases/${encodeURIComponent(x.caseId)}/erasure`, body);
      await reload(t('privacy.requested', { caseId: x.caseId }));
    },
  }));
  const due = pagedTable({
    load: (n) => get('/api/privacy/due', { page: n, size: 50 }),
    empty: t('privacy.none'),
    caption: (result) => t('privacy.total', { total: result.total }),
    columns: [
      { title: t('col.case'), cell: (x) => caseLink(x.caseId, x.caseId) },
      { title: t('col.village'), cell: (x) => x.villageCode },
      { title: t('case.closedAt'), cell: (x) => when(x.closedAt) },
      { title: t('col.dueOn'), cell: (x) => x.dueOn },
      { title: t('col.rules'), cell: (x) => x.rules.map((r) => label('Retention', r)).join(' · ') },
      {
        title: t('col.erasure'),
        cell: (x) => {
          if (x.erasureRequested) return t('privacy.awaiting');
          return me.role !== 'SUPERVISOR' ? '' : h('button', { type: 'button', 'data-request': x.caseId,
            on: { click: () => request(x) } }, t('a.erasure'));
        },
      },
    ],
  });
  await due.show(0);
  due.el.id = 'privacy-due';
  replace(page, h('h1', {}, t('privacy.title')), flash && h('p.flash', { role: 'status' }, flash),
    h('p.muted', {}, t('privacy.intro')), due.el, panel);
}
