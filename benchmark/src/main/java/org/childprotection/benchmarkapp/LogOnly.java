package org.childprotection.benchmarkapp;

import org.childprotection.registry.casefile.CaseFileRepository;
import org.childprotection.registry.eventlog.EventLogConfiguration;
import org.childprotection.registry.projection.CaseProjectionWait;
import org.childprotection.registry.projection.DeadLetterQueues;
import org.childprotection.registry.projection.ParkingBatch;
import org.childprotection.registry.projection.Savepoint;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The event log without any processor: what a rebuild needs (as replay-tools has it). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({EventLogConfiguration.class, CaseFileRepository.class, CaseProjectionWait.class, DeadLetterQueues.class,
        Savepoint.class, ParkingBatch.class})
public class LogOnly {
}
