package org.childprotection.registry.api.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.CaseSteps;
import org.childprotection.registry.api.support.CaseSteps.Case;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.registry.api.support.CaseSteps.CHEN;
import static org.childprotection.registry.api.support.CaseSteps.LI;
import static org.childprotection.registry.api.support.CaseSteps.LI_TOWNSHIP;
import static org.childprotection.registry.api.support.CaseSteps.WANG;
import static org.childprotection.registry.api.support.CaseSteps.freshVillage;

/**
 * The minimum shown (docs/erasure.md): a child's identity number is masked, {@code 110101********0016}, wherever
 * many children are listed or an event is shown — caseloads, the audit trail, the history, the access log,
 * statistics — and whole only in the case file, to the caseworkers and supervisors of its jurisdiction and to
 * oversight.
 */
@RegistryApiTest
class MaskedIdNumbersApiTest {

    @Autowired
    ApiClient api;
    @Autowired
    CaseSteps steps;

    @Test
    void the_number_is_masked_in_every_list_and_event_and_whole_only_in_the_case_file() {
        LocalDate birth = LocalDate.of(2015, 2, 3).plusDays(System.nanoTime() % 900);
        String registered = Registrations.idNumber(birth);
        String idNumber = Registrations.idNumber(birth, "457");
        String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        ObjectNode body = Registrations.valid(birth);
        String village = freshVillage(LI_TOWNSHIP);
        body.with("child").put("villageCode", village);
        String caseId = api.post(LI, "/api/cases", body).json().get("caseId").asText();
        Case c = new Case(caseId, 0, village);
        steps.ok(LI, c, "corrections", CaseSteps.correction(steps.eventId(c, 0), "child.idNumber", idNumber));
        String corrected = c.path();

        for (String reader : List.of(LI, WANG, CHEN)) {
            JsonNode page = api.get(reader, "/api/cases?villageCode=" + c.village()).json();
            assertThat(page.at("/items/0/caseId").asText()).isEqualTo(c.id());
            assertThat(page.at("/items/0/idNumber").asText()).as(reader + "'s caseload").isEqualTo(masked);
            assertThat(api.get(reader, corrected).json().at("/child/idNumber").asText()).as(reader + "'s case file")
                    .isEqualTo(idNumber);
            assertThat(api.get(reader, corrected + "?asOf=" + Instant.now()).json().at("/child/idNumber").asText())
                    .as(reader + "'s case file as it stood").isEqualTo(idNumber);
            String history = api.get(reader, corrected + "/history").body();
            assertThat(history).as(reader + "'s history").doesNotContain(idNumber).contains(masked);
        }
        String trail = api.get(CHEN, "/api/audit/events?villageCode=" + c.village()).body();
        assertThat(trail).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14)).contains(masked);
        JsonNode registration = api.get(CHEN, corrected + "/history").json().at("/events/0");
        assertThat(registration.at("/data/child/idNumber").asText())
                .isEqualTo(registered.substring(0, 6) + "********" + registered.substring(14));
        assertThat(trail).doesNotContain(registered);
        assertThat(registration.at("/corrections/0/value").asText()).isEqualTo(masked);
        assertThat(api.get(CHEN, "/api/audit/access-log?caseId=" + c.id()).body()).doesNotContain(idNumber);
        assertThat(api.get(WANG, "/api/statistics?villageCode=" + c.village()).body()).doesNotContain(idNumber);
    }
}
