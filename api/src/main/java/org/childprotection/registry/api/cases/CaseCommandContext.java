package org.childprotection.registry.api.cases;

import org.childprotection.registry.api.security.RegistryUser;

/**
 * Everything a command on a case takes besides its body, read from the request by
 * {@link CaseCommandContextResolver}: who sends it (from authentication, never from the body), what its path
 * names, and the raw {@code If-Match} header (null when absent).
 */
public record CaseCommandContext(RegistryUser user, CaseTarget target, String ifMatch) {
}
