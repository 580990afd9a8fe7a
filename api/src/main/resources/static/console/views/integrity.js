// The integrity badge: the case's inclusion proofs and the tree head's signature, verified here with Web Crypto;
// the registry's key pinned in this browser at the first check (keypin.js), and the witnesses that cosigned the
// head (cosignatures.js).
import { h, replace } from '../dom.js';
import { t, when } from '../i18n.js';
import { get } from '../api.js';
import { headSignatureValid, verifyCase } from '../merkle.js';
import { fingerprint, grouped, pinKey, pinnedKey } from '../keypin.js';
import { checkCosignatures, ed25519Available } from '../cosignatures.js';

/** {@code events}: the history just read; the proofs are asked for after it, so their head covers its leaves. */
export function integrityBadge(caseId, events) {
  const badge = h('div.integrity.checking', { id: 'integrity', 'data-state': 'checking' }, t('integrity.checking'));
  check(badge, caseId, events);
  return badge;
}

async function check(badge, caseId, events) {
  const show = (state, ...content) => {
    badge.className = `integrity ${state}`;
    badge.dataset.state = state;
    replace(badge, ...content);
  };
  show('checking', t('integrity.checking'));
  if (!globalThis.crypto || !crypto.subtle) {
    show('unsupported', t('integrity.unsupported'));
    return;
  }
  try {
    const proof = await get(`/api/cases/${encodeURIComponent(caseId)}/proof`);
    const head = await get('/api/integrity');
    const supplied = await fingerprint(head.publicKey);
    if (head.keyId && head.keyId !== supplied) {
      show('failed', result(t('integrity.bad', { detail: t('integrity.keyIdMismatch', { keyId: head.keyId }) })));
      return;
    }
    let pin = pinnedKey();
    const firstCheck = !pin;
    if (firstCheck) pin = pinKey(head.publicKey, supplied);
    if (pin.fingerprint !== supplied) {
      show('key-changed', keyChanged(pin, head.publicKey, supplied, () => check(badge, caseId, events)));
      return;
    }
    const key = keyLine(supplied, firstCheck, pin);
    if (!(await ed25519Available(head.publicKey))) {
      show('unsupported', result(t('integrity.noEd25519')), key,
        witnesses(head, await checkCosignatures(head, false)));
      return;
    }
    const outcome = await verifyCase(proof, events, head.publicKey);
    if (outcome.ok && !(await headSignatureValid(head, head.publicKey))) {
      show('failed', result(t('integrity.bad', { detail: t('integrity.badSignature') })), key);
    } else if (outcome.ok) {
      show('verified',
        result(t('integrity.ok', { count: outcome.verified, size: proof.treeSize, when: when(proof.timestamp) }),
          outcome.pending ? ` ${t('integrity.pending', { count: outcome.pending })}` : ''),
        key, witnesses(head, await checkCosignatures(head, true)));
    } else {
      show('failed', result(t('integrity.bad', { detail: t(`integrity.${outcome.problem.key}`, outcome.problem) })), key);
    }
  } catch (e) {
    show('failed', result(t('integrity.bad', { detail: e.message })));
  }
}

function result(...text) {
  return h('div.result', {}, ...text);
}

function keyLine(supplied, firstCheck, pin) {
  return h('div.key', { 'data-fingerprint': supplied },
    `${t('integrity.key')} `, h('code', {}, grouped(supplied)), ' ',
    h('span.muted', {}, firstCheck ? t('integrity.pinnedNow') : t('integrity.pinnedSince', { when: when(pin.pinnedAt) })));
}

/** The loud part: both fingerprints, no passed check, and trusting the new key only after a confirmation. */
function keyChanged(pin, publicKey, supplied, recheck) {
  const confirmation = h('div.confirm', { hidden: true },
    h('p', {}, t('integrity.keyChanged.confirm', { supplied: grouped(supplied) })),
    h('button.danger', { type: 'button', id: 'confirm-new-key', on: { click: () => {
      pinKey(publicKey, supplied);
      recheck();
    } } }, t('integrity.keyChanged.confirmButton')), ' ',
    h('button', { type: 'button', on: { click: () => { confirmation.hidden = true; } } }, t('form.cancel')));
  return h('div.key-changed', { role: 'alert' },
    h('strong', {}, t('integrity.keyChanged.title')),
    h('p', {}, t('integrity.keyChanged.pinned'), ' ', h('code', { 'data-pinned': pin.fingerprint }, grouped(pin.fingerprint))),
    h('p', {}, t('integrity.keyChanged.supplied'), ' ', h('code', { 'data-supplied': supplied }, grouped(supplied))),
    h('p', {}, t('integrity.keyChanged.detail')),
    h('button', { type: 'button', id: 'trust-new-key', on: { click: () => { confirmation.hidden = false; } } },
      t('integrity.keyChanged.trust')),
    confirmation);
}

/** Which witnesses cosigned the registry's latest head, and how far this browser could check them. */
function witnesses(head, checked) {
  if (!head.cosignatures) return h('div.witnesses', { 'data-count': 0 }, t('integrity.witnesses.absent'));
  const good = checked.filter((c) => c.status !== 'bad');
  const reported = checked.some((c) => c.status === 'reported');
  return h('div.witnesses', { 'data-count': good.length },
    good.length === 0 ? t('integrity.witnesses.none', { size: head.treeSize })
      : t('integrity.witnesses.count', { count: good.length, size: head.treeSize }),
    checked.length > 0 && h('ul', {}, checked.map((c) =>
      h(`li.${c.status}`, { 'data-witness': c.witness, 'data-cosignature': c.status, title: grouped(c.keyId) },
        c.status === 'bad' ? t('integrity.witness.bad', { witness: c.witness })
          : `${c.witness} (${when(c.receivedAt)})`))),
    checked.length > 0 && h('p.muted', {}, reported ? t('integrity.witnesses.reported') : t('integrity.witnesses.checked')));
}
