package org.childprotection.registry.api.web;

import org.apache.catalina.Context;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.childprotection.registry.api.signin.SignInThrottleFilter;
import org.childprotection.registry.api.support.RegistryApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The running server's filters stand as {@link FilterOrder} says, the security chain among them. */
@RegistryApiTest
class FilterOrderTest {

    @Autowired
    ServletWebServerApplicationContext context;
    @Autowired
    FilterChainProxy security;

    @Test
    void the_filters_run_in_the_order_of_filter_order() {
        Context tomcat = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        List<String> filters = Arrays.stream(tomcat.findFilterMaps()).map(FilterMap::getFilterName).distinct().toList();

        assertThat(filters).containsSubsequence("requestIds", "databaseOutageFilter", "springSecurityFilterChain",
                "requestGuard", "idempotencyFilter");
    }

    @Test
    void the_sign_in_throttle_stands_before_every_authentication_filter_of_the_chain() {
        List<Class<?>> chain = security.getFilterChains().get(0).getFilters().stream()
                .<Class<?>>map(Object::getClass).toList();

        assertThat(chain).containsSubsequence(SignInThrottleFilter.class, BasicAuthenticationFilter.class);
        assertThat(chain.subList(0, chain.indexOf(SignInThrottleFilter.class)))
                .noneMatch(filter -> filter.getSimpleName().contains("Authentication"));
    }
}
