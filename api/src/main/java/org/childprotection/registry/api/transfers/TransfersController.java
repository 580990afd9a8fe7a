package org.childprotection.registry.api.transfers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.childprotection.registry.accesslog.AccessLog;
import org.childprotection.registry.api.reads.Reads;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.casefile.PendingTransfers;
import org.childprotection.registry.casefile.TransferSummary;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/**
 * The pending transfers that involve the supervisor's jurisdictions: incoming ones (to a village they cover), which
 * they accept or decline without being able to read the case file yet, and outgoing ones (of their cases).
 */
@RestController
public class TransfersController {

    private final PendingTransfers transfers;
    private final Reads reads;

    public TransfersController(PendingTransfers transfers, Reads reads) {
        this.transfers = transfers;
        this.reads = reads;
    }

    @GetMapping("/api/transfers")
    Page<TransferSummary> pending(@RequestParam(defaultValue = "incoming")
                                  @Pattern(regexp = "incoming|outgoing", message = "must be incoming or outgoing")
                                  String direction,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
                                  @AuthenticationPrincipal RegistryUser user) {
        Page<TransferSummary> pending = transfers.page(
                PendingTransfers.Direction.valueOf(direction.toUpperCase(Locale.ROOT)),
                new Jurisdictions(user.jurisdictions()), new PageRequest(page, size));
        reads.ofPage(user, AccessLog.Resource.TRANSFERS, pending.items(), TransferSummary::caseId);
        return pending;
    }
}
