package org.childprotection.registry.api.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who is signed in: the web console shows only what this role and these jurisdictions allow. */
@RestController
public class CurrentUserController {

    public record Me(String username, String role, List<String> jurisdictions) {

        static Me of(RegistryUser user) {
            return new Me(user.username(), user.role().name(), user.jurisdictions());
        }
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal RegistryUser user) {
        return Me.of(user);
    }
}
