package org.childprotection.registry.api.privacy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.childprotection.registry.accesslog.AccessLog;
import org.childprotection.registry.api.reads.Reads;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.kernel.RegistryCalendar;
import org.childprotection.registry.privacy.DueForErasure;
import org.childprotection.registry.privacy.DueForErasure.DueCase;
import org.childprotection.registry.privacy.Retention;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** The closed cases whose retention has passed, in the reader's jurisdictions (docs/erasure.md, "Retention"). */
@RestController
class PrivacyController {

    private final DueForErasure due;
    private final Retention retention;
    private final Reads reads;
    private final Clock clock;

    PrivacyController(DueForErasure due, Retention retention, Reads reads, Clock clock) {
        this.due = due;
        this.retention = retention;
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/api/privacy/due")
    Page<DueCase> due(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
                      @AuthenticationPrincipal RegistryUser user) {
        Page<DueCase> cases = due.page(retention, new Jurisdictions(user.jurisdictions()),
                RegistryCalendar.dateOf(clock.instant()), new PageRequest(page, size));
        reads.ofPage(user, AccessLog.Resource.PRIVACY_DUE, cases.items(), DueCase::caseId);
        return cases;
    }
}
