package org.childprotection.registry.api.security.transport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The proxy flag sets Spring Boot's forwarded-headers strategy, unless the site set one itself. */
class BehindTlsProxyTest {

    private static final String STRATEGY = "server.forward-headers-strategy";

    @Test
    void the_flag_makes_tomcat_believe_the_proxy() {
        MockEnvironment environment = new MockEnvironment().withProperty(BehindTlsProxy.FLAG, "true");

        new BehindTlsProxy().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(STRATEGY)).isEqualTo("native");
    }

    @Test
    void without_the_flag_no_forwarded_header_is_believed() {
        MockEnvironment environment = new MockEnvironment().withProperty(BehindTlsProxy.FLAG, "false");

        new BehindTlsProxy().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(STRATEGY)).isNull();
    }

    @Test
    void a_strategy_the_site_chose_wins() {
        MockEnvironment environment = new MockEnvironment().withProperty(BehindTlsProxy.FLAG, "true")
                .withProperty(STRATEGY, "framework");

        new BehindTlsProxy().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(STRATEGY)).isEqualTo("framework");
    }
}
