package org.childprotection.registry.api.startup;

import org.childprotection.registry.integrity.SigningKey;
import org.childprotection.registry.testsupport.DatabaseLogin;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A site set up as the README's production steps say: the schema's owner (not a superuser) has migrated its
 * database, the API connects as a login in registry_app, users have {bcrypt} passwords, the signing key is installed
 * and the key-encryption key are installed and TLS ends at a proxy. {@link #arguments()} starts the API there; each test changes the one thing it is about.
 */
final class ProductionSite implements AutoCloseable {

    static final String CASEWORKER = "li.caseworker";
    static final String OVERSIGHT = "chen.oversight";
    static final String MAINTAINER = "ops.maintainer";

    final DatabaseLogin owner = DatabaseLogin.owningNewDatabase().migrate();
    final DatabaseLogin app = DatabaseLogin.in("registry_app");
    final Path keyFile;
    /** The key-encryption key, installed as README's step 6 says (mode 0600). */
    final Path keyEncryptionKeyFile;
    /** Each user's password, random for this site. */
    final String password = UUID.randomUUID().toString();

    ProductionSite() throws Exception {
        keyFile = Files.createTempDirectory("registry-site").resolve("tree-head-signing-key.pem");
        new SigningKey(keyFile, true).publicKey();
        keyEncryptionKeyFile = keyFile.resolveSibling("key-encryption-key");
        Files.writeString(keyEncryptionKeyFile, Base64.getEncoder().encodeToString(
                new SecureRandom().generateSeed(32)), StandardOpenOption.CREATE_NEW);
        Files.setPosixFilePermissions(keyEncryptionKeyFile, PosixFilePermissions.fromString("rw-------"));
    }

    List<String> arguments() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
        List<String> arguments = new ArrayList<>(List.of(app.springArguments(owner.url())));
        arguments.addAll(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--registry.security.behind-tls-proxy=true",
                "--registry.integrity.signing-key-file=" + keyFile,
                "--registry.privacy.key-encryption-key-file=" + keyEncryptionKeyFile,
                "--registry.security.users[0].username=" + CASEWORKER,
                "--registry.security.users[0].password=" + hash,
                "--registry.security.users[0].role=CASEWORKER",
                "--registry.security.users[0].jurisdictions[0]=110101001",
                "--registry.security.users[1].username=" + OVERSIGHT,
                "--registry.security.users[1].password=" + hash,
                "--registry.security.users[1].role=OVERSIGHT",
                "--registry.security.users[1].jurisdictions[0]=",
                "--registry.security.users[2].username=" + MAINTAINER,
                "--registry.security.users[2].password=" + hash,
                "--registry.security.users[2].role=MAINTAINER"));
        return arguments;
    }

    /** The arguments with every one naming {@code property} replaced by {@code property=value}. */
    List<String> with(String property, String value) {
        List<String> arguments = new ArrayList<>(arguments().stream().filter(a -> !a.startsWith("--" + property + "=")).toList());
        arguments.add("--" + property + "=" + value);
        return arguments;
    }

    @Override
    public void close() {
        app.close();
        owner.close();
    }
}
