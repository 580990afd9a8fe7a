// Checks, in the browser, that a case's events are in the registry's signed Merkle log (RFC 9162 §2.1.3.2,
// hashes as in docs/tamper-evident-log.md) and that the tree head is signed by the registry's Ed25519 key.

const SIGNED_PREFIX = 'child-protection-registry/tree-head/v1';

export function fromHex(hex) {
  return Uint8Array.from(hex.match(/../g) || [], (byte) => parseInt(byte, 16));
}

export function toHex(bytes) {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function node(left, right) {
  const bytes = new Uint8Array(1 + left.length + right.length);
  bytes[0] = 1;
  bytes.set(left, 1);
  bytes.set(right, 1 + left.length);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/** The root that the audit path leads to from the leaf, or null when the path cannot be one of this tree. */
export async function rootFromInclusion(leafIndex, treeSize, leafHashHex, auditPathHex) {
  if (leafIndex >= treeSize) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = fromHex(leafHashHex);
  for (const p of auditPathHex.map(fromHex)) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await node(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await node(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? toHex(r) : null;
}

/** The exact text the registry signed for a tree head (docs/tamper-evident-log.md). */
export function headMessage(head) {
  return `${SIGNED_PREFIX}\n${head.treeSize}\n${head.rootHash}\n${head.timestamp}`;
}

/** Whether {@code signature} (base64) is an Ed25519 signature of {@code text} by {@code publicKeyBase64} (SPKI). */
export async function ed25519Valid(publicKeyBase64, signature, text) {
  const key = await crypto.subtle.importKey('spki', fromBase64(publicKeyBase64), { name: 'Ed25519' }, false,
    ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(signature), new TextEncoder().encode(text));
}

export function headSignatureValid(head, publicKeyBase64) {
  return ed25519Valid(publicKeyBase64, head.signature, headMessage(head));
}

/**
 * Verifies a case: {@code proof} is GET /api/cases/{id}/proof, {@code events} its history's events (each with
 * its leafHash, null when not yet logged), {@code publicKey} the registry's key. Answers {ok, verified, pending}
 * or {ok: false, problem: {key, event}}. The proof is read after the history, so an event the Merkle log took in
 * between has a proof but no leafHash in the history: its proof alone vouches for it.
 */
export async function verifyCase(proof, events, publicKey) {
  if (!(await headSignatureValid(proof, publicKey))) return { ok: false, problem: { key: 'badSignature' } };
  const byEvent = new Map(proof.proofs.map((p) => [p.eventId, p]));
  for (const p of proof.proofs) {
    if ((await rootFromInclusion(p.leafIndex, proof.treeSize, p.leafHash, p.auditPath)) !== proof.rootHash) {
      return { ok: false, problem: { key: 'badPath', event: p.globalIndex } };
    }
  }
  let pending = 0;
  for (const event of events) {
    const p = byEvent.get(event.eventId);
    if (!p) {
      if (event.leafHash) return { ok: false, problem: { key: 'missing', event: event.globalIndex } };
      pending += 1;
    } else if (event.leafHash && event.leafHash !== p.leafHash) {
      return { ok: false, problem: { key: 'badLeaf', event: event.globalIndex } };
    }
  }
  return { ok: true, verified: proof.proofs.length, pending };
}
