import { h } from '../dom.js';
import { t, label } from '../i18n.js';

export function riskBadge(riskLevel) {
  return riskLevel
    ? h(`span.badge.risk-${riskLevel}`, { 'data-risk': riskLevel }, label('RiskLevel', riskLevel))
    : h('span.badge.risk-none', {}, t('badge.noRisk'));
}

export function statusBadge(status) {
  return h(`span.badge.status.status-${status}`, { 'data-status': status }, label('Status', status));
}

export function overdueBadge(overdue) {
  return overdue ? h('span.badge.overdue', {}, t('badge.overdue')) : null;
}

/** Above an erased case's file and timeline: what is gone for good, and what remains. */
export function erasedBanner() {
  return h('p.notice.erased', { id: 'erased', role: 'note' }, t('erased.banner'));
}

export function caseLink(caseId, text, where = '') {
  return h('a', { href: `#/cases/${encodeURIComponent(caseId)}${where}` }, text);
}
