// The integrity badge: the case's inclusion proofs and the tree head's signature, verified here with Web Crypto.
import { h, replace } from '../dom.js';
import { t, when } from '../i18n.js';
import { get } from '../api.js';
import { verifyCase } from '../merkle.js';

/** {@code events}: the history just read; the proofs are asked for after it, so their head covers its leaves. */
export function integrityBadge(caseId, events) {
  const badge = h('div.integrity.checking', { id: 'integrity', 'data-state': 'checking' }, t('integrity.checking'));
  check(badge, caseId, events);
  return badge;
}

async function check(badge, caseId, events) {
  const show = (state, ...text) => {
    badge.className = `integrity ${state}`;
    badge.dataset.state = state;
    replace(badge, ...text);
  };
  if (!globalThis.crypto || !crypto.subtle) {
    show('unsupported', t('integrity.unsupported'));
    return;
  }
  try {
    const proof = await get(`/api/cases/${encodeURIComponent(caseId)}/proof`);
    const head = await get('/api/integrity');
    const result = await verifyCase(proof, events, head.publicKey);
    if (result.ok) {
      show('verified', t('integrity.ok', { count: result.verified, size: proof.treeSize, when: when(proof.timestamp) }),
        result.pending ? ` ${t('integrity.pending', { count: result.pending })}` : '');
    } else {
      show('failed', t('integrity.bad', { detail: t(`integrity.${result.problem.key}`, result.problem) }));
    }
  } catch (e) {
    show('failed', t('integrity.bad', { detail: e.message }));
  }
}
