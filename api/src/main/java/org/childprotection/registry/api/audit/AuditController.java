package org.childprotection.registry.api.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.childprotection.registry.accesslog.AccessLog;
import org.childprotection.registry.api.reads.Reads;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.history.AuditTrailFilter;
import org.childprotection.registry.history.CaseEvent;
import org.childprotection.registry.history.CaseHistoryRepository;
import org.childprotection.registry.integrity.MerkleLogStore;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.childprotection.registry.securityevents.SecurityEvent;
import org.childprotection.registry.securityevents.SecurityEvents;
import org.childprotection.registry.api.web.StorableInstant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

/**
 * Oversight's reads: the cross-case audit trail, the access log and the security events (failed sign-ins, probes of
 * cases outside a jurisdiction). Nothing here changes any of them.
 */
@RestController
public class AuditController {

    private final CaseHistoryRepository history;
    private final MerkleLogStore merkleLog;
    private final AccessLog accessLog;
    private final SecurityEvents securityEvents;
    private final Reads reads;

    public AuditController(CaseHistoryRepository history, MerkleLogStore merkleLog, AccessLog accessLog,
                           SecurityEvents securityEvents, Reads reads) {
        this.reads = reads;
        this.history = history;
        this.merkleLog = merkleLog;
        this.accessLog = accessLog;
        this.securityEvents = securityEvents;
    }

    @GetMapping("/api/audit/events")
    Page<TrailEntry> events(@RequestParam(required = false) String actor,
                            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{1,100}",
                                    message = "must be an event type such as RiskAssessed") String type,
                            @RequestParam(required = false) @Pattern(regexp = "\\d{1,12}",
                                    message = "must be a village-code prefix of 1 to 12 digits") String villageCode,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant to,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
                            @AuthenticationPrincipal RegistryUser user) {
        Page<CaseEvent> events = history.trail(new AuditTrailFilter(actor, type, villageCode, from, to),
                new Jurisdictions(user.jurisdictions()), new PageRequest(page, size));
        reads.ofPage(user, AccessLog.Resource.AUDIT_EVENTS, events.items(), CaseEvent::caseId);
        Map<Long, byte[]> leaves = merkleLog.leafHashes(events.items().stream().map(CaseEvent::globalIndex).toList());
        return events.map(e -> TrailEntry.of(e, leaves.get(e.globalIndex())));
    }

    @GetMapping("/api/audit/access-log")
    Page<AccessLog.AccessRecord> accessLog(@RequestParam(required = false) String caseId,
                                    @RequestParam(required = false) String actor,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant to,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return accessLog.page(new AccessLog.Filter(caseId, actor, from, to), new PageRequest(page, size));
    }

    @GetMapping("/api/audit/security-events")
    Page<SecurityEvent> securityEvents(@RequestParam(required = false) SecurityEvent.Kind kind,
                                       @RequestParam(required = false) String username,
                                       @RequestParam(required = false) String address,
                                       @RequestParam(required = false) String caseId,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant to,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return securityEvents.page(new SecurityEvents.Filter(kind, username, address, caseId, from, to),
                new PageRequest(page, size));
    }
}
