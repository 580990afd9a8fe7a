package org.childprotection.registry.eventlog;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Axon 4.13 reports anonymous usage data to AxonIQ on start. A child-protection registry sends nothing to
 * third parties, so the checker is switched off before Axon starts (its documented system property).
 */
public class UpdateCheckerOff implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        System.setProperty(DISABLED, "true");
    }
}
