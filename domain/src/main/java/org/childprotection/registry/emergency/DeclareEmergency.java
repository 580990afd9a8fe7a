package org.childprotection.registry.emergency;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.childprotection.registry.registration.MandatoryReportingTrigger;

import java.util.List;

/** {@code placement} is required when the actions include a temporary-care placement, and only then. */
public record DeclareEmergency(@TargetAggregateIdentifier String caseId, MandatoryReportingTrigger trigger,
                               List<EmergencyAction> actions, Placement placement, String reason) {
}
