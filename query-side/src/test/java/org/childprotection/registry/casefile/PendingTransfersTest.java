package org.childprotection.registry.casefile;

import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.projection.Reconciliation;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.PageRequest;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.childprotection.registry.transfer.TransferAccepted;
import org.childprotection.registry.transfer.TransferDeclined;
import org.childprotection.registry.transfer.TransferRequested;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.casefile.PendingTransfers.Direction.INCOMING;
import static org.childprotection.registry.casefile.PendingTransfers.Direction.OUTGOING;
import static org.childprotection.registry.testsupport.Stories.assessedCase;

/**
 * The pending transfers of county 340101 (sending) and 340102 (receiving), as the case-file projection lists them
 * for either side: only those awaiting a decision, oldest request first.
 */
@QuerySideTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PendingTransfersTest {

    static final Instant AT = Instant.parse("2026-06-01T02:00:00Z");
    static final PageRequest ALL = new PageRequest(0, 50);

    @Autowired
    CaseEvents events;
    @Autowired
    PendingTransfers transfers;
    @Autowired
    CaseFileRepository files;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Reconciliation reconciliation;

    @BeforeAll
    void transfersInEveryState() {
        for (String id : List.of("later", "earlier", "declined", "accepted", "untouched")) {
            assessedCase(events, id, "340101001001", "li.caseworker", RiskLevel.YELLOW, AT, AT.plusSeconds(60));
        }
        request("later", "340102001001", AT.plus(Duration.ofHours(2)));
        request("earlier", "340102002001", AT.plus(Duration.ofHours(1)));
        request("declined", "340102001002", AT.plus(Duration.ofHours(1)));
        events.append("declined", AT.plus(Duration.ofHours(3)), new TransferDeclined("declined", "340102001002",
                "wang.supervisor", "sun.supervisor", null), CaseEvents.SUPERVISOR);
        request("accepted", "340102001003", AT.plus(Duration.ofHours(1)));
        events.append("accepted", AT.plus(Duration.ofHours(3)), new TransferAccepted("accepted", "340101001001",
                "340102001003", "wang.supervisor", "sun.supervisor", "接收", "li.caseworker"), CaseEvents.SUPERVISOR);
        ProjectionsAwait.projected(reconciliation);
    }

    private void request(String caseId, String to, Instant at) {
        events.append(caseId, at, new TransferRequested(caseId, "340101001001", to, "随父母迁居", "wang.supervisor"),
                CaseEvents.SUPERVISOR);
    }

    @Test
    void the_receiving_side_lists_the_requests_to_its_villages_oldest_first() {
        var incoming = transfers.page(INCOMING, Jurisdictions.of("340102"), ALL);

        assertThat(incoming.items()).extracting(TransferSummary::caseId).containsExactly("earlier", "later");
        TransferSummary earlier = incoming.items().get(0);
        assertThat(earlier).isEqualTo(new TransferSummary("earlier", 3, CaseStatus.UNDER_PROTECTION, RiskLevel.YELLOW,
                "340101001001", "340102002001", "随父母迁居", "wang.supervisor", AT.plus(Duration.ofHours(1))));
        assertThat(transfers.page(INCOMING, Jurisdictions.of("340102001"), ALL).items())
                .extracting(TransferSummary::caseId).containsExactly("later");
        assertThat(transfers.page(INCOMING, Jurisdictions.of("340101"), ALL).total()).isZero();
    }

    @Test
    void the_sending_side_lists_the_requests_of_its_cases() {
        assertThat(transfers.page(OUTGOING, Jurisdictions.of("340101"), ALL).items())
                .extracting(TransferSummary::caseId).containsExactly("earlier", "later");
        assertThat(transfers.page(OUTGOING, Jurisdictions.of("340102"), ALL).total()).isZero();
        assertThat(transfers.page(OUTGOING, new Jurisdictions(List.of()), ALL).total()).isZero();
    }

    @Test
    void the_case_file_shows_the_pending_request_and_an_accepted_one_moved_the_case_without_its_caseworker() {
        CaseFile pending = files.find("later").orElseThrow();
        assertThat(pending.pendingTransfer()).isEqualTo(new PendingTransfer("340101001001", "340102001001",
                "随父母迁居", "wang.supervisor", AT.plus(Duration.ofHours(2))));
        assertThat(pending.villageCode()).isEqualTo("340101001001");
        assertThat(files.find("declined").orElseThrow().pendingTransfer()).isNull();
        CaseFile accepted = files.find("accepted").orElseThrow();
        assertThat(accepted.villageCode()).isEqualTo("340102001003");
        assertThat(accepted.caseworker()).isNull();
        assertThat(accepted.pendingTransfer()).isNull();
        assertThat(jdbc.queryForObject("SELECT caseworker FROM case_file WHERE case_id = 'accepted'", String.class))
                .isNull();
    }
}
