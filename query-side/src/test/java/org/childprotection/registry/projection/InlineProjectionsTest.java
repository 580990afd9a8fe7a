package org.childprotection.registry.projection;

import org.childprotection.registry.casefile.CaseFileRepository;
import org.childprotection.registry.history.CaseHistoryRepository;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.childprotection.registry.testsupport.Stories.assessed;
import static org.childprotection.registry.testsupport.Stories.registered;

/**
 * Projections in the command's own transaction: the events a transaction records are in the case file and the
 * history the moment it commits, never before and never without them; an event a projection cannot apply refuses
 * the whole transaction, so the log never holds an event its projections do not show.
 */
@QuerySideTest
class InlineProjectionsTest {

    static final String VILLAGE = "110101001001";

    @Autowired
    CaseEvents events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    CaseFileRepository files;
    @Autowired
    CaseHistoryRepository history;
    @Autowired
    DataSource dataSource;
    @Autowired
    Reconciliation reconciliation;

    @AfterEach
    void removeFault() {
        jdbc.execute("DROP TRIGGER IF EXISTS inline_poison ON case_file");
    }

    @Test
    void the_events_of_a_transaction_show_in_both_projections_exactly_when_it_commits() {
        Instant t = Instant.now();
        String caseId = "inline-committed";
        transactions.executeWithoutResult(status -> {
            events.append(caseId, t, registered(caseId, VILLAGE, "li.caseworker", t));
            events.append(caseId, t, assessed(caseId, RiskLevel.RED, t));
            assertThat(files.find(caseId).orElseThrow().version()).as("within its own transaction").isEqualTo(1);
            assertThat(seenFromAnotherConnection(caseId)).as("not before it commits").isZero();
        });

        assertThat(files.find(caseId).orElseThrow().version()).isEqualTo(1);
        assertThat(files.find(caseId).orElseThrow().riskLevel()).isEqualTo(RiskLevel.RED);
        assertThat(history.ofCase(caseId)).extracting(e -> e.sequence()).containsExactly(0L, 1L);
        assertThat(history.ofCase(caseId)).extracting(e -> e.globalIndex()).as("each at its position in the log")
                .containsExactlyElementsOf(jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, caseId));
        assertThat(seenFromAnotherConnection(caseId)).isEqualTo(2);
        ProjectionsAwait.projected(reconciliation);
    }

    @Test
    void an_event_a_projection_cannot_apply_refuses_its_transaction_and_nothing_of_it_is_recorded() {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION inline_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.case_id = 'inline-poisoned' AND NEW.version >= 1 THEN
                    RAISE EXCEPTION 'test fault: case file refused';
                  END IF;
                  RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER inline_poison BEFORE INSERT OR UPDATE ON case_file "
                + "FOR EACH ROW EXECUTE FUNCTION inline_poison()");
        Instant t = Instant.now();
        transactions.executeWithoutResult(status ->
                events.append("inline-poisoned", t, registered("inline-poisoned", VILLAGE, "li.caseworker", t)));
        long logBefore = count("domain_event_entry");
        long historyBefore = count("case_event");

        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                events.append("inline-poisoned", t, assessed("inline-poisoned", RiskLevel.RED, t))))
                .isInstanceOf(ProjectionRefused.class)
                .hasMessageNotContaining("李小红")
                .satisfies(e -> assertThat(((ProjectionRefused) e).projection()).isEqualTo("case-files"));

        assertThat(count("domain_event_entry")).as("the event is not in the log").isEqualTo(logBefore);
        assertThat(count("case_event")).as("nor in the history").isEqualTo(historyBefore);
        assertThat(files.find("inline-poisoned").orElseThrow().version()).isZero();

        transactions.executeWithoutResult(status ->
                events.append("inline-healthy", t, registered("inline-healthy", VILLAGE, "li.caseworker", t)));
        assertThat(files.find("inline-healthy")).as("other cases are recorded as usual").isPresent();
        ProjectionsAwait.projected(reconciliation);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    /** Rows of the case in the history, read on a connection of its own (outside the test's transaction). */
    private long seenFromAnotherConnection(String caseId) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM case_event WHERE case_id = '" + caseId + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
