package org.childprotection.registry.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The closed cases whose retention has passed (docs/erasure.md), oldest due first, from the case files: their
 * closure time and the child's date of birth are in the file, which only the registry reads here. Closed cases are
 * few beside open ones, and the rules are the configuration's, so they are applied to each closed file in turn.
 */
@Repository
public class DueForErasure {

    /** A case due: what a supervisor needs to decide on asking, and nothing of the child. */
    public record DueCase(String caseId, String villageCode, Instant closedAt, LocalDate dueOn, List<String> rules,
                          boolean erasureRequested) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public DueForErasure(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every case due on {@code today} in the jurisdictions. */
    public List<DueCase> all(Retention retention, Jurisdictions jurisdictions, LocalDate today) {
        if (!retention.configured()) {
            return List.of();
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        List<DueCase> due = new ArrayList<>();
        jdbc.query("SELECT case_id, village_code, document FROM case_file WHERE status = 'CLOSED' AND "
                + jurisdictions.condition("village_code", parameters), parameters, rs -> {
                    String caseId = rs.getString("case_id");
                    String village = rs.getString("village_code");
                    JsonNode file = read(rs.getString("document"));
                    if (file.path("erased").asBoolean(false)) {
                        return;
                    }
                    Instant closedAt = file.path("closedAt").isTextual() ? Instant.parse(file.get("closedAt").asText())
                            : null;
                    LocalDate birth = file.path("child").path("dateOfBirth").isTextual()
                            ? LocalDate.parse(file.get("child").get("dateOfBirth").asText()) : null;
                    retention.dueOn(closedAt, birth).filter(day -> !day.isAfter(today)).ifPresent(day ->
                            due.add(new DueCase(caseId, village, closedAt, day, retention.names(),
                                    file.path("erasure").isObject())));
                });
        due.sort(Comparator.comparing(DueCase::dueOn).thenComparing(DueCase::caseId));
        return due;
    }

    public Page<DueCase> page(Retention retention, Jurisdictions jurisdictions, LocalDate today, PageRequest page) {
        List<DueCase> due = all(retention, jurisdictions, today);
        int from = (int) Math.min(due.size(), (long) page.page() * page.size());
        return new Page<>(due.subList(from, Math.min(due.size(), from + page.size())), page.page(), page.size(),
                due.size());
    }

    private static JsonNode read(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable case file document", e);
        }
    }
}
