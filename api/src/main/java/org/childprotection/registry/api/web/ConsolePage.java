package org.childprotection.registry.api.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console's page at the root, whatever the request's {@code Accept} says, as {@code /index.html} itself is
 * served. Spring Boot's welcome page answered a client that does not ask for HTML with a bare 406, the one refusal
 * without a problem body (found by the fuzzing of odd paths).
 */
@Configuration(proxyBeanMethods = false)
public class ConsolePage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/index.html");
    }
}
