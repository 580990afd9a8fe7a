package org.childprotection.registry.api.problem;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import org.apache.catalina.valves.ErrorReportValve;

/**
 * Puts {@link ContainerProblemValve} in place of the error report valve Tomcat (and Spring Boot) would use. Runs
 * after Spring Boot's own Tomcat settings, which add a plain one.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final Problems problems;

    ContainerProblems(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(ContainerProblemValve.class.getName());
            host.getPipeline().addValve(new ContainerProblemValve(problems));
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
