package org.childprotection.registry.api.security.transport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * {@code registry.security.behind-tls-proxy=true}: TLS ends at a reverse proxy, whose {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-For} then say whether the request was secure (HSTS, Secure cookies) and who sent it. It sets
 * Spring Boot's {@code server.forward-headers-strategy=native}: Tomcat's remote-IP valve, which believes those
 * headers only from the proxies it trusts ({@code server.tomcat.remoteip.internal-proxies}, private and loopback
 * addresses by default). Without the flag they are ignored, as anyone can send them. A site's own
 * {@code server.forward-headers-strategy} wins.
 */
public class BehindTlsProxy implements EnvironmentPostProcessor {

    static final String FLAG = "registry.security.behind-tls-proxy";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(FLAG, Boolean.class, false)) {
            environment.getPropertySources().addLast(new MapPropertySource(FLAG,
                    Map.of("server.forward-headers-strategy", "native")));
        }
    }
}
