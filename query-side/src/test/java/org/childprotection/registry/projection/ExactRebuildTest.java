package org.childprotection.registry.projection;

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
    ProjectionRebuild rebuild;
    @Autowired
    java.util.List<Projection> projections;
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

        long applied = rebuild.run(projections.stream().filter(p -> p.name().equals(projection)).findFirst()
                .orElseThrow(), 7, (done, total) -> { });
        assertThat(applied).as("the whole log, in runs of 7").isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry", Long.class));

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
