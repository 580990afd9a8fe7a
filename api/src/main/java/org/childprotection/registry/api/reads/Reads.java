package org.childprotection.registry.api.reads;

import org.childprotection.registry.accesslog.AccessLog;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.api.web.RequestIds;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every read of a child's data through the API leaves one access-log row, whoever reads (oversight too): the one way
 * the API's endpoints record what they returned. {@code ReadsAreLoggedApiTest} holds every GET endpoint to it.
 */
@Component
public class Reads {

    private final AccessLog accessLog;
    private final Clock clock;

    public Reads(AccessLog accessLog, Clock clock) {
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public void ofCase(RegistryUser user, AccessLog.Resource resource, String caseId) {
        record(user, AccessLog.Read.ofCase(resource, caseId));
    }

    /** A page of cases: the ids of the cases it returned, each once, in the page's order. */
    public <T> void ofPage(RegistryUser user, AccessLog.Resource resource, List<T> items, Function<T, String> caseId) {
        record(user, AccessLog.Read.ofPage(resource, items.stream().map(caseId).distinct().toList()));
    }

    public void withDetail(RegistryUser user, AccessLog.Resource resource, Map<String, String> detail) {
        record(user, AccessLog.Read.withDetail(resource, null, detail));
    }

    private void record(RegistryUser user, AccessLog.Read read) {
        accessLog.record(clock.instant(), user.username(), user.role().name(), read, RequestIds.origin());
    }
}
