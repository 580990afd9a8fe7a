package org.childprotection.registry.childcase;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

import static org.childprotection.registry.childcase.CaseExamples.NOW;

/** The base of the tests of the case's rules: a fresh fixture of the one aggregate for each test, its clock at NOW. */
public abstract class CaseFixtureTest {

    protected AggregateTestFixture<ChildCase> fixture;

    @BeforeEach
    protected void newFixture() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.givenCurrentTime(NOW);
    }
}
