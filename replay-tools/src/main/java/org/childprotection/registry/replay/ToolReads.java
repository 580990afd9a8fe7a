package org.childprotection.registry.replay;

import org.childprotection.registry.accesslog.AccessLog;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A maintainer's read of a child's data with replay-tools (export, as-of) leaves one access-log row, as a read through
 * the API does: the database login as the user, and the operating-system user who ran the tool.
 */
final class ToolReads {

    private ToolReads() {
    }

    static void record(String tool, AccessLog.Resource resource, String caseId, List<String> caseIds,
                       Map<String, String> more) {
        JdbcTemplate jdbc = ReplayTools.context().getBean(JdbcTemplate.class);
        String login = jdbc.queryForObject("SELECT current_user", String.class);
        Map<String, String> detail = new TreeMap<>(more);
        detail.put("tool", "replay-tools " + tool);
        detail.put("osUser", System.getProperty("user.name", ""));
        detail.put("databaseLogin", login);
        String run = UUID.randomUUID().toString();
        ReplayTools.context().getBean(AccessLog.class).record(ReplayTools.context().getBean(Clock.class).instant(),
                login, "MAINTAINER", new AccessLog.Read(resource, caseId, caseIds, detail),
                new AccessLog.Origin("replay-tools-" + run, run, null));
    }
}
