package org.childprotection.registry.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Writes a new secret file, unless one exists already: a second process generating the same key at the same
     * moment keeps the first one's instead of replacing it under the first one's feet.
     */
    public static void createSecretOnce(Path target, String text) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".key-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.createLink(target, temporary);
        } catch (java.nio.file.FileAlreadyExistsException theFirstOneWins) {
            // read by the caller: the key that exists is the key
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Why a secret key file must not be used: others can read it (a mode beyond 0600), or its mode cannot be read.
     * Empty on a file system without POSIX modes.
     */
    public static Optional<String> readableByOthers(Path file, String what) {
        try {
            if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
                return Optional.empty();
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (!EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(mode)) {
                return Optional.of("The " + what + " " + file + " has mode " + octal(mode) + ": others can read it. "
                        + "Make it readable by the registry's user alone: chmod 600 " + file);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("Cannot read the mode of the " + what + " " + file + ": " + e.getMessage());
        }
    }

    private static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission permission : mode) {
            bits |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", bits);
    }
}
