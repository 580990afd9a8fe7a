package org.childprotection.registry.api.cases;

import org.childprotection.registry.api.problem.CaseNotFound;
import org.childprotection.registry.api.security.JurisdictionProbes;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.casefile.CaseFile;
import org.childprotection.registry.casefile.CaseFileRepository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The one place that decides whether a user may read a case: its current village code, as the case file shows it,
 * lies in one of their jurisdictions. A case they may not see answers exactly like a case that does not exist (404);
 * the attempt on an existing one is recorded for oversight ({@link JurisdictionProbes}). Commands are not judged
 * here but by the case itself, against the village its own events give it.
 */
@Component
public class VisibleCases {

    private final CaseFileRepository files;
    private final JurisdictionProbes probes;

    public VisibleCases(CaseFileRepository files, JurisdictionProbes probes) {
        this.files = files;
        this.probes = probes;
    }

    public CaseFile get(String caseId, RegistryUser user) {
        Optional<CaseFile> file = files.find(caseId);
        return file.filter(f -> user.covers(f.villageCode()))
                .orElseThrow(() -> notFound(caseId, user, file.isPresent()));
    }

    /** As {@link #get}, when only the right to see the case matters: reads just its village code, and answers it. */
    public String check(String caseId, RegistryUser user) {
        Optional<String> village = files.villageCodeOf(caseId);
        return village.filter(user::covers).orElseThrow(() -> notFound(caseId, user, village.isPresent()));
    }

    /** Whether the case exists, outside the user's jurisdiction. */
    public boolean outside(String caseId, RegistryUser user) {
        return files.villageCodeOf(caseId).filter(village -> !user.covers(village)).isPresent();
    }

    private CaseNotFound notFound(String caseId, RegistryUser user, boolean exists) {
        if (exists) {
            probes.record(user, caseId, 404);
        }
        return new CaseNotFound(caseId);
    }
}
