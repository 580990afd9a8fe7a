package org.childprotection.registry.api.cases;

import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.kernel.Role;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may be assigned to a case: a registry user who works cases (caseworker or supervisor) and whose
 * jurisdiction covers the case's village. The domain does not know the users; the API does.
 */
@Component
public class Assignees {

    private final UserDetailsService users;
    private final VisibleCases cases;

    public Assignees(UserDetailsService users, VisibleCases cases) {
        this.users = users;
        this.cases = cases;
    }

    void check(String username, String caseId, RegistryUser assigner) {
        String village = cases.check(caseId, assigner);
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
        if (!assignee.covers(village)) {
            throw new InvalidInput("caseworker-jurisdiction", "caseworker",
                    username + " does not work in the case's village " + village + ".");
        }
    }
}
