package org.childprotection.registry.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Key files as the registry's signer and a witness write them: so that no reader ever sees a half-written key and a
 * secret one is never readable by others, not even for a moment.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * Writes a temporary file beside the target and moves it into place atomically; a secret one is created with
     * mode 0600 before any byte is written into it (the public one 0644).
     */
    public static void writeAtomically(Path target, String text, boolean secret) throws IOException {
        Path temporary = target.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(target.getParent(), ".key-", ".tmp", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")))
                : Files.createTempFile(target.getParent(), ".key-", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
