package org.childprotection.testapp;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.MutableClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;

/**
 * The query side on its own: event store, processors and projections, without the API. It lives outside the
 * registry's packages so that the API's component scan never picks it up from the test jar.
 */
@SpringBootApplication(scanBasePackages = "org.childprotection.registry")
public class QuerySideTestApplication {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    @Scope("prototype")
    CaseEvents caseEvents(EventStore store) {
        return new CaseEvents(store);
    }
}
