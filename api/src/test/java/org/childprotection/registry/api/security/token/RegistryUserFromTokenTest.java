package org.childprotection.registry.api.security.token;

import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.kernel.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The claim shapes identity providers use, beyond the flat ones of the Keycloak realm in
 * {@code KeycloakSignInApiTest}: nested paths, role lists with other roles in them, one jurisdiction as a string.
 * The tokens here are already verified; what is checked is only how their claims become a registry user.
 */
class RegistryUserFromTokenTest {

    private static final RegistryUserFromToken DEFAULT_CLAIMS =
            new RegistryUserFromToken(new OidcClaimsProperties(null, null, null, null));

    @Test
    void nested_claims_are_found_by_their_dotted_path_and_a_role_list_may_hold_other_roles() {
        RegistryUserFromToken keycloakRealmRoles = new RegistryUserFromToken(
                new OidcClaimsProperties("sub", "realm_access.roles", "registry.scope", null));

        RegistryUser user = user(keycloakRealmRoles, Map.of("sub", "wang.supervisor",
                "realm_access", Map.of("roles", List.of("offline_access", "SUPERVISOR", "default-roles-registry")),
                "registry", Map.of("scope", List.of("110101", "110102"))));

        assertThat(user).isEqualTo(new RegistryUser("wang.supervisor", null, Role.SUPERVISOR,
                List.of("110101", "110102")));
    }

    @Test
    void a_claim_whose_whole_name_has_dots_is_taken_before_a_path() {
        RegistryUserFromToken dotted = new RegistryUserFromToken(
                new OidcClaimsProperties(null, "https://registry.example/role", null, null));

        RegistryUser user = user(dotted, Map.of("preferred_username", "chen.oversight",
                "https://registry.example/role", "OVERSIGHT", "registry_jurisdictions", List.of("")));

        assertThat(user.role()).isEqualTo(Role.OVERSIGHT);
    }

    @Test
    void one_jurisdiction_may_be_a_string_and_none_means_no_access() {
        RegistryUser one = user(DEFAULT_CLAIMS, Map.of("preferred_username", "li.caseworker",
                "registry_role", "CASEWORKER", "registry_jurisdictions", "110101001"));
        RegistryUser none = user(DEFAULT_CLAIMS, Map.of("preferred_username", "ops.maintainer",
                "registry_role", "MAINTAINER"));

        assertThat(one.jurisdictions()).containsExactly("110101001");
        assertThat(none.jurisdictions()).isEmpty();
        assertThat(none.covers("110101001001")).isFalse();
    }

    @Test
    void a_token_naming_two_registry_roles_is_refused() {
        assertThatThrownBy(() -> user(DEFAULT_CLAIMS, Map.of("preferred_username", "li.caseworker",
                "registry_role", List.of("CASEWORKER", "SUPERVISOR"), "registry_jurisdictions", List.of("110101"))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("registry_role").hasMessageContaining("names 2");
    }

    @Test
    void a_token_without_a_username_is_refused() {
        assertThatThrownBy(() -> user(DEFAULT_CLAIMS, Map.of("registry_role", "CASEWORKER")))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("no preferred_username claim");
    }

    @Test
    void jurisdictions_that_are_not_strings_or_too_long_are_refused() {
        for (Object bad : List.of(List.of(110101), Arrays.asList("110101", null), List.of("1101010010011"),
                Map.of("prefix", "110101"))) {
            assertThatThrownBy(() -> user(DEFAULT_CLAIMS, Map.of("preferred_username", "li.caseworker",
                    "registry_role", "CASEWORKER", "registry_jurisdictions", bad)))
                    .as("jurisdictions %s", bad)
                    .isInstanceOf(InvalidBearerTokenException.class)
                    .hasMessageContaining("registry_jurisdictions claim is not valid");
        }
    }

    @Test
    void what_a_token_claims_is_written_safely_into_the_challenge_header() {
        assertThatThrownBy(() -> user(DEFAULT_CLAIMS, Map.of("preferred_username", "li.caseworker",
                "registry_role", "社工\"", "registry_jurisdictions", List.of())))
                .isInstanceOf(InvalidBearerTokenException.class)
                .satisfies(e -> assertThat(((InvalidBearerTokenException) e).getError().getDescription())
                        .contains("names none (???)").matches("[\\x20-\\x7E&&[^\"\\\\]]+"));
    }

    private static RegistryUser user(RegistryUserFromToken converter, Map<String, Object> claims) {
        Jwt token = Jwt.withTokenValue("verified").header("alg", "RS256").claims(c -> c.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        return ((RegistryTokenAuthentication) converter.convert(token)).getPrincipal();
    }
}
