package org.childprotection.registry.api.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.accesslog.AccessLog;
import org.childprotection.registry.api.problem.CaseNotFound;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.api.reads.Reads;
import org.childprotection.registry.casefile.CaseFile;
import org.childprotection.registry.casefile.CaseFileView;
import org.childprotection.registry.caseload.CaseSummary;
import org.childprotection.registry.caseload.CaseloadFilter;
import org.childprotection.registry.caseload.CaseloadRepository;
import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.history.CaseEvent;
import org.childprotection.registry.history.CaseHistoryRepository;
import org.childprotection.registry.integrity.MerkleLogStore;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.childprotection.registry.api.web.StorableInstant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Reads of cases from the projections. A case outside the caller's jurisdiction does not exist for them, and
 * every read of a case file or history is written to the access log before it is answered.
 */
@RestController
public class CaseQueryController {

    private final VisibleCases cases;
    private final CaseloadRepository caseload;
    private final CaseHistoryRepository history;
    private final EventStore eventStore;
    private final MerkleLogStore merkleLog;
    private final Reads reads;
    private final Clock clock;

    public CaseQueryController(VisibleCases cases, CaseloadRepository caseload, CaseHistoryRepository history,
                               EventStore eventStore, MerkleLogStore merkleLog, Reads reads, Clock clock) {
        this.cases = cases;
        this.caseload = caseload;
        this.history = history;
        this.eventStore = eventStore;
        this.merkleLog = merkleLog;
        this.reads = reads;
        this.clock = clock;
    }

    /** The case file now, or with {@code asOf} as it stood then, rebuilt from the events recorded up to it. */
    @GetMapping("/api/cases/{caseId}")
    ResponseEntity<CaseFileView> caseFile(@PathVariable String caseId,
                                          @RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant asOf,
                                          @AuthenticationPrincipal RegistryUser user) {
        CaseFile file = cases.get(caseId, user);
        boolean erased = file.erased();
        Instant at = clock.instant();
        if (asOf != null) {
            List<? extends DomainEventMessage<?>> events = eventStore.readEvents(caseId).asStream()
                    .filter(e -> !e.getTimestamp().isAfter(asOf)).toList();
            if (events.isEmpty()) {
                throw new CaseNotFound(caseId);
            }
            file = CaseFile.of(events);
            at = asOf;
        }
        record(user, caseId, asOf == null ? AccessLog.Resource.CASE_FILE : AccessLog.Resource.CASE_FILE_AS_OF);
        return ResponseEntity.ok().eTag("\"" + file.version() + "\"").body(CaseFileView.of(file, at, erased));
    }

    @GetMapping("/api/cases/{caseId}/history")
    CaseHistoryView history(@PathVariable String caseId, @AuthenticationPrincipal RegistryUser user) {
        cases.check(caseId, user);
        record(user, caseId, AccessLog.Resource.HISTORY);
        List<CaseEvent> events = history.ofCase(caseId);
        return CaseHistoryView.of(caseId, events, merkleLog.leafHashes(events.stream().map(CaseEvent::globalIndex).toList()));
    }

    /** The caller's caseload, most urgent first, limited to their jurisdictions. */
    @GetMapping("/api/cases")
    Page<CaseSummary> caseload(@RequestParam(required = false) @Pattern(regexp = "\\d{1,12}",
                                       message = "must be a village-code prefix of 1 to 12 digits") String villageCode,
                               @RequestParam(required = false) CaseStatus status,
                               @RequestParam(required = false) RiskLevel riskLevel,
                               @RequestParam(required = false) String caseworker,
                               @RequestParam(required = false) Boolean overdue,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
                               @AuthenticationPrincipal RegistryUser user) {
        Page<CaseSummary> cases = caseload.page(new CaseloadFilter(villageCode, status, riskLevel, caseworker, overdue),
                new Jurisdictions(user.jurisdictions()), clock.instant(), new PageRequest(page, size));
        reads.ofPage(user, AccessLog.Resource.CASELOAD, cases.items(), CaseSummary::caseId);
        return cases;
    }

    private void record(RegistryUser user, String caseId, AccessLog.Resource resource) {
        reads.ofCase(user, resource, caseId);
    }
}
