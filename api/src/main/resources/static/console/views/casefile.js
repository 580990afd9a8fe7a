// A child's case file, and the forms of the commands this role may record on it in its present state.
import { h, replace } from '../dom.js';
import { t, label, when } from '../i18n.js';
import { get, post } from '../api.js';
import { form } from '../forms.js';
import { commandsFor, itemCommandsFor } from '../commands.js';
import { caseLink, erasedBanner, overdueBadge, riskBadge, statusBadge } from './badges.js';
import { DECISION_FIELDS } from './transfers.js';

export async function caseFile(page, { me, params: [caseId] }, flash) {
  const file = await get(`/api/cases/${encodeURIComponent(caseId)}`);
  const erasure = file.erasure;
  const closure = file.status === 'CLOSURE_REQUESTED' && me.role === 'SUPERVISOR'
    ? await closureRequest(caseId) : null;
  const reload = (message) => caseFile(page, { me, params: [caseId] }, message);
  replace(page,
    h('div.case-head', {},
      h('h1', {}, file.erased ? t('erased.name') : file.child.name),
      statusBadge(file.status), riskBadge(file.riskLevel), overdueBadge(file.overdue),
      h('span.muted', { id: 'case-version' }, t('case.version', { version: file.version })),
      caseLink(file.caseId, t('case.timeline'), '/timeline')),
    flash && h('p.flash', { role: 'status' }, flash),
    file.erased && erasedBanner(),
    erasure && h('p.notice', { id: 'erasure-pending' },
      t('erasure.pending', { basis: label('ErasureBasis', erasure.basis), user: erasure.requestedBy,
        when: when(erasure.requestedAt), reason: erasure.reason }), ' ',
      erasure.requestedBy === me.username ? t('erasure.own') : ''),
    closure && h('p.notice', { id: 'four-eyes' },
      t('fourEyes.requested', { user: closure.requestedBy, reason: closure.reason }), ' ',
      closure.requestedBy === me.username ? t('fourEyes.own') : ''),
    file.pendingTransfer && h('p.notice', { id: 'pending-transfer' },
      t('transfer.pending', { village: file.pendingTransfer.toVillageCode, user: file.pendingTransfer.requestedBy,
        when: when(file.pendingTransfer.requestedAt), reason: file.pendingTransfer.reason })),
    h('div.sheet', {}, details(file)),
    actions(file, me, closure, reload));
}

async function closureRequest(caseId) {
  const history = await get(`/api/cases/${encodeURIComponent(caseId)}/history`);
  const request = history.events.filter((e) => e.type === 'ClosureRequested').pop();
  return request ? {
    requestedBy: request.data.requestedBy,
    reason: [label('ClosureReason', request.data.reason), request.data.note].filter(Boolean).join(': '),
  } : null;
}

function details(file) {
  if (file.erased) return erasedDetails(file);
  const person = (p) => p && [p.name, label('Relationship', p.relationship), p.age, label('Capacity', p.capacity)]
    .filter((x) => x !== undefined && x !== null && x !== '').join(' · ');
  const parent = (p) => p && [label('ParentStatus', p.status), p.workLocation].filter(Boolean).join(' · ');
  const rows = [
    ['case.child', [label('Sex', file.child.sex), file.child.dateOfBirth, label('Hukou', file.child.hukou),
      file.child.school].filter(Boolean).join(' · ')],
    ['case.father', parent(file.father)], ['case.mother', parent(file.mother)],
    ['case.caregiver', person(file.caregiver)], ['case.guardian', person(file.guardian)],
    ['case.caseworker', file.caseworker], ['case.villageCode', file.villageCode],
    ['case.reportedAt', when(file.reportedAt)], ['case.assessmentDue', when(file.assessmentDue)],
    ['case.assessedAt', when(file.assessedAt)], ['case.lastVisitAt', file.lastVisitAt],
    ['case.nextVisitDue', file.nextVisitDue],
    ['case.openReferrals', file.openReferrals.map((r) => `${label('Service', r.service)} · ${r.provider}`).join('; ')],
    ['case.openInterventions', file.openInterventions
      .map((i) => `${label('Grounds', i.grounds)} · ${i.court} · ${when(i.filedAt)}`).join('; ')],
    ['case.corrections', file.corrections.map((c) => `${c.field} → ${c.value}`).join('; ')],
  ];
  return h('dl.details', {}, rows.filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)]));
}

/** What an erased case still shows: what was done, where and when; in place of every person, "erased". */
function erasedDetails(file) {
  const rows = [
    ['case.child', [label('Sex', file.child.sex), label('Hukou', file.child.hukou), t('erased.field')].join(' · ')],
    ['case.father', t('erased.field')], ['case.mother', t('erased.field')],
    ['case.caseworker', file.caseworker], ['case.villageCode', file.villageCode],
    ['case.reportedAt', when(file.reportedAt)], ['case.assessedAt', when(file.assessedAt)],
    ['case.lastVisitAt', file.lastVisitAt], ['case.closedAt', when(file.closedAt)],
  ];
  return h('dl.details', {}, rows.filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)]));
}

/** A supervisor who covers the destination of the case's pending transfer, and did not request it, decides it. */
function receives(file, me) {
  const transfer = file.pendingTransfer;
  return me.role === 'SUPERVISOR' && transfer && file.status !== 'CLOSED' && transfer.requestedBy !== me.username
    && me.jurisdictions.some((prefix) => transfer.toVillageCode.startsWith(prefix));
}

function actions(file, me, closure, reload) {
  const commands = commandsFor(me, file)
    .filter((c) => !(c.fourEyes && closure && closure.requestedBy === me.username))
    .filter((c) => !(c.path === 'transfer' && file.pendingTransfer));
  const items = itemCommandsFor(me.role, file).map((c) => ({
    title: `${t(c.action)}: ${label(...c.item)}`, path: c.path, fields: c.fields,
  }));
  if (receives(file, me)) {
    items.push({ title: t('a.transfer/decision'), path: 'transfer/decision', fields: DECISION_FIELDS() });
  }
  const all = [...commands.map((c) => ({ title: t(`a.${c.path}`), path: c.path, fields: c.fields() })), ...items];
  if (all.length === 0) return null;
  const panel = h('div.panel');
  const open = (command) => replace(panel, h('h2', {}, command.title), form({
    fields: command.fields,
    onCancel: () => replace(panel),
    onSubmit: async (body) => {
      const answer = await post(`/api/cases/${encodeURIComponent(file.caseId)}/${command.path}`, body, file.version);
      await reload(t('case.saved', { action: command.title, version: answer.version }));
    },
  }));
  return h('section.actions', {},
    h('h2', {}, t('case.actions')),
    h('div.action-buttons', {}, all.map((c) =>
      h('button', { type: 'button', 'data-command': c.path, on: { click: () => open(c) } }, c.title))),
    panel);
}
