package org.childprotection.registry.api.support;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

/**
 * A PKCS#12 keystore with a self-signed certificate for 127.0.0.1 and localhost, made by the JDK's keytool as a
 * site would make a test certificate; and a TLS context that trusts that certificate alone.
 */
public record SelfSignedKeystore(Path path, String password, String alias) {

    /** A fresh keystore in a temporary directory (test-only password). */
    public static SelfSignedKeystore create() {
        try {
            Path path = Files.createTempDirectory("registry-tls-").resolve("registry.p12");
            SelfSignedKeystore keystore = new SelfSignedKeystore(path, "test-only-keystore", "registry");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-storetype", "PKCS12",
                    "-keystore", path.toString(), "-storepass", keystore.password(), "-alias", keystore.alias(),
                    "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                    "-ext", "san=ip:127.0.0.1,dns:localhost")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return keystore;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A TLS context whose only trusted certificate is this keystore's. */
    public SSLContext trustingIt() {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password.toCharArray());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(alias, keys.getCertificate(alias));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
