package org.childprotection.registry.api.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;

/**
 * A retention that waits for the child's 18th birthday as well (docs/erasure.md): a closed case whose child is a
 * minor is not due, however long ago it closed ({@code P0D}); RetentionTest covers the day it becomes due.
 */
@RegistryApiTest
@TestPropertySource(properties = "registry.privacy.retention=P0D,majority")
class RetentionAtMajorityApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    CaseSteps steps;

    @Test
    void a_closed_case_of_a_minor_is_not_due() {
        Case closed = steps.closed(LI, WANG, freshVillage(LI_TOWNSHIP));
        JsonNode file = steps.file(WANG, closed);
        assertThat(file.get("status").asText()).isEqualTo("CLOSED");
        assertThat(file.hasNonNull("closedAt")).as("the closure rule alone has passed").isTrue();
        assertThat(file.at("/child/dateOfBirth").asText()).isGreaterThan(CaseSteps.today().minusYears(18).toString());

        JsonNode due = api.get(WANG, "/api/privacy/due?size=200").json();
        assertThat(due.get("items").findValuesAsText("caseId")).as(due.toString()).doesNotContain(closed.id());
    }
}
