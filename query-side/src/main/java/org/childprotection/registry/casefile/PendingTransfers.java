package org.childprotection.registry.casefile;

import org.childprotection.registry.kernel.CaseStatus;
import org.childprotection.registry.kernel.RiskLevel;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The pending transfers of the case-file projection, oldest request first, as either side sees them. */
@Repository
public class PendingTransfers {

    /** Incoming: to a village of the reader's jurisdictions. Outgoing: of a case in one of them. */
    public enum Direction {
        INCOMING("transfer_to_village"),
        OUTGOING("village_code");

        private final String column;

        Direction(String column) {
            this.column = column;
        }
    }

    private static final String TRANSFER = "(document -> 'pendingTransfer')";

    private final NamedParameterJdbcTemplate jdbc;

    public PendingTransfers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<TransferSummary> page(Direction direction, Jurisdictions jurisdictions, PageRequest page) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        return page.fetch(jdbc, "case_id, version, status, risk_level, village_code, transfer_to_village, "
                        + TRANSFER + " ->> 'reason' AS reason, " + TRANSFER + " ->> 'requestedBy' AS requested_by, "
                        + "CAST(" + TRANSFER + " ->> 'requestedAt' AS timestamptz) AS requested_at",
                "case_file WHERE transfer_to_village IS NOT NULL AND "
                        + jurisdictions.condition(direction.column, parameters),
                "requested_at, case_id", parameters,
                (rs, i) -> new TransferSummary(rs.getString("case_id"), rs.getLong("version"),
                        CaseStatus.valueOf(rs.getString("status")),
                        rs.getString("risk_level") == null ? null : RiskLevel.valueOf(rs.getString("risk_level")),
                        rs.getString("village_code"), rs.getString("transfer_to_village"), rs.getString("reason"),
                        rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant()));
    }
}
