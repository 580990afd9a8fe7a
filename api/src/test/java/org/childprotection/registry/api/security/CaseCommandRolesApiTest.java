package org.childprotection.registry.api.security;

import jakarta.servlet.ServletException;
import org.childprotection.registry.api.support.ApiClient;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.childprotection.registry.assessment.RecordRiskAssessment;
import org.childprotection.registry.assignment.AssignCaseworker;
import org.childprotection.registry.childcase.CaseCommands;
import org.childprotection.registry.closure.DecideClosure;
import org.childprotection.registry.closure.ReopenCase;
import org.childprotection.registry.closure.RequestClosure;
import org.childprotection.registry.contact.RecordParentalContact;
import org.childprotection.registry.correction.CorrectRecord;
import org.childprotection.registry.emergency.DeclareEmergency;
import org.childprotection.registry.erasure.DecideErasure;
import org.childprotection.registry.erasure.RequestErasure;
import org.childprotection.registry.guardian.RecordEntrustedGuardian;
import org.childprotection.registry.intervention.FileGuardianshipIntervention;
import org.childprotection.registry.intervention.RecordCourtDecision;
import org.childprotection.registry.kernel.Role;
import org.childprotection.registry.referral.RecordReferralOutcome;
import org.childprotection.registry.referral.ReferToService;
import org.childprotection.registry.registration.RegisterChild;
import org.childprotection.registry.transfer.DecideTransfer;
import org.childprotection.registry.transfer.RequestTransfer;
import org.childprotection.registry.visit.RecordHomeVisit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP security rules and the domain's one table of who may send which command ({@link CaseCommands})
 * cannot drift apart: for every command endpoint the controllers map, the roles the security filter chain lets
 * through are exactly the roles the table admits. The filter chain is probed as it runs, with each role's user.
 */
@RegistryApiTest
class CaseCommandRolesApiTest {

    /** The command each command endpoint sends, by its path as mapped. */
    private static final Map<String, Class<?>> COMMAND_OF_ENDPOINT = Map.ofEntries(
            entry("/api/cases", RegisterChild.class),
            entry("/api/cases/{caseId}/assessments", RecordRiskAssessment.class),
            entry("/api/cases/{caseId}/assignment", AssignCaseworker.class),
            entry("/api/cases/{caseId}/guardian", RecordEntrustedGuardian.class),
            entry("/api/cases/{caseId}/visits", RecordHomeVisit.class),
            entry("/api/cases/{caseId}/parental-contacts", RecordParentalContact.class),
            entry("/api/cases/{caseId}/referrals", ReferToService.class),
            entry("/api/cases/{caseId}/referrals/{referralId}/outcome", RecordReferralOutcome.class),
            entry("/api/cases/{caseId}/emergency", DeclareEmergency.class),
            entry("/api/cases/{caseId}/interventions", FileGuardianshipIntervention.class),
            entry("/api/cases/{caseId}/interventions/{interventionId}/decision", RecordCourtDecision.class),
            entry("/api/cases/{caseId}/closure", RequestClosure.class),
            entry("/api/cases/{caseId}/closure/decision", DecideClosure.class),
            entry("/api/cases/{caseId}/reopening", ReopenCase.class),
            entry("/api/cases/{caseId}/transfer", RequestTransfer.class),
            entry("/api/cases/{caseId}/transfer/decision", DecideTransfer.class),
            entry("/api/cases/{caseId}/corrections", CorrectRecord.class),
            entry("/api/cases/{caseId}/erasure", RequestErasure.class),
            entry("/api/cases/{caseId}/erasure/decision", DecideErasure.class));

    /** A demo user of each role (application.yml). */
    private static final Map<Role, String> USER_OF_ROLE = Map.of(
            Role.CASEWORKER, "li.caseworker",
            Role.SUPERVISOR, "wang.supervisor",
            Role.OVERSIGHT, "chen.oversight",
            Role.MAINTAINER, "ops.maintainer",
            Role.WITNESS, "north.witness");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    FilterChainProxy security;

    @Test
    void every_command_endpoint_sends_one_command_of_the_table_and_every_command_has_an_endpoint() {
        Set<String> commandEndpoints = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().contains(RequestMethod.POST))
                .flatMap(info -> info.getPatternValues().stream())
                .filter(path -> path.startsWith("/api/cases"))
                .collect(Collectors.toSet());
        Set<Class<?>> tableCommands = Arrays.stream(CaseCommands.values()).map(CaseCommands::command)
                .collect(Collectors.toSet());

        assertThat(commandEndpoints).isEqualTo(COMMAND_OF_ENDPOINT.keySet());
        assertThat(Set.copyOf(COMMAND_OF_ENDPOINT.values())).hasSize(COMMAND_OF_ENDPOINT.size())
                .isEqualTo(tableCommands);
    }

    @Test
    void http_lets_through_exactly_the_roles_the_table_admits() {
        assertThat(COMMAND_OF_ENDPOINT).allSatisfy((endpoint, command) -> {
            Set<Role> admitted = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                if (letThrough(endpoint, role)) {
                    admitted.add(role);
                }
            }
            assertThat(admitted).as("roles HTTP lets through to POST %s", endpoint)
                    .isEqualTo(CaseCommands.of(command).senders());
        });
    }

    @Test
    void the_probe_tells_a_refusal_from_a_pass() {
        assertThat(letThrough("/api/cases/{caseId}/transfer", Role.SUPERVISOR)).isTrue();
        assertThat(letThrough("/api/cases/{caseId}/transfer", Role.CASEWORKER)).isFalse();
    }

    /** Whether the security filter chain passes a POST to the endpoint, signed in as the role's user. */
    private boolean letThrough(String endpoint, Role role) {
        String path = endpoint.replaceAll("\\{[^}]+}", "x1");
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        String user = USER_OF_ROLE.get(role);
        request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + ApiClient.demoPassword(user)).getBytes(StandardCharsets.UTF_8)));
        AtomicBoolean reached = new AtomicBoolean();
        MockHttpServletResponse response = new MockHttpServletResponse();

        try {
            security.doFilter(request, response, (req, res) -> reached.set(true));
        } catch (IOException | ServletException e) {
            throw new AssertionError("the security filter chain failed on POST " + path, e);
        }

        assertThat(reached.get() || response.getStatus() == 403)
                .as("POST %s as %s: passed, or refused with 403 (was %s)", path, role, response.getStatus())
                .isTrue();
        return reached.get();
    }
}
