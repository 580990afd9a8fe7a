// Trust on first use of the registry's signing key: the first integrity check in a browser pins the key the
// registry supplied; a later check that is given another key is not shown as passed until the official, having
// confirmed the new key out of band (a rotation is announced), trusts it. localStorage belongs to the page's
// origin, so each registry the browser opens keeps its own pin.
import { fromBase64, toHex } from './merkle.js';

const PINNED = 'registry.console.pinnedKey';

/** The key's fingerprint: lower-case hex SHA-256 of its DER (SubjectPublicKeyInfo), the contract's keyId. */
export async function fingerprint(publicKeyBase64) {
  return toHex(await crypto.subtle.digest('SHA-256', fromBase64(publicKeyBase64)));
}

/** The fingerprint in groups of four, as an official reads it aloud or compares it on paper. */
export function grouped(hex) {
  return (hex.match(/.{1,4}/g) || []).join(' ');
}

/** {publicKey, fingerprint, pinnedAt} of this origin's pinned key, or null before the first check. */
export function pinnedKey() {
  try {
    const pin = JSON.parse(localStorage.getItem(PINNED));
    return pin && typeof pin.fingerprint === 'string' ? pin : null;
  } catch (e) {
    return null;   // unreadable: treated as no pin would hide nothing, the next check pins and says so
  }
}

export function pinKey(publicKey, keyFingerprint) {
  const pin = { publicKey, fingerprint: keyFingerprint, pinnedAt: new Date().toISOString() };
  localStorage.setItem(PINNED, JSON.stringify(pin));
  return pin;
}
