package org.childprotection.registry.integrity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The Ed25519 key that signs tree heads, from the {@link SigningKeySource} configured (a file by default), and the
 * registry's key ring: the keys it retired, each with the tree sizes it signed
 * ({@code registry.integrity.retired-keys[i].public-key-file|from-tree-size|to-tree-size}), and this key, which signs
 * from {@code registry.integrity.signing-key-from-tree-size} on (0 unless a rotation says otherwise).
 */
@Component
public class SigningKey {

    /** Where the key is unless {@code registry.integrity.signing-key-file} says otherwise. */
    public static final String DEFAULT_FILE = "registry-data/tree-head-signing-key.pem";
    public static final String FROM_TREE_SIZE = "registry.integrity.signing-key-from-tree-size";
    public static final String RETIRED_KEYS = "registry.integrity.retired-keys";

    /** A retired key as configured: its public key file and the tree sizes it signed (both included). */
    public record RetiredKey(Path publicKeyFile, Long fromTreeSize, Long toTreeSize) {
    }

    private final SigningKeySource source;
    private final long fromTreeSize;
    private final List<RetiredKey> retired;
    private volatile SigningKeySource.Loaded loaded;

    @Autowired
    public SigningKey(Environment env) {
        this(SigningKeySource.from(env), env.getProperty(FROM_TREE_SIZE, Long.class, 0L), retiredKeys(env));
    }

    /** A key file and no rotation. */
    public SigningKey(Path file, boolean generate) {
        this(new SigningKeyFromFile(file, generate), 0, List.of());
    }

    public SigningKey(SigningKeySource source, long fromTreeSize, List<RetiredKey> retired) {
        this.source = source;
        this.fromTreeSize = fromTreeSize;
        this.retired = List.copyOf(retired);
    }

    /** What refuses the start: the key's source, and each retired key that cannot be read or has no range. */
    public static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>(SigningKeySource.problems(env));
        List<RetiredKey> retired = retiredKeys(env);
        for (int i = 0; i < retired.size(); i++) {
            String name = RETIRED_KEYS + "[" + i + "]";
            RetiredKey key = retired.get(i);
            if (key.publicKeyFile() == null || key.toTreeSize() == null) {
                problems.add(name + ": a retired key needs its public-key-file and the to-tree-size of its last head.");
                continue;
            }
            try {
                Ed25519Keys.publicKey(Files.readString(key.publicKeyFile()));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(name + ": " + key.publicKeyFile().toAbsolutePath() + " is not a readable Ed25519 public "
                        + "key (PEM or base64).");
            }
        }
        return problems;
    }

    /** Signs any message with this key (the access log's heads, which have their own sizes). */
    public byte[] sign(byte[] message) {
        return loaded().sign(message);
    }

    /** Signs the event log's head of this size; refuses one below the size this key signs from (a retired key's). */
    public byte[] signHead(long treeSize, byte[] message) {
        if (treeSize < fromTreeSize) {
            throw new IllegalStateException("The signing key " + keyId() + " signs tree heads from size " + fromTreeSize
                    + " on (" + FROM_TREE_SIZE + "); it refuses to sign the head of size " + treeSize);
        }
        return sign(message);
    }

    public PublicKey publicKey() {
        SigningKeySource.Loaded key = loaded;
        return key != null ? key.publicKey() : source.publicKey();
    }

    /** The public key as base64 of its X.509 (SubjectPublicKeyInfo) encoding. */
    public String publicKeyBase64() {
        return Ed25519Keys.base64(publicKey());
    }

    /** Lower-case hex SHA-256 of the public key's X.509 encoding: what tree_head.key_id holds. */
    public String keyId() {
        return Ed25519Keys.keyId(publicKey());
    }

    public long fromTreeSize() {
        return fromTreeSize;
    }

    /** The retired keys with their ranges, then this key from its first size on. */
    public KeyRing keyRing() {
        List<KeyRing.Key> keys = new ArrayList<>();
        for (RetiredKey key : retired) {
            try {
                keys.add(new KeyRing.Key(Ed25519Keys.publicKey(Files.readString(key.publicKeyFile())),
                        key.fromTreeSize() == null ? 0 : key.fromTreeSize(), key.toTreeSize(),
                        "retired key " + key.publicKeyFile()));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the retired key " + key.publicKeyFile(), e);
            }
        }
        keys.add(new KeyRing.Key(publicKey(), fromTreeSize, KeyRing.Key.OPEN, "the signing key"));
        return new KeyRing(keys);
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        return Ed25519Keys.verify(key, message, signature);
    }

    public static PublicKey publicKeyFrom(String base64OrPem) {
        return Ed25519Keys.publicKey(base64OrPem);
    }

    private SigningKeySource.Loaded loaded() {
        SigningKeySource.Loaded key = loaded;
        if (key == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = source.load();
                }
                key = loaded;
            }
        }
        return key;
    }

    private static List<RetiredKey> retiredKeys(Environment env) {
        return Binder.get(env).bind(RETIRED_KEYS, Bindable.listOf(RetiredKey.class)).orElse(List.of());
    }
}
