package org.childprotection.registry.eventlog;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.childprotection.registry.testsupport.Stories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two writers of one case version (two API nodes): the second append is a concurrency error and stores nothing. */
@QuerySideTest
class UniqueViolationTest {

    @Autowired
    EventStore store;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_append_at_a_version_another_node_wrote_first_is_a_concurrency_exception() {
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        CaseEvents events = new CaseEvents(store);
        events.append("clash-1", at, Stories.registered("clash-1", "110101001001", "li.caseworker", at));
        events.append("clash-1", at, Stories.assessed("clash-1", RiskLevel.GREEN, at));

        // the other node's copy of the case was still at version 0, so it writes version 1 as well
        assertThatThrownBy(() -> store.publish(new GenericDomainEventMessage<>("ChildCase", "clash-1", 1,
                Stories.assessed("clash-1", RiskLevel.RED, at), CaseEvents.CASEWORKER, UUID.randomUUID().toString(), at)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = "
                + "'clash-1' ORDER BY sequence_number", String.class)).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'riskLevel' FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'clash-1' AND sequence_number = 1", String.class)).isEqualTo("GREEN");
    }
}
