package org.childprotection.registry.replay;

import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.integrity.KeyRing;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --public-key <file>[@<from>..<to>]}: one of the registry's public keys (PEM or base64) and, after a key
 * rotation, the tree sizes it signed, both included; either bound may be left out ({@code old.pub@..1000},
 * {@code new.pub@1001..}). A file without a range is valid for every head, as a single key always was.
 */
final class KeyArgument implements CommandLine.ITypeConverter<KeyRing.Key> {

    static final String LABEL = "<file>[@<from>..<to>]";
    private static final Pattern RANGE = Pattern.compile("(.+)@(\\d*)\\.\\.(\\d*)");

    @Override
    public KeyRing.Key convert(String value) throws Exception {
        Matcher ranged = RANGE.matcher(value);
        Path file = Path.of(ranged.matches() ? ranged.group(1) : value);
        long from = ranged.matches() && !ranged.group(2).isEmpty() ? Long.parseLong(ranged.group(2)) : 0;
        long to = ranged.matches() && !ranged.group(3).isEmpty() ? Long.parseLong(ranged.group(3)) : KeyRing.Key.OPEN;
        if (from > to) {
            throw new CommandLine.TypeConversionException("the range of " + file + " ends before it starts");
        }
        return new KeyRing.Key(publicKey(file), from, to, file.toString());
    }

    /** An Ed25519 public key file: PEM as {@code openssl pkey -pubout} writes it, or base64 of the X.509 DER. */
    static java.security.PublicKey publicKey(Path file) {
        try {
            return Ed25519Keys.publicKey(Files.readString(file));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(file + " is not a readable Ed25519 public key (PEM or base64)");
        }
    }
}
