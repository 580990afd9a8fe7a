package org.childprotection.registry.registration;

import java.util.List;

public record Report(ReportSource source, List<MandatoryReportingTrigger> triggers, String description) {
}
