package org.childprotection.registry.registration;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The report named mandatory-reporting triggers, so the police were notified when the case was opened. */
@Revision("1")
public record PoliceNotified(String caseId, List<MandatoryReportingTrigger> triggers) {
}
