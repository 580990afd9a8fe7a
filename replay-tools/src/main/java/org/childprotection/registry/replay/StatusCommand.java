package org.childprotection.registry.replay;

import org.childprotection.registry.projection.ProjectionCatalog;

import org.childprotection.registry.projection.ProcessorStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code status}: where every projection stands. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "The Merkle log's processor: its position in the log, lag behind the head, segments and "
                + "their owners, whether it is replaying; every projection (applied by each command in its own "
                + "transaction) and any rebuild of it in progress.")
public class StatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ConfigurableApplicationContext context = ReplayTools.context();
        List<ProcessorStatus.Processor> processors = context.getBean(ProcessorStatus.class).all();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        PrintWriter out = spec.commandLine().getOut();
        List<String> known = context.getBean(ProjectionCatalog.class).names();
        out.printf("log head: global index %d%n", jdbc.queryForObject(
                "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class));
        for (ProcessorStatus.Processor processor : processors) {
            out.printf("%s: lag %d events%s%n", processor.name(), processor.lag(),
                    processor.replaying() ? ", replaying" : "");
            processor.segments().forEach(s -> out.printf("  segment %d: global index %s, lag %d, owner %s%s%n",
                    s.segment(), s.globalIndex() == null ? "-" : s.globalIndex(), s.lag(),
                    s.owner() == null ? "none" : s.owner(), s.replaying() ? ", replaying" : ""));
        }
        for (String name : known) {
            out.printf("%s: applied by each command in its own transaction%n", name);
            jdbc.query("SELECT events_applied, global_index, started_at, updated_at FROM projection_rebuild "
                    + "WHERE projection = ?", rs -> {
                out.printf("  rebuild in progress: %d events applied, at global index %d, started %s, last step %s%n",
                        rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant());
            }, name);
        }
        out.flush();
        return 0;
    }
}
