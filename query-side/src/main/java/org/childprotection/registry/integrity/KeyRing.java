package org.childprotection.registry.integrity;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * The registry's public keys, each with the tree sizes it may sign (key rotation: a new key signs from a given tree
 * size on, the retired one up to a size). A head is checked against the key valid for its size, and, when the head
 * says which key signed it (tree_head.key_id; heads signed before V19 do not), against that key only.
 */
public record KeyRing(List<Key> keys) {

    /** A public key valid for the tree sizes {@code from..to}, both included; {@code origin} names it for people. */
    public record Key(PublicKey publicKey, long fromTreeSize, long toTreeSize, String origin) {

        public static final long OPEN = Long.MAX_VALUE;

        public String keyId() {
            return Ed25519Keys.keyId(publicKey);
        }

        public boolean covers(long treeSize) {
            return treeSize >= fromTreeSize && treeSize <= toTreeSize;
        }

        public String range() {
            return toTreeSize == OPEN ? "from tree size " + fromTreeSize + " on"
                    : "for tree sizes " + fromTreeSize + ".." + toTreeSize;
        }

        String described() {
            return "key " + keyId() + " (" + origin + ", valid " + range() + ")";
        }
    }

    public KeyRing {
        keys = List.copyOf(keys);
    }

    /** One key, valid for every head (no rotation). */
    public static KeyRing of(PublicKey key) {
        return new KeyRing(List.of(new Key(key, 0, Key.OPEN, "the key given")));
    }

    /** Why the signature of the head of this size does not hold with these keys; empty when it does. */
    public Optional<String> problem(long treeSize, String keyId, byte[] message, byte[] signature) {
        String head = "the tree head of size " + treeSize;
        if (keyId != null) {
            Optional<Key> signer = keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
            if (signer.isEmpty()) {
                return Optional.of(head + " was signed by key " + keyId + ", which is not among the keys given");
            }
            if (!signer.get().covers(treeSize)) {
                return Optional.of(head + " was signed by " + signer.get().described() + ": outside its validity range");
            }
            return Ed25519Keys.verify(signer.get().publicKey(), message, signature) ? Optional.empty()
                    : Optional.of("the signature of " + head + " is not valid for " + signer.get().described());
        }
        List<Key> valid = keys.stream().filter(k -> k.covers(treeSize)).toList();
        if (valid.isEmpty()) {
            return Optional.of("no key given is valid for " + head);
        }
        return valid.stream().anyMatch(k -> Ed25519Keys.verify(k.publicKey(), message, signature)) ? Optional.empty()
                : Optional.of("the signature of " + head + " is not valid for the key valid for its size");
    }

    /** The same keys, each valid for every size (for heads whose sizes are not the event log's). */
    public KeyRing anyRange() {
        return new KeyRing(keys.stream().map(k -> new Key(k.publicKey(), 0, Key.OPEN, k.origin())).toList());
    }

    public Optional<String> problem(TreeHead head) {
        return problem(head.treeSize(), head.keyId(), head.message(), head.signature());
    }

    /** The key that signed this head: the one it names, else the one valid for its size. */
    public Optional<Key> signerOf(TreeHead head) {
        return keys.stream().filter(k -> head.keyId() == null ? k.covers(head.treeSize()) : k.keyId().equals(head.keyId()))
                .filter(k -> Ed25519Keys.verify(k.publicKey(), head.message(), head.signature())).findFirst();
    }
}
