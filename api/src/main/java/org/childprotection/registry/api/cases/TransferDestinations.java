package org.childprotection.registry.api.cases;

import org.childprotection.registry.api.security.RegistrySecurityProperties;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.kernel.InvalidInput;
import org.childprotection.registry.kernel.Role;
import org.springframework.stereotype.Component;

/**
 * Where a case may be transferred: a village that some supervisor other than the requester covers, for only such
 * a supervisor could accept it. The domain does not know the users; the API knows the configured local ones. With
 * none configured (users come from an identity provider only) it cannot know, and leaves the request to the case.
 */
@Component
public class TransferDestinations {

    private final RegistrySecurityProperties users;

    public TransferDestinations(RegistrySecurityProperties users) {
        this.users = users;
    }

    void check(String villageCode, RegistryUser requester) {
        if (villageCode == null || users.users().isEmpty()) {
            return; // an absent code is the case's to name
        }
        boolean covered = users.users().stream()
                .filter(user -> user.role() == Role.SUPERVISOR && !user.username().equals(requester.username()))
                .anyMatch(user -> user.jurisdictions().stream().anyMatch(villageCode::startsWith));
        if (!covered) {
            throw new InvalidInput("destination-not-covered", "villageCode", "No supervisor of the registry (other"
                    + " than you) covers village " + villageCode + ", so nobody could accept the transfer.");
        }
    }
}
