package org.childprotection.registry.api.logging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names, ID numbers and addresses never reach the application log, not even when a request is refused (for the
 * usernames typed at failed sign-ins, see {@code SignInThrottleApiTest}).
 */
@RegistryApiTest
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsTest {

    @Autowired
    ApiClient api;

    @Test
    void registering_and_reading_a_child_logs_no_personal_data(CapturedOutput log) {
        ObjectNode body = Registrations.valid();
        String idNumber = body.at("/child/idNumber").asText();
        String caseId = api.post("li.caseworker", "/api/cases", body).json().get("caseId").asText();
        api.get("li.caseworker", "/api/cases/" + caseId);
        api.get("li.caseworker", "/api/cases/" + caseId + "/history");
        ObjectNode refused = Registrations.valid();
        refused.with("child").put("idNumber", idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1'));
        api.post("li.caseworker", "/api/cases", refused);
        api.post("li.caseworker", "/api/cases", "{\"child\": {\"name\": \"王小明\", \"sex\": 5");

        assertThat(log.getAll())
                .doesNotContain(Registrations.CHILD_NAME)
                .doesNotContain(idNumber)
                .doesNotContain(idNumber.substring(0, 17))
                .doesNotContain("王奶奶")
                .doesNotContain("广东省深圳市")
                .doesNotContain("东风小学");
    }
}
