// A case's audit timeline: who recorded what, when and why, each correction beside the event it corrects.
// Oversight officials also see the integrity badge, checked in this browser.
import { h, replace } from '../dom.js';
import { t, label, when } from '../i18n.js';
import { get } from '../api.js';
import { integrityBadge } from './integrity.js';
import { caseLink, erasedBanner } from './badges.js';

export async function timeline(page, { me, params: [caseId] }) {
  const history = await get(`/api/cases/${encodeURIComponent(caseId)}/history`);
  replace(page,
    h('div.case-head', {}, h('h1', {}, t('timeline.title')), caseLink(caseId, t('case.file'))),
    // the history keeps every event of an erased case, each without its personal fields and reason
    history.events.some((e) => e.type === 'ErasureApproved') && erasedBanner(),
    me.role === 'OVERSIGHT' && integrityBadge(caseId, history.events),
    h('ol.timeline', {}, history.events.map(entry)));
}

function entry(event) {
  return h('li.event', { 'data-type': event.type, 'data-event-id': event.eventId },
    h('div.what', {},
      h('div.event-head', {},
        h('strong', {}, label('Event', event.type)),
        h('time', { datetime: event.occurredAt }, when(event.occurredAt)),
        h('span.muted', {}, `#${event.globalIndex}`)),
      h('div.by', {}, t('timeline.by', { user: event.actor.username, role: label('Role', event.actor.role) })),
      event.reason && h('div.why', {}, `${t('timeline.why')}: ${event.reason}`),
      h('details', {}, h('summary', {}, t('timeline.details')), h('dl.data', {}, flat(event.data)))),
    event.corrections.length > 0 && h('aside.corrections', {}, event.corrections.map((c) =>
      h('div.correction', {},
        h('div', {}, t('timeline.correction', { user: c.actor, when: when(c.occurredAt) })),
        h('div', {}, t('timeline.corrects', { field: c.field, value: c.value })),
        h('div.why', {}, `${t('timeline.why')}: ${c.reason}`)))));
}

/** The recorded data as path: value lines, leaving out the case id every event carries. */
function flat(data, prefix = '') {
  return Object.entries(data || {}).filter(([key, value]) => key !== 'caseId' && value !== null).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? flat(value, `${prefix}${key}.`)
      : [h('dt', {}, `${prefix}${key}`), h('dd', {}, Array.isArray(value) ? value.join(', ') : String(value))]);
}
