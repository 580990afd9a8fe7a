package org.childprotection.registry.testsupport;

import org.childprotection.registry.privacy.CaseKeys;
import org.childprotection.registry.privacy.KeyEncryptionKeys;
import org.childprotection.registry.privacy.PersonalDataSeal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import javax.sql.DataSource;

/** The privacy keys of a test that builds the event log by hand, under a key-encryption key for tests only. */
public final class TestKeys {

    /** TEST ONLY: a public key-encryption key. */
    public static final String KEY_ENCRYPTION_KEY = "dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMiE=";

    private TestKeys() {
    }

    public static PersonalDataSeal seal(DataSource dataSource) {
        return new PersonalDataSeal(new CaseKeys(new JdbcTemplate(dataSource), new KeyEncryptionKeys(
                new MockEnvironment().withProperty(KeyEncryptionKeys.TEXT, KEY_ENCRYPTION_KEY))));
    }
}
