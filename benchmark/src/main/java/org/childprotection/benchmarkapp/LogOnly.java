package org.childprotection.benchmarkapp;

import org.childprotection.registry.projection.QuerySideWithoutProcessors;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The event log without any processor: what a rebuild needs (as replay-tools has it). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(QuerySideWithoutProcessors.class)
public class LogOnly {
}
