package org.childprotection.registry.api.privacy;

import org.childprotection.registry.privacy.CaseKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A key-encryption key's rotation (docs/erasure.md): once started with a new key, and the old one among the retired
 * ones, the registry re-wraps every data key the old one wrapped, a few hundred per transaction, touching no event.
 * Several nodes may do it at once: each takes the rows nobody else holds.
 */
@Component
class KeyRewrapAtStart {

    private static final Logger log = LoggerFactory.getLogger(KeyRewrapAtStart.class);
    private static final int BATCH = 500;

    private final CaseKeys keys;
    private final TransactionTemplate transactions;

    KeyRewrapAtStart(CaseKeys keys, TransactionTemplate transactions) {
        this.keys = keys;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rewrap() {
        int total = 0;
        for (int done = BATCH; done == BATCH; total += done) {
            done = transactions.execute(status -> keys.rewrap(BATCH));
        }
        if (total > 0) {
            log.info("Re-wrapped {} data keys under the current key-encryption key", total);
        }
    }
}
