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

/**
 * The whole registry on a random port, in the demo profile (its users), on a database of its own. The test classes
 * that share it all call from 127.0.0.1 as the same demo users, some with wrong passwords on purpose, in an order
 * nobody fixes: the sign-in throttle would refuse the demo users to whichever class comes after the fifth. It is
 * lifted here; {@code SignInThrottleApiTest} tests it, as configured by default, in a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = RegistryApiTest.NO_SIGN_IN_THROTTLE)
@ContextConfiguration(initializers = UniqueTestDatabase.class)
@Import({ApiClient.class, CaseSteps.class})
@ActiveProfiles("demo")
public @interface RegistryApiTest {

    String NO_SIGN_IN_THROTTLE = "registry.security.sign-in-throttle.max-failures=2147483647";
}
