package org.childprotection.registry.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.childprotection.registry.casefile.CaseFileProjection;
import org.childprotection.registry.history.CaseHistoryProjection;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.ProjectionsAwait;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.childprotection.registry.testsupport.RandomStories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each projection rebuilt from an empty state from the log alone is identical, row for row, to the live one. */
@QuerySideTest
class ExactRebuildTest {

    static final Map<String, String> TABLES = Map.of(
            CaseFileProjection.NAME, "SELECT * FROM case_file ORDER BY case_id",
            CaseHistoryProjection.NAME, "SELECT * FROM case_event ORDER BY global_index");

    @Autowired
    CaseEvents events;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @ValueSource(strings = {CaseFileProjection.NAME, CaseHistoryProjection.NAME})
    void a_rebuilt_projection_is_identical_to_the_live_one(String projection) {
        RandomStories stories = new RandomStories(events, projection.hashCode());
        int written = 0;
        for (int i = 0; i < 40; i++) {
            written += stories.live("rebuild-" + projection + "-" + i, "5101010010" + String.format("%02d", i % 7),
                    Instant.parse("2026-01-05T00:00:00Z").plusSeconds(3600L * i));
        }
        ProjectionsAwait.caughtUp(reconciliation);
        List<String> live = rows(projection);
        assertThat(live).hasSizeGreaterThanOrEqualTo(CaseFileProjection.NAME.equals(projection) ? 40 : written);

        StreamingEventProcessor processor = processing.eventProcessor(projection, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(rows(projection)).as("the reset handler empties the projection").isEmpty();
        processor.start();
        ProjectionsAwait.caughtUp(reconciliation);

        assertThat(rows(projection)).isEqualTo(live);
    }

    /** Every row with every column, as text, in a stable order. */
    private List<String> rows(String projection) {
        return jdbc.queryForList(TABLES.get(projection)).stream()
                .map(row -> row.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")))
                .toList();
    }
}
