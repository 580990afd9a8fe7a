// Witnesses' cosignatures of a signed head, checked in the browser where Web Crypto has Ed25519: each witness
// signed "child-protection-registry/cosignature/v1" LF and the head's exact signed message with its own key.
// The names and keys are as the registry reports them; the browser can check only that each key signed this head.
import { ed25519Valid, headMessage } from './merkle.js';
import { fingerprint } from './keypin.js';

const CONTEXT = 'child-protection-registry/cosignature/v1';

/** Whether this browser's Web Crypto verifies Ed25519 (older Chromium builds do not): tried with a real key. */
export async function ed25519Available(publicKeyBase64) {
  try {
    await ed25519Valid(publicKeyBase64, btoa(String.fromCharCode(...new Uint8Array(64))), '');
    return true;
  } catch (e) {
    if (e && e.name === 'NotSupportedError') return false;
    throw e;
  }
}

/**
 * Each cosignature of {@code head} as {witness, keyId, receivedAt, status}: status 'verified' or 'bad' when
 * checked here, 'reported' when this browser cannot check Ed25519 ({@code checkable} false).
 */
export async function checkCosignatures(head, checkable) {
  const message = `${CONTEXT}\n${headMessage(head)}`;
  return Promise.all((head.cosignatures || []).map(async (c) => {
    const keyId = await fingerprint(c.publicKey);
    let status = 'reported';
    if (checkable) {
      let valid = false;
      try {
        valid = keyId === (c.keyId || keyId) && await ed25519Valid(c.publicKey, c.signature, message);
      } catch (e) {
        valid = false;   // a key or signature that is not even Ed25519 does not verify
      }
      status = valid ? 'verified' : 'bad';
    }
    return { witness: c.witness, keyId, receivedAt: c.receivedAt, status };
  }));
}
