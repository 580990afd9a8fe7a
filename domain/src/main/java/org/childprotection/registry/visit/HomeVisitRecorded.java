package org.childprotection.registry.visit;

import org.axonframework.serialization.Revision;
import org.childprotection.registry.assessment.RiskFactor;
import org.childprotection.registry.kernel.PersonalData;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record HomeVisitRecorded(String caseId, LocalDate visitDate, VisitorRole visitorRole, boolean childSeen,
                                @PersonalData String observations, List<RiskFactor> concerns) {
}
