package org.childprotection.registry.emergency;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.registration.MandatoryReportingTrigger;
import org.childprotection.registry.kernel.PersonalData;

import java.time.Instant;
import java.util.List;

@Revision("1")
public record EmergencyDeclared(String caseId, MandatoryReportingTrigger trigger, List<EmergencyAction> actions,
                                Placement placement, @PersonalData String reason, Instant declaredAt) {
}
