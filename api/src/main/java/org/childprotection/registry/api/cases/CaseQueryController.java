package org.childprotection.registry.api.cases;

import org.childprotection.registry.api.problem.CaseNotFound;
import org.childprotection.registry.accesslog.AccessLog;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.api.web.RequestIds;
import org.childprotection.registry.casefile.CaseFile;
import org.childprotection.registry.casefile.CaseFileRepository;
import org.childprotection.registry.history.CaseHistoryRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** Reads of one case from the projections; a case outside the caller's jurisdiction does not exist for them. */
@RestController
public class CaseQueryController {

    private final CaseFileRepository files;
    private final CaseHistoryRepository history;
    private final AccessLog accessLog;
    private final Clock clock;

    public CaseQueryController(CaseFileRepository files, CaseHistoryRepository history, AccessLog accessLog,
                               Clock clock) {
        this.files = files;
        this.history = history;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/api/cases/{caseId}")
    ResponseEntity<CaseFileView> caseFile(@PathVariable String caseId, @AuthenticationPrincipal RegistryUser user) {
        CaseFile file = visibleFile(caseId, user);
        record(user, caseId, AccessLog.Resource.CASE_FILE);
        return ResponseEntity.ok().eTag("\"" + file.version() + "\"").body(CaseFileView.of(file, clock.instant()));
    }

    @GetMapping("/api/cases/{caseId}/history")
    CaseHistoryView history(@PathVariable String caseId, @AuthenticationPrincipal RegistryUser user) {
        visibleFile(caseId, user);
        record(user, caseId, AccessLog.Resource.HISTORY);
        return CaseHistoryView.of(caseId, history.ofCase(caseId));
    }

    /** Every read of a case that the reader may see is logged, before the answer is given. */
    private void record(RegistryUser user, String caseId, AccessLog.Resource resource) {
        accessLog.record(clock.instant(), user.username(), user.role().name(), caseId, resource, RequestIds.requestId());
    }

    private CaseFile visibleFile(String caseId, RegistryUser user) {
        return files.find(caseId).filter(f -> user.covers(f.villageCode())).orElseThrow(() -> new CaseNotFound(caseId));
    }
}
