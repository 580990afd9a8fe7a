package org.childprotection.registry.testsupport;

import org.childprotection.testapp.QuerySideTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The query side with its real processors on a database of its own; events are written with {@link CaseEvents}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = QuerySideTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"axon.axonserver.enabled=false", "registry.integrity.generate-key=true",
                "registry.privacy.generate-key=true"})
@ContextConfiguration(initializers = UniqueTestDatabase.class)
public @interface QuerySideTest {
}
