package org.childprotection.registry.api.cases;

import org.childprotection.registry.api.problem.CaseNotFound;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.casefile.CaseFile;
import org.childprotection.registry.casefile.CaseFileRepository;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a user may read a case: its current village code, as the case file shows it,
 * lies in one of their jurisdictions. A case they may not see answers exactly like a case that does not exist (404).
 * Commands are not judged here but by the case itself, against the village its own events give it.
 */
@Component
public class VisibleCases {

    private final CaseFileRepository files;

    public VisibleCases(CaseFileRepository files) {
        this.files = files;
    }

    public CaseFile get(String caseId, RegistryUser user) {
        return files.find(caseId).filter(f -> user.covers(f.villageCode())).orElseThrow(() -> new CaseNotFound(caseId));
    }

    /** As {@link #get}, when only the right to see the case matters: reads just its village code, and answers it. */
    public String check(String caseId, RegistryUser user) {
        return files.villageCodeOf(caseId).filter(user::covers).orElseThrow(() -> new CaseNotFound(caseId));
    }
}
