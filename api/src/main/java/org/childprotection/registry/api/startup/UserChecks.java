package org.childprotection.registry.api.startup;

import org.childprotection.registry.api.cases.CaseCommandSender;
import org.childprotection.registry.api.security.JurisdictionPrefixes;
import org.childprotection.registry.kernel.Role;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The configured users' mistakes, found at start instead of at a user's first request. {@link #errors} holds in every
 * profile; {@link #publicPasswords} outside the demo, whose users have public passwords on purpose.
 */
final class UserChecks {

    /** The demo profile's passwords (application-demo.yml, README): public, so never a real user's. */
    private static final List<String> DEMO_PASSWORDS = List.of("demo-li", "demo-wang", "demo-zhao", "demo-sun", "demo-chen",
            "demo-ops");
    private static final Pattern ENCODED = Pattern.compile("\\{([^{}]+)}(.+)", Pattern.DOTALL);
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    void errors(List<ConfiguredUser> users, Consumer<String> problem) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            ConfiguredUser user = users.get(i);
            String who = "registry.security.users[" + i + "]" + (blank(user.username()) ? "" : " (" + user.username() + ")");
            if (blank(user.username())) {
                problem.accept(who + ": no username.");
            } else if (!names.add(user.username())) {
                problem.accept(who + ": the username is configured twice; each user is configured once.");
            } else if (user.username().equals(CaseCommandSender.REGISTRY.username())) {
                problem.accept(who + ": '" + user.username() + "' is the registry's own name for the requests it "
                        + "files itself (docs/erasure.md); choose another username.");
            }
            Role role = role(user.role());
            if (role == null) {
                problem.accept(who + ": unknown role '" + (user.role() == null ? "" : user.role()) + "'; one of "
                        + Arrays.toString(Role.values()) + ".");
            }
            JurisdictionPrefixes.problems(role, user.jurisdictions()).forEach(p -> problem.accept(who + ": " + p + "."));
            passwordFormat(user.password()).ifPresent(reason -> problem.accept(who + ": " + reason));
        }
    }

    void publicPasswords(List<ConfiguredUser> users, Consumer<String> problem) {
        for (int i = 0; i < users.size(); i++) {
            ConfiguredUser user = users.get(i);
            String who = "registry.security.users[" + i + "]" + (blank(user.username()) ? "" : " (" + user.username() + ")");
            if (passwordFormat(user.password()).isPresent()) {
                continue;
            }
            if (user.password().startsWith("{noop}")) {
                problem.accept(who + ": a {noop} password is kept in clear text; give a {bcrypt} hash.");
            } else if (DEMO_PASSWORDS.stream().anyMatch(demo -> encoder.matches(demo, user.password()))) {
                problem.accept(who + ": the password is one of the public demo passwords; choose another.");
            }
        }
    }

    /** Why the password is not in Spring Security's {@code {id}encoded} form, if it is not. */
    private Optional<String> passwordFormat(String password) {
        if (blank(password)) {
            return Optional.of("no password (a {bcrypt} hash).");
        }
        var matcher = ENCODED.matcher(password);
        if (!matcher.matches()) {
            return Optional.of("the password is not in Spring Security's {id}hash form, e.g. {bcrypt}$2a$10$...");
        }
        String id = matcher.group(1);
        try {
            encoder.matches("", password);
        } catch (IllegalArgumentException e) {
            return Optional.of("unknown password encoding {" + id + "}; use {bcrypt}.");
        }
        if (id.equals("bcrypt") && !BCRYPT.matcher(matcher.group(2)).matches()) {
            return Optional.of("the {bcrypt} password is not a bcrypt hash.");
        }
        return Optional.empty();
    }

    private static Role role(String name) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
