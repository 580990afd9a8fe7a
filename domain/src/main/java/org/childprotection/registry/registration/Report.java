package org.childprotection.registry.registration;

import org.childprotection.registry.kernel.PersonalData;
import java.util.List;

public record Report(ReportSource source, List<MandatoryReportingTrigger> triggers, @PersonalData String description) {
}
