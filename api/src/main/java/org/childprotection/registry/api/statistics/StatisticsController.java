package org.childprotection.registry.api.statistics;

import jakarta.validation.constraints.Pattern;
import org.childprotection.registry.accesslog.AccessLog;
import org.childprotection.registry.api.reads.Reads;
import org.childprotection.registry.api.security.RegistryUser;
import org.childprotection.registry.api.web.StorableInstant;
import org.childprotection.registry.readmodel.Jurisdictions;
import org.childprotection.registry.statistics.Statistics;
import org.childprotection.registry.statistics.StatisticsRepository;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Statistics (docs/api.md) for a village-code prefix, within the caller's jurisdictions. */
@RestController
public class StatisticsController {

    private final StatisticsRepository statistics;
    private final Clock clock;

    private final Reads reads;

    public StatisticsController(StatisticsRepository statistics, Clock clock, Reads reads) {
        this.reads = reads;
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/api/statistics")
    Statistics statistics(@RequestParam(required = false) @Pattern(regexp = "\\d{1,12}",
                                  message = "must be a village-code prefix of 1 to 12 digits") String villageCode,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant to,
                          @AuthenticationPrincipal RegistryUser user) {
        Map<String, String> filter = new TreeMap<>();
        filter.put("villageCode", villageCode == null ? "" : villageCode);
        if (from != null) {
            filter.put("from", from.toString());
        }
        if (to != null) {
            filter.put("to", to.toString());
        }
        // statistics name no case: the filter says what was counted
        reads.withDetail(user, AccessLog.Resource.STATISTICS, filter);
        return statistics.of(villageCode, new Jurisdictions(user.jurisdictions()), from, to, clock.instant());
    }
}
