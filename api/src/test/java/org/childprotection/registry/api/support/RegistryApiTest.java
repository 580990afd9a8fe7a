package org.childprotection.registry.api.support;

import org.childprotection.registry.api.RegistryApplication;
import org.childprotection.registry.testsupport.UniqueTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole registry on a random port, in the demo profile (its users), on a database of its own. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = UniqueTestDatabase.class)
@Import(ApiClient.class)
@ActiveProfiles("demo")
public @interface RegistryApiTest {
}
