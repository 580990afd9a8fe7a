package org.childprotection.registry.api.cases;

import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.kernel.Role;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who may be assigned to a case: a registry user who works cases (caseworker or supervisor) and whose
 * jurisdiction covers the case's village. The domain does not know the users; the API does, and checks the first
 * two here; the case checks the third against its own village, with the assignee's jurisdictions that
 * {@link #check} answers (sent in the command's metadata).
 */
@Component
public class Assignees {

    private final UserDetailsService users;

    public Assignees(UserDetailsService users) {
        this.users = users;
    }

    /** Answers the assignee's jurisdictions. */
    List<String> check(String username) {
        RegistryUser assignee;
        try {
            assignee = (RegistryUser) users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            throw new InvalidInput("caseworker-unknown", "caseworker", "There is no registry user " + username + ".");
        }
        if (assignee.role() != Role.CASEWORKER && assignee.role() != Role.SUPERVISOR) {
            throw new InvalidInput("caseworker-role", "caseworker",
                    username + " is not a caseworker or supervisor and cannot work a case.");
        }
        return assignee.jurisdictions();
    }
}
