package org.childprotection.registry.api.logging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.FromAddress;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.api.support.Registrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names, ID numbers and addresses never reach the application log, not even when a request is refused; nor does a
 * username typed at a failed sign-in (it goes to the security events only), nor a password.
 */
@RegistryApiTest
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsTest {

    @Autowired
    ApiClient api;
    @Value("${local.server.port}")
    int port;

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

    @Test
    void failed_and_throttled_sign_ins_log_neither_the_username_typed_nor_the_password(CapturedOutput log) {
        FromAddress stranger = new FromAddress(FromAddress.fresh(), port);
        String typed = "typed-" + UUID.randomUUID();
        String password = "password-" + UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            stranger.basic("GET", "/api/me", typed, password);
        }

        assertThat(stranger.basic("GET", "/api/me", typed, password).status()).isEqualTo(429);
        assertThat(log.getAll()).doesNotContain(typed).doesNotContain(password);
    }
}
