package org.childprotection.testapp;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.childprotection.registry.projection.QuerySide;
import org.childprotection.registry.testsupport.CaseEvents;
import org.childprotection.registry.testsupport.MutableClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;

/**
 * The query side on its own, as the API imports it ({@link QuerySide}): event store, processors and projections,
 * without the API. It lives outside the registry's packages so that no scan of them picks it up from the test jar.
 */
@SpringBootApplication
@Import(QuerySide.class)
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
