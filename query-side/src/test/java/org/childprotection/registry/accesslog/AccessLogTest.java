package org.childprotection.registry.accesslog;

import org.childprotection.registry.readmodel.Page;
import org.childprotection.registry.readmodel.PageRequest;
import org.childprotection.registry.testsupport.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuerySideTest
class AccessLogTest {

    static final Instant T = Instant.parse("2026-04-01T00:00:00Z");

    @Autowired
    AccessLog accessLog;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reads_are_recorded_and_found_by_case_actor_and_time() {
        accessLog.record(T, "li.caseworker", "CASEWORKER", "log-a", AccessLog.Resource.CASE_FILE, origin("r1"));
        accessLog.record(T.plusSeconds(10), "chen.oversight", "OVERSIGHT", "log-a", AccessLog.Resource.HISTORY, origin("r2"));
        accessLog.record(T.plusSeconds(20), "li.caseworker", "CASEWORKER", "log-b", AccessLog.Resource.CASE_FILE, origin("r3"));
        PageRequest all = new PageRequest(0, 10);

        Page<AccessLog.AccessRecord> ofCase = accessLog.page(new AccessLog.Filter("log-a", null, null, null), all);
        assertThat(ofCase.items()).extracting(AccessLog.AccessRecord::requestId).containsExactly("r1", "r2");
        assertThat(ofCase.items().get(1).resource()).isEqualTo(AccessLog.Resource.HISTORY);
        assertThat(ofCase.items().get(1).username()).isEqualTo("chen.oversight");
        assertThat(ofCase.items().get(1).role()).isEqualTo("OVERSIGHT");
        assertThat(ofCase.items().get(1).accessedAt()).isEqualTo(T.plusSeconds(10));
        assertThat(ofCase.items().get(1).serverRequestId()).isEqualTo("server-r2");
        assertThat(ofCase.items().get(1).clientAddress()).isEqualTo("192.0.2.7");
        assertThat(accessLog.page(new AccessLog.Filter(null, "li.caseworker", T, T.plusSeconds(30)), all).items())
                .extracting(AccessLog.AccessRecord::requestId).containsExactly("r1", "r3");
        assertThat(accessLog.page(new AccessLog.Filter(null, null, T.plusSeconds(10), T.plusSeconds(20)), all).items())
                .extracting(AccessLog.AccessRecord::requestId).containsExactly("r2");
    }

    @Test
    void the_access_log_refuses_update_delete_and_truncate() {
        accessLog.record(T.minusSeconds(3600), "li.caseworker", "CASEWORKER", "log-c", AccessLog.Resource.CASE_FILE, origin("r4"));

        assertThatThrownBy(() -> jdbc.update("UPDATE access_log SET username = 'nobody' WHERE case_id = 'log-c'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM access_log WHERE case_id = 'log-c'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE access_log"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT username FROM access_log WHERE case_id = 'log-c'", String.class))
                .isEqualTo("li.caseworker");
    }

    private static AccessLog.Origin origin(String requestId) {
        return new AccessLog.Origin(requestId, "server-" + requestId, "192.0.2.7");
    }
}
