package org.childprotection.registry.caseload;

import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.privacy.IdNumbers;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Caseloads from the case_file projection, most urgent first (docs/domain.md): RED cases first, then every other case
 * by its first deadline, so the longest overdue comes first; cases with nothing due come last.
 */
@Repository
public class CaseloadRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public CaseloadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<CaseSummary> page(CaseloadFilter filter, Jurisdictions jurisdictions, Instant now, PageRequest page) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("now", Timestamp.from(now));
        List<String> conditions = new ArrayList<>();
        conditions.add(jurisdictions.condition("village_code", parameters));
        if (filter.villageCode() != null) {
            conditions.add(Jurisdictions.of(filter.villageCode()).condition("village_code", parameters, "villageCode"));
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            parameters.addValue("status", filter.status().name());
        }
        if (filter.riskLevel() != null) {
            conditions.add("risk_level = :riskLevel");
            parameters.addValue("riskLevel", filter.riskLevel().name());
        }
        if (filter.caseworker() != null) {
            conditions.add("caseworker = :caseworker");
            parameters.addValue("caseworker", filter.caseworker());
        }
        if (filter.overdue() != null) {
            conditions.add(filter.overdue() ? "due_at < :now" : "(due_at IS NULL OR due_at >= :now)");
        }
        return withMaskedIdNumbers(page.fetch(jdbc, """
                case_id, child_name, village_code, status, risk_level, caseworker, next_visit_due, due_at,
                coalesce(due_at < :now, false) AS overdue""",
                "case_file WHERE " + String.join(" AND ", conditions), "urgency, due_at NULLS LAST, case_id",
                parameters, (rs, i) -> new CaseSummary(rs.getString("case_id"), rs.getString("child_name"), null,
                        rs.getString("village_code"), CaseStatus.valueOf(rs.getString("status")),
                        rs.getString("risk_level") == null ? null : RiskLevel.valueOf(rs.getString("risk_level")),
                        rs.getString("caseworker"),
                        rs.getObject("next_visit_due", java.time.LocalDate.class),
                        rs.getTimestamp("due_at") == null ? null : rs.getTimestamp("due_at").toInstant(),
                        rs.getBoolean("overdue"))));
    }

    /**
     * The page's identity numbers, masked, read from the files of its cases alone: taking them in the page's own
     * query would have PostgreSQL read every matching file's document before it sorts.
     */
    private Page<CaseSummary> withMaskedIdNumbers(Page<CaseSummary> page) {
        if (page.items().isEmpty()) {
            return page;
        }
        Map<String, String> masked = new HashMap<>();
        jdbc.query("SELECT case_id, document -> 'child' ->> 'idNumber' FROM case_file WHERE case_id IN (:ids)",
                new MapSqlParameterSource("ids", page.items().stream().map(CaseSummary::caseId).toList()),
                rs -> {
                    masked.put(rs.getString(1), IdNumbers.mask(rs.getString(2)));
                });
        return page.map(item -> item.withIdNumber(masked.get(item.caseId())));
    }
}
