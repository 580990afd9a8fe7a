package org.childprotection.registry.privacy;

import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The closed cases whose retention has passed (docs/erasure.md), oldest due first, from the case files: their
 * closure time and the child's date of birth are in the file, which only the registry reads here. Closed cases are
 * few beside open ones, and the rules are the configuration's, so they are applied to each closed file in turn; the
 * database hands over the three fields the rules need, not the files, and leaves out the erased ones.
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
        jdbc.query("SELECT case_id, village_code, document->>'closedAt' AS closed_at, "
                + "document->'child'->>'dateOfBirth' AS date_of_birth, "
                + "json_typeof(document->'erasure') = 'object' AS erasure_requested "
                + "FROM case_file WHERE status = 'CLOSED' AND document->>'closedAt' IS NOT NULL "
                + "AND coalesce(document->>'erased', 'false') <> 'true' AND "
                + jurisdictions.condition("village_code", parameters), parameters, rs -> {
                    String caseId = rs.getString("case_id");
                    String village = rs.getString("village_code");
                    Instant closedAt = Instant.parse(rs.getString("closed_at"));
                    String birth = rs.getString("date_of_birth");
                    boolean requested = rs.getBoolean("erasure_requested");
                    retention.dueOn(closedAt, birth == null ? null : LocalDate.parse(birth))
                            .filter(day -> !day.isAfter(today))
                            .ifPresent(day -> due.add(new DueCase(caseId, village, closedAt, day, retention.names(),
                                    requested)));
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
}
