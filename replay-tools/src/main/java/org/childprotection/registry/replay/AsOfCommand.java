package org.childprotection.registry.replay;

import org.childprotection.registry.accesslog.AccessLog;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.casefile.CaseFile;
import org.childprotection.registry.casefile.CaseFileView;
import org.childprotection.registry.privacy.CaseKeys;
import org.childprotection.registry.eventlog.EventJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code as-of --case <id> --at <instant>}: the case file as it stood then, from the log itself. */
@Command(name = "as-of", mixinStandardHelpOptions = true,
        description = "Print the case file as it stood at an instant, rebuilt from the events recorded up to it.")
public class AsOfCommand implements Callable<Integer> {

    @Option(names = "--case", required = true, paramLabel = "<caseId>", description = "The case.")
    String caseId;

    @Option(names = "--at", required = true, paramLabel = "<instant>",
            description = "ISO-8601 instant in UTC, e.g. 2026-03-01T00:00:00Z.")
    Instant at;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<? extends DomainEventMessage<?>> events = ReplayTools.context().getBean(EventStore.class)
                .readEvents(caseId).asStream().filter(e -> !e.getTimestamp().isAfter(at)).toList();
        if (events.isEmpty()) {
            spec.commandLine().getErr().println("Case " + caseId + " had no events at " + at + ".");
            return 1;
        }
        spec.commandLine().getOut().println(EventJson.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(CaseFileView.of(CaseFile.of(events), at,
                        ReplayTools.context().getBean(CaseKeys.class).destroyed(caseId))));
        ToolReads.record("as-of", AccessLog.Resource.AS_OF, caseId, null, java.util.Map.of("at", at.toString()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
