package org.childprotection.registry.privacy;

import org.childprotection.registry.integrity.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key-encryption keys (docs/erasure.md): the current one, which wraps every new data key, from
 * {@code registry.privacy.key-encryption-key} (base64; or the environment's
 * {@code REGISTRY_PRIVACY_KEY_ENCRYPTION_KEY}) or else the file {@code registry.privacy.key-encryption-key-file}
 * (generated when missing only with {@code registry.privacy.generate-key=true}, which the demo profile sets); and the
 * retired ones ({@code registry.privacy.retired-key-encryption-key-files}), kept until every data key they wrapped
 * is re-wrapped under the current one. Read when first needed; {@link #problems} tells the API's start check.
 */
@Component
public class KeyEncryptionKeys {

    public static final String TEXT = "registry.privacy.key-encryption-key";
    public static final String FILE = "registry.privacy.key-encryption-key-file";
    public static final String DEFAULT_FILE = "registry-data/key-encryption-key";
    public static final String GENERATE = "registry.privacy.generate-key";
    public static final String RETIRED = "registry.privacy.retired-key-encryption-key-files";

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeys.class);

    private final String text;
    private final Path file;
    private final boolean generate;
    private final List<Path> retired;
    private volatile Map<String, KeyEncryptionKey> loaded;

    public KeyEncryptionKeys(Environment env) {
        this.text = env.getProperty(TEXT, "");
        this.file = Path.of(env.getProperty(FILE, DEFAULT_FILE)).toAbsolutePath();
        this.generate = env.getProperty(GENERATE, Boolean.class, false);
        this.retired = Binder.get(env).bind(RETIRED, Bindable.listOf(Path.class)).orElse(List.of());
    }

    /** What refuses the start with this configuration, one line each; reads, never creates anything. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (text.isBlank()) {
            if (!Files.exists(file)) {
                if (!generate) {
                    problems.add("No key-encryption key: set " + TEXT + " (or REGISTRY_PRIVACY_KEY_ENCRYPTION_KEY) to "
                            + "32 random bytes in base64, or install them in " + file + " (" + FILE + ").");
                }
            } else {
                KeyFiles.readableByOthers(file, "key-encryption key").ifPresent(problems::add);
                problems.addAll(unreadable(file));
            }
        } else {
            try {
                KeyEncryptionKey.fromBase64(text, TEXT);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage() + ".");
            }
        }
        for (Path old : retired) {
            problems.addAll(unreadable(old));
        }
        return problems;
    }

    /** The key that wraps new data keys. */
    KeyEncryptionKey current() {
        return loaded().values().iterator().next();
    }

    /** The configured key of this id, current or retired. */
    Optional<KeyEncryptionKey> byId(String id) {
        return Optional.ofNullable(loaded().get(id));
    }

    private Map<String, KeyEncryptionKey> loaded() {
        Map<String, KeyEncryptionKey> keys = loaded;
        if (keys == null) {
            synchronized (this) {
                if (loaded == null) {
                    Map<String, KeyEncryptionKey> all = new LinkedHashMap<>();
                    KeyEncryptionKey current = text.isBlank() ? fromFile(file, generate)
                            : KeyEncryptionKey.fromBase64(text, TEXT);
                    all.put(current.id(), current);
                    retired.forEach(old -> all.putIfAbsent(fromFile(old, false).id(), fromFile(old, false)));
                    loaded = all;
                }
                keys = loaded;
            }
        }
        return keys;
    }

    private static KeyEncryptionKey fromFile(Path file, boolean generate) {
        try {
            if (!Files.exists(file) && generate) {
                Files.createDirectories(file.getParent());
                KeyFiles.createSecretOnce(file, Base64.getEncoder().encodeToString(Aead.randomKey()) + "\n");
                log.info("Generated a key-encryption key at {} (demo only: keep it away from the database's backups)",
                        file);
            }
            return KeyEncryptionKey.fromBase64(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key-encryption key " + file, e);
        }
    }

    private static List<String> unreadable(Path file) {
        try {
            KeyEncryptionKey.fromBase64(Files.readString(file), file.toString());
            return List.of();
        } catch (IOException e) {
            return List.of("Cannot read the key-encryption key " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage() + ".");
        }
    }
}
