package org.childprotection.registry.api.startup;

import org.childprotection.registry.integrity.Ed25519Keys;
import org.childprotection.registry.api.integrity.WitnessProperties;
import org.childprotection.registry.integrity.SigningKey;
import org.childprotection.registry.privacy.KeyEncryptionKeys;
import org.childprotection.registry.privacy.Retention;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start a registry that is configured wrongly, before anything is written: the user list in every
 * profile, the signing key in every profile (there, readable by its owner alone; the retired keys readable), and
 * outside the {@code demo} profile the production posture (issue 13): real users or an identity provider, no public
 * passwords, a least-privileged database login on a migrated schema, TLS.
 * It runs once the configuration is read and before any bean exists (so before a database is created, a schema
 * migrated, a key generated or a processor claims its token), and names every problem found, one a line.
 */
public class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    public static final String DEMO_PROFILE = "demo";
    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Override
    public int getOrder() {
        // after the configuration files are read and logging is set up (Spring Boot's listeners at +10 and +20)
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        List<String> problems = new ArrayList<>();
        List<ConfiguredUser> users = Binder.get(env)
                .bind("registry.security.users", Bindable.listOf(ConfiguredUser.class)).orElse(List.of());
        UserChecks userChecks = new UserChecks();
        userChecks.errors(users, problems::add);
        witnesses(env, problems);
        // in every profile: a key others can read is no key, even in a demo
        problems.addAll(SigningKey.problems(env));
        problems.addAll(new KeyEncryptionKeys(env).problems());
        try {
            Retention.parse(env.getProperty(Retention.PROPERTY, ""));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!env.matchesProfiles(DEMO_PROFILE)) {
            if (env.getProperty(KeyEncryptionKeys.GENERATE, Boolean.class, false)) {
                problems.add(KeyEncryptionKeys.GENERATE + "=true outside the demo profile: a key-encryption key "
                        + "generated beside the registry is no protection; install one (docs/erasure.md).");
            }
            if (users.isEmpty() && !env.containsProperty(JWT + "issuer-uri") && !env.containsProperty(JWT + "jwk-set-uri")) {
                problems.add("No users and no identity provider are configured: set registry.security.users (with "
                        + "{bcrypt} passwords) or " + JWT + "issuer-uri.");
            }
            userChecks.publicPasswords(users, problems::add);
            transport(env, problems);
            new DatabaseLoginChecks().check(env, problems::add);
        }
        if (!problems.isEmpty()) {
            throw new StartupRefused(problems);
        }
    }

    /** Each configured witness: a name and a readable Ed25519 public key (registry.integrity.witnesses). */
    private static void witnesses(ConfigurableEnvironment env, List<String> problems) {
        List<WitnessProperties.Witness> witnesses = Binder.get(env).bind("registry.integrity.witnesses",
                Bindable.listOf(WitnessProperties.Witness.class)).orElse(List.of());
        for (int i = 0; i < witnesses.size(); i++) {
            WitnessProperties.Witness witness = witnesses.get(i);
            String which = "registry.integrity.witnesses[" + i + "]";
            if (witness.name() == null || witness.name().isBlank()) {
                problems.add(which + ": a witness needs a name.");
            }
            try {
                Ed25519Keys.publicKey(Files.readString(witness.publicKeyFile()));
            } catch (java.io.IOException | RuntimeException e) {
                problems.add(which + ": public-key-file " + witness.publicKeyFile() + " is not a readable Ed25519 "
                        + "public key (PEM, as openssl pkey -pubout writes it).");
            }
        }
    }

    private static void transport(ConfigurableEnvironment env, List<String> problems) {
        boolean tls = env.getProperty("server.ssl.enabled", Boolean.class, true)
                && (env.containsProperty("server.ssl.key-store") || env.containsProperty("server.ssl.bundle")
                || env.containsProperty("server.ssl.certificate"));
        if (!tls && !env.getProperty("registry.security.behind-tls-proxy", Boolean.class, false)) {
            problems.add("Plain HTTP: configure TLS (server.ssl.enabled=true with server.ssl.key-store) or, when a "
                    + "TLS proxy terminates the connections, set registry.security.behind-tls-proxy=true.");
        }
    }
}
