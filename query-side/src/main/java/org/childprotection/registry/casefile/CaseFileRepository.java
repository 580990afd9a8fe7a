package org.childprotection.registry.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.childprotection.registry.eventlog.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The case_file table: the file as a jsonb document plus the columns caseloads filter on. */
@Repository
public class CaseFileRepository {

    private final JdbcTemplate jdbc;

    public CaseFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseFile> find(String caseId) {
        return jdbc.query("SELECT document FROM case_file WHERE case_id = ?",
                (rs, i) -> read(rs.getString(1)), caseId).stream().findFirst();
    }

    public void save(CaseFile file) {
        jdbc.update("""
                INSERT INTO case_file (case_id, version, status, risk_level, village_code, caseworker, child_name,
                                       assessment_due, next_visit_due, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (case_id) DO UPDATE SET
                    version = excluded.version, status = excluded.status, risk_level = excluded.risk_level,
                    village_code = excluded.village_code, caseworker = excluded.caseworker,
                    child_name = excluded.child_name, assessment_due = excluded.assessment_due,
                    next_visit_due = excluded.next_visit_due, document = excluded.document
                """,
                file.caseId(), file.version(), file.status().name(),
                file.riskLevel() == null ? null : file.riskLevel().name(), file.villageCode(), file.caseworker(),
                file.child().name(),
                file.assessmentDue() == null ? null : java.sql.Timestamp.from(file.assessmentDue()),
                file.nextVisitDue(), write(file));
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM case_file");
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
