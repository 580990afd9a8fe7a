package org.childprotection.registry.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.eventlog.EventJson;
import org.childprotection.registry.projection.CopyIn;
import org.childprotection.registry.projection.ProjectionTarget;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The case_file table: the file as a JSON document plus the columns caseloads filter on. */
@Repository
public class CaseFileRepository {

    public static final String TABLE = "case_file";

    private final JdbcTemplate jdbc;
    private final String table;
    private final String upsert;

    @Autowired
    public CaseFileRepository(JdbcTemplate jdbc) {
        this(jdbc, TABLE);
    }

    private CaseFileRepository(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
        this.upsert = upsert(table);
    }

    /** The same repository on the table of {@code target} (a rebuild's copy, or this one for the live table). */
    public CaseFileRepository in(ProjectionTarget target) {
        return target == ProjectionTarget.LIVE ? this : new CaseFileRepository(jdbc, target.table(TABLE));
    }

    public Optional<CaseFile> find(String caseId) {
        return jdbc.query("SELECT document FROM " + table + " WHERE case_id = ?",
                (rs, i) -> read(rs.getString(1)), caseId).stream().findFirst();
    }

    /** The case's current village code, without reading its whole file. */
    public Optional<String> villageCodeOf(String caseId) {
        return jdbc.queryForList("SELECT village_code FROM " + table + " WHERE case_id = ?", String.class, caseId)
                .stream().findFirst();
    }

    /** The files of these cases that exist, by case id. */
    public java.util.Map<String, CaseFile> findAll(java.util.Collection<String> caseIds) {
        java.util.Map<String, CaseFile> files = new java.util.HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.query("SELECT document FROM " + table + " WHERE case_id = ANY (?)", rs -> {
                CaseFile file = read(rs.getString(1));
                files.put(file.caseId(), file);
            }, (Object) caseIds.toArray(String[]::new));
        }
        return files;
    }

    /** Writes many files with one batched statement. */
    public void saveAll(java.util.Collection<CaseFile> files) {
        jdbc.batchUpdate(upsert, files.stream().map(this::columns).toList());
    }

    /** Writes files that the table cannot hold yet, as in a rebuild's fresh copy, with one COPY. */
    public void copyAll(java.util.Collection<CaseFile> files) {
        CopyIn.rows(jdbc, table, COLUMNS, files.stream().map(this::columns).toList());
    }

    private static final String COLUMNS = "case_id, version, status, risk_level, urgency, village_code, caseworker, "
            + "child_name, reported_at, first_assessed_at, next_visit_due, due_at, transfer_to_village, document";

    private Object[] columns(CaseFile file) {
        return new Object[]{file.caseId(), file.version(), file.status().name(),
                file.riskLevel() == null ? null : file.riskLevel().name(), urgency(file.riskLevel()),
                file.villageCode(), file.caseworker(), file.child().name(), timestamp(file.reportedAt()),
                timestamp(file.firstAssessedAt()), file.nextVisitDue(), timestamp(file.dueAt()),
                file.pendingTransfer() == null ? null : file.pendingTransfer().toVillageCode(), write(file)};
    }

    private static String upsert(String table) {
        return "INSERT INTO " + table + " (" + COLUMNS + ")" + """
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS json))
                ON CONFLICT (case_id) DO UPDATE SET
                    version = excluded.version, status = excluded.status, risk_level = excluded.risk_level,
                    urgency = excluded.urgency, village_code = excluded.village_code,
                    caseworker = excluded.caseworker, child_name = excluded.child_name,
                    reported_at = excluded.reported_at, first_assessed_at = excluded.first_assessed_at,
                    next_visit_due = excluded.next_visit_due, due_at = excluded.due_at,
                    transfer_to_village = excluded.transfer_to_village, document = excluded.document
                """;
    }

    /** A caseload lists RED cases first, then every other case by its deadline (docs/domain.md). */
    static int urgency(RiskLevel level) {
        return level == RiskLevel.RED ? 0 : 1;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static CaseFile read(String json) {
        try {
            return EventJson.mapper().readValue(json, CaseFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable case file document", e);
        }
    }

    private static String write(CaseFile file) {
        try {
            return EventJson.mapper().writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Case file " + file.caseId() + " cannot be written as JSON", e);
        }
    }
}
